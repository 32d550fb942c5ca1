//! A table's fields by [`Field`]: their text as an input shows it, setting
//! them from typed or imported text, and whether they hold anything. With
//! a form's [`super::FieldSpec`]s this is all a page or an importer needs
//! to handle a form's fields without knowing them one by one.

use crate::budget::{Amount, MoneyUnit};
use crate::rules::Field;
use crate::table::Table;

/// An optional text field.
fn optional_text(t: &Table, field: Field) -> Option<&Option<String>> {
    Some(match field {
        Field::Year => &t.year,
        Field::Nature => &t.nature,
        Field::Category => &t.category,
        Field::Department => &t.department,
        Field::Implementer => &t.implementer,
        Field::PlanStart => &t.plan_start,
        Field::PlanEnd => &t.plan_end,
        Field::OverallGoal => &t.overall_goal,
        _ => return None,
    })
}

/// The slot of an optional text field, to set it.
fn text_slot(t: &mut Table, field: Field) -> Option<&mut Option<String>> {
    Some(match field {
        Field::Year => &mut t.year,
        Field::Nature => &mut t.nature,
        Field::Category => &mut t.category,
        Field::Department => &mut t.department,
        Field::Implementer => &mut t.implementer,
        Field::PlanStart => &mut t.plan_start,
        Field::PlanEnd => &mut t.plan_end,
        Field::OverallGoal => &mut t.overall_goal,
        _ => return None,
    })
}

impl Field {
    /// The amount this field holds, if it is an amount.
    pub fn amount(self, t: &Table) -> Option<&Amount> {
        Some(match self {
            Field::BudgetTotal => &t.budget.total,
            Field::BudgetFiscal => &t.budget.fiscal,
            Field::BudgetOther => &t.budget.other,
            Field::Carryover => &t.carryover,
            Field::TotalFunds => &t.total_funds,
            Field::TotalFundsFiscal => &t.total_funds_fiscal,
            Field::TotalFundsOther => &t.total_funds_other,
            _ => return None,
        })
    }

    fn amount_mut(self, t: &mut Table) -> Option<&mut Amount> {
        Some(match self {
            Field::BudgetTotal => &mut t.budget.total,
            Field::BudgetFiscal => &mut t.budget.fiscal,
            Field::BudgetOther => &mut t.budget.other,
            Field::Carryover => &mut t.carryover,
            Field::TotalFunds => &mut t.total_funds,
            Field::TotalFundsFiscal => &mut t.total_funds_fiscal,
            Field::TotalFundsOther => &mut t.total_funds_other,
            _ => return None,
        })
    }

    /// The field's text as an input shows it: an amount as written
    /// (`45.00`), the money unit's label, the goals one per line.
    pub fn text(self, t: &Table) -> String {
        if let Some(a) = self.amount(t) {
            return a.text();
        }
        if let Some(v) = optional_text(t, self) {
            return v.clone().unwrap_or_default();
        }
        match self {
            Field::UnitCode => t.unit_code.clone(),
            Field::UnitName => t.unit_name.clone(),
            Field::MoneyUnit => t.money_unit.label().to_string(),
            Field::Project => t.project.clone(),
            Field::Purpose => t.purpose.clone(),
            Field::Goals => t.goals.join("\n"),
            _ => String::new(),
        }
    }

    /// Sets the field from text as typed or imported: an amount is parsed
    /// (text that is no number is kept as such), an optional field set to
    /// blank text is removed, the goals are one per line, a money unit that
    /// is not 元/万元/亿元 is ignored. [`Field::Indicators`] takes no text.
    pub fn set_text(self, t: &mut Table, text: &str) {
        if let Some(a) = self.amount_mut(t) {
            *a = Amount::parse(text);
            return;
        }
        if let Some(slot) = text_slot(t, self) {
            *slot = (!text.trim().is_empty()).then(|| text.to_string());
            return;
        }
        match self {
            Field::UnitCode => t.unit_code = text.to_string(),
            Field::UnitName => t.unit_name = text.to_string(),
            Field::Project => t.project = text.to_string(),
            Field::Purpose => t.purpose = text.to_string(),
            Field::MoneyUnit => {
                if let Some(u) = MoneyUnit::parse(text) {
                    t.money_unit = u;
                }
            }
            Field::Goals => t.goals = text.lines().map(str::to_string).collect(),
            _ => {}
        }
    }

    /// Whether the field holds something (the money unit always does, so
    /// it never counts; the indicator table counts when it has rows).
    pub fn is_filled(self, t: &Table) -> bool {
        match self {
            Field::MoneyUnit => false,
            Field::Indicators => !t.indicators.is_empty(),
            Field::Goals => t.goals.iter().any(|g| !g.trim().is_empty()),
            f => !f.text(t).trim().is_empty(),
        }
    }

    /// Whether the field is there at all: an optional field that is set
    /// (even to blank text), an amount that is not blank, the money unit,
    /// other text that is not empty. The print view prints optional rows by it.
    pub fn is_present(self, t: &Table) -> bool {
        if let Some(a) = self.amount(t) {
            return !a.is_blank();
        }
        if let Some(v) = optional_text(t, self) {
            return v.is_some();
        }
        self == Field::MoneyUnit || self.is_filled(t)
    }
}
