//! Goals and indicators measure the same things: each numbered 绩效目标
//! shares a key term (see `terms.rs`) with some indicator, and each
//! indicator that measures something specific shares one with some goal.
//!
//! Both are hints, and kept quiet where a reviewer would not object:
//! satisfaction, timeliness and cost rows measure the project as a whole
//! (完成时间, 经费总额, 服务对象满意度) and relate to every goal; a goal made
//! only of generic words has nothing to look for.
//!
//! An indicator also relates to the project as a whole: a key term of the
//! project's name or of its overall goal (上海's 项目总目标, which the
//! year's goals only break down) is enough for it, though neither is a goal
//! that must be measured.
//!
//! One pass: the goals' terms are gathered once per check into a small
//! hash map, each with the goals it comes from; then every row's terms are
//! looked up in it, and a row stops as soon as it is known to relate to a
//! goal and every goal is known to be measured.

use super::catalogue::Rule;
use super::finding::Findings;
use super::indicators::{Kind, Row};
use super::place::{Column, Place};
use super::terms::{self, Term, TermMap};
use crate::framework::Level2;
use crate::table::Table;

/// How many goals are told apart (a bit each); a table has a handful.
const MAX_GOALS: usize = 63;

/// The bit of the project's name and overall goal: related to, never
/// measured.
const PROJECT: u64 = 1 << MAX_GOALS;

/// How much of a goal a message quotes.
const QUOTED_CHARS: usize = 20;

pub(super) fn check_coverage(t: &Table, kinds: &[Kind], out: &mut Findings) {
    if t.indicators.is_empty() {
        return;
    }
    // Every goal term, with the goals it is in as bits. A text has at most
    // one term per character.
    let overall = t.overall_goal.as_deref().unwrap_or("");
    let room = t.goals.iter().map(|g| g.chars().count()).sum::<usize>()
        + t.project.chars().count()
        + overall.chars().count();
    let mut goal_terms = TermMap::with_room_for(room);
    // Goals with something to look for; the others count as measured.
    let mut to_measure: u64 = 0;
    let mut any_terms = false;
    for (i, goal) in t.goals.iter().enumerate() {
        let bit = 1u64 << i.min(MAX_GOALS - 1);
        let mut any = false;
        terms::find(goal, &mut |term| {
            if !terms::is_generic(term) {
                goal_terms.insert(term, bit);
                any = true;
            }
            false
        });
        if any && i < MAX_GOALS {
            to_measure |= bit;
        }
        any_terms |= any;
    }
    if !any_terms {
        return;
    }
    for text in [t.project.as_str(), overall] {
        terms::find(text, &mut |term| {
            if !terms::is_generic(term) {
                goal_terms.insert(term, PROJECT);
            }
            false
        });
    }
    let lookup = |term: Term| goal_terms.get(term);

    let all_measured = |measured: u64| measured & to_measure == to_measure;
    let mut measured: u64 = 0;
    for (row, (ind, kind)) in t.indicators.iter().zip(kinds).enumerate() {
        let specific = measures_something_specific(kind.1);
        if !specific && all_measured(measured) {
            continue;
        }
        let name = ind.name.trim();
        let specific = specific && !name.is_empty();
        let mut related = false;
        let mut see = |term: Term| {
            let goals = lookup(term);
            if goals != 0 {
                related = true;
                measured |= goals;
            }
            // Nothing more to learn from this row.
            related && all_measured(measured)
        };
        let description = ind.description.trim();
        // The value's number and unit (`≥500人次`) or its words.
        let _stopped_early = terms::find(name, &mut see)
            || (description != name && terms::find(description, &mut see))
            || terms::find(&ind.value, &mut see);
        if specific && !related {
            let (shown, shown_en) = Row::new(row, ind, *kind).shown();
            out.add(
                Rule::IndicatorUnrelated,
                Place::Indicator {
                    row,
                    column: Column::Name,
                },
                format!("指标{shown}与各条绩效目标没有共同的关键词：请在绩效目标中写明它衡量的产出或效果，或改用衡量目标的指标。"),
                format!("Indicator {shown_en} shares no key term with any goal: say in a goal what it measures, or measure a goal instead."),
            );
        }
    }

    for (i, goal) in t.goals.iter().enumerate().take(MAX_GOALS) {
        let bit = 1u64 << i;
        if to_measure & bit != 0 && measured & bit == 0 {
            let quoted = quote(goal);
            out.add(
                Rule::GoalUnmeasured,
                Place::Goal(i),
                format!("第 {} 条绩效目标「{quoted}」没有指标衡量：没有一行指标与它有共同的关键词。请为它添加数量、质量或效益指标（如目标写了培训500人次，就设“培训人次 ≥500人次”）。", i + 1),
                format!("Goal {} \"{quoted}\" is measured by no indicator: no row shares a key term with it. Add a quantity, quality or benefit indicator for it (a goal of training 500 people calls for 培训人次 ≥500人次).", i + 1),
            );
        }
    }
}

/// Rows that measure one thing the project does or achieves: quantity,
/// quality and the benefits. Timeliness, cost and satisfaction rows measure
/// the project as a whole, and a row of unknown kind is judged elsewhere.
fn measures_something_specific(l2: Option<Level2>) -> bool {
    matches!(
        l2,
        Some(
            Level2::Quantity
                | Level2::Quality
                | Level2::EconomicBenefit
                | Level2::SocialBenefit
                | Level2::EcologicalBenefit
                | Level2::Sustainability
        )
    )
}

/// The start of a goal, for a message: its first characters, and `…` when
/// there is more.
fn quote(goal: &str) -> String {
    let goal = goal.trim();
    let mut quoted: String = goal.chars().take(QUOTED_CHARS).collect();
    if goal.chars().nth(QUOTED_CHARS).is_some() {
        quoted.push('…');
    }
    quoted
}
