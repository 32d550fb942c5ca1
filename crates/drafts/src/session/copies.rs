//! Names and copies: renaming a draft, duplicating one, and keeping the
//! page's table as a new draft (when the stored one is read-only, damaged,
//! or another tab's).

use crate::{DraftBox, SaveError, Store};

use super::notice::{self, Notice, Offer};
use super::switching::{create, store_error};
use super::{At, Mine, OpenDraft, Outcome};

impl OpenDraft {
    /// Renames the draft `id` (a blank name changes nothing).
    pub fn rename<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        name: &str,
        mine: Mine,
        at: At,
    ) -> Outcome {
        let name = name.trim();
        if name.is_empty() {
            return Outcome::default();
        }
        let open = id == self.id();
        if open {
            let _ = self.save(drafts, mine, at);
        }
        match drafts.rename(id, name, at.now) {
            Ok(d) => {
                if open {
                    self.adopt_meta(d, mine.edits);
                }
                Outcome {
                    relist: true,
                    ..Outcome::default()
                }
            }
            Err(e) => notice::failure(notice::Action::Rename, &e).into(),
        }
    }

    /// Copies the draft `id` under `new_id`, named "`<name>`（副本）" in the
    /// page's language; the notice offers to open the copy.
    pub fn duplicate<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Outcome {
        if id == self.id() {
            let _ = self.save(drafts, mine, at);
        }
        match drafts.duplicate_in(id, new_id, at.now, at.lang) {
            Ok(d) => Outcome {
                relist: true,
                notice: Some(Notice {
                    text: notice::duplicated(&d.meta.name),
                    offer: Some(Offer::Open(new_id.to_string())),
                }),
                ..Outcome::default()
            },
            Err(e) => notice::failure(notice::Action::Duplicate, &e).into(),
        }
    }

    /// Stores the page's table as a new draft named `name` and continues
    /// there: a conflict waiting is settled, a read-only or damaged
    /// draft is left as it is. When the store refuses, nothing changes
    /// but the state, which says why.
    pub fn save_as_new<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        name: &str,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Result<Outcome, SaveError> {
        let (draft, refused) = create(drafts, new_id, mine.table.clone(), Some(name.into()), at);
        if let Some(e) = refused {
            let e = store_error(e);
            let _ = self.failed(e.clone());
            return Err(e);
        }
        self.conflict = None;
        self.problem = None;
        self.adopt(draft, mine.edits);
        Ok(Outcome {
            relist: true,
            ..Outcome::default()
        })
    }
}
