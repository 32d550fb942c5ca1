//! Section 6 (检查结果) and the section navigation with per-section counts.

use leptos::prelude::*;

use crate::domain::Bilingual;

use crate::domain::rules::{Counts, Finding};
use crate::domain::Lang;

use super::dom;
use super::fields::severity_class;
use super::lang::{lang, tr};
use super::state::{use_editor, Section};

/// "错误 0 · 警告 1 · 提示 2", each count labelled in words.
#[component]
pub fn CountsLine(counts: Signal<Counts>) -> impl IntoView {
    view! {
        <span class="counts">
            <span class=move || { if counts.get().errors > 0 { "count error" } else { "count zero" } }>
                {tr("错误 ", "Errors ")}<b>{move || counts.get().errors}</b>
            </span>
            <span class=move || { if counts.get().warnings > 0 { "count warning" } else { "count zero" } }>
                {tr("警告 ", "Warnings ")}<b>{move || counts.get().warnings}</b>
            </span>
            <span class=move || { if counts.get().hints > 0 { "count hint" } else { "count zero" } }>
                {tr("提示 ", "Hints ")}<b>{move || counts.get().hints}</b>
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
    // Keyed by the finding itself: when a keystroke changes one finding,
    // only its item is replaced, not the list (hundreds of items in a big
    // table).
    let item = move |f: Finding| {
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
                    <span class="tag">{sev.text().into_lang(lang())}</span>
                    <span class="where">{place.text().into_lang(lang())}</span>
                    <span class="text">{f.text().into_lang(lang())}</span>
                </button>
                <super::help::RuleLink rule=f.rule />
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
                <span class="step-no">{section.number()}</span>
                {section.title()}
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
                        <span class="step-no">{s.number()}</span>
                        <span class="step-title">{s.title()}</span>
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

/// Announces the check politely to screen readers: a second after the
/// counts last changed (not on every keystroke), one sentence with the new
/// counts. Sighted authors see the same counts in the top bar.
#[component]
pub fn Announcer() -> impl IntoView {
    let editor = use_editor();
    let text = RwSignal::new(String::new());
    let timer = StoredValue::new_local(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let counts = Memo::new(move |_| editor.index.with(|ix| ix.total));
    Effect::new(move |prev: Option<Counts>| {
        let c = counts.get();
        if prev.is_some_and(|p| p != c) {
            if let Some(h) = timer.get_value() {
                h.clear();
            }
            let handle = set_timeout_with_handle(
                move || text.set(announcement(counts.get_untracked())),
                std::time::Duration::from_millis(1000),
            )
            .ok();
            timer.set_value(handle);
        }
        c
    });
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });
    view! {
        <div id="check-announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || text.get()}
        </div>
    }
}

fn announcement(c: Counts) -> String {
    match lang() {
        Lang::Zh => format!(
            "检查结果已更新：错误 {}，警告 {}，提示 {}。",
            c.errors, c.warnings, c.hints
        ),
        Lang::En => format!(
            "Check updated: {} errors, {} warnings, {} hints.",
            c.errors, c.warnings, c.hints
        ),
    }
}
