//! The cost lines against the money: the upper bounds of the cost rows
//! (印刷费 ≤150000元, 编校费 ≤100000元), added up exactly in 元 whatever unit
//! each is written in, stay within the money the table has.
//!
//! A row that states the whole is the total, not a part: its name says so
//! (经费总额, 项目总成本, 合计 …) or its bound is the budget itself. The
//! parts are added without it; the total alone is held to the budget by
//! `cost-over-budget` (`values.rs`), as is any one part that exceeds it.
//!
//! The money is a [`Cap`], so a form whose limit is another field (上海:
//! 年度资金申请总额) checks its cost lines against that.

use rust_decimal::Decimal;

use super::catalogue::Rule;
use super::finding::Findings;
use super::indicators::{is_cost_row, Kind};
use super::place::{Column, Field, Place};
use super::Measure;
use crate::budget::MoneyUnit;
use crate::framework::Level2;
use crate::table::Table;
use crate::value::{Comparison, UnitClass};

/// The money the cost lines must fit in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cap {
    /// The amount, in `unit`.
    pub(super) amount: Decimal,
    pub(super) unit: MoneyUnit,
    /// The field it is written in, named by the message.
    pub(super) field: Field,
}

impl Cap {
    /// The 预算数 of a table, when it is a number.
    pub(super) fn budget(t: &Table) -> Option<Cap> {
        Some(Cap {
            amount: t.budget.total.decimal()?,
            unit: t.money_unit,
            field: Field::BudgetTotal,
        })
    }
}

/// Words in a 三级 name that make the row the whole rather than a part.
const TOTAL_WORDS: &[&str] = &[
    "总额",
    "总成本",
    "总经费",
    "总费用",
    "总计",
    "合计",
    "小计",
    "全部",
    "项目成本",
    "项目经费",
    "项目资金",
    "预算金额",
    "预算数",
    "预算资金",
];

/// How many parts a message names before it says "and N more".
const NAMED_PARTS: usize = 3;

pub(super) fn check_cost_lines(
    t: &Table,
    kinds: &[Kind],
    measures: &[Option<Measure>],
    cap: Cap,
    out: &mut Findings,
) {
    let Some(cap_yuan) = cap.amount.checked_mul(cap.unit.in_yuan()) else {
        return;
    };
    // (row, bound in 元) of each part.
    let mut parts: Vec<(usize, Decimal)> = Vec::new();
    for (row, ((ind, (l1, l2)), measure)) in
        t.indicators.iter().zip(kinds).zip(measures).enumerate()
    {
        if !is_cost_row(*l1, *l2, ind)
            || matches!(l2, Some(Level2::SocialCost | Level2::EcologicalCost))
        {
            continue;
        }
        let Some(q) = measure else { continue };
        let upper = matches!(
            q.comparison,
            Comparison::Le | Comparison::Lt | Comparison::Eq
        );
        let (true, UnitClass::Money(_), Some(yuan)) = (upper, q.class, q.in_yuan()) else {
            continue;
        };
        let name = ind.name.trim();
        if yuan == cap_yuan || TOTAL_WORDS.iter().any(|w| name.contains(w)) {
            continue;
        }
        if yuan > cap_yuan {
            // One part over the budget is already an error of its own.
            return;
        }
        parts.push((row, yuan));
    }
    if parts.len() < 2 {
        return;
    }
    let Some(sum_yuan) = parts
        .iter()
        .try_fold(Decimal::ZERO, |sum, (_, y)| sum.checked_add(*y))
    else {
        return;
    };
    if sum_yuan <= cap_yuan {
        return;
    }

    let unit = cap.unit;
    let in_unit = |yuan: Decimal| (yuan / unit.in_yuan()).normalize();
    let (sum, over) = (in_unit(sum_yuan), in_unit(sum_yuan - cap_yuan));
    let amount = cap.amount;
    let field = cap.field.label();
    let (names_zh, names_en) = named(t, &parts);
    out.add(
        Rule::CostLinesOverBudget,
        Place::Indicator {
            row: parts[0].0,
            column: Column::Value,
        },
        format!(
            "成本分项{names_zh}的上限合计 {sum} {unit}，超过{} {amount} {unit}（多 {over} {unit}）：请核减分项金额，使合计不超过{}；并核对各行的金额单位（元、万元、亿元）。若其中一行是总额，请把它命名为“经费总额”。",
            field.zh, field.zh
        ),
        format!(
            "The cost lines {names_en} add up to {sum} {unit}, more than the {} of {amount} {unit} (by {over} {unit}): lower them so they fit the {}, and check each row's unit (元, 万元, 亿元). If one row is the total, name it 经费总额.",
            field.en, field.en
        ),
    );
}

/// The parts by name, as the messages list them: 「印刷费」「编校费」 等 4 项.
fn named(t: &Table, parts: &[(usize, Decimal)]) -> (String, String) {
    let mut zh = String::new();
    let mut en = String::new();
    for (k, (row, _)) in parts.iter().take(NAMED_PARTS).enumerate() {
        let name = t.indicators[*row].name.trim();
        let name = if name.is_empty() { "—" } else { name };
        zh.push_str(&format!("「{name}」"));
        if k > 0 {
            en.push_str(", ");
        }
        en.push_str(&format!("\"{name}\""));
    }
    if parts.len() > NAMED_PARTS {
        zh.push_str(&format!("等 {} 项", parts.len()));
        en.push_str(&format!(" and {} more", parts.len() - NAMED_PARTS));
    }
    (zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{finding::Findings, indicators};
    use crate::table::Indicator;

    /// The same lines against another field (as the 上海 form's
    /// 年度资金申请总额 will be): the message names that field.
    #[test]
    fn the_cap_can_be_any_field() {
        let cost =
            |name: &str, value: &str| Indicator::new("产出指标", "成本指标", name, name, value);
        let t = Table {
            money_unit: MoneyUnit::Yuan,
            indicators: vec![cost("印刷费", "≤150000元"), cost("编校费", "≤10万元")],
            ..Table::default()
        };
        let kinds: Vec<Kind> = t.indicators.iter().map(indicators::kind).collect();
        let measures: Vec<Option<Measure>> = t
            .indicators
            .iter()
            .map(|i| crate::value::parse(&i.value).quantity().map(Measure::of))
            .collect();
        let check = |amount: i64| {
            let cap = Cap {
                amount: Decimal::from(amount),
                unit: MoneyUnit::Yuan,
                field: Field::TotalFunds,
            };
            let mut out = Findings(Vec::new(), t.form);
            check_cost_lines(&t, &kinds, &measures, cap, &mut out);
            out.0
        };
        let found = check(200_000);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("超过项目资金总额 200000 元"),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .message_en
                .contains("total project funds of 200000 元"),
            "{}",
            found[0].message_en
        );
        assert!(check(250_000).is_empty());
    }
}
