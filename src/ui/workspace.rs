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
use crate::domain::{Bilingual, Lang, Table, Text};
use crate::drafts::drafts::sort_newest_first;
use crate::drafts::{
    backup, names, prefs, Draft, DraftBox, DraftEntry, DraftMeta, MemoryStore, Store, StoreError,
};
use crate::ui::local_store::{LocalStore, TabStore};

use super::lang::{lang, tr, LangMemory};

/// Kept here for the modules that count in English (it lives in
/// [`super::lang`]).
pub use super::lang::count_en;

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

/// The name a new draft of `table` gets, in the page language (the name is
/// stored as written): its project name, or 未命名草稿 / "Untitled draft".
pub fn default_name(table: &Table) -> String {
    names::default_name(table).into_lang(lang())
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
    pub notice: RwSignal<Option<Text>>,
}

impl Workspace {
    /// Opens localStorage, or memory with a notice when it is unavailable.
    pub fn open() -> Workspace {
        let (store, persistent, notice) = match LocalStore::open() {
            Ok(s) => (PageStore::Local(s), true, None),
            Err(e) => (
                PageStore::Memory(MemoryStore::new()),
                false,
                Some(no_local_storage(&e)),
            ),
        };
        Workspace::with_store(store, persistent, notice)
    }

    /// A workspace over a given store (tests use memory).
    pub fn with_store(store: PageStore, persistent: bool, notice: Option<Text>) -> Workspace {
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

    /// Like [`Workspace::with_drafts`]; None once the page is gone.
    pub fn try_with_drafts<R>(&self, f: impl FnOnce(&mut DraftBox<PageStore>) -> R) -> Option<R> {
        self.drafts.try_update_value(f)
    }

    /// Reads the listing again from the store (after a change here or in
    /// another tab).
    pub fn refresh(&self) {
        match self.drafts.with_value(|d| d.list()) {
            Ok(list) => self.entries.set(list),
            Err(e) => self.notice.set(Some(unreadable(&e))),
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
            Some(_) if !ids.is_empty() => Err(match lang() {
                Lang::Zh => format!(
                    "只保存了前 {} 张表：浏览器存储空间不足。请导出备份后清理旧草稿。",
                    ids.len()
                ),
                Lang::En => format!(
                    "Only the first {} saved: the browser's storage is full. Export a backup, then clear out old drafts.",
                    tables_en(ids.len())
                ),
            }),
            Some(_) => Err(tr(
                "无法保存：浏览器存储空间不足。请导出备份后清理旧草稿。",
                "Cannot save: the browser's storage is full. Export a backup, then clear out old drafts.",
            )
            .into()),
        }
    }

    /// Updates the listing's line of a draft just saved or opened, without
    /// reading the whole box again (a save happens every second of typing).
    pub fn note(&self, draft: &Draft, counts: Counts) {
        let entry = DraftEntry::counted(draft, counts);
        self.entries.update(|es| {
            let id = &draft.meta.id;
            match es
                .iter()
                .position(|e| matches!(e, DraftEntry::Ok { meta, .. } if meta.id == *id))
            {
                Some(i) => es[i] = entry,
                None => es.push(entry),
            }
            sort_newest_first(es);
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

    /// Draft ids in the order the drafts were added.
    pub fn creation_order(&self) -> Vec<String> {
        self.drafts
            .with_value(|d| d.creation_order())
            .unwrap_or_default()
    }

    /// Remembers, for this tab only, which draft is open (a reload lands
    /// on it). Nothing is remembered when drafts do not survive a reload.
    pub fn remember_open(&self, id: &str) {
        if !self.persistent {
            return;
        }
        if let Some(mut tab) = TabStore::open() {
            let _ = prefs::remember_open(&mut tab, id);
        }
    }

    /// The draft this tab had open before a reload, if any.
    pub fn recall_open(&self) -> Option<String> {
        if !self.persistent {
            return None;
        }
        prefs::recall_open(&TabStore::open()?)
    }

    /// The whole draft box as a backup file.
    pub fn backup_json(&self) -> Result<String, String> {
        self.drafts
            .with_value(backup::export)
            .map_err(|e| unreadable(&e).into_lang(lang()))
    }

    /// Adds the drafts of a backup file. Returns how many were added and a
    /// message for each draft of the file that could not be read.
    pub fn restore_backup(&self, text: &str) -> Result<(usize, Vec<String>), String> {
        let (incoming, problems) = backup::read_in(text, lang())?;
        let added = self
            .with_drafts(|d| backup::restore(d, incoming, now_ms(), fresh_id))
            .map_err(|e| {
                e.text()
                    .prefixed("恢复失败：", "Restore failed: ")
                    .into_lang(lang())
            })?;
        self.refresh();
        Ok((added.len(), problems))
    }
}

/// "1 table", "3 tables" (English counts; thousands separated).
fn tables_en(n: usize) -> String {
    count_en(n, "table", "tables")
}

/// The notice when the browser refuses localStorage.
fn no_local_storage(e: &StoreError) -> Text {
    let why = e.text();
    Text::owned(
        format!(
            "此浏览器不允许使用本地存储（{}）：草稿只保存在本页面中，刷新或关闭后将丢失。请及时导出。",
            why.zh
        ),
        format!(
            "This browser does not allow local storage ({}): drafts are kept in this page only and will be lost when it is reloaded or closed. Export your work in good time.",
            why.en
        ),
    )
}

/// "无法读取草稿箱：…" / "Cannot read the draft box: …".
fn unreadable(e: &StoreError) -> Text {
    e.text()
        .prefixed("无法读取草稿箱：", "Cannot read the draft box: ")
}

impl LangMemory for Workspace {
    fn recall_lang(&self) -> Option<Lang> {
        self.with_drafts(|d| prefs::load_lang(d.store()))
    }

    fn remember_lang(&self, l: Lang) {
        self.with_drafts(|d| {
            let _ = prefs::save_lang(&mut d.store().clone(), l);
        });
    }
}
