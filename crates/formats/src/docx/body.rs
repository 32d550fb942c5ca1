//! From `word/document.xml` to the cell grid the clipboard importer reads
//! (`crates/formats/src/clipboard/grid.rs`): paragraphs outside tables
//! become one-cell rows, each table's rows are laid out on its grid.
//!
//! - A cell (`w:tc`) covers `w:gridSpan` columns, after the `w:gridBefore`
//!   columns its row leaves out; its text goes in its first column, the
//!   others are blank.
//! - `w:vMerge` with `w:val="restart"` starts a cell merged down; a
//!   `w:vMerge` without a value (or `continue`) is covered by the cell
//!   above, so it is blank, whatever it holds, as Word shows it. A blank
//!   一级/二级 cell then takes the name above it, in the recogniser.
//! - A cell's paragraphs are its lines; `w:br` breaks a line; `w:tab` is a
//!   space (`331202某某单位<tab>单位：万元`).
//! - Deleted text (`w:delText`, `w:moveFrom`), field codes (`w:instrText`),
//!   drawings, text boxes and the fallback of `mc:AlternateContent` are not
//!   text of the page.
//! - A table inside a cell comes out after the row that holds it, as in the
//!   HTML reader.
//!
//! Elements are known by the prefix the document binds to the
//! WordprocessingML namespace (`w` in practice).

use super::xml::{attribute, attributes, Event, Reader};
use crate::clipboard::grid::{clean_cell, Row, MAX_COLSPAN, SPAN_BUDGET};

const MAIN_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// What the body holds: rows for the recogniser, and how many tables.
pub(super) struct Body {
    pub(super) rows: Vec<Row>,
    pub(super) tables: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    /// Starts a cell merged down (`restart`).
    Start,
    /// Covered by the cell above.
    Covered,
}

struct Cell {
    text: String,
    span: usize,
    merge: Merge,
}

struct OpenRow {
    before: usize,
    cells: Vec<Cell>,
}

struct OpenTable {
    block: usize,
    rows: Vec<OpenRow>,
    /// Where each row goes in the output.
    slots: Vec<usize>,
    cell: Option<Cell>,
}

struct Walker {
    rows: Vec<Row>,
    tables: usize,
    next_block: usize,
    outside_block: usize,
    outside: String,
    stack: Vec<OpenTable>,
    /// Slots that spans may still add (against hostile spans).
    budget: usize,
    /// Inside a run (`w:r`), where `w:tab` and `w:br` are text.
    run: usize,
    /// Inside `w:t`.
    text: bool,
}

/// Elements whose content is not text of the page.
fn skipped(local: &str) -> bool {
    matches!(
        local,
        "drawing"
            | "pict"
            | "object"
            | "txbxContent"
            | "sdtPr"
            | "pPr"
            | "rPr"
            | "del"
            | "moveFrom"
            | "footnoteReference"
            | "endnoteReference"
    )
}

/// Whether `xml` is WordprocessingML (and not, say, the workbook of a
/// renamed .xlsx).
pub(super) fn is_wordprocessing(xml: &str) -> bool {
    MAIN_NS.iter().any(|ns| xml.contains(ns))
}

/// Reads the body of `word/document.xml`.
pub(super) fn read(xml: &str) -> Body {
    let mut w = Walker {
        rows: Vec::new(),
        tables: 0,
        next_block: 1,
        outside_block: 0,
        outside: String::new(),
        stack: Vec::new(),
        budget: SPAN_BUDGET,
        run: 0,
        text: false,
    };
    // The WordprocessingML prefix (from the root element) and its `val`.
    let mut names: Option<(String, String)> = None;
    // Depth inside an element that is skipped whole.
    let mut skip = 0usize;
    for event in Reader::new(xml) {
        match event {
            Event::Start { name, attrs, empty } => {
                let (p, val) = names.get_or_insert_with(|| {
                    let p = main_prefix(attrs);
                    let val = if p.is_empty() {
                        "val".into()
                    } else {
                        format!("{p}:val")
                    };
                    (p, val)
                });
                if skip > 0 {
                    skip += usize::from(!empty);
                    continue;
                }
                let local = match local_name(name, p) {
                    Some(l) => l,
                    None if name.ends_with(":Fallback") => {
                        skip = usize::from(!empty);
                        continue;
                    }
                    None => continue,
                };
                if skipped(local) {
                    skip = usize::from(!empty);
                    continue;
                }
                w.start(local, attribute(attrs, val).as_deref(), empty);
            }
            Event::End { name } => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let p = names.as_ref().map_or("w", |(p, _)| p.as_str());
                if let Some(local) = local_name(name, p) {
                    w.end(local);
                }
            }
            Event::Text(t) => {
                if skip == 0 && w.text {
                    w.push_str(&t);
                }
            }
        }
    }
    w.finish()
}

/// The prefix the root element binds to WordprocessingML (`""` for the
/// default namespace), `w` when it binds none.
fn main_prefix(attrs: &str) -> String {
    for (name, value) in attributes(attrs) {
        if MAIN_NS.contains(&value) {
            if name == "xmlns" {
                return String::new();
            }
            if let Some(p) = name.strip_prefix("xmlns:") {
                return p.to_string();
            }
        }
    }
    "w".to_string()
}

/// The local name of a WordprocessingML element, `None` for others.
fn local_name<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    match name.split_once(':') {
        Some((p, local)) if p == prefix => Some(local),
        None if prefix.is_empty() => Some(name),
        _ => None,
    }
}

/// A count attribute (`w:gridSpan`, `w:gridBefore`), at least 1.
fn count(val: Option<&str>) -> usize {
    val.and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_COLSPAN)
}

impl Walker {
    fn push_str(&mut self, s: &str) {
        match self.stack.last_mut() {
            None => self.outside.push_str(s),
            Some(t) => {
                if let Some(c) = t.cell.as_mut() {
                    c.text.push_str(s);
                }
            }
        }
    }

    fn start(&mut self, local: &str, val: Option<&str>, empty: bool) {
        match local {
            "tbl" if !empty => self.open_table(),
            "tr" => {
                self.open_row();
                if empty {
                    self.close_row();
                }
            }
            "tc" => {
                self.open_cell();
                if empty {
                    self.close_cell();
                }
            }
            "gridBefore" => {
                if let Some(row) = self.stack.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.before = val.map_or(0, |v| count(Some(v)));
                }
            }
            "gridSpan" => {
                if let Some(c) = self.cell() {
                    c.span = count(val);
                }
            }
            "vMerge" | "hMerge" => {
                let merge = match val {
                    Some("restart") if local == "vMerge" => Merge::Start,
                    Some("restart") => Merge::None,
                    _ => Merge::Covered,
                };
                if let Some(c) = self.cell() {
                    c.merge = merge;
                }
            }
            "r" if !empty => self.run += 1,
            "t" if !empty => self.text = true,
            "tab" | "ptab" if self.run > 0 => self.push_str(" "),
            "br" | "cr" if self.run > 0 => self.line_break(),
            "noBreakHyphen" if self.run > 0 => self.push_str("-"),
            "p" if empty => self.end("p"),
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "tbl" => self.close_table(),
            "tr" => self.close_row(),
            "tc" => self.close_cell(),
            "r" => self.run = self.run.saturating_sub(1),
            "t" => self.text = false,
            "p" => self.line_break(),
            _ => {}
        }
    }

    fn cell(&mut self) -> Option<&mut Cell> {
        self.stack.last_mut()?.cell.as_mut()
    }

    /// The end of a paragraph or line: a new line in a cell, a row of its
    /// own outside tables.
    fn line_break(&mut self) {
        match self.stack.last_mut() {
            None => self.flush_outside(),
            Some(t) => {
                if let Some(c) = t.cell.as_mut() {
                    c.text.push('\n');
                }
            }
        }
    }

    fn flush_outside(&mut self) {
        let text = clean_cell(&std::mem::take(&mut self.outside));
        if !text.is_empty() {
            self.rows.push(Row {
                cells: vec![text],
                block: self.outside_block,
                aligned: true,
            });
        }
    }

    fn open_table(&mut self) {
        if self.stack.is_empty() {
            self.flush_outside();
        }
        self.tables += 1;
        self.stack.push(OpenTable {
            block: self.next_block,
            rows: Vec::new(),
            slots: Vec::new(),
            cell: None,
        });
        self.next_block += 1;
    }

    fn open_row(&mut self) {
        self.close_row();
        let Some(t) = self.stack.last_mut() else {
            return;
        };
        t.rows.push(OpenRow {
            before: 0,
            cells: Vec::new(),
        });
        t.slots.push(self.rows.len());
        self.rows.push(Row {
            cells: Vec::new(),
            block: t.block,
            aligned: true,
        });
    }

    fn close_row(&mut self) {
        self.close_cell();
    }

    fn open_cell(&mut self) {
        self.close_cell();
        let Some(t) = self.stack.last_mut() else {
            return;
        };
        if t.rows.is_empty() {
            self.open_row();
        }
        if let Some(t) = self.stack.last_mut() {
            t.cell = Some(Cell {
                text: String::new(),
                span: 1,
                merge: Merge::None,
            });
        }
    }

    fn close_cell(&mut self) {
        let Some(t) = self.stack.last_mut() else {
            return;
        };
        if let (Some(cell), Some(row)) = (t.cell.take(), t.rows.last_mut()) {
            row.cells.push(cell);
        }
    }

    fn close_table(&mut self) {
        self.close_row();
        let Some(table) = self.stack.pop() else {
            return;
        };
        for (row, slot) in table.rows.into_iter().zip(table.slots) {
            let cells = lay_out(row, &mut self.budget);
            if let Some(out) = self.rows.get_mut(slot) {
                out.cells = cells;
            }
        }
        if self.stack.is_empty() {
            self.outside_block = self.next_block;
            self.next_block += 1;
        }
    }

    fn finish(mut self) -> Body {
        while !self.stack.is_empty() {
            self.close_table();
        }
        self.flush_outside();
        Body {
            rows: self.rows,
            tables: self.tables,
        }
    }
}

/// One row on its table's grid: each cell's text in its first column, the
/// columns it spans and the cells merged from above blank.
fn lay_out(row: OpenRow, budget: &mut usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut extra = |n: usize| {
        if n <= *budget {
            *budget -= n;
            n
        } else {
            0
        }
    };
    out.resize(extra(row.before), String::new());
    for cell in row.cells {
        let span = 1 + extra(cell.span - 1);
        out.push(match cell.merge {
            Merge::Covered => String::new(),
            Merge::None | Merge::Start => clean_cell(&cell.text),
        });
        out.resize(out.len() + span - 1, String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn body(inner: &str) -> Body {
        read(&format!(
            "<w:document {W}><w:body>{inner}</w:body></w:document>"
        ))
    }

    fn grid(b: &Body) -> Vec<Vec<String>> {
        b.rows.iter().map(|r| r.cells.clone()).collect()
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn spans_and_vertical_merges_lay_out_as_the_clipboard_grid() {
        let b = body(&format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr></w:tbl>",
            tc("<w:vMerge w:val=\"restart\"/>", "产出指标"),
            tc("<w:gridSpan w:val=\"2\"/>", "数量指标"),
            tc("<w:vMerge/>", "ignored"),
            tc("", "质量指标"),
            tc("", "x"),
            tc("", "y"),
        ));
        assert_eq!(b.tables, 1);
        assert_eq!(
            grid(&b),
            vec![
                vec!["产出指标", "数量指标", ""],
                vec!["", "质量指标", "x"],
                vec!["", "y"],
            ]
        );
    }

    #[test]
    fn paragraphs_lines_tabs_and_what_is_not_text() {
        let b = body(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9000\"/></w:tabs></w:pPr>\
             <w:bookmarkStart w:id=\"0\" w:name=\"_Toc1\"/><w:r><w:t>1.某项目</w:t></w:r>\
             <w:r><w:t xml:space=\"preserve\">绩效目标表 </w:t></w:r></w:p>\
             <w:p><w:r><w:t>331202某单位</w:t><w:tab/><w:t>单位：万元</w:t></w:r></w:p><w:p/>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>\
             <w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>\
             <w:r><w:instrText>PAGE</w:instrText><w:t>c</w:t></w:r>\
             <mc:AlternateContent><mc:Choice><w:r><w:t>d</w:t></w:r></mc:Choice>\
             <mc:Fallback><w:r><w:t>d</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(
            grid(&b),
            vec![
                vec!["1.某项目绩效目标表"],
                vec!["331202某单位 单位：万元"],
                vec!["a\nb\ncd"],
            ]
        );
        assert_ne!(b.rows[1].block, b.rows[2].block);
    }

    #[test]
    fn a_nested_table_follows_the_row_that_holds_it() {
        let b = body(&format!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr>{}</w:tr></w:tbl></w:tc></w:tr><w:tr>{}</w:tr></w:tbl>",
            tc("", "内"),
            tc("", "后"),
        ));
        assert_eq!(b.tables, 2);
        assert_eq!(grid(&b), vec![vec!["外"], vec!["内"], vec!["后"]]);
    }

    #[test]
    fn another_prefix_and_hostile_spans() {
        let b = read(
            "<x:document xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><x:body>\
             <x:tbl><x:tr><x:tc><x:tcPr><x:gridSpan x:val=\"99999999\"/></x:tcPr><x:p><x:r><x:t>a</x:t></x:r></x:p></x:tc></x:tr></x:tbl></x:body></x:document>",
        );
        assert_eq!(b.rows[0].cells.len(), MAX_COLSPAN);
        assert_eq!(b.rows[0].cells[0], "a");
    }
}
