//! Reading what a person hands the program: a paste (the clipboard's plain
//! text, and its HTML when it has some), a chosen file, a file named on the
//! command line. One entry point, [`read_input`] ([`read_file`] for a
//! file's bytes), for the page's import dialog (`src/ui/transfer.rs`) and
//! for `jixiao` (`src/bin/jixiao.rs`), so both read the same inputs the
//! same way.
//!
//! What the text is, is never guessed from its first character. Each form
//! that could fit is tried, in the order the text suggests, and the first
//! that finds a table wins:
//! 1. the clipboard's HTML, when it holds a `<table>` (Word, WPS, Excel);
//! 2. JSON, only when the text parses as a JSON object or array: a
//!    draft-box backup ([`Found::Backup`]), else exchange JSON
//!    ([`crate::exchange`]); text that is JSON is nothing else, so its
//!    refusal is the answer;
//! 3. a share link alone on its line ([`crate::share`]), likewise;
//! 4. HTML, when the text holds a `<table>` (a saved web page, the page
//!    `jixiao print` writes) ([`crate::clipboard`]);
//! 5. CSV, first when the file's name ends in `.csv`;
//! 6. tab-separated cells and the published text layout
//!    ([`crate::layout`]; text copied from a PDF of another form, the 上海
//!    申报表, goes on to [`crate::pdf_text`]), whichever the lines look
//!    like first;
//! 7. CSV, when the text holds a comma.
//!
//! A file's bytes are first looked at as a whole: a Word document (.docx,
//! a ZIP holding `word/document.xml`) is read by [`crate::docx`]; an OLE
//! file (an old .doc, a password-protected .docx) is refused with what to
//! do ([`ReadError::Word`]).
//!
//! Text of one cell per line (a document saved as text) is the text
//! layout's alone ([`crate::cell_lines`]). It may hold a table whose cells
//! do not line up: [`read_input`] then refuses the text, naming the table;
//! [`read_input_in_part`] gives the other tables and names the one left out
//! (`crates/formats/src/reading/in_part.rs`).
//!
//! When nothing fits, [`ReadError::NothingFits`] lists what was tried and
//! why each form refused. Every importer gives each table its form
//! (`crates/domain/src/form/`), told by the form's title and labels. Text
//! encodings are in `crates/formats/src/reading/encoding.rs`,
//! CSV in `crates/formats/src/reading/csv.rs`.

mod csv;
mod encoding;
mod in_part;

use std::fmt;

pub use csv::parse_csv;
#[cfg(feature = "gb18030")]
pub use encoding::gb18030;
pub use encoding::{decode_bytes, Legacy};
pub use in_part::{read_file_in_part, read_input_in_part, Outcome};

use crate::clipboard::{self, ClipboardError};
use crate::docx::{self, DocxError};
use crate::exchange::{self, ExchangeError};
use crate::layout::{self, LayoutError};
use crate::limits::{self, LimitError};
use crate::share::{self, ShareError};
use jixiao_domain::lang::{Bilingual, Lang, Text};
use jixiao_domain::table::{Document, Table};

/// The `format` of a draft-box backup file (written and read by
/// `crates/drafts/src/backup.rs`).
pub const BACKUP_FORMAT: &str = "jixiao-backup";

/// A form the input was read as (or tried as).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    /// A table copied from Word/WPS/Excel (the clipboard's HTML).
    Copied,
    ShareLink,
    Html,
    Csv,
    Json,
    /// Tab-separated cells (Excel's plain text).
    Tsv,
    /// The published text layout.
    Text,
    /// A Word document (.docx).
    Word,
}

impl Origin {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Origin::Copied => ("复制的表格", "copied table"),
            Origin::ShareLink => ("分享链接", "share link"),
            Origin::Html => ("HTML 表格", "HTML table"),
            Origin::Csv => ("CSV 表格", "CSV table"),
            Origin::Json => ("JSON 文件", "JSON file"),
            Origin::Tsv => ("制表符分隔的表格", "tab-separated table"),
            Origin::Text => ("文本", "text"),
            Origin::Word => ("Word 文档", "Word document"),
        }
    }

    /// The name in "从…中找到" / "Found … in the …".
    pub fn name(self) -> Text {
        let (zh, en) = self.names();
        Text::new(zh, en)
    }

    /// [`Origin::name`] in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = self.names();
        lang.pick(zh, en)
    }

    /// The form as an attempt names it: "按…读取" / "As …".
    fn form(self) -> (&'static str, &'static str) {
        match self {
            Origin::Copied => ("复制的表格", "the copied table"),
            Origin::ShareLink => ("分享链接", "a share link"),
            Origin::Html => ("HTML 表格", "an HTML table"),
            Origin::Csv => ("CSV", "CSV"),
            Origin::Json => ("JSON", "JSON"),
            Origin::Tsv => ("制表符分隔的表格", "tab-separated cells"),
            Origin::Text => ("发布文本版式", "the published text layout"),
            Origin::Word => ("Word 文档", "a Word document"),
        }
    }
}

/// What the input holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Tables; `from` names what they were read as.
    Tables { from: Origin, tables: Vec<Table> },
    /// A draft-box backup: `json` (the text without a byte order mark or
    /// surrounding whitespace) is read by `jixiao_drafts::backup`, which
    /// knows drafts; this crate does not. The limits are the caller's to
    /// check on its tables ([`limits::check_document`]).
    Backup { json: String },
}

/// Why one form did not take the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Json(ExchangeError),
    ShareLink(ShareError),
    /// HTML, tab-separated cells or CSV: the table recogniser's reason.
    Table(ClipboardError),
    Layout(LayoutError),
    /// Read, but it holds no table.
    NoTable,
}

impl Bilingual for Refusal {
    fn text(&self) -> Text {
        match self {
            Refusal::Json(e) => e.text(),
            Refusal::ShareLink(e) => e.text(),
            Refusal::Table(e) => e.text(),
            Refusal::Layout(e) => e.text(),
            Refusal::NoTable => NO_TABLE,
        }
    }
}

const NO_TABLE: Text = Text::new(
    "没有找到绩效目标表。",
    "No performance target table was found.",
);

/// One form tried, and why it did not take the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub form: Origin,
    pub refusal: Refusal,
}

impl Bilingual for Attempt {
    /// `按发布文本版式读取：第 1 行：…` / `As the published text layout: Line 1: …`.
    fn text(&self) -> Text {
        let (zh, en) = self.form.form();
        let why = self.refusal.text();
        Text::owned(
            format!("按{zh}读取：{}", why.zh),
            format!("As {en}: {}", why.en),
        )
    }
}

/// Why nothing can be imported from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing was given (blank text, no HTML table).
    Nothing,
    /// Bytes that are not text (a binary file).
    NotText,
    /// A kind of file that is not read directly (`.xlsx`, `.pdf` …), by
    /// its extension (lower case); the message says what to do.
    Unreadable { extension: String },
    /// A Word document that gives no table: an old .doc, a protected or
    /// damaged .docx, one without a performance target table.
    Word(DocxError),
    /// Over one of the [`limits`].
    Limit(LimitError),
    /// The one form the input can be did not take it (JSON that parses, a
    /// share link).
    Refused(Attempt),
    /// No form took the input: each one tried, in order.
    NothingFits(Vec<Attempt>),
}

impl ReadError {
    fn from_attempts(mut tried: Vec<Attempt>) -> ReadError {
        match tried.len() {
            0 => ReadError::Nothing,
            1 => ReadError::Refused(tried.remove(0)),
            _ => ReadError::NothingFits(tried),
        }
    }
}

const NOTHING: Text = Text::new(
    "没有内容：请粘贴表格，或选择文件。",
    "Nothing to import: paste a table, or choose a file.",
);

const NOT_TEXT: Text = Text::new(
    "这不是文本文件：请选择 .docx、.txt、.json、.html 或 .csv 文件，或从 Word/WPS/Excel 复制表格后粘贴。",
    "This is not a text file: choose a .docx, .txt, .json, .html or .csv file, or copy the table in Word, WPS or Excel and paste it.",
);

impl Bilingual for ReadError {
    fn text(&self) -> Text {
        match self {
            ReadError::Nothing => NOTHING,
            ReadError::NotText => NOT_TEXT,
            ReadError::Unreadable { extension } => {
                let (zh, en) = advice(extension).unwrap_or(("", ""));
                Text::owned(
                    format!("不能直接读取 .{extension} 文件：{zh}。"),
                    format!("A .{extension} file cannot be read directly: {en}."),
                )
            }
            ReadError::Limit(e) => e.text(),
            ReadError::Word(e) => e.text(),
            ReadError::Refused(a) => a.refusal.text(),
            ReadError::NothingFits(tried) => {
                let each: Vec<Text> = tried.iter().map(Bilingual::text).collect();
                let zh: String = each.iter().map(|t| t.zh.as_ref()).collect();
                let en: Vec<&str> = each.iter().map(|t| t.en.as_ref()).collect();
                Text::owned(
                    format!("{}{zh}", NO_TABLE.zh),
                    format!("{} {}", NO_TABLE.en, en.join(" ")),
                )
            }
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().zh)
    }
}

impl std::error::Error for ReadError {}

/// Reads what was pasted or chosen: `text` (a paste's plain text, or a
/// file's decoded text), `html` (the clipboard's `text/html`, used when it
/// holds a `<table>`), `name` (the file's name, when it is a file). The
/// input and the tables found must be within the [`limits`].
pub fn read_input(text: &str, html: Option<&str>, name: Option<&str>) -> Result<Found, ReadError> {
    limits::check_text(text).map_err(ReadError::Limit)?;
    if let Some(h) = html {
        limits::check_text(h).map_err(ReadError::Limit)?;
    }
    match read_any(text, html, name)? {
        Found::Tables { from, tables } => {
            let doc = Document { tables };
            limits::check_document(&doc).map_err(ReadError::Limit)?;
            Ok(Found::Tables {
                from,
                tables: doc.tables,
            })
        }
        backup => Ok(backup),
    }
}

/// Reads a file: a Word document by its content ([`crate::docx`]);
/// refuses other files that are not text by their name ([`unreadable`]);
/// decodes the bytes ([`decode_bytes`], with `legacy` for GB18030), then
/// reads the text as [`read_input`] does.
pub fn read_file(name: &str, bytes: &[u8], legacy: Option<Legacy>) -> Result<Found, ReadError> {
    if is_word(name, bytes) {
        return match docx::read(bytes) {
            Ok(doc) => Ok(Found::Tables {
                from: Origin::Word,
                tables: doc.tables,
            }),
            Err(DocxError::Limit(e)) => Err(ReadError::Limit(e)),
            Err(e) => Err(ReadError::Word(e)),
        };
    }
    if let Some(refused) = unreadable(name) {
        return Err(refused);
    }
    read_input(&decode_bytes(bytes, legacy), None, Some(name))
}

/// Whether a file is for [`docx::read`]: a ZIP named like a Word document
/// or holding `word/document.xml`; an OLE file (an old .doc, a protected
/// .docx) unless it is named like a spreadsheet or a presentation; a file
/// named .docx that is neither (a damaged one).
pub fn is_word(name: &str, bytes: &[u8]) -> bool {
    let ext = extension(name);
    let named = matches!(ext.as_str(), "docx" | "docm" | "dotx" | "dotm");
    if docx::is_ole(bytes) {
        return !matches!(ext.as_str(), "xls" | "xlsx" | "et" | "ppt" | "pptx" | "dps");
    }
    if docx::is_zip(bytes) {
        return named || crate::zip::Archive::open(bytes).is_ok_and(|a| a.has("word/document.xml"));
    }
    named
}

fn read_any(text: &str, html: Option<&str>, name: Option<&str>) -> Result<Found, ReadError> {
    let mut tried = Vec::new();
    if let Some(h) = html.filter(|h| has_table_tag(h)) {
        let copied = clipboard::import_html(h)
            .map_err(Refusal::Table)
            .and_then(|doc| found(Origin::Copied, doc));
        match copied {
            Ok(found) => return Ok(found),
            Err(refusal) => tried.push(Attempt {
                form: Origin::Copied,
                refusal,
            }),
        }
    }
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ReadError::from_attempts(tried));
    }
    if trimmed.contains('\0') {
        return Err(ReadError::NotText);
    }
    let named = |ext: &str| name.is_some_and(|n| extension(n) == ext);

    // JSON, when it is JSON: then it is nothing else.
    let mut broken_json = None;
    if trimmed.starts_with(['{', '[']) {
        match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(value) => {
                return read_json(trimmed, value).map_err(|refusal| {
                    tried.push(Attempt {
                        form: Origin::Json,
                        refusal,
                    });
                    ReadError::from_attempts(tried)
                })
            }
            Err(e) => {
                broken_json = Some(Attempt {
                    form: Origin::Json,
                    refusal: Refusal::Json(ExchangeError::Broken {
                        line: e.line(),
                        column: e.column(),
                        detail: e.to_string(),
                    }),
                })
            }
        }
    }
    if named("json") {
        tried.extend(broken_json.take());
    }
    if is_share_link(trimmed) {
        return match share::decode(trimmed) {
            Ok(t) => Ok(Found::Tables {
                from: Origin::ShareLink,
                tables: vec![t],
            }),
            Err(e) => {
                tried.push(Attempt {
                    form: Origin::ShareLink,
                    refusal: Refusal::ShareLink(e),
                });
                Err(ReadError::from_attempts(tried))
            }
        };
    }

    let mut forms = Vec::with_capacity(4);
    if has_table_tag(text) {
        forms.push(Origin::Html);
    }
    if named("csv") {
        forms.push(Origin::Csv);
    }
    if looks_tab_separated(text) {
        forms.extend([Origin::Tsv, Origin::Text]);
    } else {
        forms.extend([Origin::Text, Origin::Tsv]);
    }
    if !named("csv") && text.contains(',') {
        forms.push(Origin::Csv);
    }
    if crate::cell_lines::fits(text) {
        // One cell per line (a document saved as text): the text layout's.
        forms.retain(|f| matches!(f, Origin::Html | Origin::Text));
    }
    for form in forms {
        match read_as(form, text) {
            Ok(found) => return Ok(found),
            Err(refusal) => tried.push(Attempt { form, refusal }),
        }
    }
    tried.extend(broken_json);
    Err(ReadError::from_attempts(tried))
}

/// Reads `text` as one of the forms that are tried in turn.
fn read_as(form: Origin, text: &str) -> Result<Found, Refusal> {
    let doc = match form {
        Origin::Html => clipboard::import_html(text).map_err(Refusal::Table)?,
        Origin::Csv => clipboard::import_grid(parse_csv(text)).map_err(Refusal::Table)?,
        Origin::Tsv => clipboard::import_tsv(text).map_err(Refusal::Table)?,
        Origin::Text => layout::import(text).map_err(Refusal::Layout)?,
        Origin::Copied | Origin::ShareLink | Origin::Json | Origin::Word => {
            unreachable!("{form:?} is not tried in turn")
        }
    };
    found(form, doc)
}

fn found(from: Origin, doc: Document) -> Result<Found, Refusal> {
    if doc.tables.is_empty() {
        return Err(Refusal::NoTable);
    }
    Ok(Found::Tables {
        from,
        tables: doc.tables,
    })
}

/// JSON that parsed: a backup, else exchange JSON.
fn read_json(text: &str, value: serde_json::Value) -> Result<Found, Refusal> {
    if value.get("format").and_then(serde_json::Value::as_str) == Some(BACKUP_FORMAT) {
        return Ok(Found::Backup {
            json: text.to_string(),
        });
    }
    let doc = exchange::read_value(value).map_err(Refusal::Json)?;
    found(Origin::Json, doc)
}

/// Whether `html` holds a `<table>` element.
pub fn has_table_tag(html: &str) -> bool {
    html.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"<table"))
}

/// A share link (or its fragment) alone on one line.
pub fn is_share_link(text: &str) -> bool {
    let text = text.trim();
    !text.contains('\n') && (text.contains(share::PREFIX) || text.starts_with("share="))
}

/// More lines with cells side by side than lines holding one cell behind a
/// tab (the published layout).
pub fn looks_tab_separated(text: &str) -> bool {
    let (mut tsv, mut layout) = (0usize, 0usize);
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        match line.matches('\t').count() {
            0 => {}
            1 if line.starts_with('\t') => layout += 1,
            _ => tsv += 1,
        }
    }
    tsv > layout
}

/// The lower-case extension of a file name or path (`""` when it has none).
pub fn extension(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Why a file cannot be read as it is, from its name: formats that are
/// not text, with what to do instead ([`ReadError::Unreadable`]).
pub fn unreadable(name: &str) -> Option<ReadError> {
    let extension = extension(name);
    advice(&extension)?;
    Some(ReadError::Unreadable { extension })
}

fn advice(extension: &str) -> Option<(&'static str, &'static str)> {
    Some(match extension {
        "doc" | "wps" | "rtf" | "odt" => (
            "请在 Word/WPS 中打开它，另存为“Word 文档(*.docx)”后再选择；或选中整张表复制后粘贴到这里",
            "open it in Word or WPS and save it as “Word Document (*.docx)”, then choose that file; or select the whole table, copy it and paste it here",
        ),
        "xlsx" | "xls" | "et" | "ods" => (
            "请在 Excel/WPS 表格中打开它，选中整张表复制后粘贴到这里；或另存为 CSV 后再选择",
            "open it in Excel or WPS Spreadsheets, select the whole table, copy it and paste it here; or save it as CSV and choose that file",
        ),
        "pdf" | "ofd" => (
            "请在原文档（Word/WPS）中复制表格后粘贴到这里",
            "copy the table from the original document (Word or WPS) and paste it here",
        ),
        _ => return None,
    })
}
