//! A tab of the page, as the session tests drive it: its own draft box over
//! a shared store (clones of one `MemoryStore` behave like two tabs of one
//! browser), the open draft, and the editor's table and edit count. It does
//! what the page does with each outcome, so tests read like a user's steps.

#![allow(dead_code)]

use jixiao_domain::{Lang, Table};
use jixiao_drafts::session::{Due, Show};
use jixiao_drafts::{At, DraftBox, MemoryStore, Mine, Notice, OpenDraft, Outcome, SaveOutcome};

/// An event's moment in Chinese.
pub fn zh(now: u64) -> At {
    At {
        now,
        lang: Lang::Zh,
    }
}

pub struct Tab {
    pub drafts: DraftBox<MemoryStore>,
    pub open: OpenDraft,
    /// What the editor shows.
    pub table: Table,
    /// The editor's count of the author's edits.
    pub edits: u64,
    /// The last notice shown.
    pub notice: Option<Notice>,
    pub lang: Lang,
    ids: u64,
    name: &'static str,
}

impl Tab {
    /// Opens a tab on `store`, as the page does on load.
    pub fn open(
        store: &MemoryStore,
        name: &'static str,
        remembered: Option<&str>,
        now: u64,
    ) -> Tab {
        let mut drafts = DraftBox::new(store.clone());
        let at = At {
            now,
            lang: Lang::Zh,
        };
        let (open, _) = OpenDraft::first(&mut drafts, remembered, 0, at, &format!("{name}-1"));
        Tab {
            table: open.draft().table.clone(),
            drafts,
            open,
            edits: 0,
            notice: None,
            lang: Lang::Zh,
            ids: 1,
            name,
        }
    }

    pub fn at(&self, now: u64) -> At {
        At {
            now,
            lang: self.lang,
        }
    }

    /// A fresh id for a draft this tab may make.
    pub fn new_id(&mut self) -> String {
        self.ids += 1;
        format!("{}-{}", self.name, self.ids)
    }

    /// The author changes the table; returns when autosave is due.
    pub fn edit(&mut self, now: u64, change: impl FnOnce(&mut Table)) -> Option<u64> {
        change(&mut self.table);
        self.edits += 1;
        self.open.edited(self.edits, now)
    }

    /// Autosave's timer fires at `now`.
    pub fn tick(&mut self, now: u64) -> Option<SaveOutcome> {
        match self.open.autosave_due(now) {
            Due::Now => Some(self.save(now)),
            Due::Wait(_) | Due::Idle => None,
        }
    }

    pub fn save(&mut self, now: u64) -> SaveOutcome {
        let at = self.at(now);
        let mine = Mine {
            table: &self.table,
            edits: self.edits,
        };
        self.open.save(&mut self.drafts, mine, at)
    }

    /// What the page does with an outcome: the editor shows the open
    /// draft's table, the notice is shown.
    pub fn apply(&mut self, out: Outcome) -> Outcome {
        match out.show {
            Some(Show::Load) | Some(Show::Replace { .. }) => {
                self.table = self.open.draft().table.clone();
            }
            None => {}
        }
        if out.notice.is_some() {
            self.notice = out.notice.clone();
        }
        out
    }

    /// Another tab wrote `key` (None: it cleared the store).
    pub fn storage_event(&mut self, key: Option<&str>, now: u64) -> Outcome {
        let at = self.at(now);
        let mine = Mine {
            table: &self.table,
            edits: self.edits,
        };
        let out = self.open.storage_changed(&mut self.drafts, key, mine, at);
        self.apply(out)
    }

    /// Runs an event of the open draft with this tab's box and content.
    pub fn act(
        &mut self,
        f: impl FnOnce(&mut OpenDraft, &mut DraftBox<MemoryStore>, Mine, &str) -> Outcome,
    ) -> Outcome {
        let new_id = self.new_id();
        let mine = Mine {
            table: &self.table,
            edits: self.edits,
        };
        let out = f(&mut self.open, &mut self.drafts, mine, &new_id);
        self.apply(out)
    }

    /// The notice's text in this tab's language.
    pub fn told(&self) -> String {
        self.notice
            .as_ref()
            .map(|n| n.text.get(self.lang).to_string())
            .unwrap_or_default()
    }

    /// The names in the draft box, not in the trash, most recent first.
    pub fn names(&self) -> Vec<String> {
        self.drafts
            .list()
            .unwrap()
            .iter()
            .filter_map(|e| e.meta())
            .filter(|m| m.trashed.is_none())
            .map(|m| m.name.clone())
            .collect()
    }

    /// The names in the trash.
    pub fn trash(&self) -> Vec<String> {
        self.drafts
            .list()
            .unwrap()
            .iter()
            .filter_map(|e| e.meta())
            .filter(|m| m.trashed.is_some())
            .map(|m| m.name.clone())
            .collect()
    }

    /// The stored table of the open draft.
    pub fn stored(&self) -> Table {
        self.drafts.load(self.open.id()).unwrap().table
    }

    pub fn the_key(&self) -> String {
        jixiao_drafts::drafts::key_of(self.open.id())
    }
}
