//! Suggestions while writing: typical 三级 indicators for each 二级, with a
//! value pattern, taken from published tables (the Tianjin sample in
//! tests/fixtures/) and the reviewers' rules (`crate::rules`).
//!
//! Where the number depends on the project (how many reports, how many
//! trainees) the pattern holds the template placeholder `**`, which the
//! rules flag until the author writes the real target; where there is a
//! customary target (完成任务时间 ≤12月, 满意度 ≥95%) it is filled in; the cost
//! suggestion is filled from the table's own 预算数.

use std::collections::HashMap;

use super::budget::Amount;
use super::framework::Level2;
use super::table::{Indicator, Table};

/// The placeholder in a value pattern that stands for the author's number.
pub const PLACEHOLDER: &str = "**";

/// A typical 三级 indicator under one 二级.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// 三级指标 (also used as its 绩效指标描述, as the sample tables do).
    pub name: String,
    /// 指标值, possibly with [`PLACEHOLDER`] where the number goes.
    pub value: String,
}

impl Suggestion {
    fn new(name: &str, value: &str) -> Self {
        Suggestion {
            name: name.to_string(),
            value: value.to_string(),
        }
    }

    /// The row to insert under `level1`/`level2`.
    pub fn to_indicator(&self, level1: &str, level2: &str) -> Indicator {
        Indicator::new(level1, level2, &self.name, &self.name, &self.value)
    }

    /// Where the placeholder sits in the value, as a range of UTF-16 code
    /// units (what a browser's text selection counts), so the editor can
    /// select it for the author to type over.
    pub fn placeholder_utf16(&self) -> Option<(usize, usize)> {
        let at = self.value.find(PLACEHOLDER)?;
        let start = self.value[..at].encode_utf16().count();
        Some((start, start + PLACEHOLDER.encode_utf16().count()))
    }
}

/// The cost cap in the table's money unit: `≤45.00万元`, or a placeholder
/// amount while the budget is not a number yet.
fn cost_cap(table: &Table) -> String {
    let unit = table.money_unit.label();
    match &table.budget.total {
        Amount::Value(d) if !d.is_sign_negative() => format!("≤{d}{unit}"),
        _ => format!("≤{PLACEHOLDER}{unit}"),
    }
}

/// Typical 三级 indicators for a 二级, best first; names the table already
/// has under that 二级 are left out.
pub fn for_level2(level2: Level2, table: &Table) -> Vec<Suggestion> {
    let taken: Vec<&str> = table
        .indicators
        .iter()
        .filter(|r| r.level2_kind() == Some(level2))
        .map(|r| r.name.trim())
        .collect();
    typical(level2, table)
        .into_iter()
        .filter(|sug| !taken.contains(&sug.name.as_str()))
        .collect()
}

/// The suggestions for every 二级 at once, reading each row once (what the
/// editor recomputes as the author types).
pub fn for_all(table: &Table) -> HashMap<Level2, Vec<Suggestion>> {
    let mut taken: HashMap<Level2, Vec<&str>> = HashMap::new();
    for r in &table.indicators {
        if let Some(l2) = r.level2_kind() {
            taken.entry(l2).or_default().push(r.name.trim());
        }
    }
    ALL_LEVEL2
        .iter()
        .map(|&l2| {
            let names = taken.get(&l2).map(Vec::as_slice).unwrap_or_default();
            let list = typical(l2, table)
                .into_iter()
                .filter(|sug| !names.contains(&sug.name.as_str()))
                .collect();
            (l2, list)
        })
        .collect()
}

const ALL_LEVEL2: [Level2; 12] = [
    Level2::Quantity,
    Level2::Quality,
    Level2::Timeliness,
    Level2::Cost,
    Level2::EconomicCost,
    Level2::SocialCost,
    Level2::EcologicalCost,
    Level2::EconomicBenefit,
    Level2::SocialBenefit,
    Level2::EcologicalBenefit,
    Level2::Sustainability,
    Level2::Satisfaction,
];

/// The typical indicators of a 二级, before leaving out names in use.
fn typical(level2: Level2, table: &Table) -> Vec<Suggestion> {
    let s = Suggestion::new;
    match level2 {
        Level2::Quantity => vec![
            s("完成研究报告数量", "≥**篇"),
            s("开展调研次数", "≥**次"),
            s("组织会议、培训次数", "≥**次"),
            s("服务对象数量", "≥**家"),
        ],
        Level2::Quality => vec![
            s("成果验收合格率", "100%"),
            s("报告审核通过率", "100%"),
            s("政策宣传覆盖率", "≥95%"),
            s("数据上报率", "≥90%"),
        ],
        Level2::Timeliness => vec![s("完成任务时间", "≤12月"), s("项目按期完成率", "100%")],
        Level2::Cost | Level2::EconomicCost => {
            vec![Suggestion {
                name: "经费总额".into(),
                value: cost_cap(table),
            }]
        }
        // What these usually say ("负面影响：无") is words, which the cost
        // rules read as a missing amount; offer nothing rather than a row
        // the checker warns about.
        Level2::SocialCost | Level2::EcologicalCost => vec![],
        Level2::EconomicBenefit => vec![
            s("推动技术合同成交额", "≥**亿元"),
            s("带动相关投入", "≥**万元"),
        ],
        Level2::SocialBenefit => vec![
            s("培训覆盖人次", "≥**人次"),
            s("服务用户数量", "≥**家"),
            s("研究成果应用率", "≥90%"),
        ],
        Level2::EcologicalBenefit => vec![s("资源节约率", "≥**%")],
        Level2::Sustainability => vec![s("成果持续发挥作用年限", "≥**年")],
        Level2::Satisfaction => vec![s("服务对象满意度", "≥95%"), s("参与人员满意度", "≥90%")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::{Budget, MoneyUnit};
    use crate::framework::{Framework, Level1};
    use crate::rules::{self, Rule};
    use crate::value::{self, Value};

    fn table_with_budget(total: &str) -> Table {
        Table {
            budget: Budget {
                total: Amount::parse(total),
                fiscal: Amount::parse(total),
                other: Amount::Blank,
            },
            ..Table::default()
        }
    }

    #[test]
    fn cost_is_capped_at_the_budget() {
        let t = table_with_budget("45.00");
        let sug = for_level2(Level2::Cost, &t);
        assert_eq!(sug[0].name, "经费总额");
        assert_eq!(sug[0].value, "≤45.00万元");
        let t = Table {
            money_unit: MoneyUnit::Yuan,
            ..table_with_budget("450000")
        };
        assert_eq!(for_level2(Level2::EconomicCost, &t)[0].value, "≤450000元");
        let t = table_with_budget("");
        let v = &for_level2(Level2::Cost, &t)[0].value;
        assert_eq!(v, "≤**万元");
        assert_eq!(value::parse(v), Value::Placeholder);
    }

    #[test]
    fn customary_targets_are_filled_in() {
        let t = Table::default();
        let time = &for_level2(Level2::Timeliness, &t)[0];
        assert_eq!(
            (time.name.as_str(), time.value.as_str()),
            ("完成任务时间", "≤12月")
        );
        let sat = &for_level2(Level2::Satisfaction, &t)[0];
        assert_eq!(sat.value, "≥95%");
        assert!(value::parse(&sat.value).quantity().is_some());
    }

    #[test]
    fn every_level2_has_suggestions_that_parse() {
        let t = table_with_budget("10.00");
        for fw in [Framework::F2020, Framework::F2021] {
            for &l1 in fw.level1s() {
                for &l2 in fw.level2s(l1) {
                    let list = for_level2(l2, &t);
                    let qualitative_cost =
                        matches!(l2, Level2::SocialCost | Level2::EcologicalCost);
                    assert_eq!(list.is_empty(), qualitative_cost, "{l2:?}");
                    for s in list {
                        let v = value::parse(&s.value);
                        assert_ne!(v, Value::Empty, "{}", s.value);
                        if s.value.contains(PLACEHOLDER) {
                            assert_eq!(v, Value::Placeholder, "{}", s.value);
                            assert!(s.placeholder_utf16().is_some());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn filled_suggestions_pass_the_rules() {
        // A table built only from suggestions without placeholders has no
        // error on its indicator rows.
        let mut t = table_with_budget("10.00");
        for (l1, l2) in [
            (Level1::Output, Level2::Quality),
            (Level1::Output, Level2::Timeliness),
            (Level1::Output, Level2::Cost),
            (Level1::Benefit, Level2::SocialBenefit),
            (Level1::Satisfaction, Level2::Satisfaction),
        ] {
            for s in for_level2(l2, &t) {
                if !s.value.contains(PLACEHOLDER) {
                    t.indicators.push(s.to_indicator(l1.name(), l2.name()));
                }
            }
        }
        let findings = rules::check(&t);
        let on_rows: Vec<_> = findings
            .iter()
            .filter(|f| matches!(f.place, rules::Place::Indicator { .. }))
            .filter(|f| f.severity() != rules::Severity::Hint)
            .collect();
        assert!(on_rows.is_empty(), "{on_rows:#?}");
        assert!(!findings.iter().any(|f| f.rule == Rule::CostOverBudget));
    }

    #[test]
    fn names_already_used_are_not_suggested_again() {
        let mut t = Table::default();
        t.indicators.push(Indicator::new(
            "产出指标",
            "时效指标",
            "完成任务时间",
            "",
            "≤12月",
        ));
        let names: Vec<String> = for_level2(Level2::Timeliness, &t)
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["项目按期完成率"]);
        // Under another 二级 the same name is still offered.
        assert!(!for_level2(Level2::Quality, &t).is_empty());
    }

    #[test]
    fn all_at_once_matches_one_by_one() {
        let mut t = table_with_budget("8.00");
        t.indicators.push(Indicator::new(
            "产出指标",
            "进度指标",
            "完成任务时间",
            "",
            "≤12月",
        ));
        let all = for_all(&t);
        assert_eq!(all.len(), 12);
        for (l2, list) in &all {
            assert_eq!(list, &for_level2(*l2, &t), "{l2:?}");
        }
        assert_eq!(all[&Level2::Timeliness].len(), 1);
    }

    #[test]
    fn placeholder_offsets_count_utf16() {
        let s = Suggestion::new("x", "≥**篇");
        assert_eq!(s.placeholder_utf16(), Some((1, 3)));
        assert_eq!(Suggestion::new("x", "≤12月").placeholder_utf16(), None);
    }
}
