//! The page's one way to its formats (`crates/formats/src/job.rs`): a
//! [`Job`] goes to the formats worker and its [`Done`] comes back.
//!
//! The worker (`src/bin/jixiao-worker.rs`, built by Trunk beside the page)
//! is started by [`warm_up`] once the page has settled, or by the first
//! job if that comes sooner, so the first download holds no importer or
//! exporter, and every import and export runs off the main thread. Jobs
//! sent while it loads wait for its `ready`. When it cannot start, or
//! fails, each waiting job is answered with a message saying so, and the
//! next job starts a fresh worker.
//!
//! With the feature `in-page-formats` (the component tests, which run
//! without Trunk's files) jobs are done in the page instead, through the
//! same messages.

use crate::formats::job::{self, Done, Job};

/// Sends `job`, with `bytes` beside it; `then` gets the reply and its
/// bytes, later (never before this returns).
pub fn send(job: Job, bytes: Vec<u8>, then: impl FnOnce(Done, Vec<u8>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let (done, out) = ask(job, bytes).await;
        then(done, out);
    });
}

/// Starts the formats worker ahead of the first job (with the feature
/// `in-page-formats`: nothing to start).
pub fn warm_up() {
    #[cfg(not(feature = "in-page-formats"))]
    worker::warm_up();
}

/// The reply when the worker cannot do a job.
#[cfg(not(feature = "in-page-formats"))]
fn unavailable(detail: &str) -> Done {
    Done::Failed(crate::domain::Text::owned(
        format!("导入导出程序未能载入或已停止（{detail}）：请刷新页面后重试。"),
        format!("The import and export program did not load or has stopped ({detail}): reload the page and try again."),
    ))
}

#[cfg(feature = "in-page-formats")]
async fn ask(job: Job, bytes: Vec<u8>) -> (Done, Vec<u8>) {
    // A turn of the event loop first, as with the worker.
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
        &wasm_bindgen::JsValue::UNDEFINED,
    ))
    .await;
    let job = match job::from_message(&job::to_message(&job)) {
        Ok(job) => job,
        Err(done) => return (done, Vec::new()),
    };
    let (done, out) = job::run(job, &bytes, Some(&crate::encoding::gb18030));
    (job::reply_from_message(&job::reply_to_message(&done)), out)
}

#[cfg(not(feature = "in-page-formats"))]
async fn ask(job: Job, bytes: Vec<u8>) -> (Done, Vec<u8>) {
    worker::ask(job, bytes).await
}

#[cfg(not(feature = "in-page-formats"))]
mod worker {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{job, unavailable, Done, Job};
    use crate::worker::field;

    /// The worker's loader, written by Trunk (`data-loader-shim`).
    const SCRIPT: &str = "./jixiao-worker_loader.js";

    struct Courier {
        worker: web_sys::Worker,
        ready: bool,
        /// Messages posted before the worker said `ready`.
        queue: Vec<JsValue>,
        /// Each job's `resolve`, by id.
        waiting: HashMap<u32, Function>,
        next: u32,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    thread_local! {
        static COURIER: RefCell<Option<Courier>> = const { RefCell::new(None) };
    }

    fn reply(done: &Done) -> JsValue {
        let obj = Object::new();
        let _ = Reflect::set(
            &obj,
            &"done".into(),
            &JsValue::from_str(&job::reply_to_message(done)),
        );
        obj.into()
    }

    /// Answers every waiting job with `done`, and forgets the worker.
    fn fail_all(done: Done) {
        let courier = COURIER.with(|c| c.borrow_mut().take());
        if let Some(c) = courier {
            c.worker.terminate();
            let answer = reply(&done);
            for (_, resolve) in c.waiting {
                let _ = resolve.call1(&JsValue::NULL, &answer);
            }
        }
    }

    fn start() -> Result<Courier, Done> {
        let worker = web_sys::Worker::new(SCRIPT)
            .map_err(|e| unavailable(&e.as_string().unwrap_or_else(|| "Worker".into())))?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if field(&data, "ready").is_truthy() {
                    let queue = COURIER.with(|c| {
                        let mut c = c.borrow_mut();
                        c.as_mut().map(|c| {
                            c.ready = true;
                            (c.worker.clone(), std::mem::take(&mut c.queue))
                        })
                    });
                    if let Some((worker, queue)) = queue {
                        for m in queue {
                            let _ = worker.post_message(&m);
                        }
                    }
                    return;
                }
                let id = field(&data, "id").as_f64().unwrap_or(-1.0) as u32;
                let resolve =
                    COURIER.with(|c| c.borrow_mut().as_mut().and_then(|c| c.waiting.remove(&id)));
                if let Some(resolve) = resolve {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let detail = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| SCRIPT.trim_start_matches("./").to_string());
            fail_all(unavailable(&detail));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Courier {
            worker,
            ready: false,
            queue: Vec::new(),
            waiting: HashMap::new(),
            next: 0,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Starts the worker when it is not running; a worker that cannot
    /// start is tried again by the first job.
    pub(super) fn warm_up() {
        COURIER.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = start().ok();
            }
        });
    }

    pub(super) async fn ask(job: Job, bytes: Vec<u8>) -> (Done, Vec<u8>) {
        let message = Object::new();
        let _ = Reflect::set(
            &message,
            &"job".into(),
            &JsValue::from_str(&job::to_message(&job)),
        );
        let _ = Reflect::set(
            &message,
            &"bytes".into(),
            &Uint8Array::from(bytes.as_slice()),
        );
        let mut refused = None;
        let promise = Promise::new(&mut |resolve, _reject| {
            COURIER.with(|c| {
                let mut c = c.borrow_mut();
                if c.is_none() {
                    match start() {
                        Ok(started) => *c = Some(started),
                        Err(done) => {
                            refused = Some(done);
                            return;
                        }
                    }
                }
                let courier = c.as_mut().expect("started");
                let id = courier.next;
                courier.next = courier.next.wrapping_add(1);
                let _ = Reflect::set(&message, &"id".into(), &JsValue::from(id));
                courier.waiting.insert(id, resolve);
                if courier.ready {
                    let _ = courier.worker.post_message(&message);
                } else {
                    courier.queue.push(message.clone().into());
                }
            });
        });
        if let Some(done) = refused {
            return (done, Vec::new());
        }
        let data = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(data) => data,
            Err(_) => return (unavailable("Promise"), Vec::new()),
        };
        let done = field(&data, "done")
            .as_string()
            .map(|json| job::reply_from_message(&json))
            .unwrap_or_else(|| unavailable("reply"));
        let out = field(&data, "bytes")
            .dyn_into::<Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        (done, out)
    }
}
