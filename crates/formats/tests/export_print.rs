//! The print view draws the official layout of the published tables:
//! checked cell by cell on the eight tables of the sample document, read
//! back the way a browser lays it out
//! (`crates/formats/tests/print_reader/mod.rs`).

mod print_reader;

use jixiao_domain::Indicator;
use jixiao_domain::{Amount, Budget, MoneyUnit, Table};
use jixiao_formats::print::{self, PrintOptions, PRINT_CSS};
use print_reader::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

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
    let line = sum.line();
    assert_eq!(line.zh, sum.line_zh());
    assert_eq!(
        line.en,
        "331202天津市科学技术发展战略研究院: 3 performance target tables, total budget 46.2345 万元 \
         (the tables use different money units, converted to 万元) \
         (1 table's budget is blank or not a number and is not counted)."
    );
    let one = print::unit_summary(&tables[..1]).line();
    assert_eq!(
        one.en,
        "331202天津市科学技术发展战略研究院: 1 performance target table, total budget 45.00 万元."
    );
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

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
}
