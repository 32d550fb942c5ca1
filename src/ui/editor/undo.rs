//! Editing the table, one undo step at a time: every edit goes through
//! [`Editor::update`] (one step), [`Editor::type_text`] /
//! [`Editor::type_in_row`] (typing: one step per field per pause) or
//! [`Editor::apply`] (rows moved: one step). Each bumps [`Editor::edits`],
//! which autosave follows; loading or replacing a table does not.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::domain::edit::{self, Change};
use crate::domain::{Indicator, Table};
use crate::drafts::History;

use super::state::{Editor, Snapshot};

/// Roughly what a snapshot of `t` costs in memory.
fn cost(t: &Table) -> usize {
    let rows: usize = t
        .indicators
        .iter()
        .map(|r| {
            r.level1.len() + r.level2.len() + r.name.len() + r.description.len() + r.value.len()
        })
        .sum();
    let goals: usize = t.goals.iter().map(String::len).sum();
    512 + t.purpose.len() + goals + rows + t.indicators.len() * (5 * 24 + 8)
}

/// Milliseconds for coalescing keystrokes (any monotonic-enough clock).
fn clock_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl Editor {
    /// Changes the table (a field outside the rows, or anything that does
    /// not move rows): one undo step, when it changed anything.
    pub fn update(&self, f: impl FnOnce(&mut Table)) {
        let before = self.snapshot();
        self.internal.set_value(true);
        self.table.update(f);
        let changed = self.table.with_untracked(|t| *t != before.0);
        if changed {
            self.history.update_value(|h| {
                h.record(None, clock_ms(), || {
                    let c = cost(&before.0);
                    (before, c)
                });
            });
            self.sync_depth();
            self.edited();
        }
    }

    /// Typing in the field with DOM id `key`: keystrokes in one field
    /// without a pause make one undo step. No copy of the table is made
    /// per keystroke, only when a step begins.
    pub fn type_text(&self, key: &str, f: impl FnOnce(&mut Table)) {
        self.record_typing(key);
        self.internal.set_value(true);
        self.table.update(f);
        self.edited();
    }

    /// Typing in a cell of row `id` (`key`: the cell's DOM id); only that
    /// row's view re-reads it.
    pub fn type_in_row(&self, id: u64, key: &str, f: impl FnOnce(&mut Indicator)) {
        let Some(i) = self
            .row_ids
            .with_untracked(|ids| ids.iter().position(|&x| x == id))
        else {
            return;
        };
        self.type_text(key, |t| {
            if let Some(r) = t.indicators.get_mut(i) {
                f(r);
            }
        });
        if let Some(trigger) = self.row_triggers.with_value(|m| m.get(&id).copied()) {
            trigger.notify();
        }
    }

    /// Runs an edit that may move rows, and keeps the row ids in step.
    pub fn apply(&self, f: impl FnOnce(&mut Table) -> Change) -> Change {
        let mut change = Change::None;
        self.update(|t| change = f(t));
        if change != Change::None {
            let editor = *self;
            self.row_ids
                .update(|ids| change.apply(ids, || editor.fresh_id()));
        }
        // Cells may have changed without the row moving (a 一级 picked, a
        // framework switched): every row re-reads.
        self.all_rows.notify();
        change
    }

    fn snapshot(&self) -> Snapshot {
        (self.table.get_untracked(), self.row_ids.get_untracked())
    }

    fn record_typing(&self, key: &str) {
        let (table, ids) = (self.table, self.row_ids);
        let began = self.history.try_update_value(|h| {
            h.record(Some(key), clock_ms(), || {
                let t = table.get_untracked();
                let c = cost(&t);
                ((t, ids.get_untracked()), c)
            })
        });
        if began == Some(true) {
            self.sync_depth();
        }
    }

    fn edited(&self) {
        self.edits.update(|n| *n += 1);
    }

    fn sync_depth(&self) {
        let depth = self.history.with_value(History::depth);
        if self.depth.get_untracked() != depth {
            self.depth.set(depth);
        }
    }

    /// Ends the current typing burst (the field was left): the next
    /// keystroke starts a new undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// Takes back the last step. Returns the DOM id of the field it was
    /// typed in (None for a structural step), or None when nothing is left.
    pub fn undo(&self) -> Option<Option<String>> {
        let current = self.snapshot();
        let c = cost(&current.0);
        let step = self
            .history
            .try_update_value(|h| h.undo(current, c))
            .flatten()?;
        self.restore(step.state);
        self.sync_depth();
        self.edited();
        Some(step.key)
    }

    /// Does the last undone step again.
    pub fn redo(&self) -> Option<Option<String>> {
        let current = self.snapshot();
        let c = cost(&current.0);
        let step = self
            .history
            .try_update_value(|h| h.redo(current, c))
            .flatten()?;
        self.restore(step.state);
        self.sync_depth();
        self.edited();
        Some(step.key)
    }

    /// Puts a snapshot back: rows keep (or get back) their ids, and every
    /// row re-reads.
    fn restore(&self, (table, ids): Snapshot) {
        self.row_ids.set(ids);
        self.internal.set_value(false);
        self.table.set(table);
        self.all_rows.notify();
    }

    /// Replaces the table with another version of the same draft (another
    /// tab's). With `undoable` the version replaced is one undo step away;
    /// otherwise the history starts afresh. Not counted as an edit.
    pub fn replace(&self, mut table: Table, undoable: bool) {
        edit::normalize(&mut table);
        let current = self.snapshot();
        let ids = if current.1.len() == table.indicators.len() {
            current.1.clone()
        } else {
            (0..table.indicators.len())
                .map(|_| self.fresh_id())
                .collect()
        };
        if undoable {
            self.history.update_value(|h| {
                h.record(None, clock_ms(), || {
                    let c = cost(&current.0);
                    (current, c)
                });
            });
        } else {
            self.history.update_value(History::clear);
        }
        self.sync_depth();
        self.restore((table, ids));
    }

    /// Replaces the table (new blank table, an example, a loaded draft).
    /// The undo history starts afresh; not counted as an edit.
    pub fn load(&self, mut table: Table, reveal: bool) {
        edit::normalize(&mut table);
        let rows = table.indicators.len();
        self.internal.set_value(true);
        self.table.set(table);
        self.reset_ids(rows);
        self.all_rows.notify();
        self.touched.set(HashSet::new());
        self.reveal_all.set(reveal);
        self.history.update_value(History::clear);
        self.sync_depth();
    }
}
