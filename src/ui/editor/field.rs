//! One field of the form outside the indicator rows, drawn from the form's
//! data ([`FieldSpec`]: label, kind, required, example): a line of text, a
//! date or year, a choice, running text or the money unit (amounts are in
//! `amount.rs`, the numbered goals in `goals.rs`; `group.rs` picks by
//! kind), each with its label, its messages and its undo steps.
//!
//! The input's accessible name is the form's name of the field
//! ([`Form::heading`]): where two fields of a form share a label (其他资金)
//! the visible label is the printed one and the name puts the total in
//! front (behind, in English), in text only screen readers read.

use leptos::prelude::*;

use crate::domain::budget::MoneyUnit;
use crate::domain::form::{FieldSpec, Form, Kind};
use crate::domain::lang::capitalized;
use crate::domain::rules::{Field, Place};
use crate::domain::Lang;
use crate::ui::dom;
use crate::ui::lang::{lang, tr};

use super::anchor::field_id;
use super::messages::{described_by, invalid, shown_at, Messages};
use super::state::use_editor;

/// How wide a field is drawn (a class of `.fields`).
pub fn size_class(spec: &FieldSpec) -> &'static str {
    match spec.kind {
        Kind::Line if spec.field == Field::UnitCode => "size-s",
        Kind::Line => "size-l",
        Kind::Date | Kind::Year | Kind::Choice(_) => "size-s",
        Kind::MoneyUnit => "size-xs",
        Kind::Amount => "size-m",
        Kind::Paragraph | Kind::Goals => "size-full",
    }
}

/// A field's label: the form's label as printed, with the total in front
/// (or behind, in English) for screen readers where the label is shared;
/// `*` for a required field.
#[component]
pub fn FieldLabel(form: Form, spec: &'static FieldSpec, for_id: String) -> impl IntoView {
    let l = lang();
    let full = form.heading(spec.field).get(l).to_string();
    let own = match l {
        Lang::Zh => spec.zh.to_string(),
        Lang::En => capitalized(spec.en),
    };
    // The total goes in front in Chinese, behind in English.
    let found = match l {
        Lang::Zh => full.rfind(&own),
        Lang::En => full.find(&own),
    };
    let (before, shown, after) = match found {
        Some(at) => (
            full[..at].to_string(),
            own.clone(),
            full[at + own.len()..].to_string(),
        ),
        None => (String::new(), full.clone(), String::new()),
    };
    let hidden =
        |s: String| (!s.is_empty()).then(|| view! { <span class="visually-hidden">{s}</span> });
    view! {
        <label for=for_id>
            {hidden(before)}
            {shown}
            {hidden(after)}
            {spec.required.then(|| view! { <span class="req" aria-hidden="true">"*"</span> })}
        </label>
    }
}

/// What a field asks of the author beyond its label: a note under it, and
/// the keyboard a phone shows.
fn hints(spec: &FieldSpec) -> (Option<&'static str>, Option<&'static str>) {
    match (spec.field, spec.kind) {
        (Field::UnitCode, _) => (
            Some(tr("数字，如 331202", "Digits, e.g. 331202")),
            Some("numeric"),
        ),
        (_, Kind::Year) => (None, Some("numeric")),
        _ => (None, None),
    }
}

/// `如 2024-01-01`: a placeholder from the form's example.
fn placeholder(spec: &FieldSpec) -> Option<String> {
    (!spec.example.is_empty()).then(|| match lang() {
        Lang::Zh => format!("如 {}", spec.example),
        Lang::En => format!("e.g. {}", spec.example),
    })
}

/// A line of text, a date as written (`2024-01-01`, `2026/1/1`) or a year.
#[component]
pub fn LineField(form: Form, spec: &'static FieldSpec) -> impl IntoView {
    let editor = use_editor();
    let field = spec.field;
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let (note, inputmode) = hints(spec);
    let note_id = format!("{id}-note");
    let (id_a, id_b, id_c, id_t) = (id.clone(), id.clone(), id.clone(), id.clone());
    let note_for_desc = note_id.clone();
    let node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(node, move || editor.table.with(|t| field.text(t)));
    view! {
        <div class=format!("field {}", size_class(spec))>
            <FieldLabel form=form spec=spec for_id=id.clone() />
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                inputmode=inputmode
                placeholder=if note.is_none() { placeholder(spec) } else { None }
                aria-required=spec.required.then_some("true")
                node_ref=node
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    editor.type_text(&id_t, |t| field.set_text(t, &v));
                }
                on:blur=move |_| editor.touch(&id_a)
                aria-invalid=move || shown.with(|f| invalid(f))
                aria-describedby=move || {
                    let extra: Vec<String> = note.map(|_| note_for_desc.clone()).into_iter().collect();
                    described_by(&id_b, shown.with(Vec::len), &extra)
                }
            />
            {note.map(|n| view! { <p class="note" id=note_id.clone()>{n}</p> })}
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}

/// Running text (资金用途, 项目总目标).
#[component]
pub fn ParagraphField(form: Form, spec: &'static FieldSpec) -> impl IntoView {
    let editor = use_editor();
    let field = spec.field;
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let (id_a, id_b, id_c, id_t) = (id.clone(), id.clone(), id.clone(), id.clone());
    let node = NodeRef::<leptos::html::Textarea>::new();
    dom::bind_value(node, move || editor.table.with(|t| field.text(t)));
    view! {
        <div class=format!("field {}", size_class(spec))>
            <FieldLabel form=form spec=spec for_id=id.clone() />
            <textarea
                id=id
                rows="4"
                aria-required=spec.required.then_some("true")
                node_ref=node
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    editor.type_text(&id_t, |t| field.set_text(t, &v));
                }
                on:blur=move |_| editor.touch(&id_a)
                aria-invalid=move || shown.with(|f| invalid(f))
                aria-describedby=move || described_by(&id_b, shown.with(Vec::len), &[])
            ></textarea>
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}

/// One of the form's words (项目性质: 阶段性项目 or 经常性项目). A word the
/// table holds that is not one of them (an imported one) stays, as an
/// option of its own, for `field-choice` to point at.
#[component]
pub fn ChoiceField(
    form: Form,
    spec: &'static FieldSpec,
    words: &'static [&'static str],
) -> impl IntoView {
    let editor = use_editor();
    let field = spec.field;
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let current = Memo::new(move |_| editor.table.with(|t| field.text(t)));
    let options = move || {
        let now = current.get();
        let other = (!now.is_empty() && !words.contains(&now.as_str())).then(|| now.clone());
        std::iter::once((String::new(), tr("请选择…", "Choose…").to_string()))
            .chain(words.iter().map(|w| (w.to_string(), w.to_string())))
            .chain(other.map(|o| (o.clone(), o)))
            .map(|(value, label)| {
                let selected = value == now;
                view! { <option value=value prop:selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class=format!("field {}", size_class(spec))>
            <FieldLabel form=form spec=spec for_id=id.clone() />
            <select
                id=id
                aria-required=spec.required.then_some("true")
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    editor.update(|t| field.set_text(t, &v));
                }
                on:blur=move |_| editor.touch(&id_a)
                aria-invalid=move || shown.with(|f| invalid(f))
                aria-describedby=move || described_by(&id_b, shown.with(Vec::len), &[])
            >
                {options}
            </select>
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}

/// 金额单位: every amount of the table is in it.
#[component]
pub fn MoneyUnitField(form: Form, spec: &'static FieldSpec) -> impl IntoView {
    let editor = use_editor();
    let id = field_id(spec.field);
    let shown = shown_at(id.clone(), Place::Field(spec.field));
    let (id_b, id_c) = (id.clone(), id.clone());
    view! {
        <div class=format!("field unit-select {}", size_class(spec))>
            <FieldLabel form=form spec=spec for_id=id.clone() />
            <select
                id=id
                on:change=move |ev| {
                    if let Some(u) = MoneyUnit::parse(&event_target_value(&ev)) {
                        editor.update(|t| t.money_unit = u);
                    }
                }
                aria-invalid=move || shown.with(|f| invalid(f))
                aria-describedby=move || described_by(&id_b, shown.with(Vec::len), &[])
            >
                {MoneyUnit::ALL
                    .iter()
                    .map(|&u| {
                        view! {
                            <option value=u.label() prop:selected=move || editor.money_unit.get() == u>
                                {u.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="note">{tr("表中所有金额都用这个单位", "Every amount in the table is in this unit (万元 = 10,000 yuan)")}</p>
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}
