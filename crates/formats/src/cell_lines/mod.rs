//! Text with one table cell per line and no tab in front: what LibreOffice,
//! WPS or Word write when a .docx of published tables is saved as plain
//! text (`tests/fixtures/libreoffice/tianjin-2025-tables-1-8.txt`).
//!
//! Unlike the published text layout (`crates/formats/src/layout.rs`), such
//! text has no line between table rows: an empty line is an empty cell,
//! and a merged 一级/二级 cell is an empty line in each row it covers
//! (LibreOffice) or is written once and left out below (WPS). Paragraphs
//! sharing a line, with a tab between (the unit line `331202单位名称` and
//! `单位：万元`), are split at the tab.
//!
//! Tables begin at their titles (`N.项目名称绩效目标表`), else at 项目名称.
//! The head of a table, everything before 一级指标, is read by its labels
//! as the published layout is. The header names the indicator columns; the
//! cells after it are cut into rows by what they say (`rows.rs`). A table
//! whose cells cannot be cut into rows is not offered with broken rows: it
//! is left out and named, with its lines ([`Imported::left_out`]);
//! [`import`] refuses the whole text instead.

mod rows;

use jixiao_domain::budget::Amount;
use jixiao_domain::framework::Framework;
use jixiao_domain::table::{Document, Table};

use crate::layout::{self, Col, Label, LayoutError};

/// One cell: a line, or a part of a line between tabs.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    /// 1-based line in the text.
    pub line: usize,
    /// Trimmed; empty for an empty line.
    pub text: String,
}

/// What a text of cell lines gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The tables whose cells line up.
    pub document: Document,
    /// The tables that were left out, each named with its lines and why.
    pub left_out: Vec<LayoutError>,
}

/// Header cells that name no column this program keeps.
const OTHER_HEADERS: &[&str] = &["分值", "权重", "指标权重", "指标方向", "评分标准", "备注"];

/// Whether `text` is one cell per line: a line holding only 一级指标, and
/// most lines not led by a tab (the published layout's cells are).
pub fn fits(text: &str) -> bool {
    let (mut tab_led, mut plain, mut header) = (0usize, 0usize, false);
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with('\t') {
            tab_led += 1;
        } else {
            plain += 1;
        }
        header |= layout::squeeze(line) == "一级指标";
    }
    header && tab_led * 2 < plain
}

/// Reads every table; a table that does not line up is left out and named.
/// Refuses when no table lines up.
pub fn read(text: &str) -> Result<Imported, LayoutError> {
    let cells = cells_of(text);
    let mut tables = Vec::new();
    let mut left_out = Vec::new();
    for part in parts(&cells) {
        let number = tables.len() + left_out.len() + 1;
        match read_table(part) {
            (table, None) => tables.push(table),
            (table, Some(misfit)) => left_out.push(misfit.error(number, &table, part)),
        }
    }
    if tables.is_empty() {
        let more = left_out.len().saturating_sub(1);
        return Err(match left_out.into_iter().next() {
            None => no_table(&cells),
            Some(first) => refusal(first, more),
        });
    }
    Ok(Imported {
        document: Document { tables },
        left_out,
    })
}

/// Reads every table, or refuses the whole text when one does not line up.
pub fn import(text: &str) -> Result<Document, LayoutError> {
    let read = read(text)?;
    let mut left_out = read.left_out.into_iter();
    match left_out.next() {
        None => Ok(read.document),
        Some(first) => Err(refusal(first, left_out.len())),
    }
}

/// The first table left out, saying how many more were and that nothing
/// was imported.
fn refusal(mut e: LayoutError, more: usize) -> LayoutError {
    if more > 0 {
        e.message.push_str(&format!("另有 {more} 张表也对不齐。"));
        e.message_en.push_str(&match more {
            1 => " 1 more table does not line up either.".to_string(),
            _ => format!(" {more} more tables do not line up either."),
        });
    }
    e.message.push_str("整份文本都没有导入。");
    e.message_en.push_str(" Nothing was imported.");
    e
}

fn no_table(cells: &[Cell]) -> LayoutError {
    LayoutError {
        line: cells.first().map_or(1, |c| c.line),
        message: "没有找到绩效目标表：应有「项目名称」和「一级指标」等单元格。".into(),
        message_en:
            "No performance target table found: expected cells such as 项目名称 and 一级指标."
                .into(),
    }
}

/// The cells of the text, one per line (a line with tabs gives one per
/// part); an empty line is an empty cell.
fn cells_of(text: &str) -> Vec<Cell> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A final line break ends the last line; no empty line follows it.
    let text = text.strip_suffix('\n').unwrap_or(text);
    let mut cells = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = layout::strip_markers(raw.strip_suffix('\r').unwrap_or(raw));
        let mut parts = raw.split('\t').map(str::trim).filter(|p| !p.is_empty());
        let line = i + 1;
        match parts.next() {
            None => cells.push(Cell {
                line,
                text: String::new(),
            }),
            Some(first) => {
                for text in std::iter::once(first).chain(parts) {
                    cells.push(Cell {
                        line,
                        text: text.to_string(),
                    });
                }
            }
        }
    }
    cells
}

/// The cells of each table: from each title to the next (text before the
/// first title is no table's), else from each 项目名称; parts holding
/// neither 项目名称 nor 一级指标 hold no table.
fn parts(cells: &[Cell]) -> Vec<&[Cell]> {
    let titles: Vec<usize> = (0..cells.len())
        .filter(|i| layout::is_title(&cells[*i].text))
        .collect();
    let mut starts = titles;
    if starts.is_empty() {
        starts = (0..cells.len())
            .filter(|i| label(&cells[*i].text) == Some(Label::Project))
            .collect();
        if let Some(first) = starts.first_mut() {
            *first = 0;
        }
    }
    if starts.is_empty() {
        starts.push(0);
    }
    let mut parts = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(cells.len());
        let part = &cells[start..end];
        let holds_table = part.iter().any(|c| {
            label(&c.text) == Some(Label::Project) || layout::column_of(&c.text) == Col::Level1
        });
        if holds_table {
            parts.push(part);
        }
    }
    parts
}

fn label(text: &str) -> Option<Label> {
    layout::split_label(text).map(|(l, _)| l)
}

/// Why a table's indicators could not be read.
enum Misfit {
    /// The header lacks 三级指标 or 指标值 (the index of 一级指标).
    Header(usize),
    /// The cells after the header (from `offset`) do not line up.
    Rows { offset: usize, stuck: rows::Stuck },
}

/// One table: its head by the labels, its indicators by [`rows`]; with
/// why its indicators could not be read, if they could not (the table is
/// then only good for its name).
fn read_table(cells: &[Cell]) -> (Table, Option<Misfit>) {
    let header = cells
        .iter()
        .position(|c| layout::column_of(&c.text) == Col::Level1);
    let head = &cells[..header.unwrap_or(cells.len())];
    let mut table = layout::table_of_cells(head_cells(head));
    let Some(header) = header else {
        return (table, None);
    };
    let columns: Vec<Col> = cells[header..]
        .iter()
        .take_while(|c| is_header_cell(&c.text))
        .map(|c| layout::column_of(&c.text))
        .collect();
    if !columns.contains(&Col::Name) || !columns.contains(&Col::Value) {
        return (table, Some(Misfit::Header(header)));
    }
    let after = header + columns.len();
    let offset = after
        + cells[after..]
            .iter()
            .take_while(|c| c.text.is_empty())
            .count();
    match rows::indicators(&columns, &cells[offset..]) {
        Ok(indicators) => {
            table.framework = Framework::detect(indicators.iter().map(|i| i.level1.as_str()));
            table.indicators = indicators;
            (table, None)
        }
        Err(stuck) => (table, Some(Misfit::Rows { offset, stuck })),
    }
}

fn is_header_cell(text: &str) -> bool {
    !text.is_empty()
        && (layout::column_of(text) != Col::Ignored
            || OTHER_HEADERS.contains(&layout::squeeze(text).as_str()))
}

/// The head cells as the layout reads them. A blank amount (其他资金) may
/// have no line of its own (WPS writes none): an empty cell stands in for
/// it when the next cell is clearly no amount.
fn head_cells(head: &[Cell]) -> Vec<(usize, String)> {
    let mut out = Vec::with_capacity(head.len() + 1);
    for (k, cell) in head.iter().enumerate() {
        out.push((cell.line, cell.text.clone()));
        let amount = matches!(
            layout::split_label(&cell.text),
            Some((Label::Total | Label::Fiscal | Label::Other | Label::TotalFunds, inline))
                if inline.is_empty()
        );
        let next = head.get(k + 1).map_or("", |c| c.text.as_str());
        let no_amount = !next.is_empty()
            && label(next).is_none()
            && matches!(Amount::parse(next), Amount::Invalid(_))
            && next.chars().count() > 4;
        if amount && no_amount {
            out.push((cell.line, String::new()));
        }
    }
    out
}

impl Misfit {
    /// The message naming the table (`number`, 1-based, and its project).
    fn error(self, number: usize, table: &Table, cells: &[Cell]) -> LayoutError {
        let project = if table.project.trim().is_empty() {
            "（无项目名称）"
        } else {
            table.project.trim()
        };
        let name_zh = format!("第 {number} 张表「{project}」没有导入：");
        let name_en = format!("Table {number} ({project}) was not imported: ");
        let (line, zh, en) = match self {
            Misfit::Header(at) => (
                cells[at].line,
                "它的表头没有「三级指标」和「指标值」两栏，读不出指标。".to_string(),
                "its header lacks the 三级指标 and 指标值 columns, so its indicators cannot be read."
                    .to_string(),
            ),
            Misfit::Rows { offset, stuck } => {
                let filled = |i: usize| {
                    cells[offset + i..]
                        .iter()
                        .find(|c| !c.text.is_empty())
                        .unwrap_or(&cells[offset + i])
                };
                let at = filled(stuck.at);
                let from = stuck.last_row.map_or(at.line, |i| filled(i).line);
                let cell = preview(&at.text);
                let (lines_zh, lines_en) = if from < at.line {
                    (
                        format!("第 {from} 行到第 {} 行", at.line),
                        format!("lines {from} to {}", at.line),
                    )
                } else {
                    (format!("第 {from} 行"), format!("line {from}"))
                };
                (
                    from,
                    format!(
                        "它的指标单元格在{lines_zh}对不齐（在「{cell}」处排不成一行），可能少了或多了一个单元格，例如缺少指标值。请改正后再导入这张表。"
                    ),
                    format!(
                        "its indicator cells do not line up in {lines_en} (no row fits at \"{cell}\"): a cell may be missing or extra, such as a missing 指标值. Correct it and import the table again."
                    ),
                )
            }
        };
        LayoutError {
            line,
            message: name_zh + &zh,
            message_en: name_en + &en,
        }
    }
}

fn preview(text: &str) -> String {
    let mut s: String = text.chars().take(20).collect();
    if text.chars().count() > 20 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
