//! How a severity looks: the CSS class its tags and messages carry.

use crate::domain::rules::Severity;

/// The CSS class of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "hint",
    }
}
