//! The indicator rows and the framework: each row's 一级 and 二级 belong to
//! the chosen framework and the row is named; the table as a whole has
//! every 一级 the framework requires, the three output dimensions, a cost
//! row, and no two rows of one name under one 二级.

use std::collections::HashSet;
use std::fmt;

use super::blank;
use super::catalogue::Rule;
use super::finding::Findings;
use super::place::{Column, Field, Place};
use crate::framework::{Framework, Level1, Level2};
use crate::table::{Indicator, Table};

/// The official 一级/二级 a row names, if any: read once per check and
/// shared by every rule.
pub(super) type Kind = (Option<Level1>, Option<Level2>);

/// One indicator row as the rules read it.
#[derive(Clone, Copy)]
pub(super) struct Row<'a> {
    /// The row's index in the table.
    pub(super) index: usize,
    pub(super) ind: &'a Indicator,
    pub(super) level1: Option<Level1>,
    pub(super) level2: Option<Level2>,
    /// The 三级 name, trimmed.
    pub(super) name: &'a str,
}

impl<'a> Row<'a> {
    pub(super) fn new(index: usize, ind: &'a Indicator, (level1, level2): Kind) -> Row<'a> {
        Row {
            index,
            ind,
            level1,
            level2,
            name: ind.name.trim(),
        }
    }

    /// How a message names the row, in Chinese and in English.
    pub(super) fn shown(&self) -> (Shown<'a>, Shown<'a>) {
        let (name, n) = (self.name, self.index + 1);
        (Shown { name, n, en: false }, Shown { name, n, en: true })
    }
}

/// The 一级/二级 of a row.
pub(super) fn kind(ind: &Indicator) -> Kind {
    (ind.level1_kind(), ind.level2_kind())
}

pub(super) fn is_satisfaction(l1: Option<Level1>, l2: Option<Level2>) -> bool {
    l2 == Some(Level2::Satisfaction) || l1 == Some(Level1::Satisfaction)
}

fn framework_name(f: Framework) -> &'static str {
    match f {
        Framework::F2020 => "2020版（财预〔2020〕10号）",
        Framework::F2021 => "2021版（财预〔2021〕101号）",
    }
}

/// How a message names a row: by its name, or by its number when it has
/// none. Formatted only when a finding is made, so clean rows cost nothing.
#[derive(Clone, Copy)]
pub(super) struct Shown<'a> {
    name: &'a str,
    n: usize,
    en: bool,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.name.is_empty(), self.en) {
            (true, false) => write!(f, "第 {} 行", self.n),
            (true, true) => write!(f, "row {}", self.n),
            (false, false) => write!(f, "「{}」", self.name),
            (false, true) => write!(f, "\"{}\"", self.name),
        }
    }
}

/// Whether a row is a cost indicator (成本指标, 经济成本指标 …).
pub(super) fn is_cost_row(l1: Option<Level1>, l2: Option<Level2>, ind: &Indicator) -> bool {
    l2.is_some_and(Level2::is_cost) || (l1 == Some(Level1::Cost) && blank(&ind.level2))
}

/// Where a row sits in the framework, and whether it is named.
pub(super) fn check_placement(t: &Table, r: &Row, out: &mut Findings) {
    let Row {
        index: row,
        ind,
        level1: l1,
        level2: l2,
        name,
    } = *r;
    let at = |column| Place::Indicator { row, column };
    let n = row + 1;
    let fw = t.framework;

    // Placement in the framework.
    match l1 {
        _ if blank(&ind.level1) => out.add(
            Rule::Level1Unknown,
            at(Column::Level1),
            format!("第 {n} 行没有一级指标：请选择 {}。", level1_choices(fw)),
            format!(
                "Row {n} has no level-1 indicator: choose one of {}.",
                level1_choices(fw)
            ),
        ),
        Some(k) if fw.level1s().contains(&k) => {}
        _ => out.add(
            Rule::Level1Unknown,
            at(Column::Level1),
            format!(
                "第 {n} 行的一级指标「{}」不在{}框架中：请改为 {}{}。",
                ind.level1.trim(),
                framework_name(fw),
                level1_choices(fw),
                if l1 == Some(Level1::Cost) {
                    "，或把框架切换为2021版"
                } else {
                    ""
                }
            ),
            format!(
                "Row {n}: level-1 \"{}\" is not in the {} framework: use one of {}.",
                ind.level1.trim(),
                fw.label(),
                level1_choices(fw)
            ),
        ),
    }
    if let Some(k1) = l1.filter(|k| fw.level1s().contains(k)) {
        let allowed = fw.level2s(k1);
        match l2 {
            Some(k2) if allowed.contains(&k2) => {}
            _ => {
                let choices: Vec<&str> = allowed.iter().map(|l| l.name()).collect();
                let what = if blank(&ind.level2) {
                    format!("第 {n} 行没有二级指标")
                } else {
                    format!(
                        "第 {n} 行的二级指标「{}」不属于「{}」",
                        ind.level2.trim(),
                        k1.name()
                    )
                };
                out.add(
                    Rule::Level2Mismatch,
                    at(Column::Level2),
                    format!("{what}：{}下应为 {}。", k1.name(), choices.join("、")),
                    format!(
                        "Row {n}: level-2 \"{}\" does not belong under {}: use one of {}.",
                        ind.level2.trim(),
                        k1.name(),
                        choices.join(", ")
                    ),
                );
            }
        }
    }

    if name.is_empty() {
        out.add(
            Rule::NameMissing,
            at(Column::Name),
            format!("第 {n} 行没有三级指标名称：请写明衡量什么，如“完成任务时间”。"),
            format!("Row {n} has no indicator name: say what is measured."),
        );
    }
}

fn level1_choices(fw: Framework) -> String {
    fw.level1s()
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join("、")
}

/// Rules about the indicator table as a whole.
pub(super) fn check_tree(t: &Table, kinds: &[Kind], out: &mut Findings) {
    let fw = t.framework;

    for l1 in fw.level1s() {
        if !kinds.iter().any(|(k, _)| *k == Some(*l1)) {
            out.add(
                Rule::Level1Missing,
                Place::Field(Field::Indicators),
                format!(
                    "缺少一级指标「{}」：请至少添加一行{}。",
                    l1.name(),
                    l1.name()
                ),
                format!(
                    "The level-1 indicator {} ({}) is missing: add at least one row.",
                    l1.name(),
                    l1.label().en
                ),
            );
        }
    }

    let has_output = kinds.iter().any(|(k, _)| *k == Some(Level1::Output));
    if has_output {
        for l2 in [Level2::Quantity, Level2::Quality, Level2::Timeliness] {
            if !kinds.iter().any(|(_, k)| *k == Some(l2)) {
                out.add(
                    Rule::OutputDimensionMissing,
                    Place::Field(Field::Indicators),
                    format!("产出指标下没有「{}」：产出一般从数量、质量、时效三方面设置指标。", l2.name()),
                    format!("Output has no {} indicator ({}): outputs usually cover quantity, quality and timeliness.", l2.name(), l2.label().en),
                );
            }
        }
    }

    let any_cost = t
        .indicators
        .iter()
        .zip(kinds)
        .any(|(ind, (l1, l2))| is_cost_row(*l1, *l2, ind));
    if !t.indicators.is_empty() && !any_cost {
        let (l1, l2) = fw.translate(Level2::Cost);
        out.add(
            Rule::CostMissing,
            Place::Field(Field::Indicators),
            format!(
                "没有成本指标：请在「{}」下添加「{}」，如 经费总额 ≤{}{}。",
                l1.name(),
                l2.name(),
                t.budget.total.text().trim(),
                t.money_unit
            ),
            format!(
                "There is no cost indicator: add {} under {}, e.g. total funds ≤ the budget.",
                l2.name(),
                l1.name()
            ),
        );
    }

    // Keys borrow from the table: canonical names where official, the
    // written text otherwise.
    type Key<'a> = (Result<Level1, &'a str>, Result<Level2, &'a str>, &'a str);
    let mut seen: HashSet<Key> = HashSet::with_capacity(t.indicators.len());
    for (row, (ind, (l1, l2))) in t.indicators.iter().zip(kinds).enumerate() {
        let name = ind.name.trim();
        if name.is_empty() {
            continue;
        }
        let key = (
            l1.ok_or(ind.level1.trim()),
            l2.ok_or(ind.level2.trim()),
            name,
        );
        if !seen.insert(key) {
            let l2: &str = match l2 {
                Some(k) => k.name(),
                None => ind.level2.trim(),
            };
            out.add(
                Rule::DuplicateName,
                Place::Indicator {
                    row,
                    column: Column::Name,
                },
                format!("「{l2}」下已有名为「{name}」的三级指标：请合并两行，或改名以区分。"),
                format!("\"{name}\" appears twice under {l2}: merge the rows or rename one."),
            );
        }
    }
}
