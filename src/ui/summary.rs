//! Section 6 (检查结果) and the section navigation with per-section counts.

use leptos::prelude::*;

use crate::domain::rules::Counts;

use super::dom;
use super::fields::severity_class;
use super::state::{use_editor, Section};

/// "错误 0 · 警告 1 · 提示 2", each count labelled in words.
#[component]
pub fn CountsLine(counts: Signal<Counts>) -> impl IntoView {
    view! {
        <span class="counts">
            <span class=move || { if counts.get().errors > 0 { "count error" } else { "count zero" } }>
                "错误 "<b>{move || counts.get().errors}</b>
            </span>
            <span class=move || { if counts.get().warnings > 0 { "count warning" } else { "count zero" } }>
                "警告 "<b>{move || counts.get().warnings}</b>
            </span>
            <span class=move || { if counts.get().hints > 0 { "count hint" } else { "count zero" } }>
                "提示 "<b>{move || counts.get().hints}</b>
            </span>
        </span>
    }
}

/// The whole check: counts and every finding; a click moves focus to the
/// field the finding is about.
#[component]
pub fn SummarySection() -> impl IntoView {
    let editor = use_editor();
    let counts = Signal::derive(move || editor.index.with(|ix| ix.total));
    let items = move || {
        editor
            .findings
            .get()
            .into_iter()
            .map(|f| {
                let sev = f.severity();
                let place = f.place;
                let go = move |_| {
                    editor.reveal_all.set(true);
                    let target = editor.dom_id(&place);
                    let fallback = Section::of(&place).heading_id();
                    dom::focus_later(target, Some(fallback));
                };
                view! {
                    <li class=format!("finding {}", severity_class(sev))>
                        <button type="button" on:click=go>
                            <span class="tag">{sev.label_zh()}</span>
                            <span class="where">{place.label_zh()}</span>
                            <span class="text">{f.message}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
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
                <span class="step-no">{section.number()}</span>
                {section.title()}
            </h2>
            <p class="summary-counts">
                <CountsLine counts=counts />
                <span class="verdict">
                    {move || {
                        let c = counts.get();
                        if c.errors == 0 {
                            "没有错误，可以提交。警告和提示请酌情修改。"
                        } else {
                            "有错误的表不能提交：请逐条修改。点击一条可跳到对应的填写处。"
                        }
                    }}
                </span>
            </p>
            {move || {
                let empty = editor.findings.with(Vec::is_empty);
                if empty {
                    view! { <p class="all-clear">"✓ 没有发现问题。"</p> }.into_any()
                } else {
                    view! { <ol class="findings">{items()}</ol> }.into_any()
                }
            }}
        </section>
    }
}

/// The steps of the form, where the author is, and what is left in each.
#[component]
pub fn StepNav() -> impl IntoView {
    let editor = use_editor();
    let items = Section::ALL
        .iter()
        .map(|&s| {
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
                    view! { <span class="badge error">{format!("错误 {}", c.errors)}</span> }.into_any()
                } else if !started.get() {
                    view! { <span class="badge todo">"未填"</span> }.into_any()
                } else if c.warnings > 0 && s != Section::Summary {
                    view! { <span class="badge warning">{format!("警告 {}", c.warnings)}</span> }.into_any()
                } else if s == Section::Summary {
                    view! { <span class="badge ok">"无错误"</span> }.into_any()
                } else {
                    view! { <span class="badge ok">"✓"<span class="visually-hidden">"已完成"</span></span> }.into_any()
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
                        <span class="step-no">{s.number()}</span>
                        <span class="step-title">{s.title()}</span>
                        {status}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steps" aria-label="填报步骤">
            <ol>{items}</ol>
        </nav>
    }
}
