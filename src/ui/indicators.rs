//! Section 5: the indicator tree, laid out like the official table.
//!
//! Rows are grouped by 一级 then 二级 in framework order; the 一级 and 二级
//! cells of a group read as merged (only the first line of a group shows
//! its name; each row still has its own select, revealed on hover and
//! focus). Rows are keyed by a stable id, so typing in one row re-renders
//! nothing else.

use leptos::prelude::*;

use crate::domain::edit::{self, Change, GroupKey, Level1Key, Level2Key};
use crate::domain::framework::{Framework, Level1, Level2};
use crate::domain::rules::{Column, Field, Finding, Place};
use crate::domain::value;
use crate::domain::Indicator;

use super::dom;
use super::fields::{invalid, severity_class, Messages, SectionFrame};
use super::lang::{lang, tr};
use super::state::{cell_id, message_id, use_editor, Section};
use crate::domain::{Bilingual, Lang, Text};

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

#[component]
pub fn IndicatorSection() -> impl IntoView {
    let editor = use_editor();
    let fw_id = "f-framework";
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
        <SectionFrame section=Section::Indicators>
            <div class="ind-toolbar">
                <div class="field inline">
                    <label for=fw_id>{tr("指标体系", "Indicator framework")}</label>
                    <select
                        id=fw_id
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
                <p class="note">
                    {tr(
                        "切换指标体系时，成本指标行会随之移动（产出指标/成本指标 ↔ 成本指标/经济成本指标）。每个二级指标下可点“常用”快速插入典型指标。",
                        "Switching the framework moves the cost rows (产出指标/成本指标 ↔ 成本指标/经济成本指标). Under each level-2 indicator, “Common” inserts a typical indicator.",
                    )}
                </p>
            </div>
            <Messages dom_id="indicators-tree".to_string() findings=tree_findings />
            <table class="ind-table" aria-labelledby=Section::Indicators.heading_id()>
                <colgroup>
                    <col class="c-l1" />
                    <col class="c-l2" />
                    <col class="c-name" />
                    <col class="c-desc" />
                    <col class="c-value" />
                    <col class="c-act" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">{Column::Level1.heading().into_lang(lang())}</th>
                        <th scope="col">{Column::Level2.heading().into_lang(lang())}</th>
                        <th scope="col">{Column::Name.heading().into_lang(lang())}</th>
                        <th scope="col">{Column::Description.heading().into_lang(lang())}</th>
                        <th scope="col">{Column::Value.heading().into_lang(lang())}</th>
                        <th scope="col">
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
        <tbody class=move || { if in_framework.get() { "block" } else { "block stray" } }>
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

/// The last line of a framework group: 新增指标 and the suggestions.
#[component]
fn AddLine(key: GroupKey, info: Memo<GroupInfo>) -> impl IntoView {
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
        <tr class="add-line">
            <td class=move || { if block_first.get() { "l1 first" } else { "l1 cont" } }>
                {move || block_first.get().then(|| view! { <span class="group-name">{level_text(l1.label())}</span> })}
            </td>
            <td class=move || { if empty.get() { "l2 first" } else { "l2 cont" } }>
                {move || empty.get().then(|| view! { <span class="group-name muted">{level_text(l2.label())}</span> })}
            </td>
            <td colspan="4" class="add-cell">
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

/// Enter does not break a cell's text into lines (it is one table cell).
fn no_newline(ev: leptos::ev::KeyboardEvent) {
    if ev.key() == "Enter" {
        ev.prevent_default();
    }
}

/// One 三级 row.
#[component]
fn Row(id: u64, pos: Memo<(bool, bool, bool)>) -> impl IntoView {
    let editor = use_editor();
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

    let level1_options = move || {
        let fw = fw();
        let current = level1_of();
        let raw = level1_raw();
        let mut opts: Vec<AnyView> = Vec::new();
        if current.is_none_or(|c| !fw.level1s().contains(&c)) {
            let text = if raw.is_empty() {
                tr("（请选择）", "(choose)").to_string()
            } else {
                lang().pick(
                    format!("{raw}（不在所选框架中）"),
                    format!("{raw} (not in this framework)"),
                )
            };
            opts.push(
                view! { <option value="" disabled=true selected=true>{text}</option> }.into_any(),
            );
        }
        for &l in fw.level1s() {
            let sel = current == Some(l);
            opts.push(
                view! { <option value=l.name() prop:selected=sel>{level_text(l.label())}</option> }
                    .into_any(),
            );
        }
        opts
    };
    let level2_options = move || {
        let fw = fw();
        let l1 = level1_of().filter(|l| fw.level1s().contains(l));
        let current = level2_of();
        let raw = level2_raw();
        let choices: Vec<Level2> = match l1 {
            Some(l1) => fw.level2s(l1).to_vec(),
            None => fw
                .level1s()
                .iter()
                .flat_map(|&l| fw.level2s(l).iter().copied())
                .collect(),
        };
        let mut opts: Vec<AnyView> = Vec::new();
        if current.is_none_or(|c| !choices.contains(&c)) {
            let text = if raw.is_empty() {
                tr("（请选择）", "(choose)").to_string()
            } else {
                lang().pick(
                    format!("{raw}（不属于此一级）"),
                    format!("{raw} (not under this level 1)"),
                )
            };
            opts.push(
                view! { <option value="" disabled=true selected=true>{text}</option> }.into_any(),
            );
        }
        for l in choices {
            let sel = current == Some(l);
            opts.push(
                view! { <option value=l.name() prop:selected=sel>{level_text(l.label())}</option> }
                    .into_any(),
            );
        }
        opts
    };

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
        <tr class="ind-row" class:has-msgs=move || shown.with(|s| !s.is_empty())>
            <td class=move || { if first_in_block() { "l1 first" } else { "l1 cont" } }>
                <select
                    id=cell_id(id, Column::Level1)
                    class="level"
                    aria-label=move || row_label(tr("一级指标", "Level-1 indicator"), n())
                    aria-invalid=l1_invalid
                    aria-describedby=l1_desc
                    on:change=on_level1
                    on:blur=move |_| touch(Column::Level1)
                >
                    {level1_options}
                </select>
            </td>
            <td class=move || { if first_in_group() { "l2 first" } else { "l2 cont" } }>
                <select
                    id=cell_id(id, Column::Level2)
                    class="level"
                    aria-label=move || row_label(tr("二级指标", "Level-2 indicator"), n())
                    aria-invalid=l2_invalid
                    aria-describedby=l2_desc
                    on:change=on_level2
                    on:blur=move |_| touch(Column::Level2)
                >
                    {level2_options}
                </select>
            </td>
            <td class="name">
                <span class="rowno" aria-hidden="true">{n}</span>
                <textarea
                    id=cell_id(id, Column::Name)
                    rows="1"
                    class="one-line"
                    on:keydown=no_newline
                    aria-label=move || row_label(tr("三级指标", "Level-3 indicator"), n())
                    node_ref=name_node
                    on:input=move |ev| set_text(Column::Name, event_target_value(&ev))
                    on:blur=move |_| touch(Column::Name)
                    aria-invalid=name_invalid
                    aria-describedby=name_desc
                ></textarea>
            </td>
            <td class="desc">
                <textarea
                    id=cell_id(id, Column::Description)
                    rows="1"
                    aria-label=move || row_label(tr("绩效指标描述", "Description"), n())
                    node_ref=desc_node
                    on:input=move |ev| set_text(Column::Description, event_target_value(&ev))
                    on:blur=move |_| touch(Column::Description)
                    aria-invalid=desc_invalid
                    aria-describedby=desc_desc
                ></textarea>
            </td>
            <td class="value">
                <div class="value-wrap">
                <input
                    id=cell_id(id, Column::Value)
                    type="text"
                    autocomplete="off"
                    aria-label=move || row_label(tr("指标值", "Target value"), n())
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
            <td class="act">
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
        {move || {
            let list = shown.get();
            (!list.is_empty()).then(|| {
                let items = list
                    .into_iter()
                    .enumerate()
                    .map(|(k, f)| {
                        let sev = f.severity();
                        let col = column_of(&f).map(|c| c.heading().into_lang(lang())).unwrap_or_default();
                        view! {
                            <li id=message_id(&msg_base, k) class=format!("msg {}", severity_class(sev))>
                                <span class="tag">{sev.text().into_lang(lang())}</span>
                                <span class="where">{col}</span>
                                <span class="text">{f.text().into_lang(lang())}</span>
                                <super::help::RuleLink rule=f.rule />
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <tr class="msg-row">
                        <td class="l1 cont"></td>
                        <td class="l2 cont"></td>
                        <td colspan="4">
                            <ul class="msgs">{items}</ul>
                        </td>
                    </tr>
                }
            })
        }}
    }
}

/// A row control's accessible name: `指标值 第3行` / `Target value, row 3`.
fn row_label(what: &str, n: usize) -> String {
    match lang() {
        Lang::Zh => format!("{what} 第{n}行"),
        Lang::En => format!("{what}, row {n}"),
    }
}
