//! The draft box (草稿箱): drafts laid out in a [`Store`] (see
//! [`crate::envelope`] for one draft's envelope and key).
//!
//! - The index keeps the drafts' order of creation. A crash between writing
//!   a draft and its index loses nothing: listing also scans the keys and
//!   adopts drafts the index misses.
//! - Every write checks the stored revision, so a second tab's save is never
//!   silently overwritten: the caller gets [`SaveError::Conflict`] with both.
//! - An envelope from a newer version is opened read-only and never written.
//! - A damaged entry (not JSON, wrong shape) is listed as damaged with its raw
//!   text, and is removed only by [`DraftBox::discard_damaged`].

use jixiao_domain::rules::{self, Counts};
use jixiao_domain::sort;
use jixiao_domain::{Bilingual, Lang, Table, Text};

use super::envelope::{envelope, Index};
use super::names::copy_name;
use super::{Store, StoreError};

pub use super::envelope::{
    id_of_key, is_box_key, is_draft_key, key_of, parse_envelope, Damage, Draft, DraftMeta,
    INDEX_KEY, PREFIX, VERSION,
};

/// One line of the draft box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftEntry {
    Ok {
        meta: DraftMeta,
        project: String,
        /// 预算数 as written, with the money unit.
        budget: String,
        counts: Counts,
        newer_version: Option<u64>,
    },
    /// Not JSON, or not a draft: kept, shown, downloadable.
    Damaged {
        key: String,
        raw: String,
        reason: Damage,
    },
}

impl DraftEntry {
    /// The line of a draft read from the store (counts from the rules).
    pub fn of(draft: &Draft) -> DraftEntry {
        DraftEntry::counted(draft, Counts::of(&rules::check(&draft.table)))
    }

    /// The line of a draft whose findings are counted already.
    pub fn counted(draft: &Draft, counts: Counts) -> DraftEntry {
        let budget = match draft.table.budget.total.text() {
            t if t.is_empty() => String::new(),
            t => format!("{t} {}", draft.table.money_unit),
        };
        DraftEntry::Ok {
            meta: draft.meta.clone(),
            project: draft.table.project.clone(),
            budget,
            counts,
            newer_version: draft.newer_version,
        }
    }

    /// The draft's meta, unless the entry is damaged.
    pub fn meta(&self) -> Option<&DraftMeta> {
        match self {
            DraftEntry::Ok { meta, .. } => Some(meta),
            DraftEntry::Damaged { .. } => None,
        }
    }
}

/// Most recently edited first (the newer of two drafts edited in the same
/// millisecond first); damaged entries last.
pub fn sort_newest_first(entries: &mut [DraftEntry]) {
    sort::by_key(entries, |e| {
        sort::desc(match e {
            DraftEntry::Ok { meta, .. } => sort::pair(meta.updated, meta.created),
            DraftEntry::Damaged { .. } => 0,
        })
    });
}

/// Why a save did not happen. In every case the stored entry is unchanged
/// and the caller still holds the draft in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved first. Both versions are offered to the user.
    Conflict {
        theirs: Box<Draft>,
    },
    /// The stored draft was written by a newer version: never overwritten.
    NewerVersion(u64),
    /// The stored entry is damaged: not overwritten without the user's say.
    Damaged,
    Store(StoreError),
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

impl Bilingual for SaveError {
    /// Why, as the end of a sentence ("删除失败：…", "Delete failed: …").
    fn text(&self) -> Text {
        match self {
            SaveError::Conflict { .. } => Text::new(
                "另一个标签页同时修改了它，请重试",
                "another tab changed it at the same time; try again",
            ),
            SaveError::NewerVersion(v) => Text::owned(
                format!("它由更新版本的编制器保存（格式版本 {v}）"),
                format!("it was saved by a newer version of the editor (format version {v})"),
            ),
            SaveError::Damaged => Text::new("存储中的条目已损坏", "the stored entry is damaged"),
            SaveError::Store(e) => e.text(),
        }
    }
}

/// Why a draft could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Missing,
    Damaged { raw: String, reason: Damage },
    Store(StoreError),
}

impl From<StoreError> for LoadError {
    fn from(e: StoreError) -> Self {
        LoadError::Store(e)
    }
}

impl Bilingual for LoadError {
    /// A whole sentence, for a notice.
    fn text(&self) -> Text {
        match self {
            LoadError::Missing => Text::new(
                "这份草稿已不存在（可能在另一个标签页中删除了）。",
                "This draft no longer exists (it may have been deleted in another tab).",
            ),
            LoadError::Damaged { reason, .. } => reason
                .text()
                .prefixed("这份草稿已损坏：", "This draft is damaged: "),
            LoadError::Store(e) => e
                .text()
                .prefixed("无法读取草稿：", "Cannot read the draft: "),
        }
    }
}

/// The draft box over any store.
pub struct DraftBox<S: Store> {
    store: S,
}

impl<S: Store> DraftBox<S> {
    pub fn new(store: S) -> DraftBox<S> {
        DraftBox { store }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Every draft id in the order the drafts were made: the index's
    /// order, then drafts the index misses.
    pub fn creation_order(&self) -> Result<Vec<String>, StoreError> {
        let mut ids: Vec<String> = self
            .store
            .get(INDEX_KEY)?
            .and_then(|raw| serde_json::from_str::<Index>(&raw).ok())
            .map(|i| i.ids)
            .unwrap_or_default();
        let keys = self.store.keys()?;
        ids.retain(|id| keys.contains(&key_of(id)));
        for key in keys {
            if let Some(id) = id_of_key(&key) {
                if !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
            }
        }
        Ok(ids)
    }

    fn write_index(&mut self, ids: Vec<String>) {
        let index = serde_json::to_string(&Index {
            version: VERSION,
            ids,
        })
        .expect("index serializes");
        // The index is a convenience: listing recovers without it.
        let _ = self.store.set(INDEX_KEY, &index);
    }

    /// The draft box, most recently edited first (see
    /// [`sort_newest_first`]); damaged entries last.
    pub fn list(&self) -> Result<Vec<DraftEntry>, StoreError> {
        self.entries(true)
    }

    /// The ids of the drafts not in the trash, most recently edited first
    /// (as [`DraftBox::list`] orders them, without running the rules).
    pub fn live_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .entries(false)?
            .iter()
            .filter_map(DraftEntry::meta)
            .filter(|m| m.trashed.is_none())
            .map(|m| m.id.clone())
            .collect())
    }

    /// Every entry, sorted; the findings counted only when `count`.
    fn entries(&self, count: bool) -> Result<Vec<DraftEntry>, StoreError> {
        let mut out = Vec::new();
        for id in self.creation_order()? {
            let key = key_of(&id);
            let Some(raw) = self.store.get(&key)? else {
                continue;
            };
            out.push(match parse_envelope(&raw) {
                Ok(d) if count => DraftEntry::of(&d),
                Ok(d) => DraftEntry::counted(&d, Counts::default()),
                Err(reason) => DraftEntry::Damaged { key, raw, reason },
            });
        }
        sort_newest_first(&mut out);
        Ok(out)
    }

    pub fn load(&self, id: &str) -> Result<Draft, LoadError> {
        let raw = self.store.get(&key_of(id))?.ok_or(LoadError::Missing)?;
        parse_envelope(&raw).map_err(|reason| LoadError::Damaged { raw, reason })
    }

    /// The stored text of an entry, as it is (to download a damaged one).
    pub fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.get(key)
    }

    /// Stores a new draft (revision 1).
    pub fn create(
        &mut self,
        id: &str,
        name: &str,
        table: Table,
        now: u64,
    ) -> Result<Draft, SaveError> {
        let meta = DraftMeta {
            id: id.to_string(),
            name: name.to_string(),
            revision: 1,
            created: now,
            updated: now,
            trashed: None,
        };
        if let Some(raw) = self.store.get(&key_of(id))? {
            // Ids are random; a clash must still never overwrite a draft.
            return Err(match parse_envelope(&raw) {
                Ok(theirs) => SaveError::Conflict {
                    theirs: Box::new(theirs),
                },
                Err(_) => SaveError::Damaged,
            });
        }
        self.store.set(&key_of(id), &envelope(&meta, &table))?;
        let mut ids = self.creation_order()?;
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
        self.write_index(ids);
        Ok(Draft {
            meta,
            table,
            newer_version: None,
        })
    }

    /// Saves a draft over the revision it was loaded at. On success the
    /// draft's revision and time are updated in place.
    pub fn save(&mut self, draft: &mut Draft, now: u64) -> Result<(), SaveError> {
        if let Some(v) = draft.newer_version {
            return Err(SaveError::NewerVersion(v));
        }
        let key = key_of(&draft.meta.id);
        if let Some(raw) = self.store.get(&key)? {
            let stored = parse_envelope(&raw).map_err(|_| SaveError::Damaged)?;
            if let Some(v) = stored.newer_version {
                return Err(SaveError::NewerVersion(v));
            }
            if stored.meta.revision != draft.meta.revision {
                return Err(SaveError::Conflict {
                    theirs: Box::new(stored),
                });
            }
        }
        let mut meta = draft.meta.clone();
        meta.revision += 1;
        meta.updated = now;
        self.store.set(&key, &envelope(&meta, &draft.table))?;
        draft.meta = meta;
        Ok(())
    }

    /// "Keep mine" after a conflict: saves over whatever is stored now
    /// (unless it is damaged or from a newer version).
    pub fn save_over(&mut self, draft: &mut Draft, now: u64) -> Result<(), SaveError> {
        if let Ok(stored) = self.load(&draft.meta.id) {
            draft.meta.revision = stored.meta.revision;
        }
        self.save(draft, now)
    }

    /// Changes a draft's stored metadata with the revision check.
    fn update(
        &mut self,
        id: &str,
        now: u64,
        change: impl FnOnce(&mut Draft),
    ) -> Result<Draft, SaveError> {
        let mut draft = self.load(id).map_err(|e| match e {
            LoadError::Store(s) => SaveError::Store(s),
            _ => SaveError::Damaged,
        })?;
        change(&mut draft);
        self.save(&mut draft, now)?;
        Ok(draft)
    }

    pub fn rename(&mut self, id: &str, name: &str, now: u64) -> Result<Draft, SaveError> {
        self.update(id, now, |d| d.meta.name = name.to_string())
    }

    /// Moves a draft to the trash (it can be restored).
    pub fn trash(&mut self, id: &str, now: u64) -> Result<Draft, SaveError> {
        self.update(id, now, |d| d.meta.trashed = Some(now))
    }

    pub fn restore(&mut self, id: &str, now: u64) -> Result<Draft, SaveError> {
        self.update(id, now, |d| d.meta.trashed = None)
    }

    /// A copy under a new id, named "`<name>`（副本）" (see
    /// [`crate::names::copy_name`]).
    pub fn duplicate(&mut self, id: &str, new_id: &str, now: u64) -> Result<Draft, SaveError> {
        self.duplicate_in(id, new_id, now, Lang::Zh)
    }

    /// A copy under a new id, named in `lang`: "`<name>`（副本）" or
    /// "`<name>` (copy)".
    pub fn duplicate_in(
        &mut self,
        id: &str,
        new_id: &str,
        now: u64,
        lang: Lang,
    ) -> Result<Draft, SaveError> {
        let original = self.load(id).map_err(|_| SaveError::Damaged)?;
        let name = copy_name(&original.meta.name).into_lang(lang);
        self.create(new_id, &name, original.table, now)
    }

    /// Deletes a trashed draft for good. Drafts not in the trash are refused.
    pub fn purge(&mut self, id: &str) -> Result<bool, StoreError> {
        match self.load(id) {
            Ok(d) if d.meta.trashed.is_some() => {
                self.store.remove(&key_of(id))?;
                let ids = self.creation_order()?;
                self.write_index(ids);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Removes a damaged entry, at the user's explicit request.
    pub fn discard_damaged(&mut self, key: &str) -> Result<bool, StoreError> {
        match self.store.get(key)? {
            Some(raw) if parse_envelope(&raw).is_err() => {
                self.store.remove(key)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemoryStore;

    #[test]
    fn a_copy_is_named_in_the_language_of_the_page() {
        let mut drafts = DraftBox::new(MemoryStore::new());
        drafts
            .create("a", "Tech market", Table::default(), 1)
            .unwrap();
        let en = drafts.duplicate_in("a", "b", 2, Lang::En).unwrap();
        assert_eq!(en.meta.name, "Tech market (copy)");
        let zh = drafts.duplicate_in("a", "c", 3, Lang::Zh).unwrap();
        assert_eq!(zh.meta.name, "Tech market（副本）");
    }
}
