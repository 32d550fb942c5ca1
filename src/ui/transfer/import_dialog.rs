//! The 导入 dialog: paste or choose a file, see what was found, confirm.
//!
//! The text is read (and the preview built) once per paste, file or burst
//! of typing, never once per input event: the browser's own insertion of
//! text (an IME committing, dropped text, a tool or a test filling the
//! field) fires an input event for every line it inserts, all in one task,
//! with the page's effects running between them. Reading the whole text and
//! rebuilding the preview at each of those events made the dialog quadratic
//! in the length of what was pasted (`tests/web_import.rs` pastes and fills
//! up to 104 tables); now the events only ask for one read, which runs
//! after the task.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use crate::domain::{Table, Text};
use crate::ui::drafts::use_session;
use crate::ui::lang::{lang, tr};
use crate::ui::platform::dom;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::notice::use_notices;

use super::import_source::{self, Source};
use super::import_words::{confirm_label, imported, restored, status_line};
use super::preview_html::preview_html;
use super::reading::{has_table_tag, read, Found};
use super::unit::{open_draft, use_workspace};

/// The 导入 dialog, open while `open` is true.
#[component]
pub fn ImportDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let ws = use_workspace();
    let notices = use_notices();
    let source = RwSignal::new(Source::default());
    let problem = RwSignal::new(None::<Text>);
    let area = NodeRef::<html::Textarea>::new();
    let picker = NodeRef::<html::Input>::new();
    // A read of the paste area asked for by input events, not yet done.
    let pending = StoredValue::new(None::<TimeoutHandle>);

    // Reads the paste area now (what the input events asked for).
    // Returns whether there was typing to read.
    let read_area = move || {
        if pending.try_update_value(Option::take).flatten().is_none() {
            return false;
        }
        let text = area.get_untracked().map(|a| a.value()).unwrap_or_default();
        source.set(Source::typed(text));
        true
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

    // What the formats worker read from `source` (in both languages), and
    // which read is the latest: an earlier read that answers late is moot.
    let found = RwSignal::new(None::<Result<Found, Text>>);
    let reads = StoredValue::new(0u64);
    Effect::new(move |_| {
        let s = source.get();
        let n = reads.get_value() + 1;
        reads.set_value(n);
        found.set(None);
        if s.is_empty() {
            return;
        }
        read(&s, move |r| {
            if reads.try_get_value() == Some(n) {
                found.set(Some(r));
            }
        });
    });
    // Reading: something was given and its read has not come back yet.
    let reading = move || found.with(Option::is_none) && !source.with(Source::is_empty);

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
            word: None,
        });
    };
    // O(1) per event: the text is read once, after the events of this task.
    let on_input = move |_: leptos::ev::Event| {
        clear_problem();
        if pending.with_value(Option::is_some) {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                read_area();
            },
            Duration::ZERO,
        );
        match handle {
            Ok(h) => pending.set_value(Some(h)),
            Err(_) => {
                // No timer: read now (per event, but correct).
                pending.set_value(None);
                let text = area.get_untracked().map(|a| a.value()).unwrap_or_default();
                source.set(Source::typed(text));
            }
        }
    };
    let take_file = move |file: web_sys::File| {
        clear_problem();
        if let Some(a) = area.get_untracked() {
            a.set_value("");
        }
        if let Some(why) = import_source::refused(&file) {
            replace(Source::default());
            problem.set(Some(why));
            return;
        }
        leptos::task::spawn_local(async move {
            match import_source::read(file).await {
                Ok(s) => replace(s),
                Err(why) => problem.set(Some(why)),
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
        // Typing not read yet is read first, and its preview shown: the
        // preview is what is imported.
        if read_area() || reading() {
            return;
        }
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
                        problem.set(Some(Text::same(e)));
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
                    Err(e) => problem.set(Some(Text::same(e))),
                }
            }
        }
    };
    let confirm_label = move || found.with(|f| confirm_label(f.as_ref(), lang()));
    let ready = move || found.with(|f| matches!(f, Some(Ok(_))));
    let status = move || {
        if reading() {
            return tr("正在读取…", "Reading…").to_string();
        }
        found.with(|f| status_line(f.as_ref(), lang()))
    };
    let result = move || {
        found.with(|f| match f {
            Some(Err(msg)) => Some(
                view! { <p class="import-error" role="alert">{msg.get(lang()).to_string()}</p> }
                    .into_any(),
            ),
            Some(Ok(f)) => {
                let html = existing.with_value(|e| preview_html(f, e, lang()));
                Some(view! { <div inner_html=html></div> }.into_any())
            }
            None if reading() => Some(
                view! { <p class="import-reading">{tr("正在读取…", "Reading…")}</p> }.into_any(),
            ),
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
                     也可以选择文件：Word 文档（.docx）、文本（.txt）、网页（.htm/.html）、CSV、JSON，或草稿箱备份。\
                     导入前会先列出找到的表，导入的表成为新的草稿，不会改动已有草稿。",
                    "In Word, WPS or Excel, select the whole table (or several tables of one document), \
                     copy it and paste it below. You can also choose a file: a Word document (.docx), \
                     text (.txt), web page (.htm/.html), CSV, JSON or a draft box backup. The tables found are listed before \
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
                            accept=".docx,.txt,.json,.html,.htm,.tsv,.csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/json,text/html,text/csv"
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
                {move || {
                    problem
                        .get()
                        .map(|p| view! { <p class="import-error" role="alert">{p.get(lang()).to_string()}</p> })
                }}
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
