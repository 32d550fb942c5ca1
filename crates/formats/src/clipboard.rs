//! Importer for tables copied from Word, WPS or Excel (rules.md §5).
//!
//! The clipboard offers two forms of a copied table:
//! - `text/html`: a `<table>` with `rowspan`/`colspan` for merged cells,
//!   wrapped in whatever the program adds (Word's styles, `<o:p>`,
//!   conditional comments, `&nbsp;`, Excel's `x:num` …). [`import_html`]
//!   reads it with a small tolerant tokenizer and lays every `<table>` out on
//!   a grid; paragraphs outside tables (a title above the table) become
//!   one-cell rows, and a table nested in a cell comes out as a table of its
//!   own, after the row that holds it.
//! - `text/plain`: tab-separated rows, Excel's quoting for cells that hold
//!   line breaks. [`import_tsv`] reads it.
//!
//! Both end in [`import_grid`]: cells are recognised by their labels
//! (`项目名称`, `预算数`, `一级指标` …), not by position, the way
//! [`super::layout`] does it for the published text layout. A merged cell
//! holds its text in its top-left slot only; the slots it covers are blank,
//! so a label's value is the next non-empty cell to its right and blank
//! 一级/二级 cells inherit from the row above.

use std::fmt;

use super::layout::{self, Col, Label};
use jixiao_domain::budget::{Amount, MoneyUnit};
use jixiao_domain::framework::Framework;
use jixiao_domain::table::{Document, Indicator, Table};

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
    let rows = parse_tsv(text)
        .into_iter()
        .map(|cells| Row {
            cells: cells.iter().map(|c| clean_cell(c)).collect(),
            block: 0,
            aligned: false,
        })
        .collect();
    recognise(rows)
}

/// Imports a grid of cell texts, one `Vec` per table row. Merged cells are
/// expected blank except for their first slot. Rows shorter than the
/// indicator header row are aligned to its right-hand columns.
pub fn import_grid(rows: Vec<Vec<String>>) -> Result<Document, ClipboardError> {
    let rows = rows
        .into_iter()
        .map(|cells| Row {
            cells: cells.iter().map(|c| clean_cell(c)).collect(),
            block: 0,
            aligned: false,
        })
        .collect();
    recognise(rows)
}

/// One row of the grid.
#[derive(Debug, Clone)]
struct Row {
    cells: Vec<String>,
    /// Which `<table>` (or run of paragraphs between tables) the row is from.
    block: usize,
    /// The row is laid out on its table's grid (HTML): cell k is column k.
    aligned: bool,
}

/// A cell as typed: lines trimmed, blank lines and invisible characters dropped.
fn clean_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split(['\n', '\r']) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.extend(line.chars().filter(|c| !is_invisible(*c)));
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

// ---------------------------------------------------------------------------
// Tab-separated text.

/// Splits tab-separated text into rows of cells. A cell that starts with `"`
/// and whose closing `"` is followed by a tab, a line end or the end of the
/// text is a quoted cell (`""` inside is one `"`); any other cell is taken
/// as written, quotes and all.
fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = text.as_bytes();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut i = 0;
    loop {
        // One cell from i.
        let mut cell = None;
        if b.get(i) == Some(&b'"') {
            if let Some((value, end)) = quoted_cell(text, i) {
                cell = Some(value);
                i = end;
            }
        }
        let cell = match cell {
            Some(c) => c,
            None => {
                let start = i;
                while i < b.len() && !matches!(b[i], b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
                text[start..i].to_string()
            }
        };
        row.push(cell);
        match b.get(i) {
            Some(b'\t') => i += 1,
            Some(b'\r') | Some(b'\n') => {
                if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                rows.push(std::mem::take(&mut row));
                if i >= b.len() {
                    break;
                }
            }
            _ => {
                // End of text (a quoted cell ends only at a delimiter).
                rows.push(std::mem::take(&mut row));
                break;
            }
        }
    }
    rows
}

/// A quoted cell starting at `start` (a `"`): its value and where it ends.
fn quoted_cell(text: &str, start: usize) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let mut value = String::new();
    let mut from = start + 1;
    loop {
        let q = from + text[from..].find('"')?;
        value.push_str(&text[from..q]);
        match b.get(q + 1) {
            Some(b'"') => {
                value.push('"');
                from = q + 2;
            }
            None | Some(b'\t') | Some(b'\n') | Some(b'\r') => return Some((value, q + 1)),
            Some(_) => return None,
        }
    }
}

// ---------------------------------------------------------------------------
// HTML.

mod html {
    //! A small, tolerant HTML reader: just enough to lay out the tables a
    //! word processor or spreadsheet puts on the clipboard. Linear in the
    //! input; never fails.

    use super::{is_invisible, Row};

    /// Most slots that merged cells may cover in one paste (real tables
    /// have a few hundred); past it, spans count as 1×1.
    const SPAN_BUDGET: usize = 200_000;
    /// The HTML limit for `colspan`.
    const MAX_COLSPAN: usize = 1000;

    pub(super) struct Parsed {
        pub(super) rows: Vec<Row>,
        pub(super) tables: usize,
    }

    /// Text of one cell or paragraph, with HTML whitespace rules: runs of
    /// spaces and line breaks are one space, a source line break between
    /// two CJK characters is nothing, `<p>`/`<br>` start a new line.
    #[derive(Default)]
    struct TextBuf {
        lines: Vec<String>,
        line: String,
        /// Whitespace seen since the last character; `true` if it held a
        /// line break.
        pending: Option<bool>,
    }

    impl TextBuf {
        fn push(&mut self, c: char) {
            match c {
                ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' => {
                    let newline = c == '\n' || c == '\r';
                    self.pending = Some(self.pending.unwrap_or(false) || newline);
                }
                c if is_invisible(c) => {}
                _ => {
                    if let Some(newline) = self.pending.take() {
                        let joined = newline
                            && self.line.chars().next_back().is_some_and(is_cjk)
                            && is_cjk(c);
                        if !self.line.is_empty() && !joined {
                            self.line.push(' ');
                        }
                    }
                    self.line.push(c);
                }
            }
        }

        fn push_str(&mut self, s: &str) {
            for c in s.chars() {
                self.push(c);
            }
        }

        fn break_line(&mut self) {
            self.pending = None;
            let t = self.line.trim();
            if !t.is_empty() {
                self.lines.push(t.to_string());
            }
            self.line.clear();
        }

        fn take(&mut self) -> String {
            self.break_line();
            let s = self.lines.join("\n");
            self.lines.clear();
            s
        }
    }

    fn is_cjk(c: char) -> bool {
        matches!(c,
            '\u{2e80}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ffef}'
            | '\u{20000}'..='\u{3ffff}')
    }

    struct RawCell {
        text: String,
        rowspan: usize,
        colspan: usize,
    }

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

    struct Parser {
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
        fn new() -> Parser {
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

        fn text(&mut self, s: &str) {
            if let Some(b) = self.buf() {
                b.push_str(s);
            }
        }

        fn char(&mut self, c: char) {
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

        fn start_tag(&mut self, name: &str, rowspan: usize, colspan: usize) {
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

        fn end_tag(&mut self, name: &str) {
            match name {
                "head" => self.in_head = false,
                "table" => self.close_table(),
                "tr" | "thead" | "tbody" | "tfoot" | "caption" => self.close_row(),
                "td" | "th" => self.close_cell(),
                n if is_block(n) => self.line_break(),
                _ => {}
            }
        }

        fn finish(mut self) -> Parsed {
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
    fn is_raw_text(name: &str) -> bool {
        matches!(
            name,
            "style" | "script" | "title" | "xml" | "textarea" | "template" | "noscript"
        )
    }

    /// Lays a table's cells out on a grid: each cell's text in its top-left
    /// slot, the slots it covers blank.
    fn place(rows: Vec<Vec<RawCell>>, budget: &mut usize) -> Vec<Vec<String>> {
        let n = rows.len();
        let mut grid: Vec<Vec<Option<String>>> = (0..n).map(|_| Vec::new()).collect();
        for (r, cells) in rows.into_iter().enumerate() {
            let mut c = 0;
            for cell in cells {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                let rs = cell.rowspan.clamp(1, n - r);
                let cs = cell.colspan.clamp(1, MAX_COLSPAN);
                let area = rs * cs;
                let (rs, cs) = if area > 1 && area <= *budget {
                    *budget -= area;
                    (rs, cs)
                } else {
                    (1, 1)
                };
                for row in &mut grid[r..r + rs] {
                    if row.len() < c + cs {
                        row.resize(c + cs, None);
                    }
                    for slot in &mut row[c..c + cs] {
                        if slot.is_none() {
                            *slot = Some(String::new());
                        }
                    }
                }
                grid[r][c] = Some(cell.text);
                c += cs;
            }
        }
        grid.into_iter()
            .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
            .collect()
    }

    /// Reads the whole input.
    pub(super) fn parse(html: &str) -> Parsed {
        let src = strip_cf_header(html);
        let b = src.as_bytes();
        let mut p = Parser::new();
        let mut no_close = [false; 2];
        let mut i = 0;
        while i < b.len() {
            let start = i;
            while i < b.len() && b[i] != b'<' && b[i] != b'&' {
                i += 1;
            }
            if i > start {
                p.text(&src[start..i]);
            }
            if i >= b.len() {
                break;
            }
            if b[i] == b'&' {
                match entity(&b[i..]) {
                    Some((c, len)) => {
                        p.char(c);
                        i += len;
                    }
                    None => {
                        p.char('&');
                        i += 1;
                    }
                }
                continue;
            }
            i = markup(src, i, &mut p, &mut no_close);
        }
        p.finish()
    }

    /// Windows' CF_HTML puts `Version:1.0 StartHTML:… ` lines before the
    /// HTML; they are not part of the page.
    fn strip_cf_header(html: &str) -> &str {
        let t = html.trim_start_matches('\u{feff}');
        if t.trim_start().starts_with("Version:") {
            match t.find('<') {
                Some(at) => &t[at..],
                None => "",
            }
        } else {
            t
        }
    }

    /// Reads the markup at `i` (a `<`) and returns where the text goes on.
    fn markup(src: &str, i: usize, p: &mut Parser, no_close: &mut [bool; 2]) -> usize {
        let b = src.as_bytes();
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            // Comments, including `<!--[if gte mso 9]>…<![endif]-->`. A
            // downlevel-revealed `<!--[if !supportLists]-->` ends at once:
            // what follows it is shown.
            return src[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            return find_byte(b, i + 2, b'>').map_or(b.len(), |e| e + 1);
        }
        if rest.starts_with(b"</") && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, j) = read_name(b, i + 2);
            p.end_tag(&name);
            return find_byte(b, j, b'>').map_or(b.len(), |e| e + 1);
        }
        if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let (name, j) = read_name(b, i + 1);
            let (rowspan, colspan, end) = read_attrs(b, j, no_close);
            p.start_tag(&name, rowspan, colspan);
            if is_raw_text(&name) {
                return find_end_tag(src, end, &name).unwrap_or(b.len());
            }
            return end;
        }
        p.char('<');
        i + 1
    }

    fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
        b.get(from..)?
            .iter()
            .position(|&x| x == byte)
            .map(|k| from + k)
    }

    /// Where `</name` starts, from `from` on, in any letter case.
    fn find_end_tag(src: &str, from: usize, name: &str) -> Option<usize> {
        let b = src.as_bytes();
        let mut at = from;
        while let Some(k) = src.get(at..)?.find("</") {
            let pos = at + k;
            let after = &b[pos + 2..];
            if after.len() >= name.len()
                && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            {
                return Some(pos);
            }
            at = pos + 2;
        }
        None
    }

    fn read_name(b: &[u8], from: usize) -> (String, usize) {
        let mut j = from;
        while j < b.len()
            && (b[j].is_ascii_alphanumeric() || matches!(b[j], b':' | b'-' | b'_' | b'.'))
        {
            j += 1;
        }
        let name = String::from_utf8_lossy(&b[from..j]).to_ascii_lowercase();
        (name, j)
    }

    /// Reads a start tag's attributes from `from` to its `>`; returns
    /// rowspan, colspan and where the tag ends. A quote that is never
    /// closed is taken as a plain character (and, for the rest of the
    /// input, so is every later one of its kind: this keeps reading linear).
    fn read_attrs(b: &[u8], from: usize, no_close: &mut [bool; 2]) -> (usize, usize, usize) {
        let (mut rowspan, mut colspan) = (1, 1);
        let mut k = from;
        loop {
            while k < b.len() && (b[k].is_ascii_whitespace() || b[k] == b'/') {
                k += 1;
            }
            if k >= b.len() {
                return (rowspan, colspan, b.len());
            }
            if b[k] == b'>' {
                return (rowspan, colspan, k + 1);
            }
            let name_start = k;
            while k < b.len() && !b[k].is_ascii_whitespace() && !matches!(b[k], b'=' | b'>' | b'/')
            {
                k += 1;
            }
            if k == name_start {
                k += 1;
                continue;
            }
            let name = &b[name_start..k];
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            let mut value: &[u8] = &[];
            if b.get(k) == Some(&b'=') {
                k += 1;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                let mut quoted = false;
                if let Some(&q) = b.get(k) {
                    if q == b'"' || q == b'\'' {
                        let which = usize::from(q == b'"');
                        if !no_close[which] {
                            match find_byte(b, k + 1, q) {
                                Some(e) => {
                                    value = &b[k + 1..e];
                                    k = e + 1;
                                    quoted = true;
                                }
                                None => no_close[which] = true,
                            }
                        }
                    }
                }
                if !quoted {
                    let vs = k;
                    while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                        k += 1;
                    }
                    value = &b[vs..k];
                }
            }
            if name.eq_ignore_ascii_case(b"rowspan") {
                rowspan = span(value);
            } else if name.eq_ignore_ascii_case(b"colspan") {
                colspan = span(value);
            }
        }
    }

    fn span(value: &[u8]) -> usize {
        let digits: Vec<u8> = value
            .iter()
            .copied()
            .skip_while(u8::is_ascii_whitespace)
            .take_while(u8::is_ascii_digit)
            .take(7)
            .collect();
        let n = digits
            .iter()
            .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
        n.max(1)
    }

    /// A character reference at the start of `b` (a `&`): the character and
    /// how many bytes it takes. `None`: a plain `&`.
    fn entity(b: &[u8]) -> Option<(char, usize)> {
        if b.get(1) == Some(&b'#') {
            let hex = matches!(b.get(2), Some(b'x' | b'X'));
            let start = if hex { 3 } else { 2 };
            let radix = if hex { 16 } else { 10 };
            let mut k = start;
            let mut n: u32 = 0;
            while let Some(d) = b.get(k).and_then(|&x| char::from(x).to_digit(radix)) {
                n = n.saturating_mul(radix).saturating_add(d);
                k += 1;
            }
            if k == start {
                return None;
            }
            if b.get(k) == Some(&b';') {
                k += 1;
            }
            let c = match n {
                0 => '\u{fffd}',
                n => char::from_u32(n).unwrap_or('\u{fffd}'),
            };
            return Some((c, k));
        }
        let mut k = 1;
        while k < b.len() && k <= 10 && b[k].is_ascii_alphanumeric() {
            k += 1;
        }
        let name = &b[1..k];
        let c = named_entity(name)?;
        if b.get(k) == Some(&b';') {
            Some((c, k + 1))
        } else if matches!(name, b"nbsp" | b"amp" | b"lt" | b"gt" | b"quot") {
            Some((c, k))
        } else {
            None
        }
    }

    fn named_entity(name: &[u8]) -> Option<char> {
        Some(match name {
            b"amp" => '&',
            b"lt" => '<',
            b"gt" => '>',
            b"quot" => '"',
            b"apos" => '\'',
            b"nbsp" => '\u{a0}',
            b"ge" => '≥',
            b"le" => '≤',
            b"ne" => '≠',
            b"plusmn" => '±',
            b"times" => '×',
            b"divide" => '÷',
            b"minus" => '−',
            b"deg" => '°',
            b"middot" => '·',
            b"hellip" => '…',
            b"mdash" => '—',
            b"ndash" => '–',
            b"lsquo" => '‘',
            b"rsquo" => '’',
            b"ldquo" => '“',
            b"rdquo" => '”',
            b"laquo" => '«',
            b"raquo" => '»',
            b"bull" => '•',
            b"yen" => '¥',
            b"cent" => '¢',
            b"pound" => '£',
            b"euro" => '€',
            b"copy" => '©',
            b"reg" => '®',
            b"trade" => '™',
            b"sect" => '§',
            b"para" => '¶',
            b"permil" => '‰',
            b"micro" => 'µ',
            b"sup1" => '¹',
            b"sup2" => '²',
            b"sup3" => '³',
            b"frac12" => '½',
            b"frac14" => '¼',
            b"frac34" => '¾',
            b"larr" => '←',
            b"rarr" => '→',
            b"uarr" => '↑',
            b"darr" => '↓',
            b"ensp" => '\u{2002}',
            b"emsp" => '\u{2003}',
            b"thinsp" => '\u{2009}',
            b"shy" => '\u{ad}',
            b"zwj" => '\u{200d}',
            b"zwnj" => '\u{200c}',
            _ => return None,
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn cells(html: &str) -> Vec<Vec<String>> {
            parse(html).rows.into_iter().map(|r| r.cells).collect()
        }

        #[test]
        fn entities() {
            assert_eq!(entity(b"&ge;95"), Some(('≥', 4)));
            assert_eq!(entity(b"&#8805;"), Some(('≥', 7)));
            assert_eq!(entity(b"&#x2265;"), Some(('≥', 8)));
            assert_eq!(entity(b"&nbsp x"), Some(('\u{a0}', 5)));
            assert_eq!(entity(b"&ge x"), None);
            assert_eq!(entity(b"&bogus;"), None);
            assert_eq!(entity(b"&#;"), None);
            assert_eq!(entity(b"&#99999999999;"), Some(('\u{fffd}', 14)));
            assert_eq!(entity(b"&#0;"), Some(('\u{fffd}', 4)));
        }

        #[test]
        fn spans_lay_out_on_a_grid() {
            let g = cells(
                "<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr>\
                 <tr><td>C</td><td>D</td></tr></table>",
            );
            assert_eq!(g, vec![vec!["A", "B", ""], vec!["", "C", "D"]]);
        }

        #[test]
        fn whitespace_paragraphs_and_cjk_line_wraps() {
            let g = cells(
                "<table><tr><td><p>其中：财政<span>&nbsp;&nbsp; </span>资金</p></td>\
                 <td><p>第一\n段</p><p>second\nline<br>三</p></td></tr></table>",
            );
            assert_eq!(g, vec![vec!["其中：财政 资金", "第一段\nsecond line\n三"]]);
        }

        #[test]
        fn comments_styles_and_conditionals() {
            let g = cells(
                "<html><head><title>x</title><style><!-- td {} --></style></head><body>\
                 <!--[if gte mso 9]><xml><w:x>hidden</w:x></xml><![endif]-->\
                 <table><tr><td><![if !supportLists]>1.<![endif]>目标</td></tr></table></body></html>",
            );
            assert_eq!(g, vec![vec!["1.目标"]]);
        }

        #[test]
        fn outside_paragraphs_are_rows_of_their_own_block() {
            let p = parse("<p>标题</p><table><tr><td>x</td></tr></table><p>后记</p>");
            let blocks: Vec<usize> = p.rows.iter().map(|r| r.block).collect();
            assert_eq!(p.rows.len(), 3);
            assert!(blocks[0] != blocks[1] && blocks[1] != blocks[2]);
        }

        #[test]
        fn tag_soup_does_not_lose_cells() {
            let g = cells("<table><td>a<td>b<tr><td>c</table>");
            assert_eq!(g, vec![vec!["a", "b"], vec!["c"]]);
            let g = cells("<table><tr><td x:str='unclosed>a</td><td>b</td></tr></table>");
            assert_eq!(g.len(), 1);
            assert_eq!(parse("<table><tr><td>x").tables, 1);
        }

        #[test]
        fn nested_tables_are_tables_after_the_row_that_holds_them() {
            let p = parse(
                "<table><tr><td>绩效指标</td><td><table><tr><td>一级指标</td><td>指标值</td></tr>\
                 <tr><td>产出指标</td><td>3个</td></tr></table></td></tr><tr><td>备注</td></tr></table>",
            );
            let g: Vec<Vec<String>> = p.rows.iter().map(|r| r.cells.clone()).collect();
            assert_eq!(
                g,
                vec![
                    vec!["绩效指标", ""],
                    vec!["一级指标", "指标值"],
                    vec!["产出指标", "3个"],
                    vec!["备注"],
                ]
            );
            assert_eq!(p.tables, 2);
            assert_eq!(p.rows[1].block, p.rows[2].block);
            assert_ne!(p.rows[0].block, p.rows[1].block);
            assert_ne!(p.rows[2].block, p.rows[3].block);
            // Deep nesting stays linear.
            let deep = "<table><tr><td>x".repeat(50_000);
            assert_eq!(parse(&deep).rows.len(), 50_000);
        }

        #[test]
        fn huge_spans_are_bounded() {
            let mut html = String::from("<table>");
            for _ in 0..2000 {
                html.push_str("<tr><td rowspan=65534 colspan=1000>x</td></tr>");
            }
            html.push_str("</table>");
            let p = parse(&html);
            let slots: usize = p.rows.iter().map(|r| r.cells.len()).sum();
            assert!(slots <= SPAN_BUDGET + 2000 * MAX_COLSPAN, "{slots}");
        }
    }
}

// ---------------------------------------------------------------------------
// Recognition.

/// What a label cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Label(Label),
    /// A label whose value the model does not keep (项目负责人 …): its value
    /// is consumed so it is not mistaken for other text.
    Skip,
    /// A label that only names a block (绩效指标 left of the indicator rows).
    Marker,
}

#[derive(Debug, Clone)]
struct Key {
    what: What,
    /// A value in the same cell (`项目名称：…`).
    inline: String,
    /// A money unit the label states (`预算数（元）`, `单位：元`).
    unit: Option<MoneyUnit>,
}

impl Key {
    fn is(&self, label: Label) -> bool {
        self.what == What::Label(label)
    }

    fn takes_value(&self) -> bool {
        match self.what {
            What::Skip => true,
            What::Marker => false,
            What::Label(l) => matches!(
                l,
                Label::UnitCode
                    | Label::UnitName
                    | Label::Project
                    | Label::Total
                    | Label::Fiscal
                    | Label::Other
                    | Label::TotalFunds
                    | Label::Department
                    | Label::Implementer
                    | Label::PlanStart
                    | Label::PlanEnd
            ),
        }
    }

    fn is_section(&self) -> bool {
        matches!(
            self.what,
            What::Label(Label::Purpose | Label::Goals | Label::OverallGoal)
        )
    }

    fn is_amount(&self) -> bool {
        matches!(
            self.what,
            What::Label(Label::Total | Label::Fiscal | Label::Other | Label::TotalFunds)
        )
    }
}

/// Labels other forms use, beyond those of the published layout.
const EXTRA_LABELS: &[(&str, What)] = &[
    ("项目资金情况", What::Label(Label::BudgetBlock)),
    ("项目资金", What::Label(Label::BudgetBlock)),
    ("资金情况", What::Label(Label::BudgetBlock)),
    ("预算情况", What::Label(Label::BudgetBlock)),
    ("年度总体目标", What::Label(Label::Goals)),
    ("项目年度目标", What::Label(Label::Goals)),
    ("年度项目目标", What::Label(Label::Goals)),
    ("本年度目标", What::Label(Label::Goals)),
    ("项目年度绩效目标", What::Label(Label::Goals)),
    ("实施期总目标", What::Label(Label::OverallGoal)),
    ("实施期目标", What::Label(Label::OverallGoal)),
    ("中长期目标", What::Label(Label::OverallGoal)),
    ("项目总体目标", What::Label(Label::OverallGoal)),
    ("填报单位", What::Label(Label::UnitName)),
    ("申报单位", What::Label(Label::UnitName)),
    ("项目负责人", What::Skip),
    ("负责人", What::Skip),
    ("联系人", What::Skip),
    ("联系电话", What::Skip),
    ("项目属性", What::Skip),
    ("项目类型", What::Skip),
    ("项目类别", What::Skip),
    ("项目期限", What::Skip),
    ("项目周期", What::Skip),
    ("项目编码", What::Skip),
    ("项目代码", What::Skip),
    ("项目编号", What::Skip),
    ("年度绩效指标", What::Marker),
    ("项目绩效指标", What::Marker),
    ("绩效指标", What::Marker),
];

/// The label a cell is, if it is one.
fn key_of(text: &str) -> Option<Key> {
    let t = layout::squeeze(text);
    if t.is_empty() {
        return None;
    }
    // `单位：万元`, `（金额单位：元）`.
    let bare = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    if bare.starts_with("单位:") || bare.starts_with("单位：") || bare.starts_with("金额单位")
    {
        if let Some(u) = MoneyUnit::parse(bare) {
            return Some(Key {
                what: What::Label(Label::MoneyUnit),
                inline: String::new(),
                unit: Some(u),
            });
        }
        // `单位：某某局` names the unit.
        let value = after_colon(text);
        let what =
            if bare.starts_with("单位") && value.chars().count() >= 4 && !value.contains('元') {
                What::Label(Label::UnitName)
            } else {
                What::Marker
            };
        return Some(Key {
            what,
            inline: value,
            unit: None,
        });
    }
    // Labels are short; a long cell is a label only with an inline value.
    if t.chars().count() > 40 && !t.contains([':', '：']) {
        return None;
    }
    let unit = unit_note(&t);
    for (word, what) in EXTRA_LABELS {
        if let Some(rest) = t.strip_prefix(word) {
            let rest = strip_note(rest);
            if rest.is_empty() {
                return Some(Key {
                    what: *what,
                    inline: String::new(),
                    unit,
                });
            }
            if rest.starts_with([':', '：']) {
                return Some(Key {
                    what: *what,
                    inline: after_colon(text),
                    unit,
                });
            }
        }
    }
    let (label, inline) = layout::split_label(text)?;
    Some(Key {
        what: What::Label(label),
        inline,
        unit,
    })
}

/// The text after a label's colon, as written.
fn after_colon(text: &str) -> String {
    let t = text.trim();
    match t.find([':', '：']) {
        Some(at) => {
            let colon = t[at..].chars().next().map_or(1, char::len_utf8);
            t[at + colon..].trim().to_string()
        }
        None => String::new(),
    }
}

/// A money unit noted in a label: `预算数（元）`, `项目资金（单位：万元）`.
fn unit_note(t: &str) -> Option<MoneyUnit> {
    for (open, close) in [('(', ')'), ('（', '）')] {
        let mut rest = t;
        while let Some(at) = rest.find(open) {
            let inner = &rest[at + open.len_utf8()..];
            let Some(end) = inner.find(close) else { break };
            if let Some(u) = MoneyUnit::parse(&inner[..end]) {
                return Some(u);
            }
            rest = &inner[end..];
        }
    }
    None
}

/// Drops a leading unit note from the rest of a label.
fn strip_note(rest: &str) -> &str {
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = rest.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                if MoneyUnit::parse(&inner[..end]).is_some() {
                    return &inner[end + close.len_utf8()..];
                }
            }
        }
    }
    rest
}

/// `331202天津市…`: a unit code (6 digits or more) and the unit's name.
fn unit_line(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 6 {
        return None;
    }
    let name = t[digits..].trim();
    let first = name.chars().next()?;
    if first.is_ascii_digit() || "年月日号.．、)）%％-/".contains(first) {
        return None;
    }
    Some((t[..digits].to_string(), name.to_string()))
}

/// Columns of the indicator rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Level1,
    Level2,
    Name,
    Description,
    Value,
    Unit,
    /// 指标值类型 / 指标性质: 定量, 定性, or a comparison.
    ValueType,
    Other,
}

const KINDS: usize = 8;

fn kind_of(text: &str) -> Kind {
    match layout::column_of(text) {
        Col::Level1 => Kind::Level1,
        Col::Level2 => Kind::Level2,
        Col::Name => Kind::Name,
        Col::Description => Kind::Description,
        Col::Value => Kind::Value,
        Col::Unit => Kind::Unit,
        Col::Ignored => match layout::squeeze(text).trim_end_matches([':', '：']) {
            "一级指标名称" => Kind::Level1,
            "二级指标名称" => Kind::Level2,
            "指标值类型" | "指标类型" | "指标性质" | "值类型" | "指标值性质" | "运算符号"
            | "运算符" | "比较符号" | "符号" => Kind::ValueType,
            _ => Kind::Other,
        },
    }
}

fn is_indicator_header(row: &Row) -> bool {
    let (mut l1, mut l2, mut name) = (false, false, false);
    for c in &row.cells {
        if c.is_empty() || c.chars().count() > 12 {
            continue;
        }
        match kind_of(c) {
            Kind::Level1 => l1 = true,
            Kind::Level2 => l2 = true,
            Kind::Name => name = true,
            _ => {}
        }
    }
    l1 || (l2 && name)
}

/// Rows after the indicator rows: notes and signatures.
fn is_footer(row: &Row) -> bool {
    let Some(first) = row.cells.iter().find(|c| !c.is_empty()) else {
        return false;
    };
    let t = layout::squeeze(first);
    [
        "备注",
        "说明",
        "注:",
        "注：",
        "填报人",
        "填表人",
        "审核人",
        "单位负责人",
        "财务负责人",
        "联系人",
        "联系电话",
        "填报日期",
        "制表",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// The project named by a title row (`1.<项目名称>绩效目标表`, alone in its
/// row or beside the money unit). A generic heading is no title.
fn title_of_row(row: &Row, keys: &[Option<Key>]) -> Option<String> {
    let mut non_empty = row.cells.iter().enumerate().filter(|(_, c)| !c.is_empty());
    let (j, first) = non_empty.next()?;
    if first.contains('\n') || !layout::is_title(first) {
        return None;
    }
    let others_are_units = non_empty.all(|(k, _)| {
        k != j
            && keys
                .get(k)
                .and_then(Option::as_ref)
                .is_some_and(|key| key.is(Label::MoneyUnit) || key.what == What::Marker)
    });
    if !others_are_units {
        return None;
    }
    let name = layout::title_project(first);
    let plain = layout::squeeze(&name);
    if plain.is_empty() || plain.ends_with("项目支出") || plain == "项目" {
        return None;
    }
    Some(name)
}

/// A row that belongs to the top of the next table: the unit line, the
/// money unit, an empty row.
fn is_pre_head(row: &Row, keys: &[Option<Key>]) -> bool {
    let Some(j) = row.cells.iter().position(|c| !c.is_empty()) else {
        return true;
    };
    let first_key = keys.get(j).and_then(Option::as_ref);
    keys.iter().flatten().any(|k| k.is(Label::MoneyUnit))
        || first_key.is_some_and(|k| k.is(Label::UnitName) || k.is(Label::UnitCode))
        || unit_line(&row.cells[j]).is_some()
}

fn recognise(rows: Vec<Row>) -> Result<Document, ClipboardError> {
    if rows.iter().all(|r| r.cells.iter().all(String::is_empty)) {
        return Err(ClipboardError::empty());
    }
    let keys: Vec<Vec<Option<Key>>> = rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| if c.is_empty() { None } else { key_of(c) })
                .collect()
        })
        .collect();
    let headers: Vec<bool> = rows.iter().map(is_indicator_header).collect();

    // Split into tables: a title, a second 项目名称 or a second indicator
    // header starts the next one (with the unit rows just above it).
    let mut segments: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0;
    let (mut seen_title, mut seen_project, mut seen_header) = (false, false, false);
    for i in 0..rows.len() {
        let title = title_of_row(&rows[i], &keys[i]).is_some();
        let project = keys[i].iter().flatten().any(|k| k.is(Label::Project));
        let header = headers[i];
        let body = seen_project || seen_header;
        let split = if title && body {
            Some(i)
        } else if (project && body) || (header && seen_header) {
            let mut at = i;
            while at > start + 1 && is_pre_head(&rows[at - 1], &keys[at - 1]) {
                at -= 1;
            }
            Some(at)
        } else {
            None
        };
        if let Some(at) = split {
            if at > start {
                segments.push((start, at, seen_title || seen_project || seen_header));
                start = at;
                seen_title = false;
                seen_project = false;
                seen_header = false;
            }
        }
        seen_title |= title;
        seen_project |= project;
        seen_header |= header;
    }
    segments.push((start, rows.len(), seen_title || seen_project || seen_header));

    let tables: Vec<Table> = segments
        .into_iter()
        .filter(|s| s.2)
        .map(|(s, e, _)| parse_table(&rows[s..e], &keys[s..e], &headers[s..e]))
        .collect();
    if tables.is_empty() {
        return Err(ClipboardError::not_a_target_table());
    }
    Ok(Document { tables })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Budget,
    Purpose,
    Goals,
    OverallGoal,
}

/// What one table's header block has gathered so far.
struct Acc {
    table: Table,
    section: Section,
    title: Option<String>,
    purpose: Vec<String>,
    goals: Vec<String>,
    overall: Vec<String>,
}

impl Acc {
    fn push_section(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.section {
            Section::Head => {}
            Section::Budget | Section::Purpose => {
                self.section = Section::Purpose;
                self.purpose.push(text.to_string());
            }
            Section::Goals => self.goals.extend(text.lines().map(str::to_string)),
            Section::OverallGoal => self.overall.push(text.to_string()),
        }
    }

    /// Text that no label claims: the unit line at the top, else more of
    /// the section it follows.
    fn loose(&mut self, text: &str, money_row: bool) {
        if self.section != Section::Head {
            self.push_section(text);
            return;
        }
        if !self.table.unit_name.is_empty() {
            return;
        }
        if let Some((code, name)) = unit_line(text) {
            self.table.unit_code = code;
            self.table.unit_name = name;
        } else if money_row && !text.contains('\n') {
            self.table.unit_name = text.to_string();
        }
    }

    fn apply(&mut self, key: &Key, values: &[&str]) {
        if let Some(u) = key.unit {
            self.table.money_unit = u;
        }
        let value = if key.inline.is_empty() {
            values.first().map_or(String::new(), |v| v.to_string())
        } else {
            key.inline.clone()
        };
        let label = match key.what {
            What::Label(l) => l,
            What::Skip => {
                self.section = Section::Head;
                return;
            }
            What::Marker => return,
        };
        let t = &mut self.table;
        match label {
            Label::MoneyUnit | Label::Level1Header => {}
            Label::UnitCode => t.unit_code = value,
            Label::UnitName => match unit_line(&value) {
                Some((code, name)) => {
                    t.unit_code = code;
                    t.unit_name = name;
                }
                None => t.unit_name = value,
            },
            Label::Project => t.project = value,
            Label::BudgetBlock => {}
            Label::Total => t.budget.total = Amount::parse(&value),
            Label::Fiscal => t.budget.fiscal = Amount::parse(&value),
            Label::Other => t.budget.other = Amount::parse(&value),
            Label::TotalFunds => t.total_funds = Amount::parse(&value),
            Label::Department => t.department = Some(value),
            Label::Implementer => t.implementer = Some(value),
            Label::PlanStart => t.plan_start = Some(value),
            Label::PlanEnd => t.plan_end = Some(value),
            Label::Purpose | Label::Goals | Label::OverallGoal => {}
        }
        self.section = match label {
            Label::BudgetBlock
            | Label::Total
            | Label::Fiscal
            | Label::Other
            | Label::TotalFunds => Section::Budget,
            Label::Purpose => Section::Purpose,
            Label::Goals => Section::Goals,
            Label::OverallGoal => Section::OverallGoal,
            Label::MoneyUnit | Label::Level1Header => self.section,
            _ => Section::Head,
        };
        if key.is_section() {
            self.push_section(&key.inline);
            for v in values {
                self.push_section(v);
            }
        }
    }

    /// A row of labels with their values beside them.
    fn horizontal(&mut self, row: &Row, keys: &[Option<Key>]) {
        let n = row.cells.len();
        let money_row = keys.iter().flatten().any(|k| k.is(Label::MoneyUnit));
        let mut j = 0;
        while j < n {
            let cell = row.cells[j].as_str();
            if cell.is_empty() {
                j += 1;
                continue;
            }
            let Some(key) = &keys[j] else {
                self.loose(cell, money_row);
                j += 1;
                continue;
            };
            j += 1;
            let mut values: Vec<&str> = Vec::new();
            if key.takes_value() && key.inline.is_empty() {
                while j < n && row.cells[j].is_empty() {
                    j += 1;
                }
                if j < n && keys[j].is_none() {
                    values.push(&row.cells[j]);
                    j += 1;
                }
            } else if key.is_section() {
                while j < n && keys[j].is_none() {
                    if !row.cells[j].is_empty() {
                        values.push(&row.cells[j]);
                    }
                    j += 1;
                }
            }
            self.apply(key, &values);
        }
    }

    /// A row of labels only, with their values in the row below, under
    /// each label. False (and nothing done) when the row below holds none.
    fn vertical(&mut self, row: &Row, keys: &[Option<Key>], below: &Row) -> bool {
        let labels: Vec<usize> = (0..row.cells.len())
            .filter(|&j| keys[j].is_some())
            .collect();
        let mut used = vec![false; below.cells.len()];
        let mut found: Vec<Vec<&str>> = vec![Vec::new(); labels.len()];
        for (n, &j) in labels.iter().enumerate() {
            let Some(key) = &keys[j] else { continue };
            let end = labels
                .get(n + 1)
                .copied()
                .unwrap_or(below.cells.len())
                .min(below.cells.len());
            for (k, cell) in below.cells.iter().enumerate().take(end).skip(j) {
                let cell = cell.as_str();
                if cell.is_empty() {
                    continue;
                }
                if key.is_section() {
                    found[n].push(cell);
                    used[k] = true;
                } else if key.takes_value() && key.inline.is_empty() {
                    if !key.is_amount() || matches!(Amount::parse(cell), Amount::Value(_)) {
                        found[n].push(cell);
                        used[k] = true;
                    }
                    break;
                }
            }
        }
        if !used.contains(&true) {
            return false;
        }
        for (n, &j) in labels.iter().enumerate() {
            if let Some(key) = &keys[j] {
                self.apply(key, &found[n]);
            }
        }
        for (k, cell) in below.cells.iter().enumerate() {
            if !used[k] && !cell.is_empty() {
                self.loose(cell, false);
            }
        }
        true
    }
}

fn parse_table(rows: &[Row], keys: &[Vec<Option<Key>>], headers: &[bool]) -> Table {
    let mut acc = Acc {
        table: Table::default(),
        section: Section::Head,
        title: None,
        purpose: Vec::new(),
        goals: Vec::new(),
        overall: Vec::new(),
    };
    let mut r = 0;
    while r < rows.len() {
        let row = &rows[r];
        let rk = &keys[r];
        if headers[r] {
            acc.table.indicators = parse_indicators(&rows[r..]);
            break;
        }
        if let Some(name) = title_of_row(row, rk) {
            acc.title.get_or_insert(name);
            for key in rk.iter().flatten() {
                if let Some(u) = key.unit {
                    acc.table.money_unit = u;
                }
            }
            r += 1;
            continue;
        }
        let has_label = rk.iter().any(Option::is_some);
        let has_loose = row
            .cells
            .iter()
            .zip(rk)
            .any(|(c, k)| !c.is_empty() && k.is_none());
        if has_label && !has_loose {
            if let Some(below) = rows.get(r + 1) {
                let plain_below = below.block == row.block
                    && !headers[r + 1]
                    && keys[r + 1].iter().all(Option::is_none)
                    && title_of_row(below, &keys[r + 1]).is_none();
                if plain_below && acc.vertical(row, rk, below) {
                    r += 2;
                    continue;
                }
            }
        }
        acc.horizontal(row, rk);
        r += 1;
    }

    let mut table = acc.table;
    table.purpose = acc.purpose.join("\n");
    table.goals = layout::goals_from(&acc.goals);
    if !acc.overall.is_empty() {
        table.overall_goal = Some(acc.overall.join("\n"));
    }
    if table.project.trim().is_empty() {
        if let Some(name) = acc.title {
            table.project = name;
        }
    }
    table.framework = Framework::detect(table.indicators.iter().map(|r| r.level1.as_str()));
    table
}

/// The indicator rows, from the header row (`一级指标 …`) on, within the
/// header's own table.
fn parse_indicators(rows: &[Row]) -> Vec<Indicator> {
    let Some(header) = rows.first() else {
        return Vec::new();
    };
    let mut cols: Vec<Kind> = header.cells.iter().map(|c| kind_of(c)).collect();
    // 年度指标值 beside a 实施期 value: the annual one counts.
    if header
        .cells
        .iter()
        .any(|c| layout::squeeze(c) == "年度指标值")
    {
        for (k, c) in cols.iter_mut().zip(&header.cells) {
            if *k == Kind::Value && layout::squeeze(c) != "年度指标值" {
                *k = Kind::Other;
            }
        }
    }
    // A merged header cell covers the blank slots to its right.
    for j in 1..cols.len() {
        if header.cells[j].is_empty() {
            cols[j] = cols[j - 1];
        }
    }
    // A second header row under merged cells (指标值 → 类型 / 值 / 单位).
    let mut start = 1;
    if let Some(sub) = rows.get(1) {
        let named: Vec<(usize, Kind)> = sub
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(j, c)| (j, kind_of(c)))
            .collect();
        if sub.block == header.block
            && !named.is_empty()
            && named.iter().all(|(_, k)| *k != Kind::Other)
        {
            for (j, k) in named {
                if j >= cols.len() {
                    cols.resize(j + 1, Kind::Other);
                }
                cols[j] = k;
            }
            start = 2;
        }
    }
    let width = cols.len();

    let mut out: Vec<Indicator> = Vec::new();
    let (mut last1, mut last2) = (String::new(), String::new());
    for row in &rows[start..] {
        if row.block != header.block || is_footer(row) || is_indicator_header(row) {
            break;
        }
        let mut len = row.cells.len();
        if !row.aligned {
            while len > width && row.cells[len - 1].is_empty() {
                len -= 1;
            }
        }
        let offset = if row.aligned {
            0
        } else {
            width.saturating_sub(len)
        };
        let mut slot: [&str; KINDS] = [""; KINDS];
        for (k, text) in row.cells[..len].iter().enumerate() {
            let kind = cols.get(k + offset).copied().unwrap_or(Kind::Other);
            if !text.is_empty() && slot[kind as usize].is_empty() {
                slot[kind as usize] = text;
            }
        }
        let main = [
            Kind::Level1,
            Kind::Level2,
            Kind::Name,
            Kind::Description,
            Kind::Value,
        ];
        if main.iter().all(|k| slot[*k as usize].is_empty()) {
            continue;
        }
        let mut ind = Indicator {
            level1: slot[Kind::Level1 as usize].to_string(),
            level2: slot[Kind::Level2 as usize].to_string(),
            name: slot[Kind::Name as usize].to_string(),
            description: slot[Kind::Description as usize].to_string(),
            value: compose_value(
                slot[Kind::Value as usize],
                slot[Kind::ValueType as usize],
                slot[Kind::Unit as usize],
            ),
        };
        if ind.level1.is_empty() {
            ind.level1 = last1.clone();
            if ind.level2.is_empty() {
                ind.level2 = last2.clone();
            }
        }
        last1 = ind.level1.clone();
        last2 = ind.level2.clone();
        out.push(ind);
    }
    out
}

/// 指标值 from split columns: the value, the comparison a 类型 column may
/// hold, and the 计量单位 (unless the value already ends with it, or is the
/// text of a 定性 indicator).
fn compose_value(value: &str, kind: &str, unit: &str) -> String {
    let mut out = value.trim().to_string();
    if out.is_empty() {
        return out;
    }
    let kind = layout::squeeze(kind);
    if let Some(cmp) = comparison(&kind) {
        if !starts_with_comparison(&out) {
            out.insert_str(0, cmp);
        }
    }
    let unit = unit.trim();
    let placeholder = matches!(unit, "" | "-" | "—" | "－" | "–" | "/" | "／" | "无");
    let text_value = kind.contains("定性") && !out.chars().any(|c| c.is_ascii_digit());
    if !placeholder && !text_value && !out.ends_with(unit) {
        out.push_str(unit);
    }
    out
}

fn comparison(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "≥" | ">=" | "≧" | "＞＝" | "大于等于" | "不低于" | "不少于" => "≥",
        "≤" | "<=" | "≦" | "＜＝" | "小于等于" | "不高于" | "不超过" => "≤",
        ">" | "＞" | "大于" => ">",
        "<" | "＜" | "小于" => "<",
        _ => return None,
    })
}

fn starts_with_comparison(value: &str) -> bool {
    value.starts_with(['≥', '≤', '>', '<', '=', '＝', '≧', '≦', '＞', '＜'])
        || [
            "不低于",
            "不少于",
            "至少",
            "不高于",
            "不超过",
            "至多",
            "大于",
            "小于",
            "等于",
        ]
        .iter()
        .any(|w| value.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn tsv_quoting() {
        assert_eq!(
            parse_tsv("a\t\"b\nc\"\td\r\ne\t\"x\"\"y\"\r\n"),
            vec![vec!["a", "b\nc", "d"], vec!["e", "x\"y"]]
        );
        // A quote inside an unquoted cell is text.
        assert_eq!(
            parse_tsv("\"科技\"活动\t2\n"),
            vec![vec!["\"科技\"活动", "2"]]
        );
        // An unclosed quote is text to the end of its line.
        assert_eq!(parse_tsv("\"abc\tdef"), vec![vec!["\"abc", "def"]]);
        assert_eq!(parse_tsv("a\t"), vec![vec!["a", ""]]);
    }

    #[test]
    fn labels() {
        assert!(key_of("其中：财政    资金").unwrap().is(Label::Fiscal));
        let k = key_of("预算数（元）").unwrap();
        assert!(k.is(Label::Total));
        assert_eq!(k.unit, Some(MoneyUnit::Yuan));
        let k = key_of("项目资金（万元）").unwrap();
        assert!(k.is(Label::BudgetBlock));
        assert_eq!(k.unit, Some(MoneyUnit::Wan));
        assert_eq!(key_of("（单位：元）").unwrap().unit, Some(MoneyUnit::Yuan));
        assert!(key_of("项目资金总额").unwrap().is(Label::TotalFunds));
        assert!(key_of("年度资金申请总额").unwrap().is(Label::Total));
        let k = key_of("填报单位：某某局").unwrap();
        assert!(k.is(Label::UnitName));
        assert_eq!(k.inline, "某某局");
        assert!(key_of("科技统计信息系统建设和运维").is_none());
        assert!(key_of("绩效指标描述").is_none());
        assert_eq!(key_of("绩效指标").unwrap().what, What::Marker);
    }

    #[test]
    fn values_from_split_columns() {
        assert_eq!(compose_value("≥300", "定量", "人次"), "≥300人次");
        assert_eq!(compose_value("95%", "定量", "%"), "95%");
        assert_eq!(compose_value("95", "≥", "%"), "≥95%");
        assert_eq!(compose_value("≥95", "大于等于", "%"), "≥95%");
        assert_eq!(compose_value("达标", "定性", "个"), "达标");
        assert_eq!(compose_value("达标", "定性", ""), "达标");
        assert_eq!(compose_value("12", "", "—"), "12");
        assert_eq!(compose_value("", "定量", "个"), "");
    }

    #[test]
    fn vertical_header_rows() {
        let doc = import_grid(grid(&[
            &["项目名称", "主管部门", "实施单位"],
            &["某项目", "某局", "某中心"],
            &["预算数（元）", "财政资金", "其他资金"],
            &["450000.00", "400000.00", "50000.00"],
        ]))
        .unwrap();
        let t = &doc.tables[0];
        assert_eq!(t.project, "某项目");
        assert_eq!(t.department.as_deref(), Some("某局"));
        assert_eq!(t.implementer.as_deref(), Some("某中心"));
        assert_eq!(t.money_unit, MoneyUnit::Yuan);
        assert_eq!(t.budget.total.text(), "450000.00");
        assert_eq!(t.budget.other.text(), "50000.00");
    }

    #[test]
    fn a_blank_amount_does_not_take_the_text_below() {
        let doc = import_grid(grid(&[
            &["项目名称", "某项目", ""],
            &["预算数", "10", ""],
            &["", "其他资金", ""],
            &["", "用于开展某项工作。", ""],
        ]))
        .unwrap();
        let t = &doc.tables[0];
        assert!(t.budget.other.is_blank());
        assert_eq!(t.purpose, "用于开展某项工作。");
    }

    #[test]
    fn unit_lines() {
        assert_eq!(
            unit_line("331202天津市科学技术发展战略研究院"),
            Some(("331202".into(), "天津市科学技术发展战略研究院".into()))
        );
        assert_eq!(unit_line("2025年度"), None);
        assert_eq!(unit_line("100家企业"), None);
    }
}
