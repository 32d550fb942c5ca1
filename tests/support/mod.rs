//! Helpers shared by the browser component tests (tests/web_*.rs).
//! Each test file uses a subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub struct Sleep {
    state: Rc<RefCell<(bool, Option<Waker>)>>,
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.state.borrow_mut();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// Resolves after `ms` milliseconds (a macrotask: frames and effects run).
pub fn sleep(ms: u64) -> Sleep {
    let state = Rc::new(RefCell::new((false, None::<Waker>)));
    let s = state.clone();
    leptos::prelude::set_timeout(
        move || {
            let mut s = s.borrow_mut();
            s.0 = true;
            if let Some(w) = s.1.take() {
                w.wake();
            }
        },
        Duration::from_millis(ms),
    );
    Sleep { state }
}

/// Lets effects run, then waits `ms` more for frames and timers.
pub async fn settle_for(ms: u64) {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    sleep(ms).await;
}

/// The element under `root` named `label`: by aria-label, else by a
/// `<label for>` whose text is the label (a required field's trailing "*"
/// marker ignored).
pub fn find(root: &HtmlElement, label: &str) -> Option<Element> {
    if let Some(el) = root
        .query_selector(&format!("[aria-label=\"{label}\"]"))
        .unwrap()
    {
        return Some(el);
    }
    let labels = root.query_selector_all("label[for]").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i)?.dyn_into::<Element>().ok())
        .find(|l| {
            let text = l.text_content().unwrap_or_default();
            text.trim().trim_end_matches('*').trim() == label
        })
        .and_then(|l| {
            let id = l.get_attribute("for")?;
            root.query_selector(&format!("#{id}")).ok()?
        })
}

/// The page mounted over a draft box in memory, in a fresh element of
/// the document (removed when dropped). Two pages over clones of one
/// store behave like two tabs.
pub struct Page {
    pub root: HtmlElement,
    _mounted: jixiao::ui::Mounted,
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Page {
    pub async fn open(store: &jixiao::drafts::MemoryStore) -> Page {
        let doc = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&root).unwrap();
        let mounted = jixiao::ui::mount_with_store(root.clone(), store.clone());
        settle_for(30).await;
        Page {
            root,
            _mounted: mounted,
        }
    }

    /// The control with this accessible name (see [`find`]).
    pub fn find(&self, label: &str) -> Option<Element> {
        find(&self.root, label)
    }

    pub fn by_id(&self, id: &str) -> HtmlElement {
        self.root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("no #{id}"))
            .unchecked_into()
    }

    pub fn text(&self, id: &str) -> String {
        self.by_id(id).text_content().unwrap_or_default()
    }
}
