//! The page language: Chinese by default, English as a remembered switch.
//!
//! Components call [`tr`] with both texts (`tr("新建空白表", "New blank
//! table")`), [`lang`] where they format, and [`text`] to show a
//! [`Text`] the crates gave. All read the page language without
//! subscribing: switching language re-renders the page from the state kept
//! above it (table, history, drafts), which is cheaper in code size and in
//! keystroke work than making every label reactive.
//!
//! Where the choice is remembered is not this module's business: whoever
//! keeps the store (the workspace) implements [`LangMemory`].

use std::cell::Cell;

use leptos::prelude::*;

use crate::domain::{Lang, Text};

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

/// `text` in the page language.
pub fn text(text: &Text) -> String {
    text.get(lang()).to_string()
}

/// "1 draft", "1,024 drafts": an English count with its noun.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", crate::domain::lang::grouped(n))
    }
}

/// Where the language chosen is remembered.
pub trait LangMemory: Copy + Send + Sync + 'static {
    /// The language chosen earlier, if any.
    fn recall_lang(&self) -> Option<Lang>;
    /// Remembers the choice (not remembering is no reason to refuse it).
    fn remember_lang(&self, lang: Lang);
}

/// The page language as a signal (the page re-renders when it changes),
/// and how the switch remembers a choice.
#[derive(Clone, Copy)]
pub struct PageLang(pub RwSignal<Lang>, Callback<Lang>);

/// Reads the remembered language from `memory` and provides the signal.
pub fn provide(memory: impl LangMemory) -> PageLang {
    let initial = memory.recall_lang().unwrap_or_default();
    apply(initial);
    let remember = Callback::new(move |l| memory.remember_lang(l));
    let page = PageLang(RwSignal::new(initial), remember);
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
    let other = match lang() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = move |_| {
        page.1.run(other);
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
