//! The finding messages shown at an input, once the author has left it (or
//! opened the summary): the list under the input, and the `aria-invalid`
//! and `aria-describedby` that tie them to it.

use leptos::prelude::*;

use crate::domain::lang::capitalized;
use crate::domain::rules::{Finding, Place, Severity};
use crate::domain::{Bilingual, Lang};
use crate::ui::lang::lang;

use super::anchor::message_id;
use super::help::RuleLink;
use super::severity::severity_class;
use super::state::use_editor;

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
                            <RuleLink rule=f.rule />
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="msgs">{items}</ul> }
        })
    }
}

/// The messages of one indicator row, on a table line of their own under
/// it (`span` cells after the 一级 and 二级 ones), each naming the column it
/// is about as the form does. Element ids as [`message_id`]
/// of `base`, numbered over the row (the cells' `aria-describedby` name
/// theirs).
#[component]
pub fn RowMessages(base: String, shown: Memo<Vec<Finding>>, span: usize) -> impl IntoView {
    let editor = use_editor();
    let form = editor.form.get_untracked();
    move || {
        let list = shown.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .enumerate()
                .map(|(k, f)| {
                    let sev = f.severity();
                    let col = match f.place {
                        Place::Indicator { column, .. } => {
                            let name = form.column_label(column);
                            match lang() {
                                Lang::Zh => name.zh.into_owned(),
                                Lang::En => capitalized(&name.en),
                            }
                        }
                        _ => String::new(),
                    };
                    view! {
                        <li id=message_id(&base, k) class=format!("msg {}", severity_class(sev))>
                            <span class="tag">{sev.text().into_lang(lang())}</span>
                            <span class="where">{col}</span>
                            <span class="text">{f.text().into_lang(lang())}</span>
                            <RuleLink rule=f.rule />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <tr role="row" class="msg-row">
                    <td role="cell" class="l1 cont"></td>
                    <td role="cell" class="l2 cont"></td>
                    <td role="cell" class="msg-cell" colspan=span.to_string()>
                        <ul class="msgs">{items}</ul>
                    </td>
                </tr>
            }
        })
    }
}
