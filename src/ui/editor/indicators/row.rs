//! One 三级 row of the indicator table: its selects and text cells, the
//! reading of its value as typed, its actions (move within the group,
//! duplicate, delete, each leaving focus where the author expects) and its
//! messages. Keyed by a stable row id: the row re-reads its indicator only
//! when it was edited, rows moved or the table was replaced.

use leptos::prelude::*;

use crate::domain::edit::{self, Change, GroupKey};
use crate::domain::framework::{Level1, Level2};
use crate::domain::rules::{Column, Finding, Place};
use crate::domain::{value, Indicator, Lang};
use crate::ui::dom;
use crate::ui::lang::{lang, tr};

use super::{add_button_id, column_heading, levels, rest_span};
use crate::ui::editor::anchor::{cell_id, message_id};
use crate::ui::editor::messages::{invalid, RowMessages};
use crate::ui::editor::section::Section;
use crate::ui::editor::state::use_editor;

/// Enter does not break a cell's text into lines (it is one table cell).
fn no_newline(ev: leptos::ev::KeyboardEvent) {
    if ev.key() == "Enter" {
        ev.prevent_default();
    }
}

/// One 三级 row.
#[component]
pub(super) fn Row(id: u64, pos: Memo<(bool, bool, bool)>) -> impl IntoView {
    let editor = use_editor();
    // The section is drawn again when the form changes.
    let form = editor.form.get_untracked();
    let name_of = move |column: Column| column_heading(form, column);
    let index = Memo::new(move |_| editor.index_of(id));
    let own = editor.row_trigger(id);
    on_cleanup(move || editor.drop_row(id));
    // Re-read when this row was edited, rows moved, or the table replaced;
    // not on every keystroke elsewhere.
    let row = Memo::new(move |_| {
        own.track();
        editor.all_rows.track();
        let i = index.get()?;
        editor
            .table
            .with_untracked(|t| t.indicators.get(i).cloned())
    });
    let n = move || index.get().map_or(0, |i| i + 1);
    let findings = editor.row_findings(id);
    // The findings of the row whose cell has been left, in check order,
    // numbered for their element ids.
    let shown = Memo::new(move |_| {
        findings.with(|list| {
            list.iter()
                .filter(|f| match f.place {
                    Place::Indicator { column, .. } => editor.shown(&cell_id(id, column)),
                    _ => false,
                })
                .cloned()
                .collect::<Vec<Finding>>()
        })
    });
    let msg_base = format!("ind-{id}");
    let column_of = |f: &Finding| match f.place {
        Place::Indicator { column, .. } => Some(column),
        _ => None,
    };
    let aria = move |column: Column, extra: Vec<String>| {
        let base = msg_base.clone();
        (
            move || {
                shown.with(|list| {
                    invalid(
                        &list
                            .iter()
                            .filter(|f| column_of(f) == Some(column))
                            .cloned()
                            .collect::<Vec<_>>(),
                    )
                })
            },
            move || {
                shown.with(|list| {
                    let ids: Vec<String> = list
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| column_of(f) == Some(column))
                        .map(|(k, _)| message_id(&base, k))
                        .chain(extra.iter().cloned())
                        .collect();
                    (!ids.is_empty()).then(|| ids.join(" "))
                })
            },
        )
    };

    let first_in_group = move || pos.get().0;
    let last_in_group = move || pos.get().1;
    let first_in_block = move || pos.get().2;

    // Edits.
    let set_text = move |column: Column, v: String| {
        editor.type_in_row(id, &cell_id(id, column), |r| match column {
            Column::Name => r.name = v,
            Column::Description => r.description = v,
            Column::Value => r.value = v,
            Column::Level1 => r.level1 = v,
            Column::Level2 => r.level2 = v,
        });
    };
    let on_level1 = move |ev: leptos::ev::Event| {
        let (Some(i), Some(l1)) = (
            index.get_untracked(),
            Level1::parse(&event_target_value(&ev)),
        ) else {
            return;
        };
        editor.apply(|t| edit::set_level1(t, i, l1));
        dom::focus_later(cell_id(id, Column::Level1), None);
    };
    let on_level2 = move |ev: leptos::ev::Event| {
        let (Some(i), Some(l2)) = (
            index.get_untracked(),
            Level2::parse(&event_target_value(&ev)),
        ) else {
            return;
        };
        editor.apply(|t| edit::set_level2(t, i, l2));
        dom::focus_later(cell_id(id, Column::Level2), None);
    };
    let move_by = move |up: bool| {
        let Some(i) = index.get_untracked() else {
            return;
        };
        let change = editor.apply(|t| {
            if up {
                edit::move_up(t, i)
            } else {
                edit::move_down(t, i)
            }
        });
        let Some(now) = change.follow(i) else {
            return;
        };
        let (can_up, can_down) = editor
            .table
            .with_untracked(|t| (edit::can_move_up(t, now), edit::can_move_down(t, now)));
        let target = match (up, can_up, can_down) {
            (true, true, _) | (false, _, false) => format!("ind-{id}-up"),
            _ => format!("ind-{id}-down"),
        };
        let target = if !can_up && !can_down {
            cell_id(id, Column::Name)
        } else {
            target
        };
        dom::focus_later(target, None);
    };
    let duplicate = move |_| {
        let Some(i) = index.get_untracked() else {
            return;
        };
        if let Change::Inserted(at) = editor.apply(|t| edit::duplicate_row(t, i)) {
            if let Some(new) = editor.id_at(at) {
                dom::focus_later(cell_id(new, Column::Name), None);
            }
        }
    };
    let remove = move |_| {
        let Some(i) = index.get_untracked() else {
            return;
        };
        let group_key = editor
            .table
            .with_untracked(|t| t.indicators.get(i).map(GroupKey::of));
        editor.apply(|t| edit::remove_row(t, i));
        // Focus the row that took its place in the group, else the group's
        // 新增指标 button, else the section.
        let next = editor.table.with_untracked(|t| {
            t.indicators
                .get(i)
                .filter(|r| Some(GroupKey::of(r)) == group_key)
                .map(|_| i)
                .or_else(|| {
                    i.checked_sub(1)
                        .filter(|&p| t.indicators.get(p).map(GroupKey::of) == group_key)
                })
        });
        let target = match next.and_then(|k| editor.id_at(k)) {
            Some(other) => cell_id(other, Column::Name),
            None => group_key.map_or_else(|| Section::Indicators.heading_id(), add_button_id),
        };
        dom::focus_later(target, Some(Section::Indicators.heading_id()));
    };

    let touch = move |column: Column| {
        editor.touch(&cell_id(id, column));
        editor.touch("indicators");
    };

    let fw = move || editor.framework.get();
    let level1_of = move || row.with(|r| r.as_ref().map(Indicator::level1_kind).unwrap_or(None));
    let level1_raw = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.level1.trim().to_string())
                .unwrap_or_default()
        })
    };
    let level2_of = move || row.with(|r| r.as_ref().map(Indicator::level2_kind).unwrap_or(None));
    let level2_raw = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.level2.trim().to_string())
                .unwrap_or_default()
        })
    };
    let text_of = move |column: Column| {
        move || {
            row.with(|r| {
                r.as_ref()
                    .map(|r| match column {
                        Column::Name => r.name.clone(),
                        Column::Description => r.description.clone(),
                        Column::Value => r.value.clone(),
                        Column::Level1 => r.level1.clone(),
                        Column::Level2 => r.level2.clone(),
                    })
                    .unwrap_or_default()
            })
        }
    };
    let reading = Memo::new(move |_| {
        row.with(|r| {
            r.as_ref()
                .filter(|r| !r.value.trim().is_empty())
                .map(|r| value::parse(&r.value).reading().into_lang(lang()))
        })
    });

    let level1_options = move || levels::level1_options(fw(), level1_of(), &level1_raw());
    let level2_options =
        move || levels::level2_options(fw(), level1_of(), level2_of(), &level2_raw());

    let (l1_invalid, l1_desc) = aria(Column::Level1, vec![]);
    let (l2_invalid, l2_desc) = aria(Column::Level2, vec![]);
    let (name_invalid, name_desc) = aria(Column::Name, vec![]);
    let (desc_invalid, desc_desc) = aria(Column::Description, vec![]);
    let reading_id = format!("ind-{id}-reading");
    let (value_invalid, value_desc) = aria(Column::Value, vec![reading_id.clone()]);
    let msg_base = format!("ind-{id}");
    let name_node = NodeRef::<leptos::html::Textarea>::new();
    let desc_node = NodeRef::<leptos::html::Textarea>::new();
    let value_node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(name_node, text_of(Column::Name));
    dom::bind_value(desc_node, text_of(Column::Description));
    dom::bind_value(value_node, text_of(Column::Value));

    view! {
        <tr role="row" class="ind-row" class:has-msgs=move || shown.with(|s| !s.is_empty())>
            <td role="cell" class=move || { if first_in_block() { "l1 first" } else { "l1 cont" } }>
                <select
                    id=cell_id(id, Column::Level1)
                    class="level"
                    aria-label=move || row_label(&name_of(Column::Level1), n())
                    aria-invalid=l1_invalid
                    aria-describedby=l1_desc
                    on:change=on_level1
                    on:blur=move |_| touch(Column::Level1)
                >
                    {level1_options}
                </select>
            </td>
            <td role="cell" class=move || { if first_in_group() { "l2 first" } else { "l2 cont" } }>
                <select
                    id=cell_id(id, Column::Level2)
                    class="level"
                    aria-label=move || row_label(&name_of(Column::Level2), n())
                    aria-invalid=l2_invalid
                    aria-describedby=l2_desc
                    on:change=on_level2
                    on:blur=move |_| touch(Column::Level2)
                >
                    {level2_options}
                </select>
            </td>
            <td role="cell" class="name" data-label=name_of(Column::Name)>
                <span class="rowno" aria-hidden="true">{n}</span>
                <textarea
                    id=cell_id(id, Column::Name)
                    rows="1"
                    class="one-line"
                    on:keydown=no_newline
                    aria-label=move || row_label(&name_of(Column::Name), n())
                    node_ref=name_node
                    on:input=move |ev| set_text(Column::Name, event_target_value(&ev))
                    on:blur=move |_| touch(Column::Name)
                    aria-invalid=name_invalid
                    aria-describedby=name_desc
                ></textarea>
            </td>
            {form.shows_column(Column::Description).then(|| view! {
            <td role="cell" class="desc" data-label=name_of(Column::Description)>
                <textarea
                    id=cell_id(id, Column::Description)
                    rows="1"
                    aria-label=move || row_label(&name_of(Column::Description), n())
                    node_ref=desc_node
                    on:input=move |ev| set_text(Column::Description, event_target_value(&ev))
                    on:blur=move |_| touch(Column::Description)
                    aria-invalid=desc_invalid
                    aria-describedby=desc_desc
                ></textarea>
            </td>
            })}
            <td role="cell" class="value" data-label=name_of(Column::Value)>
                <div class="value-wrap">
                <input
                    id=cell_id(id, Column::Value)
                    type="text"
                    autocomplete="off"
                    aria-label=move || row_label(&name_of(Column::Value), n())
                    placeholder=tr("如 ≥95%", "e.g. ≥95%")
                    node_ref=value_node
                    on:input=move |ev| set_text(Column::Value, event_target_value(&ev))
                    on:blur=move |_| touch(Column::Value)
                    aria-invalid=value_invalid
                    aria-describedby=value_desc
                />
                <div class="reading" id=reading_id>
                    {move || reading.get().map(|r| view! { <span class="reading-label">{tr("读作 ", "Reads as ")}</span>{r} })}
                </div>
                </div>
            </td>
            <td role="cell" class="act">
                <button
                    type="button"
                    class="icon"
                    id=format!("ind-{id}-up")
                    title=tr("上移（同一二级指标内）", "Move up (within its level-2 group)")
                    aria-label=move || row_label(tr("上移", "Move up"), n())
                    disabled=first_in_group
                    on:click=move |_| move_by(true)
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="icon"
                    id=format!("ind-{id}-down")
                    title=tr("下移（同一二级指标内）", "Move down (within its level-2 group)")
                    aria-label=move || row_label(tr("下移", "Move down"), n())
                    disabled=last_in_group
                    on:click=move |_| move_by(false)
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="icon text"
                    title=tr("复制本行，副本放在下面", "Duplicate this row below")
                    aria-label=move || row_label(tr("复制", "Duplicate"), n())
                    on:click=duplicate
                >
                    {tr("复制", "Duplicate")}
                </button>
                <button
                    type="button"
                    class="icon text danger"
                    title=tr("删除本行", "Delete this row")
                    aria-label=move || row_label(tr("删除", "Delete"), n())
                    on:click=remove
                >
                    {tr("删除", "Delete")}
                </button>
            </td>
        </tr>
        <RowMessages base=msg_base shown=shown span=rest_span(form) />
    }
}

/// A row control's accessible name: `指标值 第3行` / `Target value, row 3`
/// (the column as the form names it).
fn row_label(what: &str, n: usize) -> String {
    match lang() {
        Lang::Zh => format!("{what} 第{n}行"),
        Lang::En => format!("{what}, row {n}"),
    }
}
