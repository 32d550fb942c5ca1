//! 导入… and 导出 in the top bar, with what they open: the import dialog,
//! the export menu, the share dialog, the print view, and the notices.

use leptos::prelude::*;

use crate::formats::job::Job;
use crate::ui::editor::use_editor;
use crate::ui::lang::tr;
use crate::ui::platform::download::XLSX_MIME;
use crate::ui::widgets::notice::use_notices;

use super::export_menu::ExportMenu;
use super::exports::write_file;
use super::import_dialog::ImportDialog;
use super::print::{PrintFallback, PrintJob, PrintView, Printer};
use super::share::{ShareDialog, SharedOpener};
use crate::formats::file_name;

/// 导入… and 导出 in the top bar, with their dialogs, the print view, the
/// share link opener and the messages.
#[component]
pub fn TransferBar() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let printer = Printer::new();
    provide_context(printer);
    let import_open = RwSignal::new(false);
    let share_open = RwSignal::new(false);
    let on_excel = Callback::new(move |job: PrintJob| {
        let name = if job.unit {
            file_name::of_unit(&job.tables, "xlsx")
        } else {
            file_name::of_table(&job.tables[0], "xlsx")
        };
        write_file(
            notices,
            Job::Workbook { tables: job.tables },
            XLSX_MIME,
            name,
        );
    });
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
        <ShareDialog open=share_open />
        <SharedOpener />
        <PrintView on_excel=on_excel />
        <PrintFallback table=editor.table.into() />
    }
}
