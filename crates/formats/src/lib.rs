//! Formats: every way a 绩效目标表 comes in or goes out.
//!
//! In: [`reading`] is the one entry point: it decodes files (UTF-8,
//! UTF-16, GB18030), tells what the text is and hands it to the importer
//! that fits: the published text layout ([`layout`]), documents saved as
//! text one cell per line ([`cell_lines`]) and text copied from a PDF of
//! another form ([`pdf_text`]), clipboard HTML/TSV and CSV from Word, WPS
//! and Excel ([`clipboard`]), Word documents ([`docx`]), exchange JSON
//! ([`exchange`]), share links ([`share`]);
//! draft-box backups it names for `crates/drafts` to read. Out: print HTML
//! ([`print`](mod@print)), xlsx ([`xlsx`]), Word documents ([`docx`]), TSV
//! ([`tsv`]), exchange JSON and share links, under names from
//! [`file_name`]. Both Office formats sit in a ZIP container ([`zip`]).
//! [`examples`] holds the published sample tables; [`limits`] bounds what
//! an import accepts. Every table comes in and goes out in its form
//! (`crates/domain/src/form/`): the importers read a form's own labels
//! (`crates/formats/src/form_labels.rs`), the outputs draw its layout.
//!
//! Invariant: no browser crate. The page and the `jixiao` command-line
//! checker read and write through this same code; where the browser does
//! something better (GB18030 without a large table), the caller passes it
//! in.

pub mod cell_lines;
pub mod clipboard;
pub mod docx;
pub mod examples;
pub mod exchange;
pub mod file_name;
mod form_labels;
pub mod job;
pub mod layout;
pub mod limits;
pub mod pdf_text;
pub mod print;
pub mod reading;
pub mod share;
pub mod tsv;
pub mod xlsx;
pub mod zip;
