//! The fields of the form and their money: the unit and the project are
//! named, every amount is a non-negative number of at most two decimals in
//! 万元 (and in 元, on forms that check it), and the budget is the sum of
//! fiscal and other funds. Fields are named as the table's form names them.

use super::blank;
use super::catalogue::Rule;
use super::finding::Findings;
use super::place::{Field, Place};
use crate::budget::{Amount, MoneyUnit};
use crate::table::Table;

pub(super) fn check_fields(t: &Table, out: &mut Findings) {
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
        Field::BudgetTotal,
        Field::BudgetFiscal,
        Field::BudgetOther,
        Field::TotalFunds,
        Field::Carryover,
        Field::TotalFundsFiscal,
        Field::TotalFundsOther,
    ];
    for field in amounts {
        if let Some(amount) = field.amount(t) {
            check_amount(t, field, amount, unit, out);
        }
    }
    if t.budget.total.is_blank() {
        let label = t.form.label(Field::BudgetTotal);
        out.add(
            Rule::BudgetMissing,
            Place::Field(Field::BudgetTotal),
            format!("请填写{}（单位：{unit}）。", label.zh),
            format!("Enter the {} (in {unit}).", label.en),
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
}

fn check_amount(t: &Table, field: Field, amount: &Amount, unit: MoneyUnit, out: &mut Findings) {
    let label = t.form.label(field);
    let (name, name_en) = (&label.zh, &label.en);
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
        Amount::Value(d) if unit == MoneyUnit::Yuan && d.scale() > 2 => out.add(
            Rule::YuanPrecision,
            Place::Field(field),
            format!("{name} {d} 超过两位小数：元金额请精确到分（两位小数），如 {}。", d.round_dp(2)),
            format!("The {name_en} {d} has more than two decimals: keep 元 amounts to the fen (two), e.g. {}.", d.round_dp(2)),
        ),
        _ => {}
    }
}
