//! The author's choice when another tab saved a different table first:
//! theirs, mine, or both. Nothing is lost whichever they choose: keeping
//! theirs leaves mine one undo step away, keeping both saves mine as a new
//! draft.

use crate::names::this_page_name;
use crate::{Draft, DraftBox, Store};

use super::notice::{self, Notice, Offer};
use super::{At, Mine, OpenDraft, Outcome, Show};

impl OpenDraft {
    /// 保留对方的: their version replaces mine in the page (mine is one
    /// undo step away).
    pub fn keep_theirs(&mut self, mine: Mine) -> Outcome {
        let Some(theirs) = self.conflict.take() else {
            return Outcome::default();
        };
        self.adopt(theirs, mine.edits);
        Outcome {
            show: Some(Show::Replace { undoable: true }),
            notice: Some(Notice::plain(notice::kept_theirs())),
            ..Outcome::default()
        }
    }

    /// 保留我的: mine is saved over theirs (their name kept).
    pub fn keep_mine<S: Store>(&mut self, drafts: &mut DraftBox<S>, mine: Mine, at: At) -> Outcome {
        let Some(theirs) = self.conflict.take() else {
            return Outcome::default();
        };
        let mut draft = Draft {
            meta: theirs.meta,
            table: mine.table.clone(),
            newer_version: None,
        };
        match drafts.save_over(&mut draft, at.now) {
            Ok(()) => {
                self.stored(draft, mine.edits);
                Outcome {
                    stored: true,
                    notice: Some(Notice::plain(notice::kept_mine())),
                    ..Outcome::default()
                }
            }
            Err(e) => {
                let _ = self.failed(e);
                Outcome::default()
            }
        }
    }

    /// 两份都保留: theirs stays as it is; mine becomes a new draft, named
    /// "`<their name>`（本页版本）", and the page continues there. The notice
    /// offers to open theirs.
    pub fn keep_both<S: Store>(
        &mut self,
        drafts: &mut DraftBox<S>,
        mine: Mine,
        at: At,
        new_id: &str,
    ) -> Outcome {
        let Some(theirs) = self.conflict.as_ref().map(|t| t.meta.clone()) else {
            return Outcome::default();
        };
        let name = this_page_name(&theirs.name).into_lang(at.lang);
        match self.save_as_new(drafts, &name, mine, at, new_id) {
            Ok(out) => Outcome {
                notice: Some(Notice {
                    text: notice::kept_both(&name, &theirs.name),
                    offer: Some(Offer::Open(theirs.id)),
                }),
                ..out
            },
            // The conflict still waits; the state says why.
            Err(_) => Outcome::default(),
        }
    }
}
