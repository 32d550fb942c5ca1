//! The page language: Chinese by default, English as a remembered switch.
//!
//! Components call [`tr`] with both texts (`tr("新建空白表", "New blank
//! table")`) and [`lang`] where they format. Both read the page language
//! without subscribing: switching language re-renders the page from the
//! state kept above it (table, history, drafts), which is cheaper in code
//! size and in keystroke work than making every label reactive.

use std::cell::Cell;

use leptos::prelude::*;

use crate::domain::Lang;
use crate::drafts::prefs;

use super::workspace::Workspace;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// The language the page is being drawn in.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text for the page language.
pub fn tr(zh: &'static str, en: &'static str) -> &'static str {
    lang().pick(zh, en)
}

/// The page language as a signal (the page re-renders when it changes).
#[derive(Clone, Copy)]
pub struct PageLang(pub RwSignal<Lang>);

/// Reads the remembered language from the workspace's store and provides
/// the signal.
pub fn provide(workspace: Workspace) -> PageLang {
    let initial = workspace
        .with_drafts(|d| prefs::load_lang(d.store()))
        .unwrap_or_default();
    apply(initial);
    let page = PageLang(RwSignal::new(initial));
    provide_context(page);
    page
}

/// Makes `l` current: `tr`, `<html lang>` and the window title follow.
pub fn apply(l: Lang) {
    CURRENT.with(|c| c.set(l));
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", l.tag());
    }
    doc.set_title(l.pick("绩效目标表编制器", "Performance Target Table Editor"));
}

/// The id of the switch (focus returns there after switching).
pub const SWITCH_ID: &str = "lang-switch";

/// A button naming the other language; remembers the choice.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let page = expect_context::<PageLang>();
    let workspace = expect_context::<Workspace>();
    let other = match lang() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = move |_| {
        workspace.with_drafts(|d| {
            // Not remembering is no reason to refuse the switch.
            let _ = prefs::save_lang(&mut d.store().clone(), other);
        });
        apply(other);
        page.0.set(other);
        super::dom::focus_later(SWITCH_ID.to_string(), None);
    };
    view! {
        <button
            type="button"
            id=SWITCH_ID
            class="lang-switch"
            lang=other.tag()
            title=tr("Switch to English", "切换为中文")
            on:click=switch
        >
            {other.native_name()}
        </button>
    }
}
