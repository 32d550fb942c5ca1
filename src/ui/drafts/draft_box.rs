//! The draft box: every draft, most recently edited first (one
//! [`DraftLine`] each), new drafts from blank or an example, the damaged
//! entries and the trash.

use leptos::prelude::*;

use crate::domain::{sort, Lang};
use crate::drafts::DraftEntry;
use crate::formats::examples;
use crate::ui::lang::{count_en, lang, tr};

use super::damaged_list::DamagedList;
use super::draft_line::{DraftLine, Line};
use super::session::use_session;
use super::trash_list::TrashList;

/// The draft box: every draft, most recently edited first; damaged
/// entries; the trash.
#[component]
pub fn DraftBox() -> impl IntoView {
    let session = use_session();
    let ws = session.ws;
    let lines = move |trashed: bool| {
        ws.entries.with(|es| {
            es.iter()
                .filter_map(|e| match e {
                    DraftEntry::Ok {
                        meta,
                        project,
                        budget,
                        counts,
                        newer_version,
                    } if meta.trashed.is_some() == trashed => Some(Line {
                        meta: meta.clone(),
                        project: project.clone(),
                        budget: budget.clone(),
                        counts: *counts,
                        newer_version: *newer_version,
                    }),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let live = Memo::new(move |_| lines(false));
    let trash = Memo::new(move |_| {
        let mut t = lines(true);
        sort::by_key(&mut t, |l| match l.meta.trashed {
            Some(at) => u128::from(u64::MAX - at),
            None => 1 << 64,
        });
        t
    });
    let renaming = RwSignal::new(None::<String>);
    let examples_list = examples::TITLES;
    // A blank table of the form chosen beside the top bar's 新建空白表.
    let new_blank = move |_| {
        let form = session.editor.new_form.get_untracked();
        session.new_draft(form.new_table(), false)
    };
    let pick = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
            session.new_from_example(i);
        }
    };
    view! {
        <section id="draftbox" class="draftbox" aria-labelledby="draftbox-h">
            <div class="draftbox-head">
                <h2 id="draftbox-h" tabindex="-1">{tr("草稿箱", "Draft box")}</h2>
                <p class="muted">
                    {move || {
                        let n = live.with(Vec::len);
                        match lang() {
                            Lang::Zh => format!("共 {n} 份，按最后修改时间排列。每次修改都会自动保存在本浏览器中。"),
                            Lang::En => format!(
                                "{}, most recently changed first. Every change is saved automatically in this browser.",
                                count_en(n, "draft", "drafts"),
                            ),
                        }
                    }}
                </p>
                <span class="spacer"></span>
                <button type="button" class="primary" on:click=new_blank>{tr("＋ 新建空白表", "+ New blank table")}</button>
                <select aria-label=tr("从示例新建", "New from an example") class="examples" on:change=pick>
                    <option value="" selected=true>{tr("从示例新建…", "New from an example…")}</option>
                    {examples_list
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| {
                            let label = match lang() {
                                Lang::Zh => format!("示例 {}：{t}", i + 1),
                                Lang::En => format!("Example {}: {t}", i + 1),
                            };
                            view! { <option value=i.to_string()>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <table class="drafts" aria-label=tr("草稿", "Drafts")>
                <thead>
                    <tr>
                        <th scope="col" class="c-name">{tr("名称", "Name")}</th>
                        <th scope="col">{tr("项目名称", "Project name")}</th>
                        <th scope="col" class="c-budget">{tr("预算数", "Budget")}</th>
                        <th scope="col" class="c-check">{tr("检查", "Check")}</th>
                        <th scope="col" class="c-time">{tr("最后修改", "Last changed")}</th>
                        <th scope="col" class="c-act"><span class="visually-hidden">{tr("操作", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || live.get()
                        key=|l| (l.meta.id.clone(), l.meta.revision, l.meta.name.clone())
                        children=move |l| view! { <DraftLine line=l renaming=renaming /> }
                    />
                </tbody>
            </table>
            <DamagedList />
            <TrashList trash=trash />
        </section>
    }
}
