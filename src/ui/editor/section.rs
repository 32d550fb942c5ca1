//! The sections of the page, in the order of the official form (基本信息 →
//! 预算 → 资金用途 → 绩效目标 → 绩效指标 → 检查结果): their titles, element
//! ids, and which section each finding belongs to.

use crate::domain::rules::{Field, Place};
use crate::domain::Table;
use crate::ui::lang::tr;

/// The sections of the page, in the order of the official form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Basic,
    Budget,
    Purpose,
    Goals,
    Indicators,
    Summary,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Basic,
        Section::Budget,
        Section::Purpose,
        Section::Goals,
        Section::Indicators,
        Section::Summary,
    ];

    /// The section title in the page language.
    pub fn title(self) -> &'static str {
        let (zh, en) = match self {
            Section::Basic => ("基本信息", "Basic information"),
            Section::Budget => ("预算", "Budget"),
            Section::Purpose => ("资金用途", "Use of funds"),
            Section::Goals => ("绩效目标", "Goals"),
            Section::Indicators => ("绩效指标", "Indicators"),
            Section::Summary => ("检查结果", "Check results"),
        };
        tr(zh, en)
    }

    /// The id of the section element.
    pub fn id(self) -> &'static str {
        match self {
            Section::Basic => "sec-basic",
            Section::Budget => "sec-budget",
            Section::Purpose => "sec-purpose",
            Section::Goals => "sec-goals",
            Section::Indicators => "sec-indicators",
            Section::Summary => "sec-summary",
        }
    }

    /// The id of the section heading (focus target when jumping there).
    pub fn heading_id(self) -> String {
        format!("{}-h", self.id())
    }

    pub fn number(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// Whether the author has written anything in this section yet (an
    /// empty section without findings is "left", not "done").
    pub fn started(self, t: &Table) -> bool {
        let some = |s: &str| !s.trim().is_empty();
        match self {
            Section::Basic => some(&t.unit_name) || some(&t.project) || some(&t.unit_code),
            Section::Budget => !t.budget.total.is_blank() || !t.budget.fiscal.is_blank(),
            Section::Purpose => some(&t.purpose),
            Section::Goals => t.goals.iter().any(|g| some(g)),
            Section::Indicators => !t.indicators.is_empty(),
            Section::Summary => true,
        }
    }

    /// The section a finding belongs to.
    pub fn of(place: &Place) -> Section {
        match place {
            Place::Field(f) => match f {
                Field::UnitCode
                | Field::UnitName
                | Field::MoneyUnit
                | Field::Project
                | Field::PlanStart
                | Field::PlanEnd
                | Field::Year
                | Field::Nature
                | Field::Category
                | Field::Department
                | Field::Implementer => Section::Basic,
                Field::BudgetTotal | Field::BudgetFiscal | Field::BudgetOther => Section::Budget,
                Field::TotalFunds
                | Field::Carryover
                | Field::TotalFundsFiscal
                | Field::TotalFundsOther => Section::Budget,
                Field::OverallGoal => Section::Goals,
                Field::Purpose => Section::Purpose,
                Field::Goals => Section::Goals,
                Field::Indicators => Section::Indicators,
            },
            Place::Goal(_) => Section::Goals,
            Place::Indicator { .. } => Section::Indicators,
        }
    }
}
