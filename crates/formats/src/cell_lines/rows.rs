//! Cutting a table's indicator cells, one per line, into rows.
//!
//! A row is its group cells (一级, 二级), then its own cells (三级指标,
//! 绩效指标描述, 指标值 and any other column of the header), in the header's
//! order. How merged group cells are written decides the [`Style`]:
//! LibreOffice writes every cell of every row, a merged one as an empty
//! line; WPS writes a merged cell once, in its first row, and leaves it out
//! of the rows below. A 三级指标 or 描述 cell of two paragraphs takes two
//! lines.
//!
//! Nothing in the text says where a row ends, so every way to cut the cells
//! into rows is weighed and the cheapest cut of all the cells wins (dynamic
//! programming over the cells, once per style). What the cells say sets a
//! row's cost: a group cell is empty or a known 一级/二级 name
//! (`crates/domain/src/framework.rs`); a 指标值 that reads as a value
//! (`crates/domain/src/value/`) costs nothing, words cost a little and a
//! group name is never one; a second line of a cell must be words, not a
//! value, and costs unless the 三级指标 and 描述 then say the same. A row
//! above [`MAX_ROW_COST`] is no row. When no cut takes every cell, the
//! table does not line up: [`Stuck`] says where reading stopped.

use jixiao_domain::framework::{Level1, Level2};
use jixiao_domain::table::Indicator;
use jixiao_domain::value::{self, Value};

use super::Cell;
use crate::layout::{squeeze, Col};

/// How merged 一级/二级 cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Every row has all its cells; a merged one is an empty line.
    Every,
    /// A merged cell is written once, in its first row, then left out.
    Once,
}

/// Where the cells stopped lining up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stuck {
    /// Index of the first cell of the last row that could be read, if any.
    pub last_row: Option<usize>,
    /// Index of the cell where no row could begin.
    pub at: usize,
}

/// A row's cost above which it is not a row at all.
const MAX_ROW_COST: u32 = 6;

/// One way to read cells `start..end` as a row.
#[derive(Debug, Clone)]
struct Row {
    start: usize,
    end: usize,
    cost: u32,
    /// Per group column: the cell, `None` when left out ([`Style::Once`]).
    groups: Vec<Option<usize>>,
    /// Per own column: the cells it takes.
    own: Vec<std::ops::Range<usize>>,
}

/// The indicators of `cells` (the cells after the header, from the first
/// that is not empty) under the header `columns`, which begin with
/// 一级指标 (then 二级指标) and hold 三级指标 and 指标值.
pub(crate) fn indicators(columns: &[Col], cells: &[Cell]) -> Result<Vec<Indicator>, Stuck> {
    let groups = columns
        .iter()
        .take_while(|c| matches!(c, Col::Level1 | Col::Level2))
        .count();
    let (group_cols, own_cols) = columns.split_at(groups);
    let every = cut(group_cols, own_cols, cells, Style::Every);
    let once = cut(group_cols, own_cols, cells, Style::Once);
    let rows = match (every, once) {
        (Ok((a, rows)), Ok((b, _))) if a <= b => rows,
        (_, Ok((_, rows))) | (Ok((_, rows)), Err(_)) => rows,
        (Err(a), Err(b)) => return Err(if b.at > a.at { b } else { a }),
    };
    Ok(rows
        .iter()
        .scan((String::new(), String::new()), |last, row| {
            Some(indicator(group_cols, own_cols, cells, row, last))
        })
        .collect())
}

/// The cheapest cut of all `cells` into rows in `style`, with its cost.
fn cut(
    group_cols: &[Col],
    own_cols: &[Col],
    cells: &[Cell],
    style: Style,
) -> Result<(u32, Vec<Row>), Stuck> {
    // best[i]: the cheapest cut of cells[..i] and the last row of it.
    let mut best: Vec<Option<(u32, Option<Row>)>> = vec![None; cells.len() + 1];
    best[0] = Some((0, None));
    for i in 0..cells.len() {
        let Some((so_far, _)) = best[i] else {
            continue;
        };
        for row in rows_from(group_cols, own_cols, cells, i, style) {
            let total = so_far + row.cost;
            let end = row.end;
            if best[end].as_ref().is_none_or(|(c, _)| total < *c) {
                best[end] = Some((total, Some(row)));
            }
        }
    }
    // Empty lines after the last row are no cells of the table, unless a
    // row needs them (a blank last 指标值).
    let filled = cells
        .iter()
        .rposition(|c| !c.text.is_empty())
        .map_or(0, |i| i + 1);
    let end = (filled..=cells.len())
        .filter_map(|i| best[i].as_ref().map(|(cost, _)| (*cost, i)))
        .min_by_key(|(cost, _)| *cost);
    let Some((total, mut end)) = end else {
        let at = (0..filled).rev().find(|i| best[*i].is_some()).unwrap_or(0);
        let last_row = best[at]
            .as_ref()
            .and_then(|(_, r)| r.as_ref())
            .map(|r| r.start);
        return Err(Stuck { last_row, at });
    };
    let mut rows = Vec::new();
    while let Some((_, Some(row))) = &best[end] {
        end = row.start;
        rows.push(row.clone());
    }
    rows.reverse();
    Ok((total, rows))
}

/// Every way a row can begin at cell `start`, within [`MAX_ROW_COST`].
fn rows_from(
    group_cols: &[Col],
    own_cols: &[Col],
    cells: &[Cell],
    start: usize,
    style: Style,
) -> Vec<Row> {
    let first = start == 0;
    let text = |i: usize| cells.get(i).map(|c| c.text.as_str());
    let mut partial: Vec<Row> = Vec::new();
    // The group cells: all of them (`Every`), or the last few (`Once`:
    // a new 一级 writes its 二级 too; a new 二级 alone; or none).
    let skips = match style {
        Style::Every => 0..=0,
        Style::Once if first => 0..=0,
        Style::Once => 0..=group_cols.len(),
    };
    'skip: for skip in skips {
        let mut row = Row {
            start,
            end: start,
            cost: 0,
            groups: vec![None; group_cols.len()],
            own: Vec::new(),
        };
        for (k, col) in group_cols.iter().enumerate().skip(skip) {
            let Some(t) = text(row.end) else {
                continue 'skip;
            };
            let cost = match (t.is_empty(), style) {
                (true, Style::Every) if !(first && k == 0) => {
                    Some(if k > 0 && starts_new_level1(&row, cells) {
                        3
                    } else {
                        0
                    })
                }
                (true, _) => None,
                (false, _) => group_cost(*col, t),
            };
            let Some(cost) = cost else {
                continue 'skip;
            };
            row.cost += cost;
            row.groups[k] = Some(row.end);
            row.end += 1;
        }
        partial.push(row);
    }

    // The own cells, column by column; 三级指标 and 描述 may take two lines.
    for col in own_cols {
        let mut next = Vec::with_capacity(partial.len() * 2);
        for row in partial {
            let Some(t) = text(row.end) else {
                continue;
            };
            if let Some(cost) = own_cost(*col, t, style) {
                let mut one = row.clone();
                one.cost += cost;
                one.own.push(row.end..row.end + 1);
                one.end += 1;
                if let Some(wrap) = wrap_cost(*col).filter(|_| !t.is_empty()) {
                    if text(one.end).is_some_and(wrappable) {
                        let mut two = one.clone();
                        two.cost += wrap;
                        two.own.last_mut().expect("just pushed").end += 1;
                        two.end += 1;
                        next.push(two);
                    }
                }
                next.push(one);
            }
        }
        partial = next;
    }
    for row in &mut partial {
        row.cost = row.cost.saturating_sub(wrap_refund(own_cols, cells, row));
    }
    partial.retain(|r| r.cost <= MAX_ROW_COST);
    partial
}

/// Whether the row so far starts a new 一级 (its first group cell written).
fn starts_new_level1(row: &Row, cells: &[Cell]) -> bool {
    row.groups
        .first()
        .copied()
        .flatten()
        .is_some_and(|i| !cells[i].text.is_empty())
}

/// A group cell that is written: a known name of its level costs nothing;
/// a short `…指标` that the frameworks do not know costs a little; a name of
/// the other level, or anything else, is no group cell.
fn group_cost(col: Col, text: &str) -> Option<u32> {
    let (one, two) = (Level1::parse(text).is_some(), Level2::parse(text).is_some());
    let (this, other) = if col == Col::Level1 {
        (one, two)
    } else {
        (two, one)
    };
    if this {
        Some(0)
    } else if other {
        None
    } else if looks_like_group(text) {
        Some(3)
    } else {
        None
    }
}

fn looks_like_group(text: &str) -> bool {
    let t = squeeze(text);
    t.ends_with("指标") && t.chars().count() <= 12 && !is_value(text)
}

fn is_group_name(text: &str) -> bool {
    Level1::parse(text).is_some() || Level2::parse(text).is_some()
}

/// What reads as a 指标值 and nothing else: a quantity, a date, a
/// placeholder.
fn is_value(text: &str) -> bool {
    matches!(
        value::parse(text),
        Value::Quantity(_) | Value::Date { .. } | Value::Placeholder
    )
}

/// The first (or only) line of an own cell. In [`Style::Once`] nothing
/// stands where a merged cell would, so only a blank 描述 or 指标值 may be
/// empty and a 三级指标 or 描述 that reads as a value is no row.
fn own_cost(col: Col, text: &str, style: Style) -> Option<u32> {
    let strict = style == Style::Once;
    match col {
        Col::Name if text.is_empty() => (!strict).then_some(4),
        Col::Name if is_value(text) => (!strict).then_some(4),
        Col::Name if Level1::parse(text).is_some() && Level2::parse(text).is_none() => Some(3),
        Col::Description if text.is_empty() => Some(3),
        Col::Description if is_value(text) => (!strict).then_some(3),
        Col::Value => value_cost(text),
        _ => Some(0),
    }
}

/// A 指标值: a value costs nothing, words a little (a short `达标`; more
/// when long), an empty cell more; a group name is never one.
fn value_cost(text: &str) -> Option<u32> {
    if is_group_name(text) {
        return None;
    }
    Some(match value::parse(text) {
        Value::Quantity(_) | Value::Date { .. } | Value::NumberOutOfRange { .. } => 0,
        Value::Placeholder => 1,
        Value::Empty => 4,
        Value::Qualitative(_) if text.chars().count() <= 10 => 2,
        Value::Qualitative(_) => 5,
    })
}

/// The cost of a second line, for the columns that may have one.
fn wrap_cost(col: Col) -> Option<u32> {
    match col {
        Col::Name => Some(4),
        Col::Description => Some(3),
        _ => None,
    }
}

/// A second line of a cell: words, not a value or a group name.
fn wrappable(text: &str) -> bool {
    !text.is_empty() && !is_value(text) && !is_group_name(text)
}

/// A wrap is certain when the 三级指标 and 描述 then say the same (as many
/// tables write them): its cost is given back.
fn wrap_refund(own_cols: &[Col], cells: &[Cell], row: &Row) -> u32 {
    let span = |col: Col| {
        own_cols
            .iter()
            .position(|c| *c == col)
            .and_then(|k| row.own.get(k))
    };
    let (Some(name), Some(desc)) = (span(Col::Name), span(Col::Description)) else {
        return 0;
    };
    let joined = |r: &std::ops::Range<usize>| -> String {
        cells[r.clone()].iter().map(|c| squeeze(&c.text)).collect()
    };
    if joined(name) != joined(desc) {
        return 0;
    }
    let mut refund = 0;
    if name.len() > 1 {
        refund += wrap_cost(Col::Name).unwrap_or(0);
    }
    if desc.len() > 1 {
        refund += wrap_cost(Col::Description).unwrap_or(0);
    }
    refund
}

/// The indicator of a row; merged (empty or left out) group cells take the
/// names above them (`last`).
fn indicator(
    group_cols: &[Col],
    own_cols: &[Col],
    cells: &[Cell],
    row: &Row,
    last: &mut (String, String),
) -> Indicator {
    let text = |r: &std::ops::Range<usize>| -> String {
        let lines: Vec<&str> = cells[r.clone()].iter().map(|c| c.text.as_str()).collect();
        lines.join("\n")
    };
    let group = |col: Col| -> Option<&str> {
        let k = group_cols.iter().position(|c| *c == col)?;
        let i = row.groups.get(k).copied().flatten()?;
        Some(cells[i].text.as_str()).filter(|t| !t.is_empty())
    };
    let mut ind = Indicator::default();
    match group(Col::Level1) {
        Some(l1) => {
            ind.level1 = l1.to_string();
            ind.level2 = group(Col::Level2).unwrap_or_default().to_string();
        }
        None => {
            ind.level1 = last.0.clone();
            ind.level2 = group(Col::Level2).map_or_else(|| last.1.clone(), str::to_string);
        }
    }
    let mut unit = String::new();
    for (col, span) in own_cols.iter().zip(&row.own) {
        match col {
            Col::Name => ind.name = text(span),
            Col::Description => ind.description = text(span),
            Col::Value => ind.value = text(span),
            Col::Unit => unit = text(span),
            _ => {}
        }
    }
    if !unit.is_empty() && !ind.value.is_empty() && !ind.value.ends_with(&unit) {
        ind.value.push_str(&unit);
    }
    *last = (ind.level1.clone(), ind.level2.clone());
    ind
}
