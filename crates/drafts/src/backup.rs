//! A backup of the whole draft box as one JSON file, and reading it back.
//!
//! `{"format":"jixiao-backup","version":1,"drafts":[<draft envelope>…]}`:
//! the draft envelopes exactly as stored, so a backup restores names,
//! trash state and tables. Restoring only ever adds drafts (under new ids
//! when an id is taken); it never changes existing ones.

use std::fmt;

use serde_json::Value as Json;

use super::drafts::{parse_envelope, Draft, DraftBox, SaveError};
use super::Store;
use jixiao_domain::lang::{Bilingual, Lang, Text};
use jixiao_domain::Table;

/// The `format` key of a backup file (the importer recognises it by this).
pub const FORMAT: &str = jixiao_formats::reading::BACKUP_FORMAT;
pub const VERSION: u64 = 1;

/// Writes every readable draft (damaged entries are left out: download
/// those from the draft box as they are).
pub fn export<S: Store>(drafts: &DraftBox<S>) -> Result<String, super::StoreError> {
    let mut out = Vec::new();
    for entry in drafts.list()? {
        if let super::DraftEntry::Ok { meta, .. } = entry {
            if let Some(raw) = drafts.raw(&super::drafts::key_of(&meta.id))? {
                if let Ok(json) = serde_json::from_str::<Json>(&raw) {
                    out.push(json);
                }
            }
        }
    }
    let backup = serde_json::json!({ "format": FORMAT, "version": VERSION, "drafts": out });
    Ok(serde_json::to_string_pretty(&backup).expect("backup serializes"))
}

/// A backup made straight from stored envelope texts, without the draft box
/// (used after a crash, when only the raw store can be trusted). Entries that
/// are not JSON are left out.
pub fn from_raw_envelopes(raws: impl IntoIterator<Item = String>) -> String {
    let drafts: Vec<Json> = raws
        .into_iter()
        .filter_map(|raw| serde_json::from_str::<Json>(&raw).ok())
        .collect();
    let backup = serde_json::json!({ "format": FORMAT, "version": VERSION, "drafts": drafts });
    serde_json::to_string_pretty(&backup).expect("backup serializes")
}

/// Whether a JSON text is a backup file (so the importer can route it).
pub fn is_backup(text: &str) -> bool {
    serde_json::from_str::<Json>(text)
        .ok()
        .and_then(|v| v.get("format").and_then(Json::as_str).map(|f| f == FORMAT))
        .unwrap_or(false)
}

/// Why a backup file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Not JSON (the parser's words).
    NotJson(String),
    /// JSON, but no `"format": "jixiao-backup"`.
    NotBackup,
    /// Written by a newer version.
    Newer(u64),
    /// No `version`.
    NoVersion,
    /// No `drafts` list.
    NoDrafts,
}

impl Bilingual for BackupError {
    fn text(&self) -> Text {
        match self {
            BackupError::NotJson(e) => Text::owned(
                format!("备份文件不是有效的 JSON：{e}"),
                format!("The backup file is not valid JSON: {e}"),
            ),
            BackupError::NotBackup => Text::new(
                "这不是草稿箱备份文件。",
                "This is not a draft box backup file.",
            ),
            BackupError::Newer(v) => Text::owned(
                format!("备份由更新版本写入（版本 {v}）：请使用新版本恢复。"),
                format!(
                    "The backup was written by a newer version (version {v}): restore it with the newer version."
                ),
            ),
            BackupError::NoVersion => Text::new(
                "备份文件缺少版本号。",
                "The backup file has no version number.",
            ),
            BackupError::NoDrafts => Text::new(
                "备份文件缺少 drafts 列表。",
                "The backup file has no list of drafts.",
            ),
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().zh)
    }
}

impl std::error::Error for BackupError {}

/// The drafts in a backup, with why each one that cannot be read cannot
/// (`第 2 个草稿无法读取：…` / `Draft 2 cannot be read: …`). A byte order
/// mark before the JSON is allowed.
pub fn read_drafts(text: &str) -> Result<(Vec<Draft>, Vec<Text>), BackupError> {
    let text = text.trim_start_matches('\u{feff}');
    let json: Json = serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if json.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(BackupError::NotBackup);
    }
    match json.get("version").and_then(Json::as_u64) {
        Some(v) if v > VERSION => return Err(BackupError::Newer(v)),
        Some(_) => {}
        None => return Err(BackupError::NoVersion),
    }
    let items = json
        .get("drafts")
        .and_then(Json::as_array)
        .ok_or(BackupError::NoDrafts)?;
    let mut drafts = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match parse_envelope(&item.to_string()) {
            Ok(mut d) => {
                d.newer_version = None;
                drafts.push(d)
            }
            Err(why) => problems.push(Text::owned(
                format!("第 {} 个草稿无法读取：{why}", i + 1),
                format!("Draft {} cannot be read: {why}", i + 1),
            )),
        }
    }
    Ok((drafts, problems))
}

/// The tables of a backup file, for reading it as a document (the
/// command line): one per draft, in the backup's order, without the drafts
/// in the trash (their author threw them away), with why each draft that
/// cannot be read is missing.
pub fn tables(text: &str) -> Result<(Vec<Table>, Vec<Text>), BackupError> {
    let (drafts, problems) = read_drafts(text)?;
    let tables = drafts
        .into_iter()
        .filter(|d| d.meta.trashed.is_none())
        .map(|d| d.table)
        .collect();
    Ok((tables, problems))
}

/// The drafts in a backup, with a message for each one that cannot be read
/// (messages in Chinese; see [`read_in`]).
pub fn read(text: &str) -> Result<(Vec<Draft>, Vec<String>), String> {
    read_in(text, Lang::Zh)
}

/// [`read_drafts`] with its messages in `lang`.
pub fn read_in(text: &str, lang: Lang) -> Result<(Vec<Draft>, Vec<String>), String> {
    let (drafts, problems) = read_drafts(text).map_err(|e| e.text().into_lang(lang))?;
    let problems = problems.into_iter().map(|p| p.into_lang(lang)).collect();
    Ok((drafts, problems))
}

/// Adds the drafts of a backup to the box. Ids already present get a new id
/// from `fresh_id`; nothing existing is changed. Returns the new drafts.
pub fn restore<S: Store>(
    drafts: &mut DraftBox<S>,
    incoming: Vec<Draft>,
    now: u64,
    mut fresh_id: impl FnMut() -> String,
) -> Result<Vec<Draft>, SaveError> {
    let mut added = Vec::new();
    for d in incoming {
        let taken = drafts.load(&d.meta.id).is_ok()
            || drafts.raw(&super::drafts::key_of(&d.meta.id))?.is_some();
        let id = if taken { fresh_id() } else { d.meta.id.clone() };
        let mut created = drafts.create(&id, &d.meta.name, d.table, now)?;
        if d.meta.trashed.is_some() {
            created = drafts.trash(&id, now)?;
        }
        added.push(created);
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_follow_the_language() {
        assert!(read_in("{", Lang::En)
            .unwrap_err()
            .starts_with("The backup file is not valid JSON"));
        assert!(read_in("{", Lang::Zh)
            .unwrap_err()
            .starts_with("备份文件不是有效的 JSON"));
        let newer = r#"{"format":"jixiao-backup","version":5,"drafts":[]}"#;
        assert!(read_in(newer, Lang::En)
            .unwrap_err()
            .contains("newer version"));
        let (_, problems) = read_in(
            r#"{"format":"jixiao-backup","version":1,"drafts":[{"version":2}]}"#,
            Lang::En,
        )
        .unwrap();
        assert!(
            problems[0].starts_with("Draft 1 cannot be read"),
            "{problems:?}"
        );
        assert_eq!(read("{").unwrap_err(), read_in("{", Lang::Zh).unwrap_err());
    }

    #[test]
    fn tables_are_the_live_drafts_in_order_and_damage_is_named() {
        use crate::{DraftBox, MemoryStore};
        let table = |project: &str| Table {
            project: project.into(),
            ..Table::default()
        };
        let mut drafts = DraftBox::new(MemoryStore::new());
        drafts.create("b", "乙", table("第二个"), 1).unwrap();
        drafts.create("a", "甲", table("第一个"), 2).unwrap();
        drafts.create("t", "丙", table("扔掉的"), 3).unwrap();
        drafts.trash("t", 4).unwrap();
        let file = export(&drafts).unwrap();
        // One more entry, damaged, at the end.
        let damaged = file.replacen("\"drafts\": [", "\"drafts\": [{\"version\":2},", 1);
        assert_ne!(damaged, file);
        let (tables, problems) = tables(&format!("\u{feff}{damaged}")).unwrap();
        let projects: Vec<&str> = tables.iter().map(|t| t.project.as_str()).collect();
        let (listed, _) = read_drafts(&file).unwrap();
        let order: Vec<&str> = listed
            .iter()
            .filter(|d| d.meta.trashed.is_none())
            .map(|d| d.table.project.as_str())
            .collect();
        assert_eq!(projects, order);
        assert_eq!(projects.len(), 2);
        assert!(!projects.contains(&"扔掉的"));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].en.starts_with("Draft 1 cannot be read"),
            "{}",
            problems[0]
        );
        assert_eq!(
            super::tables("{\"format\":\"jixiao\"}").unwrap_err(),
            BackupError::NotBackup
        );
        assert_eq!(
            super::tables("{")
                .unwrap_err()
                .text()
                .get(Lang::En)
                .split(':')
                .next(),
            Some("The backup file is not valid JSON")
        );
    }
}
