//! Component tests of drafts, autosave and undo (wasm32, headless
//! Chromium), over draft boxes in memory.
//!   cargo test --target wasm32-unknown-unknown --test web_drafts
//!
//! The undo history, the autosave schedule and the save/conflict policy
//! themselves are tested natively (crates/drafts/); these drive them
//! through the page.
#![cfg(target_arch = "wasm32")]

use jixiao::domain::{edit, Indicator, Table};
use jixiao::drafts::{DraftBox, DraftEntry, MemoryStore};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{sleep, Page};

async fn settle() {
    support::settle_for(30).await;
}

impl Page {
    fn get(&self, label: &str) -> Element {
        self.find(label)
            .unwrap_or_else(|| panic!("no element labelled {label}"))
    }

    fn value(&self, label: &str) -> String {
        let el = self.get(label);
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            i.value()
        } else {
            el.unchecked_into::<HtmlTextAreaElement>().value()
        }
    }

    /// Sets the whole value and fires one input event (like a paste).
    fn put(&self, label: &str, text: &str) {
        let el = self.get(label);
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            i.set_value(text);
        } else {
            el.unchecked_ref::<HtmlTextAreaElement>().set_value(text);
        }
        fire(&el, "input");
    }

    async fn click(&self, id: &str) {
        self.by_id(id).click();
        settle().await;
    }

    fn status(&self) -> String {
        self.by_id("save-status").text_content().unwrap_or_default()
    }

    fn disabled(&self, id: &str) -> bool {
        self.by_id(id).has_attribute("disabled")
    }
}

fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// The tables stored in `store`, by project name (not in the trash).
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

fn store_with(table: Table) -> MemoryStore {
    let store = MemoryStore::new();
    DraftBox::new(store.clone())
        .create("d1", "测试", table, 1)
        .unwrap();
    store
}

#[wasm_bindgen_test]
async fn an_empty_box_gets_a_first_draft() {
    let store = MemoryStore::new();
    let page = Page::open(&store).await;
    assert_eq!(page.value("项目名称"), "");
    let tables = stored(&store);
    assert_eq!(tables, vec![edit::new_table()]);
    assert!(page.status().contains("已保存"), "{}", page.status());
}

#[wasm_bindgen_test]
async fn autosave_waits_for_a_pause_but_never_more_than_a_second() {
    let store = store_with(edit::new_table());
    let page = Page::open(&store).await;
    let label = "项目名称";
    // A pause: saved after ~400 ms, not at once.
    page.put(label, "甲");
    settle().await;
    assert_eq!(page.status(), "保存中…");
    assert_eq!(stored(&store)[0].project, "");
    sleep(500).await;
    assert_eq!(stored(&store)[0].project, "甲");
    assert!(page.status().contains("已保存"), "{}", page.status());

    // Steady typing (every 100 ms, never a 400 ms pause) is still saved
    // within a second of the first unsaved keystroke.
    let mut text = String::from("甲");
    let mut saved_while_typing = false;
    for k in 0..15 {
        text.push(char::from_u32(0x4e00 + k).unwrap());
        page.put(label, &text);
        sleep(100).await;
        if k >= 10 && stored(&store)[0].project.chars().count() > 2 {
            saved_while_typing = true;
        }
    }
    assert!(saved_while_typing, "nothing saved in 1.5 s of typing");
    sleep(600).await;
    assert_eq!(stored(&store)[0].project, text);
}

#[wasm_bindgen_test]
async fn undo_and_redo_a_hundred_and_twenty_steps() {
    let store = store_with(edit::new_table());
    let page = Page::open(&store).await;
    assert!(page.disabled("undo"));
    // 120 edits, alternating between two fields: each is its own step.
    for k in 0..120 {
        let label = if k % 2 == 0 {
            "项目名称"
        } else {
            "单位名称"
        };
        page.put(label, &format!("第{k}次"));
    }
    settle().await;
    assert_eq!(page.value("项目名称"), "第118次");
    assert_eq!(page.value("单位名称"), "第119次");
    for _ in 0..120 {
        assert!(!page.disabled("undo"));
        page.by_id("undo").click();
    }
    settle().await;
    assert!(page.disabled("undo"));
    assert_eq!(page.value("项目名称"), "");
    assert_eq!(page.value("单位名称"), "");
    for _ in 0..120 {
        page.by_id("redo").click();
    }
    settle().await;
    assert!(page.disabled("redo"));
    assert_eq!(page.value("项目名称"), "第118次");
    assert_eq!(page.value("单位名称"), "第119次");
    // Undo and redo are edits: saved like typing.
    sleep(500).await;
    assert_eq!(stored(&store)[0].unit_name, "第119次");
}

#[wasm_bindgen_test]
async fn keystrokes_coalesce_per_field_and_rows_come_back_whole() {
    let mut table = edit::new_table();
    table.indicators = vec![
        Indicator::new("产出指标", "数量指标", "甲", "甲的描述", "3个"),
        Indicator::new("产出指标", "数量指标", "乙", "乙的描述", "4个"),
    ];
    let store = store_with(table);
    let page = Page::open(&store).await;
    // Four keystrokes in one field without a pause: one step.
    for text in ["科", "科技", "科技统", "科技统计"] {
        page.put("项目名称", text);
        sleep(20).await;
    }
    page.put("三级指标 第2行", "乙改");
    settle().await;
    // A structural edit: remove row 1.
    page.get("删除 第1行")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert!(page.find("三级指标 第2行").is_none());
    assert_eq!(page.value("三级指标 第1行"), "乙改");

    page.click("undo").await;
    assert_eq!(page.value("三级指标 第1行"), "甲");
    assert_eq!(page.value("绩效指标描述 第1行"), "甲的描述");
    assert_eq!(page.value("指标值 第1行"), "3个");
    assert_eq!(page.value("三级指标 第2行"), "乙改");
    page.click("undo").await;
    assert_eq!(page.value("三级指标 第2行"), "乙");
    assert_eq!(page.value("项目名称"), "科技统计");
    page.click("undo").await;
    assert_eq!(page.value("项目名称"), "");
    assert!(page.disabled("undo"));
    page.click("redo").await;
    assert_eq!(page.value("项目名称"), "科技统计");
}

#[wasm_bindgen_test]
async fn two_pages_on_one_draft_conflict_and_keep_both() {
    let store = store_with(edit::new_table());
    let a = Page::open(&store).await;
    let b = Page::open(&store).await;
    // Both type before either saves: the second save is a conflict.
    a.put("项目名称", "A 的项目");
    b.put("单位名称", "B 的单位");
    sleep(700).await;
    let conflict = "[role=dialog][aria-labelledby=conflict-h]";
    let dialogs = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .query_selector_all(conflict)
        .unwrap();
    assert_eq!(dialogs.length(), 1, "one page asks");
    let dialog: Element = dialogs.item(0).unwrap().unchecked_into();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let text = dialog.text_content().unwrap();
    assert!(text.contains("对方的") && text.contains("我的"), "{text}");
    let (asker, other) = if a.root.contains(Some(&dialog)) {
        (&a, &b)
    } else {
        (&b, &a)
    };
    asker.click("conflict-both").await;
    assert!(asker.root.query_selector(conflict).unwrap().is_none());
    sleep(100).await;
    let tables = stored(&store);
    assert_eq!(tables.len(), 2, "{tables:?}");
    assert!(tables.iter().any(|t| t.project == "A 的项目"));
    assert!(tables.iter().any(|t| t.unit_name == "B 的单位"));
    // The page that saved first goes on undisturbed.
    assert!(other.status().contains("已保存"), "{}", other.status());
    assert!(other.root.query_selector(conflict).unwrap().is_none());
}
