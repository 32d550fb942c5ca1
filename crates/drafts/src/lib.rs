//! Drafts: every table is a draft, kept so that nothing is lost.
//!
//! - [`store`]: the [`Store`] trait (what localStorage offers) and
//!   [`MemoryStore`];
//! - [`envelope`]: how one draft is stored (its envelope, its key, the
//!   index), migrating envelopes written by older versions;
//! - [`drafts`]: the draft box laid out in a store: revisions that detect a
//!   second tab's writes, a trash, damaged entries kept;
//! - [`session`]: the open draft, and what happens to it on each event:
//!   autosave, another tab's saves, conflicts, the draft box's actions;
//! - [`names`]: the names drafts get (after the project, copies);
//! - [`backup`]: the whole box as one JSON file, and restoring it;
//! - [`prefs`]: remembered preferences (the language, the open draft);
//! - [`history`]: the undo history; [`autosave`]: when a save is due;
//!   [`diff`]: how two versions of a draft differ (for the conflict dialog).
//!
//! Invariant: no browser crate. The page supplies a `Store` on localStorage,
//! timers and `confirm()`; the policy lives here and is tested natively.
//! Messages are [`jixiao_domain::Text`]s in both languages, and every error
//! type implements [`jixiao_domain::Bilingual`]: the page picks the language
//! when it shows them.

pub mod autosave;
pub mod backup;
pub mod diff;
pub mod drafts;
pub mod envelope;
pub mod history;
pub mod memory;
pub mod names;
pub mod prefs;
pub mod session;
pub mod store;

pub use autosave::Debounce;
pub use diff::{differences, Difference};
pub use drafts::{Damage, Draft, DraftBox, DraftEntry, DraftMeta, LoadError, SaveError};
pub use history::{History, Step};
pub use memory::MemoryStore;
pub use session::{
    At, DamagedDraft, Mine, Notice, Offer, OpenDraft, Outcome, Problem, SaveOutcome, SaveState,
};
pub use store::{Store, StoreError};
