//! What the author does with drafts, from the page's side: each action
//! asks first where it cannot be undone (`confirm()`), runs the policy's
//! event ([`crate::drafts::OpenDraft`]) and applies its outcome.

use leptos::prelude::*;

use crate::domain::{Bilingual, Document, Table};
use crate::drafts::session::{discard_damaged_question, empty_trash_question, purge_question};
use crate::drafts::{DraftEntry, OpenDraft};
use crate::formats::exchange;
use crate::formats::job::{Done, Job};
use crate::ui::dom;
use crate::ui::editor::Section;
use crate::ui::lang::{text, tr};
use crate::ui::platform::courier;
use crate::ui::workspace::fresh_id;

use super::session::Session;
use crate::drafts::Offer;
use crate::formats::file_name;
use crate::ui::platform::download::{download, JSON_MIME};

impl Session {
    /// Before leaving the open draft: save; when that fails, ask.
    fn may_leave(&self) -> bool {
        self.save_now() || dom::confirm(&text(&self.open.with_value(OpenDraft::leave_question)))
    }

    /// Opens a draft of the box in the editor. The error is in the page
    /// language.
    pub fn open(&self, id: &str) -> Result<(), String> {
        if id == self.id() {
            self.close_box();
            return Ok(());
        }
        if !self.may_leave() {
            return Err(tr("已取消", "Cancelled").into());
        }
        match self.run(|o, d, mine, at| o.open(d, id, mine, at)) {
            Ok(out) => {
                self.apply(out);
                self.close_box();
                Ok(())
            }
            Err(e) => Err(text(&e.text())),
        }
    }

    /// Starts a new draft from `table` and opens it. `reveal` shows every
    /// finding at once (an example or an import).
    pub fn new_draft(&self, table: Table, reveal: bool) {
        if !self.may_leave() {
            return;
        }
        let id = fresh_id();
        let out = self.run(|o, d, mine, at| o.new_draft(d, table, mine, at, &id));
        self.apply_showing(out, reveal);
        self.close_box();
        dom::focus_later(Section::BASIC.heading_id(), None);
    }

    /// Starts a new draft from example `index` of
    /// [`crate::formats::examples::TITLES`] (read by the formats worker)
    /// and opens it.
    pub fn new_from_example(&self, index: usize) {
        let session = *self;
        courier::send(
            Job::Example { index },
            Vec::new(),
            move |done, _| match done {
                Done::Table(t) => session.new_draft(*t, true),
                Done::Failed(why) => session.notices.fail(why),
                _ => {}
            },
        );
    }

    pub fn open_box(&self) {
        self.save_now();
        self.ws.refresh();
        self.show_box.set(true);
        dom::focus_later("draftbox-h".into(), None);
    }

    pub fn close_box(&self) {
        if self.show_box.get_untracked() {
            self.show_box.set(false);
            dom::focus_later("draftbox-toggle".into(), None);
        }
    }

    /// A problem already in the page language (an error passed on).
    pub fn alert(&self, message: String) {
        self.notices.fail(message);
    }

    /// What a notice's button does (撤销 a deletion, 打开 a draft).
    pub(super) fn act_on(&self, action: Offer) {
        match action {
            Offer::UndoDelete {
                id,
                was_open,
                replacement,
            } => self.undo_delete(&id, was_open, replacement),
            Offer::Open(id) => {
                if let Err(e) = self.open(&id) {
                    self.alert(e);
                }
            }
        }
    }

    /// Moves a draft to the trash, with 撤销 in a toast.
    pub fn delete(&self, id: &str) {
        let new_id = fresh_id();
        let out = self.run(|o, d, mine, at| o.delete(d, id, mine, at, &new_id));
        self.apply(out);
    }

    /// Takes a deletion back (and reopens the draft if it was open).
    fn undo_delete(&self, id: &str, was_open: bool, replacement: Option<String>) {
        let (restored, out) = self.run(|o, d, _, at| o.undelete(d, id, at));
        if let Some(draft) = restored {
            if was_open && self.may_leave() {
                let back =
                    self.run(|o, d, mine, at| o.reopen(d, draft, replacement.as_deref(), mine, at));
                self.apply(back);
            }
        }
        self.apply(out);
    }

    /// Brings a draft back from the trash.
    pub fn restore(&self, id: &str) {
        let out = self.run(|o, d, mine, at| o.restore(d, id, mine, at));
        self.apply(out);
    }

    /// Deletes a draft of the trash for good, after asking.
    pub fn purge(&self, id: &str, name: &str) {
        if !dom::confirm(&text(&purge_question(name))) {
            return;
        }
        let new_id = fresh_id();
        let out = self.run(|o, d, mine, at| o.purge(d, id, name, mine, at, &new_id));
        self.apply(out);
    }

    /// Deletes every draft of the trash for good, after asking.
    pub fn empty_trash(&self) {
        let ids: Vec<String> = self.ws.entries.with_untracked(|es| {
            es.iter()
                .filter_map(DraftEntry::meta)
                .filter(|m| m.trashed.is_some())
                .map(|m| m.id.clone())
                .collect()
        });
        if ids.is_empty() || !dom::confirm(&text(&empty_trash_question(ids.len()))) {
            return;
        }
        let new_id = fresh_id();
        let out = self.run(|o, d, mine, at| o.empty_trash(d, &ids, mine, at, &new_id));
        self.apply(out);
    }

    pub fn rename(&self, id: &str, name: &str) {
        let out = self.run(|o, d, mine, at| o.rename(d, id, name, mine, at));
        self.apply(out);
    }

    pub fn duplicate(&self, id: &str) {
        let new_id = fresh_id();
        let out = self.run(|o, d, mine, at| o.duplicate(d, id, mine, at, &new_id));
        self.apply(out);
    }

    /// Removes a damaged entry, after asking.
    pub fn discard_damaged(&self, key: &str) {
        if !dom::confirm(&text(&discard_damaged_question())) {
            return;
        }
        let out = self.run(|o, d, _, _| o.discard_damaged(d, key));
        self.apply(out);
    }

    /// Downloads the open table as exchange JSON (when it cannot be stored).
    pub fn export_open(&self) {
        let table = self.editor.table.get_untracked();
        let name = self.meta.with_untracked(|m| m.name.clone());
        let json = exchange::to_json(&Document {
            tables: vec![table],
        });
        let file = file_name::of_draft(&name, "json", tr("草稿", "draft"));
        if let Err(e) = download(json.as_bytes(), JSON_MIME, &file) {
            self.notices.fail(e);
        }
    }

    /// Stores the page's table as a new draft named `name` and continues
    /// there (the stored one is read-only, damaged, or another tab's).
    /// Returns whether it was stored.
    pub fn save_as_new(&self, name: String) -> bool {
        let id = fresh_id();
        match self.run(|o, d, mine, at| o.save_as_new(d, &name, mine, at, &id)) {
            Ok(out) => {
                self.apply(out);
                true
            }
            Err(_) => false,
        }
    }

    // ---- the conflict -------------------------------------------------

    /// 保留对方的: their version replaces mine (one undo step away).
    pub fn keep_theirs(&self) {
        let out = self.run(|o, _, mine, _| o.keep_theirs(mine));
        self.apply(out);
    }

    /// 保留我的: mine is saved over theirs (their name kept).
    pub fn keep_mine(&self) {
        let out = self.run(|o, d, mine, at| o.keep_mine(d, mine, at));
        self.apply(out);
    }

    /// 两份都保留: theirs stays; mine becomes a new draft, opened here.
    pub fn keep_both(&self) {
        let id = fresh_id();
        let out = self.run(|o, d, mine, at| o.keep_both(d, mine, at, &id));
        self.apply(out);
    }
}
