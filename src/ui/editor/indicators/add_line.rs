//! The last line of a group: 新增指标, and the 常用 chips that insert a
//! typical indicator of the group (from the domain's suggestions) with its
//! placeholder selected for the author to type over.

use leptos::prelude::*;

use crate::domain::edit::{self, Change, GroupKey, Level1Key, Level2Key};
use crate::domain::rules::Column;
use crate::domain::Lang;
use crate::ui::dom;
use crate::ui::lang::{lang, tr};

use super::{add_button_id, level_text, rest_span, GroupInfo};
use crate::ui::editor::anchor::cell_id;
use crate::ui::editor::state::use_editor;

/// The last line of a framework group: 新增指标 and the suggestions.
#[component]
pub(super) fn AddLine(key: GroupKey, info: Memo<GroupInfo>) -> impl IntoView {
    let editor = use_editor();
    let (Level1Key::Known(l1), Level2Key::Known(l2)) = (key.level1, key.level2) else {
        return ().into_any();
    };
    let empty = Memo::new(move |_| info.with(|i| i.rows.is_empty()));
    let block_first = Memo::new(move |_| info.with(|i| i.rows.is_empty() && i.first_in_block));
    let suggestions = Memo::new(move |_| {
        editor
            .suggestions
            .with(|all| all.get(&l2).cloned().unwrap_or_default())
    });
    let add = move |_| {
        let change = editor.apply(|t| Change::Inserted(edit::add_row(t, l1, l2)));
        if let Change::Inserted(at) = change {
            if let Some(id) = editor.id_at(at) {
                dom::focus_later(cell_id(id, Column::Name), None);
            }
        }
    };
    let chips = move || {
        suggestions
            .get()
            .into_iter()
            .map(|s| {
                let label = match lang() {
                    Lang::Zh => format!("插入常用指标：{} {}（{}）", s.name, s.value, l2.name()),
                    Lang::En => format!("Insert common indicator: {} {} ({})", s.name, s.value, l2.label().en),
                };
                let range = s.placeholder_utf16();
                let (name, val) = (s.name.clone(), s.value.clone());
                let insert = move |_| {
                    let row = s.to_indicator(l1.name(), l2.name());
                    let change = editor.apply(|t| Change::Inserted(edit::insert_row(t, row)));
                    if let Change::Inserted(at) = change {
                        if let Some(id) = editor.id_at(at) {
                            dom::focus_and_select_later(cell_id(id, Column::Value), range);
                        }
                    }
                };
                view! {
                    <button type="button" class="chip" aria-label=label.clone() title=label on:click=insert>
                        {name}
                        <span class="chip-value">{val}</span>
                    </button>
                }
            })
            .collect_view()
    };
    let add_label = match lang() {
        Lang::Zh => format!("新增指标（{}/{}）", l1.name(), l2.name()),
        Lang::En => format!("Add indicator ({} / {})", l1.label().en, l2.label().en),
    };
    view! {
        <tr role="row" class="add-line">
            <td role="cell" class=move || { if block_first.get() { "l1 first" } else { "l1 cont" } }>
                {move || block_first.get().then(|| view! { <span class="group-name">{level_text(l1.label())}</span> })}
            </td>
            <td role="cell" class=move || { if empty.get() { "l2 first" } else { "l2 cont" } }>
                {move || empty.get().then(|| view! { <span class="group-name muted">{level_text(l2.label())}</span> })}
            </td>
            <td role="cell" colspan=rest_span(editor.form.get_untracked()).to_string() class="add-cell">
                <button type="button" class="add" id=add_button_id(key) aria-label=add_label on:click=add>
                    {tr("＋ 新增指标", "+ Add indicator")}
                </button>
                {move || {
                    let has = suggestions.with(|s| !s.is_empty());
                    has.then(|| view! { <span class="chips"><span class="chips-label">{tr("常用：", "Common:")}</span>{chips()}</span> })
                }}
            </td>
        </tr>
    }
    .into_any()
}
