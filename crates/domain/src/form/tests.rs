//! Every form's data holds together (these run for a form added later
//! too), and the two forms say what the page and the importers need.

use super::layout::{Slot, GRID_COLUMNS};
use super::*;
use crate::lang::Lang;

/// Fills every row of a layout onto the grid, as the print view does, and
/// says which row over- or under-fills it.
fn check_layout(form: Form) {
    let rows = form.spec().layout.rows;
    let mut covered = vec![0usize; GRID_COLUMNS]; // rows a label still covers
    for (n, line) in rows.iter().enumerate() {
        let mut col = 0;
        for slot in line.cells {
            while col < GRID_COLUMNS && covered[col] > 0 {
                col += 1;
            }
            let span = slot.span();
            assert!(
                span >= 1 && col + span <= GRID_COLUMNS,
                "{}: row {n} runs past the grid",
                form.id()
            );
            let high = match slot {
                Slot::Label { rows, .. } => *rows,
                _ => 1,
            };
            for c in &mut covered[col..col + span] {
                *c = high;
            }
            col += span;
        }
        assert!(
            covered.iter().all(|c| *c > 0),
            "{}: row {n} leaves a column empty",
            form.id()
        );
        for c in &mut covered {
            *c = c.saturating_sub(1);
        }
    }
    assert!(
        covered.iter().all(|c| *c == 0),
        "{}: a label hangs below",
        form.id()
    );
    let spans: usize = form.columns().iter().map(|c| c.span).sum();
    assert_eq!(spans, GRID_COLUMNS, "{}: indicator columns", form.id());
}

#[test]
fn every_form_holds_together() {
    let mut ids = Vec::new();
    for form in Form::ALL {
        let spec = form.spec();
        assert_eq!(Form::from_id(spec.id), Some(form));
        assert!(!ids.contains(&spec.id));
        ids.push(spec.id);
        check_layout(form);
        // Every field printed is a field the form shows (the default form
        // also prints the other forms' fields, when present).
        for line in spec.layout.rows {
            for f in line.cells.iter().filter_map(Slot::field) {
                assert!(
                    form.shows(f) || (form.is_default() && line.optional),
                    "{}: prints {f:?} it does not show",
                    spec.id
                );
            }
        }
        for alias in spec.aliases {
            for f in alias.fields {
                assert!(
                    form.shows(*f),
                    "{}: alias {} reads {f:?}",
                    spec.id,
                    alias.label
                );
            }
        }
        for r in spec.adds.iter().chain(spec.skips) {
            assert!(Rule::ALL.contains(r));
        }
        let t = form.new_table();
        assert_eq!(
            (t.form, t.framework, t.money_unit),
            (form, spec.framework, spec.money_unit)
        );
        assert!(form.lacks(&t).is_empty());
    }
    assert_eq!(Form::Tianjin2025.new_table(), crate::edit::new_table());
}

#[test]
fn the_shanghai_form_shows_its_fields_with_the_printed_labels() {
    let labels: Vec<&str> = Form::Shanghai.fields().map(|f| f.zh).collect();
    assert_eq!(
        labels,
        [
            "年度",
            "项目名称",
            "项目性质",
            "项目类别",
            "主管部门",
            "实施单位",
            "计划开始日期",
            "计划完成日期",
            "项目资金总额",
            "其中：财政资金",
            "其他资金",
            "年度资金申请总额",
            "当年财政拨款",
            "上年结转资金",
            "其他资金",
            "项目总目标",
            "年度总体目标",
        ]
    );
    let columns: Vec<Text> = Form::Shanghai
        .columns()
        .iter()
        .map(|c| c.label.clone())
        .collect();
    assert_eq!(
        columns.iter().map(|c| c.zh.as_ref()).collect::<Vec<_>>(),
        ["一级指标", "二级指标", "三级指标", "年度指标值"]
    );
    assert!(!Form::Shanghai.shows_column(Column::Description));
    // The two 其他资金 are told apart by their totals.
    assert_eq!(
        Form::Shanghai.label(Field::BudgetOther),
        Text::new(
            "年度资金申请总额 · 其他资金",
            "other funds (funds requested this year)"
        )
    );
    assert_eq!(Form::Shanghai.own_label(Field::BudgetOther).zh, "其他资金");
    assert_eq!(
        Form::Shanghai.heading(Field::Carryover).en,
        "Carried over from last year"
    );
    assert_eq!(
        Form::Shanghai.label(Field::BudgetTotal).zh,
        "年度资金申请总额"
    );
    let cell = Place::Indicator {
        row: 2,
        column: Column::Value,
    };
    assert_eq!(
        Form::Shanghai.place_text(&cell).zh,
        "第 3 行指标 · 年度指标值"
    );
    assert_eq!(
        Form::Shanghai
            .place_text(&Place::Field(Field::BudgetTotal))
            .get(Lang::En),
        "Funds requested this year"
    );
    assert_eq!(Form::Shanghai.text().zh, "上海 申报表");
}

#[test]
fn the_tianjin_form_is_what_the_page_shows_today() {
    for f in Form::Tianjin2025.fields() {
        assert_eq!(f.label(), f.field.label(), "{:?}", f.field);
        assert_eq!(f.heading(), f.field.heading());
    }
    for c in Form::Tianjin2025.columns() {
        assert_eq!(c.label, c.column.label());
    }
    let place = Place::Field(Field::BudgetFiscal);
    assert_eq!(Form::Tianjin2025.place_text(&place), place.text());
}

#[test]
fn rules_apply_by_form() {
    assert!(Form::Shanghai.checks(Rule::AnnualFundsSum));
    assert!(!Form::Tianjin2025.checks(Rule::AnnualFundsSum));
    assert!(!Form::Shanghai.checks(Rule::BudgetSum));
    assert!(Form::Tianjin2025.checks(Rule::BudgetSum));
    assert!(Form::Shanghai.checks(Rule::CostOverBudget));
    assert!(Form::Tianjin2025.checks(Rule::CostOverBudget));
}

#[test]
fn a_form_is_told_by_its_title_or_two_of_its_labels() {
    assert_eq!(
        Form::detect(["财政项目支出绩效目标申报表 （2026年度）"]),
        Form::Shanghai
    );
    assert_eq!(
        Form::detect(["项目 性质", "x", "上年结转资金"]),
        Form::Shanghai
    );
    assert_eq!(Form::detect(["项目性质"]), Form::Tianjin2025);
    assert_eq!(
        Form::detect(["项目支出绩效目标申报表", "年度资金总额", "其中：财政拨款"]),
        Form::Tianjin2025
    );
    assert_eq!(Form::detect(["1.某项目绩效目标表"]), Form::Tianjin2025);
}

#[test]
fn the_form_key_is_optional_and_named() {
    let t: Table = serde_json::from_str(r#"{"project":"x"}"#).unwrap();
    assert_eq!(t.form, Form::Tianjin2025);
    let json = serde_json::to_string(&t).unwrap();
    assert!(!json.contains("form"), "{json}");
    let t: Table = serde_json::from_str(r#"{"form":"shanghai","carryover":"200,000.00"}"#).unwrap();
    assert_eq!(t.form, Form::Shanghai);
    assert_eq!(t.carryover.text(), "200000.00");
    let json = serde_json::to_string(&t).unwrap();
    assert!(json.starts_with(r#"{"form":"shanghai""#), "{json}");
    let e = serde_json::from_str::<Table>(r#"{"form":"beijing"}"#).unwrap_err();
    assert!(e.to_string().contains("beijing"), "{e}");
    assert!(e.to_string().contains("tianjin-2025、shanghai"), "{e}");
}

#[test]
fn fields_are_read_and_written_by_key() {
    let mut t = Table::default();
    for f in Field::ALL {
        let text = match f.amount(&t) {
            Some(_) => "1,200.50",
            None if f == Field::MoneyUnit => "元",
            None => "某文字",
        };
        f.set_text(&mut t, text);
        assert!(f.is_present(&t), "{f:?}");
        let back = f.text(&t);
        match f.amount(&t) {
            Some(_) => assert_eq!(back, "1200.50"),
            None => assert_eq!(back, text),
        }
    }
    Field::Nature.set_text(&mut t, "  ");
    assert_eq!(t.nature, None);
    Field::MoneyUnit.set_text(&mut t, "美元");
    assert_eq!(t.money_unit, MoneyUnit::Yuan);
    Field::Goals.set_text(&mut t, "甲\n乙");
    assert_eq!(t.goals, ["甲", "乙"]);
    assert!(!Field::MoneyUnit.is_filled(&t));
    assert_eq!(Field::Indicators.text(&t), "");
}
