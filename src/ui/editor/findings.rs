//! The findings of the table indexed for the page: by place (for the
//! message under each input), by indicator row (for each row view) and
//! counted by section of the table's form (for the step list).

use std::collections::HashMap;

use crate::domain::form::Form;
use crate::domain::rules::{Counts, Finding, Place};

use super::section::Section;

/// Findings indexed by where they point.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindingIndex {
    /// By place, in check order.
    pub places: HashMap<Place, Vec<Finding>>,
    /// By indicator row index, all columns.
    pub rows: HashMap<usize, Vec<Finding>>,
    /// Counts per section.
    pub sections: HashMap<Section, Counts>,
    pub total: Counts,
}

impl FindingIndex {
    /// The index of `findings` of a table of `form` (which decides the
    /// section of each).
    pub fn of(findings: &[Finding], form: Form) -> FindingIndex {
        let mut ix = FindingIndex {
            total: Counts::of(findings),
            ..FindingIndex::default()
        };
        for f in findings {
            ix.places.entry(f.place).or_default().push(f.clone());
            if let Place::Indicator { row, .. } = f.place {
                ix.rows.entry(row).or_default().push(f.clone());
            }
            ix.sections
                .entry(Section::of(&f.place, form))
                .or_default()
                .add(f.severity());
        }
        ix
    }

    pub fn at(&self, place: &Place) -> Vec<Finding> {
        self.places.get(place).cloned().unwrap_or_default()
    }

    pub fn section(&self, s: Section) -> Counts {
        if s == Section::Summary {
            self.total
        } else {
            self.sections.get(&s).copied().unwrap_or_default()
        }
    }
}
