//! The example tables a new table can start from: the eight published
//! tables of the Tianjin sample (`tests/fixtures/tianjin-2025-tables-1-8.txt`),
//! compiled into the program and imported with [`layout::import`]; and, per
//! form ([`of`]), two 上海 申报表 samples (`tests/fixtures/shanghai/`, the
//! PDF text the page reads as well).

use std::sync::OnceLock;

use super::layout;
use jixiao_domain::form::Form;
use jixiao_domain::table::Table;

/// The 上海 samples (PDF text): the 长风路 table, and a document whose
/// second table is the 苏州河 one.
const SHANGHAI: [&str; 2] = [
    include_str!("../../../tests/fixtures/shanghai/changfeng-pdf.txt"),
    include_str!("../../../tests/fixtures/shanghai/districts-pdf.txt"),
];

/// The example tables of `form`, in order: [`all`] for the Tianjin form.
pub fn of(form: Form) -> &'static [Table] {
    static SH: OnceLock<Vec<Table>> = OnceLock::new();
    match form {
        Form::Tianjin2025 => all(),
        Form::Shanghai => SH.get_or_init(|| {
            let mut tables: Vec<Table> = SHANGHAI
                .iter()
                .filter_map(|text| layout::import(text).ok())
                .flat_map(|doc| doc.tables)
                .collect();
            // The 长风路 table and the 苏州河 one.
            if tables.len() == 3 {
                tables.remove(1);
            }
            // Starting points come in the form's order of rows.
            for t in &mut tables {
                jixiao_domain::edit::normalize(t);
            }
            tables
        }),
    }
}

/// The sample document as published (text layout).
pub const SOURCE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");

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
            let counts = Counts::of(&rules::check(t));
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
        let sh: Vec<&str> = of(Form::Shanghai)
            .iter()
            .map(|t| t.project.as_str())
            .collect();
        assert_eq!(
            sh,
            ["长风路-曹杨路地道改建工程", "苏州河沿岸步道贯通提升工程"]
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
