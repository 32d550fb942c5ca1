//! Small DOM helpers: moving focus after an edit.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` and brings it into view; falls back to
/// `fallback` when there is no such element. Returns whether one was found.
pub fn focus_id(id: &str, fallback: Option<&str>) -> bool {
    let doc = document();
    let el = doc
        .get_element_by_id(id)
        .or_else(|| fallback.and_then(|f| doc.get_element_by_id(f)));
    let Some(el) = el else {
        return false;
    };
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let _ = html.focus();
    }
    true
}

/// Focuses after the view has caught up with the state (next frame).
pub fn focus_later(id: String, fallback: Option<String>) {
    request_animation_frame(move || {
        focus_id(&id, fallback.as_deref());
    });
}

/// Focuses an input after the next frame and selects a range of its text
/// (UTF-16 offsets), or all of it when `range` is None.
pub fn focus_and_select_later(id: String, range: Option<(usize, usize)>) {
    request_animation_frame(move || {
        if !focus_id(&id, None) {
            return;
        }
        if let Some(input) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            match range {
                Some((a, b)) => {
                    let _ = input.set_selection_range(a as u32, b as u32);
                }
                None => input.select(),
            }
        }
    });
}

/// Asks the author to confirm (a browser dialog). True when confirmed or
/// when no dialog can be shown.
pub fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(true)
}

/// Scrolls a section into view and focuses its heading.
pub fn go_to_heading(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = html.focus_with_options(&opts);
        }
    }
}

/// A text control whose value the page keeps in step with the table.
pub trait TextControl: Clone + 'static {
    fn current(&self) -> String;
    fn replace(&self, value: &str);
}

impl TextControl for web_sys::HtmlInputElement {
    fn current(&self) -> String {
        self.value()
    }
    fn replace(&self, value: &str) {
        self.set_value(value);
    }
}

impl TextControl for web_sys::HtmlTextAreaElement {
    fn current(&self) -> String {
        self.value()
    }
    fn replace(&self, value: &str) {
        self.set_value(value);
    }
}

/// Keeps a control's value equal to `model`, writing to the element only
/// when they differ. Writing an equal value would still disturb the caret
/// and end an IME composition (拼音 input) while the author types, which a
/// plain `prop:value` binding does on every change.
pub fn bind_value<E>(node: NodeRef<E>, model: impl Fn() -> String + 'static)
where
    E: leptos::html::ElementType,
    E::Output: TextControl + wasm_bindgen::JsCast,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    Effect::new(move |_| {
        let value = model();
        if let Some(el) = node.get() {
            if el.current() != value {
                el.replace(&value);
            }
        }
    });
}
