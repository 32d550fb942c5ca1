//! What the check gives back: [`Finding`]s (a rule, the place it points at,
//! what to change in both languages) and their [`Counts`] by severity.

use super::catalogue::{Rule, Severity};
use super::place::Place;
use crate::form::Form;
use crate::lang::{Bilingual, Lang, Text};

/// One thing the author should change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    pub rule: Rule,
    pub place: Place,
    /// What to change, in Chinese (the `message` of `jixiao check --json`).
    pub message: String,
    /// The same in English.
    pub message_en: String,
}

impl Finding {
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// The message in `lang` (as `self.text().get(lang)`, without copying).
    pub fn message_in(&self, lang: Lang) -> &str {
        lang.pick(&self.message, &self.message_en)
    }
}

impl Bilingual for Finding {
    /// The message: what to change.
    fn text(&self) -> Text {
        Text::owned(self.message.clone(), self.message_en.clone())
    }
}

/// Counts of findings by severity, for summaries and draft lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub hints: usize,
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            c.add(f.severity());
        }
        c
    }

    /// Counts one more finding of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Hint => self.hints += 1,
        }
    }
}

/// The findings of one check, in the order they are made, for a table of
/// the form it holds: a finding of a rule the form does not check
/// ([`Form::checks`]) is not kept.
pub(super) struct Findings(pub(super) Vec<Finding>, pub(super) Form);

impl Findings {
    pub(super) fn add(&mut self, rule: Rule, place: Place, zh: String, en: String) {
        if !self.1.checks(rule) {
            return;
        }
        self.0.push(Finding {
            rule,
            place,
            message: zh,
            message_en: en,
        });
    }
}
