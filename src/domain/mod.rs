//! The domain: what a 绩效目标表 is and what a reviewer checks.
//!
//! Nothing here touches the browser, so all of it is tested with plain
//! `cargo test` and reused by the command-line checker.

pub mod budget;
pub mod clipboard;
pub mod edit;
pub mod examples;
pub mod exchange;
pub mod framework;
pub mod guidance;
pub mod lang;
pub mod layout;
pub mod limits;
pub mod print;
pub mod rules;
pub mod share;
pub mod sort;
pub mod suggest;
pub mod table;
pub mod tsv;
pub mod value;
pub mod xlsx;

pub use budget::{Amount, Budget, MoneyUnit};
pub use framework::Framework;
pub use lang::Lang;
pub use rules::{check, Finding, Place, Severity};
pub use table::{Document, Indicator, Table};
