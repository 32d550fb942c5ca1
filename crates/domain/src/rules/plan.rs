//! The plan: 计划开始日期 and 计划完成日期 are dates, the start comes first,
//! the year the table is for lies within the planned years, and a
//! 阶段性项目 whose money spans several years has a plan that does.
//!
//! What "a 阶段性项目 spans its years" means here: 项目资金总额 above
//! 年度资金申请总额 says that money of other years belongs to the project,
//! so its plan cannot start and end in one year (`phased-span`); a project
//! whose year's request is its whole money may lie within one year. The
//! heading of the overall goal (`项目总体目标（2024 年-2026 年）`) is not
//! kept apart: the print view writes it from the plan's years, so it cannot
//! disagree with them.

use super::catalogue::Rule;
use super::finding::Findings;
use super::place::{Field, Place};
use crate::lang::group_thousands;
use crate::table::Table;
use crate::value::Date;

/// The plan's dates, when they are dates; a date that is not is reported.
fn dates(t: &Table, out: &mut Findings) -> (Option<Date>, Option<Date>) {
    let mut read = |field: Field, text: &Option<String>| {
        let text = text.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
        let date = Date::parse(text);
        if date.is_none() {
            let label = t.form.label(field);
            out.add(
                Rule::PlanDateInvalid,
                Place::Field(field),
                format!(
                    "{}「{text}」不是日期：请写成如 2024-01-01 或 2024/1/1。",
                    label.zh
                ),
                format!(
                    "The {} \"{text}\" is not a date: write it like 2024-01-01 or 2024/1/1.",
                    label.en
                ),
            );
        }
        date
    };
    (
        read(Field::PlanStart, &t.plan_start),
        read(Field::PlanEnd, &t.plan_end),
    )
}

/// The year a table is for: the digits of `2026`, `2026年`, `2026年度`.
pub(super) fn year_of(t: &Table) -> Option<i32> {
    let text = t.year.as_deref()?.trim();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text[digits.len()..]
        .trim_start_matches('年')
        .trim_start_matches('度');
    (digits.len() == 4 && rest.trim().is_empty())
        .then(|| digits.parse().ok())
        .flatten()
}

pub(super) fn check_plan(t: &Table, out: &mut Findings) {
    let plans = [
        Rule::PlanDateInvalid,
        Rule::PlanDatesOrder,
        Rule::YearOutsidePlan,
        Rule::PhasedSpan,
    ];
    if !plans.iter().any(|r| t.form.checks(*r)) {
        return;
    }
    let (start, end) = dates(t, out);
    let (s_text, e_text) = (
        t.plan_start.as_deref().unwrap_or("").trim(),
        t.plan_end.as_deref().unwrap_or("").trim(),
    );
    if let (Some(s), Some(e)) = (start, end) {
        if s.is_after(e) {
            out.add(
                Rule::PlanDatesOrder,
                Place::Field(Field::PlanStart),
                format!("计划开始日期 {s_text} 晚于计划完成日期 {e_text}：请核对两个日期，开始应不晚于完成。"),
                format!("The planned start {s_text} is after the planned end {e_text}: check both dates."),
            );
        }
    }
    if let Some(year) = year_of(t) {
        let before = start.is_some_and(|s| year < s.year);
        let after = end.is_some_and(|e| year > e.year);
        if before || after {
            let plan = format!("{} 至 {}", or_dots(s_text), or_dots(e_text));
            out.add(
                Rule::YearOutsidePlan,
                Place::Field(Field::Year),
                format!("{year} 年度不在计划期（{plan}）的年份之内：申报年度应在项目实施期内，请核对年度或计划日期。"),
                format!("The year {year} lies outside the plan ({plan}): the year applied for must fall within the project's period; check the year or the dates."),
            );
        }
    }
    let phased = t.nature.as_deref().is_some_and(|n| n.contains("阶段性"));
    if let (true, Some(s), Some(e)) = (phased, start, end) {
        let (year, total) = (t.budget.total.decimal(), t.total_funds.decimal());
        if let (Some(y), Some(all)) = (year, total) {
            if s.year == e.year && all > y {
                let (yl, tl) = (
                    t.form.label(Field::BudgetTotal),
                    t.form.label(Field::TotalFunds),
                );
                let g = |d: &crate::budget::Amount| group_thousands(&d.text());
                let (ys, ts) = (g(&t.budget.total), g(&t.total_funds));
                let one = s.year;
                out.add(
                    Rule::PhasedSpan,
                    Place::Field(Field::PlanEnd),
                    format!("阶段性项目的{} {ts} 大于{} {ys}，资金跨年度安排，计划开始和完成日期却都在 {one} 年：请把计划日期写成项目的整个实施期（如 {}-01-01 至 {}-12-31），或核对两项金额。", tl.zh, yl.zh, one - 2, one),
                    format!("This phased project's {} {ts} is more than the {} {ys}, so its money spans several years, yet its plan starts and ends in {one}: give the whole period (e.g. {}-01-01 to {}-12-31), or check both amounts.", tl.en, yl.en, one - 2, one),
                );
            }
        }
    }
}

fn or_dots(s: &str) -> &str {
    if s.is_empty() {
        "…"
    } else {
        s
    }
}
