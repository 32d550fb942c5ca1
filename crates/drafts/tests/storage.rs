//! The draft box over the in-memory store: migration, damaged entries, a
//! full store, revision conflicts, the trash.

use jixiao_domain::{Bilingual, Lang, Table};
use jixiao_drafts::drafts::{key_of, LoadError, INDEX_KEY, PREFIX};
use jixiao_drafts::{Draft, DraftBox, DraftEntry, MemoryStore, SaveError, Store, StoreError};
use jixiao_formats::layout;

const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");

fn table(n: usize) -> Table {
    layout::import(FIXTURE).unwrap().tables[n].clone()
}

fn ok_ids(entries: &[DraftEntry]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| match e {
            DraftEntry::Ok { meta, .. } => Some(meta.id.clone()),
            DraftEntry::Damaged { .. } => None,
        })
        .collect()
}

#[test]
fn create_list_and_load() {
    let mut drafts = DraftBox::new(MemoryStore::new());
    drafts.create("a", "科技统计", table(0), 1_000).unwrap();
    drafts.create("b", "重大专项", table(1), 2_000).unwrap();
    let list = drafts.list().unwrap();
    // Most recently edited first, with project, budget and counts.
    assert_eq!(ok_ids(&list), ["b", "a"]);
    match &list[1] {
        DraftEntry::Ok {
            project,
            budget,
            counts,
            ..
        } => {
            assert_eq!(project, "科技统计信息系统建设和运维");
            assert_eq!(budget, "45.00 万元");
            assert_eq!(counts.errors, 0);
        }
        other => panic!("{other:?}"),
    }
    let d = drafts.load("a").unwrap();
    assert_eq!(d.table, table(0));
    assert_eq!(d.meta.revision, 1);
}

#[test]
fn saving_bumps_the_revision_and_keeps_the_text() {
    let mut drafts = DraftBox::new(MemoryStore::new());
    let mut d = drafts.create("a", "草稿", Table::blank(), 1).unwrap();
    d.table.project = "新项目".into();
    drafts.save(&mut d, 5).unwrap();
    assert_eq!(d.meta.revision, 2);
    assert_eq!(d.meta.updated, 5);
    let back = drafts.load("a").unwrap();
    assert_eq!(back.table.project, "新项目");
    assert_eq!(back.meta.revision, 2);
}

#[test]
fn two_tabs_on_one_draft_conflict_instead_of_overwriting() {
    let store = MemoryStore::new();
    let mut tab1 = DraftBox::new(store.clone());
    let mut tab2 = DraftBox::new(store.clone());
    let mut mine = tab1.create("a", "草稿", table(0), 1).unwrap();
    let mut theirs = tab2.load("a").unwrap();

    theirs.table.project = "第二个标签页的改动".into();
    tab2.save(&mut theirs, 2).unwrap();

    mine.table.project = "第一个标签页的改动".into();
    let err = tab1.save(&mut mine, 3).unwrap_err();
    let SaveError::Conflict { theirs: stored } = err else {
        panic!("expected a conflict, got {err:?}");
    };
    // Both are at hand; nothing was lost.
    assert_eq!(stored.table.project, "第二个标签页的改动");
    assert_eq!(mine.table.project, "第一个标签页的改动");
    assert_eq!(tab1.load("a").unwrap().table.project, "第二个标签页的改动");

    // Keep both: mine becomes a new draft.
    let both = tab1
        .create("a2", "草稿（我的）", mine.table.clone(), 4)
        .unwrap();
    assert_eq!(both.table.project, "第一个标签页的改动");
    // Or keep mine: saved over theirs, deliberately.
    tab1.save_over(&mut mine, 5).unwrap();
    assert_eq!(tab2.load("a").unwrap().table.project, "第一个标签页的改动");
    assert_eq!(ok_ids(&tab2.list().unwrap()).len(), 2);
}

#[test]
fn a_full_store_keeps_the_good_entry() {
    let store = MemoryStore::new();
    let mut drafts = DraftBox::new(store.clone());
    let mut d = drafts.create("a", "草稿", table(0), 1).unwrap();
    store.set_quota(Some(store.used() + 100));
    d.table.purpose = "很长的用途说明".repeat(500);
    let err = drafts.save(&mut d, 2).unwrap_err();
    assert_eq!(err, SaveError::Store(StoreError::QuotaExceeded));
    // The stored draft is the last good one, whole; memory still has the edit.
    let stored = drafts.load("a").unwrap();
    assert_eq!(stored.table, table(0));
    assert_eq!(stored.meta.revision, 1);
    assert_eq!(d.meta.revision, 1);
    assert!(d.table.purpose.starts_with("很长的用途说明"));
    // With room again, the same draft saves.
    store.set_quota(None);
    drafts.save(&mut d, 3).unwrap();
    assert_eq!(drafts.load("a").unwrap().table.purpose, d.table.purpose);
}

#[test]
fn a_full_store_refuses_a_new_draft_cleanly() {
    let store = MemoryStore::with_quota(64);
    let mut drafts = DraftBox::new(store.clone());
    let err = drafts.create("a", "草稿", table(0), 1).unwrap_err();
    assert_eq!(err, SaveError::Store(StoreError::QuotaExceeded));
    assert!(store.keys().unwrap().is_empty());
}

#[test]
fn damaged_entries_are_listed_kept_and_never_block_the_others() {
    let mut store = MemoryStore::new();
    let mut drafts = DraftBox::new(store.clone());
    drafts.create("good", "好草稿", table(0), 1).unwrap();
    store
        .set(
            &key_of("broken"),
            "{\"version\":2,\"format\":\"jixiao-draft\",\"id\":",
        )
        .unwrap();
    store.set(&key_of("shape"), "[1,2,3]").unwrap();
    store.set(&key_of("badtable"), r#"{"format":"jixiao-draft","version":2,"id":"badtable","name":"x","revision":1,"created":1,"updated":1,"table":{"money_unit":"美元"}}"#).unwrap();

    let list = drafts.list().unwrap();
    assert_eq!(ok_ids(&list), ["good"]);
    let damaged: Vec<&DraftEntry> = list
        .iter()
        .filter(|e| matches!(e, DraftEntry::Damaged { .. }))
        .collect();
    assert_eq!(damaged.len(), 3);
    for e in &damaged {
        let DraftEntry::Damaged { key, raw, reason } = e else {
            unreachable!()
        };
        assert!(key.starts_with(PREFIX));
        assert_eq!(drafts.raw(key).unwrap().as_deref(), Some(raw.as_str()));
        // Why, in either language.
        let why = reason.text();
        let expected = match key.as_str() {
            k if k == key_of("broken") => ("不是 JSON：", "not JSON: "),
            k if k == key_of("shape") => ("缺少版本号", "no version number"),
            _ => ("表格已损坏：", "the table is damaged: "),
        };
        assert!(why.get(Lang::Zh).starts_with(expected.0), "{why:?}");
        assert!(why.get(Lang::En).starts_with(expected.1), "{why:?}");
    }
    assert!(matches!(
        drafts.load("broken"),
        Err(LoadError::Damaged { .. })
    ));

    // Saving onto a damaged entry is refused; it stays as it was.
    let mut over = Draft {
        meta: drafts.load("good").unwrap().meta,
        table: table(1),
        newer_version: None,
    };
    over.meta.id = "broken".into();
    assert_eq!(drafts.save(&mut over, 9), Err(SaveError::Damaged));
    assert!(store
        .get(&key_of("broken"))
        .unwrap()
        .unwrap()
        .ends_with("\"id\":"));

    // Removed only when asked, and only if it is damaged.
    assert!(!drafts.discard_damaged(&key_of("good")).unwrap());
    assert!(drafts.discard_damaged(&key_of("broken")).unwrap());
    assert_eq!(drafts.list().unwrap().len(), 3);
}

#[test]
fn version_1_envelopes_are_migrated() {
    let mut store = MemoryStore::new();
    let t = table(2);
    let v1 = serde_json::json!({
        "version": 1,
        "id": "old",
        "title": "去年的草稿",
        "saved": 1_700_000_000_000u64,
        "table": t,
    });
    store.set(&key_of("old"), &v1.to_string()).unwrap();
    let mut drafts = DraftBox::new(store.clone());

    let mut d = drafts.load("old").unwrap();
    assert_eq!(d.meta.name, "去年的草稿");
    assert_eq!(d.meta.revision, 1);
    assert_eq!(d.meta.updated, 1_700_000_000_000);
    assert_eq!(d.table, t);
    assert_eq!(ok_ids(&drafts.list().unwrap()), ["old"]);

    // The first save writes it as version 2.
    d.table.project.push_str("（修订）");
    drafts.save(&mut d, 1_800_000_000_000).unwrap();
    let raw = store.get(&key_of("old")).unwrap().unwrap();
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["format"], "jixiao-draft");
    assert_eq!(json["name"], "去年的草稿");
    assert_eq!(json["revision"], 2);
    assert_eq!(drafts.load("old").unwrap().table.project, d.table.project);
}

#[test]
fn drafts_from_a_newer_version_are_read_only() {
    let mut store = MemoryStore::new();
    let future = serde_json::json!({
        "format": "jixiao-draft", "version": 7, "id": "new", "name": "新版本草稿",
        "revision": 4, "created": 1, "updated": 2, "shiny": true,
        "table": {"project": "未来的项目", "budget": {"total": "10.00"}},
    })
    .to_string();
    store.set(&key_of("new"), &future).unwrap();
    let mut drafts = DraftBox::new(store.clone());

    let mut d = drafts.load("new").unwrap();
    assert_eq!(d.newer_version, Some(7));
    assert_eq!(d.table.project, "未来的项目");
    d.table.project = "改了".into();
    assert_eq!(drafts.save(&mut d, 3), Err(SaveError::NewerVersion(7)));
    d.newer_version = None; // even if the caller forgets
    assert_eq!(drafts.save(&mut d, 3), Err(SaveError::NewerVersion(7)));
    assert_eq!(store.get(&key_of("new")).unwrap().unwrap(), future);
    match &drafts.list().unwrap()[0] {
        DraftEntry::Ok { newer_version, .. } => assert_eq!(*newer_version, Some(7)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn trash_restore_and_purge() {
    let mut drafts = DraftBox::new(MemoryStore::new());
    drafts.create("a", "草稿", table(3), 1).unwrap();
    let trashed = drafts.trash("a", 2).unwrap();
    assert_eq!(trashed.meta.trashed, Some(2));
    // Not purged unless trashed; restored whole.
    let restored = drafts.restore("a", 3).unwrap();
    assert_eq!(restored.meta.trashed, None);
    assert_eq!(restored.table, table(3));
    assert!(!drafts.purge("a").unwrap());
    drafts.trash("a", 4).unwrap();
    assert!(drafts.purge("a").unwrap());
    assert!(matches!(drafts.load("a"), Err(LoadError::Missing)));
}

#[test]
fn rename_and_duplicate() {
    let mut drafts = DraftBox::new(MemoryStore::new());
    drafts.create("a", "草稿", table(4), 1).unwrap();
    drafts.rename("a", "技术市场", 2).unwrap();
    let copy = drafts.duplicate("a", "b", 3).unwrap();
    assert_eq!(copy.meta.name, "技术市场（副本）");
    assert_eq!(copy.table, table(4));
    assert_eq!(ok_ids(&drafts.list().unwrap()), ["b", "a"]);
}

#[test]
fn a_lost_or_damaged_index_is_rebuilt_from_the_keys() {
    let mut store = MemoryStore::new();
    let mut drafts = DraftBox::new(store.clone());
    drafts.create("a", "一", table(0), 1).unwrap();
    drafts.create("b", "二", table(1), 2).unwrap();
    store.set(INDEX_KEY, "garbage").unwrap();
    assert_eq!(ok_ids(&drafts.list().unwrap()), ["b", "a"]);
    store.remove(INDEX_KEY).unwrap();
    assert_eq!(ok_ids(&drafts.list().unwrap()), ["b", "a"]);
}

#[test]
fn creating_over_an_existing_id_never_overwrites() {
    let mut drafts = DraftBox::new(MemoryStore::new());
    drafts.create("a", "原稿", table(0), 1).unwrap();
    let err = drafts.create("a", "另一个", table(1), 2).unwrap_err();
    assert!(matches!(err, SaveError::Conflict { .. }));
    assert_eq!(drafts.load("a").unwrap().table, table(0));
}

#[test]
fn a_backup_restores_into_a_fresh_box_and_only_adds() {
    use jixiao_drafts::backup;
    let mut drafts = DraftBox::new(MemoryStore::new());
    drafts.create("a", "一", table(0), 1).unwrap();
    drafts.create("b", "二", table(1), 2).unwrap();
    drafts.trash("b", 3).unwrap();
    let file = backup::export(&drafts).unwrap();
    assert!(backup::is_backup(&file));

    // A fresh browser profile.
    let mut fresh = DraftBox::new(MemoryStore::new());
    let (incoming, problems) = backup::read(&file).unwrap();
    assert!(problems.is_empty());
    backup::restore(&mut fresh, incoming, 10, || unreachable!()).unwrap();
    let a = fresh.load("a").unwrap();
    assert_eq!((a.meta.name.as_str(), &a.table), ("一", &table(0)));
    let b = fresh.load("b").unwrap();
    assert!(b.meta.trashed.is_some());
    assert_eq!(b.table, table(1));

    // Restoring again adds copies under new ids, never touching the others.
    let (incoming, _) = backup::read(&file).unwrap();
    let mut n = 0;
    let added = backup::restore(&mut fresh, incoming, 11, || {
        n += 1;
        format!("new{n}")
    })
    .unwrap();
    assert_eq!(added.len(), 2);
    assert_eq!(ok_ids(&fresh.list().unwrap()).len(), 4);
    assert_eq!(fresh.load("a").unwrap().meta.revision, 1);
}

#[test]
fn bad_backups_say_why() {
    use jixiao_drafts::backup;
    assert!(backup::read("{").unwrap_err().contains("JSON"));
    assert!(backup::read(r#"{"format":"jixiao","version":1}"#)
        .unwrap_err()
        .contains("不是草稿箱备份"));
    assert!(
        backup::read(r#"{"format":"jixiao-backup","version":5,"drafts":[]}"#)
            .unwrap_err()
            .contains("更新版本")
    );
    let (ok, problems) =
        backup::read(r#"{"format":"jixiao-backup","version":1,"drafts":[{"version":2}]}"#).unwrap();
    assert!(ok.is_empty());
    assert_eq!(problems.len(), 1);
}

#[test]
fn a_crash_backup_from_raw_entries_restores() {
    use jixiao_drafts::backup;
    let mut store = MemoryStore::new();
    let mut drafts = DraftBox::new(store.clone());
    drafts.create("a", "一", table(0), 1).unwrap();
    store.set(&key_of("junk"), "not json").unwrap();
    let raws: Vec<String> = store
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .filter_map(|k| store.get(&k).unwrap())
        .collect();
    let file = backup::from_raw_envelopes(raws);
    let (incoming, problems) = backup::read(&file).unwrap();
    assert!(problems.is_empty());
    assert_eq!(incoming.len(), 1);
    assert_eq!(incoming[0].table, table(0));
}
