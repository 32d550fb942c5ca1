//! Section 2 of the form: 预算, with the sum checked as the author types.

use leptos::prelude::*;

use crate::domain::rules::Field;
use crate::domain::Lang;
use crate::ui::lang::{lang, tr};

use super::field::AmountField;
use super::frame::SectionFrame;
use super::section::Section;
use super::state::use_editor;

/// Section 2: 预算数 = 财政资金 + 其他资金, checked as the author types.
#[component]
pub fn BudgetSection() -> impl IntoView {
    let editor = use_editor();
    let status = move || {
        editor.table.with(|t| {
            let unit = t.money_unit.label();
            let b = &t.budget;
            if b.total.is_blank() && b.fiscal.is_blank() && b.other.is_blank() {
                return (
                    "pending",
                    tr(
                        "填写预算数和财政资金后，这里核对合计。",
                        "Fill in the budget and the fiscal funds; the sum is checked here.",
                    )
                    .to_string(),
                );
            }
            match b.difference() {
                Some(d) if d.is_zero() => (
                    "ok",
                    match lang() {
                        Lang::Zh => format!(
                            "✓ 合计相符：财政资金 + 其他资金 = 预算数 {} {unit}",
                            b.total.text()
                        ),
                        Lang::En => format!(
                            "✓ The sum matches: fiscal + other funds = budget {} {unit}",
                            b.total.text()
                        ),
                    },
                ),
                Some(d) => {
                    let sum = b.fiscal.or_zero().unwrap_or_default()
                        + b.other.or_zero().unwrap_or_default();
                    let gap = d.abs().normalize();
                    let total = b.total.text();
                    let text = match lang() {
                        Lang::Zh => {
                            let dir = if d.is_sign_positive() { "多" } else { "少" };
                            format!(
                                "✗ 合计不符：财政资金 + 其他资金 = {sum} {unit}，比预算数 {total} {unit} {dir} {gap} {unit}（相差 {gap} {unit}）"
                            )
                        }
                        Lang::En => {
                            let dir = if d.is_sign_positive() { "more" } else { "less" };
                            format!(
                                "✗ The sum does not match: fiscal + other funds = {sum} {unit}, {gap} {unit} {dir} than the budget {total} {unit}"
                            )
                        }
                    };
                    ("bad", text)
                }
                None => (
                    "pending",
                    tr(
                        "预算数和各项资金都是数字时，这里核对合计。",
                        "The sum is checked here once the budget and the funds are numbers.",
                    )
                    .to_string(),
                ),
            }
        })
    };
    view! {
        <SectionFrame section=Section::Budget>
            <div class="grid budget">
                <AmountField
                    field=Field::BudgetTotal
                    get=|t| &t.budget.total
                    set=|t, a| t.budget.total = a
                    required=true
                />
                <AmountField
                    field=Field::BudgetFiscal
                    get=|t| &t.budget.fiscal
                    set=|t, a| t.budget.fiscal = a
                    prefix=tr("其中：", "of which:")
                />
                <AmountField
                    field=Field::BudgetOther
                    get=|t| &t.budget.other
                    set=|t, a| t.budget.other = a
                />
            </div>
            <p
                id="budget-sum"
                class=move || format!("sum-check {}", status().0)
                aria-live="polite"
            >
                {move || status().1}
            </p>
            <p class="note">{tr("其他资金没有可留空（按 0 计）。", "Leave other funds empty if there are none (counts as 0).")}</p>
        </SectionFrame>
    }
}
