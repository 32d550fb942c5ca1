//! The frame every section of the form is drawn in: its number and title.

use leptos::prelude::*;

use crate::domain::form::Form;

use super::section::Section;
use super::state::use_editor;

/// A numbered section of the page with its heading. (Not a named region:
/// its name would repeat a field's, e.g. 资金用途, and make "the control
/// named 资金用途" ambiguous; only 检查结果 is a region.)
#[component]
pub fn SectionFrame(section: Section, form: Form, children: Children) -> impl IntoView {
    let editor = use_editor();
    view! {
        <section
            id=section.id()
            class="step"
            on:focusin=move |_| {
                if editor.current.get_untracked() != section {
                    editor.current.set(section);
                }
            }
        >
            <h2 id=section.heading_id() tabindex="-1">
                <span class="step-no">{section.number(form)}</span>
                {section.title(form)}
            </h2>
            {children()}
        </section>
    }
}
