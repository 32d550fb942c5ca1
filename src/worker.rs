//! The formats worker: a Web Worker that does the page's import and export
//! jobs (`crates/formats/src/job.rs`), started by the page on first use
//! (`src/ui/platform/courier.rs`). It holds every importer and exporter,
//! so the page's first download holds none; it knows nothing of the page.
//!
//! A message is `{ id, job, bytes }` (the job's JSON, and a `Uint8Array`
//! beside it); the reply is `{ id, done, bytes }`. The worker says
//! `{ ready: true }` once it listens: messages posted before that would be
//! lost.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::formats::job;

/// A field of a message (`undefined` when it has none); the page's
/// courier reads replies with it too.
pub(crate) fn field(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Listens for jobs, and says it is ready.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let id = field(&data, "id");
            let bytes = field(&data, "bytes")
                .dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            let json = field(&data, "job").as_string().unwrap_or_default();
            let (done, out) = match job::from_message(&json) {
                Ok(j) => job::run(j, &bytes, Some(&crate::encoding::gb18030)),
                Err(done) => (done, Vec::new()),
            };
            let reply = Object::new();
            let _ = Reflect::set(&reply, &"id".into(), &id);
            let _ = Reflect::set(
                &reply,
                &"done".into(),
                &JsValue::from_str(&job::reply_to_message(&done)),
            );
            let out = Uint8Array::from(out.as_slice());
            let _ = Reflect::set(&reply, &"bytes".into(), &out);
            let transfer = js_sys::Array::of1(&out.buffer());
            let _ = replies.post_message_with_transfer(&reply, &transfer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
