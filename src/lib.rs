//! jixiao: 绩效目标表编制器.
//!
//! Three layers, arrows pointing one way (ui → storage → domain):
//! - [`domain`]: the table model, the value parser, the review rules, the
//!   importers and exporters. Pure Rust, no web APIs, tested natively.
//! - [`storage`]: drafts in a key-value store (localStorage in the browser,
//!   memory in tests), with format versions and migration.
//! - [`editing`]: the editor page's logic without the browser: undo
//!   history, autosave timing, differences between two versions of a draft.
//! - `ui`: Leptos components (wasm32 only). They hold signals and call the
//!   domain; no rule logic lives there.

pub mod domain;
pub mod editing;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
