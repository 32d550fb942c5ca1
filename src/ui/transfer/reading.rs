//! What pasted or chosen text is, read by the formats crate
//! (`crates/formats/src/reading/`, the same code the `jixiao` command line
//! uses) in the formats worker ([`courier`]). This file adds what needs
//! the page: the browser's `TextDecoder` for GB18030 files, and a backup's
//! drafts restored as they are (`crates/drafts/src/backup.rs`).
//!
//! What was found keeps its messages in both languages, so switching the
//! page's language needs no second read.

use crate::domain::{Bilingual, Document, Table, Text};
use crate::drafts::{backup, Draft};
use crate::formats::job::{self, Done, Job};
use crate::formats::limits;
use crate::ui::platform::courier;

pub use crate::formats::reading::{has_table_tag, Origin};

use super::import_source::Source;

/// What the importer found. Its messages are in both languages; the
/// dialog picks one when it shows them.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Tables to add as new drafts; `from` names what they were read as;
    /// `left_out` names each table that could not be read whole, which is
    /// not offered.
    Tables {
        from: Origin,
        tables: Vec<Table>,
        left_out: Vec<Text>,
    },
    /// A backup of a draft box: its drafts, restored as they are.
    Backup {
        drafts: Vec<Draft>,
        problems: Vec<Text>,
    },
}

/// Reads what the author pasted or chose: the clipboard's `text/html`
/// (used when it holds a `<table>`), a file's text by its name, a Word
/// document's bytes. `then` gets what was found, later.
pub fn read(source: &Source, then: impl FnOnce(Result<Found, Text>) + 'static) {
    let (job, bytes) = match (&source.word, &source.file) {
        (Some(bytes), Some(name)) => (Job::ReadFile { name: name.clone() }, bytes.to_vec()),
        _ => (
            Job::Read {
                text: source.text.clone(),
                html: source.html.clone(),
                name: source.file.clone(),
            },
            Vec::new(),
        ),
    };
    courier::send(job, bytes, move |done, _| then(outcome(done)));
}

fn outcome(done: Done) -> Result<Found, Text> {
    match done {
        Done::Found(job::Found::Tables {
            from,
            tables,
            left_out,
        }) => Ok(Found::Tables {
            from,
            tables,
            left_out,
        }),
        Done::Found(job::Found::Backup { json }) => restore(&json),
        Done::Failed(why) => Err(why),
        other => Err(Text::owned(
            format!("导入得到了意外的结果：{other:?}"),
            format!("The import gave an unexpected result: {other:?}"),
        )),
    }
}

/// A backup's drafts, within the import limits.
fn restore(json: &str) -> Result<Found, Text> {
    let (drafts, problems) = backup::read_drafts(json).map_err(|e| e.text())?;
    if drafts.is_empty() {
        let mut zh = String::from("备份文件中没有可恢复的草稿。");
        let mut en = String::from("The backup file holds no draft that can be restored. ");
        for p in &problems {
            zh.push_str(&p.zh);
            en.push_str(&p.en);
        }
        return Err(Text::owned(zh, en));
    }
    let tables = drafts.iter().map(|d| d.table.clone()).collect();
    limits::check_document(&Document { tables }).map_err(|e| e.text())?;
    Ok(Found::Backup { drafts, problems })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::ui::transfer::import_source::decode_bytes;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// What `source` reads as, said in `lang`.
    async fn read_now(source: Source, lang: Lang) -> Result<Found, String> {
        let (tx, rx) = handover();
        read(&source, move |r| tx(r));
        rx.await.map_err(|e| e.into_lang(lang))
    }

    /// A one-shot hand-over from a callback to an `async` test.
    fn handover() -> (
        impl FnOnce(Result<Found, Text>),
        impl std::future::Future<Output = Result<Found, Text>>,
    ) {
        let slot = std::rc::Rc::new(std::cell::RefCell::new(None));
        let put = slot.clone();
        let tx = move |r| *put.borrow_mut() = Some(r);
        let rx = async move {
            loop {
                if let Some(r) = slot.borrow_mut().take() {
                    return r;
                }
                let tick = js_sys::Promise::new(&mut |resolve, _| {
                    let _ = web_sys::window()
                        .unwrap()
                        .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5);
                });
                let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
            }
        };
        (tx, rx)
    }

    /// "Tables 1 to 8 of the published layout" in GB18030, as Chinese
    /// Windows saves a .txt file: the browser's decoder reads it.
    #[wasm_bindgen_test]
    async fn a_gb18030_file_is_read_through_the_browser() {
        let bytes =
            include_bytes!("../../../tests/fixtures/encodings/tianjin-2025-tables-1-8.gb18030.txt");
        let mut source = Source::typed(decode_bytes(bytes));
        source.file = Some("表.txt".into());
        match read_now(source, Lang::Zh).await {
            Ok(Found::Tables { tables, .. }) => assert_eq!(tables.len(), 8),
            other => panic!("expected tables, got {other:?}"),
        }
    }

    #[wasm_bindgen_test]
    async fn nothing_is_said_in_the_page_language() {
        let blank = || Source::typed("   ".into());
        let zh = read_now(blank(), Lang::Zh).await.unwrap_err();
        let en = read_now(blank(), Lang::En).await.unwrap_err();
        assert!(zh.contains("没有内容"), "{zh}");
        assert!(en.starts_with("Nothing to import"), "{en}");
    }
}
