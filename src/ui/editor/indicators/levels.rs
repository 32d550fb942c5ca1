//! The options of a row's 一级 and 二级 selects: the framework's choices,
//! and first a disabled prompt when the row's own text is none of them (so
//! the select still shows what was imported or typed).

use leptos::prelude::*;

use crate::domain::framework::{Framework, Level1, Level2};
use crate::ui::lang::{lang, tr};

use super::level_text;

/// The 一级 of `fw`, `current` selected; `raw` is the row's 一级 cell.
pub(super) fn level1_options(fw: Framework, current: Option<Level1>, raw: &str) -> Vec<AnyView> {
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
        opts.push(prompt(text));
    }
    for &l in fw.level1s() {
        let sel = current == Some(l);
        opts.push(
            view! { <option value=l.name() prop:selected=sel>{level_text(l.label())}</option> }
                .into_any(),
        );
    }
    opts
}

/// The 二级 under the row's 一级 (`level1`, when it is in `fw`; else every
/// 二级 of `fw`), `current` selected; `raw` is the row's 二级 cell.
pub(super) fn level2_options(
    fw: Framework,
    level1: Option<Level1>,
    current: Option<Level2>,
    raw: &str,
) -> Vec<AnyView> {
    let l1 = level1.filter(|l| fw.level1s().contains(l));
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
        opts.push(prompt(text));
    }
    for l in choices {
        let sel = current == Some(l);
        opts.push(
            view! { <option value=l.name() prop:selected=sel>{level_text(l.label())}</option> }
                .into_any(),
        );
    }
    opts
}

/// The disabled, selected first option.
fn prompt(text: String) -> AnyView {
    view! { <option value="" disabled=true selected=true>{text}</option> }.into_any()
}
