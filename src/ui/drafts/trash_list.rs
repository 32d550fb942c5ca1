//! The trash of the draft box: deleted drafts, most recently deleted
//! first, each restorable or deleted for good; and emptying it.

use leptos::prelude::*;

use crate::domain::lang::grouped;
use crate::domain::Lang;
use crate::ui::lang::{lang, tr};

use super::draft_line::Line;
use super::session::use_session;
use super::words::{named, named_after, when};

/// The trash, folded (a `<details>`).
#[component]
pub fn TrashList(trash: Memo<Vec<Line>>) -> impl IntoView {
    let session = use_session();
    view! {
        <details class="trash">
            <summary>
                {move || {
                    let n = trash.with(Vec::len);
                    match lang() {
                        Lang::Zh => format!("回收站（{n}）"),
                        Lang::En => format!("Trash ({})", grouped(n)),
                    }
                }}
            </summary>
            {move || {
                if trash.with(Vec::is_empty) {
                    view! { <p class="note">{tr("回收站是空的。删除的草稿会先放在这里，可以恢复。", "The trash is empty. Deleted drafts go here first and can be restored.")}</p> }.into_any()
                } else {
                    view! {
                        <div>
                            <table class="drafts trash-list" aria-label=tr("回收站", "Trash")>
                                <thead>
                                    <tr>
                                        <th scope="col" class="c-name">{tr("名称", "Name")}</th>
                                        <th scope="col">{tr("项目名称", "Project name")}</th>
                                        <th scope="col" class="c-time">{tr("删除于", "Deleted")}</th>
                                        <th scope="col" class="c-act"><span class="visually-hidden">{tr("操作", "Actions")}</span></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {trash
                                        .get()
                                        .into_iter()
                                        .map(|l| {
                                            let (id, id2, name) = (l.meta.id.clone(), l.meta.id.clone(), l.meta.name.clone());
                                            let name2 = name.clone();
                                            view! {
                                                <tr>
                                                    <td class="c-name">{name.clone()}</td>
                                                    <td>{l.project.clone()}</td>
                                                    <td class="c-time">{l.meta.trashed.map(when).unwrap_or_default()}</td>
                                                    <td class="c-act">
                                                        <button type="button" aria-label=named("恢复", "Restore", &name) on:click=move |_| session.restore(&id)>{tr("恢复", "Restore")}</button>
                                                        <button type="button" class="danger" aria-label=named_after("永久删除", "Delete", " for good", &name2) on:click=move |_| session.purge(&id2, &name2)>{tr("永久删除", "Delete for good")}</button>
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <button type="button" class="danger" on:click=move |_| session.empty_trash()>{tr("清空回收站", "Empty the trash")}</button>
                        </div>
                    }
                    .into_any()
                }
            }}
        </details>
    }
}
