//! Saving the open draft, and another tab's saves of it.
//!
//! Every save goes through [`DraftBox::save`], which refuses to write over
//! a revision it did not start from. When another tab saved first:
//! - the same table there, or only its name or trash state changed: no
//!   question to ask (the page's table is saved over their meta);
//! - a different table: the author chooses (see `conflict.rs`).

use crate::names::{default_name, is_default_name};
use crate::{Draft, DraftBox, SaveError, Store};

use super::{At, Mine, OpenDraft, Outcome, Show};

/// What became of a save.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Nothing was waiting to be saved.
    Clean,
    /// Stored (merged with another tab's change of name or trash state, if
    /// there was one).
    Saved,
    /// Not saved: the draft is read-only, or a conflict waits for the
    /// author.
    Held,
    /// Another tab saved a different table first: the author chooses
    /// (their version is [`OpenDraft::conflict`]; mine stays in the page).
    Conflict,
    /// Not saved, and why ([`OpenDraft::state`] says it to the author);
    /// the text stays in the page.
    Failed(SaveError),
}

impl SaveOutcome {
    /// Whether nothing is left unsaved.
    pub fn all_saved(&self) -> bool {
        matches!(self, SaveOutcome::Clean | SaveOutcome::Saved)
    }
}

impl OpenDraft {
    /// Stores the page's table now, if it has unsaved changes (autosave,
    /// the page being hidden or left, or before another action).
    pub fn save<S: Store>(&mut self, drafts: &mut DraftBox<S>, mine: Mine, at: At) -> SaveOutcome {
        self.debounce.done();
        if !self.dirty(mine.edits) {
            return SaveOutcome::Clean;
        }
        if self.readonly.is_some() || self.conflict.is_some() {
            return SaveOutcome::Held;
        }
        let mut draft = Draft {
            meta: self.base.meta.clone(),
            table: mine.table.clone(),
            newer_version: None,
        };
        // A name never chosen follows the project name (a default name
        // given in either language counts as never chosen).
        if is_default_name(&self.base.meta.name, &self.base.table) {
            draft.meta.name = default_name(&draft.table).into_lang(at.lang);
        }
        match drafts.save(&mut draft, at.now) {
            Ok(()) => {
                self.stored(draft, mine.edits);
                SaveOutcome::Saved
            }
            Err(SaveError::Conflict { theirs }) => self.merge(drafts, *theirs, draft, mine, at),
            Err(e) => self.failed(e),
        }
    }

    /// Another tab saved first. Same table there, or only its name or
    /// trash state changed: no question to ask. Else the author chooses.
    fn merge<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        theirs: Draft,
        mine_draft: Draft,
        mine: Mine,
        at: At,
    ) -> SaveOutcome {
        if let Some(v) = theirs.newer_version {
            return self.failed(SaveError::NewerVersion(v));
        }
        if theirs.table == mine_draft.table {
            self.stored(theirs, mine.edits);
            return SaveOutcome::Saved;
        }
        if self.base.table == theirs.table {
            let mut again = Draft {
                meta: theirs.meta,
                table: mine_draft.table,
                newer_version: None,
            };
            return match drafts.save(&mut again, at.now) {
                Ok(()) => {
                    self.stored(again, mine.edits);
                    SaveOutcome::Saved
                }
                Err(SaveError::Conflict { theirs }) => self.ask(*theirs),
                Err(e) => self.failed(e),
            };
        }
        self.ask(theirs)
    }

    /// Another tab changed the store: `key` is the key it wrote (None: it
    /// cleared the store). When that is the open draft's entry, a newer
    /// revision there is followed when this page has nothing unsaved, and
    /// otherwise this page saves at once (so the author hears of a
    /// conflict now).
    pub fn storage_changed<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        key: Option<&str>,
        mine: Mine,
        at: At,
    ) -> Outcome {
        let mut out = Outcome::default();
        if key.is_some_and(|k| crate::drafts::id_of_key(k) != Some(self.id())) {
            return out;
        }
        let Ok(theirs) = drafts.load(&self.base.meta.id) else {
            return out;
        };
        if theirs.meta.revision == self.base.meta.revision && theirs.newer_version.is_none() {
            return out;
        }
        if self.conflict.is_some() {
            self.conflict = Some(theirs);
            return out;
        }
        if self.dirty(mine.edits) {
            out.stored = self.save(drafts, mine, at) == SaveOutcome::Saved;
            return out;
        }
        // Nothing unsaved here: follow the other tab.
        if *mine.table != theirs.table {
            out.show = Some(Show::Replace { undoable: false });
        }
        self.adopt(theirs, mine.edits);
        out
    }
}
