//! The draft box (草稿箱) and the life of the open draft.
//!
//! Every table is a draft. [`Session`] ties the editor to one draft of the
//! [`Workspace`]:
//! - **Autosave.** Each edit (the editor's `edits` counter) schedules a
//!   save [`Debounce`]d to 400 ms after the last keystroke and at most 1 s
//!   after the first unsaved one; and the page saves at once when it is
//!   hidden, left or closed. A save serializes off the keystroke, never on
//!   it.
//! - **Revisions.** Every save goes through `DraftBox::save`: when another
//!   tab saved the draft first, the author chooses in [`ConflictDialog`]
//!   (theirs, mine, or both). Another tab's save of the draft open here is
//!   followed silently when this page has no unsaved change. A change of
//!   name or trash state elsewhere is merged without asking.
//! - **Failures keep the text.** Storage full, a damaged stored entry, a
//!   draft written by a newer version: the table stays in the page, a
//!   banner says why, and offers an export; later edits retry.
//! - **Where the author was.** The open draft's id is kept per tab in
//!   sessionStorage (a reload lands on it); a new tab opens the most
//!   recently edited draft.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::lang::grouped;
use crate::domain::rules::{self, Counts};
use crate::domain::{edit, Document, Lang, Table};
use crate::drafts::drafts::{key_of, DraftMeta, LoadError, PREFIX};
use crate::drafts::names::copy_name;
use crate::drafts::{differences, Debounce, Difference};
use crate::drafts::{Draft, DraftEntry, SaveError, StoreError};
use crate::formats::{examples, exchange};

use super::dom;
use super::history::UndoButtons;
use super::lang::{lang, tr};
use super::state::{Editor, Section};
use super::workspace::{
    both, count_en, default_name, fresh_id, is_default_name, now_ms, save_error_text,
    store_error_text, Msg, Workspace,
};

/// sessionStorage key of the draft open in this tab.
const CURRENT_KEY: &str = "jixiao.current";
/// Differences listed in the conflict prompt before "另有 n 处" ("n more").
const DIFF_SHOWN: usize = 12;

/// Where the open draft stands, as the draft bar says it.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Stored at this time (ms).
    Saved(u64),
    /// Changes waiting to be written (within a second).
    Pending,
    /// Not stored, and why; the text is still in the page.
    Failed(Msg),
    /// Written by a newer version: shown, never saved over.
    ReadOnly,
}

/// What went wrong with storage, for the alert banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Storage is full.
    Full,
    /// The stored entry of the open draft is damaged: not overwritten.
    Damaged,
    /// Storage refused for another reason.
    Unavailable,
}

/// Another tab's version of the open draft, waiting for the author's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub theirs: Draft,
}

/// A short message at the bottom of the page, maybe with an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    seq: u64,
    pub message: Msg,
    pub action: Option<ToastAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ToastAction {
    /// 撤销 a deletion: restore the draft (and reopen it if it was open;
    /// `replacement` is the blank draft opened in its place, if one was made).
    UndoDelete {
        id: String,
        was_open: bool,
        replacement: Option<String>,
    },
    /// 打开 a draft.
    Open(String),
}

/// The open draft and the draft box. `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    pub ws: Workspace,
    pub editor: Editor,
    /// The open draft as last stored (or loaded): its meta carries the
    /// revision the next save expects.
    base: StoredValue<Draft>,
    /// The open draft's meta (name, id …) for the page.
    pub meta: RwSignal<DraftMeta>,
    pub state: RwSignal<SaveState>,
    /// Some(version) when the open draft was written by a newer version.
    pub readonly: RwSignal<Option<u64>>,
    pub problem: RwSignal<Option<Problem>>,
    pub conflict: RwSignal<Option<Conflict>>,
    pub conflict_open: RwSignal<bool>,
    /// The draft box is shown instead of the editor.
    pub show_box: RwSignal<bool>,
    pub toast: RwSignal<Option<Toast>>,
    /// The editor's `edits` when the open draft was last stored.
    saved_edits: StoredValue<u64>,
    /// The open draft has never been stored (storage refused to create it).
    unsaved: StoredValue<bool>,
    debounce: StoredValue<Debounce>,
    timer: StoredValue<Option<TimeoutHandle>>,
    refresh_timer: StoredValue<Option<TimeoutHandle>>,
    toast_seq: StoredValue<u64>,
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn remember(ws: &Workspace, id: &str) {
    if !ws.persistent {
        return;
    }
    if let Ok(Some(s)) = window().session_storage() {
        let _ = s.set_item(CURRENT_KEY, id);
    }
}

fn recall() -> Option<String> {
    window()
        .session_storage()
        .ok()
        .flatten()?
        .get_item(CURRENT_KEY)
        .ok()
        .flatten()
}

/// Stores `table` as a new draft. When storage refuses, the draft still
/// opens (in memory) and the second value is false: it is stored on the
/// first save that succeeds.
fn create(ws: &Workspace, table: Table, name: Option<String>) -> (Draft, bool) {
    let id = fresh_id();
    let name = name.unwrap_or_else(|| default_name(&table));
    let now = now_ms();
    match ws.with_drafts(|d| d.create(&id, &name, table.clone(), now)) {
        Ok(d) => (d, true),
        Err(_) => (
            Draft {
                meta: DraftMeta {
                    id,
                    name,
                    revision: 1,
                    created: now,
                    updated: now,
                    trashed: None,
                },
                table,
                newer_version: None,
            },
            false,
        ),
    }
}

/// The draft a page opens with: the one this tab had open (a reload), else
/// the most recently edited one, else a new blank draft.
pub fn first_draft(ws: Workspace) -> (Draft, bool) {
    let listed: Vec<String> = ws.entries.with_untracked(|es| {
        es.iter()
            .filter_map(|e| match e {
                DraftEntry::Ok { meta, .. } if meta.trashed.is_none() => Some(meta.id.clone()),
                _ => None,
            })
            .collect()
    });
    let remembered = if ws.persistent { recall() } else { None };
    for id in remembered.into_iter().chain(listed) {
        if let Ok(d) = ws.with_drafts(|b| b.load(&id)) {
            if d.meta.trashed.is_none() {
                return (d, true);
            }
        }
    }
    let made = create(&ws, edit::new_table(), None);
    ws.refresh();
    made
}

/// "14:03:22" today; "11月28日 14:03" ("28 Nov, 14:03") this year; else
/// "2024年11月28日" ("28 Nov 2024"). In the page language.
pub fn when(ms: u64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let now = js_sys::Date::new_0();
    let (h, m, s) = (d.get_hours(), d.get_minutes(), d.get_seconds());
    let (year, month, day) = (d.get_full_year(), d.get_month(), d.get_date());
    if year == now.get_full_year() && month == now.get_month() && day == now.get_date() {
        format!("{h:02}:{m:02}:{s:02}")
    } else if year == now.get_full_year() {
        match lang() {
            Lang::Zh => format!("{}月{day}日 {h:02}:{m:02}", month + 1),
            Lang::En => format!("{day} {}, {h:02}:{m:02}", month_en(month)),
        }
    } else {
        match lang() {
            Lang::Zh => format!("{year}年{}月{day}日", month + 1),
            Lang::En => format!("{day} {} {year}", month_en(month)),
        }
    }
}

/// The short English name of a month (0 = January, as JavaScript counts).
fn month_en(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS.get(month as usize).copied().unwrap_or("")
}

/// "错误 3 · 警告 1" / "3 errors · 1 warning".
fn counts_text(c: Counts) -> String {
    match lang() {
        Lang::Zh => format!("错误 {} · 警告 {}", c.errors, c.warnings),
        Lang::En => format!(
            "{} · {}",
            count_en(c.errors, "error", "errors"),
            count_en(c.warnings, "warning", "warnings")
        ),
    }
}

/// A draft's name quoted in a message: 「name」 / “name”.
fn quoted(name: &str, l: Lang) -> String {
    match l {
        Lang::Zh => format!("「{name}」"),
        Lang::En => format!("“{name}”"),
    }
}

/// Offers `text` as a file download (Blob + <a download>).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| match lang() {
        Lang::Zh => format!("无法下载：{e:?}"),
        Lang::En => format!("Cannot download: {e:?}"),
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(fail)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// A file name from a draft name (characters Windows refuses removed).
pub fn file_name(name: &str, ext: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .filter(|c| !c.is_control())
        .collect();
    let clean = clean.trim();
    let clean = if clean.is_empty() {
        tr("草稿", "draft")
    } else {
        clean
    };
    format!("{clean}.{ext}")
}

impl Session {
    /// Opens `first` in `editor` (which was made with its table) and starts
    /// autosave and the listeners.
    pub fn start(ws: Workspace, editor: Editor, first: (Draft, bool)) -> Session {
        let (draft, stored) = first;
        let session = Session {
            ws,
            editor,
            meta: RwSignal::new(draft.meta.clone()),
            state: RwSignal::new(SaveState::Saved(draft.meta.updated)),
            readonly: RwSignal::new(None),
            problem: RwSignal::new(None),
            conflict: RwSignal::new(None),
            conflict_open: RwSignal::new(false),
            show_box: RwSignal::new(false),
            toast: RwSignal::new(None),
            base: StoredValue::new(draft.clone()),
            saved_edits: StoredValue::new(editor.edits.get_untracked()),
            unsaved: StoredValue::new(false),
            debounce: StoredValue::new(Debounce::default()),
            timer: StoredValue::new(None),
            refresh_timer: StoredValue::new(None),
            toast_seq: StoredValue::new(0),
        };
        session.adopt(draft);
        if !stored {
            session.unsaved.set_value(true);
            session.schedule();
        }
        remember(&ws, &session.id());

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
            if let Some(k) = &key {
                if !k.starts_with("jixiao.") {
                    return;
                }
            }
            session.refresh_soon();
            if key.is_none() || key.as_deref() == Some(&key_of(&session.id())) {
                session.external_change();
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
        self.base.with_value(|b| b.meta.id.clone())
    }

    /// Whether the page holds changes not yet stored.
    pub fn dirty(&self) -> bool {
        self.editor.edits.get_untracked() != self.saved_edits.get_value()
            || self.unsaved.get_value()
    }

    fn try_dirty(&self) -> Option<bool> {
        let edits = self.editor.edits.try_get_untracked()?;
        Some(edits != self.saved_edits.try_get_value()? || self.unsaved.try_get_value()?)
    }

    /// Takes `draft` as the open draft's stored state (after a load).
    fn adopt(&self, draft: Draft) {
        self.readonly.set(draft.newer_version);
        self.state.set(if draft.newer_version.is_some() {
            SaveState::ReadOnly
        } else {
            SaveState::Saved(draft.meta.updated)
        });
        self.meta.set(draft.meta.clone());
        self.saved_edits
            .set_value(self.editor.edits.get_untracked());
        self.unsaved.set_value(false);
        self.debounce.update_value(Debounce::done);
        self.cancel_timer();
        self.base.set_value(draft);
    }

    /// Shows `draft` in the editor (another draft opened).
    fn show(&self, draft: Draft, reveal: bool) {
        self.editor.load(draft.table.clone(), reveal);
        self.conflict.set(None);
        self.conflict_open.set(false);
        self.problem.set(None);
        remember(&self.ws, &draft.meta.id);
        self.adopt(draft);
    }

    fn cancel_timer(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
    }

    /// An edit happened: save within a second.
    fn schedule(&self) {
        if !self.dirty() {
            return;
        }
        if self.readonly.get_untracked().is_some() || self.conflict.with_untracked(Option::is_some)
        {
            return;
        }
        if self
            .state
            .with_untracked(|s| !matches!(s, SaveState::Pending))
        {
            self.state.set(SaveState::Pending);
        }
        let now = now_ms();
        let deadline = self.debounce.try_update_value(|d| d.change(now));
        if self.timer.get_value().is_none() {
            self.arm(deadline.unwrap_or(now).saturating_sub(now));
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
        let now = now_ms();
        match self.debounce.with_value(|d| d.deadline()) {
            Some(d) if now < d => self.arm(d - now),
            Some(_) => {
                self.save_now();
            }
            None => {}
        }
    }

    /// Stores the open draft now, if it has unsaved changes. Returns whether
    /// nothing is left unsaved.
    pub fn save_now(&self) -> bool {
        if self.base.try_with_value(|_| ()).is_none() {
            return true; // the page is gone
        }
        self.cancel_timer();
        self.debounce.update_value(Debounce::done);
        if !self.dirty() {
            return true;
        }
        if self.readonly.get_untracked().is_some() || self.conflict.with_untracked(Option::is_some)
        {
            return false;
        }
        let edits = self.editor.edits.get_untracked();
        // Recorded as a performance measure ("jixiao-autosave") so the
        // benchmark can report the main-thread cost of a save.
        let perf = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &perf {
            let _ = p.mark("jixiao-autosave-start");
        }
        let mut draft = self.base.with_value(|b| Draft {
            meta: b.meta.clone(),
            table: Table::default(),
            newer_version: None,
        });
        draft.table = self.editor.table.get_untracked();
        // A name never chosen follows the project name (a default name
        // given in either language counts as never chosen).
        if self
            .base
            .with_value(|b| is_default_name(&b.meta.name, &b.table))
        {
            draft.meta.name = default_name(&draft.table);
        }
        let result = self.ws.with_drafts(|d| d.save(&mut draft, now_ms()));
        if let Some(p) = &perf {
            let _ = p.mark("jixiao-autosave-end");
            let _ = p.measure_with_start_mark_and_end_mark(
                "jixiao-autosave",
                "jixiao-autosave-start",
                "jixiao-autosave-end",
            );
        }
        match result {
            Ok(()) => {
                self.stored(draft, edits);
                true
            }
            Err(SaveError::Conflict { theirs }) => self.merge(*theirs, draft, edits),
            Err(e) => {
                self.failed(e);
                false
            }
        }
    }

    /// Another tab saved first. Same table there, or only its name or trash
    /// state changed: no question to ask. Else the author chooses.
    fn merge(&self, theirs: Draft, mine: Draft, edits: u64) -> bool {
        if theirs.newer_version.is_some() {
            self.failed(SaveError::NewerVersion(theirs.newer_version.unwrap_or(0)));
            return false;
        }
        if theirs.table == mine.table {
            self.stored(theirs, edits);
            return true;
        }
        if self.base.with_value(|b| b.table == theirs.table) {
            let mut again = Draft {
                meta: theirs.meta,
                table: mine.table,
                newer_version: None,
            };
            return match self.ws.with_drafts(|d| d.save(&mut again, now_ms())) {
                Ok(()) => {
                    self.stored(again, edits);
                    true
                }
                Err(SaveError::Conflict { theirs }) => {
                    self.ask(*theirs);
                    false
                }
                Err(e) => {
                    self.failed(e);
                    false
                }
            };
        }
        self.ask(theirs);
        false
    }

    fn ask(&self, theirs: Draft) {
        self.conflict.set(Some(Conflict { theirs }));
        self.conflict_open.set(true);
        self.state.set(SaveState::Failed(Msg::new(
            "另一个标签页也修改了这份草稿，请选择保留哪一份",
            "this draft was also changed in another tab: choose which to keep",
        )));
    }

    /// `draft` is what storage now holds of the open draft.
    fn stored(&self, draft: Draft, edits: u64) {
        self.saved_edits.set_value(edits);
        self.unsaved.set_value(false);
        self.state.set(SaveState::Saved(draft.meta.updated));
        if self.problem.with_untracked(Option::is_some) {
            self.problem.set(None);
        }
        if self.meta.with_untracked(|m| *m != draft.meta) {
            self.meta.set(draft.meta.clone());
        }
        let counts = if self.editor.table.with_untracked(|t| *t == draft.table) {
            self.editor.index.with_untracked(|ix| ix.total)
        } else {
            Counts::of(&rules::check(&draft.table))
        };
        self.ws.note(&draft, counts);
        self.base.set_value(draft);
    }

    fn failed(&self, e: SaveError) {
        let (state, problem) = match e {
            SaveError::NewerVersion(v) => {
                self.readonly.set(Some(v));
                (SaveState::ReadOnly, None)
            }
            SaveError::Damaged => (
                SaveState::Failed(Msg::new(
                    "存储中的这份草稿已损坏，未覆盖",
                    "the stored copy of this draft is damaged, so it was not overwritten",
                )),
                Some(Problem::Damaged),
            ),
            SaveError::Store(e @ StoreError::QuotaExceeded) => (
                SaveState::Failed(both(|l| store_error_text(&e, l))),
                Some(Problem::Full),
            ),
            SaveError::Store(e @ StoreError::Unavailable(_)) => (
                SaveState::Failed(both(|l| store_error_text(&e, l))),
                Some(Problem::Unavailable),
            ),
            SaveError::Conflict { theirs } => {
                self.ask(*theirs);
                return;
            }
        };
        self.state.set(state);
        if self.problem.get_untracked() != problem {
            self.problem.set(problem);
        }
    }

    /// Another tab wrote the open draft's entry.
    fn external_change(&self) {
        let id = self.id();
        let Ok(theirs) = self.ws.with_drafts(|d| d.load(&id)) else {
            return;
        };
        let base = self.base.with_value(|b| b.meta.revision);
        if theirs.meta.revision == base && theirs.newer_version.is_none() {
            return;
        }
        if self.conflict.with_untracked(Option::is_some) {
            self.conflict.set(Some(Conflict { theirs }));
            return;
        }
        if self.dirty() {
            // Save now: the author hears of the conflict at once.
            self.save_now();
            return;
        }
        // Nothing unsaved here: follow the other tab.
        if self.editor.table.with_untracked(|t| *t != theirs.table) {
            self.editor.replace(theirs.table.clone(), false);
        }
        self.adopt(theirs);
    }

    /// Reads the listing again shortly (another tab may write every second
    /// while its author types).
    fn refresh_soon(&self) {
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
            std::time::Duration::from_millis(250),
        )
        .ok();
        self.refresh_timer.set_value(handle);
    }

    /// Before leaving the open draft: save; when that fails, ask.
    fn may_leave(&self) -> bool {
        if self.save_now() {
            return true;
        }
        let why = match self.state.get_untracked() {
            SaveState::Failed(why) => why.text(),
            _ => tr("未能保存", "could not save").into(),
        };
        let name = self.meta.with_untracked(|m| m.name.clone());
        dom::confirm(&match lang() {
            Lang::Zh => format!(
                "「{name}」有未保存的修改（{why}）。离开后这些修改将丢失；可以先取消，用“导出此表”保存为文件。\n仍要离开吗？"
            ),
            Lang::En => format!(
                "“{name}” has unsaved changes ({why}). They will be lost if you leave; you can cancel and use “Export this table” to save them to a file.\nLeave anyway?"
            ),
        })
    }

    /// Whether the open draft is a blank never edited (no need to keep it
    /// when the author goes to another one).
    fn pristine(&self) -> bool {
        !self.dirty()
            && self
                .base
                .with_value(|b| b.meta.revision == 1 && b.meta.trashed.is_none())
            && self
                .editor
                .table
                .with_untracked(|t| *t == edit::new_table())
    }

    /// Removes a blank draft left behind (see [`Session::pristine`]).
    fn drop_blank(&self, id: Option<String>) {
        if let Some(id) = id {
            self.ws.with_drafts(|b| {
                if b.trash(&id, now_ms()).is_ok() {
                    let _ = b.purge(&id);
                }
            });
            self.ws.refresh();
        }
    }

    /// Opens a draft of the box in the editor.
    pub fn open(&self, id: &str) -> Result<(), String> {
        if id == self.id() {
            self.close_box();
            return Ok(());
        }
        if !self.may_leave() {
            return Err(tr("已取消", "Cancelled").into());
        }
        let blank = self.pristine().then(|| self.id());
        match self.ws.with_drafts(|d| d.load(id)) {
            Ok(draft) => {
                self.show(draft, false);
                self.drop_blank(blank);
                self.close_box();
                Ok(())
            }
            Err(LoadError::Missing) => Err(tr(
                "这份草稿已不存在（可能在另一个标签页中删除了）。",
                "This draft no longer exists (it may have been deleted in another tab).",
            )
            .into()),
            Err(LoadError::Damaged { reason, .. }) => Err(match lang() {
                Lang::Zh => format!("这份草稿已损坏：{reason}"),
                Lang::En => format!("This draft is damaged: {reason}"),
            }),
            Err(LoadError::Store(e)) => Err(match lang() {
                Lang::Zh => format!("无法读取草稿：{}", store_error_text(&e, Lang::Zh)),
                Lang::En => format!("Cannot read the draft: {}", store_error_text(&e, Lang::En)),
            }),
        }
    }

    /// Starts a new draft from `table` and opens it. `reveal` shows every
    /// finding at once (an example or an import).
    pub fn new_draft(&self, table: Table, reveal: bool) {
        if !self.may_leave() {
            return;
        }
        let blank = self.pristine().then(|| self.id());
        let (draft, stored) = create(&self.ws, table, None);
        self.show(draft, reveal);
        self.drop_blank(blank);
        self.ws.refresh();
        if !stored {
            self.unsaved.set_value(true);
            self.failed(SaveError::Store(StoreError::QuotaExceeded));
        }
        self.close_box();
        dom::focus_later(Section::Basic.heading_id(), None);
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

    fn say(&self, message: Msg, action: Option<ToastAction>) {
        let seq = self.toast_seq.get_value() + 1;
        self.toast_seq.set_value(seq);
        self.toast.set(Some(Toast {
            seq,
            message,
            action,
        }));
        let session = *self;
        set_timeout(
            move || {
                if session
                    .toast
                    .try_with_untracked(|t| t.as_ref().map(|t| t.seq))
                    == Some(Some(seq))
                {
                    session.toast.set(None);
                }
            },
            std::time::Duration::from_secs(12),
        );
    }

    /// A message already in the page language (an error passed on).
    fn alert(&self, message: String) {
        self.say(Msg::new(message.clone(), message), None);
    }

    /// "删除失败：…" / "Delete failed: …".
    fn failure(&self, zh: &str, en: &str, e: &SaveError) {
        self.say(
            both(|l| match l {
                Lang::Zh => format!("{zh}：{}", save_error_text(e, l)),
                Lang::En => format!("{en}: {}", save_error_text(e, l)),
            }),
            None,
        );
    }

    /// A store failure, like [`Session::failure`].
    fn store_failure(&self, zh: &str, en: &str, e: &StoreError) {
        self.say(
            both(|l| match l {
                Lang::Zh => format!("{zh}：{}", store_error_text(e, l)),
                Lang::En => format!("{en}: {}", store_error_text(e, l)),
            }),
            None,
        );
    }

    /// The most recent draft not in the trash other than `except`, or a new
    /// blank one (then its id is returned).
    fn open_next(&self, except: &str) -> Option<String> {
        let next = self.ws.entries.with_untracked(|es| {
            es.iter().find_map(|e| match e {
                DraftEntry::Ok { meta, .. } if meta.trashed.is_none() && meta.id != except => {
                    Some(meta.id.clone())
                }
                _ => None,
            })
        });
        if let Some(d) = next.and_then(|id| self.ws.with_drafts(|b| b.load(&id)).ok()) {
            self.show(d, false);
            return None;
        }
        let (draft, _) = create(&self.ws, edit::new_table(), None);
        let id = draft.meta.id.clone();
        self.show(draft, false);
        self.ws.refresh();
        Some(id)
    }

    /// Moves a draft to the trash, with 撤销 in a toast.
    pub fn delete(&self, id: &str) {
        let was_open = id == self.id();
        if was_open {
            self.save_now();
        }
        match self.ws.with_drafts(|d| d.trash(id, now_ms())) {
            Ok(d) => {
                self.ws.refresh();
                let replacement = if was_open { self.open_next(id) } else { None };
                let name = d.meta.name;
                self.say(
                    both(|l| l.pick("已删除", "Deleted ").to_string() + &quoted(&name, l)),
                    Some(ToastAction::UndoDelete {
                        id: id.to_string(),
                        was_open,
                        replacement,
                    }),
                );
            }
            Err(e) => self.failure("删除失败", "Delete failed", &e),
        }
    }

    /// Takes a deletion back.
    fn undo_delete(&self, id: &str, was_open: bool, replacement: Option<String>) {
        match self.ws.with_drafts(|d| d.restore(id, now_ms())) {
            Ok(d) => {
                let name = d.meta.name.clone();
                if was_open && self.may_leave() {
                    // Drop the blank draft opened in its place if untouched.
                    let blank = replacement.filter(|r| *r == self.id() && self.pristine());
                    self.show(d, false);
                    self.drop_blank(blank);
                }
                self.ws.refresh();
                self.say(
                    both(|l| l.pick("已恢复", "Restored ").to_string() + &quoted(&name, l)),
                    None,
                );
            }
            Err(e) => self.failure("恢复失败", "Restore failed", &e),
        }
    }

    /// Brings a draft back from the trash.
    pub fn restore(&self, id: &str) {
        match self.ws.with_drafts(|d| d.restore(id, now_ms())) {
            Ok(d) => {
                if id == self.id() {
                    self.adopt_meta(d.clone());
                }
                self.ws.refresh();
                let name = d.meta.name;
                self.say(
                    both(|l| l.pick("已恢复", "Restored ").to_string() + &quoted(&name, l)),
                    Some(ToastAction::Open(id.to_string())),
                );
            }
            Err(e) => self.failure("恢复失败", "Restore failed", &e),
        }
    }

    /// A box operation changed the open draft's stored meta.
    fn adopt_meta(&self, d: Draft) {
        if self.dirty() {
            // The next save merges (only the meta changed there).
            return;
        }
        self.meta.set(d.meta.clone());
        self.base.set_value(d);
    }

    /// Deletes a draft of the trash for good, after asking.
    pub fn purge(&self, id: &str, name: &str) {
        let ask = match lang() {
            Lang::Zh => format!("永久删除「{name}」？\n删除后无法恢复。"),
            Lang::En => format!("Delete “{name}” for good?\nThis cannot be undone."),
        };
        if !dom::confirm(&ask) {
            return;
        }
        match self.ws.with_drafts(|d| d.purge(id)) {
            Ok(_) => {
                if id == self.id() {
                    self.open_next(id);
                }
                self.ws.refresh();
                self.say(
                    both(|l| match l {
                        Lang::Zh => format!("已永久删除「{name}」"),
                        Lang::En => format!("Deleted “{name}” for good"),
                    }),
                    None,
                );
            }
            Err(e) => self.store_failure("删除失败", "Delete failed", &e),
        }
    }

    /// Deletes every draft of the trash for good, after asking.
    pub fn empty_trash(&self) {
        let ids: Vec<String> = self.ws.entries.with_untracked(|es| {
            es.iter()
                .filter_map(|e| match e {
                    DraftEntry::Ok { meta, .. } if meta.trashed.is_some() => Some(meta.id.clone()),
                    _ => None,
                })
                .collect()
        });
        if ids.is_empty()
            || !dom::confirm(&match lang() {
                Lang::Zh => format!(
                    "永久删除回收站中的 {} 份草稿？\n删除后无法恢复。",
                    ids.len()
                ),
                Lang::En => format!(
                    "Delete {} in the trash for good?\nThis cannot be undone.",
                    count_en(ids.len(), "draft", "drafts")
                ),
            })
        {
            return;
        }
        let current = self.id();
        self.ws.with_drafts(|d| {
            for id in &ids {
                let _ = d.purge(id);
            }
        });
        if ids.contains(&current) {
            self.open_next(&current);
        }
        self.ws.refresh();
        let n = ids.len();
        self.say(
            both(|l| match l {
                Lang::Zh => format!("已清空回收站（{n} 份）"),
                Lang::En => format!("Trash emptied ({})", count_en(n, "draft", "drafts")),
            }),
            None,
        );
    }

    pub fn rename(&self, id: &str, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let open = id == self.id();
        if open {
            self.save_now();
        }
        match self.ws.with_drafts(|d| d.rename(id, name, now_ms())) {
            Ok(d) => {
                if open {
                    self.adopt_meta(d);
                }
                self.ws.refresh();
            }
            Err(e) => self.failure("重命名失败", "Rename failed", &e),
        }
    }

    pub fn duplicate(&self, id: &str) {
        if id == self.id() {
            self.save_now();
        }
        let new_id = fresh_id();
        let l = lang();
        match self
            .ws
            .with_drafts(|d| d.duplicate_in(id, &new_id, now_ms(), l))
        {
            Ok(d) => {
                self.ws.refresh();
                let name = d.meta.name;
                self.say(
                    both(|l| l.pick("已复制为", "Duplicated as ").to_string() + &quoted(&name, l)),
                    Some(ToastAction::Open(new_id)),
                );
            }
            Err(e) => self.failure("复制失败", "Duplicate failed", &e),
        }
    }

    /// Removes a damaged entry, after asking.
    pub fn discard_damaged(&self, key: &str) {
        if !dom::confirm(tr(
            "删除这份损坏的草稿？\n删除后无法恢复。如需保留其内容，请先点“下载原文”。",
            "Delete this damaged draft?\nThis cannot be undone. To keep its contents, first click “Download raw text”.",
        )) {
            return;
        }
        match self.ws.with_drafts(|d| d.discard_damaged(key)) {
            Ok(_) => {
                self.ws.refresh();
                self.say(Msg::new("已删除损坏的草稿", "Damaged draft deleted"), None);
            }
            Err(e) => self.store_failure("删除失败", "Delete failed", &e),
        }
    }

    /// Downloads the open table as exchange JSON (when it cannot be stored).
    pub fn export_open(&self) {
        let table = self.editor.table.get_untracked();
        let name = self.meta.with_untracked(|m| m.name.clone());
        let json = exchange::to_json(&Document {
            tables: vec![table],
        });
        if let Err(e) = download(&file_name(&name, "json"), "application/json", &json) {
            self.alert(e);
        }
    }

    /// Stores the page's table as a new draft and continues there (the
    /// stored one is read-only, damaged, or another tab's).
    pub fn save_as_new(&self, name: String) -> bool {
        let table = self.editor.table.get_untracked();
        let (draft, stored) = create(&self.ws, table, Some(name));
        if !stored {
            self.failed(SaveError::Store(StoreError::QuotaExceeded));
            return false;
        }
        remember(&self.ws, &draft.meta.id);
        self.conflict.set(None);
        self.conflict_open.set(false);
        self.problem.set(None);
        self.adopt(draft);
        self.ws.refresh();
        true
    }

    // ---- the conflict -------------------------------------------------

    /// 保留对方的: their version replaces mine (one undo step away).
    pub fn keep_theirs(&self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        self.editor.replace(c.theirs.table.clone(), true);
        self.conflict.set(None);
        self.conflict_open.set(false);
        self.adopt(c.theirs);
        self.say(
            Msg::new(
                "已采用另一个标签页的版本（按 Ctrl+Z 可找回本页的版本）",
                "Now using the other tab's version (press Ctrl+Z to get this page's version back)",
            ),
            None,
        );
    }

    /// 保留我的: mine is saved over theirs (their name kept).
    pub fn keep_mine(&self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let edits = self.editor.edits.get_untracked();
        let mut draft = Draft {
            meta: c.theirs.meta.clone(),
            table: self.editor.table.get_untracked(),
            newer_version: None,
        };
        self.conflict.set(None);
        self.conflict_open.set(false);
        match self.ws.with_drafts(|d| d.save_over(&mut draft, now_ms())) {
            Ok(()) => {
                self.stored(draft, edits);
                self.say(
                    Msg::new("已保存本页的版本", "Saved this page's version"),
                    None,
                );
            }
            Err(e) => self.failed(e),
        }
    }

    /// 两份都保留: theirs stays; mine becomes a new draft, opened here.
    pub fn keep_both(&self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let theirs = c.theirs.meta.name.clone();
        let name = match lang() {
            Lang::Zh => format!("{theirs}（本页版本）"),
            Lang::En => format!("{theirs} (this page's version)"),
        };
        if self.save_as_new(name.clone()) {
            self.say(
                both(|l| match l {
                    Lang::Zh => format!("已另存为「{name}」；另一个标签页的版本仍是「{theirs}」"),
                    Lang::En => {
                        format!("Saved as “{name}”; the other tab's version is still “{theirs}”")
                    }
                }),
                Some(ToastAction::Open(c.theirs.meta.id.clone())),
            );
        } else {
            self.conflict.set(Some(c));
        }
    }
}

// ---- views ------------------------------------------------------------

/// The strip under the title bar: the draft box button, the open draft's
/// name, whether it is saved, undo and redo.
#[component]
pub fn DraftBar() -> impl IntoView {
    let session = use_session();
    let count = Memo::new(move |_| {
        session.ws.entries.with(|es| {
            es.iter()
                .filter(|e| matches!(e, DraftEntry::Ok { meta, .. } if meta.trashed.is_none()))
                .count()
        })
    });
    let name = Memo::new(move |_| session.meta.with(|m| m.name.clone()));
    let trashed = Memo::new(move |_| session.meta.with(|m| m.trashed.is_some()));
    let status = move || match session.state.get() {
        SaveState::Saved(at) => (
            "saved",
            format!("{} {}", tr("✓ 已保存", "✓ Saved"), when(at)),
        ),
        SaveState::Pending => ("pending", tr("保存中…", "Saving…").to_string()),
        SaveState::Failed(why) => (
            "failed",
            format!("{}{}", tr("⚠ 未保存：", "⚠ Not saved: "), why.text()),
        ),
        SaveState::ReadOnly => ("readonly", tr("只读", "Read-only").to_string()),
    };
    let toggle = move |_| {
        if session.show_box.get_untracked() {
            session.close_box();
        } else {
            session.open_box();
        }
    };
    view! {
        <div class="draftbar">
            <button
                type="button"
                id="draftbox-toggle"
                class="box-toggle"
                aria-expanded=move || session.show_box.get().to_string()
                on:click=toggle
            >
                {move || {
                    if session.show_box.get() {
                        tr("← 返回编辑", "← Back to editing")
                    } else {
                        tr("草稿箱", "Draft box")
                    }
                }}
                <span
                    class="n"
                    aria-label=move || match lang() {
                        Lang::Zh => format!("共 {} 份", count.get()),
                        Lang::En => count_en(count.get(), "draft", "drafts"),
                    }
                >
                    {count}
                </span>
            </button>
            <span class="current-draft">
                <span class="muted">{tr("当前草稿：", "Current draft: ")}</span>
                <strong id="current-draft-name">{name}</strong>
                {move || trashed.get().then(|| view! { <span class="badge warning">{tr("在回收站中", "In the trash")}</span> })}
            </span>
            <span id="save-status" class=move || format!("save-status {}", status().0)>
                {move || status().1}
            </span>
            {move || {
                (session.conflict.with(Option::is_some) && !session.conflict_open.get())
                    .then(|| {
                        view! {
                            <button type="button" class="resolve" on:click=move |_| session.conflict_open.set(true)>
                                {tr("解决冲突…", "Resolve conflict…")}
                            </button>
                        }
                    })
            }}
            <span class="spacer"></span>
            <UndoButtons />
        </div>
    }
}

/// Banners about storage and the open draft: role=alert for what needs
/// the author (storage full, damaged, unavailable), role=status otherwise.
#[component]
pub fn Banners() -> impl IntoView {
    let session = use_session();
    let ws = session.ws;
    let problem_text = move |p: Problem| {
        match p {
        Problem::Full => tr(
            "浏览器存储空间已满：最近的修改没有保存，但仍在本页中。请先导出此表，再到草稿箱删除不用的草稿或清空回收站；之后的修改会自动重试保存。",
            "The browser's storage is full: your latest changes are not saved, but they are still in this page. Export this table first, then delete drafts you no longer need or empty the trash in the draft box; saving will be retried with your next change.",
        ),
        Problem::Damaged => tr(
            "存储中的这份草稿已被改坏（可能是其他程序或扩展写入），为免覆盖没有保存。本页的内容完好：请导出此表，或另存为新草稿。",
            "The stored copy of this draft has been damaged (perhaps by another program or an extension), so it was not saved over. What is in this page is intact: export this table, or save it as a new draft.",
        ),
        Problem::Unavailable => tr(
            "无法写入浏览器存储：最近的修改没有保存，但仍在本页中。请导出此表。",
            "Cannot write to the browser's storage: your latest changes are not saved, but they are still in this page. Export this table.",
        ),
    }
    };
    let name = move || session.meta.with_untracked(|m| m.name.clone());
    view! {
        {move || {
            ws.notice
                .get()
                .map(|n| {
                    view! {
                        <div class="banner notice" role="alert">
                            <span>{n.text()}</span>
                            <button type="button" on:click=move |_| session.export_open()>{tr("导出此表", "Export this table")}</button>
                        </div>
                    }
                })
        }}
        {move || {
            session
                .problem
                .get()
                .map(|p| {
                    view! {
                        <div class="banner problem" role="alert">
                            <span>{problem_text(p)}</span>
                            <button type="button" on:click=move |_| session.export_open()>{tr("导出此表（JSON）", "Export this table (JSON)")}</button>
                            {(p == Problem::Damaged)
                                .then(|| {
                                    view! {
                                        <button type="button" on:click=move |_| {
                                            let name = match lang() {
                                                Lang::Zh => format!("{}（另存）", name()),
                                                Lang::En => format!("{} (saved copy)", name()),
                                            };
                                            session.save_as_new(name);
                                        }>{tr("另存为新草稿", "Save as a new draft")}</button>
                                    }
                                })}
                            {(p == Problem::Full)
                                .then(|| view! { <button type="button" on:click=move |_| session.open_box()>{tr("打开草稿箱", "Open the draft box")}</button> })}
                        </div>
                    }
                })
        }}
        {move || {
            session
                .readonly
                .get()
                .map(|v| {
                    view! {
                        <div class="banner readonly" role="status">
                            <span>
                                {match lang() {
                                    Lang::Zh => format!(
                                        "这份草稿由更新版本的编制器保存（格式版本 {v}），本页只能查看，不会覆盖它。要修改，请另存为可编辑的副本，或使用新版本。",
                                    ),
                                    Lang::En => format!(
                                        "This draft was saved by a newer version of the editor (format version {v}). This page can only show it and will not save over it. To make changes, save an editable copy, or use the newer version.",
                                    ),
                                }}
                            </span>
                            <button type="button" on:click=move |_| {
                                session.save_as_new(copy_name(&name()).into_lang(lang()));
                            }>{tr("另存为可编辑的副本", "Save an editable copy")}</button>
                        </div>
                    }
                })
        }}
        {move || {
            let id = session.meta.with(|m| m.trashed.is_some().then(|| m.id.clone()));
            id.map(|id| {
                view! {
                    <div class="banner trashed" role="status">
                        <span>{tr("这份草稿在回收站中（可能是在另一个标签页中删除的）。", "This draft is in the trash (it may have been deleted in another tab).")}</span>
                        <button type="button" on:click=move |_| session.restore(&id)>{tr("恢复", "Restore")}</button>
                    </div>
                }
            })
        }}
    }
}

/// One line of the draft box, as the view needs it.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    meta: DraftMeta,
    project: String,
    budget: String,
    counts: Counts,
    newer_version: Option<u64>,
}

/// The draft box: every draft, most recently edited first; damaged
/// entries; the trash.
#[component]
pub fn DraftBox() -> impl IntoView {
    let session = use_session();
    let ws = session.ws;
    let lines = move |trashed: bool| {
        ws.entries.with(|es| {
            es.iter()
                .filter_map(|e| match e {
                    DraftEntry::Ok {
                        meta,
                        project,
                        budget,
                        counts,
                        newer_version,
                    } if meta.trashed.is_some() == trashed => Some(Line {
                        meta: meta.clone(),
                        project: project.clone(),
                        budget: budget.clone(),
                        counts: *counts,
                        newer_version: *newer_version,
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let live = Memo::new(move |_| lines(false));
    let trash = Memo::new(move |_| {
        let mut t = lines(true);
        crate::domain::sort::by_key(&mut t, |l| match l.meta.trashed {
            Some(at) => u128::from(u64::MAX - at),
            None => 1 << 64,
        });
        t
    });
    let damaged = Memo::new(move |_| {
        ws.entries.with(|es| {
            es.iter()
                .filter_map(|e| match e {
                    DraftEntry::Damaged { key, raw, reason } => {
                        Some((key.clone(), raw.clone(), reason.clone()))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let renaming = RwSignal::new(None::<String>);
    let examples_list = examples::titles();
    let new_blank = move |_| session.new_draft(edit::new_table(), false);
    let pick = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
            if let Some(t) = examples::get(i) {
                session.new_draft(t, true);
            }
        }
    };
    view! {
        <section id="draftbox" class="draftbox" aria-labelledby="draftbox-h">
            <div class="draftbox-head">
                <h2 id="draftbox-h" tabindex="-1">{tr("草稿箱", "Draft box")}</h2>
                <p class="muted">
                    {move || {
                        let n = live.with(Vec::len);
                        match lang() {
                            Lang::Zh => format!("共 {n} 份，按最后修改时间排列。每次修改都会自动保存在本浏览器中。"),
                            Lang::En => format!(
                                "{}, most recently changed first. Every change is saved automatically in this browser.",
                                count_en(n, "draft", "drafts"),
                            ),
                        }
                    }}
                </p>
                <span class="spacer"></span>
                <button type="button" class="primary" on:click=new_blank>{tr("＋ 新建空白表", "+ New blank table")}</button>
                <select aria-label=tr("从示例新建", "New from an example") class="examples" on:change=pick>
                    <option value="" selected=true>{tr("从示例新建…", "New from an example…")}</option>
                    {examples_list
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| {
                            let label = match lang() {
                                Lang::Zh => format!("示例 {}：{t}", i + 1),
                                Lang::En => format!("Example {}: {t}", i + 1),
                            };
                            view! { <option value=i.to_string()>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <table class="drafts" aria-label=tr("草稿", "Drafts")>
                <thead>
                    <tr>
                        <th scope="col" class="c-name">{tr("名称", "Name")}</th>
                        <th scope="col">{tr("项目名称", "Project name")}</th>
                        <th scope="col" class="c-budget">{tr("预算数", "Budget")}</th>
                        <th scope="col" class="c-check">{tr("检查", "Check")}</th>
                        <th scope="col" class="c-time">{tr("最后修改", "Last changed")}</th>
                        <th scope="col" class="c-act"><span class="visually-hidden">{tr("操作", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || live.get()
                        key=|l| (l.meta.id.clone(), l.meta.revision, l.meta.name.clone())
                        children=move |l| view! { <DraftLine line=l renaming=renaming /> }
                    />
                </tbody>
            </table>
            {move || {
                let list = damaged.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <div class="damaged" role="region" aria-labelledby="damaged-h">
                                <h3 id="damaged-h">
                                    {match lang() {
                                        Lang::Zh => format!("损坏的草稿（{}）", list.len()),
                                        Lang::En => format!("Damaged drafts ({})", list.len()),
                                    }}
                                </h3>
                                <p class="note">
                                    {tr(
                                        "这些条目无法读取（可能被其他程序改写）。它们不会被自动删除：可以下载原文交给技术人员查看，确认不需要后再删除。",
                                        "These entries cannot be read (another program may have written over them). They are never deleted automatically: you can download the raw text for technical staff to look at, and delete them once you are sure they are not needed.",
                                    )}
                                </p>
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|(key, raw, reason)| {
                                            let stem = tr("损坏的草稿", "damaged-draft");
                                            let file = file_name(&format!("{stem}-{}", key.trim_start_matches(PREFIX)), "txt");
                                            let k2 = key.clone();
                                            let size = raw.chars().count();
                                            let about = match lang() {
                                                Lang::Zh => format!("{reason}（{size} 字符）"),
                                                Lang::En => format!("{reason} ({})", count_en(size, "character", "characters")),
                                            };
                                            view! {
                                                <li>
                                                    <span class="badge error">{tr("损坏", "Damaged")}</span>
                                                    <code>{key.clone()}</code>
                                                    <span class="muted">{about}</span>
                                                    <span class="acts">
                                                        <button type="button" on:click=move |_| {
                                                            if let Err(e) = download(&file, "text/plain", &raw) {
                                                                session.alert(e);
                                                            }
                                                        }>{tr("下载原文", "Download raw text")}</button>
                                                        <button type="button" class="danger" on:click=move |_| session.discard_damaged(&k2)>{tr("删除", "Delete")}</button>
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            <details class="trash">
                <summary>
                    {move || {
                        let n = trash.with(Vec::len);
                        match lang() {
                            Lang::Zh => format!("回收站（{n}）"),
                            Lang::En => format!("Trash ({})", grouped(n)),
                        }
                    }}
                </summary>
                {move || {
                    if trash.with(Vec::is_empty) {
                        view! { <p class="note">{tr("回收站是空的。删除的草稿会先放在这里，可以恢复。", "The trash is empty. Deleted drafts go here first and can be restored.")}</p> }.into_any()
                    } else {
                        view! {
                            <div>
                                <table class="drafts trash-list" aria-label=tr("回收站", "Trash")>
                                    <thead>
                                        <tr>
                                            <th scope="col" class="c-name">{tr("名称", "Name")}</th>
                                            <th scope="col">{tr("项目名称", "Project name")}</th>
                                            <th scope="col" class="c-time">{tr("删除于", "Deleted")}</th>
                                            <th scope="col" class="c-act"><span class="visually-hidden">{tr("操作", "Actions")}</span></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {trash
                                            .get()
                                            .into_iter()
                                            .map(|l| {
                                                let (id, id2, name) = (l.meta.id.clone(), l.meta.id.clone(), l.meta.name.clone());
                                                let name2 = name.clone();
                                                view! {
                                                    <tr>
                                                        <td class="c-name">{name.clone()}</td>
                                                        <td>{l.project.clone()}</td>
                                                        <td class="c-time">{l.meta.trashed.map(when).unwrap_or_default()}</td>
                                                        <td class="c-act">
                                                            <button type="button" aria-label=named("恢复", "Restore", &name) on:click=move |_| session.restore(&id)>{tr("恢复", "Restore")}</button>
                                                            <button type="button" class="danger" aria-label=named_after("永久删除", "Delete", " for good", &name2) on:click=move |_| session.purge(&id2, &name2)>{tr("永久删除", "Delete for good")}</button>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <button type="button" class="danger" on:click=move |_| session.empty_trash()>{tr("清空回收站", "Empty the trash")}</button>
                            </div>
                        }
                        .into_any()
                    }
                }}
            </details>
        </section>
    }
}

#[component]
fn DraftLine(line: Line, renaming: RwSignal<Option<String>>) -> impl IntoView {
    let session = use_session();
    let Line {
        meta,
        project,
        budget,
        counts,
        newer_version,
    } = line;
    let id = meta.id.clone();
    let name = meta.name.clone();
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| session.meta.with(|m| m.id == id))
    };
    let is_renaming = {
        let id = id.clone();
        move || renaming.with(|r| r.as_deref() == Some(id.as_str()))
    };
    let (id_open, id_ren, id_dup, id_del) = (id.clone(), id.clone(), id.clone(), id.clone());
    let open = move |_| {
        if let Err(e) = session.open(&id_open) {
            session.alert(e);
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let commit = {
        let id = id.clone();
        let old = name.clone();
        move || {
            if renaming.get_untracked().as_deref() != Some(id.as_str()) {
                return;
            }
            renaming.set(None);
            if let Some(el) = input.get_untracked() {
                let v = el.value();
                if v.trim() != old && !v.trim().is_empty() {
                    session.rename(&id, &v);
                }
            }
            dom::focus_later(format!("rename-{id}"), None);
        }
    };
    let commit_blur = commit.clone();
    let check = if counts.errors == 0 && counts.warnings == 0 {
        view! { <span class="count-ok">{tr("无错误", "No errors")}</span> }.into_any()
    } else {
        let err_class = if counts.errors > 0 {
            "count error"
        } else {
            "count zero"
        };
        let warn_class = if counts.warnings > 0 {
            "count warning"
        } else {
            "count zero"
        };
        view! {
            <span class="check">
                <span class=err_class>
                    {match lang() {
                        Lang::Zh => format!("错误 {}", counts.errors),
                        Lang::En => count_en(counts.errors, "error", "errors"),
                    }}
                </span>
                <span class=warn_class>
                    {match lang() {
                        Lang::Zh => format!("警告 {}", counts.warnings),
                        Lang::En => count_en(counts.warnings, "warning", "warnings"),
                    }}
                </span>
            </span>
        }
        .into_any()
    };
    let label = name.clone();
    view! {
        <tr class="draft" class:open=is_open>
            <td class="c-name">
                {move || {
                    if is_renaming() {
                        let commit = commit.clone();
                        let commit_blur = commit_blur.clone();
                        view! {
                            <input
                                type="text"
                                class="rename"
                                node_ref=input
                                aria-label=match lang() {
                                    Lang::Zh => format!("新名称（原名「{label}」）"),
                                    Lang::En => format!("New name (was “{label}”)"),
                                }
                                prop:value=label.clone()
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    match ev.key().as_str() {
                                        "Enter" => commit(),
                                        "Escape" => {
                                            renaming.set(None);
                                        }
                                        _ => {}
                                    }
                                }
                                on:blur=move |_| commit_blur()
                            />
                        }
                        .into_any()
                    } else {
                        let name = label.clone();
                        view! {
                            <button type="button" class="link"
                                title=name.clone() on:click=open.clone() aria-label=named("打开", "Open", &name)>
                                {name.clone()}
                            </button>
                            {move || is_open.get().then(|| view! { <span class="badge ok">{tr("正在编辑", "Editing")}</span> })}
                            {newer_version.map(|v| {
                                let title = match lang() {
                                    Lang::Zh => format!("格式版本 {v}"),
                                    Lang::En => format!("Format version {v}"),
                                };
                                view! { <span class="badge warning" title=title>{tr("新版本创建 · 只读", "Made by a newer version · read-only")}</span> }
                            })}
                        }
                        .into_any()
                    }
                }}
            </td>
            <td class="c-project">{if project.trim().is_empty() { tr("（未填写）", "(not filled in)").to_string() } else { project.clone() }}</td>
            <td class="c-budget">{budget}</td>
            <td class="c-check">{check}</td>
            <td class="c-time">{when(meta.updated)}</td>
            <td class="c-act">
                <button
                    type="button"
                    id=format!("rename-{id_ren}")
                    aria-label=named("重命名", "Rename", &name)
                    on:click=move |_| {
                        renaming.set(Some(id_ren.clone()));
                        request_animation_frame(move || {
                            if let Some(el) = input.get_untracked() {
                                let _ = el.focus();
                                el.select();
                            }
                        });
                    }
                >
                    {tr("重命名", "Rename")}
                </button>
                <button type="button" aria-label=named("复制", "Duplicate", &name) on:click=move |_| session.duplicate(&id_dup)>
                    {tr("复制", "Duplicate")}
                </button>
                <button type="button" class="danger" aria-label=named("删除", "Delete", &name) on:click=move |_| session.delete(&id_del)>
                    {tr("删除", "Delete")}
                </button>
            </td>
        </tr>
    }
}

/// The choice when another tab saved the open draft first: theirs, mine,
/// or both. Modal: focus stays inside; Esc decides later.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let session = use_session();
    let editor = session.editor;
    let open =
        Memo::new(move |_| session.conflict_open.get() && session.conflict.with(Option::is_some));
    let dialog = NodeRef::<leptos::html::Div>::new();
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // Focus moves in on open and back out on close.
    Effect::new(move |was: Option<bool>| {
        let now = open.get();
        if now && was != Some(true) {
            before.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            dom::focus_later("conflict-both".into(), None);
        } else if !now && was == Some(true) {
            if let Some(el) = before.get_value() {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        }
        now
    });
    let close = move || session.conflict_open.set(false);
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        } else if ev.key() == "Tab" {
            let Some(root) = dialog.get_untracked() else {
                return;
            };
            let Ok(list) = root.query_selector_all("button:not([disabled])") else {
                return;
            };
            let items: Vec<web_sys::HtmlElement> = (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect();
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = document().active_element();
            let at = |el: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
            };
            let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
            if ev.shift_key() && (at(first) || !inside) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && (at(last) || !inside) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
    };
    // Focus that leaves the dialog (a click outside) comes back.
    let focusout_guard = window_event_listener(leptos::ev::focusin, move |ev| {
        if !open.try_get_untracked().unwrap_or(false) {
            return;
        }
        let Some(root) = dialog.get_untracked() else {
            return;
        };
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !target.as_ref().is_some_and(|t| root.contains(Some(t))) {
            dom::focus_later("conflict-both".into(), None);
        }
    });
    on_cleanup(move || focusout_guard.remove());

    let body = move || {
        let c = session.conflict.get()?;
        let theirs = c.theirs;
        let mine_counts = editor.index.with_untracked(|ix| ix.total);
        let their_counts = Counts::of(&rules::check(&theirs.table));
        let diffs: Vec<Difference> = editor
            .table
            .with_untracked(|mine| differences(&theirs.table, mine));
        let (mine_project, mine_rows) = editor
            .table
            .with_untracked(|t| (t.project.clone(), t.indicators.len()));
        let more = diffs.len().saturating_sub(DIFF_SHOWN);
        let n = diffs.len();
        let version = |title: &'static str,
                       cls: &'static str,
                       project: String,
                       at: String,
                       counts: Counts,
                       rows: usize| {
            view! {
                <div class=format!("version {cls}")>
                    <h3>{title}</h3>
                    <dl>
                        <dt>{tr("项目名称", "Project name")}</dt>
                        <dd>{if project.trim().is_empty() { tr("（未填写）", "(not filled in)").to_string() } else { project }}</dd>
                        <dt>{tr("修改时间", "Changed")}</dt>
                        <dd>{at}</dd>
                        <dt>{tr("检查", "Check")}</dt>
                        <dd>{counts_text(counts)}</dd>
                        <dt>{tr("指标", "Indicators")}</dt>
                        <dd>
                            {match lang() {
                                Lang::Zh => format!("{rows} 行"),
                                Lang::En => count_en(rows, "row", "rows"),
                            }}
                        </dd>
                    </dl>
                </div>
            }
        };
        Some(view! {
            <p id="conflict-d">
                {match lang() {
                    Lang::Zh => format!(
                        "「{}」在另一个标签页（或窗口）中保存了不同的内容，本页的修改尚未保存。请选择保留哪一份。选“两份都保留”不会丢失任何内容：本页的版本另存为一份新草稿。",
                        theirs.meta.name,
                    ),
                    Lang::En => format!(
                        "“{}” was saved with different content in another tab (or window), and this page's changes are not saved yet. Choose which to keep. “Keep both” loses nothing: this page's version is saved as a new draft.",
                        theirs.meta.name,
                    ),
                }}
            </p>
            <div class="versions">
                {version(tr("对方的（另一个标签页）", "Theirs (the other tab)"), "theirs", theirs.table.project.clone(), when(theirs.meta.updated), their_counts, theirs.table.indicators.len())}
                {version(tr("我的（本页）", "Mine (this page)"), "mine", mine_project, format!("{}{}", when(now_ms()), tr("（未保存）", " (not saved)")), mine_counts, mine_rows)}
            </div>
            <h3 class="diff-h">
                {match lang() {
                    Lang::Zh => format!("不同之处（{n} 处）"),
                    Lang::En => format!("Differences ({})", grouped(n)),
                }}
            </h3>
            <table class="diff">
                <thead>
                    <tr>
                        <th scope="col">{tr("位置", "Where")}</th>
                        <th scope="col">{tr("对方的", "Theirs")}</th>
                        <th scope="col">{tr("我的", "Mine")}</th>
                    </tr>
                </thead>
                <tbody>
                    {diffs
                        .into_iter()
                        .take(DIFF_SHOWN)
                        .map(|d| {
                            let l = lang();
                            view! { <tr><th scope="row">{d.what.into_lang(l)}</th><td class="theirs">{d.theirs.into_lang(l)}</td><td class="mine">{d.mine.into_lang(l)}</td></tr> }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {(more > 0)
                .then(|| {
                    let text = match lang() {
                        Lang::Zh => format!("…另有 {more} 处不同"),
                        Lang::En => format!("…and {} more", grouped(more)),
                    };
                    view! { <p class="note">{text}</p> }
                })}
        })
    };
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop">
                <div
                    class="modal conflict"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="conflict-h"
                    aria-describedby="conflict-d"
                    node_ref=dialog
                    on:keydown=keydown
                >
                    <h2 id="conflict-h">{tr("这份草稿在另一个标签页中也被修改了", "This draft was also changed in another tab")}</h2>
                    {body}
                    <div class="actions">
                        <button type="button" id="conflict-both" class="primary" on:click=move |_| session.keep_both()>
                            {tr("两份都保留", "Keep both")}
                        </button>
                        <button type="button" on:click=move |_| session.keep_mine()>{tr("保留我的", "Keep mine")}</button>
                        <button type="button" on:click=move |_| session.keep_theirs()>{tr("保留对方的", "Keep theirs")}</button>
                        <button type="button" class="later" on:click=move |_| close()>{tr("稍后决定", "Decide later")}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// The toast: deletions with 撤销, copies with 打开, failures.
#[component]
pub fn Toasts() -> impl IntoView {
    let session = use_session();
    let act = move |a: ToastAction| {
        session.toast.set(None);
        match a {
            ToastAction::UndoDelete {
                id,
                was_open,
                replacement,
            } => session.undo_delete(&id, was_open, replacement),
            ToastAction::Open(id) => {
                if let Err(e) = session.open(&id) {
                    session.alert(e);
                }
            }
        }
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                session
                    .toast
                    .get()
                    .map(|t| {
                        let action = t.action.clone().map(|a| {
                            let label = match &a {
                                ToastAction::UndoDelete { .. } => tr("撤销", "Undo"),
                                ToastAction::Open(_) => tr("打开", "Open"),
                            };
                            view! { <button type="button" class="toast-action" on:click=move |_| act(a.clone())>{label}</button> }
                        });
                        view! {
                            <div class="toast">
                                <span>{t.message.text()}</span>
                                {action}
                                <button type="button" class="toast-close" aria-label=tr("关闭提示", "Dismiss") on:click=move |_| session.toast.set(None)>
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// A control's name for a draft: 删除「name」 / Delete “name”.
fn named(zh: &str, en: &str, name: &str) -> String {
    match lang() {
        Lang::Zh => format!("{zh}「{name}」"),
        Lang::En => format!("{en} “{name}”"),
    }
}

/// Like [`named`], with English words after the name: Delete “name” for good.
fn named_after(zh: &str, en: &str, en_after: &str, name: &str) -> String {
    match lang() {
        Lang::Zh => format!("{zh}「{name}」"),
        Lang::En => format!("{en} “{name}”{en_after}"),
    }
}
