//! Properties that hold for any input: the parsers never panic, and the
//! exchange format gives back exactly what was written.

use jixiao_domain::form::Form;
use jixiao_domain::{value, Amount, Budget, Document, Framework, Indicator, MoneyUnit, Table};
use jixiao_formats::{exchange, layout};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Text that looks like what authors type into a value cell.
fn value_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("≥".to_string()),
        Just("≤".to_string()),
        Just("＞＝".to_string()),
        Just("不低于".to_string()),
        Just("%".to_string()),
        Just("百分比".to_string()),
        Just("(%)".to_string()),
        Just("万元".to_string()),
        Just("亿元".to_string()),
        Just("个".to_string()),
        Just("月".to_string()),
        Just("年".to_string()),
        Just("日".to_string()),
        Just("前".to_string()),
        Just("*".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just(",".to_string()),
        "[0-9]{1,40}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        Just(Amount::Blank),
        (any::<i64>(), 0u32..6).prop_map(|(n, s)| Amount::Value(Decimal::new(n, s))),
        // What the editor stores for whatever was typed.
        "\\PC{0,12}".prop_map(|s| Amount::parse(&s)),
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        "\\PC{0,8}",
        "\\PC{0,8}",
        "\\PC{0,20}",
        "\\PC{0,20}",
        value_like(),
    )
        .prop_map(|(level1, level2, name, description, value)| Indicator {
            level1,
            level2,
            name,
            description,
            value,
        })
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of("\\PC{0,10}")
}

fn table() -> impl Strategy<Value = Table> {
    (
        (
            "[0-9]{0,6}",
            "\\PC{0,20}",
            prop::sample::select(MoneyUnit::ALL.to_vec()),
            "\\PC{0,20}",
            (amount(), amount(), amount()),
            "\\PC{0,60}",
            prop::collection::vec("\\PC{0,30}", 0..4),
            prop::bool::ANY,
        ),
        prop::collection::vec(indicator(), 0..12),
        (
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            amount(),
            opt_text(),
        ),
        (
            prop::sample::select(Form::ALL.to_vec()),
            opt_text(),
            opt_text(),
            opt_text(),
            (amount(), amount(), amount()),
        ),
    )
        .prop_map(
            |(
                (
                    unit_code,
                    unit_name,
                    money_unit,
                    project,
                    (total, fiscal, other),
                    purpose,
                    goals,
                    f21,
                ),
                indicators,
                (department, implementer, plan_start, plan_end, total_funds, overall_goal),
                (form, year, nature, category, (carryover, total_funds_fiscal, total_funds_other)),
            )| Table {
                form,
                year,
                nature,
                category,
                carryover,
                total_funds_fiscal,
                total_funds_other,
                unit_code,
                unit_name,
                money_unit,
                project,
                budget: Budget {
                    total,
                    fiscal,
                    other,
                },
                purpose,
                goals,
                framework: if f21 {
                    Framework::F2021
                } else {
                    Framework::F2020
                },
                indicators,
                department,
                implementer,
                plan_start,
                plan_end,
                total_funds,
                overall_goal,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn value_parser_never_panics(text in "\\PC*") {
        let v = value::parse(&text);
        let _ = v.reading();
    }

    #[test]
    fn value_parser_never_panics_on_value_like_text(text in value_like()) {
        let _ = value::parse(&text);
    }

    #[test]
    fn layout_importer_never_panics(lines in prop::collection::vec(
        prop_oneof![
            Just("\t".to_string()),
            Just(String::new()),
            Just("1.某项目绩效目标表".to_string()),
            Just("\t项目名称".to_string()),
            Just("\t预算数".to_string()),
            Just("\t其他资金".to_string()),
            Just("\t绩效目标".to_string()),
            Just("\t一级指标".to_string()),
            Just("\t二级指标".to_string()),
            Just("[bookmark: x".to_string()),
            "\t\\PC{0,12}",
        ], 0..40)) {
        let _ = layout::import(&lines.join("\n"));
    }

    #[test]
    fn exchange_reader_never_panics(text in "\\PC*") {
        let _ = exchange::from_json(&text);
    }

    #[test]
    fn json_round_trip_gives_back_the_same_document(tables in prop::collection::vec(table(), 0..3)) {
        let doc = Document { tables };
        let json = exchange::to_json(&doc);
        let back = exchange::from_json(&json).expect("own output reads back");
        prop_assert_eq!(&back, &doc);
        // Decimal equality ignores scale; the text must match too ("45.00").
        prop_assert_eq!(exchange::to_json(&back), json);
    }

    #[test]
    fn checking_never_panics(t in table()) {
        let _ = jixiao_domain::rules::check(&t);
    }
}
