//! Every rule fires on the mistake it is about and stays quiet on good input.

use jixiao_domain::rules::{self, Rule, Severity};
use jixiao_domain::{Amount, Budget, Framework, Indicator, MoneyUnit, Table};

/// A well-written table: no finding at all.
fn good() -> Table {
    Table {
        unit_code: "331202".into(),
        unit_name: "天津市科学技术发展战略研究院".into(),
        money_unit: MoneyUnit::Wan,
        project: "科技统计信息系统建设和运维".into(),
        budget: Budget {
            total: Amount::parse("45.00"),
            fiscal: Amount::parse("40.00"),
            other: Amount::parse("5.00"),
        },
        purpose: "完成等保测评和风险评估。".into(),
        goals: vec!["完成三个系统的等保测评。".into()],
        framework: Framework::F2020,
        indicators: vec![
            Indicator::new(
                "产出指标",
                "数量指标",
                "等保测评系统数量",
                "等保测评系统数量",
                "3个",
            ),
            Indicator::new("产出指标", "质量指标", "测评通过率", "测评通过率", "≥95%"),
            Indicator::new(
                "产出指标",
                "时效指标",
                "完成任务时间",
                "完成任务时间",
                "≤12月",
            ),
            Indicator::new("产出指标", "成本指标", "经费总额", "经费总额", "≤45万元"),
            Indicator::new(
                "效益指标",
                "社会效益指标",
                "服务用户数",
                "服务用户数",
                "≥5000家",
            ),
            Indicator::new(
                "满意度指标",
                "服务对象满意度指标",
                "服务对象满意度",
                "服务对象满意度",
                "≥95%",
            ),
        ],
        ..Table::default()
    }
}

fn codes(t: &Table) -> Vec<&'static str> {
    rules::check(t).iter().map(|f| f.code()).collect()
}

fn fires(t: &Table, code: &str) -> bool {
    codes(t).contains(&code)
}

/// The finding of `code`, which must be there.
fn finding(t: &Table, code: &str) -> rules::Finding {
    rules::check(t)
        .into_iter()
        .find(|f| f.code() == code)
        .unwrap_or_else(|| panic!("{code} did not fire: {:?}", codes(t)))
}

fn with_value(row: usize, value: &str) -> Table {
    let mut t = good();
    t.indicators[row].value = value.into();
    t
}

#[test]
fn a_good_table_has_no_findings() {
    assert_eq!(codes(&good()), Vec::<&str>::new());
}

#[test]
fn missing_head_fields() {
    let mut t = good();
    t.unit_name = " ".into();
    t.project = String::new();
    let f = finding(&t, "project-missing");
    assert_eq!(f.place.path(), "project");
    assert_eq!(f.severity(), Severity::Error);
    assert!(fires(&t, "unit-name-missing"));
}

#[test]
fn unit_code_must_be_digits() {
    let mut t = good();
    t.unit_code = "33I202".into();
    assert_eq!(
        finding(&t, "unit-code-format").severity(),
        Severity::Warning
    );
    t.unit_code = String::new();
    assert!(!fires(&t, "unit-code-format"));
}

#[test]
fn goals() {
    let mut t = good();
    t.goals = vec![];
    assert_eq!(finding(&t, "goal-missing").place.path(), "goals");
    t.goals = vec!["完成。".into(), "  ".into()];
    let f = finding(&t, "goal-empty");
    assert_eq!(f.place.path(), "goals[1]");
    assert!(!fires(&t, "goal-missing"));
}

#[test]
fn budget_must_add_up() {
    let mut t = good();
    t.budget.other = Amount::parse("4.00");
    let f = finding(&t, "budget-sum");
    assert_eq!(f.place.path(), "budget.total");
    assert!(f.message.contains("相差 1"), "{}", f.message);
    // A blank 其他资金 counts as zero.
    t.budget.fiscal = Amount::parse("45.00");
    t.budget.other = Amount::Blank;
    assert!(!fires(&t, "budget-sum"));
    // Scale does not matter to the sum.
    t.budget.fiscal = Amount::parse("45");
    assert!(!fires(&t, "budget-sum"));
}

#[test]
fn budget_missing_negative_and_not_a_number() {
    let mut t = good();
    t.budget.total = Amount::Blank;
    assert!(fires(&t, "budget-missing"));
    assert!(!fires(&t, "budget-sum"));
    let mut t = good();
    t.budget.other = Amount::parse("-5");
    t.budget.fiscal = Amount::parse("50.00");
    assert_eq!(finding(&t, "amount-negative").place.path(), "budget.other");
    let mut t = good();
    t.budget.fiscal = Amount::parse("四十万");
    let f = finding(&t, "amount-invalid");
    assert_eq!(f.place.path(), "budget.fiscal");
    assert!(f.message.contains("四十万"));
}

#[test]
fn money_precision_in_wan() {
    let mut t = good();
    t.budget = Budget {
        total: Amount::parse("45.125"),
        fiscal: Amount::parse("45.125"),
        other: Amount::Blank,
    };
    t.indicators[3].value = "≤45.125万元".into();
    let paths: Vec<String> = rules::check(&t)
        .iter()
        .filter(|f| f.code() == "money-precision")
        .map(|f| f.place.path())
        .collect();
    assert_eq!(
        paths,
        ["budget.total", "budget.fiscal", "indicators[3].value"]
    );
    // 元 amounts may have any scale the author wants.
    t.money_unit = MoneyUnit::Yuan;
    t.budget = Budget {
        total: Amount::parse("451250.125"),
        fiscal: Amount::parse("451250.125"),
        other: Amount::Blank,
    };
    t.indicators[3].value = "≤451250元".into();
    assert!(!fires(&t, "money-precision"));
}

#[test]
fn missing_level1() {
    let mut t = good();
    t.indicators.retain(|r| r.level1 != "满意度指标");
    let f = finding(&t, "level1-missing");
    assert!(f.message.contains("满意度指标"));
    assert_eq!(f.place.path(), "indicators");
    // 2021 also needs 成本指标 as a 一级.
    let mut t = good();
    t.switch_framework(Framework::F2021);
    assert!(!fires(&t, "level1-missing"), "{:?}", codes(&t));
    t.indicators.retain(|r| r.level1 != "成本指标");
    assert!(finding(&t, "level1-missing").message.contains("成本指标"));
}

#[test]
fn level1_and_level2_must_fit_the_framework() {
    let mut t = good();
    t.indicators[0].level1 = "产出指数".into();
    assert_eq!(
        finding(&t, "level1-unknown").place.path(),
        "indicators[0].level1"
    );
    let mut t = good();
    t.indicators[4].level2 = "数量指标".into();
    let f = finding(&t, "level2-mismatch");
    assert_eq!(f.place.path(), "indicators[4].level2");
    assert!(f.message.contains("社会效益指标"), "{}", f.message);
    // 成本指标 as a 一级 is wrong in 2020 …
    let mut t = good();
    t.indicators[3].level1 = "成本指标".into();
    t.indicators[3].level2 = "经济成本指标".into();
    assert!(finding(&t, "level1-unknown").message.contains("2021"));
    // … and 成本指标 under 产出 is wrong in 2021.
    let mut t = good();
    t.framework = Framework::F2021;
    assert!(fires(&t, "level2-mismatch"));
    // Aliases and weights are fine.
    let mut t = good();
    t.indicators[2].level2 = "进度指标".into();
    t.indicators[0].level1 = "产出指标(50分)".into();
    t.indicators[5].level2 = "社会公众或服务对象满意度指标".into();
    assert_eq!(codes(&t), Vec::<&str>::new());
}

#[test]
fn rows_need_a_name_and_a_value() {
    let mut t = good();
    t.indicators[1].name = String::new();
    assert_eq!(
        finding(&t, "indicator-name-missing").place.path(),
        "indicators[1].name"
    );
    let t = with_value(1, " ");
    assert_eq!(
        finding(&t, "indicator-value-missing").place.path(),
        "indicators[1].value"
    );
}

#[test]
fn placeholders_are_errors() {
    for v in ["≥**%", "XX", "*", "待定"] {
        assert!(fires(&with_value(1, v), "value-placeholder"), "{v}");
    }
}

#[test]
fn percent_over_100() {
    let f = finding(&with_value(1, "105%"), "percent-over-100");
    assert_eq!(f.severity(), Severity::Error);
    assert!(f.message.contains("105%"));
    assert!(!fires(&with_value(1, "100%"), "percent-over-100"));
    assert!(!fires(&with_value(1, "=100.00(%)"), "percent-over-100"));
}

#[test]
fn cost_over_budget_converts_units() {
    let f = finding(&with_value(3, "≤50万元"), "cost-over-budget");
    assert!(f.message.contains("45.00"), "{}", f.message);
    // 250000元 against a budget of 20 万元 is over.
    let mut t = with_value(3, "≤250000元");
    t.budget = Budget {
        total: Amount::parse("20"),
        fiscal: Amount::parse("20"),
        other: Amount::Blank,
    };
    assert!(fires(&t, "cost-over-budget"));
    // 0.002亿元 = 20万元 is not over.
    t.indicators[3].value = "≤0.002亿元".into();
    assert!(!fires(&t, "cost-over-budget"), "{:?}", codes(&t));
    t.indicators[3].value = "≤200000元".into();
    assert!(!fires(&t, "cost-over-budget"));
    // 2021's 经济成本指标 is a cost indicator too.
    let mut t = with_value(3, "≤46万元");
    t.switch_framework(Framework::F2021);
    assert!(fires(&t, "cost-over-budget"));
}

#[test]
fn cost_with_a_lower_bound() {
    let t = with_value(3, "≥45万元");
    assert_eq!(
        finding(&t, "cost-lower-bound").severity(),
        Severity::Warning
    );
    assert!(!fires(&with_value(3, "≤45万元"), "cost-lower-bound"));
}

#[test]
fn at_least_100_percent() {
    assert!(fires(&with_value(1, "≥100%"), "percent-at-least-100"));
    assert!(!fires(&with_value(1, "100%"), "percent-at-least-100"));
}

#[test]
fn satisfaction() {
    assert!(fires(&with_value(5, "满意"), "satisfaction-not-percent"));
    assert!(fires(&with_value(5, "≥4.5分"), "satisfaction-not-percent"));
    assert!(fires(&with_value(5, "≥75%"), "satisfaction-low"));
    assert!(fires(&with_value(5, "95%"), "satisfaction-not-lower-bound"));
    assert!(fires(
        &with_value(5, "≤95%"),
        "satisfaction-not-lower-bound"
    ));
    for ok in ["≥90%", "≥80%", "100%", ">90%", "≥95百分比"] {
        let t = with_value(5, ok);
        assert!(
            !codes(&t).iter().any(|c| c.starts_with("satisfaction")),
            "{ok}: {:?}",
            codes(&t)
        );
    }
}

#[test]
fn timeliness_within_a_year() {
    assert!(fires(&with_value(2, "≤18个月"), "timeliness-beyond-year"));
    assert!(fires(&with_value(2, "≤2年"), "timeliness-beyond-year"));
    assert!(!fires(&with_value(2, "≤12月"), "timeliness-beyond-year"));
    assert!(!fires(&with_value(2, "≥3小时"), "timeliness-beyond-year"));
}

#[test]
fn deadline_after_planned_end() {
    let mut t = with_value(2, "2026年3月31日前");
    t.plan_end = Some("2025-12-31".into());
    let f = finding(&t, "deadline-after-end");
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(f.place.path(), "indicators[2].value");
    t.indicators[2].value = "2025年12月底前".into();
    assert!(!fires(&t, "deadline-after-end"));
    // Without planned dates there is nothing to compare with.
    let t = with_value(2, "2026年3月31日前");
    assert!(!fires(&t, "deadline-after-end"));
}

#[test]
fn quantity_must_be_counted() {
    let f = finding(&with_value(0, "按要求完成"), "quantity-qualitative");
    assert_eq!(f.severity(), Severity::Warning);
    assert!(!fires(&with_value(0, "≥3个"), "quantity-qualitative"));
}

#[test]
fn fractional_counts() {
    assert!(fires(&with_value(0, "2.5个"), "count-fractional"));
    assert!(!fires(&with_value(0, "2个"), "count-fractional"));
    assert!(!fires(&with_value(0, "2.5万人次"), "count-fractional"));
}

#[test]
fn unit_contradicts_name() {
    // A rate with a count unit.
    assert!(fires(&with_value(1, "≥95个"), "rate-with-count-unit"));
    assert!(!fires(&with_value(1, "≥95%"), "rate-with-count-unit"));
    // A money word with no money unit.
    let t = with_value(3, "≤45");
    assert!(fires(&t, "money-name-without-money-unit"));
    let t = with_value(3, "节约");
    assert!(fires(&t, "money-name-without-money-unit"));
    let mut t = good();
    t.indicators[1].name = "资金到位率".into();
    assert!(!fires(&t, "money-name-without-money-unit"));
}

#[test]
fn output_dimensions_and_cost_must_be_there() {
    let mut t = good();
    t.indicators.remove(2); // 时效
    let f = finding(&t, "output-dimension-missing");
    assert!(f.message.contains("时效指标"));
    let mut t = good();
    t.indicators.remove(3); // 成本
    assert!(fires(&t, "cost-missing"));
    // An empty indicator table gets level1-missing, not a pile of warnings.
    let mut t = good();
    t.indicators.clear();
    assert!(!fires(&t, "cost-missing"));
    assert!(!fires(&t, "output-dimension-missing"));
}

#[test]
fn duplicate_names_under_one_level2() {
    let mut t = good();
    let dup = t.indicators[0].clone();
    t.indicators.insert(1, dup);
    let f = finding(&t, "duplicate-name");
    assert_eq!(f.place.path(), "indicators[1].name");
    // The same name under another 二级 is fine.
    let mut t = good();
    t.indicators[4].name = "等保测评系统数量".into();
    assert!(!fires(&t, "duplicate-name"));
}

#[test]
fn quality_that_counts_is_a_hint() {
    let mut t = good();
    t.indicators[1].name = "完成档案整理入库数量".into();
    t.indicators[1].value = "≥2000盒".into();
    let f = finding(&t, "quality-looks-like-quantity");
    assert_eq!(f.severity(), Severity::Hint);
    let mut t = good();
    t.indicators[1].name = "编制年度报告".into();
    t.indicators[1].value = "≥200册".into();
    assert!(fires(&t, "quality-looks-like-quantity"));
    // Scores and rates under 质量 are what quality should be.
    assert!(!fires(
        &with_value(1, "≥70分"),
        "quality-looks-like-quantity"
    ));
}

#[test]
fn qualitative_values_could_be_numbers() {
    let f = finding(&with_value(4, "有所提高"), "qualitative-could-be-number");
    assert_eq!(f.severity(), Severity::Hint);
    assert!(!fires(
        &with_value(4, "≥5000家"),
        "qualitative-could-be-number"
    ));
}

#[test]
fn every_rule_is_exercised_by_these_tests() {
    // Keeps these files honest: a new rule needs a test here (the rules
    // of the 上海 申报表 are tested in shanghai_rules.rs).
    let source = [include_str!("rules.rs"), include_str!("shanghai_rules.rs")].concat();
    for r in Rule::ALL {
        assert!(
            source.contains(&format!("\"{}\"", r.code())),
            "rule {} has no test",
            r.code()
        );
    }
}

#[test]
fn messages_are_bilingual_and_name_the_value() {
    let f = finding(&with_value(1, "105%"), "percent-over-100");
    assert!(f.message_en.contains("105%"));
    assert!(f
        .message
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    assert!(f.message_en.is_ascii() || f.message_en.contains('%'));
}

#[test]
fn social_and_ecological_costs_may_be_words() {
    let mut t = good();
    t.switch_framework(Framework::F2021);
    t.indicators.push(Indicator::new(
        "成本指标",
        "社会成本指标",
        "社会成本",
        "对社会造成的负面影响",
        "无",
    ));
    assert!(
        !fires(&t, "money-name-without-money-unit"),
        "{:?}",
        codes(&t)
    );
    // Economic cost still needs an amount.
    let row = t
        .indicators
        .iter()
        .position(|r| r.level2 == "经济成本指标")
        .unwrap();
    t.indicators[row].value = "合理".into();
    assert!(fires(&t, "money-name-without-money-unit"));
}
