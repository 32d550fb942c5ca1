//! The draft bar: the strip under the title bar with the draft box button,
//! the open draft's name, whether it is saved, and undo and redo.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::drafts::{DraftEntry, SaveState};
use crate::ui::history::UndoButtons;
use crate::ui::lang::{count_en, lang, text, tr};

use super::session::use_session;
use super::words::when;

/// The strip under the title bar: the draft box button, the open draft's
/// name, whether it is saved, undo and redo.
#[component]
pub fn DraftBar() -> impl IntoView {
    let session = use_session();
    let count = Memo::new(move |_| {
        session.ws.entries.with(|es| {
            es.iter()
                .filter(|e| matches!(e, DraftEntry::Ok { meta, .. } if meta.trashed.is_none()))
                .count()
        })
    });
    let name = Memo::new(move |_| session.meta.with(|m| m.name.clone()));
    let trashed = Memo::new(move |_| session.meta.with(|m| m.trashed.is_some()));
    let status = move || match session.state.get() {
        SaveState::Saved(at) => (
            "saved",
            format!("{} {}", tr("✓ 已保存", "✓ Saved"), when(at)),
        ),
        SaveState::Pending => ("pending", tr("保存中…", "Saving…").to_string()),
        SaveState::Failed(why) => (
            "failed",
            format!("{}{}", tr("⚠ 未保存：", "⚠ Not saved: "), text(&why)),
        ),
        SaveState::ReadOnly => ("readonly", tr("只读", "Read-only").to_string()),
    };
    let toggle = move |_| {
        if session.show_box.get_untracked() {
            session.close_box();
        } else {
            session.open_box();
        }
    };
    view! {
        <div class="draftbar">
            <button
                type="button"
                id="draftbox-toggle"
                class="box-toggle"
                aria-expanded=move || session.show_box.get().to_string()
                on:click=toggle
            >
                {move || {
                    if session.show_box.get() {
                        tr("← 返回编辑", "← Back to editing")
                    } else {
                        tr("草稿箱", "Draft box")
                    }
                }}
                <span
                    class="n"
                    aria-label=move || match lang() {
                        Lang::Zh => format!("共 {} 份", count.get()),
                        Lang::En => count_en(count.get(), "draft", "drafts"),
                    }
                >
                    {count}
                </span>
            </button>
            <span class="current-draft">
                <span class="muted">{tr("当前草稿：", "Current draft: ")}</span>
                <strong id="current-draft-name">{name}</strong>
                {move || trashed.get().then(|| view! { <span class="badge warning">{tr("在回收站中", "In the trash")}</span> })}
            </span>
            <span id="save-status" class=move || format!("save-status {}", status().0)>
                {move || status().1}
            </span>
            {move || {
                (session.conflict.with(Option::is_some) && !session.conflict_open.get())
                    .then(|| {
                        view! {
                            <button type="button" class="resolve" on:click=move |_| session.conflict_open.set(true)>
                                {tr("解决冲突…", "Resolve conflict…")}
                            </button>
                        }
                    })
            }}
            <span class="spacer"></span>
            <UndoButtons />
        </div>
    }
}
