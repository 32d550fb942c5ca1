//! One line of the draft box: the draft's name (a button that opens it,
//! or the rename field), project, budget, check counts, last change, and
//! its actions (rename, duplicate, delete).

use leptos::prelude::*;

use crate::domain::rules::Counts;
use crate::domain::Lang;
use crate::drafts::DraftMeta;
use crate::ui::dom;
use crate::ui::lang::{lang, tr};

use super::session::use_session;
use super::words::{errors_text, named, project_or_blank, warnings_text, when};

/// One line of the draft box, as the view needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub meta: DraftMeta,
    pub project: String,
    pub budget: String,
    pub counts: Counts,
    pub newer_version: Option<u64>,
}

/// One draft of the box: its name (a button that opens it, or the rename
/// field), project, budget, check counts, last change, and its actions.
#[component]
pub fn DraftLine(
    line: Line,
    renaming: RwSignal<Option<String>>,
    /// The drafts chosen for export, by id.
    chosen: RwSignal<Vec<String>>,
) -> impl IntoView {
    let session = use_session();
    let Line {
        meta,
        project,
        budget,
        counts,
        newer_version,
    } = line;
    let id = meta.id.clone();
    let name = meta.name.clone();
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| session.meta.with(|m| m.id == id))
    };
    let is_renaming = {
        let id = id.clone();
        move || renaming.with(|r| r.as_deref() == Some(id.as_str()))
    };
    let (id_open, id_ren, id_dup, id_del) = (id.clone(), id.clone(), id.clone(), id.clone());
    let is_chosen = {
        let id = id.clone();
        move || chosen.with(|c| c.contains(&id))
    };
    let id_pick = id.clone();
    let pick = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        chosen.update(|c| {
            c.retain(|x| x != &id_pick);
            if on {
                c.push(id_pick.clone());
            }
        });
    };
    let open = move |_| {
        if let Err(e) = session.open(&id_open) {
            session.alert(e);
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let commit = {
        let id = id.clone();
        let old = name.clone();
        move || {
            if renaming.get_untracked().as_deref() != Some(id.as_str()) {
                return;
            }
            renaming.set(None);
            if let Some(el) = input.get_untracked() {
                let v = el.value();
                if v.trim() != old && !v.trim().is_empty() {
                    session.rename(&id, &v);
                }
            }
            dom::focus_later(format!("rename-{id}"), None);
        }
    };
    let commit_blur = commit.clone();
    let check = if counts.errors == 0 && counts.warnings == 0 {
        view! { <span class="count-ok">{tr("无错误", "No errors")}</span> }.into_any()
    } else {
        let err_class = if counts.errors > 0 {
            "count error"
        } else {
            "count zero"
        };
        let warn_class = if counts.warnings > 0 {
            "count warning"
        } else {
            "count zero"
        };
        view! {
            <span class="check">
                <span class=err_class>{errors_text(counts.errors)}</span>
                <span class=warn_class>{warnings_text(counts.warnings)}</span>
            </span>
        }
        .into_any()
    };
    let label = name.clone();
    view! {
        <tr class="draft" class:open=is_open>
            <td class="c-pick">
                <input type="checkbox" aria-label=named("选择", "Choose", &name) prop:checked=is_chosen on:change=pick />
            </td>
            <td class="c-name">
                {move || {
                    if is_renaming() {
                        let commit = commit.clone();
                        let commit_blur = commit_blur.clone();
                        view! {
                            <input
                                type="text"
                                class="rename"
                                node_ref=input
                                aria-label=match lang() {
                                    Lang::Zh => format!("新名称（原名「{label}」）"),
                                    Lang::En => format!("New name (was “{label}”)"),
                                }
                                prop:value=label.clone()
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    match ev.key().as_str() {
                                        "Enter" => commit(),
                                        "Escape" => {
                                            renaming.set(None);
                                        }
                                        _ => {}
                                    }
                                }
                                on:blur=move |_| commit_blur()
                            />
                        }
                        .into_any()
                    } else {
                        let name = label.clone();
                        view! {
                            <button type="button" class="link"
                                title=name.clone() on:click=open.clone() aria-label=named("打开", "Open", &name)>
                                {name.clone()}
                            </button>
                            {move || is_open.get().then(|| view! { <span class="badge ok">{tr("正在编辑", "Editing")}</span> })}
                            {newer_version.map(|v| {
                                let title = match lang() {
                                    Lang::Zh => format!("格式版本 {v}"),
                                    Lang::En => format!("Format version {v}"),
                                };
                                view! { <span class="badge warning" title=title>{tr("新版本创建 · 只读", "Made by a newer version · read-only")}</span> }
                            })}
                        }
                        .into_any()
                    }
                }}
            </td>
            <td class="c-project">{project_or_blank(project)}</td>
            <td class="c-budget">{budget}</td>
            <td class="c-check">{check}</td>
            <td class="c-time">{when(meta.updated)}</td>
            <td class="c-act">
                <button
                    type="button"
                    id=format!("rename-{id_ren}")
                    aria-label=named("重命名", "Rename", &name)
                    on:click=move |_| {
                        renaming.set(Some(id_ren.clone()));
                        request_animation_frame(move || {
                            if let Some(el) = input.get_untracked() {
                                let _ = el.focus();
                                el.select();
                            }
                        });
                    }
                >
                    {tr("重命名", "Rename")}
                </button>
                <button type="button" aria-label=named("复制", "Duplicate", &name) on:click=move |_| session.duplicate(&id_dup)>
                    {tr("复制", "Duplicate")}
                </button>
                <button type="button" class="danger" aria-label=named("删除", "Delete", &name) on:click=move |_| session.delete(&id_del)>
                    {tr("删除", "Delete")}
                </button>
            </td>
        </tr>
    }
}
