//! Banners about storage and the open draft: role=alert for what needs
//! the author (storage full, damaged, unavailable), role=status otherwise
//! (read-only, in the trash). Each offers what helps: export the table,
//! save it as a new draft, open the draft box, restore.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::drafts::names::{copy_name, saved_copy_name};
use crate::drafts::Problem;
use crate::formats::file_name;
use crate::ui::lang::{lang, text, tr};
use crate::ui::platform::download::download;

use super::session::use_session;

/// What a storage problem means for the author, and what to do.
fn problem_text(p: Problem) -> &'static str {
    match p {
        Problem::Full => tr(
            "浏览器存储空间已满：最近的修改没有保存，但仍在本页中。请先导出此表，再到草稿箱删除不用的草稿或清空回收站；之后的修改会自动重试保存。",
            "The browser's storage is full: your latest changes are not saved, but they are still in this page. Export this table first, then delete drafts you no longer need or empty the trash in the draft box; saving will be retried with your next change.",
        ),
        Problem::Damaged => tr(
            "存储中的这份草稿已被改坏（可能是其他程序或扩展写入），为免覆盖没有保存。本页的内容完好：请导出此表，或另存为新草稿。",
            "The stored copy of this draft has been damaged (perhaps by another program or an extension), so it was not saved over. What is in this page is intact: export this table, or save it as a new draft.",
        ),
        Problem::Unavailable => tr(
            "无法写入浏览器存储：最近的修改没有保存，但仍在本页中。请导出此表。",
            "Cannot write to the browser's storage: your latest changes are not saved, but they are still in this page. Export this table.",
        ),
    }
}

/// Banners about storage and the open draft: role=alert for what needs
/// the author (storage full, damaged, unavailable), role=status otherwise.
#[component]
pub fn Banners() -> impl IntoView {
    let session = use_session();
    let ws = session.ws;
    let name = move || session.meta.with_untracked(|m| m.name.clone());
    view! {
        {move || {
            session
                .damaged_at_start
                .get()
                .map(|d| {
                    let file = file_name::of_draft(&format!("{}-{}", tr("损坏的草稿", "damaged-draft"), d.id), "txt", "draft");
                    let raw = d.raw.clone();
                    view! {
                        <div class="banner problem damaged-open" role="alert">
                            <span>{text(&d.text())}</span>
                            <button type="button" on:click=move |_| {
                                if let Err(e) = download(raw.as_bytes(), "text/plain;charset=utf-8", &file) {
                                    session.notices.fail(e);
                                }
                            }>{tr("下载原文", "Download raw text")}</button>
                            <button type="button" on:click=move |_| session.damaged_at_start.set(None)>{tr("知道了", "Dismiss")}</button>
                        </div>
                    }
                })
        }}
        {move || {
            ws.notice
                .get()
                .map(|n| {
                    view! {
                        <div class="banner notice" role="alert">
                            <span>{text(&n)}</span>
                            <button type="button" on:click=move |_| session.export_open()>{tr("导出此表", "Export this table")}</button>
                        </div>
                    }
                })
        }}
        {move || {
            session
                .problem
                .get()
                .map(|p| {
                    view! {
                        <div class="banner problem" role="alert">
                            <span>{problem_text(p)}</span>
                            <button type="button" on:click=move |_| session.export_open()>{tr("导出此表（JSON）", "Export this table (JSON)")}</button>
                            {(p == Problem::Damaged)
                                .then(|| {
                                    view! {
                                        <button type="button" on:click=move |_| {
                                            session.save_as_new(saved_copy_name(&name()).into_lang(lang()));
                                        }>{tr("另存为新草稿", "Save as a new draft")}</button>
                                    }
                                })}
                            {(p == Problem::Full)
                                .then(|| view! { <button type="button" on:click=move |_| session.open_box()>{tr("打开草稿箱", "Open the draft box")}</button> })}
                        </div>
                    }
                })
        }}
        {move || {
            session
                .readonly
                .get()
                .map(|v| {
                    view! {
                        <div class="banner readonly" role="status">
                            <span>
                                {match lang() {
                                    Lang::Zh => format!(
                                        "这份草稿由更新版本的编制器保存（格式版本 {v}），本页只能查看，不会覆盖它。要修改，请另存为可编辑的副本，或使用新版本。",
                                    ),
                                    Lang::En => format!(
                                        "This draft was saved by a newer version of the editor (format version {v}). This page can only show it and will not save over it. To make changes, save an editable copy, or use the newer version.",
                                    ),
                                }}
                            </span>
                            <button type="button" on:click=move |_| {
                                session.save_as_new(copy_name(&name()).into_lang(lang()));
                            }>{tr("另存为可编辑的副本", "Save an editable copy")}</button>
                        </div>
                    }
                })
        }}
        {move || {
            let id = session.meta.with(|m| m.trashed.is_some().then(|| m.id.clone()));
            id.map(|id| {
                view! {
                    <div class="banner trashed" role="status">
                        <span>{tr("这份草稿在回收站中（可能是在另一个标签页中删除的）。", "This draft is in the trash (it may have been deleted in another tab).")}</span>
                        <button type="button" on:click=move |_| session.restore(&id)>{tr("恢复", "Restore")}</button>
                    </div>
                }
            })
        }}
    }
}
