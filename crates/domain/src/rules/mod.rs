//! The review rules: what a finance reviewer would send back.
//!
//! [`check`] is a pure function of one table. It parses each 指标值 once and
//! walks the rows a fixed number of times, so it is cheap enough to run on
//! every keystroke. Each finding carries a stable [`Rule`] code, the
//! [`Place`] it points at, and a message in Chinese and in English that says
//! what to change. [`Rule::ALL`] is the catalogue for help pages and docs.
//! The table's form (`crates/domain/src/form/`) says which rules apply
//! ([`crate::form::Form::checks`]) and names its fields in the messages.
//!
//! The files of this folder:
//! - `place.rs`: where a finding points ([`Field`], [`Column`], [`Place`])
//!   and their names;
//! - `catalogue.rs`: every [`Rule`] with its code, [`Severity`], summary and
//!   help examples;
//! - `finding.rs`: [`Finding`] and [`Counts`];
//! - the engine, by what it checks: `fields.rs` (names and money),
//!   `form_fields.rs` (what a form requires, and the money blocks of the
//!   上海 申报表), `plan.rs` (planned dates, year and span), `goals.rs`, `indicators.rs` (each row's place in the framework, and
//!   the indicator tree as a whole), `values.rs` (each 指标值: targets,
//!   dates, costs, satisfaction, units).

mod catalogue;
mod fields;
mod finding;
mod form_fields;
mod goals;
mod indicators;
mod place;
mod plan;
mod values;

pub use catalogue::{Rule, Severity};
pub use finding::{Counts, Finding};
pub use place::{Column, Field, Place};

use crate::table::Table;
use crate::value::{self, Date};
use finding::Findings;
use indicators::Row;

/// Checks one table. Findings come in table order: fields first, then the
/// goals, the indicator rows, then the table-wide indicator rules.
pub fn check(table: &Table) -> Vec<Finding> {
    let mut out = Findings(Vec::new(), table.form);
    fields::check_fields(table, &mut out);
    form_fields::check_form_fields(table, &mut out);
    plan::check_plan(table, &mut out);
    goals::check_goals(table, &mut out);
    // Each row's 一级/二级 are read once and shared by every rule.
    let kinds: Vec<indicators::Kind> = table.indicators.iter().map(indicators::kind).collect();
    let plan_end = table.plan_end.as_deref().and_then(Date::parse);
    for (index, (ind, kind)) in table.indicators.iter().zip(&kinds).enumerate() {
        let row = Row::new(index, ind, *kind);
        indicators::check_placement(table, &row, &mut out);
        values::check_value(table, &row, &value::parse(&ind.value), plan_end, &mut out);
    }
    indicators::check_tree(table, &kinds, &mut out);
    out.0
}

/// Whether a cell is empty once trimmed.
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Bilingual, Lang, Text};

    #[test]
    fn paths_name_the_exchange_keys() {
        assert_eq!(Place::Field(Field::BudgetTotal).path(), "budget.total");
        assert_eq!(
            Place::Indicator {
                row: 3,
                column: Column::Value
            }
            .path(),
            "indicators[3].value"
        );
        assert_eq!(Place::Goal(0).path(), "goals[0]");
    }

    #[test]
    fn places_and_names_are_told_in_both_languages() {
        let cell = Place::Indicator {
            row: 3,
            column: Column::Value,
        };
        assert_eq!(
            cell.text(),
            Text::new("第 4 行指标 · 指标值", "Indicator row 4, target value")
        );
        assert_eq!(Place::Goal(0).text().en, "Goal 1");
        assert_eq!(
            Place::Field(Field::Project).text(),
            Text::new("项目名称", "Project name")
        );
        assert_eq!(Field::Project.label().en, "project name");
        assert_eq!(Column::Value.heading(), Text::new("指标值", "Target value"));
    }

    #[test]
    fn a_finding_tells_its_message_in_both_languages() {
        let f = check(&Table::default())
            .into_iter()
            .find(|f| f.rule == Rule::ProjectMissing)
            .expect("an empty table has no project name");
        assert_eq!(
            f.text(),
            Text::new("请填写项目名称。", "Enter the project name.")
        );
    }

    /// The wrappers kept for callers not yet on `Text` answer as the
    /// functions they replace did. (This test goes with them.)
    #[test]
    fn the_old_names_answer_as_before() {
        let cell = Place::Indicator {
            row: 3,
            column: Column::Value,
        };
        assert_eq!(cell.label(Lang::En), "Indicator row 4, target value");
        assert_eq!(cell.label_zh(), "第 4 行指标 · 指标值");
        assert_eq!(Field::Project.title(Lang::En), "Project name");
        assert_eq!(
            (Column::Name.label_zh(), Column::Name.label_en()),
            ("三级指标", "level-3 indicator")
        );
        assert_eq!(Severity::Hint.label(Lang::En), "hint");
        assert_eq!(
            (Severity::Warning.label_zh(), Severity::Warning.label_en()),
            ("警告", "warning")
        );
        for r in Rule::ALL {
            let s = r.summary();
            assert_eq!((r.summary_zh(), r.summary_en()), (&*s.zh, &*s.en));
        }
        let f = check(&Table::default()).remove(0);
        assert_eq!(f.message_in(Lang::Zh), f.message);
        assert_eq!(f.message_in(Lang::En), f.message_en);
        let v = crate::value::parse("3个");
        assert_eq!(v.reading_zh(), v.reading().zh);
        assert_eq!(v.reading_en(), v.reading().en);
    }
}
