//! The step list beside the form: the sections of the draft's form, where
//! the author is, and how many errors (or warnings) each still has.

use leptos::prelude::*;

use crate::domain::form::Form;
use crate::ui::dom;
use crate::ui::lang::tr;

use super::section::Section;
use super::state::use_editor;

/// The steps of the form, where the author is, and what is left in each.
#[component]
pub fn StepNav(form: Form) -> impl IntoView {
    let editor = use_editor();
    let items = Section::all(form)
        .into_iter()
        .map(|s| {
            let counts = Memo::new(move |_| editor.index.with(|ix| ix.section(s)));
            let started = Memo::new(move |_| editor.table.with(|t| s.started(t)));
            let go = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                editor.current.set(s);
                if s == Section::Summary {
                    editor.reveal_all.set(true);
                }
                dom::go_to_heading(&s.heading_id());
            };
            let status = move || {
                let c = counts.get();
                if c.errors > 0 {
                    view! { <span class="badge error">{format!("{} {}", tr("错误", "Errors"), c.errors)}</span> }.into_any()
                } else if !started.get() {
                    view! { <span class="badge todo">{tr("未填", "Not started")}</span> }.into_any()
                } else if c.warnings > 0 && s != Section::Summary {
                    view! { <span class="badge warning">{format!("{} {}", tr("警告", "Warnings"), c.warnings)}</span> }.into_any()
                } else if s == Section::Summary {
                    view! { <span class="badge ok">{tr("无错误", "No errors")}</span> }.into_any()
                } else {
                    view! { <span class="badge ok">"✓"<span class="visually-hidden">{tr("已完成", "Done")}</span></span> }.into_any()
                }
            };
            view! {
                <li>
                    <a
                        href=format!("#{}", s.id())
                        class:current=move || editor.current.get() == s
                        aria-current=move || (editor.current.get() == s).then_some("step")
                        on:click=go
                    >
                        <span class="step-no">{s.number(form)}</span>
                        <span class="step-title">{s.title(form)}</span>
                        {status}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steps" aria-label=tr("填报步骤", "Steps")>
            <ol>{items}</ol>
        </nav>
    }
}
