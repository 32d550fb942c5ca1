//! A form's printed layout, as data: the title, whether a unit line sits
//! above the table, and the rows of label and value cells on the print
//! grid of [`GRID_COLUMNS`] columns. `crates/formats/src/print.rs` draws it
//! (and the .xlsx, .docx and tab-separated text draw what it draws); the
//! indicator table below these rows follows the form's columns
//! ([`super::ColumnSpec`]).

use crate::rules::Field;

/// Columns of the print grid every form lays out on.
pub const GRID_COLUMNS: usize = 7;

/// A form's printed layout.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub title: Title,
    /// A line above the table with the unit (`331202某某单位`) and the money
    /// unit (`单位：万元`).
    pub unit_line: bool,
    /// The rows between the title and the indicator table, top to bottom.
    pub rows: &'static [Line],
}

/// How the title reads.
#[derive(Debug, Clone, Copy)]
pub enum Title {
    /// `N.<项目名称>` followed by `suffix` (`1.某项目绩效目标表`).
    Numbered { suffix: &'static str },
    /// A fixed title, then on its own line `year_line` with `{year}`
    /// replaced by the table's year (blank when it has none):
    /// `财政项目支出绩效目标申报表` / `（2026年度）`.
    Fixed {
        text: &'static str,
        year_line: &'static str,
    },
}

/// One row of the printed layout. Its cells fill the columns left to right,
/// skipping those a label from a row above still covers.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub cells: &'static [Slot],
    /// Printed only when one of its fields is present (a field other forms
    /// add, on a form that prints it only then).
    pub optional: bool,
}

/// One cell of a [`Line`].
#[derive(Debug, Clone, Copy)]
pub enum Slot {
    /// A printed label, `span` columns wide and `rows` rows high; `{unit}`
    /// in it becomes the table's money unit (`项目资金（{unit}）`).
    Label {
        text: &'static str,
        span: usize,
        rows: usize,
    },
    /// A field's value, centred (names, amounts, dates).
    Value { field: Field, span: usize },
    /// A field's running text, left-aligned (资金用途, goals numbered
    /// `1.…` one per line).
    Text { field: Field, span: usize },
    /// An empty cell.
    Blank { span: usize },
    /// The heading of the overall goal: `multi` when the plan's start and
    /// end years differ (`{start}` and `{end}` replaced by them), else
    /// `single`.
    GoalHeading {
        single: &'static str,
        multi: &'static str,
        span: usize,
    },
}

impl Slot {
    /// How many columns the cell spans.
    pub fn span(&self) -> usize {
        match *self {
            Slot::Label { span, .. }
            | Slot::Value { span, .. }
            | Slot::Text { span, .. }
            | Slot::Blank { span }
            | Slot::GoalHeading { span, .. } => span,
        }
    }

    /// The field the cell shows, if any.
    pub fn field(&self) -> Option<Field> {
        match *self {
            Slot::Value { field, .. } | Slot::Text { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// A label one column wide and one row high.
pub const fn label(text: &'static str) -> Slot {
    Slot::Label {
        text,
        span: 1,
        rows: 1,
    }
}

/// A value `span` columns wide.
pub const fn value(field: Field, span: usize) -> Slot {
    Slot::Value { field, span }
}

/// Running text `span` columns wide.
pub const fn text(field: Field, span: usize) -> Slot {
    Slot::Text { field, span }
}

/// A row printed always.
pub const fn line(cells: &'static [Slot]) -> Line {
    Line {
        cells,
        optional: false,
    }
}

/// A row printed only when one of its fields is present.
pub const fn optional(cells: &'static [Slot]) -> Line {
    Line {
        cells,
        optional: true,
    }
}
