//! The published text layout imports exactly as published.
//!
//! `tianjin-2025-expected.json` is a transcription of the eight published
//! tables (made line by line from the fixture, independently of the
//! importer). Every field of every table is compared.

use jixiao_domain::{rules, Amount, Framework, MoneyUnit, Severity, Table};
use jixiao_formats::{exchange, layout};

const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");
const EXPECTED: &str = include_str!("../../../tests/fixtures/tianjin-2025-expected.json");

fn imported() -> Vec<Table> {
    layout::import(FIXTURE).expect("fixture imports").tables
}

#[test]
fn all_eight_tables_import_field_by_field() {
    let got = imported();
    let want = exchange::from_json(EXPECTED).unwrap().tables;
    assert_eq!(got.len(), 8);
    assert_eq!(want.len(), 8);
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        let t = n + 1;
        assert_eq!(g.unit_code, w.unit_code, "table {t} unit_code");
        assert_eq!(g.unit_name, w.unit_name, "table {t} unit_name");
        assert_eq!(g.money_unit, w.money_unit, "table {t} money_unit");
        assert_eq!(g.project, w.project, "table {t} project");
        assert_eq!(g.budget.total, w.budget.total, "table {t} 预算数");
        assert_eq!(g.budget.fiscal, w.budget.fiscal, "table {t} 财政资金");
        assert_eq!(g.budget.other, w.budget.other, "table {t} 其他资金");
        assert_eq!(g.purpose, w.purpose, "table {t} purpose");
        assert_eq!(g.goals, w.goals, "table {t} goals");
        assert_eq!(g.framework, w.framework, "table {t} framework");
        assert_eq!(
            g.indicators.len(),
            w.indicators.len(),
            "table {t} indicator count"
        );
        for (r, (gi, wi)) in g.indicators.iter().zip(&w.indicators).enumerate() {
            assert_eq!(gi, wi, "table {t} indicator row {}", r + 1);
        }
        assert_eq!(g, w, "table {t} as a whole");
    }
}

#[test]
fn published_details_survive() {
    let t = imported();
    // Scale as written, blank 其他资金 is blank (not zero).
    assert_eq!(t[0].budget.total.text(), "45.00");
    assert_eq!(t[0].budget.other, Amount::Blank);
    assert_eq!(t[0].money_unit, MoneyUnit::Wan);
    assert_eq!(t[0].unit_code, "331202");
    assert_eq!(t[0].unit_name, "天津市科学技术发展战略研究院");
    // The title's bookmark marker is gone; the number is not part of the name.
    assert_eq!(t[1].project, "2025年度科技重大专项监督评估与诚信管理");
    // Leading spaces of 资金用途 and the goal's own numbering are not text.
    assert!(t[3].purpose.starts_with("按照火炬统计调查"));
    assert!(t[3].goals[0].starts_with("按照火炬统计调查"));
    // `1. 1.开展…` keeps the author's inner numbering as text.
    assert!(t[7].goals[0].starts_with("1.开展农业科技特派员"));
    assert!(t[7].goals[0].contains("5.按照工作要求"));
    // Merged 一级 cells inherit.
    assert_eq!(t[0].indicators[1].level1, "产出指标");
    assert_eq!(t[0].indicators[1].level2, "质量指标");
    // Trailing spaces after 资金用途 are not text.
    assert!(t[5].purpose.ends_with("高质量发展。"));
}

#[test]
fn fixture_tables_have_no_errors_and_the_hints_they_deserve() {
    for (n, t) in imported().iter().enumerate() {
        assert_eq!(t.framework, Framework::F2020, "table {}", n + 1);
        let findings = rules::check(t);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "table {}: {errors:?}", n + 1);
    }
    // Quality indicators that count printed output or say 数量.
    let hinted: Vec<(usize, String)> = imported()
        .iter()
        .enumerate()
        .flat_map(|(n, t)| {
            rules::check(t)
                .into_iter()
                .filter(|f| f.code() == "quality-looks-like-quantity")
                .map(move |f| (n + 1, f.place.path()))
        })
        .collect();
    assert_eq!(
        hinted,
        vec![
            (5, "indicators[3].level2".to_string()),
            (6, "indicators[3].level2".to_string()),
            (7, "indicators[2].level2".to_string()),
            (8, "indicators[1].level2".to_string()),
        ]
    );
}

fn with_crlf_and_fullwidth(text: &str) -> String {
    text.replace('\n', "\r\n")
        .replace("其中：财政    资金", "其中：财政\u{3000}\u{3000}资金")
}

#[test]
fn crlf_and_full_width_spaces_import_the_same() {
    let plain = layout::import(FIXTURE).unwrap();
    let windows = layout::import(&with_crlf_and_fullwidth(FIXTURE)).unwrap();
    assert_eq!(plain, windows);
}

#[test]
fn bookmark_markers_inside_cells_are_dropped() {
    let text = FIXTURE.replacen("\t45.00\n", "\t[bookmark: _GoBack]45.00\n", 1);
    let doc = layout::import(&text).unwrap();
    assert_eq!(doc.tables[0].budget.total.text(), "45.00");
}

const SMALL: &str = "1.测试项目绩效目标表
\t100001测试单位
\t单位：万元

\t项目名称
\t测试项目

\t预算规模及资金用途
\t预算数
\t20.00
\t其中：财政    资金
\t15.00
\t其他资金
\t5.00

\t
\t第一段用途。
\t第二段用途。

\t绩效目标
\t1.完成第一项任务；
\t继续说明第一项。
\t2.完成第二项任务。

\t一级指标
\t二级指标
\t三级指标
\t绩效指标描述
\t指标值

\t产出指标
\t数量指标
\t完成报告数量
\t完成报告数量
\t

\t
\t时效指标
\t完成时间
\t完成时间
\t≤12月
";

#[test]
fn multi_line_purpose_goals_and_an_empty_value_cell() {
    let doc = layout::import(SMALL).unwrap();
    let t = &doc.tables[0];
    assert_eq!(t.purpose, "第一段用途。\n第二段用途。");
    assert_eq!(
        t.goals,
        vec!["完成第一项任务；\n继续说明第一项。", "完成第二项任务。"]
    );
    assert_eq!(t.budget.other.text(), "5.00");
    assert_eq!(t.indicators.len(), 2);
    assert_eq!(t.indicators[0].value, "");
    assert_eq!(t.indicators[1].level1, "产出指标");
    // The empty value is pointed at, by the rules.
    let findings = rules::check(t);
    assert!(findings
        .iter()
        .any(|f| f.code() == "indicator-value-missing" && f.place.path() == "indicators[0].value"));
}

#[test]
fn a_damaged_table_imports_with_what_it_has() {
    // Budget block and goals lost; indicator header intact.
    let damaged: String = SMALL
        .lines()
        .filter(|l| !l.contains("预算数") && !l.contains("20.00") && !l.contains("绩效目标\t"))
        .filter(|l| {
            !l.starts_with("\t1.完成") && !l.starts_with("\t2.完成") && !l.contains("继续说明")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let doc = layout::import(&damaged).unwrap();
    let t = &doc.tables[0];
    assert_eq!(t.project, "测试项目");
    assert!(t.budget.total.is_blank());
    let codes: Vec<&str> = rules::check(t).iter().map(|f| f.code()).collect();
    assert!(codes.contains(&"budget-missing"), "{codes:?}");
    assert!(codes.contains(&"goal-missing"), "{codes:?}");
    assert!(codes.contains(&"level1-missing"), "{codes:?}");
}

#[test]
fn a_title_alone_still_names_the_project() {
    let doc = layout::import("3.只有标题的项目绩效目标表\n").unwrap();
    assert_eq!(doc.tables[0].project, "只有标题的项目");
}

#[test]
fn text_without_a_table_names_the_line() {
    let err = layout::import("\n\n这是一封普通的信。\n没有表格。\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(
        err.message.contains("没有找到绩效目标表"),
        "{}",
        err.message
    );
    assert!(err.message.contains("这是一封普通的信"));
    let empty = layout::import("  \n").unwrap_err();
    assert!(empty.message.contains("内容为空"));
}

#[test]
fn a_bare_table_without_title() {
    let bare = SMALL.split_once('\n').unwrap().1;
    let doc = layout::import(bare).unwrap();
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].project, "测试项目");
    assert_eq!(doc.tables[0].unit_code, "100001");
}

#[test]
fn framework_2021_is_detected_when_cost_is_a_level1() {
    let text = SMALL.replace(
        "\t\n\t时效指标\n\t完成时间\n\t完成时间\n\t≤12月\n",
        "\t\n\t时效指标\n\t完成时间\n\t完成时间\n\t≤12月\n\n\t成本指标\n\t经济成本指标\n\t经费总额\n\t经费总额\n\t≤20万元\n",
    );
    let doc = layout::import(&text).unwrap();
    assert_eq!(doc.tables[0].framework, Framework::F2021);
    assert_eq!(doc.tables[0].indicators[2].level1, "成本指标");
}

#[test]
fn four_column_tables_and_split_unit_columns() {
    let text = "\t项目名称\n\t四列项目\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t计量单位\n\n\t产出指标\n\t数量指标\n\t培训人次\n\t≥300\n\t人次\n";
    let doc = jixiao_formats::layout::import(text).unwrap();
    let row = &doc.tables[0].indicators[0];
    assert_eq!(row.name, "培训人次");
    assert_eq!(row.description, "");
    assert_eq!(row.value, "≥300人次");
}
