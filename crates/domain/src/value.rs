//! The value parser: what a 指标值 text says.
//!
//! A value is quantitative (an optional comparison, a number and a unit:
//! `≥95%`, `≤45万元`, `3个`), a date (`2025年12月31日前`), qualitative
//! (`达标`, `有所提高`), a template placeholder (`≥**%`, `XX`), or empty
//! (rules.md §3). The parser is total: every input gives one of these, and
//! it never panics, whatever is pasted into it (a property test holds it to
//! that). It allocates little and runs on every keystroke.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A comparison in front of (or implied by words after) a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Ge => "≥",
            Comparison::Gt => ">",
            Comparison::Le => "≤",
            Comparison::Lt => "<",
            Comparison::Eq => "=",
        }
    }

    /// A lower bound (`≥`, `>`): what a cost indicator must not have.
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Comparison::Ge | Comparison::Gt)
    }
}

/// Units of time a 时效 value is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// What kind of thing a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitClass {
    /// `%`, `％`, `百分比`, `(%)`.
    Percent,
    /// 元, 万元, 亿元; the payload is how many 元 one unit is.
    Money(Decimal),
    /// 个, 人, 次, 家, 篇, 册 …
    Count,
    /// 小时, 天, 月, 年 …
    Time(TimeUnit),
    /// 分, 万字, 公里 …: measured, but not one of the above.
    Other,
    /// A bare number.
    None,
}

/// A quantitative target: comparison, number, unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quantity {
    pub comparison: Comparison,
    /// Whether the comparison was written; `3个` reads as `=` implicitly.
    pub explicit: bool,
    pub number: Decimal,
    /// The unit as normalized (`%` for every percent spelling).
    pub unit: String,
    pub class: UnitClass,
}

/// A calendar date, possibly without a day (`2025年12月`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

/// What a 指标值 text says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    Empty,
    /// A template placeholder such as `*`, `≥**%`, `XX`: not a value.
    Placeholder,
    Quantity(Quantity),
    /// A deadline: `2025年12月31日前`.
    Date {
        comparison: Comparison,
        date: Date,
    },
    /// Words, not a number: `达标`, `有所提高`.
    Qualitative(String),
}

impl Quantity {
    /// The amount in 元, for a money value.
    pub fn in_yuan(&self) -> Option<Decimal> {
        match self.class {
            UnitClass::Money(scale) => self.number.checked_mul(scale),
            _ => None,
        }
    }

    /// Whether a time value reaches past one year (12 months, 365 days …).
    pub fn beyond_a_year(&self) -> bool {
        let limit = match self.class {
            UnitClass::Time(TimeUnit::Minute) => 525_600,
            UnitClass::Time(TimeUnit::Hour) => 8_760,
            UnitClass::Time(TimeUnit::Day) => 365,
            UnitClass::Time(TimeUnit::Week) => 52,
            UnitClass::Time(TimeUnit::Month) => 12,
            UnitClass::Time(TimeUnit::Quarter) => 4,
            UnitClass::Time(TimeUnit::Year) => 1,
            _ => return false,
        };
        self.number > Decimal::from(limit)
    }

    /// Whether the number has a fractional part (`2.5个`; `2.0个` is whole).
    pub fn is_fractional(&self) -> bool {
        self.number.fract() != Decimal::ZERO
    }
}

impl Value {
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            Value::Quantity(q) => Some(q),
            _ => None,
        }
    }

    /// How the value was understood, for the author to see as they type
    /// (`≥ 95 %（百分比）`).
    pub fn reading_zh(&self) -> String {
        match self {
            Value::Empty => "（空）".into(),
            Value::Placeholder => "模板占位符，不是指标值".into(),
            Value::Qualitative(_) => "定性指标（文字描述）".into(),
            Value::Date { comparison, date } => {
                format!("{} {}（日期）", comparison.symbol(), date)
            }
            Value::Quantity(q) => {
                let class = match q.class {
                    UnitClass::Percent => "百分比",
                    UnitClass::Money(_) => "金额",
                    UnitClass::Count => "计数",
                    UnitClass::Time(_) => "时间",
                    UnitClass::Other => "其他单位",
                    UnitClass::None => "无单位",
                };
                let implicit = if q.explicit {
                    ""
                } else {
                    "（未写比较符，按 = 理解）"
                };
                format!(
                    "{} {} {}（{}）{}",
                    q.comparison.symbol(),
                    q.number,
                    q.unit,
                    class,
                    implicit
                )
                .replace("  ", " ")
            }
        }
    }

    /// The same reading in English.
    pub fn reading_en(&self) -> String {
        match self {
            Value::Empty => "(empty)".into(),
            Value::Placeholder => "template placeholder, not a value".into(),
            Value::Qualitative(_) => "qualitative (words)".into(),
            Value::Date { comparison, date } => {
                format!("{} {} (date)", comparison.symbol(), date)
            }
            Value::Quantity(q) => {
                let class = match q.class {
                    UnitClass::Percent => "percent",
                    UnitClass::Money(_) => "money",
                    UnitClass::Count => "count",
                    UnitClass::Time(_) => "time",
                    UnitClass::Other => "other unit",
                    UnitClass::None => "no unit",
                };
                let implicit = if q.explicit {
                    ""
                } else {
                    " (no comparison: read as =)"
                };
                format!(
                    "{} {} {} ({}){}",
                    q.comparison.symbol(),
                    q.number,
                    q.unit,
                    class,
                    implicit
                )
                .replace("  ", " ")
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{}年{}月{}日", self.year, self.month, d),
            None => write!(f, "{}年{}月", self.year, self.month),
        }
    }
}

impl Date {
    /// Reads a whole text as a date: `2025-12-31`, `2025/12/31`,
    /// `2025.12.31`, `2025年12月31日`, `2025年12月`.
    pub fn parse(text: &str) -> Option<Date> {
        let s = normalize(text);
        let (date, rest) = take_date(&s)?;
        rest.is_empty().then_some(date)
    }

    /// The last day this date can mean (a month without a day means its end).
    fn upper(self) -> (i32, u32, u32) {
        (self.year, self.month, self.day.unwrap_or(31))
    }

    /// Whether this date falls after `other` (comparing a bare month with its
    /// last day).
    pub fn is_after(self, other: Date) -> bool {
        match (self.day, other.day) {
            (Some(_), Some(_)) => self.upper() > other.upper(),
            _ => (self.year, self.month) > (other.year, other.month),
        }
    }
}

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
fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let needs_change = text
        .chars()
        .any(|c| c.is_whitespace() || ('\u{FF01}'..='\u{FF5E}').contains(&c));
    if !needs_change {
        return std::borrow::Cow::Borrowed(text);
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

const COUNT_UNITS: &[&str] = &[
    "人次", "户次", "家次", "场次", "篇次", "个次", "台套", "台次", "批次", "架次", "个", "人",
    "次", "家", "项", "场", "份", "篇", "册", "卷", "条", "盒", "套", "台", "件", "户", "所", "期",
    "本", "部", "张", "批", "座", "名", "处", "种", "门", "节", "辆", "株", "头", "只", "栋", "间",
    "床", "组", "支", "队", "笔", "起", "宗", "集", "幅", "首", "块", "片", "根", "棵", "匹", "村",
    "校", "类", "批", "轮", "届", "版", "单", "册次", "份次", "场景", "课", "堂", "班", "点",
    "个点",
];

const TIME_UNITS: &[(&str, TimeUnit)] = &[
    ("分钟", TimeUnit::Minute),
    ("小时", TimeUnit::Hour),
    ("个工作日", TimeUnit::Day),
    ("工作日", TimeUnit::Day),
    ("个自然日", TimeUnit::Day),
    ("自然日", TimeUnit::Day),
    ("天", TimeUnit::Day),
    ("日", TimeUnit::Day),
    ("个星期", TimeUnit::Week),
    ("星期", TimeUnit::Week),
    ("周", TimeUnit::Week),
    ("个月", TimeUnit::Month),
    ("月", TimeUnit::Month),
    ("个季度", TimeUnit::Quarter),
    ("季度", TimeUnit::Quarter),
    ("年", TimeUnit::Year),
];

const OTHER_UNITS: &[&str] = &[
    "分",
    "万字",
    "千字",
    "字",
    "米",
    "公里",
    "千米",
    "平方米",
    "平方公里",
    "万平方米",
    "亩",
    "万亩",
    "吨",
    "万吨",
    "公顷",
    "立方米",
    "千克",
    "公斤",
    "千瓦",
    "兆瓦",
    "千瓦时",
    "度",
    "倍",
    "级",
    "个百分点",
    "百分点",
    "GB",
    "TB",
    "Mbps",
    "M",
    "km",
    "人/天",
    "人天",
    "人日",
    "学时",
    "课时",
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

    let Some((number, after)) = take_number(rest) else {
        return Value::Qualitative(text.trim().to_string());
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

/// A decimal number at the start: `95`, `1,200.5`, `-3`.
fn take_number(s: &str) -> Option<(Decimal, &str)> {
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
        return None;
    }
    let digits: String = s[..end].chars().filter(|c| *c != ',').collect();
    let number = Decimal::from_str(&digits).ok()?;
    Some((number, &s[end..]))
}

/// Splits what follows the number into the unit and a trailing comparison
/// word (`95%以上` → `%`, ≥).
fn split_unit(s: &str) -> (&str, Option<Option<Comparison>>) {
    let (suffix, unit) = take_suffix(s);
    let unit = unit.strip_suffix("完成").unwrap_or(unit);
    (unit, suffix)
}

/// The class of a unit, or `None` when the text after the number is not a
/// unit at all (then the whole value is words).
fn classify(unit: &str) -> Option<UnitClass> {
    Some(match unit {
        "" => UnitClass::None,
        "%" | "(%)" | "百分比" | "(百分比)" => UnitClass::Percent,
        "元" => UnitClass::Money(Decimal::ONE),
        "千元" => UnitClass::Money(Decimal::from(1_000)),
        "万元" => UnitClass::Money(Decimal::from(10_000)),
        "亿元" => UnitClass::Money(Decimal::from(100_000_000)),
        u if COUNT_UNITS.contains(&u) => UnitClass::Count,
        u if OTHER_UNITS.contains(&u) => UnitClass::Other,
        u => match TIME_UNITS.iter().find(|(name, _)| *name == u) {
            Some((_, t)) => UnitClass::Time(*t),
            // 万人次, 千册: scaled counts are measured amounts, not plain counts.
            None if u
                .strip_prefix(['万', '千', '百', '亿'])
                .is_some_and(|c| COUNT_UNITS.contains(&c)) =>
            {
                UnitClass::Other
            }
            // An unknown one- or two-character word after a number is a unit
            // (`2000亿`); anything longer is a sentence that starts with one.
            None if u.chars().count() <= 2 && !u.chars().any(|c| c.is_ascii_digit()) => {
                UnitClass::Other
            }
            None => return None,
        },
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parse("≥95百分比").reading_zh(), "≥ 95 %（百分比）");
        assert_eq!(parse("≥95百分比").reading_en(), "≥ 95 % (percent)");
        assert!(parse("3个").reading_zh().contains("按 = 理解"));
    }
}
