//! Deleting: into the trash with 撤销 at hand, back out of it, and for
//! good (after the page has asked). Deleting the open draft opens the next
//! most recent one (or a new blank draft when there is none).

use crate::{Draft, DraftBox, Store};

use super::notice::{self, Notice, Offer};
use super::{At, Mine, OpenDraft, Outcome, Show};

impl OpenDraft {
    /// Moves the draft `id` to the trash; the notice offers 撤销.
    pub fn delete<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Outcome {
        let was_open = id == self.id();
        if was_open {
            let _ = self.save(drafts, mine, at);
        }
        match drafts.trash(id, at.now) {
            Ok(d) => {
                let replacement = if was_open {
                    self.open_next(drafts, id, mine, at, new_id)
                } else {
                    None
                };
                Outcome {
                    show: was_open.then_some(Show::Load),
                    relist: true,
                    notice: Some(Notice {
                        text: notice::deleted(&d.meta.name),
                        offer: Some(Offer::UndoDelete {
                            id: id.to_string(),
                            was_open,
                            replacement,
                        }),
                    }),
                    ..Outcome::default()
                }
            }
            Err(e) => notice::failure(notice::Action::Delete, &e).into(),
        }
    }

    /// 撤销 of a deletion: the draft comes back out of the trash. Returns
    /// it (to [`OpenDraft::reopen`] when it was the open one) and what to
    /// tell the author.
    pub fn undelete<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        at: At,
    ) -> (Option<Draft>, Outcome) {
        match drafts.restore(id, at.now) {
            Ok(d) => {
                let out = Outcome {
                    relist: true,
                    notice: Some(Notice::plain(notice::restored(&d.meta.name))),
                    ..Outcome::default()
                };
                (Some(d), out)
            }
            Err(e) => (None, notice::failure(notice::Action::Restore, &e).into()),
        }
    }

    /// Brings the draft `id` back from the trash; the notice offers to
    /// open it.
    pub fn restore<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        mine: Mine,
        at: At,
    ) -> Outcome {
        match drafts.restore(id, at.now) {
            Ok(d) => {
                let text = notice::restored(&d.meta.name);
                if id == self.id() {
                    self.adopt_meta(d, mine.edits);
                }
                Outcome {
                    relist: true,
                    notice: Some(Notice {
                        text,
                        offer: Some(Offer::Open(id.to_string())),
                    }),
                    ..Outcome::default()
                }
            }
            Err(e) => notice::failure(notice::Action::Restore, &e).into(),
        }
    }

    /// Deletes the draft `id` of the trash for good (the page asked first:
    /// [`super::purge_question`] with `name`).
    pub fn purge<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        id: &str,
        name: &str,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Outcome {
        match drafts.purge(id) {
            Ok(_) => {
                let open = id == self.id();
                if open {
                    self.open_next(drafts, id, mine, at, new_id);
                }
                Outcome {
                    show: open.then_some(Show::Load),
                    relist: true,
                    notice: Some(Notice::plain(notice::purged(name))),
                    ..Outcome::default()
                }
            }
            Err(e) => notice::failure(notice::Action::Delete, &e).into(),
        }
    }

    /// Deletes every draft of `ids` (the trash as the author saw it) for
    /// good (the page asked first: [`super::empty_trash_question`]).
    pub fn empty_trash<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        ids: &[String],
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Outcome {
        for id in ids {
            let _ = drafts.purge(id);
        }
        let current = self.id().to_string();
        let open = ids.contains(&current);
        if open {
            self.open_next(drafts, &current, mine, at, new_id);
        }
        Outcome {
            show: open.then_some(Show::Load),
            relist: true,
            notice: Some(Notice::plain(notice::trash_emptied(ids.len()))),
            ..Outcome::default()
        }
    }

    /// Removes a damaged entry (the page asked first:
    /// [`super::discard_damaged_question`]).
    pub fn discard_damaged<S: Store>(&mut self, drafts: &mut DraftBox<S>, key: &str) -> Outcome {
        match drafts.discard_damaged(key) {
            Ok(_) => Outcome {
                relist: true,
                notice: Some(Notice::plain(notice::damaged_discarded())),
                ..Outcome::default()
            },
            Err(e) => notice::failure(notice::Action::Delete, &e).into(),
        }
    }
}
