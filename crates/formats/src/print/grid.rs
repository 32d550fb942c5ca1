//! The layout grid: a table's form drawn as rows of cells on
//! [`COLUMNS`] columns, from the form's printed layout
//! (`crates/domain/src/form/layout.rs`) and its indicator columns. The
//! print view, the `.xlsx`, the `.docx` and the tab-separated text all draw
//! this grid, so they cannot disagree.

use jixiao_domain::form::layout::{Slot, Title, GRID_COLUMNS};
use jixiao_domain::form::Form;
use jixiao_domain::lang::group_thousands;
use jixiao_domain::rules::{Column, Field};
use jixiao_domain::table::Table;
use jixiao_domain::value::Date;

/// Columns of the layout grid.
pub const COLUMNS: usize = GRID_COLUMNS;

/// Relative column widths of the grid (percent of the table width).
pub const COLUMN_PERCENT: [u8; COLUMNS] = [12, 14, 12, 17, 13, 16, 16];

/// The part of the layout a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The title across the grid (`N.<项目名称>绩效目标表`,
    /// `财政项目支出绩效目标申报表` and its year).
    Title,
    /// The unit line and `单位：万元`, above the table, without borders.
    Meta,
    /// 项目名称, the budget block, 绩效目标.
    Block,
    /// The indicator header (一级指标 … 指标值).
    Head,
    /// One indicator row.
    Body,
}

/// What a cell holds, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// The unit code and name (left of the meta line).
    Unit,
    /// `单位：万元` (right of the meta line).
    MoneyUnit,
    /// A printed label: 项目名称, 预算数, 一级指标 …
    Label,
    /// A short value, centred: names, amounts, indicator cells.
    Value,
    /// Running text, left-aligned: 资金用途, 绩效目标.
    Text,
}

/// One cell of the grid: its text and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// 0-based column.
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
    pub role: Role,
    /// The text as the author wrote it; lines separated by `\n`.
    pub text: String,
}

/// One grid row: the cells that start in it, in column order. Columns
/// covered by a cell merged from a row above are absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub part: Part,
    pub cells: Vec<Cell>,
}

fn cell(col: usize, colspan: usize, role: Role, text: impl Into<String>) -> Cell {
    let text: String = text.into();
    Cell {
        col,
        colspan,
        rowspan: 1,
        role,
        text: if text.contains('\r') { lf(&text) } else { text },
    }
}

/// Text with its line breaks as `\n` (CR LF and CR, as pasted from Windows
/// programs, become LF), field by field, before fields are put together.
pub(super) fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The title of table `number` (1-based), as its form prints it:
/// `N.<项目名称>绩效目标表`, or `财政项目支出绩效目标申报表` with
/// `（2026年度）` on a line of its own.
pub fn title(number: usize, table: &Table) -> String {
    match table.form.spec().layout.title {
        Title::Numbered { suffix } => format!("{number}.{}{suffix}", lf(&table.project)),
        Title::Fixed { text, year_line } => {
            format!("{text}\n{}", year_line.replace("{year}", &year(table)))
        }
    }
}

/// The year as a title shows it: `2026` for `2026`, `2026年`, `2026年度`;
/// other text as written; four spaces when there is none.
fn year(table: &Table) -> String {
    let y = table.year.as_deref().unwrap_or("").trim();
    let bare = y.trim_end_matches('度').trim_end_matches('年');
    match (y.is_empty(), bare.chars().all(|c| c.is_ascii_digit())) {
        (true, _) => "    ".into(),
        (false, true) => bare.into(),
        (false, false) => lf(y),
    }
}

/// The goals as printed: `1.…` one per line.
pub fn numbered_goals(goals: &[String]) -> String {
    goals
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}.{}", i + 1, lf(g)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// For `(key, is_blank)` per row: the lengths of the runs of consecutive
/// equal, non-blank keys (exact text, as printed), i.e. the rowspan
/// of the run's first row, 0 for the rows a run covers. Blank cells are
/// never merged, so an unfinished table keeps one cell per row.
fn runs<T: PartialEq>(keys: &[(T, bool)]) -> Vec<usize> {
    let mut spans = vec![1; keys.len()];
    let mut i = 0;
    while i < keys.len() {
        let mut j = i + 1;
        if !keys[i].1 {
            while j < keys.len() && !keys[j].1 && keys[j].0 == keys[i].0 {
                spans[j] = 0;
                j += 1;
            }
        }
        spans[i] = j - i;
        i = j;
    }
    spans
}

/// A field's value as its form prints it: amounts grouped in thousands
/// where the form writes them so, the goals numbered.
fn field_text(form: Form, table: &Table, field: Field) -> String {
    if field == Field::Goals {
        return numbered_goals(&table.goals);
    }
    match field.amount(table) {
        Some(a) if form.spec().grouped_amounts => group_thousands(&a.text()),
        Some(a) => a.text(),
        None => lf(&field.text(table)),
    }
}

/// The heading of the overall goal: `multi` with the plan's years when they
/// differ, else `single`.
fn goal_heading(table: &Table, single: &str, multi: &str) -> String {
    let year = |d: &Option<String>| d.as_deref().and_then(Date::parse).map(|d| d.year);
    match (year(&table.plan_start), year(&table.plan_end)) {
        (Some(s), Some(e)) if s != e => multi
            .replace("{start}", &s.to_string())
            .replace("{end}", &e.to_string()),
        _ => single.to_string(),
    }
}

/// The cell a slot of the layout becomes at `col`.
fn slot_cell(table: &Table, slot: &Slot, col: usize, span: usize) -> Cell {
    let form = table.form;
    match *slot {
        Slot::Label { text, rows, .. } => Cell {
            rowspan: rows.max(1),
            ..cell(
                col,
                span,
                Role::Label,
                text.replace("{unit}", table.money_unit.label()),
            )
        },
        Slot::Value { field, .. } => cell(col, span, Role::Value, field_text(form, table, field)),
        Slot::Text { field, .. } => cell(col, span, Role::Text, field_text(form, table, field)),
        Slot::Blank { .. } => cell(col, span, Role::Value, ""),
        Slot::GoalHeading { single, multi, .. } => {
            cell(col, span, Role::Label, goal_heading(table, single, multi))
        }
    }
}

/// The table in its form's layout, as rows of the [`COLUMNS`]-column grid.
/// `number` is the table's place in its document (1-based), for the title.
pub fn grid(number: usize, table: &Table) -> Vec<Row> {
    let spec = table.form.spec();
    let layout = &spec.layout;
    let mut rows = Vec::with_capacity(layout.rows.len() + 3 + table.indicators.len());
    let row = |part, cells| Row { part, cells };

    rows.push(row(
        Part::Title,
        vec![cell(0, COLUMNS, Role::Title, title(number, table))],
    ));
    if layout.unit_line {
        rows.push(row(
            Part::Meta,
            vec![
                cell(
                    0,
                    5,
                    Role::Unit,
                    format!("{}{}", lf(&table.unit_code), lf(&table.unit_name)),
                ),
                cell(
                    5,
                    2,
                    Role::MoneyUnit,
                    format!("单位：{}", table.money_unit.label()),
                ),
            ],
        ));
    }

    // Rows a label from above still covers, per column.
    let mut covered = [0usize; COLUMNS];
    for line in layout.rows {
        let present = line
            .cells
            .iter()
            .filter_map(Slot::field)
            .any(|f| f.is_present(table));
        if line.optional && !present {
            continue;
        }
        let mut cells = Vec::with_capacity(line.cells.len());
        let mut col = 0;
        for slot in line.cells {
            while col < COLUMNS && covered[col] > 0 {
                col += 1;
            }
            if col >= COLUMNS {
                break;
            }
            let span = slot.span().clamp(1, COLUMNS - col);
            let c = slot_cell(table, slot, col, span);
            for k in &mut covered[col..col + span] {
                *k = c.rowspan;
            }
            cells.push(c);
            col += span;
        }
        for k in &mut covered {
            *k = k.saturating_sub(1);
        }
        rows.push(row(Part::Block, cells));
    }

    // The indicator header and rows, in the form's columns.
    let mut at = Vec::with_capacity(spec.columns.len());
    let mut col = 0;
    for c in spec.columns {
        at.push((c.column, col, c.span));
        col += c.span;
    }
    rows.push(row(
        Part::Head,
        spec.columns
            .iter()
            .zip(&at)
            .map(|(c, &(_, col, span))| cell(col, span, Role::Label, c.label.zh.clone()))
            .collect(),
    ));

    let ind = &table.indicators;
    let blank = |s: &str| s.trim().is_empty();
    let l1 = runs(
        &ind.iter()
            .map(|r| (r.level1.as_str(), blank(&r.level1)))
            .collect::<Vec<_>>(),
    );
    // A 二级 run never crosses the border of a 一级 run.
    let mut group = 0;
    let l2 = runs(
        &ind.iter()
            .enumerate()
            .map(|(i, r)| {
                if l1[i] > 0 {
                    group = i;
                }
                ((group, r.level2.as_str()), blank(&r.level2))
            })
            .collect::<Vec<_>>(),
    );
    for (i, r) in ind.iter().enumerate() {
        let mut cells = Vec::with_capacity(at.len());
        for &(column, col, span) in &at {
            let (text, rowspan) = match column {
                Column::Level1 => (&r.level1, l1[i]),
                Column::Level2 => (&r.level2, l2[i]),
                Column::Name => (&r.name, 1),
                Column::Description => (&r.description, 1),
                Column::Value => (&r.value, 1),
            };
            if rowspan > 0 {
                cells.push(Cell {
                    rowspan,
                    ..cell(col, span, Role::Value, text.clone())
                });
            }
        }
        rows.push(row(Part::Body, cells));
    }
    rows
}
