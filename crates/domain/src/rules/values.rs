//! The 指标值 of each row, read once by the parser in `crate::value`:
//! there is a target and it is not a template placeholder; percentages stay
//! within 100%; deadlines fall before the planned end; quantities are
//! counted; costs are capped within the budget; satisfaction is a lower
//! bound of at least 80%; units agree with the indicator's name.

use rust_decimal::Decimal;

use super::catalogue::Rule;
use super::finding::Findings;
use super::indicators::{is_cost_row, is_satisfaction, Row, Shown};
use super::place::{Column, Field, Place};
use crate::budget::MoneyUnit;
use crate::framework::Level2;
use crate::table::Table;
use crate::value::{self, Comparison, Date, UnitClass, Value};

/// The rules on a row's value `val` (its 指标值, parsed).
pub(super) fn check_value(
    t: &Table,
    r: &Row,
    val: &Value,
    plan_end: Option<Date>,
    out: &mut Findings,
) {
    let Row {
        index: row,
        ind,
        level1: l1,
        level2: l2,
        name,
    } = *r;
    let at = |column| Place::Indicator { row, column };
    let (shown, shown_en) = r.shown();

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
        // The year's budget (年度资金申请总额 on the 上海 form), never a
        // multi-year total.
        let budget = t.form.label(Field::BudgetTotal);
        let (budget, budget_en) = (&budget.zh, &budget.en);
        out.add(
            Rule::CostOverBudget,
            at(Column::Value),
            format!("成本指标{shown}的 {shown_value}（合 {in_table_unit} {unit}）超过{budget} {total} {unit}：成本不能超过预算，请核对金额和单位。"),
            format!("Cost indicator {shown_en}: {shown_value} ({in_table_unit} {unit}) exceeds the {budget_en} of {total} {unit}; check the amount and its unit."),
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
