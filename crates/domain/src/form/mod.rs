//! Forms: the layouts in which provinces publish the table.
//!
//! A [`Form`] is one of the known layouts; its [`Spec`] is data: the
//! fields the form shows, grouped as on paper, with the labels the page
//! uses as accessible names ([`FieldSpec`]); its indicator columns
//! ([`ColumnSpec`]); its framework and money unit; its printed layout
//! ([`layout::Layout`]); the labels its importers read ([`Alias`]) and the
//! words that tell it apart ([`Spec::markers`]); the rules it checks beyond
//! the common ones ([`Spec::adds`], [`Spec::skips`]).
//!
//! Each form is one file of this folder, holding only its `Spec`:
//! `tianjin.rs` (the Tianjin 2025 table, the default) and `shanghai.rs`
//! (上海 财政项目支出绩效目标申报表); `spec.rs` has the types they are
//! written with, `layout.rs` those of a printed layout; `tests.rs` holds
//! every form's data to its rules (the layout fills the grid, the aliases
//! name fields the form shows …). `access.rs` reads and writes a table's
//! fields by [`Field`], so a page or an importer can handle any form's
//! fields from this data; `switch.rs` moves a table to another form
//! without dropping anything ([`crate::table::Table::switch_form`]):
//! fields the new form does not show stay in the table, and
//! [`Form::lacks`] names them so the page can show them as kept.

pub mod layout;

mod access;
mod shanghai;
mod spec;
mod switch;
mod tianjin;

pub use spec::{Alias, ColumnSpec, FieldSpec, Group, Kind, Spec};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::{capitalized, Bilingual, Text};
use crate::rules::{Column, Field, Place, Rule};
use crate::table::Table;

/// The known forms. A table without a `form` key is [`Form::Tianjin2025`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Form {
    /// The Tianjin 2025 项目支出绩效目标表 (`tianjin-2025`): the default.
    #[default]
    Tianjin2025,
    /// The 上海 财政项目支出绩效目标申报表 (`shanghai`).
    Shanghai,
}

impl Form {
    /// Every form, the default first.
    pub const ALL: [Form; 2] = [Form::Tianjin2025, Form::Shanghai];

    /// The form's data.
    pub fn spec(self) -> &'static Spec {
        match self {
            Form::Tianjin2025 => &tianjin::SPEC,
            Form::Shanghai => &shanghai::SPEC,
        }
    }

    /// The `form` key (`tianjin-2025`, `shanghai`).
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The form with this `form` key.
    pub fn from_id(id: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.id() == id.trim())
    }

    /// Whether this is the default form (no `form` key is written).
    pub fn is_default(&self) -> bool {
        *self == Form::default()
    }

    /// The fields the form shows, in the order of the paper form.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        self.spec().groups.iter().flat_map(|g| g.fields)
    }

    /// How the form shows `field`, if it does.
    pub fn field(self, field: Field) -> Option<&'static FieldSpec> {
        self.fields().find(|f| f.field == field)
    }

    /// Whether the form shows `field`.
    pub fn shows(self, field: Field) -> bool {
        self.field(field).is_some()
    }

    /// The indicator columns, left to right.
    pub fn columns(self) -> &'static [ColumnSpec] {
        self.spec().columns
    }

    /// Whether the form has the indicator column `column`.
    pub fn shows_column(self, column: Column) -> bool {
        self.columns().iter().any(|c| c.column == column)
    }

    /// A field's name on this form, mid-sentence, for messages: its label,
    /// with its total in front where another field shares the label
    /// (`年度资金申请总额 · 其他资金`); a field the form does not show has
    /// its common name ([`Field::label`]).
    pub fn label(self, field: Field) -> Text {
        let Some(spec) = self.field(field) else {
            return field.label();
        };
        let shared = self.fields().any(|f| f.field != field && f.zh == spec.zh);
        match spec.part_of.filter(|_| shared) {
            Some(total) => {
                let whole = self.label(total);
                Text::owned(
                    format!("{} · {}", whole.zh, spec.zh),
                    format!("{} ({})", spec.en, whole.en),
                )
            }
            None => spec.label(),
        }
    }

    /// A field's label on this form as printed (`其他资金`), without the
    /// total [`Form::label`] puts in front of a shared one.
    pub fn own_label(self, field: Field) -> Text {
        self.field(field)
            .map_or_else(|| field.label(), FieldSpec::label)
    }

    /// A field's name on this form as a heading ([`Form::label`],
    /// capitalised).
    pub fn heading(self, field: Field) -> Text {
        let l = self.label(field);
        Text::owned(l.zh.clone(), capitalized(&l.en))
    }

    /// A column's heading on this form (`年度指标值`), mid-sentence.
    pub fn column_label(self, column: Column) -> Text {
        self.columns()
            .iter()
            .find(|c| c.column == column)
            .map_or_else(|| column.label(), |c| c.label.clone())
    }

    /// Where a finding points, named as this form names it (the same as
    /// [`Bilingual::text`] of the place on the default form).
    pub fn place_text(self, place: &Place) -> Text {
        if self.is_default() {
            return place.text();
        }
        match *place {
            Place::Field(f) => self.heading(f),
            Place::Goal(_) => place.text(),
            Place::Indicator { row, column } => {
                let name = self.column_label(column);
                Text::owned(
                    format!("第 {} 行指标 · {}", row + 1, name.zh),
                    format!("Indicator row {}, {}", row + 1, name.en),
                )
            }
        }
    }

    /// The fields `table` has filled that this form does not show: kept in
    /// the table (and in its files), for the page to list as "not on this
    /// form" after a switch.
    pub fn lacks(self, table: &Table) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| !self.shows(*f) && f.is_filled(table))
            .collect()
    }

    /// The indicator columns `table` has filled in some row that this form
    /// does not show (绩效指标描述 on the 上海 form): kept, like
    /// [`Form::lacks`].
    pub fn lacks_columns(self, table: &Table) -> Vec<Column> {
        let filled = |c: Column| {
            table.indicators.iter().any(|r| {
                let text = match c {
                    Column::Level1 => &r.level1,
                    Column::Level2 => &r.level2,
                    Column::Name => &r.name,
                    Column::Description => &r.description,
                    Column::Value => &r.value,
                };
                !text.trim().is_empty()
            })
        };
        [
            Column::Level1,
            Column::Level2,
            Column::Name,
            Column::Description,
            Column::Value,
        ]
        .into_iter()
        .filter(|c| !self.shows_column(*c) && filled(*c))
        .collect()
    }

    /// Whether the checker applies `rule` to tables of this form: a rule
    /// some form [adds](Spec::adds) only for the forms that add it; any
    /// other rule unless this form [skips](Spec::skips) it.
    pub fn checks(self, rule: Rule) -> bool {
        let spec = self.spec();
        if spec.skips.contains(&rule) {
            return false;
        }
        spec.adds.contains(&rule) || !Form::ALL.iter().any(|f| f.spec().adds.contains(&rule))
    }

    /// A new empty table of this form: its framework and money unit, one
    /// empty goal (what 新建 starts from).
    pub fn new_table(self) -> Table {
        let spec = self.spec();
        Table {
            form: self,
            framework: spec.framework,
            money_unit: spec.money_unit,
            goals: vec![String::new()],
            ..Table::blank()
        }
    }

    /// The form a document is in, from its texts (cells or lines): a form
    /// whose title is in one of them, or two of whose markers are; else the
    /// default form.
    pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Form {
        let others: Vec<Form> = Form::ALL.into_iter().filter(|f| !f.is_default()).collect();
        let mut seen: Vec<Vec<bool>> = others
            .iter()
            .map(|f| vec![false; f.spec().markers.len()])
            .collect();
        for text in texts {
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for (k, form) in others.iter().enumerate() {
                let spec = form.spec();
                if squeezed.contains(spec.title) {
                    return *form;
                }
                for (m, marker) in spec.markers.iter().enumerate() {
                    seen[k][m] |= squeezed.contains(marker);
                }
            }
        }
        others
            .iter()
            .zip(&seen)
            .find(|(_, s)| s.iter().filter(|x| **x).count() >= 2)
            .map_or(Form::default(), |(f, _)| *f)
    }
}

impl Bilingual for Form {
    /// The form's name: `上海 申报表`, `Shanghai application form`.
    fn text(&self) -> Text {
        self.spec().name.clone()
    }
}

impl Serialize for Form {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Form {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Form::from_id(&id).ok_or_else(|| {
            let known: Vec<&str> = Form::ALL.iter().map(|f| f.id()).collect();
            serde::de::Error::custom(format!(
                "表式「{id}」无法识别，本版本支持 {} (unknown form \"{id}\")",
                known.join("、")
            ))
        })
    }
}

#[cfg(test)]
mod tests;
