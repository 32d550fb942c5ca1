//! Going to another draft: opening one of the box, starting a new one.
//!
//! The page first saves the open draft, and asks the author
//! ([`OpenDraft::leave_question`]) when that fails. A blank draft left
//! behind untouched is removed: opening an example right after the page
//! came up leaves no 未命名草稿 in the box.

use jixiao_domain::Table;

use crate::drafts::LoadError;
use crate::{Draft, DraftBox, SaveError, Store, StoreError};

use super::{create, At, Mine, OpenDraft, Outcome, Show};

impl OpenDraft {
    /// Opens the draft `id` of the box (the page has saved the open one,
    /// or the author agreed to leave its unsaved changes).
    pub fn open<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        mine: Mine,
        at: At,
    ) -> Result<Outcome, LoadError> {
        if id == self.id() {
            return Ok(Outcome::default());
        }
        let blank = self.pristine(mine).then(|| self.id().to_string());
        let draft = drafts.load(id)?;
        self.show(draft, mine.edits);
        Ok(Outcome {
            show: Some(Show::Load),
            relist: OpenDraft::drop_blank(drafts, blank, at.now),
            ..Outcome::default()
        })
    }

    /// Starts a new draft from `table` (blank, an example, an import) and
    /// opens it. When the store refuses it, it is open all the same and
    /// the state says why.
    pub fn new_draft<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        table: Table,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Outcome {
        let blank = self.pristine(mine).then(|| self.id().to_string());
        let (draft, refused) = create(drafts, new_id, table, None, at);
        self.show(draft, mine.edits);
        OpenDraft::drop_blank(drafts, blank, at.now);
        if let Some(e) = refused {
            self.unsaved = true;
            let _ = self.failed(store_error(e));
        }
        Outcome {
            show: Some(Show::Load),
            relist: true,
            ..Outcome::default()
        }
    }

    /// After 撤销 of deleting the open draft (see
    /// [`OpenDraft::undelete`]), when the page may leave the draft open
    /// now: `draft` opens again, and `replacement`, the blank draft opened
    /// in its place, goes if still untouched.
    pub fn reopen<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        draft: Draft,
        replacement: Option<&str>,
        mine: Mine,
        at: At,
    ) -> Outcome {
        let blank = replacement
            .filter(|r| *r == self.id() && self.pristine(mine))
            .map(str::to_string);
        self.show(draft, mine.edits);
        OpenDraft::drop_blank(drafts, blank, at.now);
        Outcome {
            show: Some(Show::Load),
            relist: true,
            ..Outcome::default()
        }
    }
}

/// Why a new draft was not stored, as a save failure (a store error as it
/// is; anything else, such as an id already taken, as a full store).
pub(super) fn store_error(e: SaveError) -> SaveError {
    match e {
        SaveError::Store(_) => e,
        _ => SaveError::Store(StoreError::QuotaExceeded),
    }
}
