//! The page's one modal dialog.
//!
//! A `<dialog>` shown with `showModal()`: the browser makes the page behind
//! it inert (focus cannot leave it, clicks do not reach the page) and closes
//! it on Esc. The styles are `dialog.xfer-modal` in `style/transfer.css`.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::platform::dom;

/// A modal dialog named by its heading (`title_id`).
///
/// `open` is its state: set it to open or close the dialog; the dialog sets
/// it to false when it closes itself (Esc). When it closes, focus goes to
/// the element with id `return_to`, or, without one, back to the element
/// that had it when the dialog opened. `first_focus` is the id of the
/// element focused on opening (else the browser's choice: the first
/// focusable one).
#[component]
pub fn Modal(
    open: RwSignal<bool>,
    title_id: &'static str,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] return_to: Option<&'static str>,
    #[prop(optional)] first_focus: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<html::Dialog>::new();
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = node.get() {
            if want && !d.open() {
                before.set_value(
                    document()
                        .active_element()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
                );
                let _ = d.show_modal();
                if let Some(id) = first_focus {
                    dom::focus_later(id.to_string(), None);
                }
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    let on_close = move |_| {
        if open.get_untracked() {
            open.set(false);
        }
        match return_to {
            Some(id) => dom::focus_later(id.to_string(), None),
            None => {
                if let Some(el) = before.get_value().filter(|el| el.is_connected()) {
                    request_animation_frame(move || {
                        let _ = el.focus();
                    });
                }
            }
        }
    };
    view! {
        <dialog
            node_ref=node
            class=format!("xfer-modal {class}")
            role="dialog"
            aria-modal="true"
            aria-labelledby=title_id
            aria-describedby=described_by
            on:close=on_close
        >
            {children()}
        </dialog>
    }
}
