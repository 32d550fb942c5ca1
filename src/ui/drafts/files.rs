//! Files the draft box hands out: a draft as a download, named after it.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::Lang;
use crate::ui::lang::{lang, tr};

/// Offers `text` as a file download (Blob + <a download>).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| match lang() {
        Lang::Zh => format!("无法下载：{e:?}"),
        Lang::En => format!("Cannot download: {e:?}"),
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(fail)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// A file name from a draft name (characters Windows refuses removed).
pub fn file_name(name: &str, ext: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .filter(|c| !c.is_control())
        .collect();
    let clean = clean.trim();
    let clean = if clean.is_empty() {
        tr("草稿", "draft")
    } else {
        clean
    };
    format!("{clean}.{ext}")
}
