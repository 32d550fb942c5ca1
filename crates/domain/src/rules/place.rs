//! Where a finding points: a field of the form ([`Field`]), a goal, or one
//! cell of an indicator row ([`Column`]), together as a [`Place`]; with
//! their names for people (in both languages, as [`Text`]) and their paths
//! in the terms of the exchange format, for scripts.

use std::fmt;

use crate::lang::{capitalized, Bilingual, Lang, Text};

/// A field of the table outside the indicator rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    UnitCode,
    UnitName,
    MoneyUnit,
    Project,
    BudgetTotal,
    BudgetFiscal,
    BudgetOther,
    TotalFunds,
    Purpose,
    Goals,
    PlanStart,
    PlanEnd,
    /// 年度: the budget year the table is for (`2026`).
    Year,
    /// 项目性质 (阶段性项目, 经常性项目).
    Nature,
    /// 项目类别 (特定目标类 …).
    Category,
    /// 主管部门.
    Department,
    /// 实施单位.
    Implementer,
    /// 上年结转资金, part of the year's budget.
    Carryover,
    /// 项目资金总额's 其中：财政资金.
    TotalFundsFiscal,
    /// 项目资金总额's 其他资金.
    TotalFundsOther,
    /// 项目总目标 (all years).
    OverallGoal,
    /// The indicator table as a whole (a missing 一级, no cost row …).
    Indicators,
}

/// A column of an indicator row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Level1,
    Level2,
    Name,
    Description,
    Value,
}

/// Where a finding points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Field(Field),
    /// One goal, by index.
    Goal(usize),
    /// One cell of an indicator row, by row index.
    Indicator {
        row: usize,
        column: Column,
    },
}

impl Field {
    /// Every field that holds data, in the order of the exchange format
    /// (all but [`Field::Indicators`], which names the indicator table).
    pub const ALL: [Field; 21] = [
        Field::Year,
        Field::UnitCode,
        Field::UnitName,
        Field::MoneyUnit,
        Field::Project,
        Field::Nature,
        Field::Category,
        Field::Department,
        Field::Implementer,
        Field::PlanStart,
        Field::PlanEnd,
        Field::TotalFunds,
        Field::TotalFundsFiscal,
        Field::TotalFundsOther,
        Field::BudgetTotal,
        Field::BudgetFiscal,
        Field::Carryover,
        Field::BudgetOther,
        Field::Purpose,
        Field::OverallGoal,
        Field::Goals,
    ];

    /// The field's name, as the official form labels it (`项目名称`) and as
    /// English says it mid-sentence (`project name`).
    pub fn label(self) -> Text {
        let (zh, en) = self.names();
        Text::new(zh, en)
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Field::UnitCode => ("单位编码", "unit code"),
            Field::UnitName => ("单位名称", "unit name"),
            Field::MoneyUnit => ("金额单位", "money unit"),
            Field::Project => ("项目名称", "project name"),
            Field::BudgetTotal => ("预算数", "budget"),
            Field::BudgetFiscal => ("财政资金", "fiscal funds"),
            Field::BudgetOther => ("其他资金", "other funds"),
            Field::TotalFunds => ("项目资金总额", "total project funds"),
            Field::Purpose => ("资金用途", "use of funds"),
            Field::Goals => ("绩效目标", "goals"),
            Field::PlanStart => ("计划开始日期", "planned start"),
            Field::PlanEnd => ("计划完成日期", "planned end"),
            Field::Year => ("年度", "year"),
            Field::Nature => ("项目性质", "project nature"),
            Field::Category => ("项目类别", "project category"),
            Field::Department => ("主管部门", "supervising department"),
            Field::Implementer => ("实施单位", "implementing unit"),
            Field::Carryover => ("上年结转资金", "funds carried over"),
            Field::TotalFundsFiscal => (
                "项目资金总额中的财政资金",
                "fiscal part of the total project funds",
            ),
            Field::TotalFundsOther => (
                "项目资金总额中的其他资金",
                "other part of the total project funds",
            ),
            Field::OverallGoal => ("项目总目标", "overall goal"),
            Field::Indicators => ("绩效指标", "indicators"),
        }
    }

    /// The field's name as a form label or heading (`Project name`).
    pub fn heading(self) -> Text {
        headed(self.label())
    }

    /// The name in `lang`, as a heading (`self.heading()` in one language).
    pub fn title(self, lang: Lang) -> String {
        self.heading().into_lang(lang)
    }

    /// The field's key in the exchange format (`budget.total`, `year`).
    pub fn key(self) -> &'static str {
        match self {
            Field::UnitCode => "unit_code",
            Field::UnitName => "unit_name",
            Field::MoneyUnit => "money_unit",
            Field::Project => "project",
            Field::BudgetTotal => "budget.total",
            Field::BudgetFiscal => "budget.fiscal",
            Field::BudgetOther => "budget.other",
            Field::TotalFunds => "total_funds",
            Field::Purpose => "purpose",
            Field::Goals => "goals",
            Field::PlanStart => "plan_start",
            Field::PlanEnd => "plan_end",
            Field::Year => "year",
            Field::Nature => "nature",
            Field::Category => "category",
            Field::Department => "department",
            Field::Implementer => "implementer",
            Field::Carryover => "carryover",
            Field::TotalFundsFiscal => "total_funds_fiscal",
            Field::TotalFundsOther => "total_funds_other",
            Field::OverallGoal => "overall_goal",
            Field::Indicators => "indicators",
        }
    }
}

impl Column {
    /// The column's name (`指标值`, `target value`).
    pub fn label(self) -> Text {
        let (zh, en) = self.names();
        Text::new(zh, en)
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Column::Level1 => ("一级指标", "level-1 indicator"),
            Column::Level2 => ("二级指标", "level-2 indicator"),
            Column::Name => ("三级指标", "level-3 indicator"),
            Column::Description => ("绩效指标描述", "description"),
            Column::Value => ("指标值", "target value"),
        }
    }

    /// The column's name as a heading (`Target value`).
    pub fn heading(self) -> Text {
        headed(self.label())
    }

    fn key(self) -> &'static str {
        match self {
            Column::Level1 => "level1",
            Column::Level2 => "level2",
            Column::Name => "name",
            Column::Description => "description",
            Column::Value => "value",
        }
    }
}

impl Place {
    /// A path in the terms of the exchange format: `project`,
    /// `budget.total`, `goals[0]`, `indicators[3].value`.
    pub fn path(&self) -> String {
        match self {
            Place::Field(f) => f.key().to_string(),
            Place::Goal(i) => format!("goals[{i}]"),
            Place::Indicator { row, column } => format!("indicators[{row}].{}", column.key()),
        }
    }

    /// Where it is, in `lang` (as `self.text().into_lang(lang)`).
    pub fn label(&self, lang: Lang) -> String {
        self.text().into_lang(lang)
    }
}

impl Bilingual for Place {
    /// Where it is, for a person, as a label: `项目名称`,
    /// `第 4 行指标 · 指标值`; `Project name`, `Indicator row 4, target value`.
    fn text(&self) -> Text {
        match self {
            Place::Field(f) => f.heading(),
            Place::Goal(i) => Text::owned(
                format!("第 {} 条绩效目标", i + 1),
                format!("Goal {}", i + 1),
            ),
            Place::Indicator { row, column } => {
                let name = column.label();
                Text::owned(
                    format!("第 {} 行指标 · {}", row + 1, name.zh),
                    format!("Indicator row {}, {}", row + 1, name.en),
                )
            }
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

/// A name as a heading: Chinese as it is, English capitalised.
fn headed(name: Text) -> Text {
    let en = capitalized(&name.en);
    Text {
        zh: name.zh,
        en: en.into(),
    }
}
