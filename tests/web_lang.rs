//! Component tests of the language switch (wasm32, headless Chromium): the
//! draft bar, the draft box and the conflict dialog in English, the table
//! kept across a switch, and the choice remembered in the store.
//!   cargo test --target wasm32-unknown-unknown --test web_lang
#![cfg(target_arch = "wasm32")]

use jixiao::domain::{edit, Lang};
use jixiao::drafts::{prefs, DraftBox, DraftEntry, MemoryStore, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{sleep, Page};

async fn settle() {
    support::settle_for(30).await;
}

impl Page {
    fn has(&self, label: &str) -> bool {
        self.find(label).is_some()
    }

    /// The button whose text (or aria-label) is `name`.
    fn button(&self, name: &str) -> HtmlElement {
        let list = self.root.query_selector_all("button").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
            .find(|b| {
                b.get_attribute("aria-label").as_deref() == Some(name)
                    || b.text_content().unwrap_or_default().trim() == name
            })
            .unwrap_or_else(|| panic!("no button named {name}"))
    }

    async fn press(&self, name: &str) {
        self.button(name).click();
        settle().await;
    }

    /// The project name field (found by id: its label is translated too).
    fn project(&self) -> HtmlInputElement {
        self.by_id("f-project").unchecked_into()
    }

    fn type_project(&self, text: &str) {
        let input = self.project();
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&ev).unwrap();
    }

    /// The accessible name the draft count gives ("共 1 份" / "1 draft").
    fn count_label(&self) -> String {
        self.root
            .query_selector("#draftbox-toggle .n")
            .unwrap()
            .expect("the draft count")
            .get_attribute("aria-label")
            .unwrap_or_default()
    }
}

fn html_lang() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

fn store_with_one_draft() -> MemoryStore {
    let store = MemoryStore::new();
    DraftBox::new(store.clone())
        .create("d1", "测试", edit::new_table(), 1)
        .unwrap();
    store
}

/// The names of the drafts in `store` not in the trash.
fn draft_names(store: &MemoryStore) -> Vec<String> {
    DraftBox::new(store.clone())
        .list()
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            DraftEntry::Ok { meta, .. } if meta.trashed.is_none() => Some(meta.name),
            _ => None,
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_draft_bar_switches_language_keeps_the_table_and_remembers() {
    let store = store_with_one_draft();
    let page = Page::open(&store).await;
    // Chinese by default.
    assert_eq!(html_lang(), "zh-CN");
    assert!(page.has("撤销与重做"));
    assert!(page.text("draftbox-toggle").starts_with("草稿箱"));
    assert_eq!(page.count_label(), "共 1 份");
    page.type_project("科技统计");
    sleep(500).await;
    assert!(page.text("save-status").contains("已保存"));

    // To English: the draft bar's names change, the table stays.
    page.press("English").await;
    assert_eq!(html_lang(), "en");
    assert_eq!(store.get(prefs::LANG_KEY).unwrap().as_deref(), Some("en"));
    assert!(
        page.has("Undo and redo"),
        "the undo group is named in English"
    );
    assert!(!page.has("撤销与重做"));
    assert!(page.text("draftbox-toggle").starts_with("Draft box"));
    assert_eq!(page.count_label(), "1 draft");
    assert_eq!(page.text("undo").trim(), "↶ Undo");
    assert_eq!(
        page.by_id("undo").get_attribute("title").as_deref(),
        Some("Undo (Ctrl+Z)")
    );
    assert_eq!(page.text("redo").trim(), "↷ Redo");
    let status = page.text("save-status");
    assert!(status.starts_with("✓ Saved "), "{status}");
    assert_eq!(page.project().value(), "科技统计", "the typed text stays");
    assert_eq!(page.text("current-draft-name"), "测试");
    // The history stays too: the typing can still be undone.
    assert!(!page.by_id("undo").has_attribute("disabled"));

    // The draft box in English.
    page.by_id("draftbox-toggle").click();
    settle().await;
    assert!(page.text("draftbox-h").contains("Draft box"));
    assert!(page.has("Drafts"), "the list is named");
    for name in [
        "Open “测试”",
        "Rename “测试”",
        "Duplicate “测试”",
        "Delete “测试”",
    ] {
        assert!(page.has(name), "no control named {name}");
    }
    assert!(page
        .text("draftbox-toggle")
        .starts_with("← Back to editing"));
    // Duplicating names the copy in English.
    page.press("Duplicate “测试”").await;
    assert!(
        draft_names(&store).contains(&"测试 (copy)".to_string()),
        "{:?}",
        draft_names(&store)
    );
    let toast = page
        .root
        .query_selector(".xfer-toast[role=status]")
        .unwrap()
        .expect("a toast")
        .text_content()
        .unwrap();
    assert!(toast.contains("Duplicated as “测试 (copy)”"), "{toast}");
    page.by_id("draftbox-toggle").click();
    settle().await;

    // A second page over the same store comes up in English; a new blank
    // draft made there is named in English.
    {
        let second = Page::open(&store).await;
        assert_eq!(second.text("lang-switch").trim(), "中文");
        assert!(second.has("Undo and redo"));
        second.press("New blank table").await;
        assert_eq!(second.text("current-draft-name"), "Untitled draft");
        sleep(100).await;
        assert!(draft_names(&store).contains(&"Untitled draft".to_string()));
    }

    // Back to Chinese: the Chinese names return, the table is still there.
    page.press("中文").await;
    assert_eq!(html_lang(), "zh-CN");
    assert_eq!(
        prefs::load_lang(&store),
        Some(Lang::Zh),
        "the choice of Chinese is remembered too"
    );
    assert!(page.has("撤销与重做"));
    assert!(!page.has("Undo and redo"));
    assert!(page.text("draftbox-toggle").starts_with("草稿箱"));
    let count = page.count_label();
    assert!(
        count.starts_with("共 ") && count.ends_with(" 份"),
        "{count}"
    );
    assert_eq!(page.text("undo").trim(), "↶ 撤销");
    assert!(page.text("save-status").contains("已保存"));
    assert_eq!(page.project().value(), "科技统计");
    page.by_id("draftbox-toggle").click();
    settle().await;
    assert!(page.has("重命名「测试」"));
    assert!(page.has("复制「测试」"));
    assert!(page.has("删除「测试」"));
    page.by_id("draftbox-toggle").click();
    settle().await;
    // A blank draft made in Chinese gets the Chinese name.
    page.press("新建空白表").await;
    assert_eq!(page.text("current-draft-name"), "未命名草稿");
}

#[wasm_bindgen_test]
async fn the_conflict_dialog_in_english() {
    let mut store = store_with_one_draft();
    prefs::save_lang(&mut store, Lang::En).unwrap();
    let a = Page::open(&store).await;
    let b = Page::open(&store).await;
    assert_eq!(html_lang(), "en");
    a.type_project("A's project");
    b.type_project("B's project");
    sleep(700).await;
    let conflict = "[role=dialog][aria-labelledby=conflict-h]";
    let (asker, other) = if a.root.query_selector(conflict).unwrap().is_some() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let dialog = asker
        .root
        .query_selector(conflict)
        .unwrap()
        .expect("one page asks");
    let text = dialog.text_content().unwrap();
    for words in [
        "This draft was also changed in another tab",
        "Theirs (the other tab)",
        "Mine (this page)",
        "Differences (1)",
        "Project name",
        "Keep both",
        "Keep mine",
        "Keep theirs",
        "Decide later",
    ] {
        assert!(text.contains(words), "no “{words}” in {text}");
    }
    assert!(
        asker.text("save-status").contains("Not saved"),
        "{}",
        asker.text("save-status")
    );
    asker.click_id("conflict-both").await;
    assert!(asker.root.query_selector(conflict).unwrap().is_none());
    let names = draft_names(&store);
    assert!(
        names.iter().any(|n| n.ends_with(" (this page's version)")),
        "{names:?}"
    );
    assert!(other.text("save-status").starts_with("✓ Saved"));
    // Leave the page language as the other tests expect it.
    drop(b);
    a.press("中文").await;
}

impl Page {
    async fn click_id(&self, id: &str) {
        self.by_id(id).click();
        settle().await;
    }
}
