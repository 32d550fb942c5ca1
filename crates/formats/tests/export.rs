//! The exporters (print view, .xlsx, tab-separated text) draw the official
//! layout of the published tables: checked cell by cell on the eight
//! tables of the sample document, read back the way a browser, Excel and a
//! paste would see them.

use calamine::{Data, Reader};
use jixiao_domain::{Amount, Budget, Indicator, MoneyUnit, Table};
use jixiao_formats::print::{self, PrintOptions, PRINT_CSS};
use jixiao_formats::{layout, tsv, xlsx};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::str::FromStr;

fn sample() -> Vec<Table> {
    layout::import(include_str!(
        "../../../tests/fixtures/tianjin-2025-tables-1-8.txt"
    ))
    .expect("the sample imports")
    .tables
}

// ---------------------------------------------------------------------------
// Reading the print view back: sections, rows, cells with their spans.

#[derive(Debug, Clone, PartialEq, Eq)]
struct C {
    tag: &'static str,
    rowspan: usize,
    colspan: usize,
    text: String,
}

fn th(text: &str) -> C {
    C {
        tag: "th",
        rowspan: 1,
        colspan: 1,
        text: text.into(),
    }
}

fn td(text: &str) -> C {
    C {
        tag: "td",
        rowspan: 1,
        colspan: 1,
        text: text.into(),
    }
}

fn span(mut c: C, rowspan: usize, colspan: usize) -> C {
    c.rowspan = rowspan;
    c.colspan = colspan;
    c
}

#[derive(Debug)]
struct Section {
    title: String,
    meta: Vec<String>,
    block: Vec<Vec<C>>,
    head: Vec<Vec<C>>,
    body: Vec<Vec<C>>,
}

fn unescape(s: &str) -> String {
    assert!(!s.contains('<'), "markup inside a cell: {s}");
    assert!(!s.contains('>'), "unescaped > inside a cell: {s}");
    assert!(!s.contains('"'), "unescaped quote inside a cell: {s}");
    assert!(!s.contains('\''), "unescaped apostrophe inside a cell: {s}");
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Cell text: `<br>` are line breaks, the rest must be escaped text.
fn cell_text(s: &str) -> String {
    s.split("<br>").map(unescape).collect::<Vec<_>>().join("\n")
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let a = s.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let b = a + s[a..].find(close).unwrap_or_else(|| panic!("no {close}"));
    &s[a..b]
}

fn parse_rows(s: &str) -> Vec<Vec<C>> {
    let mut rows = Vec::new();
    for tr in s.split("<tr>").skip(1) {
        let tr = &tr[..tr.find("</tr>").expect("row closed")];
        let mut cells = Vec::new();
        let mut rest = tr;
        while !rest.is_empty() {
            let tag = if rest.starts_with("<th") {
                "th"
            } else if rest.starts_with("<td") {
                "td"
            } else {
                panic!("unexpected markup in a row: {rest}")
            };
            let close = rest.find('>').unwrap();
            let attrs = &rest[3..close];
            let attr = |name: &str| -> usize {
                attrs
                    .find(&format!("{name}=\""))
                    .map(|i| {
                        let v = &attrs[i + name.len() + 2..];
                        v[..v.find('"').unwrap()].parse().unwrap()
                    })
                    .unwrap_or(1)
            };
            let end_tag = format!("</{tag}>");
            let end = rest.find(&end_tag).unwrap();
            cells.push(C {
                tag,
                rowspan: attr("rowspan"),
                colspan: attr("colspan"),
                text: cell_text(&rest[close + 1..end]),
            });
            rest = &rest[end + end_tag.len()..];
        }
        rows.push(cells);
    }
    rows
}

fn sections(html: &str) -> Vec<Section> {
    html.split("<section class=\"print-table\">")
        .skip(1)
        .map(|s| {
            let meta = between(s, "<div class=\"print-meta\">", "</div>");
            Section {
                title: cell_text(between(s, "<h2 class=\"print-title\">", "</h2>")),
                meta: meta
                    .split("<span>")
                    .skip(1)
                    .map(|m| cell_text(m.strip_suffix("</span>").unwrap()))
                    .collect(),
                block: parse_rows(between(
                    s,
                    "<table class=\"print-grid print-block\">",
                    "</table>",
                )),
                head: parse_rows(between(s, "<thead>", "</thead>")),
                body: parse_rows(between(s, "</thead><tbody>", "</tbody>")),
            }
        })
        .collect()
}

/// The whole sheet a section stands for, as the .xlsx and the TSV must lay
/// it out: title row, unit row, then the table rows, on seven columns.
/// Returns the text at every position (covered positions: None) and the
/// merged regions (row0, col0, row1, col1).
type Matrix = (Vec<Vec<Option<String>>>, BTreeSet<(u32, u32, u32, u32)>);

fn matrix(s: &Section) -> Matrix {
    let mut rows: Vec<Vec<C>> = vec![
        vec![span(td(&s.title), 1, 7)],
        vec![span(td(&s.meta[0]), 1, 5), span(td(&s.meta[1]), 1, 2)],
    ];
    rows.extend(s.block.iter().cloned());
    rows.extend(s.head.iter().cloned());
    rows.extend(s.body.iter().cloned());
    let mut grid: Vec<Vec<Option<Option<String>>>> = vec![vec![None; 7]; rows.len()];
    let mut merges = BTreeSet::new();
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for c in row {
            while grid[r][col].is_some() {
                col += 1;
            }
            assert!(
                r + c.rowspan <= rows.len() && col + c.colspan <= 7,
                "a cell reaches out of the grid at {r},{col}"
            );
            for (rr, line) in grid.iter_mut().enumerate().skip(r).take(c.rowspan) {
                for (cc, slot) in line.iter_mut().enumerate().skip(col).take(c.colspan) {
                    assert!(slot.is_none(), "cells overlap at {rr},{cc}");
                    *slot = Some(None);
                }
            }
            grid[r][col] = Some(Some(c.text.clone()));
            if c.rowspan > 1 || c.colspan > 1 {
                merges.insert((
                    r as u32,
                    col as u32,
                    (r + c.rowspan - 1) as u32,
                    (col + c.colspan - 1) as u32,
                ));
            }
            col += c.colspan;
        }
    }
    let grid = grid
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            row.into_iter()
                .enumerate()
                .map(|(c, cell)| cell.unwrap_or_else(|| panic!("hole in the grid at {r},{c}")))
                .collect()
        })
        .collect();
    (grid, merges)
}

/// The indicator rows a reader expects: 一级 merged over its rows, 二级
/// over consecutive equal rows within its 一级, then 三级, 描述, 指标值.
fn expected_body(t: &Table) -> Vec<Vec<C>> {
    let ind = &t.indicators;
    let blank = |s: &str| s.trim().is_empty();
    let mut rows = Vec::new();
    for (i, r) in ind.iter().enumerate() {
        let mut cells = Vec::new();
        // Blank cells are never merged: an unfinished table keeps its cells.
        let new_l1 = i == 0 || ind[i - 1].level1 != r.level1 || blank(&r.level1);
        if new_l1 {
            let n = if blank(&r.level1) {
                1
            } else {
                ind[i..].iter().take_while(|x| x.level1 == r.level1).count()
            };
            cells.push(span(td(&r.level1), n, 1));
        }
        if new_l1 || ind[i - 1].level2 != r.level2 || blank(&r.level2) {
            let n = if blank(&r.level2) {
                1
            } else {
                ind[i..]
                    .iter()
                    .enumerate()
                    .take_while(|(k, x)| {
                        x.level2 == r.level2
                            && (*k == 0 || (!blank(&r.level1) && x.level1 == r.level1))
                    })
                    .count()
            };
            cells.push(span(td(&r.level2), n, 1));
        }
        cells.push(span(td(&r.name), 1, 2));
        cells.push(span(td(&r.description), 1, 2));
        cells.push(td(&r.value));
        rows.push(cells);
    }
    rows
}

fn expected_head() -> Vec<Vec<C>> {
    vec![vec![
        th("一级指标"),
        th("二级指标"),
        span(th("三级指标"), 1, 2),
        span(th("绩效指标描述"), 1, 2),
        th("指标值"),
    ]]
}

fn expected_block(t: &Table) -> Vec<Vec<C>> {
    let goals: Vec<String> = t
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}.{g}", i + 1))
        .collect();
    vec![
        vec![th("项目名称"), span(td(&t.project), 1, 6)],
        vec![
            span(th("预算规模及资金用途"), 2, 1),
            th("预算数"),
            td(&t.budget.total.text()),
            th("其中：财政资金"),
            td(&t.budget.fiscal.text()),
            th("其他资金"),
            td(&t.budget.other.text()),
        ],
        vec![span(td(&t.purpose), 1, 6)],
        vec![th("绩效目标"), span(td(&goals.join("\n")), 1, 6)],
    ]
}

// ---------------------------------------------------------------------------
// Print view.

#[test]
fn print_view_of_table_1_is_the_published_table() {
    let tables = sample();
    let html = print::document_html(&tables[..1], &PrintOptions::default());
    let s = &sections(&html)[0];
    assert_eq!(s.title, "1.科技统计信息系统建设和运维绩效目标表");
    assert_eq!(s.meta, ["331202天津市科学技术发展战略研究院", "单位：万元"]);
    assert_eq!(
        s.block[0],
        [th("项目名称"), span(td("科技统计信息系统建设和运维"), 1, 6)]
    );
    assert_eq!(
        s.block[1],
        [
            span(th("预算规模及资金用途"), 2, 1),
            th("预算数"),
            td("45.00"),
            th("其中：财政资金"),
            td("45.00"),
            th("其他资金"),
            td(""),
        ]
    );
    assert_eq!(
        s.block[2].len(),
        1,
        "the purpose row under the merged label"
    );
    assert!(s.block[2][0].text.starts_with("依据等保2.0"));
    assert_eq!(s.block[3][0], th("绩效目标"));
    assert!(s.block[3][1].text.starts_with("1.依据等保2.0和网信办"));
    assert_eq!(s.head, expected_head());
    assert_eq!(
        s.body,
        [
            vec![
                span(td("产出指标"), 4, 1),
                td("数量指标"),
                span(td("信息系统等级保护和风险评估数量"), 1, 2),
                span(td("信息系统等级保护和风险评估数量"), 1, 2),
                td("3个"),
            ],
            vec![
                td("质量指标"),
                span(td("通过等保测评分数"), 1, 2),
                span(td("通过等保测评分数"), 1, 2),
                td("≥70分"),
            ],
            vec![
                td("时效指标"),
                span(td("项目按期完成率"), 1, 2),
                span(td("项目按期完成率"), 1, 2),
                td("100%"),
            ],
            vec![
                td("成本指标"),
                span(td("项目成本"), 1, 2),
                span(td("项目成本"), 1, 2),
                td("≤45万元"),
            ],
            vec![
                td("效益指标"),
                td("社会效益指标"),
                span(td("服务各级系统用户数"), 1, 2),
                span(td("服务各级系统用户数"), 1, 2),
                td("≥5000家"),
            ],
            vec![
                td("满意度指标"),
                td("服务对象满意度指标"),
                span(td("完成服务对象需求"), 1, 2),
                span(td("服务对象满意度"), 1, 2),
                td("≥95%"),
            ],
        ]
    );
    // The amount is printed where it belongs and nowhere else.
    assert_eq!(html.matches(">45.00<").count(), 2);
}

#[test]
fn print_view_merges_repeated_level2_cells() {
    let html = print::document_html(&sample()[1..2], &PrintOptions::default());
    let s = &sections(&html)[0];
    assert_eq!(
        s.title,
        "1.2025年度科技重大专项监督评估与诚信管理绩效目标表"
    );
    assert_eq!(s.body[0][0], span(td("产出指标"), 5, 1));
    assert_eq!(s.body[0][1], span(td("数量指标"), 2, 1));
    // The second 数量 row has neither a 一级 nor a 二级 cell of its own.
    assert_eq!(
        s.body[1],
        [
            span(td("制作科研诚信宣传视频"), 1, 2),
            span(td("制作科研诚信宣传视频"), 1, 2),
            td("≥1个"),
        ]
    );
    assert_eq!(s.body[2][0], td("质量指标"));
}

#[test]
fn print_view_of_the_eight_tables_numbers_and_lays_out_every_table() {
    let tables = sample();
    assert_eq!(tables.len(), 8);
    let html = print::document_html(&tables, &PrintOptions::default());
    let secs = sections(&html);
    assert_eq!(secs.len(), 8, "one page-break section per table");
    for (i, (s, t)) in secs.iter().zip(&tables).enumerate() {
        assert_eq!(s.title, format!("{}.{}绩效目标表", i + 1, t.project));
        assert_eq!(s.meta, ["331202天津市科学技术发展战略研究院", "单位：万元"]);
        assert_eq!(s.block, expected_block(t), "table {}", i + 1);
        assert_eq!(s.head, expected_head());
        assert_eq!(s.body, expected_body(t), "table {}", i + 1);
        // Every row of the body fills the five columns (seven grid columns).
        let (grid, _) = matrix(s);
        assert!(grid.iter().all(|r| r.len() == 7));
        assert_eq!(s.body.len(), t.indicators.len());
    }
    // Table 3: three 数量, two 质量, two 时效 rows.
    let spans: Vec<usize> = secs[2]
        .body
        .iter()
        .filter(|r| r.len() >= 4)
        .map(|r| r[r.len() - 4].rowspan)
        .collect();
    assert_eq!(spans, [3, 2, 2, 1, 1, 1]);
    assert!(PRINT_CSS.contains("@page{size:A4 portrait"));
    assert!(PRINT_CSS.contains(".print-table{break-after:page"));
    assert!(PRINT_CSS.contains("SimSun"));
    assert!(PRINT_CSS.contains("thead{display:table-header-group}"));
}

#[test]
fn print_view_summary_adds_up_the_budgets_exactly() {
    let tables = sample();
    let html = print::document_html(
        &tables,
        &PrintOptions {
            summary: true,
            standalone: true,
        },
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(PRINT_CSS));
    // 45 + 8 + 10 + 20 + 60 + 30 + 15 + 10
    assert!(html.contains(
        "<p class=\"print-summary\">331202天津市科学技术发展战略研究院：共 8 张绩效目标表，预算数合计 198.00万元。</p>"
    ));

    let mut mixed = tables[..2].to_vec();
    mixed[1].money_unit = MoneyUnit::Yuan;
    mixed[1].budget.total = Amount::parse("12345");
    mixed.push(Table {
        budget: Budget {
            total: Amount::parse("四十五"),
            ..Budget::default()
        },
        ..tables[0].clone()
    });
    let sum = print::unit_summary(&mixed);
    assert_eq!(sum.total, Decimal::from_str("46.2345").unwrap());
    assert_eq!(sum.money_unit, MoneyUnit::Wan);
    assert!(sum.mixed_units);
    assert_eq!(sum.not_counted, 1);
    assert_eq!(
        sum.line_zh(),
        "331202天津市科学技术发展战略研究院：共 3 张绩效目标表，预算数合计 46.2345万元\
         （各表金额单位不同，已按万元折算）（其中 1 张表的预算数空缺或不是数字，未计入合计）。"
    );
}

fn hostile() -> Table {
    let bad = "<img src=x onerror=alert(1)>";
    let td_break = "</td><script>alert(\"x\")</script>";
    Table {
        unit_code: "331202".into(),
        unit_name: td_break.into(),
        project: format!("{bad}&'\""),
        budget: Budget {
            total: Amount::parse("<b>1</b>"),
            fiscal: Amount::parse("45.00"),
            other: Amount::Blank,
        },
        purpose: format!("{td_break}\n第二行"),
        goals: vec![bad.into(), td_break.into()],
        indicators: vec![
            Indicator::new(bad, td_break, bad, "", "≥95%<"),
            Indicator::new(bad, "", "'\"&amp;", td_break, ""),
        ],
        ..Table::default()
    }
}

#[test]
fn print_view_escapes_hostile_text_and_keeps_the_grid() {
    let t = hostile();
    let html = print::document_html(
        std::slice::from_ref(&t),
        &PrintOptions {
            summary: true,
            standalone: true,
        },
    );
    assert!(!html.contains("<img"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&#39;&quot;"));
    assert!(html
        .contains("<title>1.&lt;img src=x onerror=alert(1)&gt;&amp;&#39;&quot;绩效目标表</title>"));
    // Read back, every cell holds exactly the text typed, in its place.
    let s = &sections(&html)[0];
    assert_eq!(s.title, format!("1.{}绩效目标表", t.project));
    assert_eq!(s.meta[0], format!("331202{}", t.unit_name));
    assert_eq!(s.block, expected_block(&t));
    assert_eq!(s.body, expected_body(&t));
    // Blank cells are empty cells: the second row keeps its five columns.
    assert_eq!(s.body[1].len(), 4, "一级 merged, blank 二级 kept");
    assert_eq!(s.body[1][0], td(""));
    assert_eq!(s.body[1][3], td(""));
    matrix(s);
}

// ---------------------------------------------------------------------------
// .xlsx

fn open(bytes: Vec<u8>) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("the .xlsx opens")
}

/// Compares a sheet with the layout read from the print view.
fn assert_sheet(book: &mut calamine::Xlsx<std::io::Cursor<Vec<u8>>>, name: &str, m: &Matrix) {
    let (grid, merges) = m;
    let range = book.worksheet_range(name).expect("the sheet reads");
    assert_eq!(range.start(), Some((0, 0)), "{name}");
    assert_eq!(range.end(), Some((grid.len() as u32 - 1, 6)), "{name}");
    for (r, row) in grid.iter().enumerate() {
        for (c, want) in row.iter().enumerate() {
            let got = range.get_value((r as u32, c as u32)).cloned();
            let want = match want.as_deref() {
                Some("") | None => Data::Empty,
                Some(text) => Data::String(text.to_string()),
            };
            assert_eq!(got, Some(want), "{name} at row {r}, column {c}");
        }
    }
    let got: BTreeSet<(u32, u32, u32, u32)> = book
        .merged_regions_by_sheet(name)
        .iter()
        .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    assert_eq!(&got, merges, "{name}");
}

#[test]
fn xlsx_has_one_sheet_per_table_in_the_published_layout() {
    let tables = sample();
    let bytes = xlsx::workbook(&tables);
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let html = print::document_html(&tables, &PrintOptions::default());
    let secs = sections(&html);
    let mut book = open(bytes);
    book.load_merged_regions().unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "1.科技统计信息系统建设和运维",
            "2.2025年度科技重大专项监督评估与诚信管理",
            "3.大学科技园建设服务",
            "4.火炬统计调查",
            "5.技术市场服务",
            "6.京津冀基础研究工作(含杰青、区域联合基金服务)",
            "7.科研档案管理专项工作",
            "8.农业科技特派员提升工作",
        ]
    );
    for (name, s) in names.iter().zip(&secs) {
        assert_sheet(&mut book, name, &matrix(s));
    }

    // Spot checks in spreadsheet terms, table 1.
    let r = book.worksheet_range(&names[0]).unwrap();
    let at = |row: u32, col: u32| r.get_value((row, col)).cloned().unwrap();
    assert_eq!(
        at(0, 0),
        Data::String("1.科技统计信息系统建设和运维绩效目标表".into())
    );
    assert_eq!(at(3, 0), Data::String("预算规模及资金用途".into()));
    // Amounts are text, with their scale.
    assert_eq!(at(3, 2), Data::String("45.00".into()));
    assert_eq!(at(3, 4), Data::String("45.00".into()));
    assert_eq!(at(3, 6), Data::Empty);
    assert_eq!(at(7, 0), Data::String("产出指标".into()));
    assert_eq!(at(7, 6), Data::String("3个".into()));
    let merged: Vec<_> = book
        .merged_regions_by_sheet(&names[0])
        .iter()
        .map(|(_, _, d)| (d.start, d.end))
        .collect();
    assert!(merged.contains(&((0, 0), (0, 6))), "title across the table");
    assert!(
        merged.contains(&((3, 0), (4, 0))),
        "预算规模及资金用途 over two rows"
    );
    assert!(
        merged.contains(&((7, 0), (10, 0))),
        "产出指标 over four rows"
    );
    assert!(merged.contains(&((7, 2), (7, 3))), "三级 over two columns");
}

#[test]
fn xlsx_document_puts_the_tables_one_after_another() {
    let tables = sample();
    let html = print::document_html(&tables, &PrintOptions::default());
    let secs = sections(&html);
    let mut book = open(xlsx::document_xlsx(&tables));
    book.load_merged_regions().unwrap();
    assert_eq!(book.sheet_names(), ["绩效目标表"]);
    let range = book.worksheet_range("绩效目标表").unwrap();
    let mut top = 0u32;
    let mut all_merges = BTreeSet::new();
    for s in &secs {
        let (grid, merges) = matrix(s);
        assert_eq!(
            range.get_value((top, 0)),
            Some(&Data::String(s.title.clone()))
        );
        for (r0, c0, r1, c1) in merges {
            all_merges.insert((r0 + top, c0, r1 + top, c1));
        }
        top += grid.len() as u32 + 1;
    }
    let got: BTreeSet<_> = book
        .merged_regions_by_sheet("绩效目标表")
        .iter()
        .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect();
    assert_eq!(got, all_merges);
}

#[test]
fn xlsx_keeps_hostile_text_as_text() {
    let mut t = hostile();
    t.project = "a_x0041_b\u{1}\u{FFFE}c\r\nd".into();
    let mut book = open(xlsx::workbook(&[t.clone(), Table::default()]));
    book.load_merged_regions().unwrap();
    assert_eq!(book.sheet_names(), ["1.a_x0041_bcd", "表2"]);
    let range = book.worksheet_range("1.a_x0041_bcd").unwrap();
    assert_eq!(
        range.get_value((2, 1)),
        Some(&Data::String("a_x0041_bc\nd".into()))
    );
    assert_eq!(
        range.get_value((1, 0)),
        Some(&Data::String(
            "331202</td><script>alert(\"x\")</script>".into()
        ))
    );
    // The same layout as the print view, cell for cell.
    t.project = "a_x0041_bc\nd".into();
    let html = print::document_html(&[t], &PrintOptions::default());
    assert_sheet(&mut book, "1.a_x0041_bcd", &matrix(&sections(&html)[0]));
    // An empty workbook still opens.
    let book = open(xlsx::workbook(&[]));
    assert_eq!(book.sheet_names().len(), 1);
}

// ---------------------------------------------------------------------------
// Tab-separated text.

/// Reads tab-separated text the way Excel reads a paste.
fn read_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => {
                loop {
                    match chars.next().expect("quoted cell closed") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        '"' => break,
                        c => cell.push(c),
                    }
                }
                at_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "rows end with CR LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare line break outside quotes"),
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "text ends with a row end"
    );
    rows
}

fn tsv_expected(s: &Section) -> Vec<Vec<String>> {
    matrix(s)
        .0
        .into_iter()
        .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

#[test]
fn tsv_has_the_layout_of_the_print_view() {
    let tables = sample();
    let html = print::document_html(&tables, &PrintOptions::default());
    for (i, (t, s)) in tables.iter().zip(sections(&html)).enumerate() {
        let text = tsv::table_tsv(t);
        // No cell of the sample needs quotes: one line per row, six tabs each.
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 2 + 4 + 1 + t.indicators.len());
        assert!(lines.iter().all(|l| l.matches('\t').count() == 6));
        let rows = read_tsv(&text);
        let mut want = tsv_expected(&s);
        // table_tsv numbers a single table 1.
        want[0][0] = format!("1.{}绩效目标表", t.project);
        assert_eq!(rows, want, "table {}", i + 1);
    }
    let t1 = tsv::table_tsv(&tables[0]);
    assert!(t1.starts_with("1.科技统计信息系统建设和运维绩效目标表\t\t\t\t\t\t\r\n"));
    assert!(t1.contains(
        "\r\n预算规模及资金用途\t预算数\t45.00\t其中：财政资金\t45.00\t其他资金\t\r\n\t依据"
    ));
    assert!(t1.contains("\r\n产出指标\t数量指标\t信息系统等级保护和风险评估数量\t\t信息系统等级保护和风险评估数量\t\t3个\r\n\t质量指标\t"));

    let doc = tsv::document_tsv(&tables);
    let rows = read_tsv(&doc);
    let blank = rows
        .iter()
        .filter(|r| r.len() == 1 && r[0].is_empty())
        .count();
    assert_eq!(blank, 7, "an empty line between tables");
}

#[test]
fn tsv_quotes_cells_like_excel() {
    let t = Table {
        project: "名称\t带制表符".into(),
        purpose: "第一行\r\n第二行".into(),
        goals: vec!["说\"好\"".into()],
        indicators: vec![Indicator::new("产出指标", "数量指标", "\"开头", "a", "3个")],
        ..Table::default()
    };
    let text = tsv::table_tsv(&t);
    assert!(text.contains("\t\"名称\t带制表符\"\t"));
    assert!(text.contains("\t\"第一行\n第二行\"\t"));
    assert!(text.contains("\t\"1.说\"\"好\"\"\"\t"));
    assert!(text.contains("\t\"\"\"开头\"\t"));
    let rows = read_tsv(&text);
    assert!(rows.iter().all(|r| r.len() == 7));
    assert_eq!(rows[2][1], "名称\t带制表符");
    assert_eq!(rows[4][1], "第一行\n第二行");
    assert_eq!(rows[5][1], "1.说\"好\"");
    assert_eq!(rows[7][2], "\"开头");
}

// ---------------------------------------------------------------------------
// Properties.

/// Any characters at all, controls and non-characters included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        prop::sample::select(vec![
            "<img src=x onerror=alert(1)>".to_string(),
            "</td><script>".to_string(),
            "_x0041_".to_string(),
            "a\r\nb".to_string(),
            "'\"&\t".to_string(),
            " 前后空格 ".to_string(),
        ]),
    ]
}

fn table() -> impl Strategy<Value = Table> {
    (
        (text(), text(), text(), text(), text()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(
            (
                prop::sample::select(vec!["产出指标", "效益指标", ""]),
                prop::sample::select(vec!["数量指标", "质量指标", ""]),
                text(),
                text(),
                text(),
            ),
            0..8,
        ),
        prop::option::of(text()),
    )
        .prop_map(
            |((code, unit, project, purpose, total), goals, rows, dept)| Table {
                unit_code: code,
                unit_name: unit,
                project,
                purpose,
                budget: Budget {
                    total: Amount::parse(&total),
                    ..Budget::default()
                },
                goals,
                indicators: rows
                    .into_iter()
                    .map(|(l1, l2, n, d, v)| Indicator::new(l1, l2, &n, &d, &v))
                    .collect(),
                department: dept,
                ..Table::default()
            },
        )
}

/// What a cell can hold after a trip through XML 1.0: line breaks as LF,
/// characters XML forbids dropped.
fn xml_clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| matches!(c, '\t' | '\n') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .collect()
}

fn clean_table(t: &Table) -> Table {
    let c = |s: &String| xml_clean(s);
    Table {
        unit_code: c(&t.unit_code),
        unit_name: c(&t.unit_name),
        project: c(&t.project),
        purpose: c(&t.purpose),
        budget: Budget {
            total: match &t.budget.total {
                Amount::Invalid(s) => Amount::Invalid(xml_clean(s)),
                other => other.clone(),
            },
            ..t.budget.clone()
        },
        goals: t.goals.iter().map(c).collect(),
        indicators: t
            .indicators
            .iter()
            .map(|r| {
                Indicator::new(
                    &c(&r.level1),
                    &c(&r.level2),
                    &c(&r.name),
                    &c(&r.description),
                    &c(&r.value),
                )
            })
            .collect(),
        department: t.department.as_ref().map(c),
        ..t.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gives_an_xlsx_that_opens_with_every_cell_in_place(
        tables in prop::collection::vec(table(), 1..3)
    ) {
        let mut book = open(xlsx::workbook(&tables));
        book.load_merged_regions().unwrap();
        let names = book.sheet_names();
        prop_assert_eq!(names.len(), tables.len());
        let unique: BTreeSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
        prop_assert_eq!(unique.len(), names.len());
        // The sheets are the print view's layout of the same text.
        let clean: Vec<Table> = tables.iter().map(clean_table).collect();
        let html = print::document_html(&clean, &PrintOptions::default());
        for (name, s) in names.iter().zip(sections(&html)) {
            prop_assert!(name.encode_utf16().count() <= 31);
            prop_assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']));
            prop_assert!(!name.starts_with('\'') && !name.ends_with('\''));
            assert_sheet(&mut book, name, &matrix(&s));
        }
    }

    #[test]
    fn any_text_prints_escaped_in_an_intact_grid(t in table()) {
        let html = print::document_html(std::slice::from_ref(&t), &PrintOptions::default());
        let secs = sections(&html);
        prop_assert_eq!(secs.len(), 1);
        let s = &secs[0];
        let lf = |x: &str| x.replace("\r\n", "\n").replace('\r', "\n");
        prop_assert_eq!(&s.title, &lf(&format!("1.{}绩效目标表", t.project)));
        prop_assert_eq!(&s.block[0][1].text, &lf(&t.project));
        let lf_table = Table {
            indicators: t
                .indicators
                .iter()
                .map(|r| Indicator::new(&lf(&r.level1), &lf(&r.level2), &lf(&r.name), &lf(&r.description), &lf(&r.value)))
                .collect(),
            ..t.clone()
        };
        prop_assert_eq!(&s.body, &expected_body(&lf_table));
        matrix(s);
    }

    #[test]
    fn any_text_gives_tsv_with_seven_cells_a_row(t in table()) {
        let rows = read_tsv(&tsv::table_tsv(&t));
        prop_assert!(rows.iter().all(|r| r.len() == 7));
        let extra = usize::from(t.department.is_some());
        prop_assert_eq!(rows.len(), 2 + 4 + extra + 1 + t.indicators.len());
    }
}
