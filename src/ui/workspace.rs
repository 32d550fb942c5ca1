//! The workspace: the draft box the page works with.
//!
//! It owns the store (localStorage, or memory when the browser refuses
//! localStorage) and the list shown in the draft box. Components that bring
//! tables in (import, share links, examples) call [`Workspace::add_tables`];
//! components that take tables out (export, print, backup) call
//! [`Workspace::tables`] and [`Workspace::backup_json`]. The editor's draft
//! is opened and saved through it.

use leptos::prelude::*;

use crate::domain::rules::Counts;
use crate::domain::Table;
use crate::storage::drafts::DraftMeta;
use crate::storage::local::LocalStore;
use crate::storage::{backup, Draft, DraftBox, DraftEntry, MemoryStore, Store, StoreError};

/// Whichever store this browser allows.
#[derive(Debug, Clone)]
pub enum PageStore {
    Local(LocalStore),
    /// localStorage unavailable: drafts last as long as the page.
    Memory(MemoryStore),
}

impl Store for PageStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            PageStore::Local(s) => s.get(key),
            PageStore::Memory(s) => s.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            PageStore::Local(s) => s.set(key, value),
            PageStore::Memory(s) => s.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            PageStore::Local(s) => s.remove(key),
            PageStore::Memory(s) => s.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            PageStore::Local(s) => s.keys(),
            PageStore::Memory(s) => s.keys(),
        }
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A new draft id: time plus randomness, so two tabs never pick the same.
pub fn fresh_id() -> String {
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{:x}{:07x}", now_ms(), r)
}

/// The name a new draft gets: its project name, or 未命名草稿.
pub fn default_name(table: &Table) -> String {
    let p = table.project.trim();
    if p.is_empty() {
        "未命名草稿".to_string()
    } else {
        p.chars().take(60).collect()
    }
}

/// Most recently edited first (the newer of two drafts edited in the same
/// millisecond first); damaged entries last.
fn sort_entries(es: &mut [DraftEntry]) {
    es.sort_by_key(|e| {
        std::cmp::Reverse(match e {
            DraftEntry::Ok { meta, .. } => (meta.updated, meta.created),
            DraftEntry::Damaged { .. } => (0, 0),
        })
    });
}

/// The page's draft box. `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Workspace {
    drafts: StoredValue<DraftBox<PageStore>, LocalStorage>,
    /// The draft box listing, most recent first (damaged entries last).
    pub entries: RwSignal<Vec<DraftEntry>>,
    /// Whether drafts survive a reload (false: localStorage unavailable).
    pub persistent: bool,
    /// A message for the user about storage (full, unavailable …).
    pub notice: RwSignal<Option<String>>,
}

impl Workspace {
    /// Opens localStorage, or memory with a notice when it is unavailable.
    pub fn open() -> Workspace {
        let (store, persistent, notice) = match LocalStore::open() {
            Ok(s) => (PageStore::Local(s), true, None),
            Err(e) => (
                PageStore::Memory(MemoryStore::new()),
                false,
                Some(format!(
                    "此浏览器不允许使用本地存储（{e}）：草稿只保存在本页面中，刷新或关闭后将丢失。请及时导出。"
                )),
            ),
        };
        Workspace::with_store(store, persistent, notice)
    }

    /// A workspace over a given store (tests use memory).
    pub fn with_store(store: PageStore, persistent: bool, notice: Option<String>) -> Workspace {
        let ws = Workspace {
            drafts: StoredValue::new_local(DraftBox::new(store)),
            entries: RwSignal::new(Vec::new()),
            persistent,
            notice: RwSignal::new(notice),
        };
        ws.refresh();
        ws
    }

    /// Runs `f` with the draft box (for the draft operations).
    pub fn with_drafts<R>(&self, f: impl FnOnce(&mut DraftBox<PageStore>) -> R) -> R {
        self.drafts
            .try_update_value(f)
            .expect("the workspace lives as long as the page")
    }

    /// Reads the listing again from the store (after a change here or in
    /// another tab).
    pub fn refresh(&self) {
        match self.drafts.with_value(|d| d.list()) {
            Ok(mut list) => {
                sort_entries(&mut list);
                self.entries.set(list)
            }
            Err(e) => self.notice.set(Some(format!("无法读取草稿箱：{e}"))),
        }
    }

    /// Adds each table as a new draft; never changes existing drafts.
    /// Returns the new ids, in order.
    pub fn add_tables(&self, tables: Vec<Table>) -> Result<Vec<String>, String> {
        let now = now_ms();
        let mut ids = Vec::with_capacity(tables.len());
        let mut failure = None;
        self.with_drafts(|d| {
            for t in tables {
                let id = fresh_id();
                match d.create(&id, &default_name(&t), t, now) {
                    Ok(_) => ids.push(id),
                    Err(e) => {
                        failure = Some(format!("{e:?}"));
                        break;
                    }
                }
            }
        });
        self.refresh();
        match failure {
            None => Ok(ids),
            Some(_) if !ids.is_empty() => Err(format!(
                "只保存了前 {} 张表：浏览器存储空间不足。请导出备份后清理旧草稿。",
                ids.len()
            )),
            Some(_) => Err("无法保存：浏览器存储空间不足。请导出备份后清理旧草稿。".into()),
        }
    }

    /// Updates the listing's line of a draft just saved or opened, without
    /// reading the whole box again (a save happens every second of typing).
    pub fn note(&self, draft: &Draft, counts: Counts) {
        let budget = match draft.table.budget.total.text() {
            t if t.is_empty() => String::new(),
            t => format!("{t} {}", draft.table.money_unit),
        };
        let entry = DraftEntry::Ok {
            meta: draft.meta.clone(),
            project: draft.table.project.clone(),
            budget,
            counts,
            newer_version: draft.newer_version,
        };
        self.entries.update(|es| {
            let id = &draft.meta.id;
            match es
                .iter()
                .position(|e| matches!(e, DraftEntry::Ok { meta, .. } if meta.id == *id))
            {
                Some(i) => es[i] = entry,
                None => es.push(entry),
            }
            sort_entries(es);
        });
    }

    /// Every draft not in the trash, with its table, most recent first.
    pub fn tables(&self) -> Vec<(DraftMeta, Table)> {
        let ids: Vec<String> = self.entries.with_untracked(|es| {
            es.iter()
                .filter_map(|e| match e {
                    DraftEntry::Ok { meta, .. } if meta.trashed.is_none() => Some(meta.id.clone()),
                    _ => None,
                })
                .collect()
        });
        self.drafts.with_value(|d| {
            ids.iter()
                .filter_map(|id| d.load(id).ok().map(|dr| (dr.meta, dr.table)))
                .collect()
        })
    }

    /// The whole draft box as a backup file.
    pub fn backup_json(&self) -> Result<String, String> {
        self.drafts
            .with_value(backup::export)
            .map_err(|e| format!("无法读取草稿箱：{e}"))
    }

    /// Adds the drafts of a backup file. Returns how many were added and a
    /// message for each draft of the file that could not be read.
    pub fn restore_backup(&self, text: &str) -> Result<(usize, Vec<String>), String> {
        let (incoming, problems) = backup::read(text)?;
        let added = self
            .with_drafts(|d| backup::restore(d, incoming, now_ms(), fresh_id))
            .map_err(|e| format!("恢复失败：{e:?}"))?;
        self.refresh();
        Ok((added.len(), problems))
    }
}
