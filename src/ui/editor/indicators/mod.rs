//! The section after the form's fields: 绩效指标, the indicator tree laid
//! out like the official table, with the form's columns under the form's
//! headings (the 上海 申报表 has no 绩效指标描述 and calls its values
//! 年度指标值); a form that fixes its framework shows which, not a switch.
//!
//! Rows are grouped by 一级 then 二级 in framework order; the 一级 and 二级
//! cells of a group read as merged (only the first line of a group shows
//! its name; each row still has its own select, revealed on hover and
//! focus). Rows are keyed by a stable id, so typing in one row re-renders
//! nothing else.
//!
//! This file draws the section, its blocks and groups; `row.rs` one 三级
//! row, `levels.rs` the options of a row's 一级/二级 selects, and
//! `add_line.rs` the last line of a group (新增指标 and the 常用 chips).

mod add_line;
mod levels;
mod row;

use leptos::prelude::*;

use crate::domain::edit::{self, GroupKey, Level1Key, Level2Key};
use crate::domain::form::Form;
use crate::domain::framework::Framework;
use crate::domain::rules::{Column, Field, Place};
use crate::domain::{Lang, Text};
use crate::ui::lang::{lang, text, tr};

use super::frame::SectionFrame;
use super::messages::Messages;
use super::section::Section;
use super::state::use_editor;
use add_line::AddLine;
use row::Row;

/// The id of a group's 新增指标 button.
pub fn add_button_id(key: GroupKey) -> String {
    let slug = |s: &str| s.replace(' ', "-");
    match (key.level1, key.level2) {
        (Level1Key::Known(a), Level2Key::Known(b)) => {
            format!("add-{}-{}", slug(&a.label().en), slug(&b.label().en))
        }
        _ => "add-other".into(),
    }
}

/// The class of a column's `<col>`.
fn col_class(column: Column) -> &'static str {
    match column {
        Column::Level1 => "c-l1",
        Column::Level2 => "c-l2",
        Column::Name => "c-name",
        Column::Description => "c-desc",
        Column::Value => "c-value",
    }
}

fn framework_title(f: Framework) -> &'static str {
    match f {
        Framework::F2020 => tr(
            "2020版（财预〔2020〕10号：成本指标在产出指标下）",
            "2020 (财预〔2020〕10号: cost indicators under output)",
        ),
        Framework::F2021 => tr(
            "2021版（财预〔2021〕101号：成本指标单列为一级）",
            "2021 (财预〔2021〕101号: cost is a level-1 indicator)",
        ),
    }
}

/// An official indicator name as shown: the Chinese term, with its English
/// gloss when the page is in English (the table itself keeps the term).
fn level_text(name: Text) -> String {
    match lang() {
        Lang::Zh => name.zh.into_owned(),
        Lang::En => format!("{} ({})", name.zh, name.en),
    }
}

/// A column's heading on `form` (`年度指标值`), capitalised in English: the
/// column's cells are named by it.
pub fn column_heading(form: Form, column: Column) -> String {
    let label = form.column_label(column);
    match lang() {
        Lang::Zh => label.zh.into_owned(),
        Lang::En => crate::domain::lang::capitalized(&label.en),
    }
}

/// Table cells a row spans after its 一级 and 二级 cells (its other columns
/// and the actions).
fn rest_span(form: Form) -> usize {
    form.columns().len().saturating_sub(2) + 1
}

/// The framework switch; on a form with a fixed framework it only says
/// which one.
#[component]
fn FrameworkSwitch(form: Form) -> impl IntoView {
    let editor = use_editor();
    let fw_id = "f-framework";
    let fixed = form.spec().fixed_framework;
    let note = if fixed {
        match lang() {
            Lang::Zh => format!(
                "{}使用 {} 版指标体系。每个二级指标下可点“常用”快速插入典型指标。",
                text(&form.spec().name),
                form.spec().framework.label()
            ),
            Lang::En => format!(
                "The {} uses the {} framework. Under each level-2 indicator, “Common” inserts a typical indicator.",
                text(&form.spec().name),
                form.spec().framework.label()
            ),
        }
    } else {
        tr(
            "切换指标体系时，成本指标行会随之移动（产出指标/成本指标 ↔ 成本指标/经济成本指标）。每个二级指标下可点“常用”快速插入典型指标。",
            "Switching the framework moves the cost rows (产出指标/成本指标 ↔ 成本指标/经济成本指标). Under each level-2 indicator, “Common” inserts a typical indicator.",
        )
        .to_string()
    };
    view! {
        <div class="ind-toolbar">
            <div class="field inline">
                <label for=fw_id>{tr("指标体系", "Indicator framework")}</label>
                <select
                    id=fw_id
                    disabled=fixed
                    on:change=move |ev| {
                        let fw = match event_target_value(&ev).as_str() {
                            "2021" => Framework::F2021,
                            _ => Framework::F2020,
                        };
                        editor.apply(|t| edit::switch_framework(t, fw));
                    }
                >
                    {[Framework::F2020, Framework::F2021]
                        .into_iter()
                        .map(|f| {
                            view! {
                                <option
                                    value=f.label()
                                    prop:selected=move || editor.framework.get() == f
                                >
                                    {framework_title(f)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <p class="note">{note}</p>
        </div>
    }
}

#[component]
pub fn IndicatorSection(form: Form) -> impl IntoView {
    let editor = use_editor();
    let tree_findings = Signal::derive(move || {
        if editor.reveal_all.get() || editor.touched.with(|t| t.contains("indicators")) {
            editor
                .index
                .with(|ix| ix.at(&Place::Field(Field::Indicators)))
        } else {
            Vec::new()
        }
    });
    let blocks = move || {
        editor
            .tree
            .with(|t| t.iter().map(|b| b.level1).collect::<Vec<_>>())
    };
    view! {
        <SectionFrame section=Section::Indicators form=form>
            <FrameworkSwitch form=form />
            <Messages dom_id="indicators-tree".to_string() findings=tree_findings />
            <table
                role="table"
                class=if form.shows_column(Column::Description) { "ind-table" } else { "ind-table no-desc" }
                aria-labelledby=Section::Indicators.heading_id()
            >
                <colgroup>
                    {form.columns().iter().map(|c| view! { <col class=col_class(c.column) /> }).collect_view()}
                    <col class="c-act" />
                </colgroup>
                <thead role="rowgroup">
                    <tr role="row">
                        {form
                            .columns()
                            .iter()
                            .map(|c| view! { <th scope="col" role="columnheader" class=col_class(c.column)>{column_heading(form, c.column)}</th> })
                            .collect_view()}
                        <th scope="col" role="columnheader" class="c-act">
                            <span class="visually-hidden">{tr("操作", "Actions")}</span>
                        </th>
                    </tr>
                </thead>
                <For each=blocks key=|k| *k children=move |k| view! { <Block level1=k /> } />
            </table>
        </SectionFrame>
    }
}

#[component]
fn Block(level1: Level1Key) -> impl IntoView {
    let editor = use_editor();
    let groups = move || {
        editor.tree.with(|t| {
            t.iter()
                .find(|b| b.level1 == level1)
                .map(|b| b.groups.iter().map(|g| g.key).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let in_framework = Memo::new(move |_| {
        editor
            .tree
            .with(|t| t.iter().any(|b| b.level1 == level1 && b.in_framework))
    });
    view! {
        <tbody role="rowgroup" class=move || { if in_framework.get() { "block" } else { "block stray" } }>
            <For each=groups key=|k| *k children=move |k| view! { <Group key=k /> } />
        </tbody>
    }
}

/// Position facts about a group, from the tree (change only when rows move).
#[derive(Clone, PartialEq, Default)]
struct GroupInfo {
    in_framework: bool,
    first_in_block: bool,
    rows: Vec<u64>,
}

#[component]
fn Group(key: GroupKey) -> impl IntoView {
    let editor = use_editor();
    let info = Memo::new(move |_| {
        editor.tree.with(|t| {
            t.iter()
                .find(|b| b.level1 == key.level1)
                .and_then(|b| {
                    let pos = b.groups.iter().position(|g| g.key == key)?;
                    let g = &b.groups[pos];
                    Some(GroupInfo {
                        in_framework: g.in_framework,
                        first_in_block: pos == 0,
                        rows: g.rows.clone(),
                    })
                })
                .unwrap_or_default()
        })
    });
    let rows = move || info.with(|i| i.rows.clone());
    view! {
        <For
            each=rows
            key=|id| *id
            children=move |id| {
                let pos = Memo::new(move |_| {
                    info.with(|i| {
                        let p = i.rows.iter().position(|r| *r == id).unwrap_or(0);
                        (p == 0, p + 1 == i.rows.len(), i.first_in_block && p == 0)
                    })
                });
                view! { <Row id=id pos=pos /> }
            }
        />
        {move || info.with(|i| i.in_framework).then(|| view! { <AddLine key=key info=info /> })}
    }
}
