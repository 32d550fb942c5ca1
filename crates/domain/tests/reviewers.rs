//! The checks of the table as a whole that reviewers make by hand: cost
//! lines against the budget, goals and indicators that measure
//! each other, benefits that restate outputs, and numbers too long to read.
//! Each fires on the mistake and stays quiet on the table written well.

mod support;

use jixiao_domain::rules::Severity;
use jixiao_domain::{Amount, Budget, Indicator, MoneyUnit, Table};
use support::{codes, finding, fires, good, with_value};

// --- cost lines against the budget -------------------------------------

/// The good table with a budget of `budget` (in `unit`) and these cost
/// rows in place of its 经费总额.
fn with_costs(budget: &str, unit: MoneyUnit, lines: &[(&str, &str)]) -> Table {
    let mut t = good();
    t.money_unit = unit;
    t.budget = Budget {
        total: Amount::parse(budget),
        fiscal: Amount::parse(budget),
        other: Amount::Blank,
    };
    t.indicators.remove(3);
    for (k, (name, value)) in lines.iter().enumerate() {
        let row = Indicator::new("产出指标", "成本指标", name, name, value);
        t.indicators.insert(3 + k, row);
    }
    t
}

const WAN: MoneyUnit = MoneyUnit::Wan;

#[test]
fn cost_lines_over_the_budget_are_added_exactly() {
    // The example: 150000元 + 100000元 = 25 万元 > 20.00 万元.
    let t = with_costs(
        "20.00",
        WAN,
        &[("印刷费", "≤150000元"), ("编校费", "≤100000元")],
    );
    let f = finding(&t, "cost-lines-over-budget");
    assert_eq!(f.severity(), Severity::Warning);
    assert_eq!(f.place.path(), "indicators[3].value");
    for part in [
        "「印刷费」「编校费」",
        "合计 25 万元",
        "预算数 20.00 万元",
        "多 5 万元",
        "核减",
    ] {
        assert!(f.message.contains(part), "{part}: {}", f.message);
    }
    assert!(
        f.message_en.contains("add up to 25 万元"),
        "{}",
        f.message_en
    );
    assert!(
        f.message_en.contains("budget of 20.00 万元"),
        "{}",
        f.message_en
    );
    // Each part alone is within the budget: no error.
    assert!(!fires(&t, "cost-over-budget"), "{:?}", codes(&t));

    // 120000元 + 80000元 is the budget exactly: fine.
    let t = with_costs(
        "20.00",
        WAN,
        &[("印刷费", "≤120000元"), ("编校费", "≤80000元")],
    );
    assert_eq!(codes(&t), Vec::<&str>::new());
}

#[test]
fn cost_lines_in_three_units_are_converted() {
    // 15万元 + 100000元 + 0.0001亿元 = 26 万元.
    let lines = [
        ("印刷费", "≤15万元"),
        ("编校费", "≤100000元"),
        ("设计费", "≤0.0001亿元"),
    ];
    let f = finding(&with_costs("20.00", WAN, &lines), "cost-lines-over-budget");
    assert!(f.message.contains("合计 26 万元"), "{}", f.message);
    // 10万元 + 50000元 + 0.0005亿元 = 20 万元.
    let lines = [
        ("印刷费", "≤10万元"),
        ("编校费", "50000元"),
        ("设计费", "≤0.0005亿元"),
    ];
    assert!(!fires(
        &with_costs("20.00", WAN, &lines),
        "cost-lines-over-budget"
    ));
    // A table in 元 reads its budget in 元.
    let lines = [("印刷费", "≤15万元"), ("编校费", "≤60000元")];
    let f = finding(
        &with_costs("200000", MoneyUnit::Yuan, &lines),
        "cost-lines-over-budget",
    );
    assert!(f.message.contains("合计 210000 元"), "{}", f.message);
    assert!(!fires(
        &with_costs("210000", MoneyUnit::Yuan, &lines),
        "cost-lines-over-budget"
    ));
    // And one in 亿元 in 亿元.
    let lines = [("设备购置费", "≤0.6亿元"), ("安装费", "≤5000万元")];
    let f = finding(
        &with_costs("1", MoneyUnit::Yi, &lines),
        "cost-lines-over-budget",
    );
    assert!(f.message.contains("合计 1.1 亿元"), "{}", f.message);
}

#[test]
fn the_total_is_not_one_of_the_parts() {
    // Named as the whole, whatever its amount …
    for total in ["经费总额", "项目总成本", "总成本", "成本合计", "项目成本"] {
        let lines = [
            (total, "≤18万元"),
            ("印刷费", "≤12万元"),
            ("编校费", "≤8万元"),
        ];
        let t = with_costs("20.00", WAN, &lines);
        assert!(
            !fires(&t, "cost-lines-over-budget"),
            "{total}: {:?}",
            codes(&t)
        );
    }
    // … or by a bound that is the budget (here 200000元 = 20.00 万元).
    let lines = [
        ("成本控制", "≤200000元"),
        ("印刷费", "≤12万元"),
        ("编校费", "≤8万元"),
    ];
    assert!(!fires(
        &with_costs("20.00", WAN, &lines),
        "cost-lines-over-budget"
    ));
    // Without the total, the parts are still added.
    let lines = [
        ("经费总额", "≤20万元"),
        ("印刷费", "≤12万元"),
        ("编校费", "≤9万元"),
    ];
    assert!(fires(
        &with_costs("20.00", WAN, &lines),
        "cost-lines-over-budget"
    ));
}

#[test]
fn cost_lines_that_are_not_upper_bounds_or_not_parts_are_left_alone() {
    // A lower bound is not a cap (cost-lower-bound says so).
    let lines = [("印刷费", "≥150000元"), ("编校费", "≤100000元")];
    let t = with_costs("20.00", WAN, &lines);
    assert!(fires(&t, "cost-lower-bound"));
    assert!(!fires(&t, "cost-lines-over-budget"));
    // One part over the budget is an error of its own, not also a sum.
    let lines = [("印刷费", "≤250000元"), ("编校费", "≤10000元")];
    let t = with_costs("20.00", WAN, &lines);
    assert!(fires(&t, "cost-over-budget"));
    assert!(!fires(&t, "cost-lines-over-budget"));
    // No budget to compare with.
    let mut t = with_costs(
        "20.00",
        WAN,
        &[("印刷费", "≤15万元"), ("编校费", "≤10万元")],
    );
    t.budget.total = Amount::Blank;
    assert!(!fires(&t, "cost-lines-over-budget"));
    // Four parts are named as three and the rest.
    let lines = [
        ("甲费", "≤6万元"),
        ("乙费", "≤6万元"),
        ("丙费", "≤6万元"),
        ("丁费", "≤6万元"),
    ];
    let f = finding(&with_costs("20.00", WAN, &lines), "cost-lines-over-budget");
    assert!(f.message.contains("「丙费」等 4 项"), "{}", f.message);
    assert!(f.message_en.contains("and 1 more"), "{}", f.message_en);
}

// --- benefits that restate outputs ------------------------------------

/// The good table with one more output row and one more benefit row.
fn with_output_and_benefit(output: (&str, &str), benefit: (&str, &str)) -> Table {
    let mut t = good();
    t.goals.push("编辑出版年鉴，服务科研单位。".into());
    let (name, value) = output;
    t.indicators
        .insert(1, Indicator::new("产出指标", "数量指标", name, name, value));
    let (name, value) = benefit;
    t.indicators.push(Indicator::new(
        "效益指标",
        "社会效益指标",
        name,
        name,
        value,
    ));
    t
}

#[test]
fn a_benefit_that_repeats_an_output_is_an_output() {
    // The example: the same name, the same value.
    let t = with_output_and_benefit(("编辑出版年鉴", "≥400册"), ("编辑出版年鉴", "≥400册"));
    let f = finding(&t, "benefit-restates-output");
    assert_eq!(f.severity(), Severity::Warning);
    assert_eq!(f.place.path(), "indicators[7].name");
    for part in [
        "第 2 行产出指标「编辑出版年鉴」",
        "把产出当效益",
        "谁受益、受益多少",
    ] {
        assert!(f.message.contains(part), "{part}: {}", f.message);
    }
    assert!(
        f.message_en.contains("who benefits, and by how much"),
        "{}",
        f.message_en
    );
    // Spaces and punctuation do not make it another name.
    let t = with_output_and_benefit(("编辑出版《年鉴》", "≥400册"), ("编辑 出版年鉴", "≥5家"));
    assert!(fires(&t, "benefit-restates-output"), "{:?}", codes(&t));
}

#[test]
fn a_benefit_that_repeats_an_output_value_about_the_same_thing() {
    // Same number and unit, and both names speak of 年鉴.
    for value in ["≥400册", "400册"] {
        let t = with_output_and_benefit(("编辑出版年鉴", "≥400册"), ("年鉴发放", value));
        let f = finding(&t, "benefit-restates-output");
        assert_eq!(f.place.path(), "indicators[7].value");
        assert!(
            f.message.contains(&format!("指标值 {value}")),
            "{}",
            f.message
        );
    }
    // Written as an effect: quiet.
    let t = with_output_and_benefit(
        ("编辑出版年鉴", "≥400册"),
        ("年鉴服务决策部门和科研单位", "≥200家"),
    );
    assert_eq!(codes(&t), Vec::<&str>::new());
    // Another number or another unit: quiet.
    let t = with_output_and_benefit(("编辑出版年鉴", "≥400册"), ("年鉴发放", "≥400份"));
    assert!(!fires(&t, "benefit-restates-output"));
    // The same small count about another thing is no restatement.
    let t = with_output_and_benefit(("制作宣传视频", "≥1个"), ("新增合作平台", "≥1个"));
    assert!(!fires(&t, "benefit-restates-output"), "{:?}", codes(&t));
    // Nor are percentages, which every table has.
    let t = with_output_and_benefit(("年鉴审核通过率", "100%"), ("年鉴成果应用率", "100%"));
    assert!(!fires(&t, "benefit-restates-output"), "{:?}", codes(&t));
}

// --- goals and indicators ---------------------------------------------

#[test]
fn a_goal_no_indicator_measures() {
    let mut t = good();
    t.goals
        .push("面向全市科技管理人员开展业务培训500人次".into());
    let f = finding(&t, "goal-unmeasured");
    assert_eq!(f.severity(), Severity::Hint);
    assert_eq!(f.place.path(), "goals[1]");
    assert!(
        f.message
            .contains("第 2 条绩效目标「面向全市科技管理人员开展业务培训500人…」"),
        "{}",
        f.message
    );
    assert!(f.message_en.starts_with("Goal 2 \""), "{}", f.message_en);
    assert_eq!(codes(&t), ["goal-unmeasured"]);

    // A 培训 indicator measures it …
    let mut measured = t.clone();
    let row = Indicator::new(
        "产出指标",
        "数量指标",
        "业务培训人次",
        "业务培训人次",
        "≥500人次",
    );
    measured.indicators.insert(1, row);
    assert_eq!(codes(&measured), Vec::<&str>::new());
    // … and so does its number with its unit, whatever the row is called.
    let mut measured = t.clone();
    let row = Indicator::new("产出指标", "数量指标", "参加轮训", "参加轮训", "≥500人次");
    measured.indicators.insert(1, row);
    assert!(
        !fires(&measured, "goal-unmeasured"),
        "{:?}",
        codes(&measured)
    );
}

#[test]
fn goals_of_generic_words_and_whole_project_rows_are_left_alone() {
    let mut t = good();
    // Nothing but generic words: nothing to look for.
    t.goals
        .push("进一步提高服务对象满意度，确保项目按期完成。".into());
    assert!(!fires(&t, "goal-unmeasured"), "{:?}", codes(&t));
    // Timeliness, cost and satisfaction rows relate to every goal.
    t.indicators.push(Indicator::new(
        "产出指标",
        "时效指标",
        "项目按期完成率",
        "项目按期完成率",
        "100%",
    ));
    t.indicators.push(Indicator::new(
        "满意度指标",
        "服务对象满意度指标",
        "参训学员满意度",
        "参训学员满意度",
        "≥90%",
    ));
    assert_eq!(codes(&t), Vec::<&str>::new());
}

#[test]
fn an_indicator_no_goal_asks_for() {
    let mut t = good();
    let row = Indicator::new(
        "产出指标",
        "数量指标",
        "宣传报道次数",
        "宣传报道次数",
        "≥3次",
    );
    t.indicators.insert(1, row);
    let f = finding(&t, "indicator-unrelated");
    assert_eq!(f.severity(), Severity::Hint);
    assert_eq!(f.place.path(), "indicators[1].name");
    assert!(f.message.contains("「宣传报道次数」"), "{}", f.message);
    assert!(
        f.message_en.contains("\"宣传报道次数\""),
        "{}",
        f.message_en
    );
    assert_eq!(codes(&t), ["indicator-unrelated"]);
    // A goal that says it: quiet.
    t.goals.push("宣传报道测评成果。".into());
    assert_eq!(codes(&t), Vec::<&str>::new());
    // Without goals there is nothing to relate to (goal-missing says so).
    t.goals.clear();
    assert!(!fires(&t, "indicator-unrelated"));
}

#[test]
fn an_indicator_of_the_project_as_a_whole_relates_to_it() {
    let mut t = good();
    t.indicators.insert(
        1,
        Indicator::new(
            "效益指标",
            "社会效益指标",
            "区域通行效率",
            "区域通行效率",
            "≥5%",
        ),
    );
    assert!(fires(&t, "indicator-unrelated"));
    // The overall goal (上海's 项目总目标) names it: related.
    t.overall_goal = Some("1.缓解交叉口拥堵，提升区域路网通行效率。".into());
    assert!(!fires(&t, "indicator-unrelated"));
    // So does the project's name.
    t.overall_goal = None;
    t.project = "区域通行改善工程".into();
    assert!(!fires(&t, "indicator-unrelated"));
    // Neither is a goal that must be measured: a project name no row
    // speaks of asks for nothing.
    let mut t = good();
    t.project = "海河沿岸照明改造".into();
    t.overall_goal = Some("改造海河沿岸照明。".into());
    assert_eq!(codes(&t), Vec::<&str>::new());
}

// --- numbers too long to read -----------------------------------------

#[test]
fn numbers_beyond_range_are_not_words() {
    let t = with_value(3, "≥99999999999999999999999999999万元");
    let f = finding(&t, "number-out-of-range");
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(f.place.path(), "indicators[3].value");
    assert!(
        f.message.contains("29 位") && f.message.contains("无法读作数值或金额"),
        "{}",
        f.message
    );
    assert!(
        f.message_en.contains("too many to read"),
        "{}",
        f.message_en
    );
    // Not called words, nor anything else.
    assert_eq!(codes(&t), ["number-out-of-range"]);
    let t = with_value(0, "99999999999999999999999999999个");
    assert_eq!(codes(&t), ["number-out-of-range"]);
    // A number that reads, but is beyond any amount once in 元.
    let t = with_value(3, "≤9999999999999999999999999999亿元");
    assert!(finding(&t, "number-out-of-range")
        .message
        .contains("换算成元"));
    // A long number in the budget says the same.
    let mut t = good();
    t.budget.fiscal = Amount::parse("99999999999999999999999999999");
    let f = finding(&t, "amount-invalid");
    assert!(f.message.contains("位数过多"), "{}", f.message);
    // Twenty-eight digits still read.
    assert!(!fires(
        &with_value(0, "9999999999999999999999999999个"),
        "number-out-of-range"
    ));
}
