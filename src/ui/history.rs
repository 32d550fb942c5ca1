//! 撤销 / 重做: the buttons and the keyboard shortcuts.
//!
//! One history for the whole table (`crate::drafts::History`, kept by the
//! [`Editor`]): typing is one step per field per pause, each structural
//! edit one step, at least 100 steps.
//!
//! **Always app-level inside the editor.** Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z
//! (⌘ on a Mac) run the page's undo even when the caret is in a text field,
//! and the browser's own undo of that field (the Edit menu, the context
//! menu: `beforeinput` historyUndo/historyRedo) is routed to it as well. The
//! browser's per-field undo knows nothing of rows added, moved or removed,
//! and loses its stack whenever the page writes a field's value (an undo,
//! a draft from another tab), so mixing the two would undo in a surprising
//! order. Outside the editor (the draft box's rename field, dialogs, other
//! tools' text fields) the browser's undo is left alone. During an IME
//! composition (拼音) the keys belong to the IME.
//!
//! When undo is off (the draft box is shown, the draft is read-only, a
//! dialog is open) is for the drafts to say: they provide an [`UndoLock`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::editor::{use_editor, Editor};
use super::lang::tr;

/// The states that turn the page's undo off. Provided through context by
/// whoever owns them (the drafts' session), before [`install_shortcuts`].
#[derive(Clone, Copy)]
pub struct UndoLock {
    /// The draft box is shown instead of the editor.
    pub show_box: RwSignal<bool>,
    /// A dialog is open (the shortcuts do nothing; the buttons are covered).
    pub dialog_open: RwSignal<bool>,
    /// Some(version) while the draft is read-only.
    pub readonly: RwSignal<Option<u64>>,
}

/// Undoes (or redoes) one step and shows where it happened. With `focus`
/// (a keyboard shortcut) the field typed in gets the focus; from a button
/// the field is only scrolled into view, so the button keeps the focus.
pub fn step(editor: Editor, redo: bool, focus: bool) -> bool {
    let done = if redo { editor.redo() } else { editor.undo() };
    let Some(key) = done else {
        return false;
    };
    if let Some(id) = key {
        request_animation_frame(move || {
            let Some(el) = document().get_element_by_id(&id) else {
                return;
            };
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            if focus {
                if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = html.focus();
                }
            }
        });
    }
    true
}

/// Whether an event's target is where the page's undo applies: inside the
/// editor's sections, or not in a text field at all.
fn applies_to(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return true;
    };
    if el
        .closest(".modal, .draftbox, dialog")
        .ok()
        .flatten()
        .is_some()
    {
        return false;
    }
    let text = matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA")
        || el.closest("[contenteditable]").ok().flatten().is_some();
    !text || el.closest(".sections").ok().flatten().is_some()
}

/// Installs the shortcuts for the page's editor.
pub fn install_shortcuts(editor: Editor) {
    let lock = expect_context::<UndoLock>();
    let blocked = move || {
        lock.show_box.get_untracked()
            || lock.dialog_open.get_untracked()
            || lock.readonly.get_untracked().is_some()
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() || ev.alt_key() {
            return;
        }
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let key = ev.key().to_lowercase();
        let code = ev.code();
        let z = key == "z" || code == "KeyZ";
        let y = key == "y" || code == "KeyY";
        let redo = match (z, y, ev.shift_key()) {
            (true, _, false) => false,
            (true, _, true) | (_, true, false) => true,
            _ => return,
        };
        if blocked() || !applies_to(ev.target()) {
            return;
        }
        ev.prevent_default();
        step(editor, redo, true);
    });
    let native = window_event_listener(leptos::ev::beforeinput, move |ev| {
        let redo = match ev.input_type().as_str() {
            "historyUndo" => false,
            "historyRedo" => true,
            _ => return,
        };
        if blocked() || !applies_to(ev.target()) {
            return;
        }
        ev.prevent_default();
        step(editor, redo, true);
    });
    on_cleanup(move || {
        keys.remove();
        native.remove();
    });
}

/// 撤销 and 重做.
#[component]
pub fn UndoButtons() -> impl IntoView {
    let editor = use_editor();
    let lock = expect_context::<UndoLock>();
    let off = move || lock.readonly.get().is_some() || lock.show_box.get();
    view! {
        <span class="undo-redo" role="group" aria-label=tr("撤销与重做", "Undo and redo")>
            <button
                type="button"
                id="undo"
                title=tr("撤销（Ctrl+Z）", "Undo (Ctrl+Z)")
                aria-keyshortcuts="Control+Z"
                disabled=move || editor.depth.get().0 == 0 || off()
                on:click=move |_| {
                    step(editor, false, false);
                }
            >
                {tr("↶ 撤销", "↶ Undo")}
            </button>
            <button
                type="button"
                id="redo"
                title=tr("重做（Ctrl+Y 或 Ctrl+Shift+Z）", "Redo (Ctrl+Y or Ctrl+Shift+Z)")
                aria-keyshortcuts="Control+Y Control+Shift+Z"
                disabled=move || editor.depth.get().1 == 0 || off()
                on:click=move |_| {
                    step(editor, true, false);
                }
            >
                {tr("↷ 重做", "↷ Redo")}
            </button>
        </span>
    }
}
