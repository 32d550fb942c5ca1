//! How one draft is stored: its envelope, its key, and the index.
//!
//! - One envelope per draft under `jixiao.draft.<id>`:
//!   `{"format":"jixiao-draft","version":2,"id","name","revision","created","updated","trashed","table"}`.
//! - An index under `jixiao.index` (`{"version":2,"ids":[…]}`) keeps the
//!   drafts' order of creation.
//! - Envelopes from older versions are migrated when read (v1 → v2); an
//!   envelope from a newer version is read as far as possible and marked.
//!
//! The keys are this crate's business: the page asks [`is_box_key`],
//! [`is_draft_key`] and [`id_of_key`] instead of knowing the layout.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use jixiao_domain::{Bilingual, Table, Text};

/// Key prefix of draft envelopes.
pub const PREFIX: &str = "jixiao.draft.";
/// Key of the index.
pub const INDEX_KEY: &str = "jixiao.index";
/// The envelope version this build writes.
pub const VERSION: u64 = 2;
const FORMAT: &str = "jixiao-draft";
/// Every key the program writes starts so (drafts, the index, preferences).
const PROGRAM_PREFIX: &str = "jixiao.";

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

/// Why a stored entry cannot be read as a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// Not JSON at all (the parser's words follow).
    NotJson(String),
    NoVersion,
    UnknownVersion(u64),
    /// JSON, but not a draft envelope.
    NotADraft,
    NoTable,
    /// The table does not read as a table (the parser's words follow).
    Table(String),
    /// The name, revision or times do not read.
    Header(String),
    /// A version 1 envelope that does not read.
    V1(String),
}

impl Bilingual for Damage {
    fn text(&self) -> Text {
        match self {
            Damage::NotJson(e) => Text::owned(format!("不是 JSON：{e}"), format!("not JSON: {e}")),
            Damage::NoVersion => Text::new("缺少版本号", "no version number"),
            Damage::UnknownVersion(v) => {
                Text::owned(format!("未知版本 {v}"), format!("unknown version {v}"))
            }
            Damage::NotADraft => Text::new("不是草稿", "not a draft"),
            Damage::NoTable => Text::new("缺少表格", "no table"),
            Damage::Table(e) => Text::owned(
                format!("表格已损坏：{e}"),
                format!("the table is damaged: {e}"),
            ),
            Damage::Header(e) => Text::owned(
                format!("草稿信息已损坏：{e}"),
                format!("the draft's name and times are damaged: {e}"),
            ),
            Damage::V1(e) => Text::owned(
                format!("v1 草稿已损坏：{e}"),
                format!("the version 1 draft is damaged: {e}"),
            ),
        }
    }
}

impl fmt::Display for Damage {
    /// Both languages, for logs and backups: `中文 (English)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
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
pub(crate) struct Index {
    pub version: u64,
    pub ids: Vec<String>,
}

/// The key of a draft's envelope.
pub fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// Whether `key` holds a draft envelope (what a crash backup takes).
pub fn is_draft_key(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// The id of the draft stored under `key`, if it is a draft's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)
}

/// Whether `key` is one the program writes (a draft, the index, a
/// preference): a change to any other key is none of the draft box's
/// business.
pub fn is_box_key(key: &str) -> bool {
    key.starts_with(PROGRAM_PREFIX)
}

/// Reads an envelope of any known version into a draft. Older versions are
/// migrated here; newer ones are read as far as possible and marked.
pub fn parse_envelope(raw: &str) -> Result<Draft, Damage> {
    let json: Json = serde_json::from_str(raw).map_err(|e| Damage::NotJson(e.to_string()))?;
    let version = json
        .get("version")
        .and_then(Json::as_u64)
        .ok_or(Damage::NoVersion)?;
    match version {
        1 => migrate_v1(json),
        2 => read_v2(json, None),
        v if v > VERSION => read_v2(json, Some(v)),
        v => Err(Damage::UnknownVersion(v)),
    }
}

fn read_v2(mut json: Json, newer: Option<u64>) -> Result<Draft, Damage> {
    if json.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(Damage::NotADraft);
    }
    let table = json
        .get_mut("table")
        .map(Json::take)
        .ok_or(Damage::NoTable)?;
    let table: Table = serde_json::from_value(table).map_err(|e| Damage::Table(e.to_string()))?;
    let meta: DraftMeta =
        serde_json::from_value(json).map_err(|e| Damage::Header(e.to_string()))?;
    Ok(Draft {
        meta,
        table,
        newer_version: newer,
    })
}

/// Version 1 envelopes (the first release) carried `title` and `saved` and
/// no revision: `{"version":1,"id","title","saved","table"}`.
fn migrate_v1(json: Json) -> Result<Draft, Damage> {
    #[derive(Deserialize)]
    struct V1 {
        id: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        saved: u64,
        table: Table,
    }
    let v1: V1 = serde_json::from_value(json).map_err(|e| Damage::V1(e.to_string()))?;
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

/// The envelope of a draft, as this version writes it.
pub(crate) fn envelope(meta: &DraftMeta, table: &Table) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        meta,
        table,
    })
    .expect("drafts serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::Lang;

    #[test]
    fn keys_are_told_apart_without_knowing_the_layout() {
        let key = key_of("abc");
        assert!(is_draft_key(&key) && is_box_key(&key));
        assert_eq!(id_of_key(&key), Some("abc"));
        assert!(is_box_key(INDEX_KEY) && !is_draft_key(INDEX_KEY));
        assert_eq!(id_of_key("other.app"), None);
        assert!(!is_box_key("other.app"));
    }

    #[test]
    fn damage_is_explained_in_either_language() {
        let e = parse_envelope("{").unwrap_err();
        assert!(e.text().get(Lang::Zh).starts_with("不是 JSON："), "{e:?}");
        assert!(e.text().get(Lang::En).starts_with("not JSON: "), "{e:?}");
        assert!(e.to_string().starts_with("不是 JSON："));
        assert!(e.to_string().contains("(not JSON: "));
        let e = parse_envelope(r#"{"version":2,"format":"other"}"#).unwrap_err();
        assert_eq!(e.text().get(Lang::En), "not a draft");
    }
}
