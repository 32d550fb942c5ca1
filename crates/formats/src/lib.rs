//! Formats: every way a 绩效目标表 comes in or goes out.
//!
//! In: the published text layout ([`layout`]), clipboard HTML/TSV/CSV from
//! Word, WPS and Excel ([`clipboard`]), exchange JSON ([`exchange`]), share
//! links ([`share`]). Out: print HTML ([`print`]), xlsx ([`xlsx`]), TSV
//! ([`tsv`]), exchange JSON and share links. [`examples`] holds the
//! published sample tables; [`limits`] bounds what an import accepts.
//!
//! Invariant: no browser crate. The page and the `jixiao` command-line
//! checker read and write through this same code.

pub mod clipboard;
pub mod examples;
pub mod exchange;
pub mod layout;
pub mod limits;
pub mod print;
pub mod share;
pub mod tsv;
pub mod xlsx;
