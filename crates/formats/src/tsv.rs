//! Tab-separated text of a table, for pasting into Excel or WPS.
//!
//! The rows and columns are those of the official layout
//! ([`crate::print::grid`]): every line has [`COLUMNS`] cells; a
//! merged cell gives its text to its first (top-left) position and leaves
//! the positions it covers empty. Lines end with CR LF, as Excel's own
//! clipboard text does. A cell holding a tab, a line break or a quote is
//! quoted the way Excel quotes it: `"…"` with inner quotes doubled, and its
//! line breaks as LF.
//!
//! The text is pasted as typed: Excel will read `45.00` as the number 45
//! (use the `.xlsx` export to keep the scale) and a cell starting with `=`
//! as a formula.

use super::print::{grid, Row, COLUMNS};
use jixiao_domain::table::Table;

/// One table as tab-separated text, titled `1.<项目名称>绩效目标表`.
pub fn table_tsv(table: &Table) -> String {
    let mut out = String::with_capacity(2048);
    push_rows(&mut out, &grid(1, table));
    out
}

/// Several tables, numbered in order, with an empty line between them.
pub fn document_tsv(tables: &[Table]) -> String {
    let mut out = String::with_capacity(2048 * tables.len().max(1));
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        push_rows(&mut out, &grid(i + 1, t));
    }
    out
}

fn push_rows(out: &mut String, rows: &[Row]) {
    for row in rows {
        // Positions a merged cell covers hold no cell of their own.
        let mut line: [&str; COLUMNS] = [""; COLUMNS];
        for c in &row.cells {
            line[c.col] = &c.text;
        }
        for (i, text) in line.iter().enumerate() {
            if i > 0 {
                out.push('\t');
            }
            push_cell(out, text);
        }
        out.push_str("\r\n");
    }
}

/// One cell, quoted when it must be.
pub fn push_cell(out: &mut String, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.contains(['\t', '\n', '"']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}
