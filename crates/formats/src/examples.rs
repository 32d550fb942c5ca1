//! The example tables a new table can start from: the eight published
//! tables of the Tianjin sample (`tests/fixtures/tianjin-2025-tables-1-8.txt`),
//! compiled into the program and imported with [`layout::import`]; and, per
//! form ([`of`]), samples of the other forms: three 上海 申报表 tables
//! (`tests/fixtures/shanghai/`, the PDF text the page reads as well).

use std::sync::OnceLock;

use super::layout;
use jixiao_domain::form::Form;
use jixiao_domain::table::Table;

/// The sample document as published (text layout).
pub const SOURCE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");

/// Samples of the other forms, as the page reads them (the 上海 PDF text).
const SAMPLES: [&str; 2] = [
    include_str!("../../../tests/fixtures/shanghai/changfeng-pdf.txt"),
    include_str!("../../../tests/fixtures/shanghai/districts-pdf.txt"),
];

/// The example tables of `form`, in order: [`all`] for the default form,
/// the samples of its own for another (rows in the form's order), none for
/// a form without samples.
pub fn of(form: Form) -> Vec<Table> {
    if form.is_default() {
        return all().to_vec();
    }
    static OTHERS: OnceLock<Vec<Table>> = OnceLock::new();
    let others = OTHERS.get_or_init(|| {
        let mut tables: Vec<Table> = SAMPLES
            .iter()
            .filter_map(|text| layout::import(text).ok())
            .flat_map(|doc| doc.tables)
            .collect();
        for t in &mut tables {
            jixiao_domain::edit::normalize(t);
        }
        tables
    });
    others.iter().filter(|t| t.form == form).cloned().collect()
}

/// The example tables, in the order of the document. Imported once.
pub fn all() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES.get_or_init(|| {
        layout::import(SOURCE)
            .map(|doc| doc.tables)
            .unwrap_or_default()
    })
}

/// One example table, by index.
pub fn get(index: usize) -> Option<Table> {
    all().get(index).cloned()
}

/// The titles the page offers, without reading the examples (the page
/// asks its formats worker for the one picked, [`crate::job::Job::Example`]);
/// [`titles`] reads them, and a test keeps the two the same.
pub const TITLES: [&str; 8] = [
    "科技统计信息系统建设和运维（45.00 万元）",
    "2025年度科技重大专项监督评估与诚信管理（8.00 万元）",
    "大学科技园建设服务（10.00 万元）",
    "火炬统计调查（20.00 万元）",
    "技术市场服务（60.00 万元）",
    "京津冀基础研究工作(含杰青、区域联合基金服务)（30.00 万元）",
    "科研档案管理专项工作（15.00 万元）",
    "农业科技特派员提升工作（10.00 万元）",
];

/// The titles to offer: `科技统计信息系统建设和运维（45.00 万元）`.
pub fn titles() -> Vec<String> {
    all()
        .iter()
        .map(|t| {
            let budget = t.budget.total.text();
            if budget.is_empty() {
                t.project.clone()
            } else {
                format!("{}（{} {}）", t.project, budget, t.money_unit)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_offers_the_titles_of_the_examples() {
        assert_eq!(titles(), TITLES.map(String::from).to_vec());
    }
    use jixiao_domain::rules::{self, Counts};

    #[test]
    fn the_eight_sample_tables_import() {
        assert_eq!(all().len(), 8);
        assert_eq!(all()[0].project, "科技统计信息系统建设和运维");
        assert_eq!(titles()[0], "科技统计信息系统建设和运维（45.00 万元）");
        assert_eq!(
            get(7).map(|t| t.project),
            Some("农业科技特派员提升工作".into())
        );
        assert!(get(8).is_none());
    }

    #[test]
    fn the_examples_have_no_errors_or_warnings() {
        for t in Form::ALL.into_iter().flat_map(of) {
            let counts = Counts::of(&rules::check(&t));
            assert_eq!((counts.errors, counts.warnings), (0, 0), "{}", t.project);
        }
    }

    #[test]
    fn each_form_has_examples_of_its_own() {
        for form in Form::ALL {
            let tables = of(form);
            assert!(!tables.is_empty());
            assert!(tables.iter().all(|t| t.form == form));
        }
        let sh: Vec<String> = of(Form::Shanghai).into_iter().map(|t| t.project).collect();
        assert_eq!(
            sh,
            [
                "长风路-曹杨路地道改建工程",
                "社区公共服务设施日常运维",
                "苏州河沿岸步道贯通提升工程"
            ]
        );
    }

    #[test]
    fn the_examples_are_already_in_form_order() {
        for t in Form::ALL.into_iter().flat_map(of) {
            let mut copy = t.clone();
            assert_eq!(
                jixiao_domain::edit::normalize(&mut copy),
                jixiao_domain::edit::Change::None,
                "{}",
                t.project
            );
        }
    }
}
