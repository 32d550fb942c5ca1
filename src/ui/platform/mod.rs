//! What the page asks of the browser, knowing nothing of tables or drafts:
//! focus and text controls ([`dom`]), saving a file ([`download`]), the
//! clipboard ([`clipboard`]), the formats worker ([`courier`]) and the banner shown when the program itself
//! fails ([`crash`]).
//!
//! The page's features (`src/ui/transfer/`, `src/ui/drafts.rs`, …) call
//! these; nothing here calls back into a feature.

pub mod clipboard;
pub mod courier;
pub mod crash;
pub mod dom;
pub mod download;
