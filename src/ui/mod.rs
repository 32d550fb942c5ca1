//! The web page (wasm32 only): the table editor.
//!
//! One page walks the author through the official form, section by
//! section (基本信息 → 预算 → 资金用途 → 绩效目标 → 绩效指标 → 检查结果), with
//! a step list that shows where they are and how many errors each section
//! still has. State lives in [`state::Editor`]: one signal holding the
//! [`Table`] (what a storage layer will save), findings computed once per
//! change with `rules::check`. No rule logic lives here.

mod dom;
mod fields;
mod indicators;
pub mod state;
mod summary;
pub mod workspace;

use leptos::prelude::*;

use crate::domain::{edit, examples, Table};

use fields::{BasicSection, BudgetSection, GoalsSection, PurposeSection};
use indicators::IndicatorSection;
use state::{Editor, Section};
use summary::{CountsLine, StepNav, SummarySection};

/// The root component, starting from a new blank table.
#[component]
pub fn App() -> impl IntoView {
    view! { <EditorPage table=edit::new_table() /> }
}

/// The editor for `table`.
#[component]
pub fn EditorPage(table: Table) -> impl IntoView {
    let editor = Editor::new(table);
    provide_context(editor);
    track_scroll(editor);
    let counts = Signal::derive(move || editor.index.with(|ix| ix.total));
    view! {
        <main class="app">
            <header class="topbar">
                <h1>"绩效目标表编制器"</h1>
                <Toolbar />
                <p class="overall">
                    <span class="overall-label">"全表："</span>
                    <CountsLine counts=counts />
                </p>
            </header>
            <div class="layout">
                <StepNav />
                <div class="sections">
                    <BasicSection />
                    <BudgetSection />
                    <PurposeSection />
                    <GoalsSection />
                    <IndicatorSection />
                    <SummarySection />
                </div>
            </div>
        </main>
    }
}

/// 新建空白表 / 从示例开始.
#[component]
fn Toolbar() -> impl IntoView {
    let editor = use_context::<Editor>().expect("editor");
    let titles = examples::titles();
    // Replacing a table with content asks first: nothing is saved yet.
    let may_replace = move || {
        let untouched = editor
            .table
            .with_untracked(|t| *t == edit::new_table() || *t == Table::blank());
        untouched || dom::confirm("当前表格的内容将被替换（尚未保存）。确定继续吗？")
    };
    let new_blank = move |_| {
        if may_replace() {
            editor.load(edit::new_table(), false);
            dom::focus_later(Section::Basic.heading_id(), None);
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let Ok(i) = v.parse::<usize>() else {
            return;
        };
        if may_replace() {
            if let Some(t) = examples::get(i) {
                editor.load(t, true);
            }
        }
        // Back to the prompt, so the same example can be picked again.
        if let Some(sel) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            sel.set_value("");
        }
    };
    view! {
        <div class="toolbar" role="group" aria-label="新建">
            <button type="button" on:click=new_blank>
                "新建空白表"
            </button>
            <select aria-label="从示例开始" class="examples" on:change=pick>
                <option value="" selected=true>
                    "从示例开始…"
                </option>
                {titles
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| view! { <option value=i.to_string()>{format!("示例 {}：{t}", i + 1)}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Marks the section nearest the top of the window as the current one.
fn track_scroll(editor: Editor) {
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        let win = window();
        let doc = document();
        let at_bottom = match (
            win.scroll_y(),
            win.inner_height().ok().and_then(|h| h.as_f64()),
            doc.document_element(),
        ) {
            (Ok(y), Some(h), Some(root)) => y + h >= f64::from(root.scroll_height()) - 4.0,
            _ => false,
        };
        let mut current = Section::Basic;
        if at_bottom {
            current = Section::Summary;
        } else {
            for s in Section::ALL {
                if let Some(el) = doc.get_element_by_id(s.id()) {
                    if el.get_bounding_client_rect().top() <= 140.0 {
                        current = s;
                    }
                }
            }
        }
        if editor.current.get_untracked() != current {
            editor.current.set(current);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Mount the app into `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// A mounted editor; unmounts when dropped.
pub struct Mounted {
    _handle: Box<dyn std::any::Any>,
}

/// Mounts an editor for `table` into `parent` (used by component tests and
/// by pages embedding the editor).
pub fn mount_in(parent: web_sys::HtmlElement, table: Table) -> Mounted {
    let handle = leptos::mount::mount_to(parent, move || view! { <EditorPage table=table /> });
    Mounted {
        _handle: Box::new(handle),
    }
}
