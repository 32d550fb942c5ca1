//! The parser on the spellings found in published tables, and its
//! readings.

use super::*;
use crate::lang::Text;
use std::str::FromStr;

fn q(text: &str) -> Quantity {
    match parse(text) {
        Value::Quantity(q) => q,
        other => panic!("{text} read as {other:?}"),
    }
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn reads_the_published_values() {
    let v = q("≥95%");
    assert_eq!(
        (v.comparison, v.number, v.class),
        (Comparison::Ge, dec("95"), UnitClass::Percent)
    );
    let v = q("≤45万元");
    assert_eq!(v.comparison, Comparison::Le);
    assert_eq!(v.in_yuan(), Some(dec("450000")));
    let v = q("3个");
    assert_eq!((v.comparison, v.explicit), (Comparison::Eq, false));
    assert_eq!(v.class, UnitClass::Count);
    assert_eq!(q("≤12月").class, UnitClass::Time(TimeUnit::Month));
    assert_eq!(q("≥3小时").class, UnitClass::Time(TimeUnit::Hour));
    assert_eq!(q("≥3万字").class, UnitClass::Other);
    assert_eq!(q("≥70分").class, UnitClass::Other);
    assert_eq!(q("≥2000亿元").in_yuan(), Some(dec("200000000000")));
    assert_eq!(q("≥300人次").class, UnitClass::Count);
}

#[test]
fn every_percent_spelling_is_percent() {
    for text in [
        "100%",
        "100％",
        "100百分比",
        "=100.00(%)",
        "100（%）",
        "＝100%",
    ] {
        let v = q(text);
        assert_eq!(v.class, UnitClass::Percent, "{text}");
        assert_eq!(v.unit, "%");
        assert_eq!(v.number, dec("100"), "{text}");
    }
    assert_eq!(q("≥95百分比").comparison, Comparison::Ge);
}

#[test]
fn every_comparison_spelling() {
    let cases = [
        ("≥1", Comparison::Ge),
        ("≧1", Comparison::Ge),
        (">=1", Comparison::Ge),
        ("＞＝1", Comparison::Ge),
        ("不低于1", Comparison::Ge),
        ("不少于1", Comparison::Ge),
        ("至少1", Comparison::Ge),
        ("≤1", Comparison::Le),
        ("≦1", Comparison::Le),
        ("<=1", Comparison::Le),
        ("＜＝1", Comparison::Le),
        ("不高于1", Comparison::Le),
        ("不超过1", Comparison::Le),
        ("至多1", Comparison::Le),
        (">92%", Comparison::Gt),
        ("＞92%", Comparison::Gt),
        ("<1", Comparison::Lt),
        ("=1", Comparison::Eq),
        ("＝1", Comparison::Eq),
        ("95%以上", Comparison::Ge),
        ("12个月以内", Comparison::Le),
    ];
    for (text, cmp) in cases {
        let v = q(text);
        assert_eq!(v.comparison, cmp, "{text}");
        assert!(v.explicit, "{text}");
    }
}

#[test]
fn full_width_digits_and_spaces() {
    let v = q(" ≥ ９５ ％ ");
    assert_eq!((v.number, v.class), (dec("95"), UnitClass::Percent));
    assert_eq!(q("1,200万元").number, dec("1200"));
}

#[test]
fn words_are_qualitative() {
    for text in ["达标", "及时", "可控", "提升", "有所提高", "效果明显"] {
        assert_eq!(parse(text), Value::Qualitative(text.into()));
    }
    assert!(matches!(parse("达到2000亿目标"), Value::Qualitative(_)));
    assert!(matches!(
        parse("3个工作日内完成全部受理和审核流程的办理"),
        Value::Qualitative(_)
    ));
}

#[test]
fn placeholders_are_not_values() {
    for text in [
        "*",
        "**",
        "≥**%",
        "XX",
        "xx个",
        "≤X万元",
        "/",
        "待定",
        "＊＊",
    ] {
        assert_eq!(parse(text), Value::Placeholder, "{text}");
    }
    assert_eq!(parse(""), Value::Empty);
    assert_eq!(parse("  　"), Value::Empty);
}

#[test]
fn dates() {
    let v = parse("2025年12月31日前");
    assert_eq!(
        v,
        Value::Date {
            comparison: Comparison::Le,
            date: Date {
                year: 2025,
                month: 12,
                day: Some(31)
            }
        }
    );
    assert!(matches!(parse("2025-06-30"), Value::Date { .. }));
    assert!(matches!(parse("2025年底前完成"), Value::Date { .. }));
    assert_eq!(
        Date::parse("2025/1/1"),
        Some(Date {
            year: 2025,
            month: 1,
            day: Some(1)
        })
    );
    assert!(Date::parse("2025年13月").is_none());
    let end = Date::parse("2025-12-31").unwrap();
    assert!(Date::parse("2026年3月").unwrap().is_after(end));
    assert!(!Date::parse("2025年12月").unwrap().is_after(end));
}

#[test]
fn time_beyond_a_year() {
    assert!(!q("≤12月").beyond_a_year());
    assert!(q("≤18个月").beyond_a_year());
    assert!(q("2年").beyond_a_year());
    assert!(!q("365天").beyond_a_year());
    assert!(q("400天").beyond_a_year());
}

#[test]
fn fractions() {
    assert!(q("2.5个").is_fractional());
    assert!(!q("2.0个").is_fractional());
}

#[test]
fn readings_say_what_was_understood() {
    assert_eq!(
        parse("≥95百分比").reading(),
        Text::new("≥ 95 %（百分比）", "≥ 95 % (percent)")
    );
    let implicit = parse("3个").reading();
    assert!(implicit.zh.contains("按 = 理解"), "{implicit}");
    assert!(implicit.en.contains("read as ="), "{implicit}");
    assert_eq!(
        parse("2025年12月31日前").reading(),
        Text::new("≤ 2025年12月31日（日期）", "≤ 2025年12月31日 (date)")
    );
    assert_eq!(parse("").reading(), Text::new("（空）", "(empty)"));
    assert_eq!(parse("达标").reading().en, "qualitative (words)");
    assert_eq!(parse("XX").reading().zh, "模板占位符，不是指标值");
}

#[test]
fn numbers_too_long_to_read_are_not_words() {
    let v = parse("≥99999999999999999999999999999万元");
    assert_eq!(v, Value::NumberOutOfRange { digits: 29 });
    assert!(v.reading().zh.contains("29 位"), "{}", v.reading());
    assert!(v.reading().en.contains("too long"), "{}", v.reading());
    assert!(matches!(
        parse("１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０个"),
        Value::NumberOutOfRange { digits: 30 }
    ));
    // The longest number an exact decimal holds still reads.
    assert_eq!(q("≤79228162514264337593543950335元").number, Decimal::MAX);
    // Digits that start a sentence are still words.
    assert!(matches!(
        parse("99999999999999999999999999999户企业受益于本项目的服务"),
        Value::Qualitative(_)
    ));
}

#[test]
fn units_in_running_text() {
    use super::unit_at_start;
    assert_eq!(unit_at_start("人次参加").map(|u| u.0), Some("人次"));
    assert_eq!(unit_at_start("万元经费").map(|u| u.0), Some("万元"));
    assert_eq!(
        unit_at_start("万元").map(|u| u.1),
        Some(UnitClass::Money(dec("10000")))
    );
    assert_eq!(
        unit_at_start("%以上").map(|u| u.1),
        Some(UnitClass::Percent)
    );
    assert_eq!(unit_at_start("万字").map(|u| u.0), Some("万字"));
    // Not time, and not any short word.
    assert_eq!(unit_at_start("年度"), None);
    assert_eq!(unit_at_start("和网信办"), None);
    assert_eq!(unit_at_start(""), None);
}
