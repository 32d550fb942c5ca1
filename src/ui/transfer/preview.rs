//! What the import preview says about one table: its form (when not the
//! default), project, unit and budget, how many indicators, the first
//! findings, and which parts of its form are empty.

use crate::domain::form::Form;
use crate::domain::lang::group_thousands;
use crate::domain::rules::{self, Counts, Field, Finding, Severity};
use crate::domain::{Lang, Table};

/// One table of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The table's form.
    pub form: Form,
    pub project: String,
    pub unit: String,
    /// 预算数 (as the form names it) with its money unit, or blank.
    pub budget: String,
    pub indicators: usize,
    pub counts: Counts,
    /// The first findings, errors first.
    pub first: Vec<Finding>,
    /// How many findings are not in `first`.
    pub more: usize,
    /// Parts of the form that are empty.
    pub missing: Vec<Part>,
}

/// A part of the form the preview says is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Unit,
    Project,
    Budget,
    Purpose,
    Goals,
    Indicators,
    /// A field another form requires, as that form names it.
    Field(Form, Field),
}

impl Part {
    pub fn label(self, lang: Lang) -> String {
        let (zh, en) = match self {
            Part::Unit => ("单位", "unit"),
            Part::Project => ("项目名称", "project name"),
            Part::Budget => ("预算数", "budget"),
            Part::Purpose => ("资金用途", "use of funds"),
            Part::Goals => ("绩效目标", "performance goals"),
            Part::Indicators => ("绩效指标", "performance indicators"),
            Part::Field(form, field) => return form.label(field).get(lang).to_string(),
        };
        lang.pick(zh, en).to_string()
    }
}

/// What a table of a form other than the default lacks: the fields its
/// form requires, then the indicators.
fn missing_on(t: &Table) -> Vec<Part> {
    let form = t.form;
    form.fields()
        .filter(|f| f.required && !f.field.is_filled(t))
        .map(|f| Part::Field(form, f.field))
        .chain(t.indicators.is_empty().then_some(Part::Indicators))
        .collect()
}

/// Findings shown per table in the preview.
const FIRST_FINDINGS: usize = 3;

pub fn preview(t: &Table) -> Preview {
    let mut findings = rules::check(t);
    let counts = Counts::of(&findings);
    crate::domain::sort::by_key(&mut findings, |f| match f.severity() {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Hint => 2,
    });
    let more = findings.len().saturating_sub(FIRST_FINDINGS);
    findings.truncate(FIRST_FINDINGS);
    let blank = |s: &str| s.trim().is_empty();
    let form = t.form;
    let mut missing = Vec::new();
    if blank(&t.unit_code) && blank(&t.unit_name) {
        missing.push(Part::Unit);
    }
    if blank(&t.project) {
        missing.push(Part::Project);
    }
    if t.budget.total.is_blank() {
        missing.push(Part::Budget);
    }
    if blank(&t.purpose) {
        missing.push(Part::Purpose);
    }
    if t.goals.iter().all(|g| blank(g)) {
        missing.push(Part::Goals);
    }
    if t.indicators.is_empty() {
        missing.push(Part::Indicators);
    }
    if !form.is_default() {
        missing = missing_on(t);
    }
    let total = t.budget.total.text();
    let total = if form.spec().grouped_amounts && t.budget.total.decimal().is_some() {
        group_thousands(&total)
    } else {
        total
    };
    Preview {
        form,
        project: t.project.trim().to_string(),
        unit: format!("{}{}", t.unit_code.trim(), t.unit_name.trim()),
        budget: if t.budget.total.is_blank() {
            String::new()
        } else {
            format!("{total} {}", t.money_unit.label())
        },
        indicators: t.indicators.len(),
        counts,
        first: findings,
        more,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::layout;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");

    #[wasm_bindgen_test]
    fn preview_says_what_is_missing() {
        let doc = layout::import(FIXTURE).unwrap();
        let p = preview(&doc.tables[0]);
        assert_eq!(p.project, "科技统计信息系统建设和运维");
        assert!(p.budget.starts_with("45.00"));
        assert!(p.missing.is_empty());
        let p = preview(&Table {
            project: "只有名称".into(),
            ..Table::default()
        });
        let names: Vec<String> = p.missing.iter().map(|m| m.label(Lang::Zh)).collect();
        assert_eq!(
            names,
            vec!["单位", "预算数", "资金用途", "绩效目标", "绩效指标"]
        );
        assert!(p.counts.errors > 0);
        assert!(p.first.len() <= FIRST_FINDINGS);
        assert_eq!(p.first[0].severity(), Severity::Error);
    }

    #[wasm_bindgen_test]
    fn a_shanghai_table_is_said_missing_what_its_form_asks() {
        let mut t = Form::Shanghai.new_table();
        t.project = "长风路-曹杨路地道改建工程".into();
        t.budget.total = crate::domain::Amount::parse("1200000.00");
        let p = preview(&t);
        assert_eq!(p.form, Form::Shanghai);
        assert_eq!(p.budget, "1,200,000.00 元");
        let names: Vec<String> = p.missing.iter().map(|m| m.label(Lang::Zh)).collect();
        assert!(names.contains(&"项目性质".to_string()), "{names:?}");
        assert!(names.contains(&"年度总体目标".to_string()), "{names:?}");
        assert!(!names.contains(&"单位".to_string()), "{names:?}");
        assert!(!names.contains(&"资金用途".to_string()), "{names:?}");
        assert_eq!(names.last().map(String::as_str), Some("绩效指标"));
    }
}
