//! The damaged entries of the draft box: listed with why they cannot be
//! read, downloadable as they are, deleted only when the author says so.

use leptos::prelude::*;

use crate::domain::{Bilingual, Lang};
use crate::drafts::drafts::id_of_key;
use crate::drafts::DraftEntry;
use crate::ui::lang::{count_en, lang, text, tr};

use super::session::use_session;
use crate::formats::file_name;
use crate::ui::platform::download::download;

/// The damaged entries, if there are any.
#[component]
pub fn DamagedList() -> impl IntoView {
    let session = use_session();
    let ws = session.ws;
    let damaged = Memo::new(move |_| {
        ws.entries.with(|es| {
            es.iter()
                .filter_map(|e| match e {
                    DraftEntry::Damaged { key, raw, reason } => {
                        Some((key.clone(), raw.clone(), reason.clone()))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        {move || {
            let list = damaged.get();
            (!list.is_empty())
                .then(|| {
                    view! {
                        <div class="damaged" role="region" aria-labelledby="damaged-h">
                            <h3 id="damaged-h">
                                {match lang() {
                                    Lang::Zh => format!("损坏的草稿（{}）", list.len()),
                                    Lang::En => format!("Damaged drafts ({})", list.len()),
                                }}
                            </h3>
                            <p class="note">
                                {tr(
                                    "这些条目无法读取（可能被其他程序改写）。它们不会被自动删除：可以下载原文交给技术人员查看，确认不需要后再删除。",
                                    "These entries cannot be read (another program may have written over them). They are never deleted automatically: you can download the raw text for technical staff to look at, and delete them once you are sure they are not needed.",
                                )}
                            </p>
                            <ul>
                                {list
                                    .into_iter()
                                    .map(|(key, raw, reason)| {
                                        let stem = tr("损坏的草稿", "damaged-draft");
                                        let file = file_name::of_draft(&format!("{stem}-{}", id_of_key(&key).unwrap_or(&key)), "txt", stem);
                                        let k2 = key.clone();
                                        let size = raw.chars().count();
                                        let about = match lang() {
                                            Lang::Zh => format!("{}（{size} 字符）", text(&reason.text())),
                                            Lang::En => format!("{} ({})", text(&reason.text()), count_en(size, "character", "characters")),
                                        };
                                        view! {
                                            <li>
                                                <span class="badge error">{tr("损坏", "Damaged")}</span>
                                                <code>{key.clone()}</code>
                                                <span class="muted">{about}</span>
                                                <span class="acts">
                                                    <button type="button" on:click=move |_| {
                                                        if let Err(e) = download(raw.as_bytes(), "text/plain;charset=utf-8", &file) {
                                                            session.notices.fail(e);
                                                        }
                                                    }>{tr("下载原文", "Download raw text")}</button>
                                                    <button type="button" class="danger" on:click=move |_| session.discard_damaged(&k2)>{tr("删除", "Delete")}</button>
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
        }}
    }
}
