//! The checks of the table as a whole (goals and indicators that measure
//! each other, cost lines against the budget, benefits that restate
//! outputs) on the eleven tables at hand (the eight published Tianjin
//! tables and the three 上海 samples): quiet except where a reviewer would
//! agree. The lists below are what they get; each entry is judged in the
//! comment beside it.

use jixiao_domain::rules;
use jixiao_formats::layout;

const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");
const SHANGHAI: [&str; 3] = [
    include_str!("../../../tests/fixtures/shanghai/changfeng-pdf.txt"),
    include_str!("../../../tests/fixtures/shanghai/districts-pdf.txt"),
    include_str!("../../../tests/fixtures/shanghai/variants-pdf.txt"),
];

const TABLE_WIDE: &[&str] = &[
    "cost-lines-over-budget",
    "benefit-restates-output",
    "goal-unmeasured",
    "indicator-unrelated",
    "number-out-of-range",
];

/// `(table number, code, place, the row's 三级 name)` of each table-wide
/// finding.
fn table_wide(tables: &[jixiao_domain::Table]) -> Vec<(usize, &'static str, String, String)> {
    tables
        .iter()
        .enumerate()
        .flat_map(|(n, t)| {
            rules::check(t)
                .into_iter()
                .filter(|f| TABLE_WIDE.contains(&f.code()))
                .map(move |f| {
                    let name = match f.place {
                        rules::Place::Indicator { row, .. } => t.indicators[row].name.clone(),
                        _ => String::new(),
                    };
                    (n + 1, f.code(), f.place.path(), name)
                })
        })
        .collect()
}

#[test]
fn the_published_tables_get_only_the_hints_a_reviewer_would_give() {
    let tables = layout::import(FIXTURE).expect("fixture imports").tables;
    let got = table_wide(&tables);
    let want: Vec<(usize, &str, String, String)> = [
        // 2 监督评估与诚信管理: the goal is the evaluation report and
        // 科研诚信 work; the experts' qualification is an input, not a
        // quality of what the goal delivers (评价报告 would be).
        (2, "indicators[2].name", "聘请专家资质达标率"),
        // 5 技术市场服务: the goal names 政策宣讲, 成果对接, 绩效评价;
        // "meetings" says none of them.
        (5, "indicators[0].name", "组织会议次数"),
        // 6 基础研究工作: publicity appears nowhere in the goal.
        (6, "indicators[1].name", "宣传报道次数"),
        // 6: the goal says 协助…项目管理 in general words; review
        // meetings are a part of it the goal does not name.
        (6, "indicators[2].name", "召开论证评审会次数"),
    ]
    .into_iter()
    .map(|(n, path, name)| (n, "indicator-unrelated", path.to_string(), name.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn the_shanghai_samples_get_only_the_hints_a_reviewer_would_give() {
    let mut tables = Vec::new();
    for text in SHANGHAI {
        tables.extend(
            jixiao_formats::pdf_text::import(text, jixiao_domain::form::Form::Shanghai)
                .expect("sample imports")
                .tables,
        );
    }
    assert_eq!(tables.len(), 4, "changfeng, districts 1 and 2, variants");
    let got = table_wide(&tables);
    // 1 长风路 (changfeng): the goals are building the tunnel and opening
    // it; nothing says how the facility is kept up afterwards, so a
    // 可持续影响 row on an upkeep 制度 measures something no goal asks for.
    // (区域通行效率 and 交叉口拥堵时长 relate to the 项目总目标, which
    // names both, and are quiet.)
    let want = vec![(
        1,
        "indicator-unrelated",
        "indicators[9].name".to_string(),
        "设施养护管理制度".to_string(),
    )];
    assert_eq!(got, want);
}
