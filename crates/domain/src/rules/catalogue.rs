//! The catalogue: every rule the checker knows, with its stable code, its
//! severity, one line on what it checks, and a bad and a good example for
//! the help page. [`Rule::ALL`] lists them; the engine (the other files of
//! this folder) decides when each fires.

use serde::Serialize;

use crate::lang::{Bilingual, Lang, Text};

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
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Severity::Error => ("错误", "error"),
            Severity::Warning => ("警告", "warning"),
            Severity::Hint => ("提示", "hint"),
        }
    }

    /// The name in `lang` (as `self.text().get(lang)`, without allocating).
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = self.names();
        lang.pick(zh, en)
    }
}

impl Bilingual for Severity {
    /// The severity's name: `错误`, `error`.
    fn text(&self) -> Text {
        let (zh, en) = self.names();
        Text::new(zh, en)
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
            /// The catalogue, in the order written: the common rules
            /// (errors, then warnings, then hints), then those of
            /// particular forms. Lists by severity sort it stably, as
            /// `jixiao rules` does.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable code (`budget-sum`).
            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            pub const fn severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$sev, )* }
            }

            /// One line on what the rule checks.
            pub fn summary(self) -> Text {
                match self { $( Rule::$variant => Text::new($zh, $en), )* }
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
    // Reviewers' checks of the table as a whole (rules/costs.rs,
    // rules/coverage.rs, value/).
    NumberOutOfRange = "number-out-of-range", Error,
        "指标值的数字位数过多，无法读作数值", "A target's number has too many digits to read",
        "项目总成本 ≤99999999999999999999999999999万元", "项目总成本 ≤45万元";
    CostLinesOverBudget = "cost-lines-over-budget", Warning,
        "成本分项之和超过预算数", "The cost lines add up to more than the budget",
        "预算数 20.00 万元；印刷费 ≤150000元，编校费 ≤100000元（合计 25 万元）",
        "预算数 20.00 万元；印刷费 ≤120000元，编校费 ≤80000元（合计 20 万元）";
    BenefitRestatesOutput = "benefit-restates-output", Warning,
        "效益指标重复产出指标（把产出当效益）", "A benefit indicator restates an output",
        "产出 / 数量指标 编辑出版年鉴 ≥400册；效益 / 社会效益指标 编辑出版年鉴 ≥400册",
        "产出 / 数量指标 编辑出版年鉴 ≥400册；效益 / 社会效益指标 年鉴服务决策部门和科研单位 ≥200家";
    GoalUnmeasured = "goal-unmeasured", Hint,
        "绩效目标没有指标衡量", "A goal has no indicator that measures it",
        "目标：面向全市科技管理人员开展业务培训500人次；指标中没有培训",
        "目标同上；数量指标 / 培训科技管理人员人次 ≥500人次";
    IndicatorUnrelated = "indicator-unrelated", Hint,
        "指标与各条绩效目标都不相关", "An indicator relates to no goal",
        "目标只讲等保测评；数量指标 / 宣传报道次数 ≥3次",
        "目标：完成等保测评，并宣传报道测评成果；数量指标 / 宣传报道次数 ≥3次";

    // 上海 申报表: rules of the fields other forms add. Only the forms that
    // list a rule in their `adds` check it (crates/domain/src/form/).
    FieldMissing = "field-missing", Error,
        "表式要求的栏目未填写", "A field the form requires is empty",
        "项目性质：（空）", "项目性质：阶段性项目";
    AnnualFundsSum = "annual-funds-sum", Error,
        "年度资金申请总额应等于当年财政拨款、上年结转资金与其他资金之和",
        "The funds requested this year must equal this year's appropriation, the carry-over and other funds",
        "年度资金申请总额 1,200,000.00，当年财政拨款 1,000,000.00，上年结转资金（空）",
        "年度资金申请总额 1,200,000.00，当年财政拨款 1,000,000.00，上年结转资金 200,000.00";
    TotalFundsSum = "total-funds-sum", Error,
        "项目资金总额应等于财政资金与其他资金之和",
        "The total project funds must equal fiscal plus other funds",
        "项目资金总额 5,200,000.00，其中：财政资金 5,000,000.00，其他资金（空）",
        "项目资金总额 5,200,000.00，其中：财政资金 5,000,000.00，其他资金 200,000.00";
    AnnualOverTotal = "annual-over-total", Error,
        "年度资金申请总额超过项目资金总额", "The funds requested this year exceed the total project funds",
        "项目资金总额 1,000,000.00，年度资金申请总额 1,200,000.00",
        "项目资金总额 5,200,000.00，年度资金申请总额 1,200,000.00";
    PlanDateInvalid = "plan-date-invalid", Error,
        "计划开始/完成日期不是日期", "A planned start or end is not a date",
        "计划开始日期 2024年初", "计划开始日期 2024-01-01";
    PlanDatesOrder = "plan-dates-order", Error,
        "计划开始日期晚于计划完成日期", "The planned start is after the planned end",
        "计划开始日期 2026-01-01，计划完成日期 2024-12-31",
        "计划开始日期 2024-01-01，计划完成日期 2026-12-31";
    FieldChoice = "field-choice", Warning,
        "栏目内容不是表式给出的选项", "A field is not one of the form's choices",
        "项目性质：一次性", "项目性质：阶段性项目";
    FormMoneyUnit = "form-money-unit", Warning,
        "金额单位不是表式规定的单位", "The amounts are not in the form's money unit",
        "上海申报表，金额单位 万元，年度资金申请总额 120.00",
        "上海申报表，金额单位 元，年度资金申请总额 1,200,000.00";
    YuanPrecision = "yuan-precision", Warning,
        "元金额超过两位小数（应精确到分）", "A 元 amount has more than two decimals",
        "年度资金申请总额 1200000.005", "年度资金申请总额 1200000.01";
    YearOutsidePlan = "year-outside-plan", Warning,
        "年度不在计划开始至完成的年份之内", "The budget year is outside the planned years",
        "2026年度，计划 2023-01-01 至 2025-12-31", "2026年度，计划 2024-01-01 至 2026-12-31";
    PhasedSpan = "phased-span", Warning,
        "阶段性项目的资金跨年度，计划日期却在同一年内",
        "A phased project's funds span several years but its plan lies within one",
        "阶段性项目，项目资金总额 5,200,000.00 大于年度资金申请总额 1,200,000.00，计划 2026-01-01 至 2026-12-31",
        "阶段性项目，计划 2024-01-01 至 2026-12-31";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut codes = HashSet::new();
        for r in Rule::ALL {
            assert!(codes.insert(r.code()), "duplicate code {}", r.code());
            assert_eq!(Rule::from_code(r.code()), Some(*r));
            let summary = r.summary();
            assert!(!summary.zh.is_empty() && !summary.en.is_empty());
            assert!(!r.example_bad().is_empty());
            assert_ne!(r.example_bad(), r.example_good(), "{}", r.code());
        }
    }

    #[test]
    fn severities_are_named_in_both_languages() {
        assert_eq!(Severity::Error.text(), Text::new("错误", "error"));
        assert_eq!(Severity::Hint.text().en, "hint");
    }
}
