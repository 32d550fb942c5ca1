//! The data a form is made of ([`Spec`]), and the pieces it is written
//! with: groups of fields, fields, indicator columns, import labels.

use super::layout;
use crate::budget::MoneyUnit;
use crate::framework::Framework;
use crate::lang::{capitalized, Text};
use crate::rules::{Column, Field, Rule};

/// What a form is, as data.
#[derive(Debug)]
pub struct Spec {
    /// The `form` key of the exchange format (`tianjin-2025`).
    pub id: &'static str,
    /// What the page's form switch offers: `天津 2025`, `Tianjin 2025`.
    pub name: Text,
    /// The words of the printed title that name the form (the page's
    /// heading; import looks for them).
    pub title: &'static str,
    /// The framework of a new table.
    pub framework: Framework,
    /// The form admits no other framework: switching to it moves the rows.
    pub fixed_framework: bool,
    /// The money unit of a new table.
    pub money_unit: MoneyUnit,
    /// The form prints amounts in this unit only: switching to it converts
    /// them exactly, and `form-money-unit` warns about another.
    pub fixed_money_unit: bool,
    /// Amounts are printed with thousands separators (`5,200,000.00`).
    pub grouped_amounts: bool,
    /// The fields the form shows, grouped as on paper.
    pub groups: &'static [Group],
    /// The indicator columns, left to right.
    pub columns: &'static [ColumnSpec],
    /// The printed layout.
    pub layout: layout::Layout,
    /// Labels the importers read for this form, before the common ones.
    pub aliases: &'static [Alias],
    /// Labels only this form prints: two of them (or [`Spec::title`]) in
    /// a text tell that the text is this form.
    pub markers: &'static [&'static str],
    /// Rules only the forms that list them check.
    pub adds: &'static [Rule],
    /// Common rules this form does not check (its fields differ).
    pub skips: &'static [Rule],
}

/// A group of fields as the paper form groups them (a fieldset).
#[derive(Debug)]
pub struct Group {
    /// A stable key for element ids: `basic`, `budget`, `goals` ….
    pub key: &'static str,
    pub label: Text,
    pub fields: &'static [FieldSpec],
}

/// One field as a form shows it.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub field: Field,
    /// The label as the form prints it, which is the input's accessible
    /// name (`年度资金申请总额`); [`FieldSpec::label`] gives both languages.
    pub zh: &'static str,
    /// The label in English, mid-sentence (`funds requested this year`);
    /// [`FieldSpec::heading`] capitalises it.
    pub en: &'static str,
    pub kind: Kind,
    /// `field-missing` (or the field's own rule) reports it empty.
    pub required: bool,
    /// The total this amount is part of (其中：财政资金 of 项目资金总额).
    /// Where two fields of a form share a label (其他资金), names and
    /// messages put the total in front.
    pub part_of: Option<Field>,
    /// An example of what to type, for a placeholder.
    pub example: &'static str,
}

/// What kind of input a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Running text (资金用途, 项目总目标).
    Paragraph,
    /// An exact amount in the table's money unit.
    Amount,
    /// A date as written (`2024-01-01`, `2026/1/1`).
    Date,
    /// A year (`2026`).
    Year,
    /// The money unit (元, 万元, 亿元).
    MoneyUnit,
    /// One of these words (`field-choice` warns about others).
    Choice(&'static [&'static str]),
    /// The numbered goals ([`crate::table::Table::goals`]).
    Goals,
}

/// One indicator column as a form shows it.
#[derive(Debug)]
pub struct ColumnSpec {
    pub column: Column,
    /// The column heading, the cells' accessible name (`年度指标值`);
    /// English mid-sentence.
    pub label: Text,
    /// Columns of the print grid the column spans.
    pub span: usize,
}

/// A label an importer reads as one or more fields: each time the label
/// occurs, in reading order, it names the next field of `fields` (the
/// first 其他资金 is the project's, the next the year's); a label with no
/// fields names a block (`项目绩效目标`). A note in brackets after the
/// label (`项目总体目标（2024 年-2026 年）`, `项目资金（元）`) belongs to it.
#[derive(Debug)]
pub struct Alias {
    pub label: &'static str,
    pub fields: &'static [Field],
}

impl FieldSpec {
    /// A field with its label, optional, part of no total, no example.
    pub const fn new(field: Field, zh: &'static str, en: &'static str, kind: Kind) -> FieldSpec {
        FieldSpec {
            field,
            zh,
            en,
            kind,
            required: false,
            part_of: None,
            example: "",
        }
    }

    /// The same, required.
    pub const fn required(self) -> FieldSpec {
        FieldSpec {
            required: true,
            ..self
        }
    }

    /// The same, part of `total`.
    pub const fn part_of(self, total: Field) -> FieldSpec {
        FieldSpec {
            part_of: Some(total),
            ..self
        }
    }

    /// The same, with an example to show as a placeholder.
    pub const fn example(self, example: &'static str) -> FieldSpec {
        FieldSpec { example, ..self }
    }

    /// The label in both languages, English mid-sentence.
    pub const fn label(&self) -> Text {
        Text::new(self.zh, self.en)
    }

    /// The label as a heading (`Funds requested this year`).
    pub fn heading(&self) -> Text {
        Text::owned(self.zh, capitalized(self.en))
    }
}

impl ColumnSpec {
    pub const fn new(
        column: Column,
        zh: &'static str,
        en: &'static str,
        span: usize,
    ) -> ColumnSpec {
        ColumnSpec {
            column,
            label: Text::new(zh, en),
            span,
        }
    }
}
