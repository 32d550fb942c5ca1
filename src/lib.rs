//! jixiao: 绩效目标表编制器 — the web page.
//!
//! The browser-free layers are crates under `crates/` (see ARCHITECTURE.md):
//! - [`jixiao_domain`]: model, money, values, frameworks, rules;
//! - [`jixiao_formats`]: every importer and exporter, encodings;
//! - [`jixiao_drafts`]: the store trait, migrations, undo, autosave, the
//!   save/merge/conflict policy.
//!
//! This package is the page (`ui`, wasm32 only) and the `jixiao`
//! command-line checker (`src/bin/jixiao.rs`), both thin over those crates.

pub use jixiao_domain as domain;
pub use jixiao_drafts as drafts;
pub use jixiao_formats as formats;

#[cfg(target_arch = "wasm32")]
pub mod encoding;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
