//! The spreadsheet exports (.xlsx and tab-separated text) lay the tables
//! out as the print view does, cell for cell and merge for merge: read back
//! the way Excel opens a workbook and reads a paste, and compared with the
//! print view read back (`crates/formats/tests/print_reader/mod.rs`).

// The layout helpers serve the print view's tests too; not all are used here.
#[allow(dead_code)]
mod print_reader;

use calamine::{Data, Reader};
use jixiao_domain::{Amount, Budget, Indicator, Table};
use jixiao_formats::print::{self, PrintOptions};
use jixiao_formats::{tsv, xlsx};
use print_reader::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

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
    fn any_text_gives_tsv_with_seven_cells_a_row(t in table()) {
        let rows = read_tsv(&tsv::table_tsv(&t));
        prop_assert!(rows.iter().all(|r| r.len() == 7));
        let extra = usize::from(t.department.is_some());
        prop_assert_eq!(rows.len(), 2 + 4 + extra + 1 + t.indicators.len());
    }
}
