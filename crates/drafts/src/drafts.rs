//! The draft box (草稿箱): how drafts are laid out in a [`Store`].
//!
//! - One envelope per draft under `jixiao.draft.<id>`:
//!   `{"format":"jixiao-draft","version":2,"id","name","revision","created","updated","trashed","table"}`.
//! - An index under `jixiao.index` (`{"version":2,"ids":[…]}`) keeps the
//!   drafts' order of creation. A crash between writing a draft and its index
//!   loses nothing: listing also scans the keys and adopts drafts the index
//!   misses.
//! - Every write checks the stored revision, so a second tab's save is never
//!   silently overwritten: the caller gets [`SaveError::Conflict`] with both.
//! - Envelopes from older versions are migrated when read (v1 → v2); an
//!   envelope from a newer version is opened read-only and never written.
//! - A damaged entry (not JSON, wrong shape) is listed as damaged with its raw
//!   text, and is removed only by [`DraftBox::discard_damaged`].

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::{Store, StoreError};
use jixiao_domain::rules::{self, Counts};
use jixiao_domain::{Lang, Table};

/// Key prefix of draft envelopes.
pub const PREFIX: &str = "jixiao.draft.";
/// Key of the index.
pub const INDEX_KEY: &str = "jixiao.index";
/// The envelope version this build writes.
pub const VERSION: u64 = 2;
const FORMAT: &str = "jixiao-draft";

/// What the draft box knows of a draft besides its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub id: String,
    /// The name in the draft box (defaults to the project name).
    pub name: String,
    /// Bumped on every write; a save expects the revision it started from.
    pub revision: u64,
    /// Milliseconds since the epoch.
    pub created: u64,
    pub updated: u64,
    /// When it was moved to the trash, if it was.
    #[serde(default)]
    pub trashed: Option<u64>,
}

/// A draft: its table and where it stands in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub meta: DraftMeta,
    pub table: Table,
    /// Set when the stored envelope was written by a newer version: the
    /// draft can be read but never saved over.
    pub newer_version: Option<u64>,
}

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
        reason: String,
    },
}

impl DraftEntry {
    fn updated(&self) -> u64 {
        match self {
            DraftEntry::Ok { meta, .. } => meta.updated,
            DraftEntry::Damaged { .. } => 0,
        }
    }
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

/// Why a draft could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Missing,
    Damaged { raw: String, reason: String },
    Store(StoreError),
}

impl From<StoreError> for LoadError {
    fn from(e: StoreError) -> Self {
        LoadError::Store(e)
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    meta: &'a DraftMeta,
    table: &'a Table,
}

#[derive(Serialize, Deserialize)]
struct Index {
    version: u64,
    ids: Vec<String>,
}

/// The name of a copy of the draft named `name`, in `lang`.
pub fn copy_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（副本）"),
        Lang::En => format!("{name} (copy)"),
    }
}

/// The key of a draft's envelope.
pub fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// Reads an envelope of any known version into a draft. Older versions are
/// migrated here; newer ones are read as far as possible and marked.
pub(crate) fn parse_envelope(raw: &str) -> Result<Draft, String> {
    let json: Json = serde_json::from_str(raw).map_err(|e| format!("不是 JSON (not JSON): {e}"))?;
    let version = json
        .get("version")
        .and_then(Json::as_u64)
        .ok_or("缺少版本号 (no version)")?;
    match version {
        1 => migrate_v1(json),
        2 => read_v2(json, None),
        v if v > VERSION => read_v2(json, Some(v)),
        v => Err(format!("未知版本 {v} (unknown version)")),
    }
}

fn read_v2(mut json: Json, newer: Option<u64>) -> Result<Draft, String> {
    if json.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err("不是草稿 (not a draft envelope)".into());
    }
    let table = json
        .get_mut("table")
        .map(Json::take)
        .ok_or("缺少表格 (no table)")?;
    let table: Table =
        serde_json::from_value(table).map_err(|e| format!("表格已损坏 (damaged table): {e}"))?;
    let meta: DraftMeta = serde_json::from_value(json)
        .map_err(|e| format!("草稿信息已损坏 (damaged draft header): {e}"))?;
    Ok(Draft {
        meta,
        table,
        newer_version: newer,
    })
}

/// Version 1 envelopes (the first release) carried `title` and `saved` and
/// no revision: `{"version":1,"id","title","saved","table"}`.
fn migrate_v1(json: Json) -> Result<Draft, String> {
    #[derive(Deserialize)]
    struct V1 {
        id: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        saved: u64,
        table: Table,
    }
    let v1: V1 = serde_json::from_value(json)
        .map_err(|e| format!("v1 草稿已损坏 (damaged v1 draft): {e}"))?;
    Ok(Draft {
        meta: DraftMeta {
            id: v1.id,
            name: v1.title,
            revision: 1,
            created: v1.saved,
            updated: v1.saved,
            trashed: None,
        },
        table: v1.table,
        newer_version: None,
    })
}

fn envelope(meta: &DraftMeta, table: &Table) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        meta,
        table,
    })
    .expect("drafts serialize")
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

    /// Every draft id: the index's order, then drafts the index misses.
    fn ids(&self) -> Result<Vec<String>, StoreError> {
        let mut ids: Vec<String> = self
            .store
            .get(INDEX_KEY)?
            .and_then(|raw| serde_json::from_str::<Index>(&raw).ok())
            .map(|i| i.ids)
            .unwrap_or_default();
        let keys = self.store.keys()?;
        ids.retain(|id| keys.contains(&key_of(id)));
        for key in keys {
            if let Some(id) = key.strip_prefix(PREFIX) {
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

    /// The draft box, most recently edited first; damaged entries last.
    pub fn list(&self) -> Result<Vec<DraftEntry>, StoreError> {
        let mut out = Vec::new();
        for id in self.ids()? {
            let key = key_of(&id);
            let Some(raw) = self.store.get(&key)? else {
                continue;
            };
            out.push(match parse_envelope(&raw) {
                Ok(d) => {
                    let counts = Counts::of(&rules::check(&d.table));
                    let budget = match d.table.budget.total.text() {
                        t if t.is_empty() => String::new(),
                        t => format!("{t} {}", d.table.money_unit),
                    };
                    DraftEntry::Ok {
                        project: d.table.project.clone(),
                        budget,
                        counts,
                        newer_version: d.newer_version,
                        meta: d.meta,
                    }
                }
                Err(reason) => DraftEntry::Damaged { key, raw, reason },
            });
        }
        jixiao_domain::sort::by_key(&mut out, |e| {
            jixiao_domain::sort::desc(u128::from(e.updated()))
        });
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
        let mut ids = self.ids()?;
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

    /// A copy under a new id, named "<name>（副本）".
    pub fn duplicate(&mut self, id: &str, new_id: &str, now: u64) -> Result<Draft, SaveError> {
        self.duplicate_in(id, new_id, now, Lang::Zh)
    }

    /// A copy under a new id, named in `lang`: "<name>（副本）" or
    /// "<name> (copy)".
    pub fn duplicate_in(
        &mut self,
        id: &str,
        new_id: &str,
        now: u64,
        lang: Lang,
    ) -> Result<Draft, SaveError> {
        let original = self.load(id).map_err(|_| SaveError::Damaged)?;
        let name = copy_name(&original.meta.name, lang);
        self.create(new_id, &name, original.table, now)
    }

    /// Deletes a trashed draft for good. Drafts not in the trash are refused.
    pub fn purge(&mut self, id: &str) -> Result<bool, StoreError> {
        match self.load(id) {
            Ok(d) if d.meta.trashed.is_some() => {
                self.store.remove(&key_of(id))?;
                let ids = self.ids()?;
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
