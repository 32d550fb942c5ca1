//! Amounts: one amount field ([`AmountField`]), and the line under a total
//! and its parts that checks their sum as the author types ([`SumCheck`]:
//! 预算数 = 财政资金 + 其他资金 on the Tianjin table; 项目资金总额 and
//! 年度资金申请总额 with theirs on the 上海 申报表). Which fields are parts of
//! which total is the form's data ([`FieldSpec::part_of`]).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::budget::Amount;
use crate::domain::form::{FieldSpec, Form};
use crate::domain::lang::group_thousands;
use crate::domain::rules::{Field, Place};
use crate::domain::{Lang, Table};
use crate::ui::dom;
use crate::ui::lang::{lang, tr};

use super::anchor::field_id;
use super::field::{size_class, FieldLabel};
use super::messages::{described_by, invalid, shown_at, Messages};
use super::state::use_editor;

/// An amount as the form prints it: grouped in thousands where it does
/// (`5,200,000.00`), else as written.
fn shown(form: Form, amount: &Amount) -> String {
    match amount {
        Amount::Value(_) if form.spec().grouped_amounts => group_thousands(&amount.text()),
        _ => amount.text(),
    }
}

/// A number as the form prints amounts.
fn number(form: Form, d: Decimal) -> String {
    shown(form, &Amount::Value(d))
}

/// The parts of `total` on `form`, in its order.
pub fn parts_of(form: Form, total: Field) -> Vec<&'static FieldSpec> {
    form.fields().filter(|f| f.part_of == Some(total)).collect()
}

/// A part's label without the form's `其中：` (the sum line says it).
fn part_name(spec: &FieldSpec) -> &'static str {
    spec.zh.trim_start_matches("其中：")
}

/// The same in English, mid-sentence.
fn part_name_en(spec: &FieldSpec) -> &'static str {
    spec.en.trim_start_matches("of which ")
}

/// An amount of the table. The input keeps what the author types (`45.`
/// while typing `45.00`); the table holds it parsed. The first part of a
/// total reads `其中：` in front, as on paper, unless its label says it.
#[component]
pub fn AmountField(form: Form, spec: &'static FieldSpec) -> impl IntoView {
    let editor = use_editor();
    let field = spec.field;
    let id = field_id(field);
    let shown_findings = shown_at(id.clone(), Place::Field(field));
    let model = move |t: &Table| field.amount(t).cloned().unwrap_or_default();
    let text = RwSignal::new(editor.table.with_untracked(|t| shown(form, &model(t))));
    // Follow the table when it changes from elsewhere (another table loaded).
    Effect::new(move |_| {
        let now = editor.table.with(model);
        if text.with_untracked(|s| Amount::parse(s)) != now {
            text.set(shown(form, &now));
        }
    });
    let first_part = spec.part_of.is_some_and(|total| {
        parts_of(form, total)
            .first()
            .is_some_and(|p| p.field == field)
    });
    let prefix = (first_part && !spec.zh.starts_with("其中")).then(|| tr("其中：", "of which:"));
    let unit_id = format!("{id}-unit");
    let (id_a, id_b, id_c, id_t) = (id.clone(), id.clone(), id.clone(), id.clone());
    let unit_for_desc = unit_id.clone();
    let node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(node, move || text.get());
    let placeholder = (!spec.example.is_empty()).then(|| match lang() {
        Lang::Zh => format!("如 {}", spec.example),
        Lang::En => format!("e.g. {}", spec.example),
    });
    view! {
        <div class=format!("field amount {}", size_class(spec))>
            <span class="prefix" aria-hidden="true">{prefix}</span>
            <FieldLabel form=form spec=spec for_id=id.clone() />
            <span class="with-unit">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    placeholder=placeholder
                    aria-required=spec.required.then_some("true")
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        text.set(v.clone());
                        editor.type_text(&id_t, |t| field.set_text(t, &v));
                    }
                    on:blur=move |_| editor.touch(&id_a)
                    aria-invalid=move || shown_findings.with(|f| invalid(f))
                    aria-describedby=move || described_by(&id_b, shown_findings.with(Vec::len), std::slice::from_ref(&unit_for_desc))
                />
                <span class="unit" id=unit_id>{move || editor.money_unit.get().label()}</span>
            </span>
            <Messages dom_id=id_c findings=shown_findings />
        </div>
    }
}

/// The element id of the sum line under `total` (`budget-sum` under 预算数).
pub fn sum_id(total: Field) -> String {
    match total {
        Field::BudgetTotal => "budget-sum".into(),
        f => format!("{}-sum", field_id(f)),
    }
}

/// Whether the sum of `total`'s parts matches it: the class and the words.
fn status(t: &Table, total: Field) -> (&'static str, String) {
    let form = t.form;
    let l = lang();
    let parts = parts_of(form, total);
    let whole = total.amount(t).cloned().unwrap_or_default();
    let unit = t.money_unit.label();
    let total_name = form.own_label(total);
    let (total_zh, total_en) = (total_name.zh.to_string(), total_name.en.to_string());
    let names: Vec<&str> = parts.iter().map(|p| part_name(p)).collect();
    let joined = names.join(" + ");
    let amounts: Vec<Amount> = parts
        .iter()
        .map(|p| p.field.amount(t).cloned().unwrap_or_default())
        .collect();
    if whole.is_blank() && amounts.iter().all(Amount::is_blank) {
        let first = names.first().copied().unwrap_or_default();
        let first_en = parts.first().map(|p| part_name_en(p)).unwrap_or_default();
        return (
            "pending",
            match l {
                Lang::Zh => format!("填写{total_zh}和{first}后，这里核对合计。"),
                Lang::En => {
                    format!("Fill in the {total_en} and the {first_en}; the sum is checked here.")
                }
            },
        );
    }
    let sum: Option<Decimal> = amounts.iter().map(Amount::or_zero).sum();
    let (Some(value), Some(sum)) = (whole.decimal(), sum) else {
        return (
            "pending",
            match l {
                Lang::Zh => format!("{total_zh}和各项资金都是数字时，这里核对合计。"),
                Lang::En => format!(
                    "The sum is checked here once the {total_en} and the funds are numbers."
                ),
            },
        );
    };
    let total_text = shown(form, &whole);
    let d = sum - value;
    if d.is_zero() {
        return (
            "ok",
            match l {
                Lang::Zh => format!("✓ 合计相符：{joined} = {total_zh} {total_text} {unit}"),
                Lang::En => {
                    let parts_en: Vec<&str> = parts.iter().map(|p| part_name_en(p)).collect();
                    format!(
                        "✓ The sum matches: {} = {total_en} {total_text} {unit}",
                        parts_en.join(" + ")
                    )
                }
            },
        );
    }
    let gap = number(form, d.abs().normalize());
    let sum_text = number(form, sum);
    let text = match l {
        Lang::Zh => {
            let dir = if d.is_sign_positive() { "多" } else { "少" };
            format!(
                "✗ 合计不符：{joined} = {sum_text} {unit}，比{total_zh} {total_text} {unit} {dir} {gap} {unit}（相差 {gap} {unit}）"
            )
        }
        Lang::En => {
            let dir = if d.is_sign_positive() { "more" } else { "less" };
            let parts_en: Vec<&str> = parts.iter().map(|p| part_name_en(p)).collect();
            format!(
                "✗ The sum does not match: {} = {sum_text} {unit}, {gap} {unit} {dir} than the {total_en} {total_text} {unit}",
                parts_en.join(" + ")
            )
        }
    };
    ("bad", text)
}

/// The line under a total and its parts, checked as the author types.
#[component]
pub fn SumCheck(total: Field) -> impl IntoView {
    let editor = use_editor();
    let status = Memo::new(move |_| editor.table.with(|t| status(t, total)));
    view! {
        <p
            id=sum_id(total)
            class=move || format!("sum-check {}", status.with(|s| s.0))
            aria-live="polite"
        >
            {move || status.with(|s| s.1.clone())}
        </p>
    }
}

/// The note under a block of amounts with parts.
pub fn blank_parts_note() -> &'static str {
    tr(
        "其中各项没有的可留空（按 0 计）。",
        "Leave a part empty if there is none (counts as 0).",
    )
}
