//! Importer for tables copied from Word, WPS or Excel.
//!
//! The clipboard offers two forms of a copied table:
//! - `text/html`: a `<table>` with `rowspan`/`colspan` for merged cells,
//!   wrapped in whatever the program adds (Word's styles, `<o:p>`,
//!   conditional comments, `&nbsp;`, Excel's `x:num` …). [`import_html`]
//!   reads it with a small tolerant reader (`html`) and lays every
//!   `<table>` out on a grid (`grid`); paragraphs outside tables (a title
//!   above the table) become one-cell rows, and a table nested in a cell
//!   comes out as a table of its own, after the row that holds it.
//! - `text/plain`: tab-separated rows, Excel's quoting for cells that hold
//!   line breaks (`tsv`). [`import_tsv`] reads it.
//!
//! Both end in [`import_grid`], and so do the tables of a Word document
//! ([`crate::docx`], its merged cells laid out on the same grid): cells
//! are recognised by their labels (`labels`: `项目名称`, `预算数`,
//! `一级指标` …), not by position, the way [`crate::layout`] does it for
//! the published text layout; `recognise`
//! splits the grid into tables and reads each one's head block, and
//! `indicators` its indicator rows. A merged cell holds its text in its
//! top-left slot only; the slots it covers are blank, so a label's value is
//! the next non-empty cell to its right and blank 一级/二级 cells inherit
//! from the row above.

pub(crate) mod grid;
mod html;
mod indicators;
mod labels;
mod recognise;
mod tsv;

use std::fmt;

use grid::Row;
pub(crate) use indicators::restore_level1;
use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::table::Document;
use recognise::recognise;

/// Why a paste could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClipboardError {
    pub message: String,
    pub message_en: String,
}

impl ClipboardError {
    fn empty() -> Self {
        ClipboardError {
            message: "剪贴板是空的：请在 Word/WPS/Excel 中选中整张表后复制。".into(),
            message_en:
                "The clipboard is empty: select the whole table in Word, WPS or Excel and copy it."
                    .into(),
        }
    }

    fn no_table() -> Self {
        ClipboardError {
            message: "剪贴板中没有表格：请在 Word/WPS/Excel 中选中整张表后复制。".into(),
            message_en: "The clipboard holds no table: select the whole table in Word, WPS or Excel and copy it.".into(),
        }
    }

    fn not_a_target_table() -> Self {
        ClipboardError {
            message: "这张表不像绩效目标表：没有找到「项目名称」或「一级指标」等栏目。".into(),
            message_en: "This table does not look like a performance target table: no 项目名称 or 一级指标 cell was found.".into(),
        }
    }
}

impl Bilingual for ClipboardError {
    fn text(&self) -> Text {
        Text::owned(self.message.clone(), self.message_en.clone())
    }
}

impl fmt::Display for ClipboardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ClipboardError {}

/// Imports the `text/html` form of a copied table (Word, WPS, Excel).
pub fn import_html(html: &str) -> Result<Document, ClipboardError> {
    if html.trim().is_empty() {
        return Err(ClipboardError::empty());
    }
    let parsed = html::parse(html);
    if parsed.tables == 0 {
        return Err(ClipboardError::no_table());
    }
    recognise(parsed.rows)
}

/// Imports the `text/plain` form of a copied table: tab-separated cells,
/// rows by line, Excel's `"…"` quoting for cells holding line breaks.
pub fn import_tsv(text: &str) -> Result<Document, ClipboardError> {
    let rows = tsv::parse_tsv(text).iter().map(|r| Row::typed(r)).collect();
    recognise(rows)
}

/// Imports a grid of cell texts, one `Vec` per table row. Merged cells are
/// expected blank except for their first slot. Rows shorter than the
/// indicator header row are aligned to its right-hand columns.
pub fn import_grid(rows: Vec<Vec<String>>) -> Result<Document, ClipboardError> {
    let rows = rows.iter().map(|r| Row::typed(r)).collect();
    recognise(rows)
}

/// Imports rows already laid out on their tables' grids, with paragraphs
/// outside tables as one-cell rows (a Word document's body,
/// `crates/formats/src/docx/body.rs`): the same recogniser as a paste.
pub(crate) fn import_rows(rows: Vec<Row>) -> Result<Document, ClipboardError> {
    recognise(rows)
}
