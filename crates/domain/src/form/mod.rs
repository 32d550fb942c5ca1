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
//! (上海 财政项目支出绩效目标申报表). `access.rs` reads and writes a table's
//! fields by [`Field`], so a page or an importer can handle any form's
//! fields from this data; `switch.rs` moves a table to another form
//! without dropping anything ([`crate::table::Table::switch_form`]):
//! fields the new form does not show stay in the table, and
//! [`Form::lacks`] names them so the page can show them as kept.

pub mod layout;

mod access;
mod shanghai;
mod switch;
mod tianjin;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::budget::MoneyUnit;
use crate::framework::Framework;
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
