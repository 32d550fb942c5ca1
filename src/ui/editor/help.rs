//! The rule help page (`#help`, `#help/<code>`): every rule of the
//! catalogue with its severity, what it checks and a bad and a good
//! example, and short guidance per kind of indicator. Built from
//! [`Rule::ALL`] and [`guidance::ALL`], so it cannot drift from the checker.
//!
//! Each finding links here by its code; the page is a hash route over the
//! editor (the editor stays mounted, hidden), so going back returns to the
//! same place with focus on the link that was followed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::guidance;
use crate::domain::rules::{Rule, Severity};
use crate::domain::{Bilingual, Lang};
use crate::ui::lang::{lang, tr};

use super::severity::severity_class;

/// The id of the help page heading.
pub const HEADING_ID: &str = "help-h";

/// Where the page is: the editor (`None`) or the help page, optionally at
/// one rule (`Some(code)`, empty for the top).
#[derive(Clone, Copy)]
pub struct HelpRoute {
    pub at: RwSignal<Option<String>>,
    /// The element focused when help opened (focus returns there).
    came_from: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl HelpRoute {
    pub fn open(&self) -> bool {
        self.at.with(Option::is_some)
    }
}

/// Reads `#help…` from the address now and on every hash change.
pub fn install() -> HelpRoute {
    let route = HelpRoute {
        at: RwSignal::new(parse_hash(&current_hash())),
        came_from: StoredValue::new_local(None),
    };
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = parse_hash(&current_hash());
        let was_open = route.open();
        match (&next, was_open) {
            (Some(_), false) => {
                route.came_from.set_value(document().active_element());
            }
            (None, true) => {
                let back = route.came_from.get_value();
                request_animation_frame(move || {
                    if let Some(el) = back.filter(|e| e.is_connected()) {
                        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = h.focus();
                        }
                    }
                });
            }
            _ => {}
        }
        route.at.set(next.clone());
        if let Some(code) = next {
            focus_rule(&code);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(route);
    if let Some(code) = route.at.get_untracked() {
        focus_rule(&code);
    }
    route
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// `#help` → `Some("")`, `#help/budget-sum` → `Some("budget-sum")`.
fn parse_hash(hash: &str) -> Option<String> {
    let rest = hash.strip_prefix("#help")?;
    match rest.strip_prefix('/') {
        Some(code) => Some(code.to_string()),
        None if rest.is_empty() => Some(String::new()),
        None => None,
    }
}

/// The link to one rule's entry.
pub fn rule_href(rule: Rule) -> String {
    format!("#help/{}", rule.code())
}

/// The id of a rule's row on the help page.
fn rule_row_id(code: &str) -> String {
    format!("rule-{code}")
}

/// Moves focus to the rule's row (or the heading) once the page is drawn.
fn focus_rule(code: &str) {
    let target = if Rule::from_code(code).is_some() {
        rule_row_id(code)
    } else {
        HEADING_ID.to_string()
    };
    crate::ui::dom::focus_later(target, Some(HEADING_ID.to_string()));
}

/// Leaves the help page (back to where the author was).
fn close() {
    let _ = window().location().set_hash("");
}

/// A finding's link to its rule on the help page.
#[component]
pub fn RuleLink(rule: Rule) -> impl IntoView {
    let label = match lang() {
        Lang::Zh => format!("规则说明：{}", rule.code()),
        Lang::En => format!("About rule {}", rule.code()),
    };
    view! {
        <a class="rule-link" href=rule_href(rule) aria-label=label.clone() title=label>
            {tr("说明", "Help")}
        </a>
    }
}

/// The help page.
#[component]
pub fn HelpPage() -> impl IntoView {
    let route = expect_context::<HelpRoute>();
    let l = lang();
    let target = move || route.at.get().unwrap_or_default();
    let guidance = guidance::ALL
        .iter()
        .map(|g| {
            view! {
                <li>
                    <h4>{g.title.get(l)}</h4>
                    <p>{g.text.get(l)}</p>
                    <p class="example">
                        {tr("例：", "Example: ")}
                        <code>{g.example.0}</code>
                        " "
                        <code>{g.example.1}</code>
                    </p>
                </li>
            }
        })
        .collect_view();
    let rows = Rule::ALL
        .iter()
        .map(|&r| {
            let code = r.code();
            let sev = r.severity();
            view! {
                <tr
                    id=rule_row_id(code)
                    tabindex="-1"
                    class:target=move || target() == code
                >
                    <th scope="row"><code>{code}</code></th>
                    <td>
                        <span class=format!("tag {}", severity_class(sev))>{sev.text().into_lang(l)}</span>
                    </td>
                    <td>{r.summary().into_lang(l)}</td>
                    <td class="bad"><span class="visually-hidden">{tr("不好：", "Bad: ")}</span>{r.example_bad()}</td>
                    <td class="good"><span class="visually-hidden">{tr("好：", "Good: ")}</span>{r.example_good()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="help" aria-labelledby=HEADING_ID>
            <div class="help-head">
                <h2 id=HEADING_ID tabindex="-1">{tr("规则说明", "Rule help")}</h2>
                <button type="button" class="primary" on:click=move |_| close()>
                    {tr("← 返回表格", "← Back to the table")}
                </button>
            </div>
            <p>
                {tr(
                    "检查按财政部绩效目标审核要求进行：完整、相关、适当、可行，指标细化、量化、可衡量。",
                    "The checks follow the Ministry of Finance review of performance targets: complete, relevant, proportionate and feasible, with indicators that are specific, quantified and measurable.",
                )}
            </p>
            <ul class="severities">
                <li>
                    <span class="tag error">{Severity::Error.text().into_lang(l)}</span>
                    {tr("：表格不能提交，必须修改。", ": the table cannot be submitted until it is fixed.")}
                </li>
                <li>
                    <span class="tag warning">{Severity::Warning.text().into_lang(l)}</span>
                    {tr("：很可能有误，请核对。", ": probably wrong; please check.")}
                </li>
                <li>
                    <span class="tag hint">{Severity::Hint.text().into_lang(l)}</span>
                    {tr("：写法建议。", ": a suggestion on wording.")}
                </li>
            </ul>
            <h3>{tr("怎样写好各类指标", "Writing each kind of indicator")}</h3>
            <ul class="guidance">{guidance}</ul>
            <h3 id="help-rules-h">{tr("全部规则", "All rules")}</h3>
            <div class="table-scroll">
                <table class="rules" aria-labelledby="help-rules-h">
                    <thead>
                        <tr>
                            <th scope="col">{tr("代码", "Code")}</th>
                            <th scope="col">{tr("级别", "Severity")}</th>
                            <th scope="col">{tr("检查什么", "What it checks")}</th>
                            <th scope="col">{tr("不好的写法", "Bad")}</th>
                            <th scope="col">{tr("好的写法", "Good")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_hash;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn help_routes_are_read_from_the_hash() {
        assert_eq!(parse_hash("#help"), Some(String::new()));
        assert_eq!(parse_hash("#help/budget-sum"), Some("budget-sum".into()));
        assert_eq!(parse_hash("#share=v1.abc"), None);
        assert_eq!(parse_hash("#helpful"), None);
        assert_eq!(parse_hash(""), None);
    }
}
