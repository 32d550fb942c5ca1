//! The rules of the 上海 申报表: each fires on a table that breaks it and
//! stays quiet on one that keeps it, and says what to change in the form's
//! own words; the published values read sensibly; Tianjin tables are not
//! touched by them.

use jixiao_domain::budget::{Amount, Budget, MoneyUnit};
use jixiao_domain::form::Form;
use jixiao_domain::framework::Framework;
use jixiao_domain::rules::{self, Field, Finding, Place, Severity};
use jixiao_domain::table::{Indicator, Table};
use jixiao_domain::value::{self, Comparison, UnitClass, Value};

fn row(l1: &str, l2: &str, name: &str, value: &str) -> Indicator {
    Indicator::new(l1, l2, name, "", value)
}

/// A 上海 table as the issue describes one: nothing wrong with it.
fn good() -> Table {
    let some = |s: &str| Some(s.to_string());
    Table {
        form: Form::Shanghai,
        framework: Framework::F2021,
        money_unit: MoneyUnit::Yuan,
        year: some("2026"),
        project: "长风路-曹杨路地道改建工程".into(),
        nature: some("阶段性项目"),
        category: some("特定目标类"),
        department: some("上海市某某区建设和管理委员会"),
        implementer: some("上海市某某区建设和管理委员会"),
        plan_start: some("2024-01-01"),
        plan_end: some("2026/12/31"),
        total_funds: Amount::parse("5,200,000.00"),
        total_funds_fiscal: Amount::parse("5,200,000.00"),
        budget: Budget {
            total: Amount::parse("1,200,000.00"),
            fiscal: Amount::parse("1,000,000.00"),
            other: Amount::Blank,
        },
        carryover: Amount::parse("200,000.00"),
        overall_goal: some("1.完成长风路-曹杨路地道改建。\n2.改善区域交通。"),
        goals: vec!["完成地道主体结构施工。".into(), "完成道路恢复。".into()],
        indicators: vec![
            row("成本指标", "经济成本指标", "项目年度总成本", "≤1,200,000元"),
            row("成本指标", "社会成本指标", "征地拆迁影响", "可控"),
            row("成本指标", "生态环境成本指标", "扬尘控制情况", "达标"),
            row("产出指标", "数量指标", "地道改建长度", "985米"),
            row("产出指标", "质量指标", "工程验收合格率", "=100.00(%)"),
            row("产出指标", "时效指标", "工程完工及时性", "及时"),
            row("效益指标", "社会效益指标", "区域通行效率", "提高"),
            row("效益指标", "社会效益指标", "交通拥堵情况", "减少"),
            row("效益指标", "生态效益指标", "施工噪声影响", "降低"),
            row("效益指标", "可持续影响指标", "设施管护制度", "健全"),
            row("效益指标", "可持续影响指标", "道路服务水平", "提升"),
            row("效益指标", "经济效益指标", "工程投资控制", "合理"),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "周边居民满意度",
                "≥90.00(%)",
            ),
        ],
        ..Table::default()
    }
}

fn findings(t: &Table) -> Vec<Finding> {
    rules::check(t)
}

fn fires(t: &Table, code: &str) -> bool {
    findings(t).iter().any(|f| f.code() == code)
}

fn finding(t: &Table, code: &str) -> Finding {
    findings(t)
        .into_iter()
        .find(|f| f.code() == code)
        .unwrap_or_else(|| panic!("{code} should fire: {:?}", codes(t)))
}

fn codes(t: &Table) -> Vec<&'static str> {
    findings(t).iter().map(Finding::code).collect()
}

#[test]
fn a_good_table_has_no_errors_or_warnings_and_its_words_are_only_hints() {
    let t = good();
    for f in findings(&t) {
        assert_eq!(f.severity(), Severity::Hint, "{f:?}");
        assert_eq!(f.code(), "qualitative-could-be-number", "{f:?}");
    }
    // The words under 社会/生态环境成本 are not money costs to flag.
    assert!(!fires(&t, "money-name-without-money-unit"));
    assert!(!fires(&t, "quantity-qualitative"));
}

#[test]
fn the_published_values_read_sensibly() {
    let q = |text: &str| match value::parse(text) {
        Value::Quantity(q) => q,
        other => panic!("{text}: {other:?}"),
    };
    let v = q("=100.00(%)");
    assert_eq!(
        (v.comparison, v.class, v.number.to_string()),
        (Comparison::Eq, UnitClass::Percent, "100.00".into())
    );
    let v = q("≥90.00(%)");
    assert_eq!(
        (v.comparison, v.class),
        (Comparison::Ge, UnitClass::Percent)
    );
    assert_eq!(q("985米").class, UnitClass::Other);
    let v = q("≤1,200,000元");
    assert_eq!(v.in_yuan(), Some("1200000".parse().unwrap()));
    for word in [
        "合理", "可控", "及时", "提高", "降低", "减少", "提升", "健全", "达标",
    ] {
        assert_eq!(
            value::parse(word),
            Value::Qualitative(word.into()),
            "{word}"
        );
    }
}

#[test]
fn required_fields_are_named_as_the_form_prints_them() {
    let mut t = good();
    t.nature = None;
    t.year = None;
    let f = finding(&t, "field-missing");
    assert_eq!(f.place, Place::Field(Field::Year));
    assert_eq!(f.message, "请填写年度，如 2026。");
    assert_eq!(f.message_en, "Enter the year, e.g. 2026.");
    assert!(findings(&t)
        .iter()
        .any(|f| f.place == Place::Field(Field::Nature) && f.message == "请填写项目性质。"));
    t.budget.total = Amount::Blank;
    assert_eq!(
        finding(&t, "budget-missing").message,
        "请填写年度资金申请总额（单位：元）。"
    );
    assert!(!fires(&good(), "field-missing"));
    // No unit name on this form, so none is asked for.
    assert!(!fires(&good(), "unit-name-missing"));
}

#[test]
fn the_nature_is_one_of_the_forms_words() {
    let mut t = good();
    t.nature = Some("一次性".into());
    let f = finding(&t, "field-choice");
    assert_eq!(f.severity(), Severity::Warning);
    assert!(
        f.message.contains("阶段性项目、经常性项目"),
        "{}",
        f.message
    );
    t.nature = Some(" 经常性项目 ".into());
    assert!(!fires(&t, "field-choice"));
}

#[test]
fn the_years_funds_add_up_with_the_carry_over() {
    let mut t = good();
    t.carryover = Amount::Blank;
    let f = finding(&t, "annual-funds-sum");
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(f.place, Place::Field(Field::BudgetTotal));
    assert!(f.message.starts_with("年度资金申请总额 1,200,000.00 不等于当年财政拨款、上年结转资金、其他资金之和 1,000,000.00"), "{}", f.message);
    assert!(f.message.contains("相差 200,000 元"), "{}", f.message);
    // The Tianjin sum (without the carry-over) is not this form's rule.
    assert!(!fires(&good(), "budget-sum"));
    assert!(!fires(&good(), "annual-funds-sum"));
    t.budget.other = Amount::parse("200000");
    assert!(!fires(&t, "annual-funds-sum"), "blank parts count as 0");
}

#[test]
fn the_project_funds_add_up() {
    let mut t = good();
    t.total_funds_fiscal = Amount::parse("5,000,000.00");
    let f = finding(&t, "total-funds-sum");
    assert_eq!(f.place, Place::Field(Field::TotalFunds));
    assert!(
        f.message.contains("其中：财政资金、其他资金"),
        "{}",
        f.message
    );
    t.total_funds_other = Amount::parse("200,000.00");
    assert!(!fires(&t, "total-funds-sum"));
}

#[test]
fn the_year_asks_for_no_more_than_the_whole_project() {
    let mut t = good();
    t.total_funds = Amount::parse("1,000,000.00");
    t.total_funds_fiscal = Amount::parse("1,000,000.00");
    let f = finding(&t, "annual-over-total");
    assert_eq!(f.severity(), Severity::Error);
    assert!(
        f.message
            .contains("1,200,000.00 超过项目资金总额 1,000,000.00"),
        "{}",
        f.message
    );
    t.total_funds = Amount::parse("1,200,000.00");
    t.total_funds_fiscal = Amount::parse("1,200,000.00");
    assert!(!fires(&t, "annual-over-total"));
}

#[test]
fn costs_are_compared_with_the_years_funds_not_the_projects() {
    let mut t = good();
    // More than this year's 1,200,000.00, less than the project's 5,200,000.00.
    t.indicators[0].value = "≤3,000,000元".into();
    let f = finding(&t, "cost-over-budget");
    assert_eq!(f.place.path(), "indicators[0].value");
    assert!(
        f.message.contains("超过年度资金申请总额 1200000.00 元"),
        "{}",
        f.message
    );
    assert!(
        f.message_en
            .contains("exceeds the funds requested this year"),
        "{}",
        f.message_en
    );
    t.indicators[0].value = "≤120万元".into();
    assert!(!fires(&t, "cost-over-budget"));
}

#[test]
fn amounts_are_in_yuan_to_the_fen() {
    let mut t = good();
    t.money_unit = MoneyUnit::Wan;
    let f = finding(&t, "form-money-unit");
    assert_eq!(f.place, Place::Field(Field::MoneyUnit));
    assert!(
        f.message
            .contains("上海 申报表的金额以元为单位，本表却是万元"),
        "{}",
        f.message
    );
    assert!(!fires(&good(), "form-money-unit"));

    let mut t = good();
    t.carryover = Amount::parse("200,000.005");
    t.budget.total = Amount::parse("1,200,000.005");
    let f = finding(&t, "yuan-precision");
    assert_eq!(f.place, Place::Field(Field::BudgetTotal));
    assert!(f.message.contains("如 1200000.00"), "{}", f.message);
    assert!(!fires(&good(), "yuan-precision"));

    let mut t = good();
    t.carryover = Amount::parse("二十万");
    let f = finding(&t, "amount-invalid");
    assert!(
        f.message.starts_with("上年结转资金「二十万」不是数字"),
        "{}",
        f.message
    );
    t.carryover = Amount::parse("-5");
    assert!(finding(&t, "amount-negative")
        .message
        .starts_with("上年结转资金 -5"));
}

#[test]
fn planned_dates_are_dates_in_order() {
    let mut t = good();
    t.plan_start = Some("2024年初".into());
    let f = finding(&t, "plan-date-invalid");
    assert_eq!(f.place, Place::Field(Field::PlanStart));
    assert!(f.message.contains("请写成如 2024-01-01 或 2024/1/1"));
    t.plan_start = Some("2026/1/1".into());
    assert!(!fires(&t, "plan-date-invalid"));
    t.plan_end = Some("2025-12-31".into());
    let f = finding(&t, "plan-dates-order");
    assert_eq!(
        f.message,
        "计划开始日期 2026/1/1 晚于计划完成日期 2025-12-31：请核对两个日期，开始应不晚于完成。"
    );
    t.plan_end = Some("2026-01-01".into());
    assert!(!fires(&t, "plan-dates-order"), "the same day is in order");
}

#[test]
fn the_year_lies_within_the_plan() {
    let mut t = good();
    t.year = Some("2027".into());
    let f = finding(&t, "year-outside-plan");
    assert_eq!(f.severity(), Severity::Warning);
    assert_eq!(f.place, Place::Field(Field::Year));
    assert!(
        f.message
            .starts_with("2027 年度不在计划期（2024-01-01 至 2026/12/31）"),
        "{}",
        f.message
    );
    t.year = Some("2026年".into());
    assert!(!fires(&t, "year-outside-plan"));
    t.year = Some("2023".into());
    assert!(fires(&t, "year-outside-plan"));
}

#[test]
fn a_phased_project_with_money_in_other_years_spans_them() {
    let mut t = good();
    t.plan_start = Some("2026-01-01".into());
    t.plan_end = Some("2026-12-31".into());
    let f = finding(&t, "phased-span");
    assert_eq!(f.place, Place::Field(Field::PlanEnd));
    assert!(
        f.message.contains("计划开始和完成日期却都在 2026 年"),
        "{}",
        f.message
    );
    assert!(f.message.contains("5,200,000.00"), "{}", f.message);
    // A recurring project, or one whose whole money is this year's, may
    // lie within one year; a plan over several years is what is asked.
    let mut recurring = t.clone();
    recurring.nature = Some("经常性项目".into());
    assert!(!fires(&recurring, "phased-span"));
    let mut one_year = t.clone();
    one_year.total_funds = Amount::parse("1,200,000.00");
    one_year.total_funds_fiscal = Amount::parse("1,200,000.00");
    assert!(!fires(&one_year, "phased-span"));
    assert!(!fires(&good(), "phased-span"));
}

#[test]
fn tianjin_tables_are_not_checked_by_these_rules() {
    let mut t = good();
    t.switch_form(Form::Tianjin2025);
    t.nature = Some("一次性".into());
    t.year = None;
    t.plan_start = Some("2024年初".into());
    t.carryover = Amount::parse("0.005");
    for code in [
        "field-missing",
        "field-choice",
        "annual-funds-sum",
        "total-funds-sum",
        "plan-date-invalid",
        "yuan-precision",
        "form-money-unit",
        "phased-span",
        "year-outside-plan",
        "annual-over-total",
        "plan-dates-order",
    ] {
        assert!(!fires(&t, code), "{code}: {:?}", codes(&t));
    }
    // …and it gets the Tianjin ones: a unit name, the two-part budget.
    assert!(fires(&t, "unit-name-missing"));
    assert!(fires(&t, "budget-sum"));
}
