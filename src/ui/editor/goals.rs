//! The numbered goals (绩效目标 on the Tianjin table, 年度总体目标 on the
//! 上海 申报表): add, remove, reorder. Each goal's name is the form's label
//! and its number (`绩效目标 1`).

use leptos::prelude::*;

use crate::domain::edit;
use crate::domain::form::{FieldSpec, Form};
use crate::domain::rules::{Field, Place};
use crate::domain::Lang;
use crate::ui::dom;
use crate::ui::lang::{lang, text, tr};

use super::anchor::goal_id;
use super::messages::{described_by, invalid, shown_at, Messages};
use super::section::Section;
use super::state::use_editor;

/// A goal's name: `绩效目标 2`, `Goal 2`.
fn goal_name(label: &str, n: usize) -> String {
    match lang() {
        Lang::Zh => format!("{label} {n}"),
        Lang::En => format!("Goal {n}"),
    }
}

/// The numbered goals; add, remove, reorder. `alone`: the goals are their
/// section's only field (the section's title names them), else a heading
/// of their own names them.
#[component]
pub fn GoalsField(form: Form, spec: &'static FieldSpec, alone: bool) -> impl IntoView {
    let editor = use_editor();
    let label = form.label(spec.field).zh.to_string();
    let count = Memo::new(move |_| editor.table.with(|t| t.goals.len()));
    // "At least one goal" points at the list as a whole.
    // With no goal left it shows under the list, else at the first goal.
    let list_shown = Signal::derive(move || {
        if count.get() == 0
            && (editor.reveal_all.get() || editor.touched.with(|t| t.contains("goals-add")))
        {
            editor.index.with(|ix| ix.at(&Place::Field(Field::Goals)))
        } else {
            Vec::new()
        }
    });
    let add = move |_| {
        let mut at = 0;
        editor.update(|t| at = edit::add_goal(t));
        dom::focus_later(goal_id(at), None);
    };
    let heading = (!alone).then(|| {
        view! {
            <h3 id="goals-h" class="sub-h">
                {text(&form.heading(spec.field))}
                {spec.required.then(|| view! { <span class="req" aria-hidden="true">"*"</span> })}
            </h3>
        }
    });
    let back_to = Section::of(&Place::Field(spec.field), form).heading_id();
    view! {
        <div class="field size-full goals-field">
            {heading}
            <p class="note">{tr("每条目标写明本年度要完成的产出和达到的效果。", "Each goal says what the year will deliver and what effect it will have.")}</p>
            <ol class="goals" aria-labelledby=(!alone).then_some("goals-h")>
                <For
                    each=move || 0..count.get()
                    key=|i| *i
                    children=move |i| view! { <Goal index=i label=label.clone() back_to=back_to.clone() /> }
                />
            </ol>
            <Messages dom_id="goals-list".to_string() findings=list_shown />
            <button type="button" id="goals-add" class="add" on:click=add on:blur=move |_| editor.touch("goals-add")>
                {tr("＋ 新增目标", "+ Add goal")}
            </button>
        </div>
    }
}

#[component]
fn Goal(index: usize, label: String, back_to: String) -> impl IntoView {
    let editor = use_editor();
    let id = goal_id(index);
    let n = index + 1;
    let name = goal_name(&label, n);
    let own = shown_at(id.clone(), Place::Goal(index));
    let first_id = id.clone();
    let list = Signal::derive(move || {
        if index == 0 && editor.shown(&first_id) {
            editor.index.with(|ix| ix.at(&Place::Field(Field::Goals)))
        } else {
            Vec::new()
        }
    });
    let shown = Signal::derive(move || {
        let mut v = own.get();
        v.extend(list.get());
        v
    });
    let count = Memo::new(move |_| editor.table.with(|t| t.goals.len()));
    let move_up = move |_: leptos::ev::MouseEvent| {
        let mut to = None;
        editor.update(|t| to = edit::move_goal_up(t, index));
        if let Some(to) = to {
            let target = if to == 0 {
                format!("goal-{to}-down")
            } else {
                format!("goal-{to}-up")
            };
            dom::focus_later(target, None);
        }
    };
    let move_down = move |_: leptos::ev::MouseEvent| {
        let mut to = None;
        editor.update(|t| to = edit::move_goal_down(t, index));
        if let Some(to) = to {
            let last = editor.table.with_untracked(|t| t.goals.len()) - 1;
            let target = if to == last {
                format!("goal-{to}-up")
            } else {
                format!("goal-{to}-down")
            };
            dom::focus_later(target, None);
        }
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        editor.update(|t| {
            edit::remove_goal(t, index);
        });
        let left = editor.table.with_untracked(|t| t.goals.len());
        if left == 0 {
            dom::focus_later("goals-add".into(), Some(back_to.clone()));
        } else {
            dom::focus_later(goal_id(index.min(left - 1)), None);
        }
    };
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let node = NodeRef::<leptos::html::Textarea>::new();
    dom::bind_value(node, move || {
        editor
            .table
            .with(|t| t.goals.get(index).cloned().unwrap_or_default())
    });
    view! {
        <li class="goal">
            <span class="goal-no" aria-hidden="true">{format!("{n}.")}</span>
            <div class="goal-body">
                <textarea
                    id=id
                    rows="2"
                    aria-label=name.clone()
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        editor.type_text(&goal_id(index), |t| {
                            if let Some(g) = t.goals.get_mut(index) {
                                *g = v;
                            }
                        });
                    }
                    on:blur=move |_| editor.touch(&id_a)
                    aria-invalid=move || shown.with(|f| invalid(f))
                    aria-describedby=move || described_by(&id_b, shown.with(Vec::len), &[])
                ></textarea>
                <Messages dom_id=id_c findings=shown />
            </div>
            <span class="row-actions">
                <button
                    type="button"
                    id=format!("goal-{index}-up")
                    class="icon"
                    title=tr("上移", "Move up")
                    aria-label=lang().pick(format!("上移 {name}"), format!("Move up goal {n}"))
                    disabled=move || index == 0
                    on:click=move_up
                >
                    "↑"
                </button>
                <button
                    type="button"
                    id=format!("goal-{index}-down")
                    class="icon"
                    title=tr("下移", "Move down")
                    aria-label=lang().pick(format!("下移 {name}"), format!("Move down goal {n}"))
                    disabled=move || { index + 1 >= count.get() }
                    on:click=move_down
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="icon danger"
                    title=tr("删除", "Delete")
                    aria-label=lang().pick(format!("删除 {name}"), format!("Delete goal {n}"))
                    on:click=remove
                >
                    "✕"
                </button>
            </span>
        </li>
    }
}
