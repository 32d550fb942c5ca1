//! 导入 and 导出: tables in from Word/WPS/Excel, text, files and backups;
//! tables out as print, Excel, table text, JSON, share links and backups.
//!
//! Importing always shows what was found first (each table with its
//! project, budget, indicator count, findings and what is missing) and adds
//! nothing until the author confirms; then the tables become new drafts
//! (existing drafts are never changed) and the first one opens. What the
//! text is (an HTML table, tab-separated cells, the published text layout,
//! exchange JSON, a backup, a share link) is recognised here; reading each
//! form is the domain's importers' job.
//!
//! Exports work on the table in the editor, or on a unit's documents: the
//! drafts with the same unit as it, in the order they were added.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::rules::{self, Counts, Finding, Severity};
use crate::domain::{Document, Lang, Table, Text};
use crate::drafts::{backup, drafts, Draft, Store};
use crate::formats::print::escape_html;
use crate::formats::{clipboard, exchange, layout, limits, share, tsv, xlsx};

use super::dom;
use super::drafts::{use_session, Session};
use super::lang::{lang, tr};
use super::platform::clipboard::copy_text;
use super::platform::download::{download, JSON_MIME, XLSX_MIME};
use super::print::{non_blank, PrintFallback, PrintJob, PrintView, Printer};
use super::state::{use_editor, Editor};
use super::widgets::modal::Modal;
use super::widgets::notice::{use_notices, NoticeArea, Notices};
use super::workspace::{count_en, Workspace};

// ---- recognising what was pasted or chosen --------------------------------

/// What pasted or chosen text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl Origin {
    /// The name in "从…中找到" / "Found … in the …".
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Origin::Copied => ("复制的表格", "copied table"),
            Origin::ShareLink => ("分享链接", "share link"),
            Origin::Html => ("HTML 表格", "HTML table"),
            Origin::Csv => ("CSV 表格", "CSV table"),
            Origin::Json => ("JSON 文件", "JSON file"),
            Origin::Tsv => ("制表符分隔的表格", "tab-separated table"),
            Origin::Text => ("文本", "text"),
        };
        lang.pick(zh, en)
    }
}

/// What the importer found.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Tables to add as new drafts; `from` names what they were read as.
    Tables { from: Origin, tables: Vec<Table> },
    /// A backup of a draft box: its drafts, restored as they are.
    Backup {
        drafts: Vec<Draft>,
        problems: Vec<String>,
    },
}

const NOTHING: &str = "没有内容：请粘贴表格，或选择文件。";
const NOTHING_EN: &str = "Nothing to import: paste a table, or choose a file.";

/// Reads what the author pasted or chose. `html` is the clipboard's
/// `text/html` (used when it holds a `<table>`), `name` the file's name;
/// what went wrong is said in `lang`.
pub fn read_input(
    text: &str,
    html: Option<&str>,
    name: Option<&str>,
    lang: Lang,
) -> Result<Found, String> {
    let limit = |e: limits::LimitError| lang.pick(e.message, e.message_en);
    limits::check_text(text).map_err(limit)?;
    if let Some(h) = html {
        limits::check_text(h).map_err(limit)?;
    }
    let mut found = read_any(text, html, name, lang)?;
    match &mut found {
        // The tables are lent to the check, not copied.
        Found::Tables { tables, .. } => {
            let doc = Document {
                tables: std::mem::take(tables),
            };
            let checked = limits::check_document(&doc);
            *tables = doc.tables;
            checked.map_err(limit)?;
        }
        Found::Backup { drafts, .. } => {
            let tables = drafts.iter().map(|d| d.table.clone()).collect();
            limits::check_document(&Document { tables }).map_err(limit)?;
        }
    }
    Ok(found)
}

fn read_any(
    text: &str,
    html: Option<&str>,
    name: Option<&str>,
    lang: Lang,
) -> Result<Found, String> {
    let clip = |e: clipboard::ClipboardError| lang.pick(e.message, e.message_en);
    let mut first_error = None;
    if let Some(h) = html.filter(|h| has_table_tag(h)) {
        match clipboard::import_html(h) {
            Ok(doc) => return tables(Origin::Copied, doc, lang),
            Err(e) => first_error = Some(clip(e)),
        }
    }
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(first_error.unwrap_or_else(|| lang.pick(NOTHING, NOTHING_EN).into()));
    }
    if trimmed.contains('\0') {
        return Err(lang
            .pick(
                "这不是文本文件：请选择 .txt、.json、.html 或 .csv 文件，或从 Word/WPS/Excel 复制表格后粘贴。",
                "This is not a text file: choose a .txt, .json, .html or .csv file, or copy the table in Word, WPS or Excel and paste it.",
            )
            .into());
    }
    let result = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        read_json(trimmed, lang)
    } else if is_share_link(trimmed) {
        share::decode(trimmed)
            .map_err(|e| lang.pick(e.message_zh(), e.message_en()))
            .and_then(|t| tables(Origin::ShareLink, Document { tables: vec![t] }, lang))
    } else if has_table_tag(text) {
        clipboard::import_html(text)
            .map_err(clip)
            .and_then(|doc| tables(Origin::Html, doc, lang))
    } else if name.is_some_and(|n| extension(n) == "csv") {
        clipboard::import_grid(parse_csv(text))
            .map_err(clip)
            .and_then(|doc| tables(Origin::Csv, doc, lang))
    } else {
        read_text(text, lang)
    };
    match (result, first_error) {
        (Err(_), Some(e)) => Err(e),
        (r, _) => r,
    }
}

fn tables(from: Origin, doc: Document, lang: Lang) -> Result<Found, String> {
    if doc.tables.is_empty() {
        return Err(lang
            .pick(
                "没有找到绩效目标表。",
                "No performance target table was found.",
            )
            .into());
    }
    Ok(Found::Tables {
        from,
        tables: doc.tables,
    })
}

fn read_json(text: &str, lang: Lang) -> Result<Found, String> {
    if backup::is_backup(text) {
        let (drafts, problems) = backup::read_in(text, lang)?;
        if drafts.is_empty() {
            let mut msg = String::from(lang.pick(
                "备份文件中没有可恢复的草稿。",
                "The backup file holds no draft that can be restored. ",
            ));
            for p in &problems {
                msg.push_str(p);
            }
            return Err(msg);
        }
        return Ok(Found::Backup { drafts, problems });
    }
    exchange::read_tables(text)
        .map_err(|e| lang.pick(e.message_zh(), e.message_en()))
        .and_then(|doc| tables(Origin::Json, doc, lang))
}

/// Tab-separated cells (Excel) or the published layout (one cell per line,
/// a tab in front): whichever the lines look like is tried first.
fn read_text(text: &str, lang: Lang) -> Result<Found, String> {
    let as_tsv = || {
        clipboard::import_tsv(text)
            .map_err(|e| lang.pick(e.message, e.message_en))
            .and_then(|doc| tables(Origin::Tsv, doc, lang))
    };
    let as_layout = || {
        layout::import(text)
            .map_err(|e| e.message_in(lang))
            .and_then(|doc| tables(Origin::Text, doc, lang))
    };
    if looks_tab_separated(text) {
        as_tsv().or_else(|e| as_layout().map_err(|_| e))
    } else {
        as_layout().or_else(|e| as_tsv().map_err(|_| e))
    }
}

/// Whether `html` holds a `<table>` element.
pub fn has_table_tag(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("<table")
}

/// A share link (or its fragment) alone on one line.
fn is_share_link(text: &str) -> bool {
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

/// The lower-case extension of a file name.
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Why a file cannot be read as it is, from its name (formats that are not
/// text), with what to do instead, in `lang`.
pub fn unreadable(name: &str, lang: Lang) -> Option<String> {
    let ext = extension(name);
    let (zh, en) = match ext.as_str() {
        "docx" | "doc" | "wps" | "rtf" | "odt" => (
            "请在 Word/WPS 中打开它，选中整张表复制后粘贴到这里；或另存为“网页(*.htm)”或“纯文本(*.txt)”后再选择",
            "open it in Word or WPS, select the whole table, copy it and paste it here; or save it as “Web page (*.htm)” or “Plain text (*.txt)” and choose that file",
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
    };
    Some(match lang {
        Lang::Zh => format!("不能直接读取 .{ext} 文件：{zh}。"),
        Lang::En => format!("A .{ext} file cannot be read directly: {en}."),
    })
}

/// Splits comma-separated values (RFC 4180: `"…"` quoting, `""` inside).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM
/// (Excel's "Unicode text"), else GB18030 (what Chinese Windows writes).
pub fn decode_bytes(bytes: &[u8]) -> String {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => gb18030(bytes).unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned()),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

fn gb18030(bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    let array = js_sys::Uint8Array::from(bytes);
    decoder.decode_with_js_u8_array(&array).ok()
}

// ---- what the preview says about one table ---------------------------------

/// One table of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub project: String,
    pub unit: String,
    /// 预算数 with its money unit, or blank.
    pub budget: String,
    pub indicators: usize,
    pub counts: Counts,
    /// The first findings, errors first.
    pub first: Vec<Finding>,
    /// How many findings are not in `first`.
    pub more: usize,
    /// Parts of the form that are empty.
    pub missing: Vec<Part>,
}

/// A part of the form the preview says is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Unit,
    Project,
    Budget,
    Purpose,
    Goals,
    Indicators,
}

impl Part {
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Part::Unit => ("单位", "unit"),
            Part::Project => ("项目名称", "project name"),
            Part::Budget => ("预算数", "budget"),
            Part::Purpose => ("资金用途", "use of funds"),
            Part::Goals => ("绩效目标", "performance goals"),
            Part::Indicators => ("绩效指标", "performance indicators"),
        };
        lang.pick(zh, en)
    }
}

/// Findings shown per table in the preview.
const FIRST_FINDINGS: usize = 3;

pub fn preview(t: &Table) -> Preview {
    let mut findings = rules::check(t);
    let counts = Counts::of(&findings);
    crate::domain::sort::by_key(&mut findings, |f| match f.severity() {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Hint => 2,
    });
    let more = findings.len().saturating_sub(FIRST_FINDINGS);
    findings.truncate(FIRST_FINDINGS);
    let blank = |s: &str| s.trim().is_empty();
    let mut missing = Vec::new();
    if blank(&t.unit_code) && blank(&t.unit_name) {
        missing.push(Part::Unit);
    }
    if blank(&t.project) {
        missing.push(Part::Project);
    }
    if t.budget.total.is_blank() {
        missing.push(Part::Budget);
    }
    if blank(&t.purpose) {
        missing.push(Part::Purpose);
    }
    if t.goals.iter().all(|g| blank(g)) {
        missing.push(Part::Goals);
    }
    if t.indicators.is_empty() {
        missing.push(Part::Indicators);
    }
    Preview {
        project: t.project.trim().to_string(),
        unit: format!("{}{}", t.unit_code.trim(), t.unit_name.trim()),
        budget: if t.budget.total.is_blank() {
            String::new()
        } else {
            format!("{} {}", t.budget.total.text(), t.money_unit.label())
        },
        indicators: t.indicators.len(),
        counts,
        first: findings,
        more,
        missing,
    }
}

// ---- file names -------------------------------------------------------------

/// A file name part from the author's text: no characters Windows or
/// macOS refuse, no line breaks, not too long; `instead` when blank.
pub fn file_stem(text: &str, instead: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    let joined = words.join(" ");
    let cut: String = joined.chars().take(60).collect();
    let stem = cut.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if stem.is_empty() {
        instead.to_string()
    } else {
        stem.to_string()
    }
}

/// `<项目名称>绩效目标表.<ext>`.
pub fn table_file_name(t: &Table, ext: &str) -> String {
    let stem = file_stem(&t.project, "未命名");
    format!("{stem}绩效目标表.{ext}")
}

/// `<单位>绩效目标表（N张）.<ext>`.
pub fn unit_file_name(tables: &[Table], ext: &str) -> String {
    let unit = tables
        .first()
        .map(|t| {
            if t.unit_name.trim().is_empty() {
                t.unit_code.clone()
            } else {
                t.unit_name.clone()
            }
        })
        .unwrap_or_default();
    let stem = file_stem(&unit, "本单位");
    format!("{stem}绩效目标表（{}张）.{ext}", tables.len())
}

/// `绩效目标表草稿箱备份-2025-03-07-0930.json` (local time).
pub fn backup_file_name() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "绩效目标表草稿箱备份-{:04}-{:02}-{:02}-{:02}{:02}.json",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

// ---- the page's shared state ----------------------------------------------------

/// The workspace from context.
pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

/// Opens a draft that was just added, in the editor (the open draft is
/// saved first).
pub fn open_draft(session: Session, notices: Notices, id: &str) -> bool {
    match session.open(id) {
        Ok(()) => {
            dom::focus_later(super::state::Section::Basic.heading_id(), None);
            true
        }
        Err(e) => {
            notices.fail(e);
            false
        }
    }
}

/// Draft ids in the order they were added (the draft box's index).
fn creation_order(ws: &Workspace) -> Vec<String> {
    let raw = ws.with_drafts(|d| d.store().get(drafts::INDEX_KEY).ok().flatten());
    raw.and_then(|r| serde_json::from_str::<serde_json::Value>(&r).ok())
        .and_then(|v| {
            v.get("ids")?.as_array().map(|ids| {
                ids.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// Whether two tables are of the same unit: the same 单位编码 when both
/// have one, else the same 单位名称.
pub fn same_unit(a: &Table, b: &Table) -> bool {
    let (ca, cb) = (a.unit_code.trim(), b.unit_code.trim());
    if !ca.is_empty() && !cb.is_empty() {
        return ca == cb;
    }
    let (na, nb) = (a.unit_name.trim(), b.unit_name.trim());
    !na.is_empty() && na == nb
}

/// The unit's documents: the drafts of the open table's unit, in the order
/// they were added, the open draft as it is in the editor now.
fn unit_tables(ws: &Workspace, open_id: &str, current: &Table) -> Vec<Table> {
    if current.unit_code.trim().is_empty() && current.unit_name.trim().is_empty() {
        return Vec::new();
    }
    let order = creation_order(ws);
    let mut seen_open = false;
    let mut drafts: Vec<(usize, Table)> = ws
        .tables()
        .into_iter()
        .filter_map(|(meta, t)| {
            let t = if meta.id == open_id {
                seen_open = true;
                current.clone()
            } else {
                t
            };
            same_unit(&t, current).then(|| {
                let at = order.iter().position(|i| *i == meta.id);
                (at.unwrap_or(usize::MAX), t)
            })
        })
        .collect();
    crate::domain::sort::by_key(&mut drafts, |(at, _)| *at as u128);
    let mut tables: Vec<Table> = drafts.into_iter().map(|(_, t)| t).collect();
    if !seen_open {
        tables.push(current.clone());
    }
    tables
}

// ---- components -------------------------------------------------------------------

/// 导入… and 导出 in the top bar, with their dialogs, the print view, the
/// share link opener and the messages.
#[component]
pub fn TransferBar() -> impl IntoView {
    let editor = use_editor();
    let ws = use_workspace();
    let notices = Notices::provide();
    let printer = Printer::new();
    provide_context(printer);
    let import_open = RwSignal::new(false);
    let share_open = RwSignal::new(false);
    let on_excel = Callback::new(move |job: PrintJob| {
        let name = if job.unit {
            unit_file_name(&job.tables, "xlsx")
        } else {
            table_file_name(&job.tables[0], "xlsx")
        };
        save_file(notices, &xlsx::workbook(&job.tables), XLSX_MIME, &name);
    });
    let _ = ws;
    view! {
        <div class="toolbar transfer" role="group" aria-label=tr("导入导出", "Import and export")>
            <button
                type="button"
                id="import-btn"
                aria-haspopup="dialog"
                on:click=move |_| {
                    notices.clear();
                    import_open.set(true)
                }
            >
                {tr("导入…", "Import…")}
            </button>
            <ExportMenu share_open=share_open />
        </div>
        <ImportDialog open=import_open />
        <super::share::ShareDialog open=share_open />
        <super::share::SharedOpener />
        <PrintView on_excel=on_excel />
        <PrintFallback table=editor.table.into() />
        <NoticeArea />
    }
}

/// Downloads a file and says so.
fn save_file(notices: Notices, bytes: &[u8], mime: &str, name: &str) {
    match download(bytes, mime, name) {
        Ok(()) => notices.say(Text::owned(
            format!("已下载：{name}"),
            format!("Downloaded: {name}"),
        )),
        Err(e) => notices.fail(e),
    }
}

/// The 导出 menu button and its menu.
#[component]
fn ExportMenu(share_open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let session = use_session();
    let ws = use_workspace();
    let notices = use_notices();
    let printer = expect_context::<Printer>();
    let open = RwSignal::new(false);
    // The unit's documents, gathered when the menu opens.
    let unit = RwSignal::new(Vec::<Table>::new());
    let wrap = NodeRef::<html::Div>::new();

    let items = move || -> Vec<web_sys::HtmlElement> {
        let Some(w) = wrap.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = w.query_selector_all("[role=menuitem]") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.get(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    };
    let focus_item = move |k: usize| {
        if let Some(el) = items().get(k) {
            let _ = el.focus();
        }
    };
    let show = move |first: bool| {
        let open_id = session.id();
        unit.set(
            editor
                .table
                .with_untracked(|t| unit_tables(&ws, &open_id, t)),
        );
        open.set(true);
        request_animation_frame(move || {
            let n = items().len();
            if n > 0 {
                focus_item(if first { 0 } else { n - 1 });
            }
        });
    };
    let hide = move |refocus: bool| {
        open.set(false);
        if refocus {
            dom::focus_later("export-btn".into(), None);
        }
    };
    let on_button_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            show(true);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(false);
        }
        _ => {}
    };
    let on_menu_key = move |ev: leptos::ev::KeyboardEvent| {
        let list = items();
        let n = list.len();
        if n == 0 {
            return;
        }
        let active = document().active_element();
        let at = list.iter().position(|el| {
            active
                .as_ref()
                .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
        });
        let go = |k: usize| {
            let _ = list[k].focus();
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                go(at.map_or(0, |i| (i + 1) % n));
            }
            "ArrowUp" => {
                ev.prevent_default();
                go(at.map_or(n - 1, |i| (i + n - 1) % n));
            }
            "Home" => {
                ev.prevent_default();
                go(0);
            }
            "End" => {
                ev.prevent_default();
                go(n - 1);
            }
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                hide(true);
            }
            "Tab" => hide(false),
            _ => {}
        }
    };
    // A press outside closes the menu.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let inside = match (wrap.get_untracked(), ev.target()) {
            (Some(w), Some(t)) => t
                .dyn_ref::<web_sys::Node>()
                .is_some_and(|n| w.contains(Some(n))),
            _ => false,
        };
        if !inside {
            hide(false);
        }
    });
    on_cleanup(move || outside.remove());

    // Each item runs its action, closing the menu first.
    let act = move |f: fn(&Ctx)| {
        move |_| {
            hide(true);
            let ctx = Ctx {
                editor,
                ws,
                notices,
                printer,
                unit: unit.get_untracked(),
                share_open,
            };
            f(&ctx);
        }
    };
    // The menu, as data: one kind of view per kind of entry.
    let entries = move || {
        let tables = unit.get();
        let n = tables.len();
        let item =
            |zh: &'static str, en: &'static str, f: fn(&Ctx)| Entry::Item(tr(zh, en).into(), f);
        let mut list = vec![
            item("打印本表…", "Print this table…", Ctx::print_table),
            item(
                "导出 Excel（.xlsx）",
                "Export to Excel (.xlsx)",
                Ctx::table_xlsx,
            ),
            item("复制为表格文本", "Copy as table text", Ctx::copy_tsv),
            item("导出 JSON", "Export JSON", Ctx::table_json),
            item("分享链接…", "Share link…", Ctx::share),
        ];
        if n > 1 {
            let unit = print_unit_name(&tables);
            list.push(Entry::Separator);
            list.push(Entry::Label(match lang() {
                Lang::Zh => format!("本单位 {n} 张表（{unit}）"),
                Lang::En => format!("This unit’s {} ({unit})", count_en(n, "table", "tables")),
            }));
            list.push(Entry::Item(
                match lang() {
                    Lang::Zh => format!("打印本单位 {n} 张表…"),
                    Lang::En => format!("Print the unit’s {}…", count_en(n, "table", "tables")),
                },
                Ctx::print_unit,
            ));
            list.push(item(
                "导出本单位 Excel（每表一个工作表）",
                "Export the unit to Excel (one sheet per table)",
                Ctx::unit_workbook,
            ));
            list.push(item(
                "导出本单位 Excel（合为一个工作表）",
                "Export the unit to Excel (all in one sheet)",
                Ctx::unit_sheet,
            ));
        }
        list.push(Entry::Separator);
        list.push(item(
            "备份草稿箱（全部草稿）",
            "Back up the draft box (all drafts)",
            Ctx::backup,
        ));
        list.into_iter()
            .map(|e| match e {
                Entry::Item(label, f) => view! {
                    <button type="button" role="menuitem" tabindex="-1" on:click=act(f)>
                        {label}
                    </button>
                }
                .into_any(),
                Entry::Separator => {
                    view! { <div role="separator" class="menu-sep"></div> }.into_any()
                }
                Entry::Label(text) => {
                    view! { <div class="menu-label" aria-hidden="true">{text}</div> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <div class="menu-wrap" node_ref=wrap>
            <button
                type="button"
                id="export-btn"
                aria-haspopup="menu"
                aria-controls="export-menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| if open.get_untracked() { hide(false) } else { show(true) }
                on:keydown=on_button_key
            >
                {tr("导出 ▾", "Export ▾")}
            </button>
            <Show when=move || open.get()>
                <div id="export-menu" class="menu" role="menu" aria-labelledby="export-btn" on:keydown=on_menu_key>
                    {entries}
                </div>
            </Show>
        </div>
    }
}

/// One entry of the 导出 menu.
enum Entry {
    Item(String, fn(&Ctx)),
    Separator,
    Label(String),
}

fn print_unit_name(tables: &[Table]) -> String {
    tables
        .first()
        .map(|t| {
            non_blank(
                &format!("{}{}", t.unit_code.trim(), t.unit_name.trim()),
                tr("本单位", "this unit"),
            )
        })
        .unwrap_or_default()
}

/// What a menu item works with.
struct Ctx {
    editor: Editor,
    ws: Workspace,
    notices: Notices,
    printer: Printer,
    unit: Vec<Table>,
    share_open: RwSignal<bool>,
}

impl Ctx {
    fn table(&self) -> Table {
        self.editor.table.get_untracked()
    }

    fn print_table(&self) {
        self.printer.open(
            PrintJob {
                tables: vec![self.table()],
                unit: false,
            },
            "export-btn",
        );
    }

    fn print_unit(&self) {
        self.printer.open(
            PrintJob {
                tables: self.unit.clone(),
                unit: true,
            },
            "export-btn",
        );
    }

    fn table_xlsx(&self) {
        let t = self.table();
        save_file(
            self.notices,
            &xlsx::workbook(std::slice::from_ref(&t)),
            XLSX_MIME,
            &table_file_name(&t, "xlsx"),
        );
    }

    fn unit_workbook(&self) {
        save_file(
            self.notices,
            &xlsx::workbook(&self.unit),
            XLSX_MIME,
            &unit_file_name(&self.unit, "xlsx"),
        );
    }

    fn unit_sheet(&self) {
        save_file(
            self.notices,
            &xlsx::document_xlsx(&self.unit),
            XLSX_MIME,
            &unit_file_name(&self.unit, "xlsx"),
        );
    }

    fn table_json(&self) {
        let t = self.table();
        let name = table_file_name(&t, "json");
        let json = exchange::to_json(&Document { tables: vec![t] });
        save_file(self.notices, json.as_bytes(), JSON_MIME, &name);
    }

    fn copy_tsv(&self) {
        let text = tsv::table_tsv(&self.table());
        let notices = self.notices;
        copy_text(text, move |ok| {
            if ok {
                notices.say(Text::new(
                    "已复制为表格文本：可在 Excel 或 WPS 表格中粘贴。",
                    "Copied as table text: paste it into Excel or WPS Spreadsheets.",
                ));
            } else {
                notices.fail(Text::new(
                    "浏览器不允许复制到剪贴板：请改用“导出 Excel”。",
                    "The browser does not allow copying to the clipboard: use “Export to Excel” instead.",
                ));
            }
        });
    }

    fn share(&self) {
        self.share_open.set(true);
    }

    fn backup(&self) {
        match self.ws.backup_json() {
            Ok(json) => {
                let n = self.ws.tables().len();
                let name = backup_file_name();
                match download(json.as_bytes(), JSON_MIME, &name) {
                    Ok(()) => self.notices.say(Text::owned(
                        format!(
                            "已下载草稿箱备份（{n} 个草稿）：{name}。请妥善保存，可在另一台电脑上用“导入”恢复。"
                        ),
                        format!(
                            "Downloaded a backup of the draft box ({}): {name}. Keep it safe; restore it on another computer with “Import”.",
                            count_en(n, "draft", "drafts")
                        ),
                    )),
                    Err(e) => self.notices.fail(e),
                }
            }
            Err(e) => self.notices.fail(e),
        }
    }
}

/// What the import dialog was given.
#[derive(Debug, Clone, PartialEq, Default)]
struct Source {
    text: String,
    /// The clipboard's `text/html`, when it holds a table.
    html: Option<String>,
    /// The file's name, when a file was chosen.
    file: Option<String>,
}

impl Source {
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.html.is_none()
    }
}

/// "3 张表" / "3 tables".
fn tables_in(n: usize, l: Lang) -> String {
    match l {
        Lang::Zh => format!("{n} 张表"),
        Lang::En => count_en(n, "table", "tables"),
    }
}

/// "3 个草稿" / "3 drafts".
fn drafts_in(n: usize, l: Lang) -> String {
    match l {
        Lang::Zh => format!("{n} 个草稿"),
        Lang::En => count_en(n, "draft", "drafts"),
    }
}

/// What the page says once `n` tables are imported and the first, of
/// `project`, is open.
fn imported(n: usize, project: &str) -> Text {
    let (zh, en) = (non_blank(project, "未命名"), non_blank(project, "Untitled"));
    if n == 1 {
        Text::owned(
            format!("已导入 1 张表，已打开：{zh}"),
            format!("Imported 1 table and opened it: {en}"),
        )
    } else {
        Text::owned(
            format!("已导入 {n} 张表（已加入草稿箱），已打开第 1 张：{zh}"),
            format!(
                "Imported {} (added to the draft box) and opened the first: {en}",
                count_en(n, "table", "tables")
            ),
        )
    }
}

/// What the page says once `n` drafts are restored from a backup, with
/// `unread` others that could not be read.
fn restored(n: usize, unread: usize) -> Text {
    let mut zh = format!("已从备份恢复 {n} 个草稿，见草稿箱。");
    let mut en = format!(
        "Restored {} from the backup; see the draft box.",
        count_en(n, "draft", "drafts")
    );
    if unread > 0 {
        zh.push_str(&format!("另有 {unread} 个草稿无法读取。"));
        en.push_str(&format!(
            " {} could not be read.",
            count_en(unread, "other draft", "other drafts")
        ));
    }
    Text::owned(zh, en)
}

/// The 导入 dialog: paste or choose a file, see what was found, confirm.
///
/// The text is read (and the preview built) once per paste, file or burst
/// of typing, never once per input event: the browser's own insertion of
/// text (an IME committing, dropped text, a tool or a test filling the
/// field) fires an input event for every line it inserts, all in one task,
/// with the page's effects running between them. Reading the whole text and
/// rebuilding the preview at each of those events made the dialog quadratic
/// in the length of what was pasted (issue #6); now the events only ask for
/// one read, which runs after the task.
#[component]
fn ImportDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let ws = use_workspace();
    let notices = use_notices();
    let source = RwSignal::new(Source::default());
    let problem = RwSignal::new(None::<String>);
    let area = NodeRef::<html::Textarea>::new();
    let picker = NodeRef::<html::Input>::new();
    // A read of the paste area asked for by input events, not yet done.
    let pending = StoredValue::new(None::<TimeoutHandle>);

    // Reads the paste area now (what the input events asked for).
    let read_area = move || {
        if pending.try_update_value(Option::take).flatten().is_none() {
            return;
        }
        let text = area.get_untracked().map(|a| a.value()).unwrap_or_default();
        source.set(Source {
            text,
            html: None,
            file: None,
        });
    };
    // A paste, a file or a fresh start: what was typed before it is moot.
    let replace = move |s: Source| {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        source.set(s);
    };
    let clear_problem = move || {
        if problem.with_untracked(Option::is_some) {
            problem.set(None);
        }
    };

    // The tables already in the draft box, to tell a second import.
    let existing = StoredValue::new(Vec::<Table>::new());
    // A fresh start each time the dialog opens.
    Effect::new(move |was: Option<bool>| {
        let now = open.get();
        if now && was != Some(true) {
            existing.set_value(ws.tables().into_iter().map(|(_, t)| t).collect());
            replace(Source::default());
            problem.set(None);
            if let Some(a) = area.get_untracked() {
                a.set_value("");
            }
        }
        now
    });

    let found = Memo::new(move |_| {
        let l = lang();
        source.with(|s| {
            (!s.is_empty()).then(|| read_input(&s.text, s.html.as_deref(), s.file.as_deref(), l))
        })
    });

    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        let Some(el) = area.get_untracked() else {
            return;
        };
        // Each paste replaces what is there: the area holds one import.
        ev.prevent_default();
        clear_problem();
        el.set_value(&plain);
        el.set_scroll_top(0);
        replace(Source {
            text: plain,
            html: has_table_tag(&html).then_some(html),
            file: None,
        });
    };
    // O(1) per event: the text is read once, after the events of this task.
    let on_input = move |_: leptos::ev::Event| {
        clear_problem();
        if pending.with_value(Option::is_some) {
            return;
        }
        let handle = set_timeout_with_handle(read_area, Duration::ZERO);
        match handle {
            Ok(h) => pending.set_value(Some(h)),
            Err(_) => {
                // No timer: read now (per event, but correct).
                pending.set_value(None);
                let text = area.get_untracked().map(|a| a.value()).unwrap_or_default();
                source.set(Source {
                    text,
                    html: None,
                    file: None,
                });
            }
        }
    };
    let take_file = move |file: web_sys::File| {
        let name = file.name();
        clear_problem();
        if let Some(a) = area.get_untracked() {
            a.set_value("");
        }
        if let Some(why) = unreadable(&name, lang()) {
            replace(Source::default());
            problem.set(Some(why));
            return;
        }
        // Refused before reading (the text's own limit is checked after).
        if file.size() > 2.0 * limits::MAX_IMPORT_BYTES as f64 {
            replace(Source::default());
            let t = (file.size() * 10.0 / 1_048_576.0 + 0.5) as u64;
            let mb = format!("{}.{}", t / 10, t % 10);
            let max = limits::MAX_IMPORT_BYTES / 1_048_576;
            problem.set(Some(match lang() {
                Lang::Zh => format!("文件「{name}」过大（{mb} MB）：一次最多导入 {max} MB。"),
                Lang::En => format!(
                    "The file “{name}” is too large ({mb} MB): one import takes at most {max} MB."
                ),
            }));
            return;
        }
        let promise = file.array_buffer();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    replace(Source {
                        text: decode_bytes(&bytes),
                        html: None,
                        file: Some(name),
                    });
                }
                Err(_) => problem.set(Some(match lang() {
                    Lang::Zh => format!("无法读取文件「{name}」。"),
                    Lang::En => format!("The file “{name}” cannot be read."),
                })),
            }
        });
    };
    let on_pick = move |_| {
        let Some(input) = picker.get_untracked() else {
            return;
        };
        let file = input.files().and_then(|l| l.get(0));
        input.set_value("");
        if let Some(f) = file {
            take_file(f);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0));
        if let Some(f) = file {
            ev.prevent_default();
            take_file(f);
        }
    };

    let confirm = move |_| {
        // Typing not read yet is read first: the preview is what is imported.
        read_area();
        let Some(Ok(found)) = found.get_untracked() else {
            return;
        };
        match found {
            Found::Tables { tables, .. } => {
                let n = tables.len();
                let first = tables[0].clone();
                match ws.add_tables(tables) {
                    Ok(ids) => {
                        open.set(false);
                        let opened = ids
                            .first()
                            .is_some_and(|id| open_draft(session, notices, id));
                        if opened {
                            notices.say(imported(n, &first.project));
                        }
                    }
                    Err(e) => {
                        replace(Source::default());
                        problem.set(Some(e));
                    }
                }
            }
            Found::Backup { .. } => {
                let text = source.with_untracked(|s| s.text.clone());
                match ws.restore_backup(&text) {
                    Ok((n, problems)) => {
                        open.set(false);
                        notices.say(restored(n, problems.len()));
                    }
                    Err(e) => problem.set(Some(e)),
                }
            }
        }
    };
    let confirm_label = move || {
        let l = lang();
        found.with(|f| match f {
            Some(Ok(Found::Tables { tables, .. })) => match l {
                Lang::Zh => format!("导入 {} 张表", tables.len()),
                Lang::En => format!("Import {}", tables_in(tables.len(), l)),
            },
            Some(Ok(Found::Backup { drafts, .. })) => match l {
                Lang::Zh => format!("恢复 {} 个草稿", drafts.len()),
                Lang::En => format!("Restore {}", drafts_in(drafts.len(), l)),
            },
            _ => l.pick("导入", "Import").to_string(),
        })
    };
    let ready = move || found.with(|f| matches!(f, Some(Ok(_))));
    let status = move || {
        let l = lang();
        found.with(|f| match (f, l) {
            (Some(Ok(Found::Tables { tables, .. })), Lang::Zh) => {
                format!("找到 {} 张表，确认后导入。", tables.len())
            }
            (Some(Ok(Found::Tables { tables, .. })), Lang::En) => {
                format!("Found {}; confirm to import.", tables_in(tables.len(), l))
            }
            (Some(Ok(Found::Backup { drafts, .. })), Lang::Zh) => {
                format!("草稿箱备份，{} 个草稿，确认后恢复。", drafts.len())
            }
            (Some(Ok(Found::Backup { drafts, .. })), Lang::En) => format!(
                "A draft box backup with {}; confirm to restore.",
                drafts_in(drafts.len(), l)
            ),
            _ => String::new(),
        })
    };
    let result = move || {
        found.with(|f| match f {
            Some(Err(msg)) => {
                Some(view! { <p class="import-error" role="alert">{msg.clone()}</p> }.into_any())
            }
            Some(Ok(f)) => {
                let html = existing.with_value(|e| preview_html(f, e, lang()));
                Some(view! { <div inner_html=html></div> }.into_any())
            }
            None => None,
        })
    };
    let file_line = move || {
        source.with(|s| s.file.clone()).map(|name| {
            view! {
                <p class="import-file">
                    {tr("已选择文件：", "File chosen: ")} <b>{name}</b>
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| {
                            replace(Source::default());
                            dom::focus_later("import-paste".into(), None);
                        }
                    >
                        {tr("清除", "Clear")}
                    </button>
                </p>
            }
        })
    };

    view! {
        <Modal open=open title_id="import-title" return_to="import-btn" first_focus="import-paste" class="import-dialog">
            <div class="xfer-head">
                <h2 id="import-title">{tr("导入绩效目标表", "Import performance target tables")}</h2>
                <button type="button" class="icon close" aria-label=tr("关闭", "Close") on:click=move |_| open.set(false)>
                    "×"
                </button>
            </div>
            <p class="xfer-lead" id="import-how">
                {tr(
                    "在 Word、WPS 或 Excel 中选中整张表（可以是一份文件里的多张表），复制后粘贴到下面；\
                     也可以选择文件：文本（.txt）、网页（.htm/.html）、CSV、JSON，或草稿箱备份。\
                     导入前会先列出找到的表，导入的表成为新的草稿，不会改动已有草稿。",
                    "In Word, WPS or Excel, select the whole table (or several tables of one document), \
                     copy it and paste it below. You can also choose a file: text (.txt), web page \
                     (.htm/.html), CSV, JSON or a draft box backup. The tables found are listed before \
                     anything is imported; they become new drafts and existing drafts are not changed.",
                )}
            </p>
            <div class="import-inputs" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="import-paste" class="import-label">{tr("粘贴区", "Paste area")}</label>
                <textarea
                    id="import-paste"
                    node_ref=area
                    rows="6"
                    aria-describedby="import-how"
                    placeholder=tr(
                        "在此处粘贴（Ctrl+V），或把文件拖到这里。再次粘贴会替换这里的内容。",
                        "Paste here (Ctrl+V), or drop a file here. Pasting again replaces what is here.",
                    )
                    on:paste=on_paste
                    on:input=on_input
                ></textarea>
                <div class="import-file-row">
                    <label class="file-button">
                        {tr("选择文件…", "Choose file…")}
                        <input
                            type="file"
                            node_ref=picker
                            class="visually-hidden"
                            accept=".txt,.json,.html,.htm,.tsv,.csv,text/plain,application/json,text/html,text/csv"
                            on:change=on_pick
                        />
                    </label>
                    {file_line}
                </div>
            </div>
            <p class="visually-hidden" role="status">
                {status}
            </p>
            // Scrolls when long: focusable, so the keyboard can scroll it too.
            <div class="import-result" tabindex="0" role="group" aria-label=tr("预览", "Preview")>
                {move || problem.get().map(|p| view! { <p class="import-error" role="alert">{p}</p> })}
                {result}
            </div>
            <div class="xfer-actions">
                <button type="button" class="primary" id="import-go" disabled=move || !ready() on:click=confirm>
                    {confirm_label}
                </button>
                <button type="button" on:click=move |_| open.set(false)>
                    {tr("取消", "Cancel")}
                </button>
            </div>
        </Modal>
    }
}

/// What was found, before anything is added: a summary line, then each
/// table, in `l`. Built as HTML (every text escaped) and set as the inner
/// HTML of the preview's container: a static list, much smaller in the
/// page's code than a tree of components. Built once per change of what
/// was given (see [`ImportDialog`]), in one pass over the tables.
pub fn preview_html(found: &Found, existing: &[Table], l: Lang) -> String {
    let mut out = String::with_capacity(2048);
    let known = |t: &Table| existing.contains(t);
    let again = match found {
        Found::Tables { tables, .. } => tables.iter().filter(|t| known(t)).count(),
        Found::Backup { drafts, .. } => drafts.iter().filter(|d| known(&d.table)).count(),
    };
    match found {
        Found::Tables { from, tables } => {
            let n = tables.len();
            let from = from.label(l);
            let line = match l {
                Lang::Zh => format!("从{from}中找到 {n} 张表："),
                Lang::En => format!("Found {} in the {from}:", tables_in(n, l)),
            };
            push_tag(&mut out, "p", "import-found", &line);
            push_again(&mut out, again, l);
            push_list_start(&mut out, l.pick("找到的表", "Tables found"));
            for t in tables {
                push_item(&mut out, t, None, known(t), l);
            }
        }
        Found::Backup { drafts, problems } => {
            let n = drafts.len();
            let trashed = drafts.iter().filter(|d| d.meta.trashed.is_some()).count();
            let line = match l {
                Lang::Zh => {
                    let mut line = format!("草稿箱备份：{n} 个草稿");
                    if trashed > 0 {
                        line.push_str(&format!("（其中 {trashed} 个在回收站中）"));
                    }
                    line.push_str("。恢复时全部作为新草稿加入，不会改动已有草稿。");
                    line
                }
                Lang::En => {
                    let mut line = format!("Draft box backup: {}", drafts_in(n, l));
                    if trashed > 0 {
                        line.push_str(&format!(" ({trashed} of them in the trash)"));
                    }
                    line.push_str(
                        ". All are added as new drafts when restored; existing drafts are not changed.",
                    );
                    line
                }
            };
            push_tag(&mut out, "p", "import-found", &line);
            push_again(&mut out, again, l);
            for p in problems {
                push_tag(&mut out, "p", "import-missing", p);
            }
            push_list_start(&mut out, l.pick("备份中的草稿", "Drafts in the backup"));
            for d in drafts {
                let note = d
                    .meta
                    .trashed
                    .is_some()
                    .then(|| l.pick("（回收站）", "(in the trash)"));
                push_item(
                    &mut out,
                    &d.table,
                    Some((&d.meta.name, note)),
                    known(&d.table),
                    l,
                );
            }
        }
    }
    out.push_str("</ol>");
    out
}

fn push_list_start(out: &mut String, label: &str) {
    out.push_str("<ol class=\"import-list\" aria-label=\"");
    out.push_str(&escape_html(label));
    out.push_str("\">");
}

fn push_again(out: &mut String, again: usize, l: Lang) {
    if again > 0 {
        let text = match (l, again) {
            (Lang::Zh, _) => format!("其中 {again} 张与草稿箱中已有的表完全相同，导入后会重复。"),
            (Lang::En, 1) => "1 of them is identical to a table already in the draft box and would be imported twice.".to_string(),
            (Lang::En, _) => format!(
                "{} of them are identical to tables already in the draft box and would be imported twice.",
                crate::domain::lang::grouped(again)
            ),
        };
        push_tag(out, "p", "import-missing", &text);
    }
}

fn push_tag(out: &mut String, tag: &str, class: &str, text: &str) {
    use std::fmt::Write;
    let _ = write!(
        out,
        "<{tag} class=\"{class}\">{}</{tag}>",
        escape_html(text)
    );
}

/// "错误 0 提示 1", as the page's count lines show it, in `l`.
pub fn counts_html(c: Counts, l: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::from("<span class=\"counts\">");
    for (label, n, class) in [
        (l.pick("错误", "Errors"), c.errors, "error"),
        (l.pick("警告", "Warnings"), c.warnings, "warning"),
        (l.pick("提示", "Hints"), c.hints, "hint"),
    ] {
        let class = if n > 0 { class } else { "zero" };
        let _ = write!(
            out,
            "<span class=\"count {class}\">{label} <b>{n}</b></span>"
        );
    }
    out.push_str("</span>");
    out
}

/// Findings as the page lists them: tag, place, message, in `l`.
pub fn findings_html(findings: &[Finding], class: &str, l: Lang) -> String {
    use std::fmt::Write;
    let mut out = format!("<ul class=\"{class}\">");
    for f in findings {
        let sev = f.severity();
        let _ = write!(
            out,
            "<li class=\"msg {}\"><span class=\"tag\">{}</span><span class=\"where\">{}</span>{}</li>",
            super::fields::severity_class(sev),
            sev.label(l),
            escape_html(&f.place.label(l)),
            escape_html(f.message_in(l))
        );
    }
    out
}

/// One table of the preview. `named`: the draft's name in a backup.
fn push_item(
    out: &mut String,
    t: &Table,
    named: Option<(&str, Option<&str>)>,
    known: bool,
    l: Lang,
) {
    let p = preview(t);
    let title = match named {
        Some((name, _)) if !name.trim().is_empty() => name.to_string(),
        _ => non_blank(&p.project, l.pick("（未填项目名称）", "(no project name)")),
    };
    out.push_str("<li class=\"import-item\"><div class=\"import-item-head\">");
    push_tag(out, "b", "import-project", &title);
    if let Some(note) = named.and_then(|(_, n)| n) {
        push_tag(out, "span", "muted", note);
    }
    if known {
        push_tag(
            out,
            "span",
            "muted",
            l.pick("（草稿箱中已有）", "(already in the draft box)"),
        );
    }
    out.push_str(&counts_html(p.counts, l));
    out.push_str("</div>");
    let mut facts = Vec::new();
    if !p.unit.is_empty() {
        facts.push(p.unit.clone());
    }
    facts.push(match (l, p.budget.is_empty()) {
        (Lang::Zh, true) => "预算数空缺".to_string(),
        (Lang::Zh, false) => format!("预算数 {}", p.budget),
        (Lang::En, true) => "no budget".to_string(),
        (Lang::En, false) => format!("budget {}", p.budget),
    });
    facts.push(match l {
        Lang::Zh => format!("指标 {} 项", p.indicators),
        Lang::En => count_en(p.indicators, "indicator", "indicators"),
    });
    push_tag(out, "div", "import-facts", &facts.join(" · "));
    if !p.missing.is_empty() {
        let names: Vec<&str> = p.missing.iter().map(|m| m.label(l)).collect();
        let text = match l {
            Lang::Zh => format!("不完整：缺少{}", names.join("、")),
            Lang::En => format!("Incomplete: no {}", names.join(", ")),
        };
        push_tag(out, "p", "import-missing", &text);
    }
    if !p.first.is_empty() {
        out.push_str(&findings_html(&p.first, "import-findings", l));
        if p.more > 0 {
            let more = match l {
                Lang::Zh => format!("另有 {} 条", p.more),
                Lang::En => format!("{} more", crate::domain::lang::grouped(p.more)),
            };
            push_tag(out, "li", "more", &more);
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FIXTURE: &str = include_str!("../../tests/fixtures/tianjin-2025-tables-1-8.txt");
    const EXCEL_TSV: &str = include_str!("../../tests/fixtures/clipboard/excel.tsv");
    const WORD_HTML: &str = include_str!("../../tests/fixtures/clipboard/word.html");

    fn table_count(found: Result<Found, String>) -> usize {
        match found {
            Ok(Found::Tables { tables, .. }) => tables.len(),
            other => panic!("expected tables, got {other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn recognises_each_form() {
        assert!(!looks_tab_separated(FIXTURE));
        assert_eq!(table_count(read_input(FIXTURE, None, None, Lang::Zh)), 8);
        assert!(looks_tab_separated(EXCEL_TSV));
        assert_eq!(table_count(read_input(EXCEL_TSV, None, None, Lang::Zh)), 1);
        assert_eq!(
            table_count(read_input("", Some(WORD_HTML), None, Lang::Zh)),
            1
        );
        // A file of HTML, without the clipboard's html part.
        assert_eq!(
            table_count(read_input(WORD_HTML, None, Some("t.htm"), Lang::Zh)),
            1
        );
        let doc = layout::import(FIXTURE).unwrap();
        let json = exchange::to_json(&doc);
        assert_eq!(
            table_count(read_input(&json, None, Some("a.json"), Lang::Zh)),
            8
        );
        let link = share::link("https://x/jixiao/", &doc.tables[2]).unwrap();
        match read_input(&link, None, None, Lang::Zh) {
            Ok(Found::Tables { from, tables }) => {
                assert_eq!(from, Origin::ShareLink);
                assert_eq!(from.label(Lang::Zh), "分享链接");
                assert_eq!(tables[0], doc.tables[2]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[wasm_bindgen_test]
    fn says_why_when_nothing_is_a_table() {
        let e = read_input("随便一段话", None, None, Lang::Zh).unwrap_err();
        assert!(e.contains("没有找到绩效目标表"), "{e}");
        assert_eq!(read_input("  ", None, None, Lang::Zh).unwrap_err(), NOTHING);
        let e = read_input(r#"{"hello":1}"#, None, None, Lang::Zh).unwrap_err();
        assert!(e.contains("不是绩效目标表编制器的文件"), "{e}");
        let e = read_input(
            "",
            Some("<p>no</p><table><tr><td>x</td></tr></table>"),
            None,
            Lang::Zh,
        )
        .unwrap_err();
        assert!(e.contains("不像绩效目标表"), "{e}");
        assert!(unreadable("去年.docx", Lang::Zh).unwrap().contains("复制"));
        assert!(unreadable("a.txt", Lang::Zh).is_none());
    }

    #[wasm_bindgen_test]
    fn limits_apply_to_every_form() {
        let big = "x".repeat(limits::MAX_IMPORT_BYTES + 1);
        assert!(read_input(&big, None, None, Lang::Zh)
            .unwrap_err()
            .contains("内容过大"));
        assert!(read_input("", Some(&big), None, Lang::Zh)
            .unwrap_err()
            .contains("内容过大"));
        let long = Table {
            project: "项".repeat(limits::MAX_FIELD_CHARS + 1),
            ..Table::default()
        };
        let json = exchange::to_json(&Document { tables: vec![long] });
        let e = read_input(&json, None, None, Lang::Zh).unwrap_err();
        assert!(e.contains("项目名称") && e.contains("过长"), "{e}");
    }

    #[wasm_bindgen_test]
    fn csv_and_encodings() {
        let rows = parse_csv("a,\"b,c\"\r\n\"say \"\"hi\"\"\",\n\"two\nlines\",x");
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b,c".into()],
                vec!["say \"hi\"".into(), "".into()],
                vec!["two\nlines".into(), "x".into()],
            ]
        );
        assert_eq!(decode_bytes(&[0xEF, 0xBB, 0xBF, b'a']), "a");
        assert_eq!(decode_bytes(&[0xFF, 0xFE, 0x2D, 0x4E]), "中");
        // 中文 in GBK.
        assert_eq!(decode_bytes(&[0xD6, 0xD0, 0xCE, 0xC4]), "中文");
    }

    #[wasm_bindgen_test]
    fn file_names_are_safe() {
        assert_eq!(file_stem(" a/b:c*?\n d. ", "x"), "a_b_c__ d");
        assert_eq!(file_stem("  ", "x"), "x");
        let t = Table {
            project: "科技统计<信息>系统".into(),
            ..Table::default()
        };
        assert_eq!(
            table_file_name(&t, "xlsx"),
            "科技统计_信息_系统绩效目标表.xlsx"
        );
        assert_eq!(
            table_file_name(&Table::default(), "json"),
            "未命名绩效目标表.json"
        );
        assert!(backup_file_name().starts_with("绩效目标表草稿箱备份-20"));
    }

    #[wasm_bindgen_test]
    fn preview_html_escapes_and_marks_repeats() {
        let hostile = Table {
            project: "<img src=x onerror=alert(1)>".into(),
            unit_name: "\"><script>".into(),
            ..Table::default()
        };
        let found = Found::Tables {
            from: Origin::Text,
            tables: vec![hostile.clone()],
        };
        let html = preview_html(&found, &[], Lang::Zh);
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("草稿箱中已有"));
        let html = preview_html(&found, &[hostile], Lang::Zh);
        assert!(
            html.contains("其中 1 张与草稿箱中已有的表完全相同"),
            "{html}"
        );
    }

    #[wasm_bindgen_test]
    fn preview_says_what_is_missing() {
        let doc = layout::import(FIXTURE).unwrap();
        let p = preview(&doc.tables[0]);
        assert_eq!(p.project, "科技统计信息系统建设和运维");
        assert!(p.budget.starts_with("45.00"));
        assert!(p.missing.is_empty());
        let p = preview(&Table {
            project: "只有名称".into(),
            ..Table::default()
        });
        let names: Vec<&str> = p.missing.iter().map(|m| m.label(Lang::Zh)).collect();
        assert_eq!(
            names,
            vec!["单位", "预算数", "资金用途", "绩效目标", "绩效指标"]
        );
        assert!(p.counts.errors > 0);
        assert!(p.first.len() <= FIRST_FINDINGS);
        assert_eq!(p.first[0].severity(), Severity::Error);
    }

    #[wasm_bindgen_test]
    fn says_it_in_english_too() {
        let e = read_input("随便一段话", None, None, Lang::En).unwrap_err();
        assert!(e.starts_with("Line 1: No performance target table"), "{e}");
        assert_eq!(
            read_input("  ", None, None, Lang::En).unwrap_err(),
            NOTHING_EN
        );
        let big = "x".repeat(limits::MAX_IMPORT_BYTES + 1);
        let e = read_input(&big, None, None, Lang::En).unwrap_err();
        assert!(e.starts_with("Too large"), "{e}");
        let e = unreadable("去年.docx", Lang::En).unwrap();
        assert!(e.starts_with("A .docx file cannot be read directly"), "{e}");
        let found = read_input(FIXTURE, None, None, Lang::En).unwrap();
        let html = preview_html(&found, &[], Lang::En);
        assert!(html.contains("Found 8 tables in the text:"), "{html}");
        assert!(html.contains("aria-label=\"Tables found\""), "{html}");
        assert!(html.contains("budget 45.00 万元"), "{html}");
        assert!(
            !html.contains("张表") && !html.contains("预算数 ") && !html.contains("错误 <b>"),
            "{html}"
        );
        let zh = preview_html(&found, &[], Lang::Zh);
        assert!(zh.contains("从文本中找到 8 张表："), "{zh}");
    }
}
