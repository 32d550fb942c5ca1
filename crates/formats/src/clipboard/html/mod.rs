//! A small, tolerant HTML reader: just enough to lay out the tables a
//! word processor or spreadsheet puts on the clipboard. Linear in the
//! input; never fails.
//!
//! [`parse`] walks the text; `tags` reads the markup, `entities` the
//! character references, `text` applies the whitespace rules and `tree`
//! sends the text to its table, row and cell.

mod entities;
mod tags;
mod text;
mod tree;

use super::grid::Row;
use entities::entity;
use tags::{markup, strip_cf_header};
use tree::Parser;

pub(super) struct Parsed {
    pub(super) rows: Vec<Row>,
    pub(super) tables: usize,
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

#[cfg(test)]
mod tests {
    use super::super::grid::{MAX_COLSPAN, SPAN_BUDGET};
    use super::*;

    fn cells(html: &str) -> Vec<Vec<String>> {
        parse(html).rows.into_iter().map(|r| r.cells).collect()
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
