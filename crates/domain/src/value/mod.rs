//! The value parser: what a 指标值 text says.
//!
//! A value is quantitative (an optional comparison, a number and a unit:
//! `≥95%`, `≤45万元`, `3个`), a date (`2025年12月31日前`), qualitative
//! (`达标`, `有所提高`), a template placeholder (`≥**%`, `XX`), a number
//! too long to read (thirty digits and a unit), or empty.
//! The parser is total: every input gives one of these, and it never
//! panics, whatever is pasted into it (a property test holds it to that).
//! It allocates little and runs on every keystroke.
//!
//! The files of this folder: this one holds what a value is; `grammar.rs`
//! reads a text ([`parse`]): comparison words, numbers, dates and
//! placeholders; `unit.rs` knows the units and what they measure;
//! `reading.rs` says back how a value was understood ([`Value::reading`]);
//! `words.rs` knows the words that are qualitative targets
//! ([`is_target_word`]).

use rust_decimal::Decimal;
use std::fmt;

mod grammar;
mod reading;
mod unit;
mod words;

pub use grammar::{half_width, parse};
pub(crate) use unit::unit_at_start;
pub use unit::{TimeUnit, UnitClass};
pub use words::is_target_word;

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
    /// A number with a unit whose digits are too many to read exactly
    /// (`≥99999999999999999999999999999万元`): not words, and not a value
    /// either. `digits` counts them.
    NumberOutOfRange {
        digits: usize,
    },
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
        grammar::date(text)
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

#[cfg(test)]
mod tests;
