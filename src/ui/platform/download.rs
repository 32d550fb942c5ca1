//! Saving a file: the page's one download, and the `blob:` addresses it
//! (and the crash banner's backup link) are made from.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::Text;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const JSON_MIME: &str = "application/json;charset=utf-8";

/// A `blob:` address holding `bytes` of type `mime`. It lasts until
/// revoked (`Url::revokeObjectURL`) or the page goes.
pub fn blob_url(bytes: &[u8], mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// What the author is told when the browser refuses a download.
fn refused() -> Text {
    Text::new(
        "浏览器拒绝了下载，请检查浏览器的下载设置后重试。",
        "The browser refused the download. Check its download settings and try again.",
    )
}

/// Saves `bytes` as a download named `name`.
pub fn download(bytes: &[u8], mime: &str, name: &str) -> Result<(), Text> {
    let url = blob_url(bytes, mime).map_err(|_| refused())?;
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| refused())?
        .dyn_into()
        .map_err(|_| refused())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "").map_err(|_| refused())?;
    let body = doc.body().ok_or_else(refused)?;
    body.append_child(&a).map_err(|_| refused())?;
    a.click();
    a.remove();
    // Revoked later: some browsers start reading the blob after the click.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
    Ok(())
}
