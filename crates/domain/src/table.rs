//! The table model: one 项目支出绩效目标表 and a document of several.
//!
//! Field names follow the exchange format (`crates/formats/src/exchange.rs`),
//! so the model serializes to it directly. Fields some forms add (主管部门,
//! 项目资金总额, 上年结转资金 …) are optional keys; which of them a table
//! shows is its [`Form`]'s to say (`crates/domain/src/form/`). Every text is kept as the author
//! wrote it; interpretation (numbers, units, frameworks) happens in the
//! parser and the rules, never by rewriting what was typed.

use serde::{Deserialize, Serialize};

use super::budget::{Amount, Budget, MoneyUnit};
use super::form::Form;
use super::framework::{Framework, Level1, Level2};

/// A document: the tables of one file, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    pub tables: Vec<Table>,
}

/// One 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Table {
    /// The form (a province's layout) the table is written in; absent
    /// means [`Form::Tianjin2025`], so files without it read as before.
    #[serde(default, skip_serializing_if = "Form::is_default")]
    pub form: Form,
    /// 单位编码, digits (`331202`).
    #[serde(default)]
    pub unit_code: String,
    /// 单位名称.
    #[serde(default)]
    pub unit_name: String,
    /// The `单位：万元` line; every amount of the table is in this unit.
    #[serde(default)]
    pub money_unit: MoneyUnit,
    /// 项目名称.
    #[serde(default)]
    pub project: String,
    /// 预算数, 财政资金, 其他资金.
    #[serde(default)]
    pub budget: Budget,
    /// 资金用途 (free text, may hold its own numbered list).
    #[serde(default)]
    pub purpose: String,
    /// 绩效目标 (年度目标): one entry per numbered goal, without the number.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Which indicator tree the table follows.
    #[serde(default)]
    pub framework: Framework,
    /// The indicator rows, in table order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,

    // Fields other provinces' forms add.
    /// 主管部门.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 实施单位.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementer: Option<String>,
    /// 计划开始日期, as written (`2025-01-01`, `2025年1月1日`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_start: Option<String>,
    /// 计划完成日期, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_end: Option<String>,
    /// 项目资金总额 (all years), beside the annual 预算数.
    #[serde(default, skip_serializing_if = "Amount::is_blank")]
    pub total_funds: Amount,
    /// 项目总目标 (all years), beside the annual goals; numbered lines as
    /// written (`1.…\n2.…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_goal: Option<String>,
    /// 年度: the budget year the table is for, as written (`2026`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// 项目性质 (阶段性项目, 经常性项目).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<String>,
    /// 项目类别 (特定目标类 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// 上年结转资金: part of the year's budget (`budget.total` =
    /// `budget.fiscal` + `carryover` + `budget.other` where a form has it).
    #[serde(default, skip_serializing_if = "Amount::is_blank")]
    pub carryover: Amount,
    /// 项目资金总额's 其中：财政资金.
    #[serde(default, skip_serializing_if = "Amount::is_blank")]
    pub total_funds_fiscal: Amount,
    /// 项目资金总额's 其他资金 (blank means 0).
    #[serde(default, skip_serializing_if = "Amount::is_blank")]
    pub total_funds_other: Amount,
}

/// One 三级 row with the 一级 and 二级 it sits under.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Indicator {
    /// 一级指标 as written.
    #[serde(default)]
    pub level1: String,
    /// 二级指标 as written.
    #[serde(default)]
    pub level2: String,
    /// 三级指标.
    #[serde(default)]
    pub name: String,
    /// 绩效指标描述.
    #[serde(default)]
    pub description: String,
    /// 指标值, as written (`≥95%`, `≤45万元`, `达标`).
    #[serde(default)]
    pub value: String,
}

impl Indicator {
    pub fn new(level1: &str, level2: &str, name: &str, description: &str, value: &str) -> Self {
        Indicator {
            level1: level1.into(),
            level2: level2.into(),
            name: name.into(),
            description: description.into(),
            value: value.into(),
        }
    }

    /// The official 一级 this row is under, if its cell names one.
    pub fn level1_kind(&self) -> Option<Level1> {
        Level1::parse(&self.level1)
    }

    /// The official 二级 this row is under, if its cell names one.
    pub fn level2_kind(&self) -> Option<Level2> {
        Level2::parse(&self.level2)
    }

    /// Whether this row is a cost indicator (成本指标, 经济成本指标 …).
    pub fn is_cost(&self) -> bool {
        self.level2_kind().is_some_and(Level2::is_cost)
            || (self.level1_kind() == Some(Level1::Cost) && self.level2.trim().is_empty())
    }
}

impl Table {
    /// A blank table: what 新建 starts from.
    pub fn blank() -> Table {
        Table::default()
    }

    /// Moves every row onto `framework`: cost rows go between 产出指标/成本指标
    /// (2020) and 成本指标/经济成本指标 (2021); the others keep their place.
    pub fn switch_framework(&mut self, framework: Framework) {
        self.framework = framework;
        for row in &mut self.indicators {
            if let Some(l2) = row.level2_kind() {
                if l2.is_cost() {
                    let (l1, l2) = framework.translate(l2);
                    row.level1 = l1.name().to_string();
                    row.level2 = l2.name().to_string();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_framework_moves_cost_rows() {
        let mut t = Table {
            indicators: vec![
                Indicator::new("产出指标", "数量指标", "报告", "报告", "3篇"),
                Indicator::new("产出指标", "成本指标", "经费总额", "经费总额", "≤8万元"),
            ],
            ..Table::default()
        };
        t.switch_framework(Framework::F2021);
        assert_eq!(t.indicators[1].level1, "成本指标");
        assert_eq!(t.indicators[1].level2, "经济成本指标");
        assert_eq!(t.indicators[0].level1, "产出指标");
        t.switch_framework(Framework::F2020);
        assert_eq!(t.indicators[1].level1, "产出指标");
        assert_eq!(t.indicators[1].level2, "成本指标");
    }
}
