//! The draft box (草稿箱) and the life of the open draft, on the page.
//!
//! Every table is a draft. What happens to the open draft on each event
//! (autosave, another tab's saves, conflicts, the draft box's actions) is
//! decided by [`crate::drafts::OpenDraft`] (crates/drafts/src/session/) and
//! tested natively there; this folder carries it out in the browser:
//! - [`session`]: the signals, the page's own events (hidden, left,
//!   closed, another tab's storage event), applying each outcome;
//!   [`autosave`]: the timer; [`actions`]: the author's actions, asking
//!   first where they cannot be undone;
//! - the views, one component per file: [`DraftBar`] (bar.rs),
//!   [`Banners`] (banners.rs), [`DraftBox`] (draft_box.rs) with
//!   [`draft_line`], [`damaged_list`] and [`trash_list`],
//!   [`ConflictDialog`] (conflict_dialog.rs); its notices (撤销, 打开) go
//!   through the page's one channel (`src/ui/widgets/notice.rs`);
//! - [`words`]: times, counts and
//!   control names in the page language.
//!
//! Where the author was: the open draft's id is kept per tab in
//! sessionStorage (a reload lands on it); a new tab opens the most
//! recently edited draft.

mod actions;
mod autosave;
mod banners;
mod bar;
mod conflict_dialog;
mod damaged_list;
mod draft_box;
mod draft_line;
mod session;
mod trash_list;
pub mod words;

pub use banners::Banners;
pub use bar::DraftBar;
pub use conflict_dialog::ConflictDialog;
pub use draft_box::DraftBox;
pub use session::{first_draft, use_session, Session};
pub use words::when;
