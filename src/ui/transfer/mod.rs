//! 导入 and 导出: tables in from Word/WPS/Excel, text, files and backups;
//! tables out as print, Excel, table text, JSON, share links and backups.
//!
//! Importing always shows what was found first (each table with its
//! project, budget, indicator count, findings and what is missing) and adds
//! nothing until the author confirms; then the tables become new drafts
//! (existing drafts are never changed) and the first one opens. What the
//! text is (an HTML table, tab-separated cells, the published text layout,
//! exchange JSON, a backup, a share link) is recognised by the formats
//! crate (`crates/formats/src/reading/`), the same code as the command line;
//! [`reading`] adds the browser's decoder and a backup's drafts.
//!
//! Exports work on the table in the editor, or on a unit's documents: the
//! drafts with the same unit as it, in the order they were added
//! ([`unit`]).
//!
//! - [`bar`]: 导入… and 导出 in the top bar, and what they open;
//! - [`import_dialog`], with [`import_source`] (what it was given),
//!   [`reading`] (what that is), [`preview`] and [`preview_html`] (what
//!   was found) and [`import_words`] (what it says);
//! - [`export_menu`], with [`exports`] (what each entry does; file names
//!   come from `crates/formats/src/file_name.rs`);
//! - [`print`]: the print view; [`share`]: share links, made and opened.

mod bar;
mod export_menu;
mod exports;
mod import_dialog;
mod import_source;
mod import_words;
mod preview;
mod preview_html;
mod print;
mod reading;
mod share;
mod unit;

pub use bar::TransferBar;
pub use exports::write_file_noting;
