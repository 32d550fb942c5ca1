//! The editor page: the draft's form, section by section (for the Tianjin
//! 2025 table 基本信息 → 预算 → 资金用途 → 绩效目标 → 绩效指标 → 检查结果),
//! with a step list that shows where the author is and how many errors
//! each section still has, and the rule help page it links to. Every
//! section but the last two is drawn from the form's data
//! (`crates/domain/src/form/`): its groups of fields, their labels and
//! kinds, its indicator columns; no form is named here.
//!
//! State lives in [`Editor`] (`state.rs`, edited and undone through
//! `undo.rs`): one signal holding the table, findings computed once per
//! change with `rules::check` and indexed by place and section
//! (`findings.rs`), the indicator tree as shown (`tree.rs`). `section.rs`
//! names the sections, `anchor.rs` the DOM id of every place. No rule logic
//! lives here.
//!
//! The components: the form switch and what the form does not show
//! (`form_switch.rs`); the frame of a section (`frame.rs`); a section of
//! fields (`group.rs`), a field by its kind (`field.rs`, `amount.rs` with
//! the sum checks, `goals.rs`) and the messages at it (`messages.rs`,
//! `severity.rs`); the folder `indicators/`, `summary.rs`; the step list
//! (`steps.rs`), the counts line (`counts.rs`), the screen-reader announcer
//! (`announcer.rs`) and the rule help page (`help.rs`).

mod amount;
mod anchor;
mod announcer;
mod counts;
mod field;
mod findings;
mod form_switch;
mod frame;
mod goals;
mod group;
pub mod help;
mod indicators;
mod messages;
mod section;
mod severity;
mod state;
mod steps;
mod summary;
mod tree;
mod undo;

pub use announcer::Announcer;
pub use counts::CountsLine;
pub use findings::FindingIndex;
pub use form_switch::FormBar;
pub use group::GroupSection;
pub use indicators::IndicatorSection;
pub use section::Section;
pub use severity::severity_class;
pub use state::{use_editor, Editor};
pub use steps::StepNav;
pub use summary::SummarySection;
pub use tree::{BlockView, GroupView};
