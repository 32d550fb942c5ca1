//! What the editor page does over time, without the browser: the undo
//! history, when autosave writes, and how two versions of a draft differ.
//!
//! Plain Rust, compiled on every target, so `cargo test` checks it natively;
//! the page (`ui`, wasm32 only) holds these in its signals and calls them.
//! Layers: `ui → editing → storage → domain`.

pub mod autosave;
pub mod diff;
pub mod history;

pub use autosave::Debounce;
pub use diff::{differences, Difference};
pub use history::{History, Step};
