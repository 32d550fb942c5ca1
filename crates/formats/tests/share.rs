//! Share links: a table survives the trip through a link exactly, and a
//! damaged, altered, crafted or foreign link gives a clear error, never a
//! panic.

use jixiao_domain::form::Form;
use jixiao_domain::{Amount, Budget, Framework, Indicator, MoneyUnit, Table};
use jixiao_formats::share::{self, ShareError, MAX_JSON_BYTES, MAX_LINK_CHARS};
use jixiao_formats::{exchange, layout};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn sample() -> Vec<Table> {
    layout::import(include_str!(
        "../../../tests/fixtures/tianjin-2025-tables-1-8.txt"
    ))
    .expect("the sample imports")
    .tables
}

/// A payload with `json` inside, packed the way a link is.
fn payload(tag: &str, json: &[u8]) -> String {
    let mut s = format!("{tag}.");
    share::base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(json, 9), &mut s);
    s
}

#[test]
fn the_eight_tables_survive_a_link_exactly() {
    for (i, t) in sample().iter().enumerate() {
        let code = share::encode(t).unwrap();
        assert!(code.starts_with("v1."));
        assert!(
            code[3..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "URL-safe without escaping"
        );
        assert_eq!(share::decode(&code).as_ref(), Ok(t), "table {}", i + 1);
        // The forms a user may paste: the fragment, or the whole link.
        assert_eq!(share::decode(&format!("#share={code}")).as_ref(), Ok(t));
        assert_eq!(share::decode(&format!("share={code}")).as_ref(), Ok(t));
        let link = share::link("https://example.org/jixiao/index.html#old", t).unwrap();
        assert_eq!(
            link,
            format!("https://example.org/jixiao/index.html#share={code}")
        );
        assert_eq!(share::decode(&link).as_ref(), Ok(t));
        // Chat tools wrap long links; whitespace inside is ignored.
        let wrapped: String = code
            .chars()
            .enumerate()
            .flat_map(|(k, c)| (k % 60 == 59).then_some('\n').into_iter().chain([c]))
            .collect();
        assert_eq!(share::decode(&format!("  {wrapped} \r\n")).as_ref(), Ok(t));
    }
}

#[test]
fn a_typical_link_is_short() {
    let tables = sample();
    let lengths: Vec<usize> = tables
        .iter()
        .map(|t| share::encode(t).unwrap().len())
        .collect();
    // Measured: 947 to 1 167 characters for the eight tables (table 1, 6
    // indicators and a 128-character purpose: 983), about 3 % of the limit;
    // the compact JSON they pack is 1.9 to 2.6 KB.
    assert!(lengths[0] < 1_200, "table 1: {} characters", lengths[0]);
    assert!(
        lengths.iter().all(|&n| n < 1_500),
        "lengths: {lengths:?} (limit {MAX_LINK_CHARS})"
    );
    // It is the compact JSON, compressed: smaller than the text itself.
    let json = exchange::to_json(&jixiao_domain::Document {
        tables: vec![tables[0].clone()],
    });
    assert!(lengths[0] < json.len() / 2);
}

#[test]
fn damaged_links_say_so() {
    let t = &sample()[0];
    let code = share::encode(t).unwrap();

    // Cut off anywhere after the tag: never the table, never a panic.
    for cut in 3..code.len() {
        let err = share::decode(&code[..cut]).unwrap_err();
        assert!(
            matches!(
                err,
                ShareError::BadEncoding | ShareError::Damaged | ShareError::Checksum
            ),
            "cut at {cut}: {err:?}"
        );
        assert!(err.message_zh().starts_with("链接"));
    }
    assert_eq!(share::decode("v1."), Err(ShareError::Damaged));

    // One character changed anywhere in the data: caught.
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for at in 3..code.len() {
        let old = code.as_bytes()[at] as char;
        for new in [
            alphabet
                .chars()
                .nth((alphabet.find(old).unwrap() + 1) % 64)
                .unwrap(),
            '+',
        ] {
            let mut bad = code.clone();
            bad.replace_range(at..at + 1, &new.to_string());
            let err = share::decode(&bad).unwrap_err();
            assert!(
                matches!(
                    err,
                    ShareError::BadEncoding | ShareError::Damaged | ShareError::Checksum
                ),
                "{old}→{new} at {at}: {err:?}"
            );
        }
    }

    assert_eq!(
        ShareError::BadEncoding.message_zh(),
        "链接不完整或已损坏：请让对方重新复制完整的分享链接。"
    );
    assert_eq!(share::decode("v1.abc$def"), Err(ShareError::BadEncoding));
    assert_eq!(share::decode("v1.a"), Err(ShareError::BadEncoding));
}

#[test]
fn an_altered_checksum_is_reported_as_altered() {
    let t = &sample()[0];
    let code = share::encode(t).unwrap();
    let mut packed = share::base64url_decode(&code[3..]).unwrap();
    let last = packed.len() - 1;
    packed[last] ^= 1; // the last byte of the Adler-32 checksum
    let mut bad = "v1.".to_string();
    share::base64url_encode(&packed, &mut bad);
    let err = share::decode(&bad).unwrap_err();
    assert_eq!(err, ShareError::Checksum);
    assert!(err.message_zh().contains("校验失败"));
}

#[test]
fn foreign_and_newer_links_are_named() {
    assert_eq!(share::decode(""), Err(ShareError::Empty));
    assert_eq!(share::decode("#share="), Err(ShareError::Empty));
    assert_eq!(
        share::decode("https://example.org/#top"),
        Err(ShareError::NotShareLink)
    );
    assert_eq!(share::decode("hello"), Err(ShareError::NotShareLink));
    assert_eq!(
        share::decode("x1.eJwDAAAAAAE"),
        Err(ShareError::NotShareLink)
    );

    let code = share::encode(&sample()[0]).unwrap();
    let newer = code.replacen("v1.", "v2.", 1);
    let err = share::decode(&newer).unwrap_err();
    assert_eq!(err, ShareError::UnsupportedVersion("v2".into()));
    assert!(err.message_zh().contains("更新版本"));
    assert!(err.message_en().contains("newer"));
    assert_eq!(
        share::decode(&code.replacen("v1.", "v0.", 1)),
        Err(ShareError::UnsupportedVersion("v0".into()))
    );

    // Packed correctly, but not what a link holds.
    assert_eq!(
        share::decode(&payload("v1", "不是 JSON".as_bytes())),
        Err(ShareError::NotJson)
    );
    assert_eq!(
        share::decode(&payload("v1", b"\xff\xfe")),
        Err(ShareError::NotJson)
    );
    assert!(matches!(
        share::decode(&payload(
            "v1",
            br#"{"format":"other","version":1,"tables":[]}"#
        )),
        Err(ShareError::Content(exchange::ExchangeError::NotJixiao))
    ));
    assert!(matches!(
        share::decode(&payload(
            "v1",
            br#"{"format":"jixiao","version":9,"tables":[{}]}"#
        )),
        Err(ShareError::Content(exchange::ExchangeError::Newer(9)))
    ));
    let none = payload("v1", br#"{"format":"jixiao","version":1,"tables":[]}"#);
    assert_eq!(share::decode(&none), Err(ShareError::TableCount(0)));
    let two = payload(
        "v1",
        exchange::to_json(&jixiao_domain::Document {
            tables: sample()[..2].to_vec(),
        })
        .as_bytes(),
    );
    let err = share::decode(&two).unwrap_err();
    assert_eq!(err, ShareError::TableCount(2));
    assert!(err.message_zh().contains("一张"));
}

#[test]
fn too_long_links_are_refused_both_ways() {
    // Text that does not compress: random-looking characters.
    let mut x: u32 = 12345;
    let noise: String = (0..40_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from_u32(0x4E00 + (x >> 8) % 20_000).unwrap()
        })
        .collect();
    let t = Table {
        purpose: noise,
        ..sample()[0].clone()
    };
    let err = share::encode(&t).unwrap_err();
    assert!(
        matches!(err, ShareError::TooLong { chars, max } if chars > max && max == MAX_LINK_CHARS)
    );
    assert!(err.message_zh().starts_with("链接过长"));
    assert!(err.message_zh().contains("请改用导出 JSON 文件分享"));

    let long = format!("v1.{}", "A".repeat(MAX_LINK_CHARS));
    assert!(matches!(
        share::decode(&long),
        Err(ShareError::TooLong { chars, .. }) if chars == MAX_LINK_CHARS + 3
    ));
}

#[test]
fn a_zip_bomb_is_refused() {
    // 3 MB of spaces inside a valid-looking document: a few KB packed.
    let mut json = br#"{"format":"jixiao","version":1,"tables":[{"purpose":""#.to_vec();
    json.extend(std::iter::repeat_n(b' ', 3 * 1024 * 1024));
    json.extend_from_slice(br#""}]}"#);
    let bomb = payload("v1", &json);
    assert!(bomb.len() < 10_000, "{} characters", bomb.len());
    let err = share::decode(&bomb).unwrap_err();
    assert_eq!(
        err,
        ShareError::TooLarge {
            limit: MAX_JSON_BYTES
        }
    );
    assert!(err.message_zh().contains("2 MB"));

    // And encode never writes a link that decode would refuse.
    let t = Table {
        purpose: " ".repeat(MAX_JSON_BYTES),
        ..Table::default()
    };
    assert_eq!(
        share::encode(&t),
        Err(ShareError::TooLarge {
            limit: MAX_JSON_BYTES
        })
    );
}

#[test]
fn every_error_has_both_messages() {
    let all = [
        ShareError::Empty,
        ShareError::NotShareLink,
        ShareError::UnsupportedVersion("v2".into()),
        ShareError::UnsupportedVersion("v0".into()),
        ShareError::TooLong {
            chars: 40_000,
            max: MAX_LINK_CHARS,
        },
        ShareError::BadEncoding,
        ShareError::Damaged,
        ShareError::Checksum,
        ShareError::TooLarge {
            limit: MAX_JSON_BYTES,
        },
        ShareError::NotJson,
        ShareError::Content(exchange::ExchangeError::NotJixiao),
        ShareError::TableCount(2),
    ];
    let zh: std::collections::BTreeSet<String> = all.iter().map(|e| e.message_zh()).collect();
    let en: std::collections::BTreeSet<String> = all.iter().map(|e| e.message_en()).collect();
    assert_eq!(zh.len(), all.len(), "each error says something different");
    assert_eq!(en.len(), all.len());
    for e in &all {
        assert!(e.message_zh().ends_with('。'), "{e:?}");
        assert!(e.message_en().ends_with('.'), "{e:?}");
        assert_eq!(e.to_string(), e.message_zh());
    }
}

// ---------------------------------------------------------------------------
// Properties.

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        Just(Amount::Blank),
        (any::<i64>(), 0u32..6).prop_map(|(n, s)| Amount::Value(Decimal::new(n, s))),
        "\\PC{0,12}".prop_map(|s| Amount::parse(&s)),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(
            any::<char>().prop_filter("printable", |c| !c.is_control()),
            0..max
        )
        .prop_map(String::from_iter),
        prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter),
    ]
}

fn table() -> impl Strategy<Value = Table> {
    (
        (
            "[0-9]{0,6}",
            text(20),
            prop::sample::select(MoneyUnit::ALL.to_vec()),
            text(20),
            (amount(), amount(), amount()),
            text(80),
            prop::collection::vec(text(40), 0..4),
            any::<bool>(),
        ),
        prop::collection::vec((text(8), text(8), text(20), text(20), text(10)), 0..12),
        (
            prop::option::of(text(10)),
            prop::option::of(text(10)),
            prop::option::of(text(10)),
            amount(),
            prop::option::of(text(20)),
        ),
        (
            prop::sample::select(Form::ALL.to_vec()),
            prop::option::of(text(6)),
            prop::option::of(text(8)),
            prop::option::of(text(8)),
            (amount(), amount(), amount()),
        ),
    )
        .prop_map(
            |(
                (code, unit, money_unit, project, (total, fiscal, other), purpose, goals, f21),
                rows,
                (department, implementer, plan_start, total_funds, overall_goal),
                (form, year, nature, category, (carryover, total_funds_fiscal, total_funds_other)),
            )| Table {
                form,
                year,
                nature,
                category,
                carryover,
                total_funds_fiscal,
                total_funds_other,
                unit_code: code,
                unit_name: unit,
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
                indicators: rows
                    .into_iter()
                    .map(|(a, b, n, d, v)| Indicator::new(&a, &b, &n, &d, &v))
                    .collect(),
                department,
                implementer,
                plan_start,
                plan_end: None,
                total_funds,
                overall_goal,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_table_survives_a_link(t in table()) {
        let code = share::encode(&t).unwrap();
        prop_assert!(code.len() <= MAX_LINK_CHARS);
        prop_assert_eq!(share::decode(&code), Ok(t));
    }

    #[test]
    fn any_string_is_refused_or_read_but_never_panics(s in "\\PC{0,200}") {
        if let Err(e) = share::decode(&s) {
            prop_assert!(!e.message_zh().is_empty());
        }
    }

    #[test]
    fn any_base64url_payload_gives_an_error_not_a_panic(
        s in "[A-Za-z0-9_-]{0,400}",
        prefix in prop::sample::select(vec!["", "#share=", "v1.", "#share=v1.", "v2."]),
    ) {
        let r = share::decode(&format!("{prefix}{s}"));
        prop_assert!(r.is_err());
    }

    #[test]
    fn any_bytes_packed_as_a_link_are_refused_or_read(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let r = share::decode(&payload("v1", &bytes));
        prop_assert!(r.is_err());
    }
}
