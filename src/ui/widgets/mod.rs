//! Components the page's features share: the one modal dialog
//! ([`modal::Modal`]) and the one notice channel ([`notice::Notices`]).
//!
//! Widgets know nothing of tables or drafts; the features
//! (`src/ui/transfer/`, `src/ui/drafts.rs`, …) put them together.

pub mod modal;
pub mod notice;
