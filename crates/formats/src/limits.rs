//! Limits on what the importers accept, with messages that say which limit
//! was hit. They keep a hostile or mistaken paste (a whole database dump, a
//! 100 MB file) from freezing the page or filling the browser's storage,
//! while staying far above any real document: the largest published unit
//! documents have a few dozen tables of a few dozen indicators.

use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::rules::Field;
use jixiao_domain::table::{Document, Table};

/// Bytes of text an import reads (a paste or a file).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Bytes of a Word document (.docx) an import reads: pictures make them
/// larger than their text.
pub const MAX_WORD_BYTES: usize = 50 * 1024 * 1024;
/// Bytes of a Word document's text part (`word/document.xml`, inflated):
/// Word's markup is many times the text it holds.
pub const MAX_WORD_XML_BYTES: usize = 64 * 1024 * 1024;
/// Tables one import may add.
pub const MAX_TABLES: usize = 500;
/// Indicator rows in one table.
pub const MAX_INDICATORS: usize = 2_000;
/// Goals in one table.
pub const MAX_GOALS: usize = 200;
/// Characters in one field (资金用途 and goals are the long ones).
pub const MAX_FIELD_CHARS: usize = 20_000;

/// A limit that was exceeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitError {
    pub message: String,
    pub message_en: String,
}

impl Bilingual for LimitError {
    fn text(&self) -> Text {
        Text::owned(self.message.clone(), self.message_en.clone())
    }
}

impl std::fmt::Display for LimitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LimitError {}

/// Bytes as MB with one decimal, without core's float formatting.
fn mb1(bytes: usize) -> String {
    let t = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", t / 10, t % 10)
}

/// Checks the size of a text before any importer reads it.
pub fn check_text(text: &str) -> Result<(), LimitError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(LimitError {
            message: format!(
                "内容过大（{} MB）：一次最多导入 {} MB。请分批导入。",
                mb1(text.len()),
                MAX_IMPORT_BYTES / 1_048_576
            ),
            message_en: format!(
                "Too large ({} MB): one import takes at most {} MB. Import it in parts.",
                mb1(text.len()),
                MAX_IMPORT_BYTES / 1_048_576
            ),
        });
    }
    Ok(())
}

/// Checks the size of a Word document before it is unpacked.
pub fn check_word_file(bytes: usize) -> Result<(), LimitError> {
    if bytes > MAX_WORD_BYTES {
        return Err(LimitError {
            message: format!(
                "Word 文档过大（{} MB）：一次最多读取 {} MB。请删去图片，或把表格分到几个文档中。",
                mb1(bytes),
                MAX_WORD_BYTES / 1_048_576
            ),
            message_en: format!(
                "The Word document is too large ({} MB): at most {} MB is read at once. Remove pictures, or split the tables over several documents.",
                mb1(bytes),
                MAX_WORD_BYTES / 1_048_576
            ),
        });
    }
    Ok(())
}

/// A Word document whose text part unpacks past [`MAX_WORD_XML_BYTES`].
pub fn word_too_large() -> LimitError {
    LimitError {
        message: format!(
            "Word 文档的正文过大（解压后超过 {} MB）：请把表格分到几个文档中。",
            MAX_WORD_XML_BYTES / 1_048_576
        ),
        message_en: format!(
            "The text of the Word document is too large (over {} MB unpacked): split the tables over several documents.",
            MAX_WORD_XML_BYTES / 1_048_576
        ),
    }
}

/// Checks an imported document before it becomes drafts.
pub fn check_document(doc: &Document) -> Result<(), LimitError> {
    if doc.tables.len() > MAX_TABLES {
        return Err(LimitError {
            message: format!(
                "表格过多（{} 张）：一次最多导入 {MAX_TABLES} 张。请分批导入。",
                doc.tables.len()
            ),
            message_en: format!(
                "Too many tables ({}): one import takes at most {MAX_TABLES}.",
                doc.tables.len()
            ),
        });
    }
    for (i, t) in doc.tables.iter().enumerate() {
        check_table(t).map_err(|e| LimitError {
            message: format!("第 {} 张表：{}", i + 1, e.message),
            message_en: format!("Table {}: {}", i + 1, e.message_en),
        })?;
    }
    Ok(())
}

/// Checks one table (an import, a share link, a restored draft).
pub fn check_table(t: &Table) -> Result<(), LimitError> {
    if t.indicators.len() > MAX_INDICATORS {
        return Err(LimitError {
            message: format!(
                "指标行过多（{} 行）：每张表最多 {MAX_INDICATORS} 行。",
                t.indicators.len()
            ),
            message_en: format!(
                "Too many indicator rows ({}): at most {MAX_INDICATORS} per table.",
                t.indicators.len()
            ),
        });
    }
    if t.goals.len() > MAX_GOALS {
        return Err(LimitError {
            message: format!(
                "绩效目标过多（{} 条）：最多 {MAX_GOALS} 条。",
                t.goals.len()
            ),
            message_en: format!("Too many goals ({}): at most {MAX_GOALS}.", t.goals.len()),
        });
    }
    // Every field of the table, as its form names it (the fields other
    // forms add, and amounts kept as text, too).
    let own: Vec<(String, String)> = Field::ALL
        .into_iter()
        .filter(|f| !matches!(f, Field::Goals | Field::MoneyUnit))
        .map(|f| (t.form.label(f).zh.into_owned(), f.text(t)))
        .collect();
    let fields = own
        .iter()
        .map(|(name, text)| (name.as_str(), text))
        .chain(t.goals.iter().map(|g| ("绩效目标", g)))
        .chain(t.indicators.iter().flat_map(|r| {
            [
                ("一级指标", &r.level1),
                ("二级指标", &r.level2),
                ("三级指标", &r.name),
                ("绩效指标描述", &r.description),
                ("指标值", &r.value),
            ]
        }));
    for (name, text) in fields {
        // Bytes bound characters from above: count only when it could matter.
        if text.len() > MAX_FIELD_CHARS && text.chars().count() > MAX_FIELD_CHARS {
            return Err(LimitError {
                message: format!(
                    "「{name}」过长（{} 字）：每个栏目最多 {MAX_FIELD_CHARS} 字。",
                    text.chars().count()
                ),
                message_en: format!(
                    "{name} is too long ({} characters): at most {MAX_FIELD_CHARS} per field.",
                    text.chars().count()
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::Indicator;

    #[test]
    fn real_documents_pass() {
        let doc = crate::layout::import(include_str!(
            "../../../tests/fixtures/tianjin-2025-tables-1-8.txt"
        ))
        .unwrap();
        assert_eq!(check_document(&doc), Ok(()));
    }

    #[test]
    fn each_limit_says_which_it_is() {
        assert!(check_text(&"x".repeat(MAX_IMPORT_BYTES + 1))
            .unwrap_err()
            .message
            .contains("内容过大"));
        let many = Document {
            tables: vec![Table::default(); MAX_TABLES + 1],
        };
        assert!(check_document(&many)
            .unwrap_err()
            .message
            .contains("表格过多"));
        let t = Table {
            indicators: vec![Indicator::default(); MAX_INDICATORS + 1],
            ..Table::default()
        };
        assert!(check_table(&t).unwrap_err().message.contains("指标行过多"));
        let mut t = Table {
            purpose: "用".repeat(MAX_FIELD_CHARS + 1),
            ..Table::default()
        };
        let e = check_table(&t).unwrap_err();
        assert!(e.message.contains("资金用途"), "{}", e.message);
        // Characters, not bytes: a long field of CJK just under the limit passes.
        t.purpose = "用".repeat(MAX_FIELD_CHARS);
        assert_eq!(check_table(&t), Ok(()));
        let doc = Document {
            tables: vec![Table::default(), t.clone(), {
                let mut bad = t;
                bad.project = "项".repeat(MAX_FIELD_CHARS + 5);
                bad
            }],
        };
        assert!(check_document(&doc)
            .unwrap_err()
            .message
            .starts_with("第 3 张表"));
        // The fields other forms add, named as the table's form names them.
        let t = Table {
            form: jixiao_domain::form::Form::Shanghai,
            carryover: jixiao_domain::Amount::Invalid("万".repeat(MAX_FIELD_CHARS + 1)),
            ..Table::default()
        };
        let e = check_table(&t).unwrap_err();
        assert!(
            e.message.starts_with("「上年结转资金」过长"),
            "{}",
            e.message
        );
    }
}
