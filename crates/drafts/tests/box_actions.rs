//! The draft box's actions on the open draft and the others: open, new,
//! delete and 撤销, restore, purge, empty the trash, rename, duplicate,
//! discard a damaged entry; and which draft a tab opens with.

mod tab;

use jixiao_domain::Bilingual as _;
use jixiao_domain::{edit, Lang};
use jixiao_drafts::drafts::{key_of, LoadError};
use jixiao_drafts::session::{
    discard_damaged_question, empty_trash_question, purge_question, Show,
};
use jixiao_drafts::{prefs, DraftEntry, MemoryStore, Offer, SaveOutcome, Store};
use tab::{zh, Tab};

/// A tab with two drafts, "保留的项目" (older) and "技术市场服务" (open).
fn two_drafts() -> (MemoryStore, Tab) {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1);
    tab.edit(2, |t| t.project = "保留的项目".into());
    assert_eq!(tab.save(3), SaveOutcome::Saved);
    let mut example = edit::new_table();
    example.project = "技术市场服务".into();
    let out = tab.act(|o, d, mine, id| o.new_draft(d, example, mine, zh(10), id));
    assert_eq!(out.show, Some(Show::Load));
    assert!(out.relist);
    assert_eq!(tab.table.project, "技术市场服务");
    (store, tab)
}

#[test]
fn a_new_draft_leaves_the_old_one_in_the_box_and_an_untouched_blank_goes() {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1);
    assert_eq!(tab.names(), ["未命名草稿"]);
    // The first blank was never touched: opening an example replaces it.
    let mut example = edit::new_table();
    example.project = "示例".into();
    let _ = tab.act(|o, d, mine, id| o.new_draft(d, example, mine, zh(2), id));
    assert_eq!(tab.names(), ["示例"]);
    // A touched draft stays.
    let _ = tab.act(|o, d, mine, id| o.new_draft(d, edit::new_table(), mine, zh(3), id));
    assert_eq!(tab.names(), ["未命名草稿", "示例"]);
    // Named in the page's language.
    tab.lang = Lang::En;
    tab.edit(4, |t| t.unit_name = "x".into());
    let at = tab.at(5);
    let _ = tab.act(|o, d, mine, id| o.new_draft(d, edit::new_table(), mine, at, id));
    assert_eq!(tab.open.meta().name, "Untitled draft");
}

#[test]
fn opening_a_draft_of_the_box_shows_its_table() {
    let (_, mut tab) = two_drafts();
    let other = tab
        .drafts
        .list()
        .unwrap()
        .iter()
        .filter_map(DraftEntry::meta)
        .find(|m| m.name == "保留的项目")
        .unwrap()
        .id
        .clone();
    let out = tab.act(|o, d, mine, _| o.open(d, &other, mine, zh(20)).unwrap());
    assert_eq!(out.show, Some(Show::Load));
    assert_eq!(tab.table.project, "保留的项目");
    assert_eq!(tab.open.meta().name, "保留的项目");
    // A draft deleted meanwhile (in another tab) says so.
    let mine = jixiao_drafts::Mine {
        table: &tab.table,
        edits: tab.edits,
    };
    let err = tab
        .open
        .open(&mut tab.drafts, "gone", mine, zh(21))
        .unwrap_err();
    assert_eq!(err, LoadError::Missing);
    assert_eq!(
        err.text().get(Lang::Zh),
        "这份草稿已不存在（可能在另一个标签页中删除了）。"
    );
}

#[test]
fn deleting_the_open_draft_opens_the_next_and_undo_brings_it_back_whole() {
    let (_, mut tab) = two_drafts();
    let id = tab.open.id().to_string();
    tab.edit(11, |t| t.purpose = "改过的用途".into());
    let out = tab.act(|o, d, mine, new_id| o.delete(d, &id, mine, zh(12), new_id));
    assert_eq!(out.show, Some(Show::Load));
    assert_eq!(tab.told(), "已删除「技术市场服务」");
    assert_eq!(tab.open.meta().name, "保留的项目");
    assert_eq!(tab.table.project, "保留的项目");
    assert_eq!(tab.names(), ["保留的项目"]);
    assert_eq!(tab.trash(), ["技术市场服务"]);
    let offer = tab.notice.clone().unwrap().offer.unwrap();
    assert_eq!(
        offer,
        Offer::UndoDelete {
            id: id.clone(),
            was_open: true,
            replacement: None
        }
    );
    assert_eq!(offer.label().get(Lang::Zh), "撤销");

    // 撤销: back from the trash, open again, with the edit made before.
    let (restored, out) = tab.open.undelete(&mut tab.drafts, &id, zh(13));
    let restored = restored.expect("restored");
    assert_eq!(
        out.notice.unwrap().text.get(Lang::Zh),
        "已恢复「技术市场服务」"
    );
    let out = tab.act(|o, d, mine, _| o.reopen(d, restored, None, mine, zh(13)));
    assert_eq!(out.show, Some(Show::Load));
    assert_eq!(tab.open.id(), id);
    assert_eq!(tab.table.purpose, "改过的用途");
    assert!(tab.trash().is_empty());
}

#[test]
fn deleting_the_last_draft_opens_a_blank_one_which_undo_removes() {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store, "a", None, 1);
    tab.edit(2, |t| t.project = "唯一的".into());
    let id = tab.open.id().to_string();
    let _ = tab.act(|o, d, mine, new_id| o.delete(d, &id, mine, zh(3), new_id));
    assert_eq!(tab.names(), ["未命名草稿"]);
    let Some(Offer::UndoDelete { replacement, .. }) = tab.notice.clone().unwrap().offer else {
        panic!("no undo");
    };
    assert!(replacement.is_some());
    let (restored, _) = tab.open.undelete(&mut tab.drafts, &id, zh(4));
    let replacement = replacement.as_deref();
    let _ = tab.act(|o, d, mine, _| o.reopen(d, restored.unwrap(), replacement, mine, zh(4)));
    assert_eq!(tab.names(), ["唯一的"], "the untouched blank is gone");
}

#[test]
fn restore_from_the_trash_offers_to_open_and_purge_deletes_for_good() {
    let (store, mut tab) = two_drafts();
    let id = tab.open.id().to_string();
    let _ = tab.act(|o, d, mine, new_id| o.delete(d, &id, mine, zh(12), new_id));
    let out = tab.act(|o, d, mine, _| o.restore(d, &id, mine, zh(13)));
    assert!(out.relist);
    assert_eq!(tab.told(), "已恢复「技术市场服务」");
    assert_eq!(
        tab.notice.clone().unwrap().offer,
        Some(Offer::Open(id.clone()))
    );
    assert!(tab.trash().is_empty());

    // Delete again, then for good: asked first, then gone from the store.
    let _ = tab.act(|o, d, mine, new_id| o.delete(d, &id, mine, zh(14), new_id));
    assert_eq!(
        purge_question("技术市场服务").get(Lang::Zh),
        "永久删除「技术市场服务」？\n删除后无法恢复。"
    );
    let _ = tab.act(|o, d, mine, new_id| o.purge(d, &id, "技术市场服务", mine, zh(15), new_id));
    assert_eq!(tab.told(), "已永久删除「技术市场服务」");
    assert!(tab.trash().is_empty());
    assert_eq!(store.get(&key_of(&id)).unwrap(), None);
    tab.lang = Lang::En;
    assert_eq!(tab.told(), "Deleted “技术市场服务” for good");
}

#[test]
fn emptying_the_trash_deletes_what_the_author_saw_there() {
    let (_, mut tab) = two_drafts();
    let open_id = tab.open.id().to_string();
    let other = tab.drafts.live_ids().unwrap()[1].clone();
    for id in [&open_id, &other] {
        let _ = tab.act(|o, d, mine, new_id| o.delete(d, id, mine, zh(20), new_id));
    }
    assert_eq!(tab.trash().len(), 2);
    assert_eq!(
        empty_trash_question(2).get(Lang::En),
        "Delete 2 drafts in the trash for good?\nThis cannot be undone."
    );
    let ids = vec![open_id, other];
    let _ = tab.act(|o, d, mine, new_id| o.empty_trash(d, &ids, mine, zh(21), new_id));
    assert_eq!(tab.told(), "已清空回收站（2 份）");
    assert!(tab.trash().is_empty());
    assert_eq!(tab.names().len(), 1, "the blank opened in their place");
}

#[test]
fn rename_and_duplicate_in_the_pages_language() {
    let (_, mut tab) = two_drafts();
    let id = tab.open.id().to_string();
    let _ = tab.act(|o, d, mine, _| o.rename(d, &id, "二号表", mine, zh(20)));
    assert_eq!(tab.open.meta().name, "二号表");
    // A blank name changes nothing.
    let out = tab.act(|o, d, mine, _| o.rename(d, &id, "  ", mine, zh(21)));
    assert!(!out.relist);
    let _ = tab.act(|o, d, mine, new_id| o.duplicate(d, &id, mine, zh(22), new_id));
    assert_eq!(tab.told(), "已复制为「二号表（副本）」");
    let Some(Offer::Open(copy)) = tab.notice.clone().unwrap().offer else {
        panic!("no offer to open the copy");
    };
    assert_eq!(tab.drafts.load(&copy).unwrap().table, tab.table);
    tab.lang = Lang::En;
    let at = tab.at(23);
    let _ = tab.act(|o, d, mine, new_id| o.duplicate(d, &id, mine, at, new_id));
    assert_eq!(tab.told(), "Duplicated as “二号表 (copy)”");
    assert!(tab.names().contains(&"二号表 (copy)".to_string()));
}

#[test]
fn a_damaged_entry_is_removed_only_when_asked() {
    let (mut store, mut tab) = two_drafts();
    store.set(&key_of("broken"), "{not json").unwrap();
    let damaged = tab
        .drafts
        .list()
        .unwrap()
        .into_iter()
        .find_map(|e| match e {
            DraftEntry::Damaged { key, raw, reason } => Some((key, raw, reason)),
            DraftEntry::Ok { .. } => None,
        });
    let (key, raw, reason) = damaged.expect("listed as damaged");
    assert_eq!(raw, "{not json");
    assert!(reason.text().get(Lang::En).starts_with("not JSON"));
    assert!(discard_damaged_question()
        .get(Lang::Zh)
        .contains("下载原文"));
    let out = tab.act(|o, d, _, _| o.discard_damaged(d, &key));
    assert!(out.relist);
    assert_eq!(tab.told(), "已删除损坏的草稿");
    assert_eq!(store.get(&key).unwrap(), None);
    // A good draft is never discarded as damaged.
    let good = tab.the_key();
    let _ = tab.act(|o, d, _, _| o.discard_damaged(d, &good));
    assert!(store.get(&good).unwrap().is_some());
}

#[test]
fn a_tab_reopens_the_draft_it_remembers_else_the_most_recent() {
    let (store, tab) = two_drafts();
    let older = tab.drafts.live_ids().unwrap()[1].clone();
    // The tab's own store (sessionStorage) remembers the open draft.
    let mut session = MemoryStore::new();
    assert_eq!(prefs::recall_open(&session), None);
    prefs::remember_open(&mut session, &older).unwrap();
    let remembered = prefs::recall_open(&session);
    assert_eq!(remembered.as_deref(), Some(older.as_str()));
    let reloaded = Tab::open(&store, "b", remembered.as_deref(), 30);
    assert_eq!(reloaded.open.id(), older);
    assert_eq!(reloaded.table.project, "保留的项目");
    // A new tab (nothing remembered) opens the most recently edited one.
    let fresh = Tab::open(&store, "c", None, 31);
    assert_eq!(fresh.open.meta().name, "技术市场服务");
    // A remembered draft in the trash (or gone) is passed over.
    let mut tab = tab;
    let _ = tab.act(|o, d, mine, new_id| o.delete(d, &older, mine, zh(32), new_id));
    let again = Tab::open(&store, "d", Some(&older), 33);
    assert_eq!(again.open.meta().name, "技术市场服务");
    let gone = Tab::open(&store, "e", Some("gone"), 34);
    assert_eq!(gone.open.meta().name, "技术市场服务");
}

#[test]
fn a_damaged_remembered_draft_is_named_and_another_opens() {
    let (mut store, tab) = two_drafts();
    let open_id = tab.open.id().to_string();
    // The stored entry of the draft this tab had open is cut short.
    let key = key_of(&open_id);
    let whole = store.get(&key).unwrap().unwrap();
    let cut = &whole[..whole.find("\"table\"").unwrap()];
    store.set(&key, cut).unwrap();
    let reloaded = Tab::open(&store, "b", Some(&open_id), 40);
    assert_ne!(reloaded.open.id(), open_id, "another draft opens");
    assert_eq!(reloaded.table.project, "保留的项目");
    let damaged = reloaded
        .open
        .damaged_at_start()
        .expect("the damaged draft is reported");
    assert_eq!(damaged.id, open_id);
    assert_eq!(damaged.name.as_deref(), Some("技术市场服务"));
    assert_eq!(damaged.raw, cut);
    let said = damaged.text();
    assert!(
        said.get(Lang::Zh).contains("「技术市场服务」已损坏"),
        "{said}"
    );
    assert!(
        said.get(Lang::En).contains("“技术市场服务”, is damaged"),
        "{said}"
    );
    // A good remembered draft, or none, reports nothing.
    let fine = Tab::open(&store, "c", Some(reloaded.open.id()), 41);
    assert!(fine.open.damaged_at_start().is_none());
    assert!(Tab::open(&store, "d", None, 42)
        .open
        .damaged_at_start()
        .is_none());
}
