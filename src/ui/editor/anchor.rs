//! Where a place of the table is on the page: the DOM id of its input, and
//! of the messages shown at an input. Focus moves, `aria-describedby` and
//! the summary's links all go through these.

use crate::domain::form::Form;
use crate::domain::rules::{Column, Field, Place};

use super::section::Section;

/// The DOM id of the input for a field outside the indicator rows.
pub fn field_id(field: Field) -> String {
    format!("f-{}", Place::Field(field).path().replace('.', "-"))
}

/// The DOM id of a goal's input.
pub fn goal_id(index: usize) -> String {
    format!("goal-{index}")
}

fn column_key(column: Column) -> &'static str {
    match column {
        Column::Level1 => "level1",
        Column::Level2 => "level2",
        Column::Name => "name",
        Column::Description => "description",
        Column::Value => "value",
    }
}

/// The DOM id of a cell input of the row with id `row_id`.
pub fn cell_id(row_id: u64, column: Column) -> String {
    format!("ind-{row_id}-{}", column_key(column))
}

/// The message element ids of findings shown at one input.
pub fn message_id(dom_id: &str, k: usize) -> String {
    format!("{dom_id}-msg-{k}")
}

/// The DOM id of the input a finding at `place` on a table of `form`
/// points at; `row_id` gives the stable id of an indicator row by its
/// index. A field the form does not show points at its section's heading.
pub fn of_place(place: &Place, form: Form, row_id: impl Fn(usize) -> Option<u64>) -> String {
    match *place {
        Place::Field(Field::Indicators) => Section::Indicators.heading_id(),
        Place::Field(Field::Goals) => goal_id(0),
        Place::Field(f) if form.shows(f) => field_id(f),
        Place::Field(f) => Section::of(&Place::Field(f), form).heading_id(),
        Place::Goal(i) => goal_id(i),
        Place::Indicator { row, column } => match row_id(row) {
            Some(id) if form.shows_column(column) => cell_id(id, column),
            _ => Section::Indicators.heading_id(),
        },
    }
}
