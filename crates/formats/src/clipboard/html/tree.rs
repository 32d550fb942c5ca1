//! The tree side of the HTML reader: which table, row and cell the text
//! goes to, tables nested in cells, paragraphs outside tables. Tables are
//! laid out on the grid (`crates/formats/src/clipboard/grid.rs`) as they
//! close.

use super::super::grid::{place, RawCell, Row, SPAN_BUDGET};
use super::text::TextBuf;
use super::Parsed;

/// One open `<table>`. Its rows are laid out when it closes; until then
/// each row holds a place in the output, so that a table nested in a
/// cell comes out after the row that holds it.
struct OpenTable {
    block: usize,
    rows: Vec<Vec<RawCell>>,
    /// Where each row goes in the output.
    slots: Vec<usize>,
    row_open: bool,
    cell: Option<(TextBuf, usize, usize)>,
}

pub(super) struct Parser {
    rows: Vec<Row>,
    tables: usize,
    next_block: usize,
    outside_block: usize,
    outside: TextBuf,
    in_head: bool,
    /// Open tables, innermost last.
    stack: Vec<OpenTable>,
    span_budget: usize,
}

impl Parser {
    pub(super) fn new() -> Parser {
        Parser {
            rows: Vec::new(),
            tables: 0,
            next_block: 1,
            outside_block: 0,
            outside: TextBuf::default(),
            in_head: false,
            stack: Vec::new(),
            span_budget: SPAN_BUDGET,
        }
    }

    /// Where text goes: the open cell of the innermost table, or the
    /// paragraph outside tables; nowhere in `<head>` or between cells.
    fn buf(&mut self) -> Option<&mut TextBuf> {
        if self.in_head {
            return None;
        }
        match self.stack.last_mut() {
            None => Some(&mut self.outside),
            Some(t) => t.cell.as_mut().map(|(b, _, _)| b),
        }
    }

    pub(super) fn text(&mut self, s: &str) {
        if let Some(b) = self.buf() {
            b.push_str(s);
        }
    }

    pub(super) fn char(&mut self, c: char) {
        if let Some(b) = self.buf() {
            b.push(c);
        }
    }

    fn line_break(&mut self) {
        match self.stack.last_mut() {
            None => self.flush_outside(),
            Some(t) => {
                if let Some((b, _, _)) = t.cell.as_mut() {
                    b.break_line();
                }
            }
        }
    }

    /// A paragraph outside tables becomes a one-cell row.
    fn flush_outside(&mut self) {
        let text = self.outside.take();
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
            row_open: false,
            cell: None,
        });
        self.next_block += 1;
    }

    fn close_table(&mut self) {
        self.close_row();
        let Some(table) = self.stack.pop() else {
            return;
        };
        let grid = place(table.rows, &mut self.span_budget);
        for (cells, slot) in grid.into_iter().zip(table.slots) {
            if let Some(row) = self.rows.get_mut(slot) {
                row.cells = cells;
            }
        }
        if self.stack.is_empty() {
            self.outside_block = self.next_block;
            self.next_block += 1;
        }
    }

    fn open_row(&mut self) {
        self.close_row();
        let Some(t) = self.stack.last_mut() else {
            return;
        };
        t.rows.push(Vec::new());
        t.slots.push(self.rows.len());
        t.row_open = true;
        self.rows.push(Row {
            cells: Vec::new(),
            block: t.block,
            aligned: true,
        });
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(t) = self.stack.last_mut() {
            t.row_open = false;
        }
    }

    fn open_cell(&mut self, rowspan: usize, colspan: usize) {
        self.close_cell();
        if !self.stack.last().is_some_and(|t| t.row_open) {
            self.open_row();
        }
        if let Some(t) = self.stack.last_mut() {
            t.cell = Some((TextBuf::default(), rowspan, colspan));
        }
    }

    fn close_cell(&mut self) {
        let Some(t) = self.stack.last_mut() else {
            return;
        };
        if let Some((mut buf, rowspan, colspan)) = t.cell.take() {
            if let Some(row) = t.rows.last_mut() {
                row.push(RawCell {
                    text: buf.take(),
                    rowspan,
                    colspan,
                });
            }
        }
    }

    pub(super) fn start_tag(&mut self, name: &str, rowspan: usize, colspan: usize) {
        if self.in_head && !is_head_element(name) {
            self.in_head = false;
        }
        match name {
            "head" => self.in_head = true,
            "body" => self.in_head = false,
            "table" => self.open_table(),
            "tr" => self.open_row(),
            "td" | "th" => self.open_cell(rowspan, colspan),
            "thead" | "tbody" | "tfoot" => self.close_row(),
            "caption" => {
                // Its own row, as one cell.
                self.open_row();
                self.open_cell(1, 1);
            }
            n if is_block(n) => self.line_break(),
            _ => {}
        }
    }

    pub(super) fn end_tag(&mut self, name: &str) {
        match name {
            "head" => self.in_head = false,
            "table" => self.close_table(),
            "tr" | "thead" | "tbody" | "tfoot" | "caption" => self.close_row(),
            "td" | "th" => self.close_cell(),
            n if is_block(n) => self.line_break(),
            _ => {}
        }
    }

    pub(super) fn finish(mut self) -> Parsed {
        while !self.stack.is_empty() {
            self.close_table();
        }
        self.flush_outside();
        Parsed {
            rows: self.rows,
            tables: self.tables,
        }
    }
}

fn is_head_element(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "meta"
            | "link"
            | "style"
            | "script"
            | "title"
            | "base"
            | "xml"
            | "noscript"
            | "object"
            | "param"
    ) || name.starts_with("o:")
        || name.starts_with("w:")
        || name.starts_with("m:")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "pre"
            | "blockquote"
            | "center"
            | "address"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
    )
}

/// Elements whose content is not text of the page.
pub(super) fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "style" | "script" | "title" | "xml" | "textarea" | "template" | "noscript"
    )
}
