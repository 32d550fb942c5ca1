//! Sections 1–4 of the form: 基本信息, 预算, 资金用途, 绩效目标; and the
//! finding messages shown next to an input.

use leptos::prelude::*;

use crate::domain::Bilingual;

use crate::domain::budget::{Amount, MoneyUnit};
use crate::domain::edit;
use crate::domain::rules::{Field, Finding, Place, Severity};
use crate::domain::Table;

use super::dom;
use super::lang::{lang, tr};
use super::state::{field_id, goal_id, message_id, use_editor, Section};
use crate::domain::Lang;

/// The CSS class of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "hint",
    }
}

/// The findings at `place`, once the input `dom_id` has been left (or the
/// summary opened).
pub fn shown_at(dom_id: String, place: Place) -> Signal<Vec<Finding>> {
    let editor = use_editor();
    Signal::derive(move || {
        if editor.shown(&dom_id) {
            editor.index.with(|ix| ix.at(&place))
        } else {
            Vec::new()
        }
    })
}

/// `aria-invalid` for an input showing `findings`.
pub fn invalid(findings: &[Finding]) -> Option<&'static str> {
    findings
        .iter()
        .any(|f| f.severity() == Severity::Error)
        .then_some("true")
}

/// `aria-describedby`: the shown messages of `dom_id`, then `extra` ids.
pub fn described_by(dom_id: &str, count: usize, extra: &[String]) -> Option<String> {
    let ids: Vec<String> = (0..count)
        .map(|k| message_id(dom_id, k))
        .chain(extra.iter().cloned())
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The messages shown at one input; element ids as [`message_id`].
#[component]
pub fn Messages(dom_id: String, findings: Signal<Vec<Finding>>) -> impl IntoView {
    move || {
        let list = findings.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .enumerate()
                .map(|(k, f)| {
                    let sev = f.severity();
                    view! {
                        <li id=message_id(&dom_id, k) class=format!("msg {}", severity_class(sev))>
                            <span class="tag">{sev.text().into_lang(lang())}</span>
                            <span class="text">{f.text().into_lang(lang())}</span>
                            <super::help::RuleLink rule=f.rule />
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="msgs">{items}</ul> }
        })
    }
}

/// A one-line text field of the table.
#[component]
pub fn TextField(
    field: Field,
    get: fn(&Table) -> &String,
    set: fn(&mut Table) -> &mut String,
    #[prop(optional)] required: bool,
    #[prop(optional)] note: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] inputmode: &'static str,
) -> impl IntoView {
    let editor = use_editor();
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let note_id = format!("{id}-note");
    let has_note = !note.is_empty();
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let id_t = id.clone();
    let note_for_desc = note_id.clone();
    let node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(node, move || editor.table.with(|t| get(t).clone()));
    view! {
        <div class=format!("field {class}")>
            <label for=id.clone()>
                {field.heading().into_lang(lang())}
                {required.then(|| view! { <span class="req" aria-hidden="true">"*"</span> })}
            </label>
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-required=required.then_some("true")
                node_ref=node
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    editor.type_text(&id_t, |t| *set(t) = v);
                }
                on:blur=move |_| editor.touch(&id_a)
                aria-invalid=move || shown.with(|f| invalid(f))
                aria-describedby=move || {
                    let extra: Vec<String> = if has_note { vec![note_for_desc.clone()] } else { vec![] };
                    described_by(&id_b, shown.with(Vec::len), &extra)
                }
            />
            {has_note.then(|| view! { <p class="note" id=note_id.clone()>{note}</p> })}
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}

/// An amount of the budget block. The input keeps what the author types
/// (`45.` while typing `45.00`); the table holds it parsed.
#[component]
pub fn AmountField(
    field: Field,
    get: fn(&Table) -> &Amount,
    set: fn(&mut Table, Amount),
    #[prop(optional)] prefix: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let editor = use_editor();
    let id = field_id(field);
    let shown = shown_at(id.clone(), Place::Field(field));
    let text = RwSignal::new(editor.table.with_untracked(|t| get(t).text()));
    // Follow the table when it changes from elsewhere (another table loaded).
    Effect::new(move |_| {
        let model = editor.table.with(|t| get(t).clone());
        if text.with_untracked(|s| Amount::parse(s)) != model {
            text.set(model.text());
        }
    });
    let unit_id = format!("{id}-unit");
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let id_t = id.clone();
    let unit_for_desc = unit_id.clone();
    let node = NodeRef::<leptos::html::Input>::new();
    dom::bind_value(node, move || text.get());
    view! {
        <div class="field amount">
            <span class="prefix" aria-hidden="true">{prefix}</span>
            <label for=id.clone()>
                {field.heading().into_lang(lang())}
                {required.then(|| view! { <span class="req" aria-hidden="true">"*"</span> })}
            </label>
            <span class="with-unit">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-required=required.then_some("true")
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let amount = Amount::parse(&v);
                        text.set(v);
                        editor.type_text(&id_t, |t| set(t, amount));
                    }
                    on:blur=move |_| editor.touch(&id_a)
                    aria-invalid=move || shown.with(|f| invalid(f))
                    aria-describedby=move || described_by(&id_b, shown.with(Vec::len), std::slice::from_ref(&unit_for_desc))
                />
                <span class="unit" id=unit_id>{move || editor.money_unit.get().label()}</span>
            </span>
            <Messages dom_id=id_c findings=shown />
        </div>
    }
}

/// Section 1: 单位编码, 单位名称, 项目名称, 金额单位.
#[component]
pub fn BasicSection() -> impl IntoView {
    let editor = use_editor();
    let unit_id = field_id(Field::MoneyUnit);
    view! {
        <SectionFrame section=Section::Basic>
            <div class="grid basic">
                <TextField
                    field=Field::UnitCode
                    get=|t| &t.unit_code
                    set=|t| &mut t.unit_code
                    inputmode="numeric"
                    class="code"
                    note=tr("数字，如 331202", "Digits, e.g. 331202")
                />
                <TextField field=Field::UnitName get=|t| &t.unit_name set=|t| &mut t.unit_name required=true class="wide" />
                <TextField field=Field::Project get=|t| &t.project set=|t| &mut t.project required=true class="wide" />
                <div class="field unit-select">
                    <label for=unit_id.clone()>{Field::MoneyUnit.heading().into_lang(lang())}</label>
                    <select
                        id=unit_id
                        on:change=move |ev| {
                            if let Some(u) = MoneyUnit::parse(&event_target_value(&ev)) {
                                editor.update(|t| t.money_unit = u);
                            }
                        }
                    >
                        {MoneyUnit::ALL
                            .iter()
                            .map(|&u| {
                                view! {
                                    <option
                                        value=u.label()
                                        prop:selected=move || editor.money_unit.get() == u
                                    >
                                        {u.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="note">{tr("表中所有金额都用这个单位", "Every amount in the table is in this unit (万元 = 10,000 yuan)")}</p>
                </div>
            </div>
        </SectionFrame>
    }
}

/// Section 2: 预算数 = 财政资金 + 其他资金, checked as the author types.
#[component]
pub fn BudgetSection() -> impl IntoView {
    let editor = use_editor();
    let status = move || {
        editor.table.with(|t| {
            let unit = t.money_unit.label();
            let b = &t.budget;
            if b.total.is_blank() && b.fiscal.is_blank() && b.other.is_blank() {
                return (
                    "pending",
                    tr(
                        "填写预算数和财政资金后，这里核对合计。",
                        "Fill in the budget and the fiscal funds; the sum is checked here.",
                    )
                    .to_string(),
                );
            }
            match b.difference() {
                Some(d) if d.is_zero() => (
                    "ok",
                    match lang() {
                        Lang::Zh => format!(
                            "✓ 合计相符：财政资金 + 其他资金 = 预算数 {} {unit}",
                            b.total.text()
                        ),
                        Lang::En => format!(
                            "✓ The sum matches: fiscal + other funds = budget {} {unit}",
                            b.total.text()
                        ),
                    },
                ),
                Some(d) => {
                    let sum = b.fiscal.or_zero().unwrap_or_default()
                        + b.other.or_zero().unwrap_or_default();
                    let gap = d.abs().normalize();
                    let total = b.total.text();
                    let text = match lang() {
                        Lang::Zh => {
                            let dir = if d.is_sign_positive() { "多" } else { "少" };
                            format!(
                                "✗ 合计不符：财政资金 + 其他资金 = {sum} {unit}，比预算数 {total} {unit} {dir} {gap} {unit}（相差 {gap} {unit}）"
                            )
                        }
                        Lang::En => {
                            let dir = if d.is_sign_positive() { "more" } else { "less" };
                            format!(
                                "✗ The sum does not match: fiscal + other funds = {sum} {unit}, {gap} {unit} {dir} than the budget {total} {unit}"
                            )
                        }
                    };
                    ("bad", text)
                }
                None => (
                    "pending",
                    tr(
                        "预算数和各项资金都是数字时，这里核对合计。",
                        "The sum is checked here once the budget and the funds are numbers.",
                    )
                    .to_string(),
                ),
            }
        })
    };
    view! {
        <SectionFrame section=Section::Budget>
            <div class="grid budget">
                <AmountField
                    field=Field::BudgetTotal
                    get=|t| &t.budget.total
                    set=|t, a| t.budget.total = a
                    required=true
                />
                <AmountField
                    field=Field::BudgetFiscal
                    get=|t| &t.budget.fiscal
                    set=|t, a| t.budget.fiscal = a
                    prefix=tr("其中：", "of which:")
                />
                <AmountField
                    field=Field::BudgetOther
                    get=|t| &t.budget.other
                    set=|t, a| t.budget.other = a
                />
            </div>
            <p
                id="budget-sum"
                class=move || format!("sum-check {}", status().0)
                aria-live="polite"
            >
                {move || status().1}
            </p>
            <p class="note">{tr("其他资金没有可留空（按 0 计）。", "Leave other funds empty if there are none (counts as 0).")}</p>
        </SectionFrame>
    }
}

/// Section 3: 资金用途.
#[component]
pub fn PurposeSection() -> impl IntoView {
    let editor = use_editor();
    let id = field_id(Field::Purpose);
    let shown = shown_at(id.clone(), Place::Field(Field::Purpose));
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id.clone());
    let id_t = id.clone();
    let node = NodeRef::<leptos::html::Textarea>::new();
    dom::bind_value(node, move || editor.table.with(|t| t.purpose.clone()));
    view! {
        <SectionFrame section=Section::Purpose>
            <div class="field full">
                <label for=id.clone()>{Field::Purpose.heading().into_lang(lang())}</label>
                <textarea
                    id=id
                    rows="4"
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        editor.type_text(&id_t, |t| t.purpose = v);
                    }
                    on:blur=move |_| editor.touch(&id_a)
                    aria-invalid=move || shown.with(|f| invalid(f))
                    aria-describedby=move || described_by(&id_b, shown.with(Vec::len), &[])
                ></textarea>
                <Messages dom_id=id_c findings=shown />
            </div>
        </SectionFrame>
    }
}

/// Section 4: the numbered goals; add, remove, reorder.
#[component]
pub fn GoalsSection() -> impl IntoView {
    let editor = use_editor();
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
    view! {
        <SectionFrame section=Section::Goals>
            <p class="note">{tr("每条目标写明本年度要完成的产出和达到的效果。", "Each goal says what the year will deliver and what effect it will have.")}</p>
            <ol class="goals">
                <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <Goal index=i /> } />
            </ol>
            <Messages dom_id="goals-list".to_string() findings=list_shown />
            <button type="button" id="goals-add" class="add" on:click=add on:blur=move |_| editor.touch("goals-add")>
                {tr("＋ 新增目标", "+ Add goal")}
            </button>
        </SectionFrame>
    }
}

#[component]
fn Goal(index: usize) -> impl IntoView {
    let editor = use_editor();
    let id = goal_id(index);
    let n = index + 1;
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
            dom::focus_later("goals-add".into(), Some(Section::Goals.heading_id()));
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
                    aria-label=lang().pick(format!("绩效目标 {n}"), format!("Goal {n}"))
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
                    aria-label=lang().pick(format!("上移 绩效目标 {n}"), format!("Move up goal {n}"))
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
                    aria-label=lang().pick(format!("下移 绩效目标 {n}"), format!("Move down goal {n}"))
                    disabled=move || { index + 1 >= count.get() }
                    on:click=move_down
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="icon danger"
                    title=tr("删除", "Delete")
                    aria-label=lang().pick(format!("删除 绩效目标 {n}"), format!("Delete goal {n}"))
                    on:click=remove
                >
                    "✕"
                </button>
            </span>
        </li>
    }
}

/// A numbered section of the page with its heading. (Not a named region:
/// its name would repeat a field's, e.g. 资金用途, and make "the control
/// named 资金用途" ambiguous; only 检查结果 is a region.)
#[component]
pub fn SectionFrame(section: Section, children: Children) -> impl IntoView {
    let editor = use_editor();
    view! {
        <section
            id=section.id()
            class="step"
            on:focusin=move |_| {
                if editor.current.get_untracked() != section {
                    editor.current.set(section);
                }
            }
        >
            <h2 id=section.heading_id() tabindex="-1">
                <span class="step-no">{section.number()}</span>
                {section.title()}
            </h2>
            {children()}
        </section>
    }
}
