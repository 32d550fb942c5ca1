//! The counts of findings by severity, as one line (the top bar and the
//! summary show it).

use leptos::prelude::*;

use crate::domain::rules::Counts;
use crate::ui::lang::tr;

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
