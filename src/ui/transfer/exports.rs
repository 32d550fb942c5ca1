//! What each entry of the 导出 menu does: print, Excel, Word, table text, JSON,
//! the share dialog, a backup of the draft box. Files are saved with the
//! page's one download (`src/ui/platform/download.rs`) and said so in a
//! notice.

use leptos::prelude::*;

use crate::domain::{Document, Table, Text};
use crate::formats::job::{Done, Job};
use crate::formats::{docx, exchange, tsv};
use crate::ui::editor::Editor;
use crate::ui::platform::clipboard::copy_text;
use crate::ui::platform::courier;
use crate::ui::platform::download::{download, JSON_MIME, XLSX_MIME};
use crate::ui::widgets::notice::Notices;
use crate::ui::workspace::{count_en, Workspace};

use super::print::{PrintJob, Printer};
use crate::formats::file_name::{self, LocalTime};

/// Downloads a file and says so (with `note` after, when there is one).
pub fn save_file(notices: Notices, bytes: &[u8], mime: &str, name: &str) {
    save_file_noting(notices, bytes, mime, name, None)
}

fn save_file_noting(notices: Notices, bytes: &[u8], mime: &str, name: &str, note: Option<Text>) {
    let (zh, en) = note.map(|n| (n.zh, n.en)).unwrap_or_default();
    match download(bytes, mime, name) {
        Ok(()) => notices.say(Text::owned(
            format!("已下载：{name}{zh}"),
            format!("Downloaded: {name}{en}"),
        )),
        Err(e) => notices.fail(e),
    }
}

thread_local! {
    /// A file is being written: one at a time, so a second click does not
    /// download it twice.
    static WRITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How long a file may take before the page says it is being made.
const SAY_WORKING_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// Has the formats worker write a file (a workbook, a Word document) and
/// downloads it as `name`, or says why it could not.
pub fn write_file(notices: Notices, job: Job, mime: &'static str, name: String) {
    write_file_noting(notices, job, mime, name, None)
}

/// As [`write_file`], saying `note` after the file's name once it is
/// downloaded.
pub fn write_file_noting(
    notices: Notices,
    job: Job,
    mime: &'static str,
    name: String,
    note: Option<Text>,
) {
    if WRITING.get() {
        notices.say(Text::new(
            "正在生成上一个文件，请稍候。",
            "Still making the last file: please wait.",
        ));
        return;
    }
    WRITING.set(true);
    // Said only when the file takes a while (the first export also loads
    // the formats worker).
    let working = {
        let (zh, en) = (format!("正在生成：{name}…"), format!("Making {name}…"));
        set_timeout_with_handle(move || notices.say(Text::owned(zh, en)), SAY_WORKING_AFTER).ok()
    };
    courier::send(job, Vec::new(), move |done, bytes| {
        WRITING.set(false);
        if let Some(h) = working {
            h.clear();
        }
        match done {
            Done::Bytes => save_file_noting(notices, &bytes, mime, &name, note),
            Done::Failed(why) => notices.fail(why),
            other => notices.fail(Text::owned(
                format!("导出得到了意外的结果：{other:?}"),
                format!("The export gave an unexpected result: {other:?}"),
            )),
        }
    });
}

/// What the menu's entries work with; each method is one entry.
pub struct Exports {
    pub editor: Editor,
    pub ws: Workspace,
    pub notices: Notices,
    pub printer: Printer,
    /// The unit's documents (see `unit.rs`).
    pub unit: Vec<Table>,
    pub share_open: RwSignal<bool>,
}

impl Exports {
    fn table(&self) -> Table {
        self.editor.table.get_untracked()
    }

    pub fn print_table(&self) {
        self.printer.open(
            PrintJob {
                tables: vec![self.table()],
                unit: false,
            },
            "export-btn",
        );
    }

    pub fn print_unit(&self) {
        self.printer.open(
            PrintJob {
                tables: self.unit.clone(),
                unit: true,
            },
            "export-btn",
        );
    }

    pub fn table_xlsx(&self) {
        let t = self.table();
        let name = file_name::of_table(&t, "xlsx");
        write_file(
            self.notices,
            Job::Workbook { tables: vec![t] },
            XLSX_MIME,
            name,
        );
    }

    pub fn unit_workbook(&self) {
        write_file(
            self.notices,
            Job::Workbook {
                tables: self.unit.clone(),
            },
            XLSX_MIME,
            file_name::of_unit(&self.unit, "xlsx"),
        );
    }

    pub fn unit_sheet(&self) {
        write_file(
            self.notices,
            Job::OneSheet {
                tables: self.unit.clone(),
            },
            XLSX_MIME,
            file_name::of_unit(&self.unit, "xlsx"),
        );
    }

    /// `<项目名称>.docx`: the open table in the official layout.
    pub fn table_docx(&self) {
        let t = self.table();
        let name = format!("{}.docx", file_name::stem(&t.project, "未命名"));
        write_file(
            self.notices,
            Job::Word { tables: vec![t] },
            docx::MIME,
            name,
        );
    }

    /// The unit's tables in one Word document, each on its own page.
    pub fn unit_docx(&self) {
        write_file(
            self.notices,
            Job::Word {
                tables: self.unit.clone(),
            },
            docx::MIME,
            file_name::of_unit(&self.unit, "docx"),
        );
    }

    pub fn table_json(&self) {
        let t = self.table();
        let name = file_name::of_table(&t, "json");
        let json = exchange::to_json(&Document { tables: vec![t] });
        save_file(self.notices, json.as_bytes(), JSON_MIME, &name);
    }

    pub fn copy_tsv(&self) {
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

    pub fn share(&self) {
        self.share_open.set(true);
    }

    pub fn backup(&self) {
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

/// `绩效目标表草稿箱备份-2025-03-07-0930.json`, in the author's local time.
fn backup_file_name() -> String {
    let d = js_sys::Date::new_0();
    file_name::of_backup(LocalTime {
        year: d.get_full_year(),
        month: d.get_month() + 1,
        day: d.get_date(),
        hour: d.get_hours(),
        minute: d.get_minutes(),
    })
}
