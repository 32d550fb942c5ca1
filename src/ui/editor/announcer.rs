//! The check's counts, announced to screen readers when they settle.

use leptos::prelude::*;

use crate::domain::rules::Counts;
use crate::domain::Lang;
use crate::ui::lang::lang;

use super::state::use_editor;

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
