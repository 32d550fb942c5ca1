//! Money: the budget block (预算数 = 财政资金 + 其他资金) and the money unit.
//!
//! Amounts are exact decimals (`rust_decimal`), never floats, and keep the
//! scale the author wrote: "45.00" stays "45.00". An amount the author typed
//! that is not a number is kept as text, so the rules can point at it and
//! nothing the author wrote is thrown away.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The unit every amount of a table is written in (the `单位：万元` line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MoneyUnit {
    /// 元
    Yuan,
    /// 万元: the usual unit of published tables.
    #[default]
    Wan,
    /// 亿元
    Yi,
}

impl MoneyUnit {
    pub const ALL: [MoneyUnit; 3] = [MoneyUnit::Yuan, MoneyUnit::Wan, MoneyUnit::Yi];

    /// The unit as written in a table: 元, 万元, 亿元.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yi => "亿元",
        }
    }

    /// How many 元 one of this unit is.
    pub fn in_yuan(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::Wan => Decimal::from(10_000),
            MoneyUnit::Yi => Decimal::from(100_000_000),
        }
    }

    /// Reads a unit label; tolerant of spaces and a leading `单位：`.
    pub fn parse(text: &str) -> Option<MoneyUnit> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t
            .trim_start_matches("金额单位")
            .trim_start_matches("单位")
            .trim_start_matches([':', '：']);
        match t {
            "元" => Some(MoneyUnit::Yuan),
            "万元" => Some(MoneyUnit::Wan),
            "亿元" => Some(MoneyUnit::Yi),
            _ => None,
        }
    }
}

impl fmt::Display for MoneyUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for MoneyUnit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl<'de> Deserialize<'de> for MoneyUnit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        MoneyUnit::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "金额单位「{text}」无法识别，应为 元、万元 或 亿元 (unknown money unit)"
            ))
        })
    }
}

/// One amount cell of the budget block.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Amount {
    /// Nothing written (a blank 其他资金 means 0).
    #[default]
    Blank,
    /// A number, with the scale as written.
    Value(Decimal),
    /// Text that is not a number, kept as typed so the author can fix it.
    Invalid(String),
}

impl Amount {
    /// Reads an amount as an author writes it: `45.00`, ` 45 `, `1,200.50`,
    /// full-width digits. Anything else is kept as [`Amount::Invalid`].
    pub fn parse(text: &str) -> Amount {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Amount::Blank;
        }
        let normal: String = trimmed
            .chars()
            .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
            .map(crate::value::half_width)
            .collect();
        // `Decimal::from_str` accepts forms like "1e5" and "_"; authors don't
        // write those, so only plain decimal notation counts as a number.
        let plain = {
            let body = normal.strip_prefix(['-', '+']).unwrap_or(&normal);
            !body.is_empty()
                && body.chars().all(|c| c.is_ascii_digit() || c == '.')
                && body.chars().filter(|c| *c == '.').count() <= 1
                && body.chars().any(|c| c.is_ascii_digit())
        };
        match plain
            .then(|| Decimal::from_str(&normal))
            .and_then(Result::ok)
        {
            Some(d) => Amount::Value(d),
            None => Amount::Invalid(trimmed.to_string()),
        }
    }

    /// The number, when there is one.
    pub fn decimal(&self) -> Option<Decimal> {
        match self {
            Amount::Value(d) => Some(*d),
            _ => None,
        }
    }

    /// The number, counting a blank as zero (for 其他资金).
    pub fn or_zero(&self) -> Option<Decimal> {
        match self {
            Amount::Blank => Some(Decimal::ZERO),
            Amount::Value(d) => Some(*d),
            Amount::Invalid(_) => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Amount::Blank)
    }

    /// The amount as the author sees it in a cell: "" for blank.
    pub fn text(&self) -> String {
        match self {
            Amount::Blank => String::new(),
            Amount::Value(d) => d.to_string(),
            Amount::Invalid(s) => s.clone(),
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Amounts travel as decimal strings; a blank amount is `null`.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Blank => s.serialize_none(),
            other => s.serialize_str(&other.text()),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Strings are the format; numbers are accepted from hand-written files.
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(Amount::Blank),
            serde_json::Value::String(s) => Ok(Amount::parse(&s)),
            serde_json::Value::Number(n) => Ok(Amount::parse(&n.to_string())),
            other => Err(serde::de::Error::custom(format!(
                "金额应为数字字符串或 null，而不是 {other} (an amount must be a decimal string or null)"
            ))),
        }
    }
}

/// The budget block: 预算数, 其中：财政资金, 其他资金.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Budget {
    /// 预算数
    #[serde(default)]
    pub total: Amount,
    /// 其中：财政资金
    #[serde(default)]
    pub fiscal: Amount,
    /// 其他资金 (blank means 0)
    #[serde(default)]
    pub other: Amount,
}

impl Budget {
    /// 财政资金 + 其他资金 − 预算数, when 预算数 is a number and the others are
    /// numbers or blank (a blank counts as 0). Zero when the block adds up.
    pub fn difference(&self) -> Option<Decimal> {
        let total = self.total.decimal()?;
        let fiscal = self.fiscal.or_zero()?;
        let other = self.other.or_zero()?;
        Some(fiscal + other - total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_their_scale() {
        assert_eq!(Amount::parse("45.00").text(), "45.00");
        assert_eq!(Amount::parse(" 8 ").text(), "8");
        assert_eq!(Amount::parse("1,200.50").text(), "1200.50");
        assert_eq!(Amount::parse("４５．００").text(), "45.00");
        assert_eq!(Amount::parse(""), Amount::Blank);
        assert_eq!(Amount::parse("　"), Amount::Blank);
    }

    #[test]
    fn text_that_is_not_a_number_is_kept() {
        assert_eq!(Amount::parse("45万"), Amount::Invalid("45万".into()));
        assert_eq!(Amount::parse("1e5"), Amount::Invalid("1e5".into()));
        assert_eq!(Amount::parse("4.5.0"), Amount::Invalid("4.5.0".into()));
        assert_eq!(Amount::parse("-"), Amount::Invalid("-".into()));
        assert!(matches!(Amount::parse("-3"), Amount::Value(_)));
    }

    #[test]
    fn difference_counts_blank_other_as_zero() {
        let b = Budget {
            total: Amount::parse("45.00"),
            fiscal: Amount::parse("45.00"),
            other: Amount::Blank,
        };
        assert_eq!(b.difference(), Some(Decimal::ZERO));
        let b = Budget {
            other: Amount::parse("5"),
            ..b
        };
        assert_eq!(b.difference(), Some(Decimal::from(5)));
    }

    #[test]
    fn money_units_convert_to_yuan() {
        assert_eq!(MoneyUnit::Wan.in_yuan(), Decimal::from(10_000));
        assert_eq!(MoneyUnit::parse("单位：万元"), Some(MoneyUnit::Wan));
        assert_eq!(MoneyUnit::parse("单位: 元"), Some(MoneyUnit::Yuan));
        assert_eq!(MoneyUnit::parse("美元"), None);
    }
}
