//! 分享链接: the current table inside the page's address, and opening one.
//!
//! The table travels compressed in the URL fragment (`#share=v1.…`,
//! [`share::link`]); browsers never send the fragment to a server, so the
//! table goes only where the link is pasted. Opening a page with such a
//! fragment shows the table read-only, in the printed layout, with what the
//! check finds; 保存为我的草稿 adds it to the draft box and opens it. A
//! damaged or altered link says what is wrong and the page works as usual.

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::domain::rules::{self, Counts};
use crate::domain::{Lang, Table, Text};
use crate::formats::job::{Done, Job};
use crate::formats::share;

use crate::domain::lang::grouped;
use crate::ui::drafts::use_session;
use crate::ui::editor::use_editor;
use crate::ui::lang::{lang, tr};
use crate::ui::platform::clipboard::copy_text;
use crate::ui::platform::courier;
use crate::ui::platform::dom;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::notice::use_notices;
use crate::ui::workspace::count_en;

use super::preview_html::{counts_html, findings_html};
use super::print::{
    ensure_layers, keep_shortcuts, non_blank, paper_mounted, print_now, Paper, PrintJob,
};
use super::unit::{open_draft, use_workspace};

/// The page's address without its fragment.
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The 分享链接 dialog: the link to the table in the editor, and a button
/// to copy it.
#[component]
pub fn ShareDialog(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let copied = RwSignal::new(false);
    // Made when the dialog opens, from the table as it is then (by the
    // formats worker; `None` until it answers).
    let made = RwSignal::new(None::<Result<String, Text>>);
    Effect::new(move |_| {
        made.set(None);
        if open.get() {
            let job = Job::ShareLink {
                base: page_address(),
                table: Box::new(editor.table.get_untracked()),
            };
            courier::send(job, Vec::new(), move |done, _| {
                let link = match done {
                    Done::Text(link) => Ok(link),
                    Done::Failed(why) => Err(why),
                    other => Err(Text::owned(format!("{other:?}"), format!("{other:?}"))),
                };
                if open.get_untracked() {
                    made.set(Some(link));
                    dom::focus_and_select_later("share-link".into(), None);
                }
            });
        }
    });
    let link = Memo::new(move |_| {
        let l = lang();
        made.with(|m| m.as_ref().map(|m| m.clone().map_err(|e| e.into_lang(l))))
    });
    Effect::new(move |_| {
        if open.get() {
            copied.set(false);
            dom::focus_and_select_later("share-link".into(), None);
        }
    });
    let copy = move |_| {
        if let Some(Ok(text)) = link.get_untracked() {
            copy_text(text, move |ok| {
                if ok {
                    copied.set(true);
                    notices.say(Text::new("已复制分享链接。", "Share link copied."));
                } else {
                    copied.set(false);
                    notices.fail(Text::new(
                        "浏览器不允许复制到剪贴板：请选中链接后按 Ctrl+C 复制。",
                        "The browser does not allow copying to the clipboard: select the link and press Ctrl+C.",
                    ));
                    dom::focus_and_select_later("share-link".into(), None);
                }
            });
        }
    };
    let body = move || match link.get() {
        None => {
            view! { <p class="xfer-lead">{tr("正在生成链接…", "Making the link…")}</p> }.into_any()
        }
        Some(Err(msg)) => view! {
            <p class="import-error" role="alert">{msg}</p>
        }
        .into_any(),
        Some(Ok(text)) => {
            let chars = text.chars().count();
            let note = match lang() {
                Lang::Zh => format!(
                    "链接包含整张表（{chars} 个字符），数据只在链接里，不会上传到任何服务器；拿到链接的人都能看到表的内容。对方打开后可以查看、检查，并保存为自己的草稿。之后对本表的修改不会进入此链接。"
                ),
                Lang::En => format!(
                    "The link holds the whole table ({} characters). The data is only in the link and is not uploaded to any server; anyone who has the link can see the table. They can view it, check it and save it as their own draft. Later changes to this table are not in this link.",
                    grouped(chars)
                ),
            };
            view! {
                <div class="share-row">
                    <input
                        id="share-link"
                        type="text"
                        readonly=true
                        aria-label=tr("分享链接", "Share link")
                        aria-describedby="share-note"
                        prop:value=text
                        on:focus=move |ev| {
                            if let Some(el) = leptos::wasm_bindgen::JsCast::dyn_ref::<
                                web_sys::HtmlInputElement,
                            >(&event_target::<web_sys::EventTarget>(&ev)) {
                                el.select();
                            }
                        }
                    />
                    <button type="button" class="primary" on:click=copy>
                        {move || if copied.get() { tr("已复制 ✓", "Copied ✓") } else { tr("复制链接", "Copy link") }}
                    </button>
                </div>
                <p class="xfer-lead" id="share-note">
                    {note}
                </p>
            }
            .into_any()
        }
    };
    view! {
        <Modal open=open title_id="share-title" return_to="export-btn" class="share-dialog">
            <div class="xfer-head">
                <h2 id="share-title">{tr("分享此表", "Share this table")}</h2>
                <button type="button" class="icon close" aria-label=tr("关闭", "Close") on:click=move |_| open.set(false)>
                    "×"
                </button>
            </div>
            {body}
            <div class="xfer-actions">
                <button type="button" on:click=move |_| open.set(false)>
                    {tr("关闭", "Close")}
                </button>
            </div>
        </Modal>
    }
}

/// What the page's address holds.
#[derive(Debug, Clone, PartialEq)]
enum Opened {
    Table(Box<Table>),
    Broken(String),
}

/// The `#share=…` fragment of the page's address, if it has one.
fn shared_fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let hash = if hash.contains('%') {
        js_sys::decode_uri_component(&hash)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or(hash)
    } else {
        hash
    };
    hash.starts_with(share::PREFIX).then_some(hash)
}

/// Opens the table of the page's address in `opened`, when it holds one
/// (read by the formats worker, within the import limits).
fn open_from_address(opened: RwSignal<Option<Opened>>) {
    let Some(fragment) = shared_fragment() else {
        return;
    };
    courier::send(Job::OpenShared { fragment }, Vec::new(), move |done, _| {
        let l = lang();
        opened.set(Some(match done {
            Done::Table(t) => Opened::Table(t),
            Done::Failed(why) => Opened::Broken(why.into_lang(l)),
            other => Opened::Broken(format!("{other:?}")),
        }));
    });
}

/// Removes the fragment from the address (without reloading or adding a
/// history entry).
fn clear_address() {
    let win = window();
    let loc = win.location();
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(history) = win.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Opens a shared table when the page's address holds one (on load, and
/// when a link is pasted into the address bar of the open page).
#[component]
pub fn SharedOpener() -> impl IntoView {
    let opened = RwSignal::new(None);
    open_from_address(opened);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| open_from_address(opened));
    on_cleanup(move || handle.remove());
    let dismiss = move || {
        clear_address();
        opened.set(None);
    };
    move || match opened.get() {
        None => ().into_any(),
        Some(Opened::Broken(msg)) => {
            dom::focus_later("share-error-close".into(), None);
            view! {
                <div class="share-error" role="alert" aria-labelledby="share-error-h">
                    <strong id="share-error-h">{tr("无法打开分享链接", "Cannot open the share link")}</strong>
                    <p>{msg}</p>
                    <button type="button" id="share-error-close" on:click=move |_| dismiss()>
                        {tr("知道了", "OK")}
                    </button>
                </div>
            }
            .into_any()
        }
        Some(Opened::Table(table)) => {
            let layer = ensure_layers();
            view! {
                <Portal mount=layer>
                    <SharedView table=(*table).clone() on_done=Callback::new(move |_| dismiss()) />
                </Portal>
            }
            .into_any()
        }
    }
}

/// What the page says once a shared table of `project` is saved as a
/// draft (and `opened`, or not).
fn saved(project: &str, opened: bool) -> Text {
    let (zh, en) = (non_blank(project, "未命名"), non_blank(project, "Untitled"));
    if opened {
        Text::owned(
            format!("已保存为我的草稿并打开：{zh}。"),
            format!("Saved as your draft and opened: {en}."),
        )
    } else {
        Text::owned(
            format!("已保存为我的草稿：{zh}，见草稿箱。"),
            format!("Saved as your draft: {en}; see the draft box."),
        )
    }
}

/// A shared table, read-only: the check, then the table as printed.
#[component]
fn SharedView(table: Table, on_done: Callback<()>) -> impl IntoView {
    let session = use_session();
    let ws = use_workspace();
    let notices = use_notices();
    let job = PrintJob {
        tables: vec![table.clone()],
        unit: false,
    };
    paper_mounted(match lang() {
        Lang::Zh => format!("{}（分享）", job.heading()),
        Lang::En => format!("{} (shared)", job.heading()),
    });
    let findings = rules::check(&table);
    let counts = Counts::of(&findings);
    let problem = RwSignal::new(None::<String>);
    let l = lang();
    let project = non_blank(
        &table.project,
        l.pick("（未填项目名称）", "(no project name)"),
    );
    let save = {
        let table = table.clone();
        move |_| match ws.add_tables(vec![table.clone()]) {
            Ok(ids) => {
                on_done.run(());
                let opened = ids
                    .first()
                    .is_some_and(|id| open_draft(session, notices, id));
                notices.say(saved(&table.project, opened));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let close = move |_| {
        on_done.run(());
        dom::focus_later("export-btn".into(), None);
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() {
            ev.prevent_default();
            on_done.run(());
        }
    });
    on_cleanup(move || handle.remove());
    dom::focus_later("shared-save".into(), None);
    let verdict = match (l, counts.errors) {
        (Lang::Zh, 0) => "没有错误。".to_string(),
        (Lang::Zh, n) => format!("有 {n} 个错误，保存为草稿后可以修改。"),
        (Lang::En, 0) => "No errors.".to_string(),
        (Lang::En, n) => format!(
            "{}; save it as your draft to correct them.",
            count_en(n, "error", "errors")
        ),
    };
    let check = format!(
        "<p class=\"summary-counts\">{}<span class=\"verdict\">{verdict}</span></p>{}</ul>",
        counts_html(counts, l),
        findings_html(&findings, table.form, "shared-findings", l)
    );
    view! {
        <div class="paper-view shared" role="region" aria-labelledby="shared-h" on:keydown=keep_shortcuts>
            <div class="paper-bar no-print">
                <h2 id="shared-h">{tr("分享的绩效目标表（只读）", "Shared performance target table (read-only)")}</h2>
                <span class="paper-scope">{project}</span>
                <span class="paper-actions">
                    <button type="button" id="shared-save" class="primary" on:click=save>
                        {tr("保存为我的草稿", "Save as my draft")}
                    </button>
                    <button type="button" on:click=move |_| print_now()>
                        {tr("打印", "Print")}
                    </button>
                    <button type="button" on:click=close>
                        {tr("关闭（不保存）", "Close without saving")}
                    </button>
                </span>
            </div>
            {move || problem.get().map(|p| view! { <p class="paper-note no-print" role="alert">{p}</p> })}
            <section class="shared-check no-print" aria-labelledby="shared-check-h">
                <h3 id="shared-check-h">{tr("检查结果", "Check results")}</h3>
                <div inner_html=check></div>
            </section>
            <Paper html=job.html() />
        </div>
    }
}
