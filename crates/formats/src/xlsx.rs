//! Export to `.xlsx` (Office Open XML), written by hand.
//!
//! The page ships as WebAssembly, so instead of a spreadsheet crate this
//! module writes the few parts a workbook needs, and the ZIP container
//! around them ([`crate::zip`]):
//!
//! - `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
//!   `xl/_rels/workbook.xml.rels`, `xl/styles.xml`, `xl/worksheets/sheetN.xml`.
//!
//! A sheet is the official layout of [`crate::print::grid`]: seven
//! columns, the title row merged across them, merged 一级/二级 cells, thin
//! borders, wrapped text, 宋体, A4 portrait fitted to the page width, the
//! indicator header repeated on every printed page.
//!
//! Design choices:
//! - Text is written as inline strings (`t="inlineStr"`), so there is no
//!   shared-strings part to build.
//! - Amounts stay text, exactly as written (`45.00`), in cells formatted as
//!   text (`@`), and Excel's "number stored as text" marker is switched off:
//!   a number cell would show `45` and lose the scale the table is published
//!   with.
//! - Text is cleaned for XML 1.0 (control characters other than tab and
//!   line breaks are dropped), `_xHHHH_` sequences the author typed are
//!   protected from Excel's escape decoding, and a cell is cut at Excel's
//!   limit of 32 767 characters.
//! - Excel does not grow rows for wrapped text in merged cells, so row
//!   heights are estimated from the text and the column widths.
//! - The output is deterministic: every part carries the same timestamp.

use super::print::{grid, Part, Role, Row, COLUMNS, COLUMN_PERCENT};
/// CRC-32, as ZIP uses it (now in [`crate::zip`]).
pub use crate::zip::crc32;
use crate::zip::Zip;
use jixiao_domain::table::Table;

/// Excel's limit on the characters (UTF-16 units) of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on a sheet name (UTF-16 units).
pub const MAX_SHEET_NAME: usize = 31;

/// The workbook: one sheet per table, named `1.<项目名称>` ….
pub fn workbook(tables: &[Table]) -> Vec<u8> {
    let mut sheets: Vec<SheetPart> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let rows = grid(i + 1, t);
            let mut sheet = SheetBuilder::default();
            sheet.add(&rows);
            let header = rows.iter().position(|r| r.part == Part::Head);
            SheetPart {
                name: sheet_name(i + 1, &t.project),
                xml: sheet.finish(),
                print_titles: header.map(|h| h + 1),
            }
        })
        .collect();
    if sheets.is_empty() {
        sheets.push(SheetPart {
            name: "绩效目标表".into(),
            xml: SheetBuilder::default().finish(),
            print_titles: None,
        });
    }
    package(&sheets)
}

/// All tables on one sheet, one after another, each starting a new printed
/// page.
pub fn document_xlsx(tables: &[Table]) -> Vec<u8> {
    let mut sheet = SheetBuilder::default();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            // A blank row between tables on screen, then a page break.
            sheet.next_row += 1;
            sheet.breaks.push(sheet.next_row);
        }
        sheet.add(&grid(i + 1, t));
    }
    package(&[SheetPart {
        name: "绩效目标表".into(),
        xml: sheet.finish(),
        print_titles: None,
    }])
}

/// A sheet name from the table's number and project, to Excel's rules: at
/// most 31 characters, none of `[ ] : * ? / \`, no apostrophe at either end,
/// not blank. The `N.` prefix makes the names of a workbook unique.
pub fn sheet_name(number: usize, project: &str) -> String {
    let clean: String = project
        .chars()
        .filter(|c| !c.is_control() && xml_char(*c))
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c => c,
        })
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        return format!("表{number}");
    }
    let mut name = format!("{number}.");
    let mut units = name.len();
    for c in clean.chars() {
        if units + c.len_utf16() > MAX_SHEET_NAME {
            break;
        }
        units += c.len_utf16();
        name.push(c);
    }
    let trimmed = name.trim_end_matches(['\'', ' ']);
    trimmed.to_string()
}

struct SheetPart {
    name: String,
    xml: String,
    /// 1-based row to repeat on every printed page.
    print_titles: Option<usize>,
}

/// `x` (not negative) with two decimals, without core's float formatting
/// (about 6 KB of brotli wasm; see BENCHMARKS.md). Exact ties round up where
/// `{x:.2}` rounds to even: at most 0.01 pt apart.
fn fixed2(x: f64) -> String {
    let c = (x * 100.0).round() as u64;
    format!("{}.{:02}", c / 100, c % 100)
}

/// Column widths in Excel's character units: about 100 across, fitted to
/// the A4 page width when printed.
fn column_widths() -> [f64; COLUMNS] {
    COLUMN_PERCENT.map(f64::from)
}

// Style indices of `styles.xml`.
const S_TITLE: u8 = 1;
const S_UNIT: u8 = 2;
const S_MONEY: u8 = 3;
const S_CENTER: u8 = 4;
const S_LEFT: u8 = 5;

fn style(role: Role) -> u8 {
    match role {
        Role::Title => S_TITLE,
        Role::Unit => S_UNIT,
        Role::MoneyUnit => S_MONEY,
        Role::Label | Role::Value => S_CENTER,
        Role::Text => S_LEFT,
    }
}

#[derive(Default)]
struct SheetBuilder {
    /// `<row>` elements.
    data: String,
    merges: Vec<String>,
    /// 1-based rows after which a page breaks.
    breaks: Vec<usize>,
    /// 0-based index of the next row to write.
    next_row: usize,
}

impl SheetBuilder {
    /// Writes the grid of one table from `self.next_row` on.
    fn add(&mut self, rows: &[Row]) {
        let top = self.next_row;
        // Every position of the grid: (style, text) for the cell anchored
        // there, (style, "") for positions a merged cell covers, so borders
        // are drawn around the whole merged region.
        let mut grid: Vec<[Option<(u8, &str)>; COLUMNS]> = vec![[None; COLUMNS]; rows.len()];
        let widths = column_widths();
        let mut heights = vec![0f64; rows.len()];
        for (r, row) in rows.iter().enumerate() {
            for c in &row.cells {
                let s = style(c.role);
                for (rr, line) in grid.iter_mut().enumerate().skip(r).take(c.rowspan) {
                    for (cc, slot) in line.iter_mut().enumerate().skip(c.col).take(c.colspan) {
                        let anchor = rr == r && cc == c.col;
                        *slot = Some((s, if anchor { c.text.as_str() } else { "" }));
                    }
                }
                if c.rowspan > 1 || c.colspan > 1 {
                    self.merges.push(format!(
                        "{}:{}",
                        cell_ref(top + r, c.col),
                        cell_ref(top + r + c.rowspan - 1, c.col + c.colspan - 1)
                    ));
                }
                let width: f64 = widths[c.col..(c.col + c.colspan).min(COLUMNS)].iter().sum();
                let (line_height, pad) = if c.role == Role::Title {
                    (21.0, 8.0)
                } else {
                    (14.25, 4.0)
                };
                let h = lines(&c.text, width - 1.5) as f64 * line_height + pad;
                // A cell over several rows shares its height among them.
                let share = h / c.rowspan as f64;
                for hh in heights.iter_mut().skip(r).take(c.rowspan) {
                    *hh = hh.max(share);
                }
            }
        }
        for (r, line) in grid.iter().enumerate() {
            let n = top + r + 1;
            let ht = heights[r].clamp(18.0, 409.0);
            self.data.push_str(&format!(
                "<row r=\"{n}\" ht=\"{}\" customHeight=\"1\">",
                fixed2(ht)
            ));
            for (c, slot) in line.iter().enumerate() {
                let Some((s, text)) = slot else { continue };
                let at = cell_ref(top + r, c);
                let mut xml = String::new();
                push_cell_text(&mut xml, text);
                if xml.is_empty() {
                    self.data.push_str(&format!("<c r=\"{at}\" s=\"{s}\"/>"));
                } else {
                    self.data.push_str(&format!(
                        "<c r=\"{at}\" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{xml}</t></is></c>"
                    ));
                }
            }
            self.data.push_str("</row>");
        }
        self.next_row = top + rows.len();
    }

    fn finish(self) -> String {
        let last = self.next_row.max(1);
        let mut x = String::with_capacity(self.data.len() + 2048);
        x.push_str(XML_DECL);
        x.push_str(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
             <sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>",
        );
        x.push_str(&format!(
            "<dimension ref=\"A1:{}\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>\
             <sheetFormatPr defaultRowHeight=\"14.25\"/><cols>",
            cell_ref(last - 1, COLUMNS - 1)
        ));
        for (i, w) in column_widths().iter().enumerate() {
            x.push_str(&format!(
                "<col min=\"{n}\" max=\"{n}\" width=\"{}\" customWidth=\"1\"/>",
                fixed2(*w),
                n = i + 1
            ));
        }
        x.push_str("</cols><sheetData>");
        x.push_str(&self.data);
        x.push_str("</sheetData>");
        if !self.merges.is_empty() {
            x.push_str(&format!("<mergeCells count=\"{}\">", self.merges.len()));
            for m in &self.merges {
                x.push_str(&format!("<mergeCell ref=\"{m}\"/>"));
            }
            x.push_str("</mergeCells>");
        }
        x.push_str(
            "<printOptions horizontalCentered=\"1\"/>\
             <pageMargins left=\"0.6\" right=\"0.6\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>\
             <pageSetup paperSize=\"9\" orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"0\"/>",
        );
        if !self.breaks.is_empty() {
            let n = self.breaks.len();
            x.push_str(&format!(
                "<rowBreaks count=\"{n}\" manualBreakCount=\"{n}\">"
            ));
            for b in &self.breaks {
                x.push_str(&format!("<brk id=\"{b}\" max=\"16383\" man=\"1\"/>"));
            }
            x.push_str("</rowBreaks>");
        }
        x.push_str(&format!(
            "<ignoredErrors><ignoredError sqref=\"A1:{}\" numberStoredAsText=\"1\"/></ignoredErrors></worksheet>",
            cell_ref(last - 1, COLUMNS - 1)
        ));
        x
    }
}

/// How many lines `text` takes in a cell `width` characters wide (a CJK
/// character counts two, as in Excel's width unit).
fn lines(text: &str, width: f64) -> usize {
    let width = width.max(1.0);
    text.split('\n')
        .map(|line| {
            let w: u32 = line
                .chars()
                .map(|c| if u32::from(c) >= 0x2000 { 2 } else { 1 })
                .sum();
            ((f64::from(w) / width).ceil() as usize).max(1)
        })
        .sum()
}

/// `A1` for a 0-based row and column (the grid has at most 26 columns).
fn cell_ref(row: usize, col: usize) -> String {
    format!("{}{}", char::from(b'A' + col as u8), row + 1)
}

pub(crate) const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Whether XML 1.0 allows `c` in text (Rust chars are never surrogates).
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// XML-escaped text, without characters XML 1.0 forbids.
pub(crate) fn push_xml(out: &mut String, text: &str) {
    for c in text.chars().filter(|c| xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A raw CR would be read back as LF; keep it as a reference.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

fn escape_xml(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    push_xml(&mut s, text);
    s
}

/// The text of a cell: line breaks as `\n`, cut at Excel's cell limit,
/// `_xHHHH_` protected (Excel would read it as an escaped character), then
/// XML-escaped.
fn push_cell_text(out: &mut String, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut kept = String::with_capacity(text.len());
    let mut units = 0;
    for c in text.chars().filter(|c| xml_char(*c)) {
        units += c.len_utf16();
        if units > MAX_CELL_CHARS {
            break;
        }
        kept.push(c);
    }
    let bytes = kept.as_bytes();
    let mut protected = String::with_capacity(kept.len());
    let mut from = 0;
    for (i, _) in kept.match_indices("_x") {
        let escape = bytes.len() >= i + 7
            && bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
            && bytes[i + 6] == b'_';
        if escape {
            protected.push_str(&kept[from..i]);
            protected.push_str("_x005F");
            from = i;
        }
    }
    protected.push_str(&kept[from..]);
    push_xml(out, &protected);
}

const STYLES: &str = concat!(
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"2\">",
    "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>",
    "<font><b/><sz val=\"16\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>",
    "</fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>",
    "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>",
    "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>",
    "</borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"6\">",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    // 1 title
    "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>",
    // 2 unit (left), 3 money unit (right)
    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>",
    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"right\" vertical=\"center\" wrapText=\"1\"/></xf>",
    // 4 bordered, centred; 5 bordered, left
    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>",
    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

pub(crate) const REL_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The workbook parts around the sheets, zipped.
fn package(sheets: &[SheetPart]) -> Vec<u8> {
    let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    let mut types = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"{ct}.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"{ct}.styles+xml\"/>"
    );
    let mut rels = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    let mut book = format!(
        "{XML_DECL}<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"{REL_NS}\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    );
    let mut names = String::new();
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"{ct}.worksheet+xml\"/>"
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{n}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        ));
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape_xml(&s.name)
        ));
        if let Some(row) = s.print_titles {
            let quoted = format!("'{}'!${row}:${row}", s.name.replace('\'', "''"));
            names.push_str(&format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{}</definedName>",
                escape_xml(&quoted)
            ));
        }
    }
    types.push_str("</Types>");
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/></Relationships>",
        sheets.len() + 1
    ));
    book.push_str("</sheets>");
    if !names.is_empty() {
        book.push_str("<definedNames>");
        book.push_str(&names);
        book.push_str("</definedNames>");
    }
    book.push_str("</workbook>");

    let mut zip = Zip::default();
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add(
        "_rels/.rels",
        format!(
            "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        )
        .as_bytes(),
    );
    zip.add("xl/workbook.xml", book.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    zip.add("xl/styles.xml", format!("{XML_DECL}{STYLES}").as_bytes());
    for (i, s) in sheets.iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            s.xml.as_bytes(),
        );
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name(1, "科技统计"), "1.科技统计");
        assert_eq!(sheet_name(2, "a[b]:c*d?e/f\\g"), "2.a_b__c_d_e_f_g");
        assert_eq!(sheet_name(3, "  "), "表3");
        let long = sheet_name(12, &"长".repeat(40));
        assert_eq!(long.encode_utf16().count(), MAX_SHEET_NAME);
        assert!(long.starts_with("12."));
        assert_eq!(sheet_name(4, "x'"), "4.x");
    }

    #[test]
    fn escape_sequences_typed_by_the_author_are_protected() {
        let mut s = String::new();
        push_cell_text(&mut s, "a_x0041_b_x12_");
        assert_eq!(s, "a_x005F_x0041_b_x12_");
        let mut s = String::new();
        push_cell_text(&mut s, "<&\u{1}>\r\n");
        assert_eq!(s, "&lt;&amp;&gt;\n");
    }
}
