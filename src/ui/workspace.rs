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
use crate::domain::{Lang, Table};
use crate::drafts::drafts::DraftMeta;
use crate::drafts::{
    backup, Draft, DraftBox, DraftEntry, MemoryStore, SaveError, Store, StoreError,
};
use crate::ui::local_store::LocalStore;

use super::lang::{lang, tr};

/// A message kept in state (a notice, a toast, why a save failed) in both
/// languages, so it reads right after the page switches language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub zh: String,
    pub en: String,
}

impl Msg {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in the page language.
    pub fn text(&self) -> String {
        lang().pick(&self.zh, &self.en).clone()
    }
}

/// Why the store refused, in `l` (`StoreError`'s Display has both).
pub fn store_error_text(e: &StoreError, l: Lang) -> String {
    match (e, l) {
        (StoreError::QuotaExceeded, Lang::Zh) => "浏览器存储空间已满".into(),
        (StoreError::QuotaExceeded, Lang::En) => "the browser's storage is full".into(),
        (StoreError::Unavailable(why), Lang::Zh) => format!("浏览器存储不可用（{why}）"),
        (StoreError::Unavailable(why), Lang::En) => {
            format!("the browser's storage is unavailable ({why})")
        }
    }
}

/// Why a draft operation failed, in `l`.
pub fn save_error_text(e: &SaveError, l: Lang) -> String {
    match (e, l) {
        (SaveError::Conflict { .. }, Lang::Zh) => "另一个标签页同时修改了它，请重试".into(),
        (SaveError::Conflict { .. }, Lang::En) => {
            "another tab changed it at the same time; try again".into()
        }
        (SaveError::NewerVersion(v), Lang::Zh) => {
            format!("它由更新版本的编制器保存（格式版本 {v}）")
        }
        (SaveError::NewerVersion(v), Lang::En) => {
            format!("it was saved by a newer version of the editor (format version {v})")
        }
        (SaveError::Damaged, Lang::Zh) => "存储中的条目已损坏".into(),
        (SaveError::Damaged, Lang::En) => "the stored entry is damaged".into(),
        (SaveError::Store(e), l) => store_error_text(e, l),
    }
}

/// The same message in both languages, from one formatting function.
pub fn both(f: impl Fn(Lang) -> String) -> Msg {
    Msg::new(f(Lang::Zh), f(Lang::En))
}

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

/// The name a new draft gets: its project name, or 未命名草稿 ("Untitled
/// draft" while the page is in English: the name is stored as written).
pub fn default_name(table: &Table) -> String {
    default_name_in(table, lang())
}

/// The name a new draft gets in `l`.
pub fn default_name_in(table: &Table, l: Lang) -> String {
    let p = table.project.trim();
    if p.is_empty() {
        l.pick("未命名草稿", "Untitled draft").to_string()
    } else {
        p.chars().take(60).collect()
    }
}

/// Whether `name` is the name a draft of `table` gets by default, in either
/// language (a name never chosen: it follows the project name).
pub fn is_default_name(name: &str, table: &Table) -> bool {
    Lang::ALL
        .into_iter()
        .any(|l| name == default_name_in(table, l))
}

/// Most recently edited first (the newer of two drafts edited in the same
/// millisecond first); damaged entries last.
fn sort_entries(es: &mut [DraftEntry]) {
    crate::domain::sort::by_key(es, |e| {
        crate::domain::sort::desc(match e {
            DraftEntry::Ok { meta, .. } => crate::domain::sort::pair(meta.updated, meta.created),
            DraftEntry::Damaged { .. } => 0,
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
    pub notice: RwSignal<Option<Msg>>,
}

impl Workspace {
    /// Opens localStorage, or memory with a notice when it is unavailable.
    pub fn open() -> Workspace {
        let (store, persistent, notice) = match LocalStore::open() {
            Ok(s) => (PageStore::Local(s), true, None),
            Err(e) => (
                PageStore::Memory(MemoryStore::new()),
                false,
                Some(both(|l| {
                    match l {
                    Lang::Zh => format!(
                        "此浏览器不允许使用本地存储（{}）：草稿只保存在本页面中，刷新或关闭后将丢失。请及时导出。",
                        store_error_text(&e, l)
                    ),
                    Lang::En => format!(
                        "This browser does not allow local storage ({}): drafts are kept in this page only and will be lost when it is reloaded or closed. Export your work in good time.",
                        store_error_text(&e, l)
                    ),
                }
                })),
            ),
        };
        Workspace::with_store(store, persistent, notice)
    }

    /// A workspace over a given store (tests use memory).
    pub fn with_store(store: PageStore, persistent: bool, notice: Option<Msg>) -> Workspace {
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
            Err(e) => self.notice.set(Some(both(|l| match l {
                Lang::Zh => format!("无法读取草稿箱：{}", store_error_text(&e, l)),
                Lang::En => format!("Cannot read the draft box: {}", store_error_text(&e, l)),
            }))),
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
            .map_err(|e| match lang() {
                Lang::Zh => format!("无法读取草稿箱：{}", store_error_text(&e, Lang::Zh)),
                Lang::En => format!(
                    "Cannot read the draft box: {}",
                    store_error_text(&e, Lang::En)
                ),
            })
    }

    /// Adds the drafts of a backup file. Returns how many were added and a
    /// message for each draft of the file that could not be read.
    pub fn restore_backup(&self, text: &str) -> Result<(usize, Vec<String>), String> {
        let (incoming, problems) = backup::read_in(text, lang())?;
        let added = self
            .with_drafts(|d| backup::restore(d, incoming, now_ms(), fresh_id))
            .map_err(|e| match lang() {
                Lang::Zh => format!("恢复失败：{}", save_error_text(&e, Lang::Zh)),
                Lang::En => format!("Restore failed: {}", save_error_text(&e, Lang::En)),
            })?;
        self.refresh();
        Ok((added.len(), problems))
    }
}

/// "1 table", "3 tables" (English counts; thousands separated).
fn tables_en(n: usize) -> String {
    count_en(n, "table", "tables")
}

/// "1 draft", "1,024 drafts": an English count with its noun.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", crate::domain::lang::grouped(n))
    }
}
