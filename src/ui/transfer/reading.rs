//! What pasted or chosen text is: a table copied from Word, WPS or Excel
//! (the clipboard's HTML), a share link, exchange JSON or a draft box
//! backup, an HTML file, CSV, tab-separated cells or the published text
//! layout; and the text of a file, in UTF-8, UTF-16 or GB18030.
//!
//! Reading each form is the importers' job (`crates/formats`, and
//! `crates/drafts/src/backup.rs` for backups); this file tells the forms
//! apart and says, in the author's language, what went wrong.

use crate::domain::{Document, Lang, Table};
use crate::drafts::{backup, Draft};
use crate::formats::{clipboard, exchange, layout, limits, share};

/// What pasted or chosen text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A table copied from Word/WPS/Excel (the clipboard's HTML).
    Copied,
    ShareLink,
    Html,
    Csv,
    Json,
    /// Tab-separated cells (Excel's plain text).
    Tsv,
    /// The published text layout.
    Text,
}

impl Origin {
    /// The name in "从…中找到" / "Found … in the …".
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Origin::Copied => ("复制的表格", "copied table"),
            Origin::ShareLink => ("分享链接", "share link"),
            Origin::Html => ("HTML 表格", "HTML table"),
            Origin::Csv => ("CSV 表格", "CSV table"),
            Origin::Json => ("JSON 文件", "JSON file"),
            Origin::Tsv => ("制表符分隔的表格", "tab-separated table"),
            Origin::Text => ("文本", "text"),
        };
        lang.pick(zh, en)
    }
}

/// What the importer found.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Tables to add as new drafts; `from` names what they were read as.
    Tables { from: Origin, tables: Vec<Table> },
    /// A backup of a draft box: its drafts, restored as they are.
    Backup {
        drafts: Vec<Draft>,
        problems: Vec<String>,
    },
}

const NOTHING: &str = "没有内容：请粘贴表格，或选择文件。";
const NOTHING_EN: &str = "Nothing to import: paste a table, or choose a file.";

/// Reads what the author pasted or chose. `html` is the clipboard's
/// `text/html` (used when it holds a `<table>`), `name` the file's name;
/// what went wrong is said in `lang`.
pub fn read_input(
    text: &str,
    html: Option<&str>,
    name: Option<&str>,
    lang: Lang,
) -> Result<Found, String> {
    let limit = |e: limits::LimitError| lang.pick(e.message, e.message_en);
    limits::check_text(text).map_err(limit)?;
    if let Some(h) = html {
        limits::check_text(h).map_err(limit)?;
    }
    let mut found = read_any(text, html, name, lang)?;
    match &mut found {
        // The tables are lent to the check, not copied.
        Found::Tables { tables, .. } => {
            let doc = Document {
                tables: std::mem::take(tables),
            };
            let checked = limits::check_document(&doc);
            *tables = doc.tables;
            checked.map_err(limit)?;
        }
        Found::Backup { drafts, .. } => {
            let tables = drafts.iter().map(|d| d.table.clone()).collect();
            limits::check_document(&Document { tables }).map_err(limit)?;
        }
    }
    Ok(found)
}

fn read_any(
    text: &str,
    html: Option<&str>,
    name: Option<&str>,
    lang: Lang,
) -> Result<Found, String> {
    let clip = |e: clipboard::ClipboardError| lang.pick(e.message, e.message_en);
    let mut first_error = None;
    if let Some(h) = html.filter(|h| has_table_tag(h)) {
        match clipboard::import_html(h) {
            Ok(doc) => return tables(Origin::Copied, doc, lang),
            Err(e) => first_error = Some(clip(e)),
        }
    }
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(first_error.unwrap_or_else(|| lang.pick(NOTHING, NOTHING_EN).into()));
    }
    if trimmed.contains('\0') {
        return Err(lang
            .pick(
                "这不是文本文件：请选择 .txt、.json、.html 或 .csv 文件，或从 Word/WPS/Excel 复制表格后粘贴。",
                "This is not a text file: choose a .txt, .json, .html or .csv file, or copy the table in Word, WPS or Excel and paste it.",
            )
            .into());
    }
    let result = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        read_json(trimmed, lang)
    } else if is_share_link(trimmed) {
        share::decode(trimmed)
            .map_err(|e| lang.pick(e.message_zh(), e.message_en()))
            .and_then(|t| tables(Origin::ShareLink, Document { tables: vec![t] }, lang))
    } else if has_table_tag(text) {
        clipboard::import_html(text)
            .map_err(clip)
            .and_then(|doc| tables(Origin::Html, doc, lang))
    } else if name.is_some_and(|n| extension(n) == "csv") {
        clipboard::import_grid(parse_csv(text))
            .map_err(clip)
            .and_then(|doc| tables(Origin::Csv, doc, lang))
    } else {
        read_text(text, lang)
    };
    match (result, first_error) {
        (Err(_), Some(e)) => Err(e),
        (r, _) => r,
    }
}

fn tables(from: Origin, doc: Document, lang: Lang) -> Result<Found, String> {
    if doc.tables.is_empty() {
        return Err(lang
            .pick(
                "没有找到绩效目标表。",
                "No performance target table was found.",
            )
            .into());
    }
    Ok(Found::Tables {
        from,
        tables: doc.tables,
    })
}

fn read_json(text: &str, lang: Lang) -> Result<Found, String> {
    if backup::is_backup(text) {
        let (drafts, problems) = backup::read_in(text, lang)?;
        if drafts.is_empty() {
            let mut msg = String::from(lang.pick(
                "备份文件中没有可恢复的草稿。",
                "The backup file holds no draft that can be restored. ",
            ));
            for p in &problems {
                msg.push_str(p);
            }
            return Err(msg);
        }
        return Ok(Found::Backup { drafts, problems });
    }
    exchange::read_tables(text)
        .map_err(|e| lang.pick(e.message_zh(), e.message_en()))
        .and_then(|doc| tables(Origin::Json, doc, lang))
}

/// Tab-separated cells (Excel) or the published layout (one cell per line,
/// a tab in front): whichever the lines look like is tried first.
fn read_text(text: &str, lang: Lang) -> Result<Found, String> {
    let as_tsv = || {
        clipboard::import_tsv(text)
            .map_err(|e| lang.pick(e.message, e.message_en))
            .and_then(|doc| tables(Origin::Tsv, doc, lang))
    };
    let as_layout = || {
        layout::import(text)
            .map_err(|e| e.message_in(lang))
            .and_then(|doc| tables(Origin::Text, doc, lang))
    };
    if looks_tab_separated(text) {
        as_tsv().or_else(|e| as_layout().map_err(|_| e))
    } else {
        as_layout().or_else(|e| as_tsv().map_err(|_| e))
    }
}

/// Whether `html` holds a `<table>` element.
pub fn has_table_tag(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("<table")
}

/// A share link (or its fragment) alone on one line.
fn is_share_link(text: &str) -> bool {
    !text.contains('\n') && (text.contains(share::PREFIX) || text.starts_with("share="))
}

/// More lines with cells side by side than lines holding one cell behind a
/// tab (the published layout).
pub fn looks_tab_separated(text: &str) -> bool {
    let (mut tsv, mut layout) = (0usize, 0usize);
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        match line.matches('\t').count() {
            0 => {}
            1 if line.starts_with('\t') => layout += 1,
            _ => tsv += 1,
        }
    }
    tsv > layout
}

/// The lower-case extension of a file name.
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Why a file cannot be read as it is, from its name (formats that are not
/// text), with what to do instead, in `lang`.
pub fn unreadable(name: &str, lang: Lang) -> Option<String> {
    let ext = extension(name);
    let (zh, en) = match ext.as_str() {
        "docx" | "doc" | "wps" | "rtf" | "odt" => (
            "请在 Word/WPS 中打开它，选中整张表复制后粘贴到这里；或另存为“网页(*.htm)”或“纯文本(*.txt)”后再选择",
            "open it in Word or WPS, select the whole table, copy it and paste it here; or save it as “Web page (*.htm)” or “Plain text (*.txt)” and choose that file",
        ),
        "xlsx" | "xls" | "et" | "ods" => (
            "请在 Excel/WPS 表格中打开它，选中整张表复制后粘贴到这里；或另存为 CSV 后再选择",
            "open it in Excel or WPS Spreadsheets, select the whole table, copy it and paste it here; or save it as CSV and choose that file",
        ),
        "pdf" | "ofd" => (
            "请在原文档（Word/WPS）中复制表格后粘贴到这里",
            "copy the table from the original document (Word or WPS) and paste it here",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::Zh => format!("不能直接读取 .{ext} 文件：{zh}。"),
        Lang::En => format!("A .{ext} file cannot be read directly: {en}."),
    })
}

/// Splits comma-separated values (RFC 4180: `"…"` quoting, `""` inside).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM
/// (Excel's "Unicode text"), else GB18030 (what Chinese Windows writes).
pub fn decode_bytes(bytes: &[u8]) -> String {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => gb18030(bytes).unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned()),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

fn gb18030(bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    let array = js_sys::Uint8Array::from(bytes);
    decoder.decode_with_js_u8_array(&array).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");
    const EXCEL_TSV: &str = include_str!("../../../tests/fixtures/clipboard/excel.tsv");
    const WORD_HTML: &str = include_str!("../../../tests/fixtures/clipboard/word.html");

    fn table_count(found: Result<Found, String>) -> usize {
        match found {
            Ok(Found::Tables { tables, .. }) => tables.len(),
            other => panic!("expected tables, got {other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn recognises_each_form() {
        assert!(!looks_tab_separated(FIXTURE));
        assert_eq!(table_count(read_input(FIXTURE, None, None, Lang::Zh)), 8);
        assert!(looks_tab_separated(EXCEL_TSV));
        assert_eq!(table_count(read_input(EXCEL_TSV, None, None, Lang::Zh)), 1);
        assert_eq!(
            table_count(read_input("", Some(WORD_HTML), None, Lang::Zh)),
            1
        );
        // A file of HTML, without the clipboard's html part.
        assert_eq!(
            table_count(read_input(WORD_HTML, None, Some("t.htm"), Lang::Zh)),
            1
        );
        let doc = layout::import(FIXTURE).unwrap();
        let json = exchange::to_json(&doc);
        assert_eq!(
            table_count(read_input(&json, None, Some("a.json"), Lang::Zh)),
            8
        );
        let link = share::link("https://x/jixiao/", &doc.tables[2]).unwrap();
        match read_input(&link, None, None, Lang::Zh) {
            Ok(Found::Tables { from, tables }) => {
                assert_eq!(from, Origin::ShareLink);
                assert_eq!(from.label(Lang::Zh), "分享链接");
                assert_eq!(tables[0], doc.tables[2]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn says_why_when_nothing_is_a_table() {
        let e = read_input("随便一段话", None, None, Lang::Zh).unwrap_err();
        assert!(e.contains("没有找到绩效目标表"), "{e}");
        assert_eq!(read_input("  ", None, None, Lang::Zh).unwrap_err(), NOTHING);
        let e = read_input(r#"{"hello":1}"#, None, None, Lang::Zh).unwrap_err();
        assert!(e.contains("不是绩效目标表编制器的文件"), "{e}");
        let e = read_input(
            "",
            Some("<p>no</p><table><tr><td>x</td></tr></table>"),
            None,
            Lang::Zh,
        )
        .unwrap_err();
        assert!(e.contains("不像绩效目标表"), "{e}");
        assert!(unreadable("去年.docx", Lang::Zh).unwrap().contains("复制"));
        assert!(unreadable("a.txt", Lang::Zh).is_none());
    }

    #[wasm_bindgen_test]
    fn limits_apply_to_every_form() {
        let big = "x".repeat(limits::MAX_IMPORT_BYTES + 1);
        assert!(read_input(&big, None, None, Lang::Zh)
            .unwrap_err()
            .contains("内容过大"));
        assert!(read_input("", Some(&big), None, Lang::Zh)
            .unwrap_err()
            .contains("内容过大"));
        let long = Table {
            project: "项".repeat(limits::MAX_FIELD_CHARS + 1),
            ..Table::default()
        };
        let json = exchange::to_json(&Document { tables: vec![long] });
        let e = read_input(&json, None, None, Lang::Zh).unwrap_err();
        assert!(e.contains("项目名称") && e.contains("过长"), "{e}");
    }

    #[wasm_bindgen_test]
    fn csv_and_encodings() {
        let rows = parse_csv("a,\"b,c\"\r\n\"say \"\"hi\"\"\",\n\"two\nlines\",x");
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b,c".into()],
                vec!["say \"hi\"".into(), "".into()],
                vec!["two\nlines".into(), "x".into()],
            ]
        );
        assert_eq!(decode_bytes(&[0xEF, 0xBB, 0xBF, b'a']), "a");
        assert_eq!(decode_bytes(&[0xFF, 0xFE, 0x2D, 0x4E]), "中");
        // 中文 in GBK.
        assert_eq!(decode_bytes(&[0xD6, 0xD0, 0xCE, 0xC4]), "中文");
    }

    #[wasm_bindgen_test]
    fn says_it_in_english_too() {
        let e = read_input("随便一段话", None, None, Lang::En).unwrap_err();
        assert!(e.starts_with("Line 1: No performance target table"), "{e}");
        assert_eq!(
            read_input("  ", None, None, Lang::En).unwrap_err(),
            NOTHING_EN
        );
        let big = "x".repeat(limits::MAX_IMPORT_BYTES + 1);
        let e = read_input(&big, None, None, Lang::En).unwrap_err();
        assert!(e.starts_with("Too large"), "{e}");
        let e = unreadable("去年.docx", Lang::En).unwrap();
        assert!(e.starts_with("A .docx file cannot be read directly"), "{e}");
    }
}
