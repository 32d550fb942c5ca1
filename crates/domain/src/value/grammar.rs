//! The grammar of a 指标值: an optional comparison (a symbol in front, or
//! words after), a number and a unit; a date; a template placeholder; or
//! words. [`parse`] reads any text as one of these.

use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

use super::unit::{classify, UnitClass};
use super::{Comparison, Date, Quantity, Value};

/// Full-width forms to their ASCII counterparts (digits, letters, `％`, `＞＝`…).
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Half-width, without whitespace. Borrows when there is nothing to change,
/// which is the common case on every keystroke.
fn normalize(text: &str) -> Cow<'_, str> {
    let needs_change = text
        .chars()
        .any(|c| c.is_whitespace() || ('\u{FF01}'..='\u{FF5E}').contains(&c));
    if !needs_change {
        return Cow::Borrowed(text);
    }
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(half_width)
        .collect::<String>()
        .into()
}

/// Prefixes that set the comparison, longest first where one is a prefix of
/// another.
const COMPARISONS: &[(&str, Comparison)] = &[
    ("大于或等于", Comparison::Ge),
    ("大于等于", Comparison::Ge),
    ("小于或等于", Comparison::Le),
    ("小于等于", Comparison::Le),
    ("不低于", Comparison::Ge),
    ("不少于", Comparison::Ge),
    ("不小于", Comparison::Ge),
    ("至少", Comparison::Ge),
    ("最少", Comparison::Ge),
    ("达到", Comparison::Ge),
    ("不高于", Comparison::Le),
    ("不超过", Comparison::Le),
    ("不多于", Comparison::Le),
    ("不大于", Comparison::Le),
    ("至多", Comparison::Le),
    ("最多", Comparison::Le),
    ("控制在", Comparison::Le),
    ("高于", Comparison::Gt),
    ("大于", Comparison::Gt),
    ("超过", Comparison::Gt),
    ("多于", Comparison::Gt),
    ("低于", Comparison::Lt),
    ("小于", Comparison::Lt),
    ("少于", Comparison::Lt),
    ("等于", Comparison::Eq),
    (">=", Comparison::Ge),
    ("=>", Comparison::Ge),
    ("<=", Comparison::Le),
    ("=<", Comparison::Le),
    ("≥", Comparison::Ge),
    ("≧", Comparison::Ge),
    ("⩾", Comparison::Ge),
    ("≤", Comparison::Le),
    ("≦", Comparison::Le),
    ("⩽", Comparison::Le),
    (">", Comparison::Gt),
    ("<", Comparison::Lt),
    ("=", Comparison::Eq),
    ("≈", Comparison::Eq),
];

/// Words after the number that set the comparison when none is in front.
const SUFFIXES: &[(&str, Option<Comparison>)] = &[
    ("及以上", Some(Comparison::Ge)),
    ("以上", Some(Comparison::Ge)),
    ("及以下", Some(Comparison::Le)),
    ("以下", Some(Comparison::Le)),
    ("以内", Some(Comparison::Le)),
    ("之内", Some(Comparison::Le)),
    ("之前", Some(Comparison::Le)),
    ("以前", Some(Comparison::Le)),
    ("前", Some(Comparison::Le)),
    ("内", Some(Comparison::Le)),
    ("左右", None),
];

/// Characters that stand in for a number in templates: `**`, `XX`, `×`.
fn is_placeholder_char(c: char) -> bool {
    matches!(
        c,
        '*' | 'X' | 'x' | '×' | '?' | '…' | '_' | '某' | '○' | '□'
    )
}

/// Whole values that mean "not filled in".
const PLACEHOLDER_WORDS: &[&str] = &[
    "/",
    "-",
    "—",
    "——",
    "待定",
    "待填",
    "待填写",
    "待补充",
    "暂无",
    "无数据",
    "N/A",
    "n/a",
];

/// Reads a 指标值 text.
pub fn parse(text: &str) -> Value {
    let s = normalize(text);
    if s.is_empty() {
        return Value::Empty;
    }
    if PLACEHOLDER_WORDS.contains(&&*s) {
        return Value::Placeholder;
    }
    let (prefix, rest) = take_comparison(&s);

    // Template placeholders: a run of `*`/`X` where the number would be.
    let run = rest.chars().take_while(|c| is_placeholder_char(*c)).count();
    if run > 0 {
        let after: String = rest.chars().skip(run).collect();
        if !after.chars().any(|c| c.is_ascii_digit()) && after.chars().count() <= 4 {
            return Value::Placeholder;
        }
    }

    if let Some((date, after)) = take_date(rest) {
        let after = after.strip_suffix("完成").unwrap_or(after);
        let (suffix, tail) = take_suffix(after);
        if tail.is_empty() {
            let comparison = prefix.or(suffix.flatten()).unwrap_or(Comparison::Eq);
            return Value::Date { comparison, date };
        }
    }

    let (number, after) = match take_number(rest) {
        Number::Read(number, after) => (number, after),
        // Digits followed by a unit, too many of them to hold exactly: a
        // number the author meant, not words.
        Number::TooLong { digits, after } if classify(split_unit(after).0).is_some() => {
            return Value::NumberOutOfRange { digits };
        }
        Number::TooLong { .. } | Number::None => {
            return Value::Qualitative(text.trim().to_string());
        }
    };
    let (unit, suffix) = split_unit(after);
    let Some(class) = classify(unit) else {
        return Value::Qualitative(text.trim().to_string());
    };
    let comparison = prefix.or(suffix.flatten());
    Value::Quantity(Quantity {
        comparison: comparison.unwrap_or(Comparison::Eq),
        explicit: comparison.is_some(),
        number,
        unit: match class {
            UnitClass::Percent => "%".to_string(),
            _ => unit.to_string(),
        },
        class,
    })
}

/// Reads a whole text as a date (see [`Date::parse`]).
pub(super) fn date(text: &str) -> Option<Date> {
    let s = normalize(text);
    let (date, rest) = take_date(&s)?;
    rest.is_empty().then_some(date)
}

fn take_comparison(s: &str) -> (Option<Comparison>, &str) {
    for (word, cmp) in COMPARISONS {
        if let Some(rest) = s.strip_prefix(word) {
            return (Some(*cmp), rest);
        }
    }
    (None, s)
}

fn take_suffix(s: &str) -> (Option<Option<Comparison>>, &str) {
    for (word, cmp) in SUFFIXES {
        if let Some(rest) = s.strip_suffix(word) {
            return (Some(*cmp), rest);
        }
    }
    (None, s)
}

/// What [`take_number`] finds at the start of a text.
enum Number<'a> {
    /// A number and what follows it.
    Read(Decimal, &'a str),
    /// Digits that no exact decimal holds (more than 28 or so): how many,
    /// and what follows them.
    TooLong { digits: usize, after: &'a str },
    /// No digits.
    None,
}

/// A decimal number at the start: `95`, `1,200.5`, `-3`.
fn take_number(s: &str) -> Number<'_> {
    let bytes = s.as_bytes();
    let mut end = 0;
    if matches!(bytes.first(), Some(b'-') | Some(b'+')) {
        end = 1;
    }
    let digits_start = end;
    let mut seen_dot = false;
    while end < bytes.len() {
        match bytes[end] {
            b'0'..=b'9' => end += 1,
            b',' if end > digits_start && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                end += 1
            }
            b'.' if !seen_dot && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                seen_dot = true;
                end += 1
            }
            _ => break,
        }
    }
    if end == digits_start {
        return Number::None;
    }
    let digits: String = s[..end].chars().filter(|c| *c != ',').collect();
    match Decimal::from_str(&digits) {
        Ok(number) => Number::Read(number, &s[end..]),
        Err(_) => Number::TooLong {
            digits: digits.bytes().filter(u8::is_ascii_digit).count(),
            after: &s[end..],
        },
    }
}

/// Splits what follows the number into the unit and a trailing comparison
/// word (`95%以上` → `%`, ≥).
fn split_unit(s: &str) -> (&str, Option<Option<Comparison>>) {
    let (suffix, unit) = take_suffix(s);
    let unit = unit.strip_suffix("完成").unwrap_or(unit);
    (unit, suffix)
}

/// A date at the start of `s` and what follows it.
fn take_date(s: &str) -> Option<(Date, &str)> {
    let (year, rest) = take_uint(s)?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let (sep, rest) = if let Some(r) = rest.strip_prefix('年') {
        // 2025年底 / 2025年末: the end of the year.
        if let Some(after) = r.strip_prefix(['底', '末']) {
            let date = Date {
                year: year as i32,
                month: 12,
                day: None,
            };
            return Some((date, after));
        }
        ('年', r)
    } else if let Some(r) = rest.strip_prefix(['-', '/', '.']) {
        (rest.chars().next()?, r)
    } else {
        return None;
    };
    let (month, rest) = take_uint(rest)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let rest = if sep == '年' {
        rest.strip_prefix('月')?
    } else {
        rest
    };
    let day_sep = if sep == '年' { None } else { Some(sep) };
    let after_sep = match day_sep {
        Some(c) => rest.strip_prefix(c),
        None => Some(rest),
    };
    if let Some(after) = after_sep {
        if let Some((day, r)) = take_uint(after) {
            if (1..=31).contains(&day) {
                let r = if sep == '年' {
                    r.strip_prefix(['日', '号']).unwrap_or(r)
                } else {
                    r
                };
                let date = Date {
                    year: year as i32,
                    month: month as u32,
                    day: Some(day as u32),
                };
                return Some((date, r));
            }
        }
    }
    // A bare year-month; `2025.12` alone reads as a number, not a date.
    if sep == '.' {
        return None;
    }
    let rest = rest
        .strip_prefix("底")
        .or_else(|| rest.strip_prefix("末"))
        .unwrap_or(rest);
    Some((
        Date {
            year: year as i32,
            month: month as u32,
            day: None,
        },
        rest,
    ))
}

fn take_uint(s: &str) -> Option<(u64, &str)> {
    let end = s.bytes().take_while(u8::is_ascii_digit).count();
    if end == 0 || end > 6 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}
