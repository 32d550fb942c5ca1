//! What the rule tests share: a table with no finding at all, and ways to
//! ask which rules fire on a changed copy of it.
#![allow(dead_code)] // each test file uses some of these

use jixiao_domain::rules::{self, Finding};
use jixiao_domain::{Amount, Budget, Framework, Indicator, MoneyUnit, Table};

/// A well-written table: no finding at all.
pub fn good() -> Table {
    Table {
        unit_code: "331202".into(),
        unit_name: "天津市科学技术发展战略研究院".into(),
        money_unit: MoneyUnit::Wan,
        project: "科技统计信息系统建设和运维".into(),
        budget: Budget {
            total: Amount::parse("45.00"),
            fiscal: Amount::parse("40.00"),
            other: Amount::parse("5.00"),
        },
        purpose: "完成等保测评和风险评估。".into(),
        goals: vec!["完成三个系统的等保测评，为5000家用户保障系统安全。".into()],
        framework: Framework::F2020,
        indicators: vec![
            Indicator::new(
                "产出指标",
                "数量指标",
                "等保测评系统数量",
                "等保测评系统数量",
                "3个",
            ),
            Indicator::new("产出指标", "质量指标", "测评通过率", "测评通过率", "≥95%"),
            Indicator::new(
                "产出指标",
                "时效指标",
                "完成任务时间",
                "完成任务时间",
                "≤12月",
            ),
            Indicator::new("产出指标", "成本指标", "经费总额", "经费总额", "≤45万元"),
            Indicator::new(
                "效益指标",
                "社会效益指标",
                "服务用户数",
                "服务用户数",
                "≥5000家",
            ),
            Indicator::new(
                "满意度指标",
                "服务对象满意度指标",
                "服务对象满意度",
                "服务对象满意度",
                "≥95%",
            ),
        ],
        ..Table::default()
    }
}

pub fn codes(t: &Table) -> Vec<&'static str> {
    rules::check(t).iter().map(|f| f.code()).collect()
}

pub fn fires(t: &Table, code: &str) -> bool {
    codes(t).contains(&code)
}

/// The finding of `code`, which must be there.
pub fn finding(t: &Table, code: &str) -> Finding {
    rules::check(t)
        .into_iter()
        .find(|f| f.code() == code)
        .unwrap_or_else(|| panic!("{code} did not fire: {:?}", codes(t)))
}

pub fn with_value(row: usize, value: &str) -> Table {
    let mut t = good();
    t.indicators[row].value = value.into();
    t
}
