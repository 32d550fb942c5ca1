//! Autosave on the page: the timer that follows the policy's schedule
//! ([`crate::drafts::OpenDraft::edited`], `autosave_due`), saving now when
//! the page asks (hidden, left, before another action), and reading the
//! listing again soon after another tab wrote.

use leptos::prelude::*;

use crate::drafts::session::Due;
use crate::drafts::{SaveOutcome, SaveState};
use crate::ui::workspace::now_ms;

use super::session::{set_changed, Session};

/// How soon the listing is read again after another tab wrote (it may
/// write every second while its author types).
const RELIST_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

impl Session {
    pub(super) fn cancel_timer(&self) {
        if let Some(Some(h)) = self.timer.try_get_value() {
            h.clear();
            self.timer.set_value(None);
        }
    }

    /// An edit happened: save within a second.
    pub(super) fn schedule(&self) {
        let Some(edits) = self.editor.edits.try_get_untracked() else {
            return;
        };
        let now = now_ms();
        let Some(Some(deadline)) = self.open.try_update_value(|o| o.edited(edits, now)) else {
            return;
        };
        set_changed(self.state, SaveState::Pending);
        if self.timer.get_value().is_none() {
            self.arm(deadline.saturating_sub(now));
        }
    }

    fn arm(&self, delay: u64) {
        let session = *self;
        let handle = set_timeout_with_handle(
            move || session.tick(),
            std::time::Duration::from_millis(delay),
        )
        .ok();
        self.timer.set_value(handle);
    }

    fn tick(&self) {
        if self.timer.try_set_value(None).is_some() {
            return; // disposed
        }
        match self.open.with_value(|o| o.autosave_due(now_ms())) {
            Due::Wait(ms) => self.arm(ms),
            Due::Now => {
                self.save_now();
            }
            Due::Idle => {}
        }
    }

    /// Stores the open draft now, if it has unsaved changes. Returns whether
    /// nothing is left unsaved.
    pub fn save_now(&self) -> bool {
        // Recorded as a performance measure ("jixiao-autosave") so the
        // benchmark can report the main-thread cost of a save.
        let perf = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &perf {
            let _ = p.mark("jixiao-autosave-start");
        }
        let Some(out) = self.try_run(|o, d, mine, at| o.save(d, mine, at)) else {
            return true; // the page is gone
        };
        if let (Some(p), false) = (&perf, matches!(out, SaveOutcome::Clean | SaveOutcome::Held)) {
            let _ = p.mark("jixiao-autosave-end");
            let _ = p.measure_with_start_mark_and_end_mark(
                "jixiao-autosave",
                "jixiao-autosave-start",
                "jixiao-autosave-end",
            );
        }
        if out == SaveOutcome::Saved {
            self.note_stored();
        }
        out.all_saved()
    }

    /// Reads the listing again shortly.
    pub(super) fn refresh_soon(&self) {
        if self.refresh_timer.get_value().is_some() {
            return;
        }
        let session = *self;
        let handle = set_timeout_with_handle(
            move || {
                if session.refresh_timer.try_set_value(None).is_none() {
                    session.ws.refresh();
                }
            },
            RELIST_AFTER,
        )
        .ok();
        self.refresh_timer.set_value(handle);
    }
}
