//! The editor page: the official form, section by section (基本信息 → 预算
//! → 资金用途 → 绩效目标 → 绩效指标 → 检查结果), with a step list that shows
//! where the author is and how many errors each section still has, and the
//! rule help page it links to.
//!
//! State lives in [`Editor`] (`state.rs`, edited and undone through
//! `undo.rs`): one signal holding the table, findings computed once per
//! change with `rules::check` and indexed by place and section
//! (`findings.rs`), the indicator tree as shown (`tree.rs`). `section.rs`
//! names the sections, `anchor.rs` the DOM id of every place. No rule logic
//! lives here.
//!
//! The components, one per file: the frame of a section (`frame.rs`), a
//! field (`field.rs`) and the messages at it (`messages.rs`, `severity.rs`);
//! the sections (`basic.rs`, `budget.rs`, `purpose.rs`, `goals.rs`, the
//! folder `indicators/`, `summary.rs`); the step list (`steps.rs`), the
//! counts line (`counts.rs`), the screen-reader announcer (`announcer.rs`)
//! and the rule help page (`help.rs`).

mod anchor;
mod announcer;
mod basic;
mod budget;
mod counts;
mod field;
mod findings;
mod frame;
mod goals;
pub mod help;
mod indicators;
mod messages;
mod purpose;
mod section;
mod severity;
mod state;
mod steps;
mod summary;
mod tree;
mod undo;

pub use announcer::Announcer;
pub use basic::BasicSection;
pub use budget::BudgetSection;
pub use counts::CountsLine;
pub use findings::FindingIndex;
pub use goals::GoalsSection;
pub use indicators::IndicatorSection;
pub use purpose::PurposeSection;
pub use section::Section;
pub use severity::severity_class;
pub use state::{use_editor, Editor};
pub use steps::StepNav;
pub use summary::SummarySection;
pub use tree::{BlockView, GroupView};
