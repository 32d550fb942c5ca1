//! The draft's form (表样): a switch above the sections, and what the form
//! does not show. Switching is one undo step and drops nothing
//! ([`crate::domain::Table::switch_form`]): the fields and columns the new
//! form lacks stay in the table, listed here read-only with their values,
//! with a button to the form that shows them.

use leptos::prelude::*;

use crate::domain::edit;
use crate::domain::form::Form;
use crate::domain::lang::group_thousands;
use crate::domain::rules::{Column, Field};
use crate::domain::{Bilingual, Lang, Table, Text};
use crate::ui::dom;
use crate::ui::lang::{lang, text, tr};

use super::state::{use_editor, Editor};

/// The DOM id of the form switch.
pub const FORM_ID: &str = "f-form";

/// Puts the open table on `form`: one undo step.
pub fn switch_to(editor: Editor, form: Form) {
    if editor.table.with_untracked(|t| t.form) == form {
        return;
    }
    editor.apply(|t| {
        t.switch_form(form);
        edit::normalize(t)
    });
}

/// A field's name where it is shown: on the first form that shows it; a
/// part of a total by its common name, which names the total too
/// (`项目资金总额中的财政资金`).
fn field_name(field: Field) -> Text {
    match Form::ALL
        .into_iter()
        .find_map(|f| f.field(field).map(|s| (f, s)))
    {
        Some((form, spec)) if spec.part_of.is_none() => form.label(field),
        _ => field.label(),
    }
}

/// A kept field's value as one line, shortened.
fn value_of(t: &Table, field: Field) -> String {
    let raw = match field {
        Field::Goals => t
            .goals
            .iter()
            .filter(|g| !g.trim().is_empty())
            .enumerate()
            .map(|(i, g)| format!("{}. {}", i + 1, g.trim()))
            .collect::<Vec<_>>()
            .join(" "),
        f if f.amount(t).is_some_and(|a| a.decimal().is_some()) => {
            format!("{} {}", group_thousands(&f.text(t)), t.money_unit.label())
        }
        f => f.text(t).split_whitespace().collect::<Vec<_>>().join(" "),
    };
    const MAX: usize = 120;
    if raw.chars().count() > MAX {
        let cut: String = raw.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        raw
    }
}

/// The form that shows most of what `form` lacks (ties: the earlier one).
fn shows_most(form: Form, fields: &[Field], columns: &[Column]) -> Option<Form> {
    let score = |f: Form| {
        fields.iter().filter(|x| f.shows(**x)).count()
            + columns.iter().filter(|c| f.shows_column(**c)).count()
    };
    Form::ALL
        .into_iter()
        .filter(|f| *f != form && score(*f) > 0)
        .fold(None, |best: Option<Form>, f| match best {
            Some(b) if score(b) >= score(f) => Some(b),
            _ => Some(f),
        })
}

/// What the open table holds that its form does not show.
#[derive(Clone, PartialEq)]
struct Kept {
    fields: Vec<(Field, String)>,
    /// Columns filled in some row, with the number of such rows.
    columns: Vec<(Column, usize)>,
    /// The form that shows them.
    back: Option<Form>,
}

fn kept(t: &Table) -> Kept {
    let form = t.form;
    let lacks = form.lacks(t);
    let columns = form.lacks_columns(t);
    let back = shows_most(form, &lacks, &columns);
    let rows = |c: Column| {
        t.indicators
            .iter()
            .filter(|r| {
                let cell = match c {
                    Column::Level1 => &r.level1,
                    Column::Level2 => &r.level2,
                    Column::Name => &r.name,
                    Column::Description => &r.description,
                    Column::Value => &r.value,
                };
                !cell.trim().is_empty()
            })
            .count()
    };
    Kept {
        fields: lacks.into_iter().map(|f| (f, value_of(t, f))).collect(),
        columns: columns.into_iter().map(|c| (c, rows(c))).collect(),
        back,
    }
}

/// What of the open table differs from what its form fixes (an imported
/// table of the form in another money unit or framework), in words.
fn mismatch(t: &Table) -> Vec<String> {
    let spec = t.form.spec();
    let mut out = Vec::new();
    if spec.fixed_money_unit && t.money_unit != spec.money_unit {
        out.push(match lang() {
            Lang::Zh => format!("金额单位是{}，表样为{}", t.money_unit, spec.money_unit),
            Lang::En => format!(
                "amounts are in {}, the form's in {}",
                t.money_unit, spec.money_unit
            ),
        });
    }
    if spec.fixed_framework && t.framework != spec.framework {
        out.push(match lang() {
            Lang::Zh => format!(
                "指标体系是 {} 版，表样为 {} 版",
                t.framework.label(),
                spec.framework.label()
            ),
            Lang::En => format!(
                "the indicators follow the {} framework, the form the {}",
                t.framework.label(),
                spec.framework.label()
            ),
        });
    }
    out
}

/// A table of a form in another money unit or framework than the form
/// fixes, with a button that brings it in line (one undo step: amounts
/// converted exactly, cost rows moved).
#[component]
fn Mismatch() -> impl IntoView {
    let editor = use_editor();
    let parts = Memo::new(move |_| editor.table.with(mismatch));
    let fix = move |_| {
        editor.apply(|t| {
            let form = t.form;
            t.switch_form(form);
            edit::normalize(t)
        });
        dom::focus_later(FORM_ID.into(), None);
    };
    move || {
        let parts = parts.get();
        (!parts.is_empty()).then(|| {
            let text = match lang() {
                Lang::Zh => format!("本表与表样不符：{}。", parts.join("；")),
                Lang::En => format!("This table differs from its form: {}.", parts.join("; ")),
            };
            view! {
                <p class="form-kept form-mismatch" role="note">
                    {text}
                    " "
                    <button type="button" class="link-like" on:click=fix>
                        {tr("按表样调整（换算金额、移动成本指标行）", "Bring it in line (convert the amounts, move the cost rows)")}
                    </button>
                </p>
            }
        })
    }
}

/// 表样: the switch, and what the form does not show, kept.
#[component]
pub fn FormBar() -> impl IntoView {
    let editor = use_editor();
    let kept = Memo::new(move |_| editor.table.with(kept));
    let change = move |ev: leptos::ev::Event| {
        if let Some(form) = Form::from_id(&event_target_value(&ev)) {
            switch_to(editor, form);
        }
    };
    let note = move || {
        let k = kept.get();
        if k.fields.is_empty() && k.columns.is_empty() {
            return None;
        }
        let l = lang();
        let items = k
            .fields
            .into_iter()
            .map(|(f, value)| {
                view! {
                    <div class="kept-item">
                        <dt>{text(&field_name(f))}</dt>
                        <dd>{value}</dd>
                    </div>
                }
            })
            .collect_view();
        let columns = k
            .columns
            .into_iter()
            .map(|(c, n)| {
                let count = match l {
                    Lang::Zh => format!("{n} 行已填"),
                    Lang::En => crate::ui::lang::count_en(n, "row filled", "rows filled"),
                };
                view! {
                    <div class="kept-item">
                        <dt>{text(&c.label())}</dt>
                        <dd>{count}</dd>
                    </div>
                }
            })
            .collect_view();
        let back = k.back.map(|f| {
            let name = text(&f.text());
            let label = match l {
                Lang::Zh => format!("切换到「{name}」编辑这些内容"),
                Lang::En => format!("Switch to the {name} to edit them"),
            };
            view! {
                <button
                    type="button"
                    class="link-like"
                    on:click=move |_| {
                        switch_to(editor, f);
                        dom::focus_later(FORM_ID.into(), None);
                    }
                >
                    {label}
                </button>
            }
        });
        Some(view! {
            <div class="form-kept" role="note" id="form-kept">
                <p class="kept-title">
                    {tr(
                        "本表样不含以下已填内容（已保留，不会丢失；导出和分享的数据中也保留）：",
                        "This form does not show the following, which is filled in (kept, not lost; exports and share links keep it too):",
                    )}
                </p>
                <dl class="kept-list">{items}{columns}</dl>
                {back}
            </div>
        })
    };
    view! {
        <div class="form-bar">
            <div class="field inline">
                <label for=FORM_ID>{tr("表样", "Form")}</label>
                <select id=FORM_ID on:change=change>
                    {Form::ALL
                        .into_iter()
                        .map(|f| {
                            view! {
                                <option value=f.id() prop:selected=move || editor.form.get() == f>
                                    {text(&f.text())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <span class="note">{move || form_note(editor.form.get())}</span>
            </div>
            <Mismatch />
            {note}
        </div>
    }
}

/// What switching does, under the switch, with what the form fixes.
fn form_note(form: Form) -> String {
    let spec = form.spec();
    let mut zh = String::from("切换表样不会丢失已填内容，可撤销。");
    let mut en = String::from("Switching the form loses nothing and can be undone.");
    if spec.fixed_money_unit {
        zh.push_str(&format!(
            "本表样金额以{}为单位（切换时自动换算）。",
            spec.money_unit
        ));
        en.push_str(&format!(
            " Its amounts are in {} (converted on switching).",
            spec.money_unit
        ));
    }
    if spec.fixed_framework {
        zh.push_str(&format!("指标体系为 {} 版。", spec.framework.label()));
        en.push_str(&format!(
            " It uses the {} indicator framework.",
            spec.framework.label()
        ));
    }
    lang().pick(zh, en)
}
