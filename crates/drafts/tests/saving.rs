//! The open draft's saves: autosave after edits, another tab's writes
//! (followed, merged, or a conflict the author settles: theirs, mine or
//! both), and failures that keep the text.

mod tab;

use jixiao_domain::Lang;
use jixiao_drafts::drafts::key_of;
use jixiao_drafts::session::{Due, Show};
use jixiao_drafts::{
    DraftBox, MemoryStore, Offer, Problem, SaveError, SaveOutcome, SaveState, Store, StoreError,
};
use tab::{zh, Tab};

fn failed_text(tab: &Tab, lang: Lang) -> String {
    match tab.open.state() {
        SaveState::Failed(why) => why.get(lang).to_string(),
        other => panic!("not failed: {other:?}"),
    }
}

#[test]
fn edits_are_saved_after_a_pause_and_named_after_the_project() {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1_000);
    // An empty box gets a first blank draft, stored at once.
    assert_eq!(tab.names(), ["未命名草稿"]);
    assert_eq!(tab.open.state(), &SaveState::Saved(1_000));

    let due = tab.edit(2_000, |t| t.project = "科技统计".into());
    assert_eq!(due, Some(2_400));
    assert_eq!(tab.open.state(), &SaveState::Pending);
    assert!(tab.open.dirty(tab.edits));
    assert_eq!(tab.open.autosave_due(2_100), Due::Wait(300));
    assert_eq!(tab.tick(2_100), None);
    assert_eq!(tab.tick(2_400), Some(SaveOutcome::Saved));
    assert_eq!(tab.open.state(), &SaveState::Saved(2_400));
    assert!(!tab.open.dirty(tab.edits));
    assert_eq!(tab.stored().project, "科技统计");
    // A name never chosen follows the project.
    assert_eq!(tab.names(), ["科技统计"]);
    assert_eq!(tab.open.meta().name, "科技统计");
    // Nothing more to save.
    assert_eq!(tab.save(2_500), SaveOutcome::Clean);
    assert_eq!(tab.open.autosave_due(3_000), Due::Idle);

    // Steady typing is saved within a second of the first unsaved edit.
    let mut saved_at = None;
    for k in 0..10u64 {
        let now = 10_000 + k * 150;
        if let Some(SaveOutcome::Saved) = tab.tick(now) {
            saved_at.get_or_insert(now);
        }
        tab.edit(now, |t| t.purpose.push('字'));
    }
    assert_eq!(saved_at, Some(11_050), "no later than 1 s after 10 000");
}

#[test]
fn a_chosen_name_stays_when_the_project_changes() {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1);
    let id = tab.open.id().to_string();
    let out = tab.act(|o, b, mine, _| o.rename(b, &id, "  二号表 ", mine, zh(2)));
    assert!(out.relist);
    assert_eq!(tab.open.meta().name, "二号表");
    tab.edit(3, |t| t.project = "第二个项目".into());
    assert_eq!(tab.save(4), SaveOutcome::Saved);
    assert_eq!(tab.names(), ["二号表"]);
}

#[test]
fn another_tab_is_followed_when_nothing_here_is_unsaved() {
    let store = MemoryStore::new();
    let mut a = Tab::open(&store, "a", None, 1);
    let mut b = Tab::open(&store, "b", None, 2);
    assert_eq!(
        a.open.id(),
        b.open.id(),
        "a new tab opens the most recent draft"
    );
    b.edit(3, |t| t.unit_code = "331202".into());
    assert_eq!(b.save(4), SaveOutcome::Saved);
    let key = b.the_key();
    let out = a.storage_event(Some(&key), 5);
    assert_eq!(out.show, Some(Show::Replace { undoable: false }));
    assert_eq!(a.table.unit_code, "331202");
    assert_eq!(a.open.state(), &SaveState::Saved(4));
    // Keys of other drafts, or of other programs, change nothing here.
    assert_eq!(a.storage_event(Some("other.app"), 6), Default::default());
    assert_eq!(a.storage_event(Some(&key_of("x")), 6), Default::default());
}

#[test]
fn a_rename_in_another_tab_is_merged_without_asking() {
    let store = MemoryStore::new();
    let mut a = Tab::open(&store, "a", None, 1);
    let mut b = Tab::open(&store, "b", None, 2);
    let id = b.open.id().to_string();
    let out = b.act(|o, d, mine, _| o.rename(d, &id, "改名了", mine, zh(3)));
    assert!(out.relist);
    a.edit(4, |t| t.purpose = "A 写的用途".into());
    assert_eq!(a.save(5), SaveOutcome::Saved);
    assert_eq!(a.open.meta().name, "改名了");
    assert_eq!(a.stored().purpose, "A 写的用途");
    assert!(a.open.conflict().is_none());
}

/// Two tabs on one draft, both with unsaved edits; B saves first. A hears
/// of it by the storage event and is asked.
fn conflict() -> (MemoryStore, Tab, Tab) {
    let store = MemoryStore::new();
    let mut a = Tab::open(&store, "a", None, 1);
    a.edit(2, |t| t.project = "共同的项目".into());
    assert_eq!(a.save(3), SaveOutcome::Saved);
    let mut b = Tab::open(&store, "b", None, 4);
    a.edit(5, |t| t.purpose = "A 页写的资金用途".into());
    b.edit(6, |t| t.unit_name = "B 页写的单位名称".into());
    assert_eq!(b.save(7), SaveOutcome::Saved);
    let key = b.the_key();
    let out = a.storage_event(Some(&key), 8);
    assert!(!out.stored);
    (store, a, b)
}

#[test]
fn a_second_tabs_write_is_a_conflict_and_nothing_is_saved_meanwhile() {
    let (_, mut a, b) = conflict();
    let theirs = a.open.conflict().expect("A is asked");
    assert_eq!(theirs.table.unit_name, "B 页写的单位名称");
    assert_eq!(
        failed_text(&a, Lang::Zh),
        "另一个标签页也修改了这份草稿，请选择保留哪一份"
    );
    assert_eq!(
        failed_text(&a, Lang::En),
        "this draft was also changed in another tab: choose which to keep"
    );
    // Both texts are still at hand: mine in the page, theirs stored.
    assert_eq!(a.table.purpose, "A 页写的资金用途");
    assert_eq!(b.stored().unit_name, "B 页写的单位名称");
    // Edits wait for the author's choice.
    assert_eq!(a.edit(9, |t| t.purpose.push('！')), None);
    assert_eq!(a.save(10), SaveOutcome::Held);
    assert_eq!(b.stored().purpose, "");
    // Leaving now asks first, saying why.
    let q = a.open.leave_question();
    assert!(q
        .get(Lang::Zh)
        .starts_with("「共同的项目」有未保存的修改（另一个标签页也修改了"));
    assert!(q.get(Lang::En).ends_with("Leave anyway?"));
}

#[test]
fn keep_theirs_puts_their_table_in_the_page_with_mine_one_undo_away() {
    let (_, mut a, _) = conflict();
    let out = a.act(|o, _, mine, _| o.keep_theirs(mine));
    assert_eq!(out.show, Some(Show::Replace { undoable: true }));
    assert_eq!(a.table.unit_name, "B 页写的单位名称");
    assert_eq!(a.table.purpose, "");
    assert!(a.open.conflict().is_none());
    assert!(a.told().starts_with("已采用另一个标签页的版本"));
    // The page's undo brings mine back: an edit, saved like any other.
    a.edit(20, |t| t.purpose = "A 页写的资金用途".into());
    assert_eq!(a.save(21), SaveOutcome::Saved);
    assert_eq!(a.stored().purpose, "A 页写的资金用途");
}

#[test]
fn keep_mine_saves_over_theirs() {
    let (_, mut a, mut b) = conflict();
    let out = a.act(|o, d, mine, _| o.keep_mine(d, mine, zh(20)));
    assert!(out.stored);
    assert_eq!(a.told(), "已保存本页的版本");
    assert_eq!(a.stored().purpose, "A 页写的资金用途");
    assert_eq!(a.stored().unit_name, "", "their edit is gone, as chosen");
    assert!(matches!(a.open.state(), SaveState::Saved(20)));
    // B, with nothing unsaved, follows.
    let key = a.the_key();
    let out = b.storage_event(Some(&key), 21);
    assert_eq!(out.show, Some(Show::Replace { undoable: false }));
    assert_eq!(b.table.purpose, "A 页写的资金用途");
}

#[test]
fn keep_both_saves_mine_as_a_new_draft_and_continues_there() {
    let (_, mut a, b) = conflict();
    let theirs_id = b.open.id().to_string();
    let out = a.act(|o, d, mine, new_id| o.keep_both(d, mine, zh(20), new_id));
    assert!(out.relist);
    assert_eq!(a.open.meta().name, "共同的项目（本页版本）");
    assert_ne!(a.open.id(), theirs_id);
    assert_eq!(a.stored().purpose, "A 页写的资金用途");
    assert_eq!(
        a.told(),
        "已另存为「共同的项目（本页版本）」；另一个标签页的版本仍是「共同的项目」"
    );
    let offer = a.notice.as_ref().unwrap().offer.clone();
    assert_eq!(offer, Some(Offer::Open(theirs_id)));
    assert_eq!(b.stored().unit_name, "B 页写的单位名称");
    assert_eq!(b.stored().purpose, "");
    assert_eq!(a.names(), ["共同的项目（本页版本）", "共同的项目"]);
    assert!(matches!(a.open.state(), SaveState::Saved(_)));
}

#[test]
fn keep_both_in_english_names_the_copy_in_english() {
    let (_, mut a, _) = conflict();
    a.lang = Lang::En;
    let at = a.at(20);
    let out = a.act(|o, d, mine, new_id| o.keep_both(d, mine, at, new_id));
    assert!(out.relist);
    assert_eq!(a.open.meta().name, "共同的项目 (this page's version)");
    assert_eq!(
        a.told(),
        "Saved as “共同的项目 (this page's version)”; the other tab's version is still “共同的项目”"
    );
}

#[test]
fn a_full_store_keeps_the_text_says_so_and_saving_resumes() {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1);
    tab.edit(2, |t| t.project = "存得下的项目".into());
    assert_eq!(tab.save(3), SaveOutcome::Saved);
    store.set_quota(Some(store.used() + 10));
    tab.edit(4, |t| t.project = "存不下的项目".repeat(20));
    let out = tab.save(5);
    assert_eq!(
        out,
        SaveOutcome::Failed(SaveError::Store(StoreError::QuotaExceeded))
    );
    assert_eq!(failed_text(&tab, Lang::Zh), "浏览器存储空间已满");
    assert_eq!(failed_text(&tab, Lang::En), "the browser's storage is full");
    assert_eq!(tab.open.problem(), Some(Problem::Full));
    // The page keeps the text; the store keeps the last good draft.
    assert!(tab.table.project.starts_with("存不下的项目"));
    assert_eq!(tab.stored().project, "存得下的项目");
    assert!(tab.open.dirty(tab.edits));
    // Space again: the next edit is saved and the problem goes.
    store.set_quota(None);
    tab.edit(6, |t| t.unit_name = "研究院".into());
    assert_eq!(tab.save(7), SaveOutcome::Saved);
    assert_eq!(tab.open.problem(), None);
    assert!(tab.stored().project.starts_with("存不下的项目"));
}

#[test]
fn a_new_draft_the_store_refuses_stays_open_and_is_stored_later() {
    let store = MemoryStore::with_quota(64);
    let mut tab = Tab::open(&store, "a", None, 1);
    // The first blank draft could not be stored: it waits to be saved.
    assert!(tab.open.dirty(tab.edits));
    assert_eq!(tab.open.state(), &SaveState::Pending);
    assert!(tab.open.pending());
    assert!(matches!(tab.save(2), SaveOutcome::Failed(_)));
    assert_eq!(tab.open.problem(), Some(Problem::Full));
    store.set_quota(None);
    assert_eq!(tab.save(3), SaveOutcome::Saved);
    assert_eq!(tab.names(), ["未命名草稿"]);
}

#[test]
fn a_damaged_stored_copy_is_not_saved_over_and_can_be_saved_as_new() {
    let mut store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1);
    tab.edit(2, |t| t.project = "好的项目".into());
    assert_eq!(tab.save(3), SaveOutcome::Saved);
    let key = tab.the_key();
    store.set(&key, "{broken").unwrap();
    tab.edit(4, |t| t.purpose = "还在本页".into());
    assert_eq!(tab.save(5), SaveOutcome::Failed(SaveError::Damaged));
    assert_eq!(tab.open.problem(), Some(Problem::Damaged));
    assert_eq!(
        failed_text(&tab, Lang::Zh),
        "存储中的这份草稿已损坏，未覆盖"
    );
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("{broken"));
    // 另存为新草稿: the page's text goes to a new draft.
    let name = jixiao_drafts::names::saved_copy_name("好的项目").into_lang(Lang::Zh);
    let out = tab.act(|o, d, mine, new_id| {
        o.save_as_new(d, &name, mine, zh(6), new_id)
            .expect("stored")
    });
    assert!(out.relist);
    assert_eq!(tab.open.meta().name, "好的项目（另存）");
    assert_eq!(tab.open.problem(), None);
    assert_eq!(tab.stored().purpose, "还在本页");
    assert_eq!(store.get(&key).unwrap().as_deref(), Some("{broken"));
}

#[test]
fn a_draft_from_a_newer_version_is_read_only_until_copied() {
    let mut store = MemoryStore::new();
    let future = serde_json::json!({
        "format": "jixiao-draft", "version": 3, "id": "future", "name": "新版本写的草稿",
        "revision": 4, "created": 1, "updated": 2, "trashed": null,
        "table": {"project": "新版本的项目"},
    })
    .to_string();
    store.set(&key_of("future"), &future).unwrap();
    let mut tab = Tab::open(&store, "a", None, 10);
    assert_eq!(tab.open.id(), "future");
    assert_eq!(tab.open.readonly(), Some(3));
    assert_eq!(tab.open.state(), &SaveState::ReadOnly);
    assert_eq!(tab.edit(11, |t| t.project.push('改')), None);
    assert_eq!(tab.save(12), SaveOutcome::Held);
    let name = jixiao_drafts::names::copy_name("新版本写的草稿").into_lang(Lang::Zh);
    let out = tab.act(|o, d, mine, new_id| {
        o.save_as_new(d, &name, mine, zh(13), new_id)
            .expect("stored")
    });
    assert!(out.relist);
    assert_eq!(tab.open.readonly(), None);
    assert_eq!(tab.open.meta().name, "新版本写的草稿（副本）");
    assert_eq!(tab.stored().project, "新版本的项目改");
    assert_eq!(store.get(&key_of("future")).unwrap().unwrap(), future);
    // The box lists both; the newer one untouched.
    let listed = DraftBox::new(store.clone()).list().unwrap();
    assert_eq!(listed.len(), 2);
}
