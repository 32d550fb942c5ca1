//! The web page (wasm32 only): the table editor.
//!
//! One page walks the author through the official form, section by
//! section, with a step list that shows where they are and how many errors
//! each section still has: the folder `editor/` ([`editor::Editor`] holds
//! the [`Table`] and its findings). This file puts it together with the
//! draft box, import and export, and the language switch.

pub mod drafts;
pub mod editor;
mod history;
pub mod lang;
pub mod local_store;
mod offline;
mod platform;
mod transfer;
pub mod widgets;
pub mod workspace;

pub use platform::crash;
use platform::dom;

use leptos::prelude::*;

use crate::domain::form::Form;
use crate::domain::{Bilingual, Lang, Table};
use crate::formats::examples;

use editor::help;
use editor::{
    use_editor, Announcer, CountsLine, Editor, FormBar, GroupSection, IndicatorSection, Section,
    StepNav, SummarySection,
};
use lang::tr;
use workspace::Workspace;

/// The root component: the draft box in localStorage (or memory), opening
/// the draft this tab had open, else the most recent one.
#[component]
pub fn App() -> impl IntoView {
    view! { <EditorPage workspace=Workspace::open() /> }
}

/// The editor on the drafts of `workspace`.
#[component]
pub fn EditorPage(workspace: Workspace) -> impl IntoView {
    provide_context(workspace);
    let first = drafts::first_draft(workspace);
    let editor = Editor::new(first.0.table.clone());
    provide_context(editor);
    // The one notice channel, made once here (not in the part drawn again
    // when the language changes, which would leave a disposed channel).
    widgets::notice::Notices::provide();
    let session = drafts::Session::start(workspace, editor, first);
    provide_context(session);
    history::install_shortcuts(editor);
    track_scroll(editor);
    let page_lang = lang::provide(workspace);
    help::install();
    // The view is drawn again when the language changes; the state above
    // (table, history, drafts) stays.
    move || {
        lang::apply(page_lang.0.get());
        view! { <Page /> }
    }
}

/// The page itself, drawn in the current language.
#[component]
fn Page() -> impl IntoView {
    let editor = use_editor();
    let session = drafts::use_session();
    let help = expect_context::<help::HelpRoute>();
    let counts = Signal::derive(move || editor.index.with(|ix| ix.total));
    view! {
        <main class="app">
            <header class="topbar">
                <h1>{tr("绩效目标表编制器", "Performance Target Table Editor")}</h1>
                <a class="help-link" href="#help">{tr("规则说明", "Rule help")}</a>
                <lang::LangSwitch />
                <Toolbar />
                <transfer::TransferBar />
                <p class="overall">
                    <span class="overall-label">{tr("全表：", "Whole table: ")}</span>
                    <CountsLine counts=counts />
                </p>
            </header>
            <drafts::DraftBar />
            <drafts::Banners />
            <Show when=move || session.show_box.get() && !help.open()>
                <drafts::DraftBox />
            </Show>
            <Show when=move || help.open()>
                <help::HelpPage />
            </Show>
            <div class="layout" hidden=move || session.show_box.get() || help.open()>
                {move || view! { <StepNav form=editor.form.get() /> }}
                // Disabled (read-only) while the draft was written by a newer version.
                <fieldset class="sections" disabled=move || session.readonly.get().is_some()>
                    <FormBar />
                    // Drawn again when the draft's form changes.
                    {move || {
                        let form = editor.form.get();
                        view! {
                            {form
                                .spec()
                                .groups
                                .iter()
                                .map(|g| view! { <GroupSection form=form group=g /> })
                                .collect_view()}
                            <IndicatorSection form=form />
                            <SummarySection form=form />
                        }
                    }}
                </fieldset>
            </div>
            <Announcer />
            <drafts::ConflictDialog />
            <offline::UpdatePrompt />
            <widgets::notice::NoticeArea />
        </main>
    }
}

/// 新建空白表 (of the form chosen beside it: the open table's unless the
/// author picks another) / 从示例开始: each starts a new draft (the open
/// one stays in the draft box).
#[component]
fn Toolbar() -> impl IntoView {
    let session = drafts::use_session();
    let editor = use_editor();
    let titles = examples::TITLES;
    let new_blank = move |_| session.new_draft(editor.new_form.get_untracked().new_table(), false);
    let choose_form = move |ev: leptos::ev::Event| {
        if let Some(form) = Form::from_id(&event_target_value(&ev)) {
            editor.new_form.set(form);
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let Ok(i) = v.parse::<usize>() else {
            return;
        };
        session.new_from_example(i);
        // Back to the prompt, so the same example can be picked again.
        if let Some(sel) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            sel.set_value("");
        }
    };
    view! {
        <div class="toolbar" role="group" aria-label=tr("新建", "New")>
            <button type="button" on:click=new_blank>
                {tr("新建空白表", "New blank table")}
            </button>
            <select aria-label=tr("新建空白表的表样", "Form of a new blank table") class="new-form" on:change=choose_form>
                {Form::ALL
                    .into_iter()
                    .map(|f| view! {
                        <option value=f.id() prop:selected=move || editor.new_form.get() == f>
                            {f.text().into_lang(lang::lang())}
                        </option>
                    })
                    .collect_view()}
            </select>
            <select aria-label=tr("从示例开始", "Start from an example") class="examples" on:change=pick>
                <option value="" selected=true>
                    {tr("从示例开始…", "Start from an example…")}
                </option>
                {titles
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| view! { <option value=i.to_string()>{match lang::lang() {
                        Lang::Zh => format!("示例 {}：{t}", i + 1),
                        Lang::En => format!("Example {}: {t}", i + 1),
                    }}</option> })
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
        let form = editor.form.get_untracked();
        let mut current = Section::first(form);
        if at_bottom {
            current = Section::Summary;
        } else {
            for s in Section::all(form) {
                if let Some(el) = doc.get_element_by_id(&s.id()) {
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
    offline::register();
    // The formats worker starts once the editor is up and the page has
    // settled, so the first import or export does not wait for it (the
    // service worker fetches its files after the first visit anyway).
    set_timeout(
        platform::courier::warm_up,
        std::time::Duration::from_secs(3),
    );
    #[cfg(feature = "panic-test")]
    {
        // Test builds only (feature `panic-test`): a deliberate panic.
        let handle = window_event_listener(leptos::ev::keydown, |e| {
            if e.ctrl_key() && e.alt_key() && e.shift_key() && e.key() == "F12" {
                panic!("deliberate test panic (feature panic-test)");
            }
        });
        std::mem::forget(handle);
    }
}

/// A mounted editor; unmounts when dropped.
pub struct Mounted {
    _handle: Box<dyn std::any::Any>,
}

/// Mounts an editor for `table` into `parent` (used by component tests and
/// by pages embedding the editor): the table is the one draft of a draft
/// box in memory.
pub fn mount_in(parent: web_sys::HtmlElement, table: Table) -> Mounted {
    let store = crate::drafts::MemoryStore::new();
    let mut drafts = crate::drafts::DraftBox::new(store.clone());
    let name = workspace::default_name(&table);
    drafts
        .create(&workspace::fresh_id(), &name, table, workspace::now_ms())
        .expect("a draft in memory");
    mount_with_store(parent, store)
}

/// Mounts the page over a draft box in memory (component tests: two
/// mounts over clones of one store behave like two tabs).
pub fn mount_with_store(
    parent: web_sys::HtmlElement,
    store: crate::drafts::MemoryStore,
) -> Mounted {
    let handle = leptos::mount::mount_to(parent, move || {
        let ws = Workspace::with_store(workspace::PageStore::Memory(store), false, None);
        view! { <EditorPage workspace=ws /> }
    });
    Mounted {
        _handle: Box::new(handle),
    }
}
