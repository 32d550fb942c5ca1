//! Component tests of import and export (wasm32, headless Chromium): a
//! multi-table document pasted as published text, previewed, imported;
//! the export menu, print view and share dialog in English; and the two
//! widgets they are built on, the modal dialog and the notice channel
//! (`src/ui/widgets/`).
//!   cargo test --target wasm32-unknown-unknown --test web_import
//!
//! The time from the paste to the preview is logged to the console (it
//! once grew faster than linearly with the number of tables, see
//! `src/ui/transfer/import_dialog.rs`); the tests assert what the author
//! sees, not a time.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use jixiao::domain::{edit, Lang, Table, Text};
use jixiao::drafts::{prefs, DraftBox, DraftEntry, MemoryStore};
use jixiao::ui::widgets::modal::Modal;
use jixiao::ui::widgets::notice::{Notice, NoticeArea, Notices};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{sleep, Page};

/// The published text layout of eight tables.
const FIXTURE: &str = include_str!("fixtures/tianjin-2025-tables-1-8.txt");

async fn settle() {
    support::settle_for(30).await;
}

impl Page {
    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }
}

fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The tables stored in `store` (not in the trash).
fn stored(store: &MemoryStore) -> Vec<Table> {
    let b = DraftBox::new(store.clone());
    b.list()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            DraftEntry::Ok { meta, .. } if meta.trashed.is_none() => {
                Some(b.load(&meta.id).unwrap().table)
            }
            _ => None,
        })
        .collect()
}

fn store_with_one_draft() -> MemoryStore {
    let store = MemoryStore::new();
    let table = Table {
        project: "原有的表".into(),
        ..edit::new_table()
    };
    DraftBox::new(store.clone())
        .create("d1", "原有的表", table, 1)
        .unwrap();
    store
}

/// Pastes `copies` copies of the eight published tables into the import
/// dialog (one input event, as a paste or Playwright's fill does), waits
/// for the preview to list them all, imports them, and returns the time
/// from the paste to the preview in ms.
/// How the text reaches the paste area.
#[derive(Debug, Clone, Copy)]
enum How {
    /// A paste (Ctrl+V): the page reads the clipboard's text itself.
    Paste,
    /// The value set and one input event (a drop, an undo, a tool).
    Input,
}

/// Dispatches a paste event carrying `text` as the clipboard's plain text,
/// as Ctrl+V does.
fn paste(el: &Element, text: &str) {
    let f = js_sys::Function::new_with_args(
        "el, text",
        "const dt = new DataTransfer(); dt.setData('text/plain', text); \
         el.dispatchEvent(new ClipboardEvent('paste', \
           { clipboardData: dt, bubbles: true, cancelable: true }));",
    );
    f.call2(&wasm_bindgen::JsValue::NULL, el, &text.into())
        .unwrap();
}

async fn import_copies(copies: usize, how: How) -> f64 {
    let n = copies * 8;
    let text = vec![FIXTURE; copies].join("\n");
    let store = store_with_one_draft();
    let page = Page::open(&store).await;
    page.by_id("import-btn").click();
    settle().await;
    // The paste area by its accessible name.
    let area: HtmlTextAreaElement = support::find(&page.root, "粘贴区")
        .expect("the paste area")
        .unchecked_into();
    assert!(page.by_id("import-go").has_attribute("disabled"));

    let t0 = now();
    match how {
        How::Paste => paste(&area, &text),
        How::Input => {
            area.set_value(&text);
            fire(&area, "input");
        }
    }
    let sync = now() - t0;
    let mut waited = 0;
    while page.count(".import-list > li.import-item") < n as u32 {
        sleep(2).await;
        waited += 1;
        assert!(waited < 60_000, "the preview never listed {n} tables");
    }
    let ms = now() - t0;
    web_sys::console::log_1(
        &format!("import dialog ({how:?}): {n} tables → preview {ms:.0} ms (handler {sync:.0} ms)")
            .into(),
    );

    assert_eq!(area.value(), text);
    // What the author sees: the count, every table, the button.
    let found = page.text("import-title");
    assert!(!found.is_empty());
    let dialog = page.root.query_selector(".import-dialog").unwrap().unwrap();
    let shown = dialog.text_content().unwrap_or_default();
    assert!(
        shown.contains(&format!("找到 {n} 张表")),
        "{}",
        &shown[..shown.len().min(400)]
    );
    assert_eq!(page.count(".import-list > li.import-item"), n as u32);
    let go = page.by_id("import-go");
    assert!(!go.has_attribute("disabled"));
    assert_eq!(go.text_content().unwrap().trim(), format!("导入 {n} 张表"));

    go.click();
    settle().await;
    let tables = stored(&store);
    assert_eq!(tables.len(), 1 + n, "one draft before, {n} imported");
    assert_eq!(
        tables
            .iter()
            .filter(|t| t.project == "科技统计信息系统建设和运维")
            .count(),
        copies
    );
    ms
}

/// Resolves in a microtask (no timer, no frame can run meanwhile).
async fn microtask() {
    let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(resolved)
        .await
        .unwrap();
}

/// Fills `area` as the browser's `insertText` does (Playwright's `fill`,
/// an IME or a tool committing text): the value grows line by line with
/// an input event each time, all in one task, so only microtasks (the
/// page's effects) run between the events. Yields a macrotask once a
/// second, so the renderer stays responsive for the test driver.
/// Returns the number of input events.
async fn fill_line_by_line(area: &HtmlTextAreaElement, text: &str) -> u32 {
    let mut events = 0;
    let mut since = now();
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        end += line.len();
        area.set_value(&text[..end]);
        fire(area, "input");
        events += 1;
        for _ in 0..3 {
            microtask().await;
        }
        if now() - since > 1000.0 {
            sleep(0).await;
            since = now();
        }
    }
    events
}

#[wasm_bindgen_test]
async fn filled_line_by_line_the_preview_is_built_once() {
    let mut times = Vec::new();
    for copies in [1, 2] {
        let n = copies * 8;
        let text = vec![FIXTURE; copies].join("\n");
        let store = store_with_one_draft();
        let page = Page::open(&store).await;
        page.by_id("import-btn").click();
        settle().await;
        let area: HtmlTextAreaElement = page.by_id("import-paste").unchecked_into();

        // The browser's share: the same events into the same field, kept
        // from the page's handlers.
        let doc = web_sys::window().unwrap().document().unwrap();
        let stop =
            wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
                ev.stop_propagation()
            });
        doc.add_event_listener_with_callback_and_bool("input", stop.as_ref().unchecked_ref(), true)
            .unwrap();
        let t0 = now();
        fill_line_by_line(&area, &text).await;
        let base = now() - t0;
        doc.remove_event_listener_with_callback_and_bool(
            "input",
            stop.as_ref().unchecked_ref(),
            true,
        )
        .unwrap();
        area.set_value("");
        settle().await;
        assert!(page.by_id("import-go").has_attribute("disabled"));

        let t0 = now();
        let events = fill_line_by_line(&area, &text).await;
        let filled = now() - t0;
        while page.count(".import-list > li.import-item") < n as u32 {
            sleep(2).await;
        }
        let total = now() - t0;
        web_sys::console::log_1(
            &format!(
                "import dialog, filled line by line: {n} tables, {events} input events, \
                 filled {filled:.0} ms, preview {total:.0} ms (without the page's handlers {base:.0} ms)"
            )
            .into(),
        );
        assert_eq!(area.value(), text);
        assert_eq!(
            page.by_id("import-go").text_content().unwrap().trim(),
            format!("导入 {n} 张表")
        );
        times.push((n, total.round(), base.round()));
    }
    web_sys::console::log_1(
        &format!("filled line by line (tables, ms, ms without the page): {times:?}").into(),
    );
}

#[wasm_bindgen_test]
async fn a_pasted_document_of_8_to_104_tables_is_previewed_and_imported() {
    let mut times = Vec::new();
    for copies in [1, 2, 4, 13] {
        times.push((copies * 8, import_copies(copies, How::Paste).await.round()));
    }
    web_sys::console::log_1(&format!("import dialog, pasted (tables, ms): {times:?}").into());
}

#[wasm_bindgen_test]
async fn text_put_in_with_one_input_event_is_previewed_and_imported() {
    let mut times = Vec::new();
    for copies in [1, 4] {
        times.push((copies * 8, import_copies(copies, How::Input).await.round()));
    }
    web_sys::console::log_1(
        &format!("import dialog, one input event (tables, ms): {times:?}").into(),
    );
}

/// The element of the whole document (paper views live outside the page's
/// root) with id `id`.
fn doc_by_id(id: &str) -> HtmlElement {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

/// The menu items of the 导出 menu, by their text.
fn menu_items(page: &Page) -> Vec<HtmlElement> {
    let list = page.root.query_selector_all("[role=menuitem]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn text_of(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

#[wasm_bindgen_test]
async fn in_english_the_import_dialog_menu_print_and_share_speak_english() {
    let mut store = store_with_one_draft();
    prefs::save_lang(&mut store, Lang::En).unwrap();
    let page = Page::open(&store).await;
    assert_eq!(text_of(&page.by_id("import-btn")), "Import…");
    assert_eq!(text_of(&page.by_id("export-btn")), "Export ▾");

    page.by_id("import-btn").click();
    settle().await;
    assert_eq!(
        text_of(&page.by_id("import-title")),
        "Import performance target tables"
    );
    let area = support::find(&page.root, "Paste area").expect("the paste area");
    assert_eq!(text_of(&page.by_id("import-go")), "Import");
    paste(&area, FIXTURE);
    while page.count(".import-list > li.import-item") < 8 {
        sleep(2).await;
    }
    let found = page.root.query_selector(".import-found").unwrap().unwrap();
    assert_eq!(text_of(&found), "Found 8 tables in the text:");
    let list = page.root.query_selector(".import-list").unwrap().unwrap();
    assert_eq!(
        list.get_attribute("aria-label").as_deref(),
        Some("Tables found")
    );
    let first = page.root.query_selector(".import-item").unwrap().unwrap();
    let first = text_of(&first);
    assert!(first.contains("budget 45.00 万元"), "{first}");
    assert!(first.contains("6 indicators"), "{first}");
    assert!(first.contains("Errors 0"), "{first}");
    assert_eq!(text_of(&page.by_id("import-go")), "Import 8 tables");
    page.by_id("import-go").click();
    settle().await;
    let toast = page
        .root
        .query_selector(".xfer-toast[role=status]")
        .unwrap()
        .unwrap();
    assert!(
        text_of(&toast).starts_with("Imported 8 tables (added to the draft box)"),
        "{}",
        text_of(&toast)
    );

    // The export menu: the unit's eight tables are offered too.
    page.by_id("export-btn").click();
    settle().await;
    let names: Vec<String> = menu_items(&page).iter().map(|b| text_of(b)).collect();
    assert_eq!(
        names,
        vec![
            "Print this table…",
            "Export to Excel (.xlsx)",
            "Export to Word (.docx)",
            "Copy as table text",
            "Export JSON",
            "Share link…",
            "Print the unit’s 8 tables…",
            "Export the unit to Excel (one sheet per table)",
            "Export the unit to Excel (all in one sheet)",
            "Export the unit to Word (one page per table)",
            "Back up the draft box (all drafts)",
        ]
    );

    // Print preview: the bar in English, the form as published.
    menu_items(&page)[0].click();
    settle().await;
    assert_eq!(text_of(&doc_by_id("print-h")), "Print preview");
    assert_eq!(text_of(&doc_by_id("print-go")), "Print");
    let paper = doc_by_id("paper-layer");
    assert!(
        text_of(&paper).contains("绩效目标表"),
        "the form stays Chinese"
    );
    assert!(text_of(&paper).contains("Back to editor"));
    let back = paper.query_selector_all(".paper-actions button").unwrap();
    back.item(2)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert!(web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id("print-h")
        .is_none());

    // The share dialog.
    page.by_id("export-btn").click();
    settle().await;
    menu_items(&page)
        .into_iter()
        .find(|b| text_of(b) == "Share link…")
        .expect("a share item")
        .click();
    settle().await;
    assert_eq!(text_of(&page.by_id("share-title")), "Share this table");
    assert!(support::find(&page.root, "Share link").is_some());
    let note = text_of(&page.by_id("share-note"));
    assert!(
        note.starts_with("The link holds the whole table ("),
        "{note}"
    );
}

#[wasm_bindgen_test]
async fn after_switching_language_import_and_its_notices_still_work() {
    let store = store_with_one_draft();
    let page = Page::open(&store).await;
    // The page is drawn again in English: the bar, its dialogs and its
    // notice channel are made anew.
    page.by_id("lang-switch").click();
    settle().await;
    assert_eq!(text_of(&page.by_id("import-btn")), "Import…");
    page.by_id("import-btn").click();
    settle().await;
    assert_eq!(
        text_of(&page.by_id("import-title")),
        "Import performance target tables"
    );
    let area = support::find(&page.root, "Paste area").expect("the paste area");
    paste(&area, FIXTURE);
    while page.count(".import-list > li.import-item") < 8 {
        sleep(2).await;
    }
    page.by_id("import-go").click();
    settle().await;
    let toast = page
        .root
        .query_selector(".xfer-toast[role=status]")
        .unwrap()
        .unwrap();
    assert!(
        text_of(&toast).starts_with("Imported 8 tables"),
        "{}",
        text_of(&toast)
    );
}

/// A fresh element of the document for a widget on its own.
fn widget_root() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn query(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn notices_say_fail_and_offer_an_action() {
    let root = widget_root();
    let handle = Rc::new(Cell::new(None::<Notices>));
    let h = handle.clone();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        h.set(Some(Notices::provide()));
        view! { <NoticeArea /> }
    });
    settle().await;
    let notices = handle.get().expect("provided");
    let status = query(&root, ".xfer-toast[role=status]");
    let alert = query(&root, ".xfer-toast.alert[role=alert]");
    assert_eq!(
        (text_of(&status), text_of(&alert)),
        (String::new(), String::new())
    );

    // News in the status region, a problem in the alert region: one at a time.
    notices.say(Text::new("已下载：a.xlsx", "Downloaded: a.xlsx"));
    settle().await;
    assert_eq!(text_of(&status), "已下载：a.xlsx");
    assert_eq!(text_of(&alert), "");
    notices.fail("浏览器拒绝了下载。".to_string());
    settle().await;
    assert_eq!(text_of(&status), "");
    assert_eq!(text_of(&alert), "浏览器拒绝了下载。");

    // An action runs once and takes the notice away.
    let ran = Arc::new(AtomicUsize::new(0));
    let r = ran.clone();
    notices.show(
        Notice::info(Text::new("已删除「表」", "Deleted “table”"))
            .with_action(Text::new("撤销", "Undo"), move || {
                r.fetch_add(1, Ordering::SeqCst);
            })
            .dismissible(),
    );
    settle().await;
    assert_eq!(text_of(&alert), "");
    assert!(
        text_of(&status).starts_with("已删除「表」"),
        "{}",
        text_of(&status)
    );
    let undo = query(&status, "button.toast-action");
    assert_eq!(text_of(&undo), "撤销");
    assert!(status
        .query_selector("button.toast-close[aria-label='关闭提示']")
        .unwrap()
        .is_some());
    undo.click();
    settle().await;
    assert_eq!(ran.load(Ordering::SeqCst), 1);
    assert_eq!(text_of(&status), "");

    // The close button, and a notice's time.
    notices.show(Notice::failure(Text::new("存储已满", "Storage is full")).dismissible());
    settle().await;
    assert_eq!(text_of(&alert).trim_end_matches('×'), "存储已满");
    query(&alert, "button.toast-close").click();
    settle().await;
    assert_eq!(text_of(&alert), "");
    notices
        .show(Notice::info(Text::new("很快就走", "Gone soon")).lasting(Duration::from_millis(50)));
    settle().await;
    assert_eq!(text_of(&status), "很快就走");
    sleep(200).await;
    assert_eq!(text_of(&status), "");
    drop(mounted);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_modal_is_named_by_its_heading_and_gives_focus_back() {
    let root = widget_root();
    let before = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("button")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    before.set_id("modal-opener");
    root.append_child(&before).unwrap();
    let open = Rc::new(Cell::new(None::<RwSignal<bool>>));
    let o = open.clone();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        let shown = RwSignal::new(false);
        o.set(Some(shown));
        view! {
            <Modal open=shown title_id="m-title" described_by="m-what" first_focus="m-field" class="test-modal">
                <h2 id="m-title">"标题"</h2>
                <p id="m-what">"说明"</p>
                <button type="button">"先"</button>
                <input id="m-field" />
            </Modal>
        }
    });
    settle().await;
    let open = open.get().expect("mounted");
    let dialog = query(&root, "dialog.xfer-modal.test-modal");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("m-title")
    );
    assert_eq!(
        dialog.get_attribute("aria-describedby").as_deref(),
        Some("m-what")
    );
    assert!(!dialog.has_attribute("open"));

    before.focus().unwrap();
    open.set(true);
    settle().await;
    assert!(dialog.has_attribute("open"));
    let active = || {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .map(|e| e.id())
    };
    assert_eq!(active().as_deref(), Some("m-field"));

    // Closed by the browser (as Esc does): the state follows, focus returns.
    dialog.unchecked_ref::<web_sys::HtmlDialogElement>().close();
    settle().await;
    assert!(!open.get_untracked());
    assert_eq!(active().as_deref(), Some("modal-opener"));
    drop(mounted);
    root.remove();
}
