//! Going to another draft: opening one of the box, starting a new one.
//!
//! The page first saves the open draft, and asks the author
//! ([`OpenDraft::leave_question`]) when that fails. A blank draft left
//! behind untouched is removed: opening an example right after the page
//! came up leaves no 未命名草稿 in the box.

use jixiao_domain::{edit, Table};

use crate::drafts::LoadError;
use crate::names::default_name;
use crate::{Draft, DraftBox, DraftMeta, SaveError, Store, StoreError};

use super::{At, Mine, OpenDraft, Outcome, Show};

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

    /// The most recent draft not in the trash other than `except` opens,
    /// or a new blank one (then its id is returned).
    pub(super) fn open_next<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        except: &str,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Option<String> {
        let ids = drafts.live_ids().unwrap_or_default();
        let next = ids.into_iter().find(|id| id != except);
        if let Some(d) = next.and_then(|id| drafts.load(&id).ok()) {
            self.show(d, mine.edits);
            return None;
        }
        let (draft, _) = create(drafts, new_id, edit::new_table(), None, at);
        let id = draft.meta.id.clone();
        self.show(draft, mine.edits);
        Some(id)
    }

    /// Removes a blank draft left behind (one never edited: see `pristine`).
    /// Returns whether the box changed.
    pub(super) fn drop_blank<S: Store>(
        drafts: &mut DraftBox<S>,
        blank: Option<String>,
        now: u64,
    ) -> bool {
        let Some(id) = blank else {
            return false;
        };
        if drafts.trash(&id, now).is_ok() {
            let _ = drafts.purge(&id);
        }
        true
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

/// Stores `table` as a new draft named `name` (by default after its
/// project, in the page's language). When the store refuses, the draft is
/// still made (in memory) and the error comes with it.
pub(super) fn create<S: Store>(
    drafts: &mut DraftBox<S>,
    id: &str,
    table: Table,
    name: Option<String>,
    at: At,
) -> (Draft, Option<SaveError>) {
    let name = name.unwrap_or_else(|| default_name(&table).into_lang(at.lang));
    match drafts.create(id, &name, table.clone(), at.now) {
        Ok(d) => (d, None),
        Err(e) => (
            Draft {
                meta: DraftMeta {
                    id: id.to_string(),
                    name,
                    revision: 1,
                    created: at.now,
                    updated: at.now,
                    trashed: None,
                },
                table,
                newer_version: None,
            },
            Some(e),
        ),
    }
}
