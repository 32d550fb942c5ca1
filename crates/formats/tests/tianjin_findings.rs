//! Tianjin tables keep their findings: the eight published tables, as they
//! are and damaged in ways that fire most rules, checked against a snapshot
//! (`tests/fixtures/tianjin-2025-findings.json`) taken before forms were
//! added. `JIXIAO_BLESS=1 cargo test --test tianjin_findings` rewrites it.

use jixiao_domain::budget::{Amount, MoneyUnit};
use jixiao_domain::framework::Framework;
use jixiao_domain::lang::Bilingual;
use jixiao_domain::rules;
use jixiao_domain::table::Table;
use jixiao_formats::exchange;

const EXPECTED: &str = include_str!("../../../tests/fixtures/tianjin-2025-expected.json");
const SNAPSHOT: &str = "../../tests/fixtures/tianjin-2025-findings.json";

/// The tables, each as published and in five damaged variants.
fn variants() -> Vec<(String, Table)> {
    let doc = exchange::from_json(EXPECTED).unwrap();
    let mut out = Vec::new();
    for (i, t) in doc.tables.iter().enumerate() {
        out.push((format!("{i}:as-published"), t.clone()));

        let mut blank = t.clone();
        blank.project = " ".into();
        blank.unit_name.clear();
        blank.budget.total = Amount::Blank;
        blank.goals = vec!["".into(), "完成".into(), " ".into()];
        out.push((format!("{i}:blank-fields"), blank));

        let mut money = t.clone();
        money.budget.fiscal = Amount::parse("1.005");
        money.budget.other = Amount::parse("-5");
        money.unit_code = "33I202".into();
        money.total_funds = Amount::parse("四十五");
        money.plan_end = Some("2025-06-30".into());
        out.push((format!("{i}:money"), money));

        let mut values = t.clone();
        values.indicators.retain(|r| !r.level1.contains("满意度"));
        let patches = [
            "≥**%",
            "105%",
            "≥999万元",
            "≥100%",
            "2.5个",
            "按要求",
            "2026年3月底前",
            "≤18个月",
            "≥95个",
        ];
        for (row, patch) in values.indicators.iter_mut().zip(patches) {
            row.value = patch.into();
        }
        if let Some(first) = values.indicators.first_mut() {
            first.level2 = "经济效益指标".into();
        }
        if let Some(last) = values.indicators.last_mut() {
            last.name.clear();
        }
        let dup = values.indicators.first().cloned();
        values.indicators.extend(dup);
        out.push((format!("{i}:values"), values));

        let mut f2021 = t.clone();
        f2021.switch_framework(Framework::F2021);
        out.push((format!("{i}:framework-2021"), f2021.clone()));
        f2021.framework = Framework::F2020;
        out.push((format!("{i}:wrong-framework"), f2021));

        let mut yuan = t.clone();
        yuan.money_unit = MoneyUnit::Yuan;
        out.push((format!("{i}:yuan"), yuan));
    }
    out
}

fn findings() -> serde_json::Value {
    let all: Vec<serde_json::Value> = variants()
        .into_iter()
        .map(|(name, t)| {
            let found: Vec<serde_json::Value> = rules::check(&t)
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "code": f.code(),
                        "path": f.place.path(),
                        "place": f.place.text().zh,
                        "message": f.message,
                        "message_en": f.message_en,
                    })
                })
                .collect();
            serde_json::json!({ "table": name, "findings": found })
        })
        .collect();
    serde_json::Value::Array(all)
}

#[test]
fn tianjin_tables_give_the_findings_they_gave_before_forms() {
    let now = findings();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&now).unwrap() + "\n").unwrap();
    }
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let (now, before) = (now.as_array().unwrap(), before.as_array().unwrap());
    assert_eq!(now.len(), before.len());
    for (n, b) in now.iter().zip(before) {
        assert_eq!(n, b, "findings of {} changed", b["table"]);
    }
}

/// The print view and the tab-separated text (both drawn from
/// `print::grid`, as the .xlsx and .docx are) of the eight tables, and of
/// one with every optional field filled, are what they were before forms
/// (`tests/fixtures/tianjin-2025-print.html`, `…-print.tsv`).
#[test]
fn tianjin_tables_print_as_before_forms() {
    let mut tables = exchange::from_json(EXPECTED).unwrap().tables;
    let mut extra = tables[0].clone();
    extra.department = Some("天津市科学技术局".into());
    extra.implementer = Some("天津市科学技术发展战略研究院".into());
    extra.total_funds = Amount::parse("90.00");
    extra.plan_start = Some("2025-01-01".into());
    extra.plan_end = Some("2026-12-31".into());
    extra.overall_goal = Some("1.两年内完成。".into());
    tables.push(extra);
    let options = jixiao_formats::print::PrintOptions {
        summary: true,
        standalone: true,
    };
    let html = jixiao_formats::print::document_html(&tables, &options);
    let tsv = jixiao_formats::tsv::document_tsv(&tables);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    for (name, now) in [
        ("tianjin-2025-print.html", html),
        ("tianjin-2025-print.tsv", tsv),
    ] {
        let path = dir.join(name);
        if std::env::var_os("JIXIAO_BLESS").is_some() {
            std::fs::write(&path, &now).unwrap();
        }
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(now == before, "{name} changed");
    }
}
