//! Section 3 of the form: 资金用途.

use leptos::prelude::*;

use crate::domain::rules::{Field, Place};
use crate::ui::dom;
use crate::ui::lang::lang;

use super::anchor::field_id;
use super::frame::SectionFrame;
use super::messages::{described_by, invalid, shown_at, Messages};
use super::section::Section;
use super::state::use_editor;

/// Section 3: 资金用途.
#[component]
pub fn PurposeSection() -> impl IntoView {
    let editor = use_editor();
    let id = field_id(Field::Purpose);
    let shown = shown_at(id.clone(), Place::Field(Field::Purpose));
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let id_t = id.clone();
    let node = NodeRef::<leptos::html::Textarea>::new();
    dom::bind_value(node, move || editor.table.with(|t| t.purpose.clone()));
    view! {
        <SectionFrame section=Section::Purpose>
            <div class="field full">
                <label for=id.clone()>{Field::Purpose.heading().into_lang(lang())}</label>
                <textarea
                    id=id
                    rows="4"
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        editor.type_text(&id_t, |t| t.purpose = v);
                    }
                    on:blur=move |_| editor.touch(&id_a)
                    aria-invalid=move || shown.with(|f| invalid(f))
                    aria-describedby=move || described_by(&id_b, shown.with(Vec::len), &[])
                ></textarea>
                <Messages dom_id=id_c findings=shown />
            </div>
        </SectionFrame>
    }
}
