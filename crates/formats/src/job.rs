//! The importers and exporters as jobs: one serialisable request ([`Job`])
//! and one reply ([`Done`]) for each thing the page asks of this crate.
//!
//! The page's first download holds none of the formats: it posts a job to
//! its formats worker (`src/bin/jixiao-worker.rs`, loaded on first use)
//! and awaits the reply (`src/ui/platform/courier.rs`). The worker, and the
//! page's in-page path that its component tests use, both call [`run`], so
//! a job gives the same reply either way. Bytes (a Word file read, a
//! workbook written) travel beside the job and the reply, not in their
//! JSON.

use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::table::Table;
use serde::{Deserialize, Serialize};

use crate::reading::{self, Legacy, Origin};
use crate::{docx, examples, share, xlsx};

/// What the page asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read pasted or typed text, with the clipboard's HTML (when it holds
    /// a table) and the file's name (when it came from one).
    Read {
        text: String,
        html: Option<String>,
        name: Option<String>,
    },
    /// Read a file's bytes (sent beside the job): a Word document, or text
    /// in whichever encoding it was saved.
    ReadFile { name: String },
    /// One example table, by its place in [`examples::TITLES`].
    Example { index: usize },
    /// An Excel workbook, one sheet per table ([`xlsx::workbook`]).
    Workbook { tables: Vec<Table> },
    /// An Excel workbook, every table on one sheet ([`xlsx::document_xlsx`]).
    OneSheet { tables: Vec<Table> },
    /// A Word document, each table on its own page ([`docx::document`]).
    Word { tables: Vec<Table> },
    /// The share link to `table` on the page at `base` ([`share::link`]).
    ShareLink { base: String, table: Box<Table> },
    /// The table of a share link's fragment ([`share::decode`]), within
    /// the import limits.
    OpenShared { fragment: String },
}

/// What a read found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Found {
    /// Tables; `from` names what they were read as; `left_out` names each
    /// table that could not be read whole.
    Tables {
        from: Origin,
        tables: Vec<Table>,
        left_out: Vec<Text>,
    },
    /// A draft-box backup, for `jixiao_drafts::backup` to read.
    Backup { json: String },
}

/// The reply to a [`Job`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Done {
    /// What [`Job::Read`] or [`Job::ReadFile`] found.
    Found(Found),
    /// A table ([`Job::Example`], [`Job::OpenShared`]).
    Table(Box<Table>),
    /// A file's bytes, sent beside the reply ([`Job::Workbook`],
    /// [`Job::OneSheet`], [`Job::Word`]).
    Bytes,
    /// A text ([`Job::ShareLink`]).
    Text(String),
    /// Why the job gave nothing, in both languages.
    Failed(Text),
}

/// Does `job`; `bytes` are what came beside it, and the reply's bytes are
/// returned beside it. `legacy` decodes GB18030 text (the browser's
/// `TextDecoder` in the page; encoding_rs natively).
pub fn run(job: Job, bytes: &[u8], legacy: Option<Legacy>) -> (Done, Vec<u8>) {
    let text = |t: String| (Done::Text(t), Vec::new());
    let file = |b: Vec<u8>| (Done::Bytes, b);
    match job {
        Job::Read { text, html, name } => (
            found(reading::read_input_in_part(
                &text,
                html.as_deref(),
                name.as_deref(),
            )),
            Vec::new(),
        ),
        Job::ReadFile { name } => (
            found(reading::read_file_in_part(&name, bytes, legacy)),
            Vec::new(),
        ),
        Job::Example { index } => match examples::get(index) {
            Some(t) => (Done::Table(Box::new(t)), Vec::new()),
            None => (
                Done::Failed(Text::new("没有这个示例。", "There is no such example.")),
                Vec::new(),
            ),
        },
        Job::Workbook { tables } => file(xlsx::workbook(&tables)),
        Job::OneSheet { tables } => file(xlsx::document_xlsx(&tables)),
        Job::Word { tables } => file(docx::document(&tables)),
        Job::ShareLink { base, table } => match share::link(&base, &table) {
            Ok(link) => text(link),
            Err(e) => (Done::Failed(e.text()), Vec::new()),
        },
        Job::OpenShared { fragment } => {
            let opened = share::decode(&fragment)
                .map_err(|e| e.text())
                .and_then(|t| {
                    crate::limits::check_table(&t)
                        .map(|()| t)
                        .map_err(|e| e.text())
                });
            match opened {
                Ok(t) => (Done::Table(Box::new(t)), Vec::new()),
                Err(why) => (Done::Failed(why), Vec::new()),
            }
        }
    }
}

fn found(read: Result<reading::Outcome, reading::ReadError>) -> Done {
    match read {
        Ok(reading::Outcome {
            found: reading::Found::Tables { from, tables },
            left_out,
        }) => Done::Found(Found::Tables {
            from,
            tables,
            left_out,
        }),
        Ok(reading::Outcome {
            found: reading::Found::Backup { json },
            ..
        }) => Done::Found(Found::Backup { json }),
        Err(e) => Done::Failed(e.text()),
    }
}

/// A job as the worker receives it: its JSON.
pub fn to_message(job: &Job) -> String {
    serde_json::to_string(job).expect("a job always serializes")
}

/// A job from its JSON; a message that is not one fails with a reply.
pub fn from_message(json: &str) -> Result<Job, Done> {
    serde_json::from_str(json).map_err(|e| {
        Done::Failed(Text::owned(
            format!("格式转换程序收到了无法识别的请求：{e}"),
            format!("The formats worker got a request it cannot read: {e}"),
        ))
    })
}

/// A reply as the page receives it: its JSON.
pub fn reply_to_message(done: &Done) -> String {
    serde_json::to_string(done).expect("a reply always serializes")
}

/// A reply from its JSON.
pub fn reply_from_message(json: &str) -> Done {
    serde_json::from_str(json).unwrap_or_else(|e| {
        Done::Failed(Text::owned(
            format!("格式转换程序的回复无法识别：{e}"),
            format!("The formats worker's reply cannot be read: {e}"),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");

    /// Through JSON and back, as between the page and the worker.
    fn through_messages(job: Job, bytes: &[u8]) -> (Done, Vec<u8>) {
        let job = from_message(&to_message(&job)).expect("a job reads back");
        let (done, out) = run(job, bytes, None);
        (reply_from_message(&reply_to_message(&done)), out)
    }

    #[test]
    fn a_paste_is_read_as_the_command_line_reads_it() {
        let (done, _) = through_messages(
            Job::Read {
                text: FIXTURE.into(),
                html: None,
                name: None,
            },
            &[],
        );
        let want = reading::read_input(FIXTURE, None, None).unwrap();
        match (done, want) {
            (
                Done::Found(Found::Tables {
                    from,
                    tables,
                    left_out,
                }),
                reading::Found::Tables {
                    from: f2,
                    tables: t2,
                },
            ) => {
                assert_eq!((from, tables.len(), left_out.len()), (f2, 8, 0));
                assert_eq!(tables, t2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn what_cannot_be_read_says_why_in_both_languages() {
        let (done, _) = through_messages(
            Job::Read {
                text: "   ".into(),
                html: None,
                name: None,
            },
            &[],
        );
        let Done::Failed(why) = done else {
            panic!("{done:?}")
        };
        assert!(why.zh.contains("没有内容"), "{}", why.zh);
        assert!(why.en.starts_with("Nothing to import"), "{}", why.en);
        assert!(matches!(from_message("{\"Nope\":1}"), Err(Done::Failed(_))));
    }

    #[test]
    fn files_written_come_back_beside_the_reply() {
        let tables = crate::layout::import(FIXTURE).unwrap().tables;
        let (done, word) = through_messages(
            Job::Word {
                tables: tables.clone(),
            },
            &[],
        );
        assert_eq!(done, Done::Bytes);
        assert_eq!(word, docx::document(&tables));
        // And a Word file read goes the other way.
        let (done, _) = through_messages(
            Job::ReadFile {
                name: "表.docx".into(),
            },
            &word,
        );
        match done {
            Done::Found(Found::Tables {
                from, tables: read, ..
            }) => {
                assert_eq!(from, Origin::Word);
                assert_eq!(read.len(), 8);
            }
            other => panic!("{other:?}"),
        }
        let (done, book) = through_messages(Job::Workbook { tables }, &[]);
        assert_eq!(done, Done::Bytes);
        assert!(book.starts_with(b"PK"));
    }

    #[test]
    fn a_share_link_opens_to_its_table_and_a_broken_one_says_why() {
        let t = examples::get(0).unwrap();
        let (done, _) = through_messages(
            Job::ShareLink {
                base: "https://example.org/jixiao/#old".into(),
                table: Box::new(t.clone()),
            },
            &[],
        );
        let Done::Text(link) = done else {
            panic!("{done:?}")
        };
        assert!(link.starts_with("https://example.org/jixiao/#share=v1."));
        let (done, _) = through_messages(
            Job::OpenShared {
                fragment: link.clone(),
            },
            &[],
        );
        assert_eq!(done, Done::Table(Box::new(t)));
        let broken = format!("{}xx!", &link[..link.len() - 10]);
        let (done, _) = through_messages(Job::OpenShared { fragment: broken }, &[]);
        assert!(matches!(done, Done::Failed(_)), "{done:?}");
    }

    #[test]
    fn the_examples_are_those_the_titles_name() {
        for (i, title) in examples::TITLES.iter().enumerate() {
            let (done, _) = through_messages(Job::Example { index: i }, &[]);
            let Done::Table(t) = done else {
                panic!("{done:?}")
            };
            assert!(
                title.starts_with(t.project.as_str()),
                "{title} / {}",
                t.project
            );
        }
        let (done, _) = through_messages(
            Job::Example {
                index: examples::TITLES.len(),
            },
            &[],
        );
        assert!(matches!(done, Done::Failed(_)));
    }
}
