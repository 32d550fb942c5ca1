//! The domain: what a 绩效目标表 is and what a reviewer checks.
//!
//! The table model ([`table`]), exact money ([`budget`]), the 指标值 grammar
//! ([`value`]), the 2020 and 2021 indicator frameworks ([`framework`]), the
//! review rules ([`rules`]), edit operations ([`edit`]), suggestions
//! ([`suggest`]), writing guidance ([`guidance`]) and the two
//! languages ([`lang`]).
//!
//! Invariant: nothing here touches the browser. This crate depends on no
//! browser crate (leptos, web-sys, wasm-bindgen, js-sys, gloo), so all of it
//! is tested with plain `cargo test` and shared by the page, the `jixiao`
//! command-line checker and the benchmarks.

pub mod budget;
pub mod edit;
pub mod form;
pub mod framework;
pub mod guidance;
pub mod lang;
pub mod rules;
pub mod sort;
pub mod suggest;
pub mod table;
pub mod value;

pub use budget::{Amount, Budget, MoneyUnit};
pub use framework::Framework;
pub use lang::{Bilingual, Lang, Text};
pub use rules::{check, Finding, Place, Severity};
pub use table::{Document, Indicator, Table};
