//! The exchange format: JSON that files, backups and other tools use.
//!
//! ```json
//! {"format": "jixiao", "version": 1, "tables": [ { "unit_code": "331202", … } ]}
//! ```
//! Amounts are decimal strings and a blank amount is `null` (see
//! [`jixiao_domain::budget::Amount`]). Reading checks the envelope first, so
//! a file from a newer version or another program gets a message that says
//! so instead of a parser error.

use serde::{Deserialize, Serialize};
use std::fmt;

use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::table::{Document, Table};

/// The `format` key every exchange file carries.
pub const FORMAT: &str = "jixiao";
/// The version this build writes and the newest it reads.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    tables: &'a [Table],
}

#[derive(Deserialize)]
struct Incoming {
    tables: Vec<Table>,
}

/// Why a JSON text could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeError {
    /// Not JSON at all.
    Broken {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a jixiao file.
    NotJixiao,
    /// Written by a newer jixiao.
    Newer(u64),
    /// A jixiao file whose contents have the wrong shape.
    Shape(String),
}

impl ExchangeError {
    pub fn message_zh(&self) -> String {
        match self {
            ExchangeError::Broken { line, column, detail } => {
                format!("文件不是有效的 JSON（第 {line} 行第 {column} 列：{detail}），可能已损坏或不完整。")
            }
            ExchangeError::NotJixiao => {
                "这不是绩效目标表编制器的文件：缺少 \"format\": \"jixiao\"。".into()
            }
            ExchangeError::Newer(v) => format!(
                "此文件由更新版本的编制器写入（格式版本 {v}，本版本最高支持 {VERSION}）：请使用新版本打开。"
            ),
            ExchangeError::Shape(detail) => format!("文件内容不符合格式：{detail}"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ExchangeError::Broken { line, column, detail } => format!(
                "The file is not valid JSON (line {line}, column {column}: {detail}); it may be damaged or incomplete."
            ),
            ExchangeError::NotJixiao => {
                "This is not a jixiao file: \"format\": \"jixiao\" is missing.".into()
            }
            ExchangeError::Newer(v) => format!(
                "This file was written by a newer jixiao (format version {v}; this one reads up to {VERSION}). Open it with a newer version."
            ),
            ExchangeError::Shape(detail) => format!("The file does not have the expected shape: {detail}"),
        }
    }
}

impl Bilingual for ExchangeError {
    fn text(&self) -> Text {
        Text::owned(self.message_zh(), self.message_en())
    }
}

impl fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for ExchangeError {}

/// Writes a document in the exchange format (pretty, for people and diffs).
pub fn to_json(doc: &Document) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        tables: &doc.tables,
    };
    serde_json::to_string_pretty(&envelope).expect("a document always serializes")
}

/// Reads a document in the exchange format.
pub fn from_json(text: &str) -> Result<Document, ExchangeError> {
    from_value(parse(text)?)
}

fn parse(text: &str) -> Result<serde_json::Value, ExchangeError> {
    serde_json::from_str(text).map_err(|e| ExchangeError::Broken {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })
}

fn from_value(value: serde_json::Value) -> Result<Document, ExchangeError> {
    let obj = value.as_object().ok_or(ExchangeError::NotJixiao)?;
    if obj.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ExchangeError::NotJixiao);
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > VERSION => return Err(ExchangeError::Newer(v)),
        Some(v) if v >= 1 => {}
        _ => {
            return Err(ExchangeError::Shape(
                "\"version\" 应为正整数 (version must be a positive integer)".into(),
            ))
        }
    }
    let incoming: Incoming =
        serde_json::from_value(value).map_err(|e| ExchangeError::Shape(e.to_string()))?;
    Ok(Document {
        tables: incoming.tables,
    })
}

/// Reads what a user may hand the importer as JSON: an exchange document,
/// or a single table object as other tools write it (`{"project": …,
/// "indicators": […]}`, no envelope).
pub fn read_tables(text: &str) -> Result<Document, ExchangeError> {
    read_value(parse(text)?)
}

/// [`read_tables`] of JSON already parsed.
pub(crate) fn read_value(value: serde_json::Value) -> Result<Document, ExchangeError> {
    let looks_like_table = value.as_object().is_some_and(|o| {
        !o.contains_key("format")
            && ["project", "indicators", "budget", "unit_name"]
                .iter()
                .any(|k| o.contains_key(*k))
    });
    if !looks_like_table {
        return from_value(value);
    }
    let table: Table =
        serde_json::from_value(value).map_err(|e| ExchangeError::Shape(e.to_string()))?;
    Ok(Document {
        tables: vec![table],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_errors_say_what_is_wrong() {
        assert!(matches!(from_json("{"), Err(ExchangeError::Broken { .. })));
        assert_eq!(from_json("[]"), Err(ExchangeError::NotJixiao));
        assert_eq!(
            from_json(r#"{"format":"other","version":1,"tables":[]}"#),
            Err(ExchangeError::NotJixiao)
        );
        assert_eq!(
            from_json(r#"{"format":"jixiao","version":2,"tables":[]}"#),
            Err(ExchangeError::Newer(2))
        );
        assert!(matches!(
            from_json(r#"{"format":"jixiao","version":1,"tables":[{"money_unit":"美元"}]}"#),
            Err(ExchangeError::Shape(m)) if m.contains("美元")
        ));
        assert!(from_json(r#"{"format":"jixiao","version":1,"tables":[]}"#).is_ok());
    }

    #[test]
    fn a_bare_table_object_reads_as_one_table() {
        let doc = read_tables(r#"{"project":"单表","budget":{"total":"8.00"}}"#).unwrap();
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].project, "单表");
        assert_eq!(doc.tables[0].budget.total.text(), "8.00");
        assert_eq!(read_tables(r#"{"hello":1}"#), Err(ExchangeError::NotJixiao));
        assert_eq!(
            read_tables(r#"{"format":"jixiao","version":3,"tables":[]}"#),
            Err(ExchangeError::Newer(3))
        );
    }
}
