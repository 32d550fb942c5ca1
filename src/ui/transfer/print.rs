//! The print view: tables in the official published layout, as they print.
//!
//! The HTML comes from [`print::document_html`], which escapes every piece
//! of text; it is set as the inner HTML of a dedicated container and
//! nothing else. [`PRINT_CSS`] is put into `<head>` once.
//!
//! The view (and the read-only view of a shared table, [`super::share`])
//! is a "paper" page: while it is open the editor is hidden (not
//! destroyed) and only the paper shows. In print only the paper layer
//! prints, never the app's chrome: a page printed from the editor with
//! Ctrl+P gets the current table in the official layout too (filled in
//! just before printing, see [`PrintFallback`]).

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::domain::rules::{self, Counts};
use crate::domain::{Lang, Table};
use crate::formats::print::{self, PrintOptions, PRINT_CSS};

use crate::ui::lang::{lang, tr};
use crate::ui::platform::dom;
use crate::ui::workspace::count_en;

/// The `<div>` the paper views are mounted in (a child of `<body>`).
pub const LAYER_ID: &str = "paper-layer";
/// The `<div>` filled just before printing from the editor.
pub const AUTO_ID: &str = "print-auto";
/// Class of `<body>` while a paper view is open.
const OPEN_CLASS: &str = "paper-open";
const CSS_ID: &str = "jixiao-print-css";

/// Puts [`PRINT_CSS`] into `<head>` and the paper layers into `<body>`,
/// once. Returns the layer the paper views mount in.
pub fn ensure_layers() -> web_sys::Element {
    let doc = document();
    if doc.get_element_by_id(CSS_ID).is_none() {
        if let (Ok(style), Some(head)) = (doc.create_element("style"), doc.head()) {
            style.set_id(CSS_ID);
            style.set_text_content(Some(PRINT_CSS));
            let _ = head.append_child(&style);
        }
    }
    let body = doc.body().expect("the page has a body");
    for id in [AUTO_ID, LAYER_ID] {
        if doc.get_element_by_id(id).is_none() {
            let div = doc.create_element("div").expect("a div");
            div.set_id(id);
            div.set_class_name("paper-layer");
            let _ = body.append_child(&div);
        }
    }
    doc.get_element_by_id(LAYER_ID).expect("just made")
}

/// What the print view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintJob {
    /// In order; numbered 1., 2. … in the titles.
    pub tables: Vec<Table>,
    /// A unit's documents: the cover line with the count and total budget.
    pub unit: bool,
}

impl PrintJob {
    pub fn html(&self) -> String {
        print::document_html(
            &self.tables,
            &PrintOptions {
                summary: self.unit,
                standalone: false,
            },
        )
    }

    /// The page title while the view is open: what "save as PDF" names
    /// the file. In Chinese in both languages: it names the official form
    /// (`…绩效目标表`, `…财政项目支出绩效目标申报表`).
    pub fn heading(&self) -> String {
        match self.tables.as_slice() {
            [one] if !self.unit => format!("{}{}", one.project.trim(), one.form.spec().title),
            tables => {
                let s = print::unit_summary(tables);
                let unit = s.unit.unwrap_or_default();
                format!("{unit}绩效目标表（{} 张）", s.tables)
            }
        }
    }
}

/// Opens and closes the print view. `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Printer {
    pub job: RwSignal<Option<PrintJob>>,
    /// The DOM id focus returns to when the view closes.
    return_to: StoredValue<Option<String>>,
}

impl Printer {
    pub fn new() -> Printer {
        Printer {
            job: RwSignal::new(None),
            return_to: StoredValue::new(None),
        }
    }

    pub fn open(&self, job: PrintJob, return_to: &str) {
        self.return_to.set_value(Some(return_to.to_string()));
        self.job.set(Some(job));
    }

    pub fn close(&self) {
        self.job.set(None);
        if let Some(id) = self.return_to.get_value() {
            dom::focus_later(id, None);
        }
    }
}

impl Default for Printer {
    fn default() -> Self {
        Printer::new()
    }
}

/// Calls the browser's print dialog.
pub fn print_now() {
    let _ = window().print();
}

/// Marks the page while a paper view is mounted: the editor is hidden, the
/// page title names the document. Undone when the view goes.
pub fn paper_mounted(title: String) {
    let doc = document();
    let old_title = doc.title();
    doc.set_title(&title);
    if let Some(body) = doc.body() {
        let _ = body.class_list().add_1(OPEN_CLASS);
    }
    let scrolled = window().scroll_y().unwrap_or(0.0);
    window().scroll_to_with_x_and_y(0.0, 0.0);
    on_cleanup(move || {
        let doc = document();
        doc.set_title(&old_title);
        if let Some(body) = doc.body() {
            let _ = body.class_list().remove_1(OPEN_CLASS);
        }
        // Back where the author was in the editor.
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, scrolled));
    });
}

/// Keeps the editor's shortcuts (撤销 Ctrl+Z, 重做 Ctrl+Y) from acting on
/// the hidden editor while a paper view is open.
pub fn keep_shortcuts(ev: leptos::ev::KeyboardEvent) {
    if (ev.ctrl_key() || ev.meta_key())
        && matches!(ev.key().to_ascii_lowercase().as_str(), "z" | "y")
    {
        ev.stop_propagation();
    }
}

/// Whether a paper view is open.
pub fn paper_open() -> bool {
    document()
        .body()
        .is_some_and(|b| b.class_list().contains(OPEN_CLASS))
}

/// The tables as printed, in a container of their own. On a phone it
/// scrolls sideways inside its box, so it takes focus: the keyboard can
/// scroll it too.
#[component]
pub fn Paper(html: String) -> impl IntoView {
    view! {
        <div
            class="paper"
            tabindex="0"
            role="region"
            aria-label=tr("表（官方版式）", "The table (official layout)")
            inner_html=html
        ></div>
    }
}

/// "错误 1 · 警告 2" of a set of tables, for the bar of the view.
pub fn counts_of(tables: &[Table]) -> Counts {
    let mut c = Counts::default();
    for t in tables {
        let n = Counts::of(&rules::check(t));
        c.errors += n.errors;
        c.warnings += n.warnings;
        c.hints += n.hints;
    }
    c
}

/// The print view, while [`Printer::job`] is set. `on_excel` exports the
/// same tables as a workbook.
#[component]
pub fn PrintView(on_excel: Callback<PrintJob>) -> impl IntoView {
    let printer = expect_context::<Printer>();
    let layer = ensure_layers();
    move || {
        printer.job.get().map(|job| {
            let layer = layer.clone();
            view! {
                <Portal mount=layer>
                    <PrintPage job=job.clone() on_excel=on_excel />
                </Portal>
            }
        })
    }
}

#[component]
fn PrintPage(job: PrintJob, on_excel: Callback<PrintJob>) -> impl IntoView {
    let printer = expect_context::<Printer>();
    paper_mounted(job.heading());
    let counts = counts_of(&job.tables);
    let n = job.tables.len();
    let l = lang();
    let scope = if job.unit {
        let s = print::unit_summary(&job.tables);
        let unit = s
            .unit
            .unwrap_or_else(|| l.pick("本单位", "This unit").into());
        match l {
            Lang::Zh => format!(
                "{unit}，共 {n} 张表，预算数合计 {}{}",
                s.total,
                s.money_unit.label()
            ),
            Lang::En => format!(
                "{unit}: {}, total budget {} {}",
                count_en(n, "table", "tables"),
                crate::domain::lang::group_thousands(&s.total.to_string()),
                s.money_unit.label()
            ),
        }
    } else {
        let t = &job.tables[0];
        match l {
            Lang::Zh => format!("本表：{}", non_blank(&t.project, "（未填项目名称）")),
            Lang::En => format!("This table: {}", non_blank(&t.project, "(no project name)")),
        }
    };
    let note = (counts.errors > 0).then(|| match l {
        Lang::Zh => format!(
            "注意：{}仍有 {} 个错误（打印件上不显示）。提交前请在编辑页修改。",
            if n > 1 { "这些表" } else { "本表" },
            counts.errors
        ),
        Lang::En => format!(
            "Note: {} still {} {} (not shown on the printout). Correct them in the editor before submitting.",
            if n > 1 { "these tables" } else { "this table" },
            if n > 1 { "have" } else { "has" },
            count_en(counts.errors, "error", "errors")
        ),
    });
    let html = job.html();
    let close = move |_| printer.close();
    let excel_job = job.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() {
            ev.prevent_default();
            printer.close();
        }
    });
    on_cleanup(move || handle.remove());
    dom::focus_later("print-go".into(), None);
    view! {
        <div class="paper-view" role="region" aria-labelledby="print-h" on:keydown=keep_shortcuts>
            <div class="paper-bar no-print">
                <h2 id="print-h">{tr("打印预览", "Print preview")}</h2>
                <span class="paper-scope">{scope}</span>
                <span class="paper-actions">
                    <button type="button" id="print-go" class="primary" on:click=move |_| print_now()>
                        {tr("打印", "Print")}
                    </button>
                    <button type="button" on:click=move |_| on_excel.run(excel_job.clone())>
                        {tr("导出 Excel", "Export to Excel")}
                    </button>
                    <button type="button" on:click=close>
                        {tr("返回编辑", "Back to editor")}
                    </button>
                </span>
            </div>
            {note.map(|n| view! { <p class="paper-note no-print">{n}</p> })}
            <p class="paper-hint no-print">
                {tr(
                    "A4 纵向，每张表从新的一页开始；打印对话框中可选择“另存为 PDF”。按 Esc 返回编辑。",
                    "A4 portrait; each table starts on a new page. To get a PDF, choose “Save as PDF” in the print dialog. Press Esc to go back to the editor.",
                )}
            </p>
            <Paper html=html />
        </div>
    }
}

/// Text or a stand-in when blank.
pub fn non_blank(text: &str, instead: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        instead.to_string()
    } else {
        t.to_string()
    }
}

/// Printing from the editor (Ctrl+P, the browser's menu): the current
/// table prints in the official layout, not the editor's form. The layer
/// is filled just before printing and emptied after.
#[component]
pub fn PrintFallback(table: Signal<Table>) -> impl IntoView {
    ensure_layers();
    let before = window_event_listener_untyped("beforeprint", move |_| {
        if paper_open() {
            return;
        }
        if let Some(el) = document().get_element_by_id(AUTO_ID) {
            let html = table.with_untracked(|t| {
                print::document_html(std::slice::from_ref(t), &PrintOptions::default())
            });
            el.set_inner_html(&html);
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| {
        if let Some(el) = document().get_element_by_id(AUTO_ID) {
            el.set_inner_html("");
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}
