//! Drafts: every table is a draft, kept so that nothing is lost.
//!
//! - [`store`]: the [`Store`] trait (what localStorage offers) and
//!   [`MemoryStore`];
//! - [`drafts`]: the draft box laid out in a store: versioned envelopes, an
//!   index, revisions that detect a second tab's writes, a trash, and
//!   migration of envelopes written by older versions;
//! - [`backup`]: the whole box as one JSON file, and restoring it;
//! - [`prefs`]: remembered preferences (the language);
//! - [`history`]: the undo history; [`autosave`]: when a save is due;
//!   [`diff`]: how two versions of a draft differ (for the conflict dialog).
//!
//! Invariant: no browser crate. The page supplies a `Store` on localStorage
//! and timers; the policy lives here and is tested natively.

pub mod autosave;
pub mod backup;
pub mod diff;
pub mod drafts;
pub mod history;
pub mod memory;
pub mod prefs;
pub mod store;

pub use autosave::Debounce;
pub use diff::{differences, Difference};
pub use drafts::{Draft, DraftBox, DraftEntry, DraftMeta, SaveError};
pub use history::{History, Step};
pub use memory::MemoryStore;
pub use store::{Store, StoreError};
