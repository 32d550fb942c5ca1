//! The page's side of the open draft: the signals the views read, the
//! page's own events (hidden, left, closed, another tab's storage event),
//! and applying each outcome of the policy
//! ([`OpenDraft`], in crates/drafts/src/session/) to the editor and the
//! signals. What happens on each event is decided there; this file only
//! carries it out.

use leptos::prelude::*;

use crate::domain::rules::{self, Counts};
use crate::drafts::drafts::is_box_key;
use crate::drafts::session::Show;
use crate::drafts::{
    At, DamagedDraft, Draft, DraftBox, DraftMeta, Mine, OpenDraft, Outcome, Problem, SaveState,
};
use crate::ui::editor::Editor;
use crate::ui::history::UndoLock;
use crate::ui::lang::{lang, tr};
use crate::ui::workspace::{fresh_id, now_ms, PageStore, Workspace};

use crate::ui::widgets::notice::{use_notices, Notice, Notices};

/// An event of the policy, run with the draft box, what the page holds and
/// the moment.
type Event<'a> = dyn FnMut(&mut OpenDraft, &mut DraftBox<PageStore>, Mine, At) + 'a;

/// The open draft and the draft box. `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    pub ws: Workspace,
    pub editor: Editor,
    /// The policy's bookkeeping of the open draft; the signals below
    /// mirror it for the views.
    pub(super) open: StoredValue<OpenDraft>,
    /// The open draft's meta (name, id …) for the page.
    pub meta: RwSignal<DraftMeta>,
    pub state: RwSignal<SaveState>,
    /// Some(version) when the open draft was written by a newer version.
    pub readonly: RwSignal<Option<u64>>,
    pub problem: RwSignal<Option<Problem>>,
    /// Another tab's version of the open draft, waiting for the author's
    /// choice.
    pub conflict: RwSignal<Option<Draft>>,
    /// The conflict dialog is shown (the author may decide later).
    pub conflict_open: RwSignal<bool>,
    /// The draft box is shown instead of the editor.
    pub show_box: RwSignal<bool>,
    /// The page's one notice channel (deletions with 撤销, copies with 打开).
    pub notices: Notices,
    /// The draft this tab had open, found damaged when the page opened.
    pub damaged_at_start: RwSignal<Option<DamagedDraft>>,
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    pub(super) refresh_timer: StoredValue<Option<TimeoutHandle>>,
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The moment of an event.
fn at() -> At {
    At {
        now: now_ms(),
        lang: lang(),
    }
}

/// The draft a page opens with: the one this tab had open (a reload), else
/// the most recently edited one, else a new blank draft. The first value is
/// what the editor shows.
pub fn first_draft(ws: Workspace) -> (Draft, OpenDraft) {
    let remembered = ws.recall_open();
    let (open, out) =
        ws.with_drafts(|d| OpenDraft::first(d, remembered.as_deref(), 0, at(), &fresh_id()));
    if out.relist {
        ws.refresh();
    }
    (open.draft().clone(), open)
}

impl Session {
    /// Opens `first` in `editor` (which was made with its table) and starts
    /// autosave and the listeners.
    pub fn start(ws: Workspace, editor: Editor, first: (Draft, OpenDraft)) -> Session {
        let (_, open) = first;
        let session = Session {
            ws,
            editor,
            meta: RwSignal::new(open.meta().clone()),
            state: RwSignal::new(open.state().clone()),
            readonly: RwSignal::new(open.readonly()),
            problem: RwSignal::new(open.problem()),
            conflict: RwSignal::new(None),
            conflict_open: RwSignal::new(false),
            show_box: RwSignal::new(false),
            notices: use_notices(),
            damaged_at_start: RwSignal::new(open.damaged_at_start().cloned()),
            open: StoredValue::new(open),
            timer: StoredValue::new(None),
            refresh_timer: StoredValue::new(None),
        };
        ws.remember_open(&session.id());
        provide_context(UndoLock {
            show_box: session.show_box,
            dialog_open: session.conflict_open,
            readonly: session.readonly,
        });
        // A first draft the store refused waits to be saved.
        session.schedule();

        // Autosave: follow the author's edits.
        Effect::new(move |_| {
            editor.edits.track();
            session.schedule();
        });

        // Save when the page is hidden, left or closed.
        let hide = window_event_listener_untyped("visibilitychange", move |_| {
            if document().hidden() {
                session.save_now();
            }
        });
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| {
            session.save_now();
        });
        let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
            session.save_now();
            // Still not stored (storage full, a conflict): ask before leaving.
            if session.try_dirty() == Some(true) {
                ev.prevent_default();
                ev.set_return_value(tr("有未保存的修改", "There are unsaved changes"));
            }
        });
        // Another tab changed storage.
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            let key = ev.key();
            if key.as_deref().is_some_and(|k| !is_box_key(k)) {
                return;
            }
            session.refresh_soon();
            let key = key.as_deref();
            if let Some(out) = session.try_run(|o, d, mine, at| o.storage_changed(d, key, mine, at))
            {
                session.apply(out);
            }
        });
        on_cleanup(move || {
            hide.remove();
            pagehide.remove();
            unload.remove();
            storage.remove();
            if let Some(Some(h)) = session.timer.try_get_value() {
                h.clear();
            }
            if let Some(Some(h)) = session.refresh_timer.try_get_value() {
                h.clear();
            }
        });
        session
    }

    /// The open draft's id.
    pub fn id(&self) -> String {
        self.open.with_value(|o| o.id().to_string())
    }

    /// Whether the page holds changes not yet stored.
    pub fn dirty(&self) -> bool {
        let edits = self.editor.edits.get_untracked();
        self.open.with_value(|o| o.dirty(edits))
    }

    fn try_dirty(&self) -> Option<bool> {
        let edits = self.editor.edits.try_get_untracked()?;
        self.open.try_with_value(|o| o.dirty(edits))
    }

    /// Runs an event of the policy with the draft box, the editor's table
    /// and edit count, and the moment; then the signals follow. None when
    /// the page is gone.
    pub(super) fn try_run<R>(
        &self,
        f: impl FnOnce(&mut OpenDraft, &mut DraftBox<PageStore>, Mine, At) -> R,
    ) -> Option<R> {
        // One copy of the work for every event (the wasm stays small):
        // only this shim is generic.
        let mut f = Some(f);
        let mut result = None;
        self.run_event(&mut |o, d, mine, at| {
            if let Some(f) = f.take() {
                result = Some(f(o, d, mine, at));
            }
        });
        result
    }

    fn run_event(&self, f: &mut Event) {
        let Some(edits) = self.editor.edits.try_get_untracked() else {
            return;
        };
        let at = at();
        let open = self.open;
        let ran = self.editor.table.try_with_untracked(|table| {
            let mine = Mine { table, edits };
            self.ws
                .try_with_drafts(|drafts| open.try_update_value(|o| f(o, drafts, mine, at)))
        });
        if ran.flatten().flatten().is_some() {
            self.sync();
        }
    }

    /// [`Session::try_run`] while the page is there.
    pub(super) fn run<R>(
        &self,
        f: impl FnOnce(&mut OpenDraft, &mut DraftBox<PageStore>, Mine, At) -> R,
    ) -> R {
        self.try_run(f)
            .expect("the session lives as long as the page")
    }

    /// The signals follow the policy's state.
    fn sync(&self) {
        let Some((meta, state, readonly, problem, pending)) = self.open.try_with_value(|o| {
            (
                o.meta().clone(),
                o.state().clone(),
                o.readonly(),
                o.problem(),
                o.pending(),
            )
        }) else {
            return;
        };
        if self.meta.with_untracked(|m| *m != meta) {
            if self.meta.with_untracked(|m| m.id != meta.id) {
                // Another draft is open: a reload lands on it.
                self.ws.remember_open(&meta.id);
            }
            self.meta.set(meta);
        }
        set_changed(self.state, state);
        set_changed(self.readonly, readonly);
        set_changed(self.problem, problem);
        self.sync_conflict();
        if !pending {
            self.cancel_timer();
        }
    }

    /// A new conflict opens the dialog; a settled one closes it.
    fn sync_conflict(&self) {
        let was = self.conflict.with_untracked(Option::is_some);
        let same = self
            .open
            .with_value(|o| self.conflict.with_untracked(|c| c.as_ref() == o.conflict()));
        if same {
            return;
        }
        let now = self.open.with_value(|o| o.conflict().cloned());
        let is = now.is_some();
        self.conflict.set(now);
        if is && !was {
            self.conflict_open.set(true);
        } else if was && !is {
            self.conflict_open.set(false);
        }
    }

    /// Carries out an outcome: the editor shows the open draft's table, the
    /// listing follows, the notice is shown.
    pub(super) fn apply(&self, out: Outcome) {
        self.apply_showing(out, false);
    }

    /// [`Session::apply`]; `reveal` shows every finding of a table loaded
    /// at once (an example or an import).
    pub(super) fn apply_showing(&self, out: Outcome, reveal: bool) {
        if let Some(show) = out.show {
            let table = self.open.with_value(|o| o.draft().table.clone());
            match show {
                Show::Load => self.editor.load(table, reveal),
                Show::Replace { undoable } => self.editor.replace(table, undoable),
            }
        }
        if out.stored {
            self.note_stored();
        }
        if out.relist {
            self.ws.refresh();
        }
        if let Some(n) = out.notice {
            let mut notice = Notice::info(n.text)
                .dismissible()
                .lasting(std::time::Duration::from_secs(12));
            if let Some(offer) = n.offer {
                let session = *self;
                notice = notice.with_action(offer.label(), move || session.act_on(offer.clone()));
            }
            self.notices.show(notice);
        }
    }

    /// Updates the listing's line of the open draft just stored, without
    /// reading the whole box again (a save happens every second of typing).
    pub(super) fn note_stored(&self) {
        self.open.with_value(|o| {
            let d = o.draft();
            let counts = if self.editor.table.with_untracked(|t| *t == d.table) {
                self.editor.index.with_untracked(|ix| ix.total)
            } else {
                Counts::of(&rules::check(&d.table))
            };
            self.ws.note(d, counts);
        });
    }
}

/// Sets `signal` only when the value changes (no needless redraw).
pub(super) fn set_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}
