//! The undo history: snapshots of the state before each step.
//!
//! A step is one structural edit (a row added, moved, removed; a select
//! changed) or one burst of typing in one field: keystrokes in the same
//! field with no pause longer than [`History::pause_ms`] coalesce into one
//! step, so 撤销 takes back a phrase, not a character. A new edit after an
//! undo drops the redo steps, as in every editor.
//!
//! Snapshots are whole states (the page stores the table and its row ids):
//! restoring one is exact, whatever the edit was. A snapshot is only taken
//! when a step begins, never per keystroke. The history keeps at most
//! `limit` steps, and drops the oldest beyond `keep` steps while the
//! snapshots together cost more than `budget` (a thousand-row table costs
//! about 200 kB per snapshot).

use std::collections::VecDeque;

/// One step: the state before it, and what it was about.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<T> {
    pub state: T,
    /// The field typed in (a DOM id), or None for a structural edit.
    pub key: Option<String>,
    /// What the snapshot costs (bytes, roughly).
    pub cost: usize,
}

#[derive(Debug, Clone)]
struct Open {
    key: String,
    last: u64,
}

#[derive(Debug, Clone)]
pub struct History<T> {
    undo: VecDeque<Step<T>>,
    redo: Vec<Step<T>>,
    /// The typing burst that the next keystroke in the same field joins.
    open: Option<Open>,
    /// Keystrokes further apart than this start a new step.
    pub pause_ms: u64,
    /// At most this many undo steps.
    pub limit: usize,
    /// Steps always kept, whatever they cost.
    pub keep: usize,
    /// Beyond `keep` steps, drop the oldest while snapshots cost more.
    pub budget: usize,
    cost: usize,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::new()
    }
}

impl<T> History<T> {
    /// 1 s pause, 300 steps, at least 100 kept, 64 MB of snapshots.
    pub fn new() -> History<T> {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            open: None,
            pause_ms: 1000,
            limit: 300,
            keep: 100,
            budget: 64 << 20,
            cost: 0,
        }
    }

    /// Called before every edit. `key` names the field typed in (None for a
    /// structural edit); `now` is in milliseconds. When the edit starts a
    /// new step, `before` is called for a snapshot of the state as it is,
    /// with its cost, and the redo steps are dropped. Returns whether a new
    /// step began.
    pub fn record(
        &mut self,
        key: Option<&str>,
        now: u64,
        before: impl FnOnce() -> (T, usize),
    ) -> bool {
        if let (Some(open), Some(k)) = (&mut self.open, key) {
            if open.key == k && now.saturating_sub(open.last) <= self.pause_ms {
                open.last = now;
                return false;
            }
        }
        let (state, cost) = before();
        self.push_undo(Step {
            state,
            key: key.map(str::to_string),
            cost,
        });
        self.redo.clear();
        self.open = key.map(|k| Open {
            key: k.to_string(),
            last: now,
        });
        true
    }

    /// Ends the current typing burst: the next keystroke starts a step.
    pub fn seal(&mut self) {
        self.open = None;
    }

    fn push_undo(&mut self, step: Step<T>) {
        self.cost += step.cost;
        self.undo.push_back(step);
        while self.undo.len() > self.limit
            || (self.undo.len() > self.keep && self.cost > self.budget)
        {
            if let Some(old) = self.undo.pop_front() {
                self.cost -= old.cost;
            }
        }
    }

    /// Takes back the last step: `current` (the state now) goes to the redo
    /// list and the state before the step is returned.
    pub fn undo(&mut self, current: T, cost: usize) -> Option<Step<T>> {
        self.open = None;
        let step = self.undo.pop_back()?;
        self.cost -= step.cost;
        self.redo.push(Step {
            state: current,
            key: step.key.clone(),
            cost,
        });
        Some(step)
    }

    /// Does the last undone step again.
    pub fn redo(&mut self, current: T, cost: usize) -> Option<Step<T>> {
        self.open = None;
        let step = self.redo.pop()?;
        self.push_undo(Step {
            state: current,
            key: step.key.clone(),
            cost,
        });
        Some(step)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// (undo steps, redo steps).
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Forgets everything (another draft was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = None;
        self.cost = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text editor over one string per field, recording like the page.
    struct Doc {
        fields: [String; 2],
        history: History<[String; 2]>,
    }

    impl Doc {
        fn new() -> Doc {
            Doc {
                fields: Default::default(),
                history: History::new(),
            }
        }
        fn type_in(&mut self, field: usize, text: &str, now: u64) {
            let snapshot = self.fields.clone();
            let key = format!("f{field}");
            self.history.record(Some(&key), now, || (snapshot, 1));
            self.fields[field].push_str(text);
        }
        fn structural(&mut self, now: u64) {
            let snapshot = self.fields.clone();
            self.history.record(None, now, || (snapshot, 1));
            self.fields[1].push('#');
        }
        fn undo(&mut self) -> bool {
            match self.history.undo(self.fields.clone(), 1) {
                Some(s) => {
                    self.fields = s.state;
                    true
                }
                None => false,
            }
        }
        fn redo(&mut self) -> bool {
            match self.history.redo(self.fields.clone(), 1) {
                Some(s) => {
                    self.fields = s.state;
                    true
                }
                None => false,
            }
        }
    }

    #[test]
    fn keystrokes_in_one_field_coalesce_until_a_pause() {
        let mut d = Doc::new();
        for (i, c) in ["科", "技", "统", "计"].iter().enumerate() {
            d.type_in(0, c, 100 * i as u64);
        }
        assert_eq!(d.history.depth(), (1, 0));
        // A pause longer than a second starts a new step.
        d.type_in(0, "系统", 300 + 1001);
        assert_eq!(d.history.depth(), (2, 0));
        assert!(d.undo());
        assert_eq!(d.fields[0], "科技统计");
        assert!(d.undo());
        assert_eq!(d.fields[0], "");
        assert!(!d.undo());
        assert!(d.redo());
        assert!(d.redo());
        assert_eq!(d.fields[0], "科技统计系统");
        assert!(!d.redo());
    }

    #[test]
    fn another_field_or_a_structural_edit_starts_a_step() {
        let mut d = Doc::new();
        d.type_in(0, "a", 0);
        d.type_in(1, "b", 10);
        d.type_in(0, "c", 20);
        d.structural(30);
        d.structural(40);
        d.type_in(0, "d", 50);
        assert_eq!(d.history.depth(), (6, 0));
        assert!(d.undo());
        assert_eq!(d.fields, ["ac".to_string(), "b##".to_string()]);
        // Typing again right after an undo is a new step, not part of the
        // undone one.
        d.type_in(0, "x", 60);
        assert_eq!(d.fields[0], "acx");
        assert!(d.undo());
        assert_eq!(d.fields[0], "ac");
    }

    #[test]
    fn a_new_edit_after_undo_drops_the_redo_steps() {
        let mut d = Doc::new();
        d.structural(0);
        d.structural(1);
        assert!(d.undo());
        assert!(d.history.can_redo());
        d.type_in(0, "new", 2);
        assert!(!d.history.can_redo());
        assert!(!d.redo());
        assert_eq!(d.fields, ["new".to_string(), "#".to_string()]);
    }

    #[test]
    fn seal_ends_a_burst() {
        let mut d = Doc::new();
        d.type_in(0, "a", 0);
        d.history.seal();
        d.type_in(0, "b", 1);
        assert_eq!(d.history.depth(), (2, 0));
    }

    #[test]
    fn keeps_at_least_a_hundred_and_fifty_steps_and_undoes_them_all() {
        let mut d = Doc::new();
        for i in 0..150u64 {
            // Alternate fields: every keystroke is a step.
            d.type_in((i % 2) as usize, &format!("{i},"), i);
        }
        assert_eq!(d.history.depth(), (150, 0));
        let mut n = 0;
        while d.undo() {
            n += 1;
        }
        assert_eq!(n, 150);
        assert_eq!(d.fields, [String::new(), String::new()]);
        while d.redo() {}
        assert!(d.fields[0].starts_with("0,2,4,") && d.fields[0].ends_with("148,"));
        assert!(d.fields[1].ends_with("147,149,"));
    }

    #[test]
    fn limit_and_budget_drop_the_oldest_steps() {
        let mut h: History<u32> = History::new();
        h.limit = 5;
        h.keep = 2;
        h.budget = 1000;
        for i in 0..8 {
            h.record(None, i, || (i as u32, 10));
        }
        assert_eq!(h.depth(), (5, 0));
        // Big snapshots: beyond `keep` steps the budget applies.
        for i in 0..4 {
            h.record(None, 100 + i, || (100 + i as u32, 600));
        }
        assert_eq!(h.depth(), (2, 0));
        assert_eq!(h.undo(0, 0).map(|s| s.state), Some(103));
        assert_eq!(h.undo(0, 0).map(|s| s.state), Some(102));
        assert!(h.undo(0, 0).is_none());
    }

    #[test]
    fn clear_forgets_everything() {
        let mut d = Doc::new();
        d.type_in(0, "a", 0);
        d.structural(1);
        d.undo();
        d.history.clear();
        assert_eq!(d.history.depth(), (0, 0));
        assert!(!d.undo() && !d.redo());
    }
}
