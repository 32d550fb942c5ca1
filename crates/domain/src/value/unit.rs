//! Units: what the text after a number measures (`%`, 万元, 个, 月 …).

use rust_decimal::Decimal;
use std::sync::OnceLock;

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

/// The class of a unit, or `None` when the text after the number is not a
/// unit at all (then the whole value is words).
pub(super) fn classify(unit: &str) -> Option<UnitClass> {
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

/// The longest known unit at the start of `s` (`500人次参加` → `人次`), for
/// numbers inside running text, where [`classify`]'s "any short word" would
/// read too much. Percent, money, counts and the other measured units; not
/// time (a year or a month in a sentence is not a target).
pub(crate) fn unit_at_start(s: &str) -> Option<(&str, UnitClass)> {
    let first = s.chars().next()?;
    let units = units_by_first_char();
    let start = units.partition_point(|(c, ..)| *c < first);
    units[start..]
        .iter()
        .take_while(|(c, ..)| *c == first)
        .filter(|(_, u, _)| s.starts_with(u))
        .max_by_key(|(_, u, _)| u.len())
        .map(|(_, u, class)| (&s[..u.len()], *class))
}

/// The units [`unit_at_start`] knows, sorted by their first character
/// (built on first use), so a look-up reads only the few that could match.
fn units_by_first_char() -> &'static [(char, &'static str, UnitClass)] {
    static UNITS: OnceLock<Vec<(char, &'static str, UnitClass)>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let money = [
            ("元", 1),
            ("千元", 1_000),
            ("万元", 10_000),
            ("亿元", 100_000_000),
        ]
        .map(|(u, yuan)| (u, UnitClass::Money(Decimal::from(yuan))));
        let mut units: Vec<(char, &'static str, UnitClass)> =
            [("%", UnitClass::Percent), ("百分比", UnitClass::Percent)]
                .into_iter()
                .chain(money)
                .chain(COUNT_UNITS.iter().map(|u| (*u, UnitClass::Count)))
                .chain(OTHER_UNITS.iter().map(|u| (*u, UnitClass::Other)))
                .filter_map(|(u, class)| Some((u.chars().next()?, u, class)))
                .collect();
        units.sort_by_key(|(c, ..)| *c);
        units
    })
}
