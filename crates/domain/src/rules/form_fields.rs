//! What a form asks of its fields (`crates/domain/src/form/`): the fields
//! it requires are filled, a field with choices holds one of them, the
//! amounts are in its money unit; and the two money blocks of the 上海
//! 申报表: 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金,
//! 项目资金总额 = 财政资金 + 其他资金, and the year's request within the
//! project's total. A blank part counts as 0; a part that is no number is
//! left to `amount-invalid`.

use rust_decimal::Decimal;

use super::catalogue::Rule;
use super::finding::Findings;
use super::place::{Field, Place};
use crate::budget::Amount;
use crate::form::Kind;
use crate::lang::group_thousands;
use crate::table::Table;

pub(super) fn check_form_fields(t: &Table, out: &mut Findings) {
    let form = t.form;
    for spec in form.fields() {
        let label = form.label(spec.field);
        let filled = spec.field.is_filled(t);
        // These have rules of their own (project-missing, budget-missing,
        // goal-missing, unit-name-missing).
        let own_rule = matches!(
            spec.field,
            Field::Project | Field::BudgetTotal | Field::Goals | Field::UnitName
        );
        if spec.required && !filled && !own_rule {
            let e = spec.example;
            let (eg, eg_en) = if e.is_empty() {
                (String::new(), String::new())
            } else {
                (format!("，如 {e}"), format!(", e.g. {e}"))
            };
            out.add(
                Rule::FieldMissing,
                Place::Field(spec.field),
                format!("请填写{}{eg}。", label.zh),
                format!("Enter the {}{eg_en}.", label.en),
            );
        }
        if let Kind::Choice(words) = spec.kind {
            let text = spec.field.text(t);
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            if filled && !words.contains(&squeezed.as_str()) {
                let choices = words.join("、");
                out.add(
                    Rule::FieldChoice,
                    Place::Field(spec.field),
                    format!(
                        "{}「{}」不是表式给出的选项：请填写 {choices} 之一。",
                        label.zh,
                        text.trim()
                    ),
                    format!(
                        "The {} \"{}\" is not one of the form's choices: use one of {choices}.",
                        label.en,
                        text.trim()
                    ),
                );
            }
        }
    }

    let spec = form.spec();
    if spec.fixed_money_unit && t.money_unit != spec.money_unit {
        let (want, have) = (spec.money_unit, t.money_unit);
        let name = &spec.name;
        out.add(
            Rule::FormMoneyUnit,
            Place::Field(Field::MoneyUnit),
            format!("{}的金额以{want}为单位，本表却是{have}：请把各项金额换算为{want}（切换到该表式时会自动换算）。", name.zh),
            format!("The {} is written in {want}, but this table is in {have}: convert every amount to {want} (switching to the form converts them)."
                , name.en),
        );
    }

    check_sum(
        t,
        Rule::AnnualFundsSum,
        Field::BudgetTotal,
        &[Field::BudgetFiscal, Field::Carryover, Field::BudgetOther],
        out,
    );
    check_sum(
        t,
        Rule::TotalFundsSum,
        Field::TotalFunds,
        &[Field::TotalFundsFiscal, Field::TotalFundsOther],
        out,
    );
    if let (Some(year), Some(total)) = (t.budget.total.decimal(), t.total_funds.decimal()) {
        if year > total {
            let (y, all) = (
                form.label(Field::BudgetTotal),
                form.label(Field::TotalFunds),
            );
            let (ys, ts) = (shown(t, &t.budget.total), shown(t, &t.total_funds));
            out.add(
                Rule::AnnualOverTotal,
                Place::Field(Field::BudgetTotal),
                format!("{} {ys} 超过{} {ts}：当年申请的资金不能多于项目全部年度的资金，请核对两项金额。", y.zh, all.zh),
                format!("The {} {ys} exceeds the {} {ts}: a year cannot ask for more than the whole project; check both amounts.", y.en, all.en),
            );
        }
    }
}

/// An amount as a message shows it: grouped in thousands where the form
/// prints it so (`5,200,000.00`).
fn shown(t: &Table, amount: &Amount) -> String {
    let text = amount.text();
    if t.form.spec().grouped_amounts {
        group_thousands(&text)
    } else {
        text
    }
}

/// `total` = the sum of `parts`, when `total` is a number and every part a
/// number or blank.
fn check_sum(t: &Table, rule: Rule, total: Field, parts: &[Field], out: &mut Findings) {
    if !t.form.checks(rule) {
        return;
    }
    let Some(whole) = total.amount(t).and_then(Amount::decimal) else {
        return;
    };
    let mut sum = Decimal::ZERO;
    for part in parts {
        match part.amount(t).and_then(Amount::or_zero) {
            Some(d) => sum += d,
            None => return,
        }
    }
    if sum == whole {
        return;
    }
    let form = t.form;
    let name = form.label(total);
    let names: Vec<_> = parts.iter().map(|p| form.own_label(*p)).collect();
    let zh: Vec<&str> = names.iter().map(|n| n.zh.as_ref()).collect();
    let en: Vec<&str> = names.iter().map(|n| n.en.as_ref()).collect();
    let unit = t.money_unit;
    let whole_shown = shown(t, total.amount(t).unwrap_or(&Amount::Blank));
    let sum_shown = shown(t, &Amount::Value(sum));
    let gap = shown(t, &Amount::Value((sum - whole).abs().normalize()));
    out.add(
        rule,
        Place::Field(total),
        format!(
            "{} {whole_shown} 不等于{}之和 {sum_shown}（相差 {gap} {unit}）：请核对各项金额，没有的可留空。",
            name.zh,
            zh.join("、")
        ),
        format!(
            "The {} {whole_shown} does not equal {}, {sum_shown} together (off by {gap} {unit}): check the amounts; leave blank what there is none of.",
            name.en,
            en.join(" + ")
        ),
    );
}
