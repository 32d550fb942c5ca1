//! Offline use: the service worker, and the prompt when a new version is
//! ready.
//!
//! Offices lose their network, and a page that needs a server to open
//! cannot reach the drafts kept in this browser. `sw.js` (filled in at build
//! time by `scripts/sw.mjs` with this build's exact files and a version made
//! from their hashes) answers for those files from its cache, so after the
//! first visit the page opens with no network. A new build installs in the
//! background and then *waits*: swapping the program under an author who is
//! typing is not ours to do behind their back. [`UpdatePrompt`] says a new
//! version is ready; 重新加载 first stores the open draft (drafts live in
//! localStorage, which the worker never touches), then tells the waiting
//! worker to take over and reloads once it controls the page. If the draft
//! cannot be stored (a conflict, storage full), the page stays as it is.
//!
//! Debug builds (`trunk serve`) do not register: live reload should show the
//! latest build, not a cached one.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    EventTarget, RegistrationOptions, ServiceWorker, ServiceWorkerContainer,
    ServiceWorkerRegistration, ServiceWorkerState,
};

use super::drafts::{self, Session};
use super::lang::tr;

thread_local! {
    /// The installed new version that waits to take over.
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    /// Whether a new version is offered. Kept here, not in the component:
    /// the page is drawn again when the language changes.
    static OFFERED: Cell<bool> = const { Cell::new(false) };
    /// The signal of the prompt on the page now (replaced when redrawn).
    static SHOWN: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
    /// The author chose 重新加载: reload when the new version takes over.
    static RELOADING: Cell<bool> = const { Cell::new(false) };
}

/// The page's service worker container; `None` where there is none (a
/// plain-http page other than localhost, some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| nav.service_worker())
}

/// Calls `f` on every `event` at `target`, for the life of the page.
fn listen(target: &EventTarget, event: &str, f: impl FnMut() + 'static) {
    let callback = Closure::<dyn FnMut()>::new(f);
    let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Registers `./sw.js` for the page's own directory (relative, so the site
/// root and a sub-path such as `/jixiao/` both work) and watches for new
/// versions. Called once, from `mount()`.
pub fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(sw) = container() else {
        return;
    };
    listen(&sw, "controllerchange", || {
        if RELOADING.with(Cell::get) {
            reload();
        }
    });
    let options = RegistrationOptions::new();
    options.set_scope("./");
    let registering = sw.register_with_options("./sw.js", &options);
    spawn_local(async move {
        // No worker (refused by the browser, sw.js missing): the page works
        // online as it always did.
        if let Ok(reg) = JsFuture::from(registering).await {
            watch(reg.unchecked_into());
        }
    });
}

fn watch(reg: ServiceWorkerRegistration) {
    if let Some(w) = reg.waiting() {
        offer(w);
    }
    if let Some(w) = reg.installing() {
        follow(w);
    }
    let r = reg.clone();
    listen(&reg, "updatefound", move || {
        if let Some(w) = r.installing() {
            follow(w);
        }
    });
    // A tab left open for days: look for a new version when it is shown
    // again (the browser itself looks on every visit).
    listen(&document(), "visibilitychange", move || {
        if document().hidden() {
            return;
        }
        if let Ok(checking) = reg.update() {
            spawn_local(async move {
                // Offline or unchanged: nothing to say.
                let _ = JsFuture::from(checking).await;
            });
        }
    });
}

/// Offers `w` once it is installed.
fn follow(w: ServiceWorker) {
    let this = w.clone();
    listen(&w, "statechange", move || {
        if this.state() == ServiceWorkerState::Installed {
            offer(this.clone());
        }
    });
}

fn offer(w: ServiceWorker) {
    // The first install replaces nothing: it takes over quietly.
    if container().and_then(|c| c.controller()).is_none() {
        return;
    }
    WAITING.with(|x| *x.borrow_mut() = Some(w));
    set_offered(true);
}

fn set_offered(on: bool) {
    OFFERED.with(|o| o.set(on));
    if let Some(shown) = SHOWN.with(Cell::get) {
        // A prompt from before a redraw is gone: nothing to update.
        let _ = shown.try_set(on);
    }
}

fn reload() {
    thread_local!(static ONCE: Cell<bool> = const { Cell::new(false) });
    if !ONCE.with(|o| o.replace(true)) {
        let _ = window().location().reload();
    }
}

/// 重新加载: store the open draft, let the new version take over, reload.
/// Returns false (and does nothing) when the draft cannot be stored.
fn take_over(session: Session) -> bool {
    if !session.save_now() {
        return false;
    }
    RELOADING.with(|r| r.set(true));
    match WAITING.with(|w| w.borrow().clone()) {
        Some(w) if w.state() == ServiceWorkerState::Installed => {
            let _ = w.post_message(&JsValue::from_str("skipWaiting"));
            // Should the take-over never come (a newer version replaced
            // this one meanwhile), reload anyway: the draft is stored.
            set_timeout(reload, Duration::from_secs(3));
        }
        // Already active (another tab took it) or gone.
        _ => reload(),
    }
    true
}

/// "新版本已就绪" with 重新加载 and 稍后, shown while a new version waits.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let session = drafts::use_session();
    let shown = RwSignal::new(OFFERED.with(Cell::get));
    SHOWN.with(|s| s.set(Some(shown)));
    let unsaved = RwSignal::new(false);
    let reload = move |_| unsaved.set(!take_over(session));
    let later = move |_| set_offered(false);
    view! {
        <div class="update-region" role="status" aria-live="polite">
            <Show when=move || shown.get()>
                <div class="update-prompt">
                    <p class="update-text">
                        <strong>{tr("新版本已就绪。", "A new version is ready.")}</strong>
                        " "
                        {tr("重新加载即可使用，草稿会保留。", "Reload to use it; your drafts are kept.")}
                    </p>
                    <Show when=move || unsaved.get()>
                        <p class="update-unsaved">
                            {tr(
                                "当前草稿还没有保存：请先处理页面上方的提示，再重新加载。",
                                "The open draft is not saved yet: deal with the notice at the top first, then reload.",
                            )}
                        </p>
                    </Show>
                    <div class="update-actions">
                        <button type="button" class="primary" on:click=reload>
                            {tr("重新加载", "Reload")}
                        </button>
                        <button type="button" on:click=later>
                            {tr("稍后", "Later")}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
