//! One field of the form outside the indicator rows: a line of text
//! ([`TextField`]) or an amount of the budget ([`AmountField`]), each with
//! its label, its messages and its undo steps.

use leptos::prelude::*;

use crate::domain::budget::Amount;
use crate::domain::rules::{Field, Place};
use crate::domain::Table;
use crate::ui::dom;
use crate::ui::lang::lang;

use super::anchor::field_id;
use super::messages::{described_by, invalid, shown_at, Messages};
use super::state::use_editor;

/// A one-line text field of the table.
#[component]
pub fn TextField(
    field: Field,
    get: fn(&Table) -> &String,
    set: fn(&mut Table) -> &mut String,
    #[prop(optional)] required: bool,
    #[prop(optional)] note: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] inputmode: &'static str,
) -> impl IntoView {
    let editor = use_editor();
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let note_id = format!("{id}-note");
    let has_note = !note.is_empty();
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let id_t = id.clone();
    let note_for_desc = note_id.clone();
    let node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(node, move || editor.table.with(|t| get(t).clone()));
    view! {
        <div class=format!("field {class}")>
            <label for=id.clone()>
                {field.heading().into_lang(lang())}
                {required.then(|| view! { <span class="req" aria-hidden="true">"*"</span> })}
            </label>
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-required=required.then_some("true")
                node_ref=node
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    editor.type_text(&id_t, |t| *set(t) = v);
                }
                on:blur=move |_| editor.touch(&id_a)
                aria-invalid=move || shown.with(|f| invalid(f))
                aria-describedby=move || {
                    let extra: Vec<String> = if has_note { vec![note_for_desc.clone()] } else { vec![] };
                    described_by(&id_b, shown.with(Vec::len), &extra)
                }
            />
            {has_note.then(|| view! { <p class="note" id=note_id.clone()>{note}</p> })}
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}

/// An amount of the budget block. The input keeps what the author types
/// (`45.` while typing `45.00`); the table holds it parsed.
#[component]
pub fn AmountField(
    field: Field,
    get: fn(&Table) -> &Amount,
    set: fn(&mut Table, Amount),
    #[prop(optional)] prefix: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let editor = use_editor();
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let text = RwSignal::new(editor.table.with_untracked(|t| get(t).text()));
    // Follow the table when it changes from elsewhere (another table loaded).
    Effect::new(move |_| {
        let model = editor.table.with(|t| get(t).clone());
        if text.with_untracked(|s| Amount::parse(s)) != model {
            text.set(model.text());
        }
    });
    let unit_id = format!("{id}-unit");
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let id_t = id.clone();
    let unit_for_desc = unit_id.clone();
    let node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(node, move || text.get());
    view! {
        <div class="field amount">
            <span class="prefix" aria-hidden="true">{prefix}</span>
            <label for=id.clone()>
                {field.heading().into_lang(lang())}
                {required.then(|| view! { <span class="req" aria-hidden="true">"*"</span> })}
            </label>
            <span class="with-unit">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-required=required.then_some("true")
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let amount = Amount::parse(&v);
                        text.set(v);
                        editor.type_text(&id_t, |t| set(t, amount));
                    }
                    on:blur=move |_| editor.touch(&id_a)
                    aria-invalid=move || shown.with(|f| invalid(f))
                    aria-describedby=move || described_by(&id_b, shown.with(Vec::len), std::slice::from_ref(&unit_for_desc))
                />
                <span class="unit" id=unit_id>{move || editor.money_unit.get().label()}</span>
            </span>
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}
