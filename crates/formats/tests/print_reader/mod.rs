//! Reading the print view back, as a browser lays it out: sections, rows,
//! cells with their spans; the rows a reader of the official layout
//! expects; the sample tables, a hostile table and random tables. Shared by
//! the export tests (`crates/formats/tests/export_print.rs` and
//! `export_sheets.rs`), which check each format against the same layout.

use jixiao_domain::{Amount, Budget, Indicator, Table};
use jixiao_formats::layout;
use proptest::prelude::*;
use std::collections::BTreeSet;

pub fn sample() -> Vec<Table> {
    layout::import(include_str!(
        "../../../../tests/fixtures/tianjin-2025-tables-1-8.txt"
    ))
    .expect("the sample imports")
    .tables
}

// ---------------------------------------------------------------------------
// Reading the print view back: sections, rows, cells with their spans.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct C {
    pub tag: &'static str,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
}

pub fn th(text: &str) -> C {
    C {
        tag: "th",
        rowspan: 1,
        colspan: 1,
        text: text.into(),
    }
}

pub fn td(text: &str) -> C {
    C {
        tag: "td",
        rowspan: 1,
        colspan: 1,
        text: text.into(),
    }
}

pub fn span(mut c: C, rowspan: usize, colspan: usize) -> C {
    c.rowspan = rowspan;
    c.colspan = colspan;
    c
}

#[derive(Debug)]
pub struct Section {
    pub title: String,
    pub meta: Vec<String>,
    pub block: Vec<Vec<C>>,
    pub head: Vec<Vec<C>>,
    pub body: Vec<Vec<C>>,
}

pub fn unescape(s: &str) -> String {
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
pub fn cell_text(s: &str) -> String {
    s.split("<br>").map(unescape).collect::<Vec<_>>().join("\n")
}

pub fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let a = s.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let b = a + s[a..].find(close).unwrap_or_else(|| panic!("no {close}"));
    &s[a..b]
}

pub fn parse_rows(s: &str) -> Vec<Vec<C>> {
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

pub fn sections(html: &str) -> Vec<Section> {
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
pub type Matrix = (Vec<Vec<Option<String>>>, BTreeSet<(u32, u32, u32, u32)>);

pub fn matrix(s: &Section) -> Matrix {
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
pub fn expected_body(t: &Table) -> Vec<Vec<C>> {
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

pub fn expected_head() -> Vec<Vec<C>> {
    vec![vec![
        th("一级指标"),
        th("二级指标"),
        span(th("三级指标"), 1, 2),
        span(th("绩效指标描述"), 1, 2),
        th("指标值"),
    ]]
}

pub fn expected_block(t: &Table) -> Vec<Vec<C>> {
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

pub fn hostile() -> Table {
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

/// Any characters at all, controls and non-characters included.
pub fn text() -> impl Strategy<Value = String> {
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

pub fn table() -> impl Strategy<Value = Table> {
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
