//! The draft box: every draft, most recently edited first (one
//! [`DraftLine`] each), new drafts from blank or an example, the damaged
//! entries and the trash.

use leptos::prelude::*;

use crate::domain::{sort, Lang, Text};
use crate::drafts::DraftEntry;
use crate::formats::job::Job;
use crate::formats::{docx, examples, file_name};
use crate::ui::dom;
use crate::ui::lang::{count_en, lang, tr};
use crate::ui::transfer::write_file_noting;

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
    // The drafts chosen for 导出所选为 Word, by id (only those still live
    // count).
    let chosen = RwSignal::new(Vec::<String>::new());
    let picked = Memo::new(move |_| {
        chosen.with(|c| live.with(|ls| ls.iter().filter(|l| c.contains(&l.meta.id)).count()))
    });
    let all_picked = move || {
        let n = live.with(Vec::len);
        n > 0 && picked.get() == n
    };
    let some_picked = move || picked.get() != 0 && !all_picked();
    let pick_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        chosen.set(if on {
            live.with_untracked(|ls| ls.iter().map(|l| l.meta.id.clone()).collect())
        } else {
            Vec::new()
        });
    };
    let export_word = move |_| {
        // The open draft's last keystrokes first.
        session.save_now();
        let ids = chosen.get_untracked();
        let order = live.get_untracked();
        let mut tables: Vec<_> = ws.tables();
        // In the box's order: most recently changed first.
        let rank = |id: &str| order.iter().position(|l| l.meta.id == id);
        tables.retain(|(m, _)| ids.contains(&m.id) && rank(&m.id).is_some());
        tables.sort_by_key(|(m, _)| rank(&m.id));
        let tables: Vec<_> = tables.into_iter().map(|(_, t)| t).collect();
        if tables.is_empty() {
            return;
        }
        let name = file_name::of_unit(&tables, "docx");
        // Drafts that still have errors go out as they are, and are named.
        let with_errors: Vec<String> = order
            .iter()
            .filter(|l| ids.contains(&l.meta.id) && l.counts.errors > 0)
            .map(|l| l.meta.name.clone())
            .collect();
        let note = (!with_errors.is_empty()).then(|| {
            let names = with_errors.join("、");
            Text::owned(
                format!(
                    "。注意：其中 {} 份仍有错误（{names}），提交前请修改。",
                    with_errors.len()
                ),
                format!(
                    ". Note: {} still {} errors ({names}); correct them before submitting.",
                    count_en(with_errors.len(), "draft", "drafts"),
                    if with_errors.len() > 1 { "have" } else { "has" }
                ),
            )
        });
        write_file_noting(
            session.notices,
            Job::Word { tables },
            docx::MIME,
            name,
            note,
        );
    };
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
            <div class="draft-picked" role="group" aria-label=tr("所选草稿", "Chosen drafts")>
                <span class="muted" aria-live="polite">
                    {move || match (picked.get(), lang()) {
                        (0, Lang::Zh) => "勾选草稿，可把它们导出为一份 Word 文档，每张表一页。".to_string(),
                        (0, Lang::En) => "Tick drafts to export them as one Word document, a table to a page.".to_string(),
                        (n, Lang::Zh) => format!("已选择 {n} 份草稿"),
                        (n, Lang::En) => format!("{} chosen", count_en(n, "draft", "drafts")),
                    }}
                </span>
                <button type="button" disabled=move || picked.get() == 0 on:click=export_word>
                    {tr("导出所选为 Word（.docx）", "Export chosen as Word (.docx)")}
                </button>
                <button
                    type="button"
                    class="link"
                    hidden=move || picked.get() == 0
                    on:click=move |_| {
                        chosen.set(Vec::new());
                        // This button hides: focus goes to the box of all.
                        dom::focus_later("pick-all".into(), None);
                    }
                >
                    {tr("取消选择", "Clear choice")}
                </button>
            </div>
            <table class="drafts" aria-label=tr("草稿", "Drafts")>
                <thead>
                    <tr>
                        <th scope="col" class="c-pick">
                            <input
                                type="checkbox"
                                id="pick-all"
                                aria-label=tr("选择全部草稿", "Choose every draft")
                                prop:checked=all_picked
                                prop:indeterminate=some_picked
                                on:change=pick_all
                            />
                        </th>
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
                        children=move |l| view! { <DraftLine line=l renaming=renaming chosen=chosen /> }
                    />
                </tbody>
            </table>
            <DamagedList />
            <TrashList trash=trash />
        </section>
    }
}
