//! What pasted or chosen text is, read by the formats crate
//! (`crates/formats/src/reading/`): the same code the `jixiao` command line
//! uses. This file only adds what needs the page: the browser's
//! `TextDecoder` for GB18030 files, and a backup's drafts restored as they
//! are (`crates/drafts/src/backup.rs`).

use crate::domain::{Bilingual, Document, Lang, Table, Text};
use crate::drafts::{backup, Draft};
use crate::formats::limits;
use crate::formats::reading;

pub use crate::formats::reading::{has_table_tag, Origin};

/// What the importer found.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Tables to add as new drafts; `from` names what they were read as;
    /// `left_out` names each table that could not be read whole (in the
    /// page language), which is not offered.
    Tables {
        from: Origin,
        tables: Vec<Table>,
        left_out: Vec<String>,
    },
    /// A backup of a draft box: its drafts, restored as they are.
    Backup {
        drafts: Vec<Draft>,
        problems: Vec<String>,
    },
}

/// Reads what the author pasted or chose. `html` is the clipboard's
/// `text/html` (used when it holds a `<table>`), `name` the file's name;
/// what went wrong is said in `lang`.
pub fn read_input(
    text: &str,
    html: Option<&str>,
    name: Option<&str>,
    lang: Lang,
) -> Result<Found, String> {
    found(reading::read_input_in_part(text, html, name), lang)
}

fn found(read: Result<reading::Outcome, reading::ReadError>, lang: Lang) -> Result<Found, String> {
    match read {
        Ok(reading::Outcome {
            found: reading::Found::Tables { from, tables },
            left_out,
        }) => Ok(Found::Tables {
            from,
            tables,
            left_out: left_out.into_iter().map(|t| t.into_lang(lang)).collect(),
        }),
        Ok(reading::Outcome {
            found: reading::Found::Backup { json },
            ..
        }) => restore(&json, lang),
        Err(e) => Err(e.text().into_lang(lang)),
    }
}

/// The tables of a Word document (.docx), read by the formats crate.
pub fn read_word(name: &str, bytes: &[u8], lang: Lang) -> Result<Found, String> {
    found(
        reading::read_file_in_part(name, bytes, Some(&gb18030)),
        lang,
    )
}

/// A backup's drafts, within the import limits.
fn restore(json: &str, lang: Lang) -> Result<Found, String> {
    let (drafts, problems) = backup::read_drafts(json).map_err(|e| e.text().into_lang(lang))?;
    if drafts.is_empty() {
        let mut msg = Text::new(
            "备份文件中没有可恢复的草稿。",
            "The backup file holds no draft that can be restored. ",
        )
        .into_lang(lang);
        for p in &problems {
            msg.push_str(p.get(lang));
        }
        return Err(msg);
    }
    let tables = drafts.iter().map(|d| d.table.clone()).collect();
    limits::check_document(&Document { tables }).map_err(|e| e.text().into_lang(lang))?;
    Ok(Found::Backup {
        drafts,
        problems: problems.into_iter().map(|p| p.into_lang(lang)).collect(),
    })
}

/// Why a file of this name is not read (a kind that is not text, and what
/// to do instead).
pub fn unreadable(name: &str) -> Option<Text> {
    reading::unreadable(name).map(|e| e.text())
}

/// The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM
/// (Excel's "Unicode text"), else GB18030 through the browser's decoder.
pub fn decode_bytes(bytes: &[u8]) -> String {
    reading::decode_bytes(bytes, Some(&gb18030))
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

    /// "Tables 1 to 8 of the published layout" in GB18030, as Chinese
    /// Windows saves a .txt file: the browser's decoder reads it.
    #[wasm_bindgen_test]
    fn a_gb18030_file_is_read_through_the_browser() {
        let bytes =
            include_bytes!("../../../tests/fixtures/encodings/tianjin-2025-tables-1-8.gb18030.txt");
        let text = decode_bytes(bytes);
        match read_input(&text, None, Some("表.txt"), Lang::Zh) {
            Ok(Found::Tables { tables, .. }) => assert_eq!(tables.len(), 8),
            other => panic!("expected tables, got {other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn nothing_is_said_in_the_page_language() {
        let zh = read_input("   ", None, None, Lang::Zh).unwrap_err();
        let en = read_input("   ", None, None, Lang::En).unwrap_err();
        assert!(zh.contains("没有内容"), "{zh}");
        assert!(en.starts_with("Nothing to import"), "{en}");
    }
}
