//! The sections of the page, in the order of the draft's form: one per
//! group of fields the form shows (for the Tianjin 2025 table 基本信息 →
//! 预算 → 资金用途 → 绩效目标; for the 上海 申报表 基本信息 → 项目资金（元） →
//! 项目绩效目标), then 绩效指标 and 检查结果; their titles, element ids, and
//! which section each finding belongs to. All of it comes from the form's
//! data (`crates/domain/src/form/`), so a new form needs no code here.

use crate::domain::form::{Form, Group};
use crate::domain::rules::{Field, Place};
use crate::domain::Table;
use crate::ui::lang::{text, tr};

/// A section of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// A group of fields of the form, by its key (`basic`, `budget` …).
    Group(&'static str),
    Indicators,
    Summary,
}

impl Section {
    /// The first group of every form so far (基本信息): where a new draft
    /// starts.
    pub const BASIC: Section = Section::Group("basic");

    /// The sections of `form`, in its order.
    pub fn all(form: Form) -> Vec<Section> {
        form.spec()
            .groups
            .iter()
            .map(|g| Section::Group(g.key))
            .chain([Section::Indicators, Section::Summary])
            .collect()
    }

    /// The first section of `form`.
    pub fn first(form: Form) -> Section {
        form.spec()
            .groups
            .first()
            .map_or(Section::Indicators, |g| Section::Group(g.key))
    }

    /// The group of `form` this section draws, if it draws one.
    pub fn group(self, form: Form) -> Option<&'static Group> {
        match self {
            Section::Group(key) => form.spec().groups.iter().find(|g| g.key == key),
            _ => None,
        }
    }

    /// The section title in the page language.
    pub fn title(self, form: Form) -> String {
        match self {
            Section::Group(key) => self
                .group(form)
                .map_or_else(|| key.to_string(), |g| text(&g.label)),
            Section::Indicators => tr("绩效指标", "Indicators").to_string(),
            Section::Summary => tr("检查结果", "Check results").to_string(),
        }
    }

    /// The id of the section element (`sec-basic`, `sec-indicators`).
    pub fn id(self) -> String {
        match self {
            Section::Group(key) => format!("sec-{key}"),
            Section::Indicators => "sec-indicators".into(),
            Section::Summary => "sec-summary".into(),
        }
    }

    /// The id of the section heading (focus target when jumping there).
    pub fn heading_id(self) -> String {
        format!("{}-h", self.id())
    }

    /// The section's number on `form`'s page (from 1).
    pub fn number(self, form: Form) -> usize {
        Section::all(form)
            .iter()
            .position(|s| *s == self)
            .unwrap_or(0)
            + 1
    }

    /// Whether the author has written anything in this section yet (an
    /// empty section without findings is "left", not "done").
    pub fn started(self, t: &Table) -> bool {
        match self {
            Section::Group(_) => self
                .group(t.form)
                .is_some_and(|g| g.fields.iter().any(|f| f.field.is_filled(t))),
            Section::Indicators => !t.indicators.is_empty(),
            Section::Summary => true,
        }
    }

    /// The section a finding on a table of `form` belongs to: the group
    /// that shows its field; a field the form does not show goes where
    /// another form shows it, if this form has a group of that key, else
    /// to the first section.
    pub fn of(place: &Place, form: Form) -> Section {
        let field = match place {
            Place::Field(Field::Indicators) | Place::Indicator { .. } => {
                return Section::Indicators
            }
            Place::Field(f) => *f,
            Place::Goal(_) => Field::Goals,
        };
        let holding = |form: Form| {
            form.spec()
                .groups
                .iter()
                .find(|g| g.fields.iter().any(|f| f.field == field))
                .map(|g| g.key)
        };
        if let Some(key) = holding(form) {
            return Section::Group(key);
        }
        Form::ALL
            .into_iter()
            .filter_map(holding)
            .map(Section::Group)
            .find(|s| s.group(form).is_some())
            .unwrap_or_else(|| Section::first(form))
    }
}
