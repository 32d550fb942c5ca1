//! The 上海 申报表 comes in whole from every way it can: text copied from
//! the PDF, Word's clipboard HTML, Excel's tab-separated text, a .docx,
//! all through `reading` (the one entry point of the page and the CLI),
//! against hand-written transcriptions (`tests/fixtures/shanghai/`).

use jixiao_domain::form::Form;
use jixiao_domain::framework::{Framework, Level1, Level2};
use jixiao_domain::table::Table;
use jixiao_domain::{Amount, MoneyUnit};
use jixiao_formats::exchange;
use jixiao_formats::reading::{read_file, read_input, Found, Origin};

const DIR: &str = "../../tests/fixtures/shanghai/";

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(DIR)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

fn expected(name: &str) -> Vec<Table> {
    exchange::from_json(&text(name)).unwrap().tables
}

fn tables(found: Found) -> (Origin, Vec<Table>) {
    match found {
        Found::Tables { from, tables } => (from, tables),
        other => panic!("no tables: {other:?}"),
    }
}

/// Compares field by field, so a failure names the field.
fn assert_tables(got: &[Table], want: &[Table]) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        let (gj, wj) = (
            serde_json::to_value(g).unwrap(),
            serde_json::to_value(w).unwrap(),
        );
        for (key, value) in wj.as_object().unwrap() {
            assert_eq!(&gj[key], value, "{}: {key}", w.project);
        }
        assert_eq!(g, w);
    }
}

#[test]
fn pdf_text_of_one_table_comes_in_whole() {
    let (from, got) = tables(read_input(&text("changfeng-pdf.txt"), None, None).unwrap());
    assert_eq!(from, Origin::Text);
    assert_tables(&got, &expected("changfeng-expected.json"));
}

#[test]
fn pdf_text_of_two_tables_comes_in_whole() {
    let (_, got) = tables(read_input(&text("districts-pdf.txt"), None, None).unwrap());
    assert_tables(&got, &expected("districts-expected.json"));
}

#[test]
fn pdf_text_one_field_to_a_line_comes_in_whole() {
    let (_, got) = tables(read_input(&text("variants-pdf.txt"), None, None).unwrap());
    assert_tables(&got, &expected("variants-expected.json"));
    assert_eq!(got[0].indicators[3].name, "车辆验收合格率");
}

#[test]
fn every_defect_of_pdf_text_is_undone() {
    let (_, got) = tables(read_input(&text("changfeng-pdf.txt"), None, None).unwrap());
    let t = &got[0];
    // A long cell broken over lines.
    assert_eq!(t.project, "长风路-曹杨路地道改建工程");
    assert_eq!(
        t.department.as_deref(),
        Some("上海市某某区建设和管理委员会")
    );
    assert_eq!(
        t.implementer.as_deref(),
        Some("上海市某某区建设和管理委员会")
    );
    // A value and the next label on one line; `项目资金` / `（元）`.
    assert_eq!(t.total_funds, Amount::parse("5200000.00"));
    assert_eq!(t.budget.total, Amount::parse("1200000.00"));
    assert_eq!(t.money_unit, MoneyUnit::Yuan);
    // The first 其他资金 is the project's, the next the year's; both blank.
    assert!(t.total_funds_other.is_blank() && t.budget.other.is_blank());
    assert_eq!(t.carryover, Amount::parse("200000.00"));
    // Quoted multi-line goals.
    assert_eq!(t.goals.len(), 2);
    assert_eq!(t.goals[0], "完成地道主体结构及附属工程施工，完成道路恢复。");
    assert!(t
        .overall_goal
        .as_deref()
        .unwrap()
        .starts_with("1.完成长风路-曹杨路地道改建工程，地道全长985米"));
    // 一级/二级 broken over lines, printed lower in their block, or lost.
    let names: Vec<(&str, &str, &str)> = t
        .indicators
        .iter()
        .map(|r| (r.level1.as_str(), r.level2.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(names[0], ("成本指标", "经济成本指标", "年度项目总成本"));
    assert_eq!(names[2], ("成本指标", "生态环境成本指标", "扬尘控制情况"));
    assert_eq!(names[3], ("产出指标", "数量指标", "地道改建长度"));
    assert_eq!(names[6], ("效益指标", "社会效益指标", "区域通行效率"));
    assert_eq!(names[9].2, "设施养护管理制度");
    assert_eq!(
        names[10],
        ("满意度指标", "服务对象满意度指标", "周边居民满意度")
    );

    let (_, two) = tables(read_input(&text("districts-pdf.txt"), None, None).unwrap());
    let first = &two[0];
    // The goals repeated in a narrower column read the same.
    assert_eq!(
        first.overall_goal.as_deref().unwrap(),
        first
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| format!("{}.{g}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // A lost 一级 with no 成本指标 above it.
    let r = &first.indicators[0];
    assert_eq!(
        (
            r.level1.as_str(),
            r.level2.as_str(),
            r.name.as_str(),
            r.value.as_str()
        ),
        ("成本指标", "生态环境成本指标", "扬尘控制情况", "达标")
    );
    assert_eq!(first.indicators.last().unwrap().value, "≥90.00(%)");
}

#[test]
fn every_indicator_sits_in_the_framework() {
    for name in [
        "changfeng-expected.json",
        "districts-expected.json",
        "variants-expected.json",
    ] {
        for t in expected(name) {
            assert_eq!((t.form, t.framework), (Form::Shanghai, Framework::F2021));
            for r in &t.indicators {
                let l2 = Level2::parse(&r.level2).unwrap_or_else(|| panic!("{r:?}"));
                assert_eq!(Framework::F2021.parent_of(l2), Level1::parse(&r.level1));
                assert!(!r.name.is_empty() && !r.value.is_empty(), "{r:?}");
            }
        }
    }
}

#[test]
fn word_and_excel_pastes_come_in_whole() {
    let want = expected("changfeng-expected.json");
    // A paste from Word: the HTML, with whatever plain text came along.
    let (from, got) = tables(
        read_input(
            &text("changfeng-excel.tsv"),
            Some(&text("changfeng-word.html")),
            None,
        )
        .unwrap(),
    );
    assert_eq!(from, Origin::Copied);
    assert_tables(&got, &want);
    // Excel's plain text alone.
    let (from, got) = tables(read_input(&text("changfeng-excel.tsv"), None, None).unwrap());
    assert_eq!(from, Origin::Tsv);
    assert_tables(&got, &want);
    // A saved .htm file.
    let (from, got) =
        tables(read_file("申报表.htm", &fixture("changfeng-word.html"), None).unwrap());
    assert_eq!(from, Origin::Html);
    assert_tables(&got, &want);
}

#[test]
fn a_word_document_comes_in_whole() {
    let (from, got) =
        tables(read_file("changfeng.docx", &fixture("changfeng.docx"), None).unwrap());
    assert_eq!(from, Origin::Word);
    assert_tables(&got, &expected("changfeng-expected.json"));
}

#[test]
fn two_pasted_tables_split_at_the_second_title() {
    let tsv = text("changfeng-excel.tsv");
    let (_, got) = tables(read_input(&format!("{tsv}{tsv}"), None, None).unwrap());
    let want = expected("changfeng-expected.json");
    assert_tables(&got, &[want[0].clone(), want[0].clone()]);
}

#[test]
fn tianjin_inputs_stay_tianjin() {
    let doc = jixiao_formats::layout::import(include_str!(
        "../../../tests/fixtures/tianjin-2025-tables-1-8.txt"
    ))
    .unwrap();
    assert!(doc.tables.iter().all(|t| t.form == Form::Tianjin2025));
}
