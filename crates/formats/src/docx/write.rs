//! Export to `.docx` (WordprocessingML), written by hand like the `.xlsx`
//! (`crates/formats/src/xlsx.rs`), in the layout of the print view
//! ([`crate::print::grid`]):
//!
//! - per table, the title `N.<项目名称>绩效目标表` (centred, bold 宋体
//!   16 pt), the unit line (仿宋, the unit on the left and `单位：万元` at
//!   a right tab stop), then one Word table on the seven-column grid of the
//!   print view: 项目名称, the budget block, 绩效目标, the indicator
//!   header and the indicators, with 一级 and 二级 merged down their rows
//!   (`w:vMerge`) and wide cells spanning columns (`w:gridSpan`); thin
//!   borders, 宋体 10.5 pt; rows at least 0.7 cm high and not split
//!   across pages;
//! - each table after the first starts a new page;
//! - A4 portrait, the print view's margins.
//!
//! The package holds `[Content_Types].xml`, `_rels/.rels`,
//! `word/document.xml`, `word/styles.xml` (the default fonts, with
//! `w:eastAsia` for Chinese text) and `word/_rels/document.xml.rels`. The
//! output is deterministic.

use crate::print::{grid, Part, Role, Row, COLUMNS, COLUMN_PERCENT};
use crate::xlsx::{push_xml, REL_NS, XML_DECL};
use crate::zip::Zip;
use jixiao_domain::table::Table;

/// A4 portrait, in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// The print view's margins (20, 15, 18, 15 mm).
const MARGIN_TOP: u32 = 1_134;
const MARGIN_SIDE: u32 = 850;
const MARGIN_BOTTOM: u32 = 1_021;
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN_SIDE;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Fonts of a run: Latin text in Times New Roman, Chinese in `east_asia`.
fn fonts(east_asia: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{east_asia}\" w:cs=\"Times New Roman\"/>"
    )
}

/// The .docx of `tables`, one per page, in the official layout.
pub fn document(tables: &[Table]) -> Vec<u8> {
    let mut body = String::with_capacity(4096 + tables.len() * 16_384);
    for (i, table) in tables.iter().enumerate() {
        push_table(&mut body, &grid(i + 1, table), i > 0);
    }
    // Word ends a body with a paragraph, never with a table.
    body.push_str("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/></w:pPr></w:p>");
    let document = format!(
        "{XML_DECL}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{REL_NS}\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
         <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_SIDE}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_SIDE}\" \
         w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    package(&document)
}

/// Widths of the grid's columns in twentieths of a point, adding up to
/// the text width.
fn column_widths() -> [u32; COLUMNS] {
    let mut widths = COLUMN_PERCENT.map(|p| TEXT_WIDTH * u32::from(p) / 100);
    let used: u32 = widths.iter().sum();
    widths[COLUMNS - 1] += TEXT_WIDTH - used;
    widths
}

/// One table: its title and unit paragraphs, then the grid as a Word table.
fn push_table(out: &mut String, rows: &[Row], new_page: bool) {
    let mut grid_rows: Vec<&Row> = Vec::with_capacity(rows.len());
    for row in rows {
        match row.part {
            Part::Title => {
                let text = row.cells.first().map_or("", |c| c.text.as_str());
                let page = if new_page { "<w:pageBreakBefore/>" } else { "" };
                out.push_str(&format!(
                    "<w:p><w:pPr><w:keepNext/>{page}<w:spacing w:before=\"0\" w:after=\"200\"/><w:jc w:val=\"center\"/></w:pPr>"
                ));
                push_run(
                    out,
                    text,
                    &format!(
                        "{}<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
                        fonts("宋体")
                    ),
                );
                out.push_str("</w:p>");
            }
            Part::Meta => {
                out.push_str(&format!(
                    "<w:p><w:pPr><w:keepNext/><w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs>\
                     <w:spacing w:before=\"0\" w:after=\"60\"/></w:pPr>"
                ));
                let style = format!(
                    "{}<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
                    fonts("仿宋")
                );
                for (k, cell) in row.cells.iter().enumerate() {
                    if k > 0 {
                        out.push_str(&format!("<w:r><w:rPr>{style}</w:rPr><w:tab/></w:r>"));
                    }
                    push_run(out, &cell.text, &style);
                }
                out.push_str("</w:p>");
            }
            Part::Block | Part::Head | Part::Body => grid_rows.push(row),
        }
    }
    push_grid(out, &grid_rows);
}

/// A run of text: its lines joined with breaks.
fn push_run(out: &mut String, text: &str, style: &str) {
    out.push_str(&format!("<w:r><w:rPr>{style}</w:rPr>"));
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("<w:br/>");
        }
        push_text(out, line);
    }
    out.push_str("</w:r>");
}

fn push_text(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:t xml:space=\"preserve\">");
    push_xml(out, &text.replace('\t', " "));
    out.push_str("</w:t>");
}

/// What one position of a grid row holds.
#[derive(Clone, Copy)]
enum Slot {
    /// A cell starts here: its index in the row.
    Start(usize),
    /// A cell from a row above covers it, `colspan` wide.
    Covered(usize),
}

fn push_grid(out: &mut String, rows: &[&Row]) {
    if rows.is_empty() {
        return;
    }
    let widths = column_widths();
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
    ));
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        ));
    }
    out.push_str(
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
         <w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>",
    );
    for w in widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");

    let mut slots: Vec<[Option<Slot>; COLUMNS]> = vec![[None; COLUMNS]; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        for (k, c) in row.cells.iter().enumerate() {
            if c.col >= COLUMNS {
                continue;
            }
            slots[r][c.col] = Some(Slot::Start(k));
            for below in slots
                .iter_mut()
                .skip(r + 1)
                .take(c.rowspan.saturating_sub(1))
            {
                below[c.col] = Some(Slot::Covered(c.colspan));
            }
        }
    }
    for (r, row) in rows.iter().enumerate() {
        // At least 0.7 cm high, as the published tables; never split.
        out.push_str(
            "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"397\" w:hRule=\"atLeast\"/></w:trPr>",
        );
        let mut col = 0;
        while col < COLUMNS {
            let (span, merge, cell) = match slots[r][col] {
                Some(Slot::Start(k)) => {
                    let c = &row.cells[k];
                    let merge = if c.rowspan > 1 {
                        "<w:vMerge w:val=\"restart\"/>"
                    } else {
                        ""
                    };
                    (c.colspan, merge, Some(c))
                }
                Some(Slot::Covered(span)) => (span, "<w:vMerge/>", None),
                None => (1, "", None),
            };
            let span = span.clamp(1, COLUMNS - col);
            let width: u32 = widths[col..col + span].iter().sum();
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            ));
            if span > 1 {
                out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            out.push_str(merge);
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            push_cell_text(out, cell.map(|c| (c.text.as_str(), c.role)));
            out.push_str("</w:tc>");
            col += span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// A cell's text, one paragraph per line (at least one, as Word wants).
fn push_cell_text(out: &mut String, cell: Option<(&str, Role)>) {
    let (text, role) = cell.unwrap_or(("", Role::Value));
    let align = if role == Role::Text { "both" } else { "center" };
    let style = fonts("宋体");
    for line in text.split('\n') {
        out.push_str(&format!(
            "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"{align}\"/>\
             <w:rPr>{style}</w:rPr></w:pPr>"
        ));
        if !line.is_empty() {
            out.push_str(&format!("<w:r><w:rPr>{style}</w:rPr>"));
            push_text(out, line);
            out.push_str("</w:r>");
        }
        out.push_str("</w:p>");
    }
}

const STYLES: &str = concat!(
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:docDefaults><w:rPrDefault><w:rPr>",
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>",
    "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>",
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
    "</w:pPr></w:pPrDefault></w:docDefaults>",
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>",
    "<w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:style>",
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>",
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>",
    "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>",
    "</w:tblCellMar></w:tblPr></w:style>",
    "</w:styles>"
);

/// The parts around `word/document.xml`, zipped.
fn package(document: &str) -> Vec<u8> {
    let pkg_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let types = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/></Types>"
    );
    let rels = format!(
        "{XML_DECL}<Relationships xmlns=\"{pkg_rels}\">\
         <Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
    );
    let doc_rels = format!(
        "{XML_DECL}<Relationships xmlns=\"{pkg_rels}\">\
         <Relationship Id=\"rId1\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/></Relationships>"
    );
    let mut zip = Zip::default();
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", rels.as_bytes());
    zip.add("word/document.xml", document.as_bytes());
    zip.add("word/_rels/document.xml.rels", doc_rels.as_bytes());
    zip.add("word/styles.xml", format!("{XML_DECL}{STYLES}").as_bytes());
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_text_width() {
        assert_eq!(column_widths().iter().sum::<u32>(), TEXT_WIDTH);
    }

    #[test]
    fn an_empty_document_is_still_a_document() {
        let bytes = document(&[]);
        let zip = crate::zip::Archive::open(&bytes).unwrap();
        let xml = String::from_utf8(zip.read("word/document.xml", 1 << 20).unwrap()).unwrap();
        assert!(xml.contains("<w:sectPr>") && !xml.contains("<w:tbl>"));
        assert!(zip.has("word/styles.xml") && zip.has("[Content_Types].xml"));
    }
}
