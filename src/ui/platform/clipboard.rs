//! Copying text to the clipboard.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Copies text to the clipboard: the Clipboard API where the page may use
/// it (https, localhost), else the older copy command. Reports through
/// `done` whether it worked.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let nav = window().navigator();
    let has_api = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !has_api {
        done(copy_with_command(&text));
        return;
    }
    let promise = nav.clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done(true),
            Err(_) => done(copy_with_command(&text)),
        }
    });
}

fn copy_with_command(text: &str) -> bool {
    let doc = document();
    let Ok(area) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    let active = doc.active_element();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:0;left:0;opacity:0");
    let Some(body) = doc.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    if let Some(el) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    ok
}
