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
//!   dates, costs, satisfaction, units);
//! - and the rules on the table as a whole that reviewers apply by hand:
//!   `costs.rs` (the cost lines add up within the budget), `benefits.rs`
//!   (a 效益 row is not an output again), `coverage.rs` (goals and
//!   indicators measure each other), with `terms.rs`, the key terms two
//!   texts share.

mod benefits;
mod catalogue;
mod costs;
mod coverage;
mod fields;
mod finding;
mod form_fields;
mod goals;
mod indicators;
mod place;
mod plan;
mod terms;
mod values;

pub use catalogue::{Rule, Severity};
pub use finding::{Counts, Finding};
pub use place::{Column, Field, Place};

use crate::table::Table;
use crate::value::{self, Date};
use finding::Findings;
use indicators::Row;

/// Checks one table. Findings come in table order: fields first, then the
/// goals, the indicator rows, then the rules on the table as a whole.
pub fn check(table: &Table) -> Vec<Finding> {
    let mut out = Findings(Vec::new(), table.form);
    fields::check_fields(table, &mut out);
    form_fields::check_form_fields(table, &mut out);
    plan::check_plan(table, &mut out);
    goals::check_goals(table, &mut out);
    // Each row's 一级/二级 are read once and shared by every rule.
    let kinds: Vec<indicators::Kind> = table.indicators.iter().map(indicators::kind).collect();
    // Each 指标值 is parsed once; what the table-wide rules need of it is
    // kept as a `Measure` (the parsed values themselves are dropped row by
    // row: keeping a thousand costs more than those rules together).
    let mut measures: Vec<Option<Measure>> = Vec::with_capacity(table.indicators.len());
    let plan_end = table.plan_end.as_deref().and_then(Date::parse);
    for (index, (ind, kind)) in table.indicators.iter().zip(&kinds).enumerate() {
        let row = Row::new(index, ind, *kind);
        indicators::check_placement(table, &row, &mut out);
        let val = value::parse(&ind.value);
        values::check_value(table, &row, &val, plan_end, &mut out);
        measures.push(val.quantity().map(Measure::of));
    }
    indicators::check_tree(table, &kinds, &mut out);
    if let Some(budget) = costs::Cap::budget(table) {
        costs::check_cost_lines(table, &kinds, &measures, budget, &mut out);
    }
    benefits::check_benefits(table, &kinds, &measures, &mut out);
    coverage::check_coverage(table, &kinds, &mut out);
    out.0
}

/// A quantitative 指标值 as the table-wide rules read it: all of it but the
/// unit's text, which is hashed (so it is `Copy`, and costs no allocation).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Measure {
    comparison: value::Comparison,
    number: rust_decimal::Decimal,
    class: value::UnitClass,
    /// The unit, hashed (FNV-1a): equal units, equal hashes.
    unit: u64,
}

impl Measure {
    fn of(q: &value::Quantity) -> Measure {
        let mut unit: u64 = 0xcbf2_9ce4_8422_2325;
        for b in q.unit.bytes() {
            unit = (unit ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Measure {
            comparison: q.comparison,
            number: q.number,
            class: q.class,
            unit,
        }
    }

    /// The amount in 元, for a money value.
    fn in_yuan(&self) -> Option<rust_decimal::Decimal> {
        match self.class {
            value::UnitClass::Money(scale) => self.number.checked_mul(scale),
            _ => None,
        }
    }
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

    /// The shortcuts that pick one language without copying say what the
    /// `Text` says.
    #[test]
    fn the_one_language_shortcuts_say_what_the_text_says() {
        let cell = Place::Indicator {
            row: 3,
            column: Column::Value,
        };
        assert_eq!(cell.label(Lang::En), "Indicator row 4, target value");
        assert_eq!(cell.label(Lang::Zh), cell.text().zh);
        assert_eq!(Field::Project.title(Lang::En), "Project name");
        for s in [Severity::Error, Severity::Warning, Severity::Hint] {
            assert_eq!(s.label(Lang::Zh), s.text().zh);
            assert_eq!(s.label(Lang::En), s.text().en);
        }
        let f = check(&Table::default()).remove(0);
        assert_eq!(f.message_in(Lang::Zh), f.text().zh);
        assert_eq!(f.message_in(Lang::En), f.text().en);
    }
}
