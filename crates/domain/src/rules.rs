//! The review rules (rules.md §4): what a finance reviewer would send back.
//!
//! [`check`] is a pure function of one table. It parses each 指标值 once and
//! walks the rows a fixed number of times, so it is cheap enough to run on
//! every keystroke. Each finding carries a stable [`Rule`] code, the place it
//! points at, and a message in Chinese and in English that says what to
//! change. [`Rule::ALL`] is the catalogue for help pages and docs.

use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;

use super::budget::{Amount, MoneyUnit};
use super::framework::{Framework, Level1, Level2};
use super::lang::Lang;
use super::table::{Indicator, Table};
use super::value::{self, Comparison, Date, UnitClass, Value};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The table is not ready to submit.
    Error,
    /// Likely wrong: the author should look.
    Warning,
    /// Style: a better way to write it.
    Hint,
}

impl Severity {
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_zh(), self.label_en())
    }
}

/// A field of the table outside the indicator rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    UnitCode,
    UnitName,
    MoneyUnit,
    Project,
    BudgetTotal,
    BudgetFiscal,
    BudgetOther,
    TotalFunds,
    Purpose,
    Goals,
    PlanStart,
    PlanEnd,
    /// The indicator table as a whole (a missing 一级, no cost row …).
    Indicators,
}

/// A column of an indicator row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Level1,
    Level2,
    Name,
    Description,
    Value,
}

/// Where a finding points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Field(Field),
    /// One goal, by index.
    Goal(usize),
    /// One cell of an indicator row, by row index.
    Indicator {
        row: usize,
        column: Column,
    },
}

impl Field {
    /// The official name of the field, as the form labels it.
    pub fn label_zh(self) -> &'static str {
        match self {
            Field::UnitCode => "单位编码",
            Field::UnitName => "单位名称",
            Field::MoneyUnit => "金额单位",
            Field::Project => "项目名称",
            Field::BudgetTotal => "预算数",
            Field::BudgetFiscal => "财政资金",
            Field::BudgetOther => "其他资金",
            Field::TotalFunds => "项目资金总额",
            Field::Purpose => "资金用途",
            Field::Goals => "绩效目标",
            Field::PlanStart => "计划开始日期",
            Field::PlanEnd => "计划完成日期",
            Field::Indicators => "绩效指标",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Field::UnitCode => "unit code",
            Field::UnitName => "unit name",
            Field::MoneyUnit => "money unit",
            Field::Project => "project name",
            Field::BudgetTotal => "budget",
            Field::BudgetFiscal => "fiscal funds",
            Field::BudgetOther => "other funds",
            Field::TotalFunds => "total project funds",
            Field::Purpose => "use of funds",
            Field::Goals => "goals",
            Field::PlanStart => "planned start",
            Field::PlanEnd => "planned end",
            Field::Indicators => "indicators",
        }
    }

    /// The field's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_zh(), self.label_en())
    }

    /// The field's name as a form label or heading ("Project name").
    pub fn title(self, lang: Lang) -> String {
        super::lang::capitalized(self.label(lang))
    }

    fn key(self) -> &'static str {
        match self {
            Field::UnitCode => "unit_code",
            Field::UnitName => "unit_name",
            Field::MoneyUnit => "money_unit",
            Field::Project => "project",
            Field::BudgetTotal => "budget.total",
            Field::BudgetFiscal => "budget.fiscal",
            Field::BudgetOther => "budget.other",
            Field::TotalFunds => "total_funds",
            Field::Purpose => "purpose",
            Field::Goals => "goals",
            Field::PlanStart => "plan_start",
            Field::PlanEnd => "plan_end",
            Field::Indicators => "indicators",
        }
    }
}

impl Column {
    pub fn label_zh(self) -> &'static str {
        match self {
            Column::Level1 => "一级指标",
            Column::Level2 => "二级指标",
            Column::Name => "三级指标",
            Column::Description => "绩效指标描述",
            Column::Value => "指标值",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Column::Level1 => "level-1 indicator",
            Column::Level2 => "level-2 indicator",
            Column::Name => "level-3 indicator",
            Column::Description => "description",
            Column::Value => "target value",
        }
    }

    /// The column's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.label_zh(), self.label_en())
    }

    /// The column's name as a heading ("Target value").
    pub fn title(self, lang: Lang) -> String {
        super::lang::capitalized(self.label(lang))
    }

    fn key(self) -> &'static str {
        match self {
            Column::Level1 => "level1",
            Column::Level2 => "level2",
            Column::Name => "name",
            Column::Description => "description",
            Column::Value => "value",
        }
    }
}

impl Place {
    /// A path in the terms of the exchange format: `project`,
    /// `budget.total`, `goals[0]`, `indicators[3].value`.
    pub fn path(&self) -> String {
        match self {
            Place::Field(f) => f.key().to_string(),
            Place::Goal(i) => format!("goals[{i}]"),
            Place::Indicator { row, column } => format!("indicators[{row}].{}", column.key()),
        }
    }

    /// Where it is, for a person: `项目名称`, `第 4 行指标 · 指标值`.
    pub fn label_zh(&self) -> String {
        match self {
            Place::Field(f) => f.label_zh().to_string(),
            Place::Goal(i) => format!("第 {} 条绩效目标", i + 1),
            Place::Indicator { row, column } => {
                format!("第 {} 行指标 · {}", row + 1, column.label_zh())
            }
        }
    }

    pub fn label_en(&self) -> String {
        match self {
            Place::Field(f) => f.label_en().to_string(),
            Place::Goal(i) => format!("goal {}", i + 1),
            Place::Indicator { row, column } => {
                format!("indicator row {}, {}", row + 1, column.label_en())
            }
        }
    }

    /// Where it is, in `lang`, as a label ("Indicator row 4, target value").
    pub fn label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => super::lang::capitalized(&self.label_en()),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

macro_rules! rules {
    ($( $variant:ident = $code:literal, $sev:ident, $zh:literal, $en:literal,
        $bad:literal, $good:literal; )*) => {
        /// Every rule the checker knows. Codes are stable: scripts and
        /// saved reports rely on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            /// The catalogue, in the order of rules.md §4.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable code (`budget-sum`).
            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            pub fn severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$sev, )* }
            }

            /// One line on what the rule checks, in Chinese.
            pub fn summary_zh(self) -> &'static str {
                match self { $( Rule::$variant => $zh, )* }
            }

            /// One line on what the rule checks, in English.
            pub fn summary_en(self) -> &'static str {
                match self { $( Rule::$variant => $en, )* }
            }

            /// What the rule checks, in `lang`.
            pub fn summary(self, lang: Lang) -> &'static str {
                lang.pick(self.summary_zh(), self.summary_en())
            }

            /// A short example of what the rule catches, for the help page.
            pub fn example_bad(self) -> &'static str {
                match self { $( Rule::$variant => $bad, )* }
            }

            /// The same example, written well.
            pub fn example_good(self) -> &'static str {
                match self { $( Rule::$variant => $good, )* }
            }

            /// Looks a rule up by its code.
            pub fn from_code(code: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.code() == code)
            }
        }
    };
}

rules! {
    UnitNameMissing = "unit-name-missing", Error,
        "单位名称未填写", "The unit name is missing",
        "单位名称：（空）", "单位名称：天津市科学技术发展战略研究院";
    ProjectMissing = "project-missing", Error,
        "项目名称未填写", "The project name is missing",
        "项目名称：（空）", "项目名称：科技统计信息系统建设和运维";
    BudgetMissing = "budget-missing", Error,
        "预算数未填写", "The budget is missing",
        "预算数：（空）", "预算数：45.00";
    GoalMissing = "goal-missing", Error,
        "至少要有一条绩效目标", "At least one goal is required",
        "绩效目标：（无）", "绩效目标：1.完成三个信息系统的等保测评。";
    GoalEmpty = "goal-empty", Error,
        "绩效目标条目为空", "A goal entry is empty",
        "绩效目标：1.完成测评。 2.（空）", "绩效目标：1.完成测评。";
    BudgetSum = "budget-sum", Error,
        "预算数应等于财政资金与其他资金之和", "The budget must equal fiscal plus other funds",
        "预算数 45.00，财政资金 40.00，其他资金（空）", "预算数 45.00，财政资金 40.00，其他资金 5.00";
    AmountNegative = "amount-negative", Error,
        "金额不能为负数", "An amount is negative",
        "其他资金 -5.00", "其他资金 5.00";
    AmountInvalid = "amount-invalid", Error,
        "金额不是数字", "An amount is not a number",
        "财政资金 四十五万", "财政资金 45.00";
    Level1Missing = "level1-missing", Error,
        "缺少框架要求的一级指标（产出、效益、满意度；2021版另有成本）",
        "A level-1 indicator the framework requires is missing",
        "只有产出指标和效益指标", "产出指标、效益指标、满意度指标齐全";
    Level1Unknown = "level1-unknown", Error,
        "一级指标不属于所选框架", "A level-1 indicator is not in the chosen framework",
        "2020版框架中把“成本指标”作为一级指标", "2020版：产出指标 / 成本指标";
    Level2Mismatch = "level2-mismatch", Error,
        "二级指标不属于其一级指标", "A level-2 indicator does not belong to its level-1",
        "效益指标 / 数量指标", "产出指标 / 数量指标";
    NameMissing = "indicator-name-missing", Error,
        "三级指标没有名称", "An indicator row has no name",
        "三级指标：（空），指标值 ≥3次", "三级指标：调研次数，指标值 ≥3次";
    ValueMissing = "indicator-value-missing", Error,
        "三级指标没有指标值", "An indicator row has no target value",
        "调研次数：（空）", "调研次数：≥12次";
    ValuePlaceholder = "value-placeholder", Error,
        "指标值是模板占位符（如 ≥**%、XX）", "The target value is a template placeholder",
        "服务对象满意度 ≥**%", "服务对象满意度 ≥95%";
    PercentOver100 = "percent-over-100", Error,
        "百分比超过 100%", "A percentage is above 100%",
        "项目按期完成率 105%", "项目按期完成率 100%";
    CostOverBudget = "cost-over-budget", Error,
        "成本指标的金额超过预算数", "A cost indicator exceeds the budget",
        "预算数 45.00 万元，经费总额 ≤50万元", "经费总额 ≤45万元";
    DeadlineAfterEnd = "deadline-after-end", Error,
        "时效指标的日期晚于计划完成日期", "A timeliness date is after the planned end",
        "计划完成 2025-12-31，完成时间 2026年3月底前", "完成时间 2025年12月底前";
    UnitCodeFormat = "unit-code-format", Warning,
        "单位编码应为数字", "The unit code should be digits",
        "单位编码 33I202", "单位编码 331202";
    CostLowerBound = "cost-lower-bound", Warning,
        "成本指标用了 ≥ 或 >（成本应设上限 ≤）", "A cost indicator uses ≥ or > (costs are capped with ≤)",
        "经费总额 ≥45万元", "经费总额 ≤45万元";
    PercentAtLeast100 = "percent-at-least-100", Warning,
        "≥100% 只能是 =100%", "≥100% can only mean =100%",
        "验收合格率 ≥100%", "验收合格率 100%";
    SatisfactionNotPercent = "satisfaction-not-percent", Warning,
        "满意度指标值应为百分比", "A satisfaction target should be a percentage",
        "服务对象满意度 满意", "服务对象满意度 ≥95%";
    SatisfactionLow = "satisfaction-low", Warning,
        "满意度目标低于 80%", "A satisfaction target is below 80%",
        "服务对象满意度 ≥60%", "服务对象满意度 ≥90%";
    SatisfactionNotLowerBound = "satisfaction-not-lower-bound", Warning,
        "满意度应写作下限（≥）", "A satisfaction target should be a lower bound (≥)",
        "服务对象满意度 95%", "服务对象满意度 ≥95%";
    TimelinessBeyondYear = "timeliness-beyond-year", Warning,
        "年度时效指标超过 12 个月", "An annual timeliness target goes beyond 12 months",
        "完成任务时间 ≤18个月", "完成任务时间 ≤12月";
    QuantityQualitative = "quantity-qualitative", Warning,
        "数量指标的指标值是文字（数量必须可计数）", "A quantity indicator has a qualitative value",
        "调研次数 按要求完成", "调研次数 ≥12次";
    CountFractional = "count-fractional", Warning,
        "计数带小数（如 2.5个）", "A count has a fraction",
        "培训场次 2.5场", "培训场次 3场";
    RateWithCount = "rate-with-count-unit", Warning,
        "名称以“率/度”结尾，指标值却是计数单位", "A rate or degree has a count unit",
        "资质达标率 ≥95个", "资质达标率 ≥95%";
    MoneyNameWithoutMoney = "money-name-without-money-unit", Warning,
        "名称含成本/经费/资金，指标值却不是金额", "A cost/funds indicator has no money unit",
        "经费总额 ≤45", "经费总额 ≤45万元";
    OutputDimensionMissing = "output-dimension-missing", Warning,
        "产出指标下缺少数量、质量或时效指标", "Output lacks a quantity, quality or timeliness indicator",
        "产出指标下只有数量指标", "产出指标下有数量、质量、时效指标";
    CostMissing = "cost-missing", Warning,
        "没有成本指标", "There is no cost indicator",
        "没有成本指标", "产出指标 / 成本指标 / 经费总额 ≤45万元";
    DuplicateName = "duplicate-name", Warning,
        "同一二级指标下有重名的三级指标", "Two rows under one level-2 share a name",
        "数量指标下两行“调研次数”", "数量指标下“调研次数”“调研报告数量”";
    MoneyPrecision = "money-precision", Warning,
        "万元金额超过两位小数", "A 万元 amount has more than two decimals",
        "预算数 45.125（万元）", "预算数 45.13（万元）";
    QualityLooksLikeQuantity = "quality-looks-like-quantity", Hint,
        "质量指标写的是数量，可能应放在数量指标下", "A quality indicator counts things: likely a quantity indicator",
        "质量指标 / 印刷年度报告 ≥200册", "数量指标 / 印刷年度报告 ≥200册；质量指标 / 报告审核通过率 100%";
    QualitativeCouldBeNumber = "qualitative-could-be-number", Hint,
        "文字指标值能量化的尽量量化", "A qualitative value could be a number",
        "社会效益 / 科技服务能力 有所提高", "社会效益 / 服务企业数量 ≥500家";
}

/// One thing the author should change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    pub rule: Rule,
    pub place: Place,
    pub message: String,
    pub message_en: String,
}

impl Finding {
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        lang.pick(&self.message, &self.message_en)
    }
}

/// Counts of findings by severity, for summaries and draft lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub hints: usize,
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity() {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Hint => c.hints += 1,
            }
        }
        c
    }
}

/// Checks one table. Findings come in table order: fields first, then the
/// indicator rows, then the table-wide indicator rules.
pub fn check(table: &Table) -> Vec<Finding> {
    let mut out = Findings(Vec::new());
    check_fields(table, &mut out);
    // Each row's 一级/二级 are read once and shared by every rule.
    let kinds: Vec<(Option<Level1>, Option<Level2>)> =
        table.indicators.iter().map(placement).collect();
    let plan_end = table.plan_end.as_deref().and_then(Date::parse);
    for (row, (ind, kind)) in table.indicators.iter().zip(&kinds).enumerate() {
        let val = value::parse(&ind.value);
        check_row(table, row, ind, *kind, &val, plan_end, &mut out);
    }
    check_tree(table, &kinds, &mut out);
    out.0
}

struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, rule: Rule, place: Place, zh: String, en: String) {
        self.0.push(Finding {
            rule,
            place,
            message: zh,
            message_en: en,
        });
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn check_fields(t: &Table, out: &mut Findings) {
    let code = t.unit_code.trim();
    if !code.is_empty() && !code.chars().all(|c| c.is_ascii_digit()) {
        out.add(
            Rule::UnitCodeFormat,
            Place::Field(Field::UnitCode),
            format!("单位编码「{code}」应只含数字，如 331202。"),
            format!("The unit code \"{code}\" should be digits only, e.g. 331202."),
        );
    }
    if blank(&t.unit_name) {
        out.add(
            Rule::UnitNameMissing,
            Place::Field(Field::UnitName),
            "请填写单位名称。".into(),
            "Enter the unit name.".into(),
        );
    }
    if blank(&t.project) {
        out.add(
            Rule::ProjectMissing,
            Place::Field(Field::Project),
            "请填写项目名称。".into(),
            "Enter the project name.".into(),
        );
    }

    let unit = t.money_unit;
    let amounts = [
        (Field::BudgetTotal, &t.budget.total),
        (Field::BudgetFiscal, &t.budget.fiscal),
        (Field::BudgetOther, &t.budget.other),
    ];
    for (field, amount) in amounts
        .into_iter()
        .chain(Some((Field::TotalFunds, &t.total_funds)))
    {
        check_amount(field, amount, unit, out);
    }
    if t.budget.total.is_blank() {
        out.add(
            Rule::BudgetMissing,
            Place::Field(Field::BudgetTotal),
            format!("请填写预算数（单位：{unit}）。"),
            format!("Enter the budget (in {unit})."),
        );
    } else if let Some(diff) = t.budget.difference() {
        if !diff.is_zero() {
            let sum = t.budget.fiscal.or_zero().unwrap_or_default()
                + t.budget.other.or_zero().unwrap_or_default();
            let total = t.budget.total.text();
            let gap = diff.abs().normalize();
            out.add(
                Rule::BudgetSum,
                Place::Field(Field::BudgetTotal),
                format!(
                    "预算数 {total} 不等于财政资金与其他资金之和 {sum}（相差 {gap} {unit}）。请核对三项金额，其他资金没有可留空。"
                ),
                format!(
                    "The budget {total} does not equal fiscal plus other funds, {sum} (off by {gap} {unit}). Check the three amounts; leave other funds blank if there are none."
                ),
            );
        }
    }

    let goals: Vec<&String> = t.goals.iter().collect();
    if goals.iter().all(|g| blank(g)) {
        out.add(
            Rule::GoalMissing,
            Place::Field(Field::Goals),
            "请至少填写一条绩效目标，说明本年度要达到的产出和效果。".into(),
            "Enter at least one goal: what the project will deliver and achieve this year.".into(),
        );
    } else {
        for (i, g) in goals.iter().enumerate() {
            if blank(g) {
                out.add(
                    Rule::GoalEmpty,
                    Place::Goal(i),
                    format!("第 {} 条绩效目标为空：请填写或删除它。", i + 1),
                    format!("Goal {} is empty: fill it in or remove it.", i + 1),
                );
            }
        }
    }
}

fn check_amount(field: Field, amount: &Amount, unit: MoneyUnit, out: &mut Findings) {
    let name = field.label_zh();
    let name_en = field.label_en();
    match amount {
        Amount::Invalid(text) => out.add(
            Rule::AmountInvalid,
            Place::Field(field),
            format!("{name}「{text}」不是数字：请只填写金额数字，如 45.00（单位：{unit}）。"),
            format!("The {name_en} \"{text}\" is not a number: enter digits only, e.g. 45.00 (in {unit})."),
        ),
        Amount::Value(d) if d.is_sign_negative() && !d.is_zero() => out.add(
            Rule::AmountNegative,
            Place::Field(field),
            format!("{name} {d} 是负数：金额不能为负。"),
            format!("The {name_en} {d} is negative: amounts cannot be negative."),
        ),
        Amount::Value(d) if unit == MoneyUnit::Wan && d.scale() > 2 => out.add(
            Rule::MoneyPrecision,
            Place::Field(field),
            format!("{name} {d} 超过两位小数：万元金额请保留两位小数（精确到百元）。"),
            format!("The {name_en} {d} has more than two decimals: keep 万元 amounts to two."),
        ),
        _ => {}
    }
}

/// The official 一级/二级 a row names, if any.
fn placement(ind: &Indicator) -> (Option<Level1>, Option<Level2>) {
    (ind.level1_kind(), ind.level2_kind())
}

fn is_satisfaction(l1: Option<Level1>, l2: Option<Level2>) -> bool {
    l2 == Some(Level2::Satisfaction) || l1 == Some(Level1::Satisfaction)
}

fn framework_name(f: Framework) -> &'static str {
    match f {
        Framework::F2020 => "2020版（财预〔2020〕10号）",
        Framework::F2021 => "2021版（财预〔2021〕101号）",
    }
}

/// How a message names a row: by its name, or by its number when it has
/// none. Formatted only when a finding is made, so clean rows cost nothing.
#[derive(Clone, Copy)]
struct Shown<'a> {
    name: &'a str,
    n: usize,
    en: bool,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.name.is_empty(), self.en) {
            (true, false) => write!(f, "第 {} 行", self.n),
            (true, true) => write!(f, "row {}", self.n),
            (false, false) => write!(f, "「{}」", self.name),
            (false, true) => write!(f, "\"{}\"", self.name),
        }
    }
}

/// Whether a row is a cost indicator (成本指标, 经济成本指标 …).
fn is_cost_row(l1: Option<Level1>, l2: Option<Level2>, ind: &Indicator) -> bool {
    l2.is_some_and(Level2::is_cost) || (l1 == Some(Level1::Cost) && blank(&ind.level2))
}

fn check_row(
    t: &Table,
    row: usize,
    ind: &Indicator,
    (l1, l2): (Option<Level1>, Option<Level2>),
    val: &Value,
    plan_end: Option<Date>,
    out: &mut Findings,
) {
    let at = |column| Place::Indicator { row, column };
    let n = row + 1;
    let fw = t.framework;
    let name = ind.name.trim();
    let shown = Shown { name, n, en: false };
    let shown_en = Shown { name, n, en: true };

    // Placement in the framework.
    match l1 {
        _ if blank(&ind.level1) => out.add(
            Rule::Level1Unknown,
            at(Column::Level1),
            format!("第 {n} 行没有一级指标：请选择 {}。", level1_choices(fw)),
            format!(
                "Row {n} has no level-1 indicator: choose one of {}.",
                level1_choices(fw)
            ),
        ),
        Some(k) if fw.level1s().contains(&k) => {}
        _ => out.add(
            Rule::Level1Unknown,
            at(Column::Level1),
            format!(
                "第 {n} 行的一级指标「{}」不在{}框架中：请改为 {}{}。",
                ind.level1.trim(),
                framework_name(fw),
                level1_choices(fw),
                if l1 == Some(Level1::Cost) {
                    "，或把框架切换为2021版"
                } else {
                    ""
                }
            ),
            format!(
                "Row {n}: level-1 \"{}\" is not in the {} framework: use one of {}.",
                ind.level1.trim(),
                fw.label(),
                level1_choices(fw)
            ),
        ),
    }
    if let Some(k1) = l1.filter(|k| fw.level1s().contains(k)) {
        let allowed = fw.level2s(k1);
        match l2 {
            Some(k2) if allowed.contains(&k2) => {}
            _ => {
                let choices: Vec<&str> = allowed.iter().map(|l| l.name()).collect();
                let what = if blank(&ind.level2) {
                    format!("第 {n} 行没有二级指标")
                } else {
                    format!(
                        "第 {n} 行的二级指标「{}」不属于「{}」",
                        ind.level2.trim(),
                        k1.name()
                    )
                };
                out.add(
                    Rule::Level2Mismatch,
                    at(Column::Level2),
                    format!("{what}：{}下应为 {}。", k1.name(), choices.join("、")),
                    format!(
                        "Row {n}: level-2 \"{}\" does not belong under {}: use one of {}.",
                        ind.level2.trim(),
                        k1.name(),
                        choices.join(", ")
                    ),
                );
            }
        }
    }

    if name.is_empty() {
        out.add(
            Rule::NameMissing,
            at(Column::Name),
            format!("第 {n} 行没有三级指标名称：请写明衡量什么，如“完成任务时间”。"),
            format!("Row {n} has no indicator name: say what is measured."),
        );
    }

    let value_text = ind.value.trim();
    let q = match val {
        Value::Empty => {
            out.add(
                Rule::ValueMissing,
                at(Column::Value),
                format!("{shown}没有指标值：请填写目标值，如 ≥95%、≤12月、3个。"),
                format!("{shown_en} has no target value: enter one, e.g. ≥95%, ≤12月, 3个."),
            );
            None
        }
        Value::Placeholder => {
            out.add(
                Rule::ValuePlaceholder,
                at(Column::Value),
                format!("{shown}的指标值「{value_text}」是模板占位符：请换成实际目标值。"),
                format!("{shown_en}: \"{value_text}\" is a template placeholder: enter the real target."),
            );
            None
        }
        Value::Quantity(q) => Some(q),
        Value::Date { date, .. } => {
            if l2 == Some(Level2::Timeliness) {
                if let Some(end) = plan_end {
                    if date.is_after(end) {
                        out.add(
                            Rule::DeadlineAfterEnd,
                            at(Column::Value),
                            format!("{shown}的完成时间 {date} 晚于计划完成日期 {end}：请提前时效目标或调整计划日期。"),
                            format!("{shown_en}: the deadline {date} is after the planned end {end}."),
                        );
                    }
                }
            }
            None
        }
        Value::Qualitative(_) => {
            if l2 == Some(Level2::Quantity) {
                out.add(
                    Rule::QuantityQualitative,
                    at(Column::Value),
                    format!("数量指标{shown}的指标值「{value_text}」是文字：数量指标要写可计数的目标，如 ≥3次、10个。"),
                    format!("Quantity indicator {shown_en} has the words \"{value_text}\": give a count, e.g. ≥3次."),
                );
            } else if is_satisfaction(l1, l2) {
                out.add(
                    Rule::SatisfactionNotPercent,
                    at(Column::Value),
                    format!("满意度指标{shown}的指标值「{value_text}」是文字：满意度请写成百分比，如 ≥95%。"),
                    format!("Satisfaction {shown_en}: \"{value_text}\" is words; write a percentage, e.g. ≥95%."),
                );
            } else {
                out.add(
                    Rule::QualitativeCouldBeNumber,
                    at(Column::Value),
                    format!("{shown}的指标值「{value_text}」是文字描述：能量化的请量化，如写成比率（≥90%）或数量。"),
                    format!("{shown_en}: \"{value_text}\" is qualitative: quantify it where you can (a rate or a count)."),
                );
            }
            None
        }
    };

    let is_cost = is_cost_row(l1, l2, ind);
    // 社会成本/生态环境成本 may be described in words; money costs may not.
    let is_money_cost =
        is_cost && !matches!(l2, Some(Level2::SocialCost) | Some(Level2::EcologicalCost));
    if let Some(q) = q {
        let shown_value = value_text;
        if q.class == UnitClass::Percent && q.number > Decimal::ONE_HUNDRED {
            out.add(
                Rule::PercentOver100,
                at(Column::Value),
                format!("{shown}的指标值 {shown_value} 超过 100%：百分比最高为 100%，请改正。"),
                format!("{shown_en}: {shown_value} is above 100%: a percentage is at most 100%."),
            );
        }
        if q.class == UnitClass::Percent
            && q.comparison == Comparison::Ge
            && q.number == Decimal::ONE_HUNDRED
        {
            out.add(
                Rule::PercentAtLeast100,
                at(Column::Value),
                format!("{shown}的 {shown_value} 只能是 100%：请写作 =100% 或 100%。"),
                format!("{shown_en}: {shown_value} can only mean 100%: write =100% or 100%."),
            );
        }
        if is_money_cost {
            check_cost(t, shown, shown_en, shown_value, q, &at, out);
        }
        if is_satisfaction(l1, l2) {
            check_satisfaction(shown, shown_en, shown_value, q, &at, out);
        }
        if l2 == Some(Level2::Timeliness) && q.beyond_a_year() {
            out.add(
                Rule::TimelinessBeyondYear,
                at(Column::Value),
                format!("时效指标{shown}的 {shown_value} 超过 12 个月：年度目标应在一年内完成，如 ≤12月。"),
                format!("Timeliness {shown_en}: {shown_value} is beyond 12 months; an annual target fits in a year."),
            );
        }
        if q.class == UnitClass::Count && q.is_fractional() {
            out.add(
                Rule::CountFractional,
                at(Column::Value),
                format!(
                    "{shown}的 {shown_value} 是带小数的计数：{}只能是整数。",
                    q.unit
                ),
                format!(
                    "{shown_en}: {shown_value} is a fractional count; counts are whole numbers."
                ),
            );
        }
        if (name.ends_with('率') || name.ends_with('度')) && q.class == UnitClass::Count {
            out.add(
                Rule::RateWithCount,
                at(Column::Value),
                format!("{shown}是比率/程度，指标值 {shown_value} 却是计数单位：请改为百分比（如 ≥95%），或把名称改为数量。"),
                format!("{shown_en} is a rate but {shown_value} is a count: use a percentage, or rename it."),
            );
        }
        let money_name = ["成本", "经费", "资金"].iter().any(|w| name.contains(w));
        let ratio_name = ["率", "度", "比", "比例", "性"]
            .iter()
            .any(|w| name.ends_with(w));
        if money_name && !ratio_name && !matches!(q.class, UnitClass::Money(_)) {
            out.add(
                Rule::MoneyNameWithoutMoney,
                at(Column::Value),
                format!("{shown}说的是金额，指标值 {shown_value} 却不是金额单位：请写成如 ≤{}{}。", t.budget.total.text().trim(), t.money_unit),
                format!("{shown_en} is about money but {shown_value} has no money unit: write e.g. ≤{}{}.", t.budget.total.text().trim(), t.money_unit),
            );
        }
        if matches!(q.class, UnitClass::Money(s) if s == MoneyUnit::Wan.in_yuan())
            && q.number.scale() > 2
        {
            out.add(
                Rule::MoneyPrecision,
                at(Column::Value),
                format!("{shown}的 {shown_value} 超过两位小数：万元金额请保留两位小数。"),
                format!("{shown_en}: {shown_value} has more than two decimals in 万元."),
            );
        }
        if l2 == Some(Level2::Quality) && q.class == UnitClass::Count {
            let printed = ["份", "册", "篇"].contains(&q.unit.as_str());
            if name.contains("数量") || printed {
                out.add(
                    Rule::QualityLooksLikeQuantity,
                    at(Column::Level2),
                    format!("质量指标{shown}的指标值 {shown_value} 是数量：它可能应放在数量指标下；质量指标宜写合格率、达标率等（如 ≥95%）。"),
                    format!("Quality indicator {shown_en} counts things ({shown_value}): it likely belongs under quantity; quality is a pass rate or standard (e.g. ≥95%)."),
                );
            }
        }
    } else if is_money_cost && matches!(val, Value::Qualitative(_)) {
        out.add(
            Rule::MoneyNameWithoutMoney,
            at(Column::Value),
            format!(
                "成本指标{shown}的指标值「{value_text}」不是金额：成本指标应写金额上限，如 ≤{}{}。",
                t.budget.total.text().trim(),
                t.money_unit
            ),
            format!(
                "Cost indicator {shown_en}: \"{value_text}\" is not an amount: cap it, e.g. ≤{}{}.",
                t.budget.total.text().trim(),
                t.money_unit
            ),
        );
    }
}

fn level1_choices(fw: Framework) -> String {
    fw.level1s()
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join("、")
}

fn check_cost(
    t: &Table,
    shown: Shown,
    shown_en: Shown,
    shown_value: &str,
    q: &value::Quantity,
    at: &dyn Fn(Column) -> Place,
    out: &mut Findings,
) {
    if q.comparison.is_lower_bound() {
        out.add(
            Rule::CostLowerBound,
            at(Column::Value),
            format!(
                "成本指标{shown}用了 {}：成本应设上限，请写作 ≤ 金额。",
                q.comparison.symbol()
            ),
            format!(
                "Cost indicator {shown_en} uses {}: costs are capped, write ≤ amount.",
                q.comparison.symbol()
            ),
        );
    }
    let (Some(value_yuan), Some(total)) = (q.in_yuan(), t.budget.total.decimal()) else {
        return;
    };
    let unit = t.money_unit;
    let Some(budget_yuan) = total.checked_mul(unit.in_yuan()) else {
        return;
    };
    if value_yuan > budget_yuan {
        let in_table_unit = (value_yuan / unit.in_yuan()).normalize();
        out.add(
            Rule::CostOverBudget,
            at(Column::Value),
            format!("成本指标{shown}的 {shown_value}（合 {in_table_unit} {unit}）超过预算数 {total} {unit}：成本不能超过预算，请核对金额和单位。"),
            format!("Cost indicator {shown_en}: {shown_value} ({in_table_unit} {unit}) exceeds the budget of {total} {unit}; check the amount and its unit."),
        );
    }
}

fn check_satisfaction(
    shown: Shown,
    shown_en: Shown,
    shown_value: &str,
    q: &value::Quantity,
    at: &dyn Fn(Column) -> Place,
    out: &mut Findings,
) {
    if q.class != UnitClass::Percent {
        out.add(
            Rule::SatisfactionNotPercent,
            at(Column::Value),
            format!("满意度指标{shown}的 {shown_value} 不是百分比：满意度请写成如 ≥95%。"),
            format!("Satisfaction {shown_en}: {shown_value} is not a percentage; write e.g. ≥95%."),
        );
        return;
    }
    if q.number < Decimal::from(80) {
        out.add(
            Rule::SatisfactionLow,
            at(Column::Value),
            format!("满意度指标{shown}的目标 {shown_value} 低于 80%：满意度目标一般不低于 80%，常见为 ≥90% 或 ≥95%。"),
            format!("Satisfaction {shown_en}: {shown_value} is below 80%; targets are usually ≥90% or ≥95%."),
        );
    }
    let full = q.comparison == Comparison::Eq && q.number == Decimal::ONE_HUNDRED;
    if !q.comparison.is_lower_bound() && !full {
        out.add(
            Rule::SatisfactionNotLowerBound,
            at(Column::Value),
            format!("满意度指标{shown}的 {shown_value} 不是下限：满意度请写作 ≥，如 ≥95%。"),
            format!(
                "Satisfaction {shown_en}: {shown_value} is not a lower bound; write ≥, e.g. ≥95%."
            ),
        );
    }
}

/// Rules about the indicator table as a whole.
fn check_tree(t: &Table, kinds: &[(Option<Level1>, Option<Level2>)], out: &mut Findings) {
    let fw = t.framework;

    for l1 in fw.level1s() {
        if !kinds.iter().any(|(k, _)| *k == Some(*l1)) {
            out.add(
                Rule::Level1Missing,
                Place::Field(Field::Indicators),
                format!(
                    "缺少一级指标「{}」：请至少添加一行{}。",
                    l1.name(),
                    l1.name()
                ),
                format!(
                    "The level-1 indicator {} ({}) is missing: add at least one row.",
                    l1.name(),
                    l1.name_en()
                ),
            );
        }
    }

    let has_output = kinds.iter().any(|(k, _)| *k == Some(Level1::Output));
    if has_output {
        for l2 in [Level2::Quantity, Level2::Quality, Level2::Timeliness] {
            if !kinds.iter().any(|(_, k)| *k == Some(l2)) {
                out.add(
                    Rule::OutputDimensionMissing,
                    Place::Field(Field::Indicators),
                    format!("产出指标下没有「{}」：产出一般从数量、质量、时效三方面设置指标。", l2.name()),
                    format!("Output has no {} indicator ({}): outputs usually cover quantity, quality and timeliness.", l2.name(), l2.name_en()),
                );
            }
        }
    }

    let any_cost = t
        .indicators
        .iter()
        .zip(kinds)
        .any(|(ind, (l1, l2))| is_cost_row(*l1, *l2, ind));
    if !t.indicators.is_empty() && !any_cost {
        let (l1, l2) = fw.translate(Level2::Cost);
        out.add(
            Rule::CostMissing,
            Place::Field(Field::Indicators),
            format!(
                "没有成本指标：请在「{}」下添加「{}」，如 经费总额 ≤{}{}。",
                l1.name(),
                l2.name(),
                t.budget.total.text().trim(),
                t.money_unit
            ),
            format!(
                "There is no cost indicator: add {} under {}, e.g. total funds ≤ the budget.",
                l2.name(),
                l1.name()
            ),
        );
    }

    // Keys borrow from the table: canonical names where official, the
    // written text otherwise.
    type Key<'a> = (Result<Level1, &'a str>, Result<Level2, &'a str>, &'a str);
    let mut seen: HashSet<Key> = HashSet::with_capacity(t.indicators.len());
    for (row, (ind, (l1, l2))) in t.indicators.iter().zip(kinds).enumerate() {
        let name = ind.name.trim();
        if name.is_empty() {
            continue;
        }
        let key = (
            l1.ok_or(ind.level1.trim()),
            l2.ok_or(ind.level2.trim()),
            name,
        );
        if !seen.insert(key) {
            let l2: &str = match l2 {
                Some(k) => k.name(),
                None => ind.level2.trim(),
            };
            out.add(
                Rule::DuplicateName,
                Place::Indicator {
                    row,
                    column: Column::Name,
                },
                format!("「{l2}」下已有名为「{name}」的三级指标：请合并两行，或改名以区分。"),
                format!("\"{name}\" appears twice under {l2}: merge the rows or rename one."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut codes = HashSet::new();
        for r in Rule::ALL {
            assert!(codes.insert(r.code()), "duplicate code {}", r.code());
            assert_eq!(Rule::from_code(r.code()), Some(*r));
            assert!(!r.summary_zh().is_empty() && !r.summary_en().is_empty());
            assert!(!r.example_bad().is_empty());
            assert_ne!(r.example_bad(), r.example_good(), "{}", r.code());
        }
    }

    #[test]
    fn paths_name_the_exchange_keys() {
        assert_eq!(Place::Field(Field::BudgetTotal).path(), "budget.total");
        assert_eq!(
            Place::Indicator {
                row: 3,
                column: Column::Value
            }
            .path(),
            "indicators[3].value"
        );
        assert_eq!(Place::Goal(0).path(), "goals[0]");
    }
}
