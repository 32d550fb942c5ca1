//! The last section of the page: 检查结果, the whole check. Every finding,
//! in table order, its place named as the table's form names it; following
//! one reveals the findings at their fields and moves focus to the one it
//! is about.

use leptos::prelude::*;

use crate::domain::form::Form;
use crate::domain::rules::Finding;
use crate::domain::Bilingual;
use crate::ui::dom;
use crate::ui::lang::{lang, tr};

use super::counts::CountsLine;
use super::help::RuleLink;
use super::section::Section;
use super::severity::severity_class;
use super::state::use_editor;

/// The whole check: counts and every finding; a click moves focus to the
/// field the finding is about.
#[component]
pub fn SummarySection(form: Form) -> impl IntoView {
    let editor = use_editor();
    let counts = Signal::derive(move || editor.index.with(|ix| ix.total));
    // Keyed by the finding itself: when a keystroke changes one finding,
    // only its item is replaced, not the list (hundreds of items in a big
    // table).
    let item = move |f: Finding| {
        let sev = f.severity();
        let place = f.place;
        let go = move |_| {
            editor.reveal_all.set(true);
            let target = editor.dom_id(&place);
            let fallback = Section::of(&place, form).heading_id();
            dom::focus_later(target, Some(fallback));
        };
        view! {
            <li class=format!("finding {}", severity_class(sev))>
                <button type="button" on:click=go>
                    <span class="tag">{sev.text().into_lang(lang())}</span>
                    <span class="where">{form.place_text(&place).into_lang(lang())}</span>
                    <span class="text">{f.text().into_lang(lang())}</span>
                </button>
                <RuleLink rule=f.rule />
            </li>
        }
    };
    let empty = Memo::new(move |_| editor.findings.with(Vec::is_empty));
    let section = Section::Summary;
    view! {
        <section
            id=section.id()
            class="step summary"
            aria-labelledby=section.heading_id()
            // Findings show at their fields once a finding is followed or the
            // step is opened from the list, not on focus: revealing them
            // moves the page under the pointer mid-click.
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
            <p class="summary-counts">
                <CountsLine counts=counts />
                <span class="verdict">
                    {move || {
                        let c = counts.get();
                        if c.errors == 0 {
                            tr(
                                "没有错误，可以提交。警告和提示请酌情修改。",
                                "No errors: the table can be submitted. Look at the warnings and hints.",
                            )
                        } else {
                            tr(
                                "有错误的表不能提交：请逐条修改。点击一条可跳到对应的填写处。",
                                "A table with errors cannot be submitted: fix them one by one. Click one to go to its field.",
                            )
                        }
                    }}
                </span>
            </p>
            <p class="all-clear" hidden=move || !empty.get()>
                {tr("✓ 没有发现问题。", "✓ No problems found.")}
            </p>
            <ol class="findings" hidden=move || empty.get()>
                <For each=move || editor.findings.get() key=|f| f.clone() children=item />
            </ol>
        </section>
    }
}
