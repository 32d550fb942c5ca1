//! The goals (绩效目标): at least one, and none left empty.

use super::blank;
use super::catalogue::Rule;
use super::finding::Findings;
use super::place::{Field, Place};
use crate::table::Table;

pub(super) fn check_goals(t: &Table, out: &mut Findings) {
    if t.goals.iter().all(|g| blank(g)) {
        out.add(
            Rule::GoalMissing,
            Place::Field(Field::Goals),
            "请至少填写一条绩效目标，说明本年度要达到的产出和效果。".into(),
            "Enter at least one goal: what the project will deliver and achieve this year.".into(),
        );
    } else {
        for (i, g) in t.goals.iter().enumerate() {
            if blank(g) {
                out.add(
                    Rule::GoalEmpty,
                    Place::Goal(i),
                    format!("第 {} 条绩效目标为空：请填写或删除它。", i + 1),
                    format!("Goal {} is empty: fill it in or remove it.", i + 1),
                );
            }
        }
    }
}
