//! The open draft: what the page is editing, and what happens to it on
//! each event.
//!
//! [`OpenDraft`] keeps the open draft's bookkeeping (which draft, the
//! revision its next save expects, whether the page holds unsaved edits,
//! why the last save failed, another tab's version waiting for the author)
//! and decides, for every event, what the draft box and the page do:
//! - **Autosave** ([`OpenDraft::edited`], [`OpenDraft::autosave_due`],
//!   [`OpenDraft::save`]): each edit schedules a save [`Debounce`]d to
//!   400 ms after the last keystroke and at most 1 s after the first
//!   unsaved one.
//! - **Revisions** (`saving.rs`): when another tab saved the draft first, a
//!   change of name or trash state there is merged without asking; a
//!   different table is a conflict, and the author chooses
//!   (`conflict.rs`: theirs, mine or both). Another tab's save of the open
//!   draft is followed silently when this page has nothing unsaved.
//! - **Failures keep the text**: storage full, a damaged stored entry, a
//!   draft written by a newer version: the table stays in the page, the
//!   state says why ([`SaveState::Failed`], [`Problem`]); later edits retry.
//! - **The draft box** (`switching.rs`, `trash.rs`, `copies.rs`): open,
//!   new, delete and its undo, restore, purge, empty the trash, rename,
//!   duplicate, discard a damaged entry, save as a new draft.
//!
//! Every event returns what the page must do besides reading the state
//! back ([`Outcome`], [`SaveOutcome`]); messages are [`Text`]s in both
//! languages ([`Notice`]). Timers, signals, `confirm()` and the browser's
//! storage stay in the page.

mod conflict;
mod copies;
mod notice;
mod saving;
mod switching;
mod trash;

pub use notice::{discard_damaged_question, empty_trash_question, purge_question, Notice, Offer};
pub use saving::SaveOutcome;

use switching::create;

use jixiao_domain::{edit, Bilingual, Lang, Table, Text};

use crate::{Debounce, Draft, DraftBox, DraftMeta, SaveError, Store, StoreError};

/// When an event happens: the time (milliseconds since the epoch) and the
/// page's language, in which new drafts are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub now: u64,
    pub lang: Lang,
}

/// What the page holds of the open draft: the table as edited, and the
/// page's count of the author's edits (tables loaded do not count).
#[derive(Debug, Clone, Copy)]
pub struct Mine<'a> {
    pub table: &'a Table,
    pub edits: u64,
}

/// Where the open draft stands, as the draft bar says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Stored at this time (ms).
    Saved(u64),
    /// Changes waiting to be written (within a second).
    Pending,
    /// Not stored, and why; the text is still in the page.
    Failed(Text),
    /// Written by a newer version: shown, never saved over.
    ReadOnly,
}

/// What went wrong with storage, for the alert banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Storage is full.
    Full,
    /// The stored entry of the open draft is damaged: not overwritten.
    Damaged,
    /// Storage refused for another reason.
    Unavailable,
}

/// How the editor shows the open draft's table after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Another draft is open: its table replaces the editor's and the undo
    /// history starts afresh.
    Load,
    /// The same draft in another tab's version: its table replaces the
    /// editor's; `undoable`: the page's version is one undo step away.
    Replace { undoable: bool },
}

/// What an event asks of the page, besides reading the open draft's state
/// again.
#[must_use]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// The editor shows the open draft's table anew.
    pub show: Option<Show>,
    /// The open draft was just stored: its line in the listing can be
    /// updated without reading the box again.
    pub stored: bool,
    /// The draft box changed: read the listing again.
    pub relist: bool,
    /// What to tell the author.
    pub notice: Option<Notice>,
}

/// Whether autosave should write now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Nothing waits.
    Idle,
    /// Not yet: wait this many milliseconds more.
    Wait(u64),
    /// Save now.
    Now,
}

/// The open draft's bookkeeping over a [`DraftBox`] (passed to each event,
/// so the page keeps one box for every tool).
#[derive(Debug, Clone)]
pub struct OpenDraft {
    /// The open draft as last stored (or loaded): its meta carries the
    /// revision the next save expects.
    base: Draft,
    /// The page's edit count when the open draft was last stored.
    saved_edits: u64,
    /// The open draft has never been stored (storage refused to create it).
    unsaved: bool,
    state: SaveState,
    /// Some(version) when the open draft was written by a newer version.
    readonly: Option<u64>,
    problem: Option<Problem>,
    /// Another tab's version, waiting for the author's choice.
    conflict: Option<Draft>,
    debounce: Debounce,
    /// The draft this tab had open, found damaged when the page opened
    /// (another one was opened instead).
    damaged_at_start: Option<DamagedDraft>,
}

/// A draft that could not be opened because its stored entry is damaged:
/// what the page names and offers for download.
#[derive(Debug, Clone, PartialEq)]
pub struct DamagedDraft {
    pub id: String,
    /// Its name, when the damaged text still shows one (`"name":"…"`).
    pub name: Option<String>,
    /// The stored text, as it is.
    pub raw: String,
    pub reason: crate::Damage,
}

impl DamagedDraft {
    /// What the page says: the draft named, what happened, what to do.
    pub fn text(&self) -> Text {
        let zh_name = self.name.clone().unwrap_or_else(|| self.id.clone());
        Text::owned(
            format!(
                "上次打开的草稿「{zh_name}」已损坏，无法打开（{}），已改为打开另一份草稿。请下载它的原文保存，或从备份中恢复。",
                self.reason.text().zh
            ),
            format!(
                "The draft you last had open, “{zh_name}”, is damaged and cannot be opened ({}); another draft was opened instead. Download its raw text to keep it, or restore it from a backup.",
                self.reason.text().en
            ),
        )
    }
}

/// The `"name"` a damaged envelope still shows, if any.
fn name_in(raw: &str) -> Option<String> {
    let at = raw.find("\"name\"")? + 6;
    let rest = raw[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let name = rest[..end].trim();
    (!name.is_empty()).then(|| name.to_string())
}

impl OpenDraft {
    /// The draft a page opens with: the one this tab had open
    /// (`remembered`, after a reload), else the most recently edited one,
    /// else a new blank draft. When the store refuses the new draft it is
    /// kept in the page and stored by the first save that succeeds.
    pub fn first<S: Store>(
        drafts: &mut DraftBox<S>,
        remembered: Option<&str>,
        edits: u64,
        at: At,
        new_id: &str,
    ) -> (OpenDraft, Outcome) {
        let listed = drafts.live_ids().unwrap_or_default();
        // The remembered draft, when it is damaged, is named to the author.
        let damaged_at_start = remembered.and_then(|id| match drafts.load(id) {
            Err(crate::LoadError::Damaged { raw, reason }) => Some(DamagedDraft {
                id: id.to_string(),
                name: name_in(&raw),
                raw,
                reason,
            }),
            _ => None,
        });
        let candidates = remembered.map(str::to_string).into_iter().chain(listed);
        for id in candidates {
            if let Ok(d) = drafts.load(&id) {
                if d.meta.trashed.is_none() {
                    let mut open = OpenDraft::on(d, edits);
                    open.damaged_at_start = damaged_at_start;
                    return (open, Outcome::default());
                }
            }
        }
        let (draft, refused) = create(drafts, new_id, edit::new_table(), None, at);
        let mut open = OpenDraft::on(draft, edits);
        open.damaged_at_start = damaged_at_start;
        if refused.is_some() {
            open.unsaved = true;
            let _ = open.edited(edits, at.now);
        }
        let relist = Outcome {
            relist: true,
            ..Outcome::default()
        };
        (open, relist)
    }

    /// `draft` open, as stored, with the page at `edits`.
    fn on(draft: Draft, edits: u64) -> OpenDraft {
        let mut open = OpenDraft {
            state: SaveState::Saved(draft.meta.updated),
            base: draft.clone(),
            saved_edits: edits,
            unsaved: false,
            readonly: None,
            problem: None,
            conflict: None,
            debounce: Debounce::default(),
            damaged_at_start: None,
        };
        open.adopt(draft, edits);
        open
    }

    /// The draft this tab had open, found damaged when the page opened.
    pub fn damaged_at_start(&self) -> Option<&DamagedDraft> {
        self.damaged_at_start.as_ref()
    }

    /// The open draft as last stored or loaded.
    pub fn draft(&self) -> &Draft {
        &self.base
    }

    pub fn id(&self) -> &str {
        &self.base.meta.id
    }

    pub fn meta(&self) -> &DraftMeta {
        &self.base.meta
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// Some(version) when the open draft was written by a newer version:
    /// the page shows it and never saves over it.
    pub fn readonly(&self) -> Option<u64> {
        self.readonly
    }

    pub fn problem(&self) -> Option<Problem> {
        self.problem
    }

    /// Another tab's version of the open draft, waiting for the author's
    /// choice (keep theirs, mine or both).
    pub fn conflict(&self) -> Option<&Draft> {
        self.conflict.as_ref()
    }

    /// Whether the page, at `edits`, holds changes not yet stored.
    pub fn dirty(&self, edits: u64) -> bool {
        edits != self.saved_edits || self.unsaved
    }

    /// Whether an autosave is scheduled.
    pub fn pending(&self) -> bool {
        self.debounce.pending()
    }

    /// The author edited (the page's edit count is now `edits`). Returns
    /// when the save is due, or None when there is nothing to save or
    /// saving waits for the author (read-only, a conflict).
    pub fn edited(&mut self, edits: u64, now: u64) -> Option<u64> {
        if !self.dirty(edits) || self.readonly.is_some() || self.conflict.is_some() {
            return None;
        }
        self.state = SaveState::Pending;
        Some(self.debounce.change(now))
    }

    /// Whether autosave should write at `now`.
    pub fn autosave_due(&self, now: u64) -> Due {
        match self.debounce.deadline() {
            Some(d) if now < d => Due::Wait(d - now),
            Some(_) => Due::Now,
            None => Due::Idle,
        }
    }

    /// The question before leaving the open draft when it could not be
    /// saved.
    pub fn leave_question(&self) -> Text {
        let why = match &self.state {
            SaveState::Failed(why) => why.clone(),
            _ => Text::new("未能保存", "could not save"),
        };
        notice::leave_question(&self.base.meta.name, &why)
    }

    /// Whether the open draft is a blank never edited (no need to keep it
    /// when the author goes to another one).
    fn pristine(&self, mine: Mine) -> bool {
        !self.dirty(mine.edits)
            && self.base.meta.revision == 1
            && self.base.meta.trashed.is_none()
            && *mine.table == edit::new_table()
    }

    /// Takes `draft` as the open draft's stored state (after a load).
    fn adopt(&mut self, draft: Draft, edits: u64) {
        self.readonly = draft.newer_version;
        self.state = match draft.newer_version {
            Some(_) => SaveState::ReadOnly,
            None => SaveState::Saved(draft.meta.updated),
        };
        self.saved_edits = edits;
        self.unsaved = false;
        self.debounce.done();
        self.base = draft;
    }

    /// `draft` is now open (another draft than before).
    fn show(&mut self, draft: Draft, edits: u64) {
        self.conflict = None;
        self.problem = None;
        self.adopt(draft, edits);
    }

    /// A box operation changed the open draft's stored meta.
    fn adopt_meta(&mut self, draft: Draft, edits: u64) {
        if self.dirty(edits) {
            // The next save merges (only the meta changed there).
            return;
        }
        self.base = draft;
    }

    /// `draft` is what storage now holds of the open draft.
    fn stored(&mut self, draft: Draft, edits: u64) {
        self.saved_edits = edits;
        self.unsaved = false;
        self.state = SaveState::Saved(draft.meta.updated);
        self.problem = None;
        self.base = draft;
    }

    /// A save failed: the state says why; the text stays in the page.
    fn failed(&mut self, e: SaveError) -> SaveOutcome {
        let (state, problem) = match &e {
            SaveError::NewerVersion(v) => {
                self.readonly = Some(*v);
                (SaveState::ReadOnly, None)
            }
            SaveError::Damaged => (
                SaveState::Failed(notice::damaged_state()),
                Some(Problem::Damaged),
            ),
            SaveError::Store(s @ StoreError::QuotaExceeded) => {
                (SaveState::Failed(s.text()), Some(Problem::Full))
            }
            SaveError::Store(s @ StoreError::Unavailable(_)) => {
                (SaveState::Failed(s.text()), Some(Problem::Unavailable))
            }
            SaveError::Conflict { theirs } => return self.ask((**theirs).clone()),
        };
        self.state = state;
        self.problem = problem;
        SaveOutcome::Failed(e)
    }

    /// Another tab changed the table too: the author chooses.
    fn ask(&mut self, theirs: Draft) -> SaveOutcome {
        self.conflict = Some(theirs);
        self.state = SaveState::Failed(notice::conflict_state());
        SaveOutcome::Conflict
    }
}
