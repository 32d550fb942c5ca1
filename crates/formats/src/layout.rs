//! Importer for the published text layout.
//!
//! The layout is what text extraction makes of a published .docx: a title
//! line `N.<项目名称>绩效目标表`, then one table cell per line with a tab in
//! front, blank lines between table rows, and merged cells as empty cells.
//! Real documents also carry `[bookmark: …]` markers, labels with spaces
//! inside (`其中：财政    资金`), CRLF line endings and full-width spaces.
//!
//! Cells are recognised by their labels, not by position, so a damaged table
//! still imports with what it has; the rules then point at what is missing.
//!
//! Text of another form (the 上海 申报表, told by its title or labels) goes
//! to that form's importer for PDF text, [`crate::pdf_text`].

use std::fmt;

use jixiao_domain::budget::{Amount, MoneyUnit};
use jixiao_domain::form::Form;
use jixiao_domain::framework::Framework;
use jixiao_domain::lang::{Bilingual, Text};
use jixiao_domain::table::{Document, Indicator, Table};

/// Why a text could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError {
    /// 1-based line the message is about.
    pub line: usize,
    pub message: String,
    pub message_en: String,
}

impl Bilingual for LayoutError {
    /// The message with its line: `第 3 行：…` / `Line 3: …`.
    fn text(&self) -> Text {
        Text::owned(
            format!("第 {} 行：{}", self.line, self.message),
            format!("Line {}: {}", self.line, self.message_en),
        )
    }
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().zh)
    }
}

impl std::error::Error for LayoutError {}

/// One line of the source, cleaned.
#[derive(Debug, Clone)]
struct Line {
    /// 1-based line number in the source.
    no: usize,
    /// The text without markers, trimmed (full-width spaces too).
    text: String,
    /// An empty line (no tab, no text): a row break.
    is_break: bool,
}

/// A table cell and the row it sits in.
#[derive(Debug, Clone)]
struct Cell {
    row: usize,
    text: String,
}

/// Imports every table of a document in the published text layout.
/// Text with one cell per line and no tabs (a document saved as plain
/// text) is read by [`crate::cell_lines`].
pub fn import(text: &str) -> Result<Document, LayoutError> {
    // Another form's PDF text (the 上海 申报表) has an importer of its own.
    let form = Form::detect(text.lines());
    if !form.is_default() {
        return crate::pdf_text::import(text, form);
    }
    if crate::cell_lines::fits(text) {
        return crate::cell_lines::import(text);
    }
    let lines = clean_lines(text);
    let first = lines.iter().find(|l| !l.text.is_empty());
    let Some(first) = first else {
        return Err(LayoutError {
            line: 1,
            message: "内容为空：请粘贴或选择包含绩效目标表的文本。".into(),
            message_en:
                "The text is empty: paste or choose a text holding a performance target table."
                    .into(),
        });
    };

    let titles: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_title(&l.text))
        .map(|(i, _)| i)
        .collect();
    let starts: Vec<usize> = if titles.is_empty() {
        // No titles: a bare table (or several), each beginning at 项目名称.
        let labels: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| label_of(&l.text) == Some(Label::Project))
            .map(|(i, _)| i)
            .collect();
        match labels.first() {
            None => {
                return Err(LayoutError {
                    line: first.no,
                    message: format!(
                        "从「{}」起没有找到绩效目标表：应有「1.项目名称绩效目标表」这样的标题行，或「项目名称」一栏。",
                        preview(&first.text)
                    ),
                    message_en: format!(
                        "No performance target table found from \"{}\": expected a title such as \"1.<project>绩效目标表\" or a 项目名称 cell.",
                        preview(&first.text)
                    ),
                })
            }
            Some(_) => {
                let mut s = vec![0];
                s.extend(labels.iter().skip(1).copied());
                s
            }
        }
    } else {
        titles
    };

    let mut tables = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        tables.push(parse_table(&lines[start..end]));
    }
    Ok(Document { tables })
}

fn preview(text: &str) -> String {
    let mut s: String = text.chars().take(20).collect();
    if text.chars().count() > 20 {
        s.push('…');
    }
    s
}

/// Splits into lines, drops `[bookmark: …]` markers and trims each line.
fn clean_lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let unmarked = strip_markers(raw);
            let text = unmarked.trim().to_string();
            let is_break = text.is_empty() && !unmarked.contains('\t');
            Line {
                no: i + 1,
                text,
                is_break,
            }
        })
        .collect()
}

/// Removes every `[bookmark: …]` marker from a line.
pub(crate) fn strip_markers(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("[bookmark:") {
        out.push_str(&rest[..at]);
        match rest[at..].find(']') {
            Some(close) => rest = &rest[at + close + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn is_title(text: &str) -> bool {
    let t = squeeze(text);
    t.ends_with("绩效目标表") && t.chars().count() > "绩效目标表".chars().count()
}

/// The project name inside a title: `1.科技统计…绩效目标表` → `科技统计…`.
pub(crate) fn title_project(text: &str) -> String {
    let t = text.trim();
    let t = t.strip_suffix("绩效目标表").unwrap_or(t).trim();
    strip_number(t).unwrap_or(t).trim().to_string()
}

/// Text without any whitespace (labels carry spaces: `其中：财政    资金`).
pub(crate) fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    UnitCode,
    UnitName,
    MoneyUnit,
    Project,
    BudgetBlock,
    Total,
    Fiscal,
    Other,
    TotalFunds,
    Purpose,
    Goals,
    OverallGoal,
    Department,
    Implementer,
    PlanStart,
    PlanEnd,
    Level1Header,
}

/// The label a cell is, if it is one. A label may be followed by its value
/// in the same cell (`项目名称：…`); [`split_label`] separates them.
fn label_of(text: &str) -> Option<Label> {
    split_label(text).map(|(l, _)| l)
}

pub(crate) fn split_label(text: &str) -> Option<(Label, String)> {
    let t = squeeze(text);
    if t.starts_with("单位:") || t.starts_with("单位：") || t.starts_with("金额单位") {
        return Some((Label::MoneyUnit, t));
    }
    const LABELS: &[(&str, Label)] = &[
        ("预算规模及资金用途", Label::BudgetBlock),
        ("其中:财政资金", Label::Fiscal),
        ("其中：财政资金", Label::Fiscal),
        ("其中：财政拨款", Label::Fiscal),
        ("其中:财政拨款", Label::Fiscal),
        ("财政资金", Label::Fiscal),
        ("财政拨款", Label::Fiscal),
        ("其他资金", Label::Other),
        ("年度资金申请总额", Label::Total),
        ("年度资金总额", Label::Total),
        ("年度预算数", Label::Total),
        ("预算数", Label::Total),
        ("预算金额", Label::Total),
        ("项目资金总额", Label::TotalFunds),
        ("资金总额", Label::TotalFunds),
        ("资金用途", Label::Purpose),
        ("年度绩效目标", Label::Goals),
        ("年度目标", Label::Goals),
        ("绩效目标", Label::Goals),
        ("项目总目标", Label::OverallGoal),
        ("总体目标", Label::OverallGoal),
        ("项目名称", Label::Project),
        ("单位编码", Label::UnitCode),
        ("单位名称", Label::UnitName),
        ("预算单位", Label::UnitName),
        ("主管部门", Label::Department),
        ("实施单位", Label::Implementer),
        ("计划开始日期", Label::PlanStart),
        ("计划完成日期", Label::PlanEnd),
        ("一级指标", Label::Level1Header),
    ];
    for (word, label) in LABELS {
        if let Some(rest) = t.strip_prefix(word) {
            // `预算数(万元)`: a unit note belongs to the label.
            let rest = strip_unit_note(rest);
            if rest.is_empty() {
                return Some((*label, String::new()));
            }
            if let Some(value) = rest.strip_prefix([':', '：']) {
                // Keep the value's own spacing: take it from the original.
                let original = text.trim();
                let at = original
                    .find([':', '：'])
                    .map(|i| i + original[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                let _ = value;
                return Some((*label, original[at..].trim().to_string()));
            }
            return None;
        }
    }
    None
}

fn strip_unit_note(rest: &str) -> &str {
    for note in ["(万元)", "（万元）", "(元)", "（元）", "(亿元)", "（亿元）"] {
        if let Some(r) = rest.strip_prefix(note) {
            return r;
        }
    }
    rest
}

/// Strips a list number: `1.`, `1、`, `1．`, `(1)`, `（1）`, `①`, `一、`.
/// `2.0版` keeps its number; in `1.1.完成…` only the first `1.` goes.
pub(crate) fn strip_number(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &t[digits..];
        for sep in ['.', '．', '、', ')', '）'] {
            if let Some(after) = rest.strip_prefix(sep) {
                let next = after.chars().next();
                let nested = next.is_some_and(|c| c.is_ascii_digit())
                    && after
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .starts_with(['.', '．', '、']);
                if next.is_none_or(|c| !c.is_ascii_digit()) || nested {
                    return Some(after.trim_start());
                }
            }
        }
        return None;
    }
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = t.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                let num = &inner[..end];
                if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit() || is_cn_digit(c)) {
                    return Some(inner[end + close.len_utf8()..].trim_start());
                }
            }
        }
    }
    let first = t.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        return Some(t[first.len_utf8()..].trim_start());
    }
    let cn = t.chars().take_while(|c| is_cn_digit(*c)).count();
    if cn > 0 {
        let rest: &str = &t[t.char_indices().nth(cn).map_or(t.len(), |(i, _)| i)..];
        if let Some(after) = rest.strip_prefix('、') {
            return Some(after.trim_start());
        }
    }
    None
}

fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Budget,
    Purpose,
    Goals,
    OverallGoal,
}

fn parse_table(lines: &[Line]) -> Table {
    let mut table = Table::default();
    let mut title_project_name = None;
    let mut body = lines;
    if let Some(first) = lines.first() {
        if is_title(&first.text) {
            title_project_name = Some(title_project(&first.text));
            body = &lines[1..];
        }
    }

    // Cells with their row numbers; a break line starts a new row.
    let mut cells = Vec::with_capacity(body.len());
    let mut row = 0;
    for line in body {
        if line.is_break {
            row += 1;
        } else {
            cells.push(Cell {
                row,
                text: line.text.clone(),
            });
        }
    }

    let mut section = Section::Head;
    let mut purpose: Vec<String> = Vec::new();
    let mut goal_cells: Vec<String> = Vec::new();
    let mut overall: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let cell = &cells[i];
        let Some((label, inline)) = split_label(&cell.text) else {
            if !cell.text.is_empty() {
                match section {
                    Section::Head => head_line(&mut table, &cell.text),
                    Section::Budget | Section::Purpose => {
                        section = Section::Purpose;
                        purpose.push(cell.text.clone());
                    }
                    Section::Goals => goal_cells.push(cell.text.clone()),
                    Section::OverallGoal => overall.push(cell.text.clone()),
                }
            }
            i += 1;
            continue;
        };
        i += 1;
        if label == Label::Level1Header {
            table.indicators = parse_indicators(&cells[i - 1..]);
            break;
        }
        // The value: inline, else the next cell of the same row (possibly
        // empty: a blank 其他资金), else the next cell if it is no label.
        let take_value = |i: &mut usize| -> String {
            if !inline.is_empty() {
                return inline.clone();
            }
            if let Some(next) = cells.get(*i) {
                let same_row = next.row == cell.row;
                if label_of(&next.text).is_none() && (same_row || !next.text.is_empty()) {
                    *i += 1;
                    return next.text.clone();
                }
            }
            String::new()
        };
        match label {
            Label::MoneyUnit => {
                if let Some(u) = MoneyUnit::parse(&inline) {
                    table.money_unit = u;
                }
            }
            Label::UnitCode => table.unit_code = take_value(&mut i),
            Label::UnitName => table.unit_name = take_value(&mut i),
            Label::Project => table.project = take_value(&mut i),
            Label::BudgetBlock => section = Section::Budget,
            Label::Total => {
                section = Section::Budget;
                table.budget.total = Amount::parse(&take_value(&mut i));
            }
            Label::Fiscal => {
                section = Section::Budget;
                table.budget.fiscal = Amount::parse(&take_value(&mut i));
            }
            Label::Other => {
                section = Section::Budget;
                table.budget.other = Amount::parse(&take_value(&mut i));
            }
            Label::TotalFunds => table.total_funds = Amount::parse(&take_value(&mut i)),
            Label::Purpose => {
                section = Section::Purpose;
                if !inline.is_empty() {
                    purpose.push(inline.clone());
                }
            }
            Label::Goals => {
                section = Section::Goals;
                if !inline.is_empty() {
                    goal_cells.push(inline.clone());
                }
            }
            Label::OverallGoal => {
                section = Section::OverallGoal;
                if !inline.is_empty() {
                    overall.push(inline.clone());
                }
            }
            Label::Department => table.department = Some(take_value(&mut i)),
            Label::Implementer => table.implementer = Some(take_value(&mut i)),
            Label::PlanStart => table.plan_start = Some(take_value(&mut i)),
            Label::PlanEnd => table.plan_end = Some(take_value(&mut i)),
            Label::Level1Header => unreachable!("handled above"),
        }
    }

    table.purpose = purpose.join("\n");
    table.goals = goals_from(&goal_cells);
    if !overall.is_empty() {
        table.overall_goal = Some(overall.join("\n"));
    }
    if table.project.trim().is_empty() {
        if let Some(name) = title_project_name {
            table.project = name;
        }
    }
    table.framework = Framework::detect(table.indicators.iter().map(|r| r.level1.as_str()));
    table
}

/// A table from its cells `(line, text)` in order, the title first if it
/// has one, all read as one row: how `crates/formats/src/cell_lines/` reads
/// the head of a table, by the same labels.
pub(crate) fn table_of_cells(cells: Vec<(usize, String)>) -> Table {
    let lines: Vec<Line> = cells
        .into_iter()
        .map(|(no, text)| Line {
            no,
            text,
            is_break: false,
        })
        .collect();
    parse_table(&lines)
}

/// A head line that is no label: the unit line `331202天津市…`.
fn head_line(table: &mut Table, text: &str) {
    if !table.unit_name.is_empty() {
        return;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    table.unit_code = text[..digits].to_string();
    table.unit_name = text[digits..].trim().to_string();
}

/// Goals from their cells: the numbering becomes the list. When the goals
/// are numbered, a cell without a number continues the goal before it.
pub(crate) fn goals_from(cells: &[String]) -> Vec<String> {
    let numbered = cells.iter().any(|c| strip_number(c).is_some());
    let mut goals: Vec<String> = Vec::new();
    for cell in cells {
        match (strip_number(cell), goals.last_mut()) {
            (Some(text), _) => goals.push(text.trim().to_string()),
            (None, Some(last)) if numbered => {
                last.push('\n');
                last.push_str(cell.trim());
            }
            (None, _) => goals.push(cell.trim().to_string()),
        }
    }
    goals
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    Level1,
    Level2,
    Name,
    Description,
    Value,
    Unit,
    Ignored,
}

pub(crate) fn column_of(text: &str) -> Col {
    match squeeze(text).as_str() {
        "一级指标" => Col::Level1,
        "二级指标" => Col::Level2,
        "三级指标" | "三级指标名称" | "指标名称" => Col::Name,
        "绩效指标描述" | "指标描述" | "指标解释" | "指标内容" => Col::Description,
        "指标值" | "年度指标值" | "目标值" | "指标目标值" | "年度目标值" | "绩效指标值" => {
            Col::Value
        }
        "计量单位" | "度量单位" | "单位" => Col::Unit,
        _ => Col::Ignored,
    }
}

/// The indicator rows, from the header row (`一级指标 …`) on. Merged 一级/二级
/// cells arrive blank and inherit from the row above; a row with fewer
/// cells than the header is aligned to the right-hand columns.
fn parse_indicators(cells: &[Cell]) -> Vec<Indicator> {
    let Some(header_row) = cells.first().map(|c| c.row) else {
        return Vec::new();
    };
    let columns: Vec<Col> = cells
        .iter()
        .take_while(|c| c.row == header_row)
        .map(|c| column_of(&c.text))
        .collect();
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut current_row = header_row;
    for cell in &cells[columns.len()..] {
        if rows.is_empty() || cell.row != current_row {
            rows.push(Vec::new());
            current_row = cell.row;
        }
        if let Some(r) = rows.last_mut() {
            r.push(cell.text.as_str());
        }
    }

    let mut out: Vec<Indicator> = Vec::new();
    let (mut last1, mut last2) = (String::new(), String::new());
    for mut row in rows {
        while row.len() > columns.len() && row.last().is_some_and(|c| c.is_empty()) {
            row.pop();
        }
        if row.iter().all(|c| c.is_empty()) {
            continue;
        }
        let offset = columns.len().saturating_sub(row.len());
        let mut ind = Indicator::default();
        let mut unit = "";
        for (k, text) in row.iter().enumerate() {
            match columns.get(k + offset) {
                Some(Col::Level1) => ind.level1 = text.to_string(),
                Some(Col::Level2) => ind.level2 = text.to_string(),
                Some(Col::Name) => ind.name = text.to_string(),
                Some(Col::Description) => ind.description = text.to_string(),
                Some(Col::Value) => ind.value = text.to_string(),
                Some(Col::Unit) => unit = text,
                Some(Col::Ignored) | None => {}
            }
        }
        if !unit.is_empty() && !ind.value.is_empty() && !ind.value.ends_with(unit) {
            ind.value.push_str(unit);
        }
        if ind.level1.is_empty() {
            ind.level1 = last1.clone();
            if ind.level2.is_empty() {
                ind.level2 = last2.clone();
            }
        }
        last1 = ind.level1.clone();
        last2 = ind.level2.clone();
        out.push(ind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::lang::Lang;

    #[test]
    fn list_numbers() {
        assert_eq!(strip_number("1.完成"), Some("完成"));
        assert_eq!(strip_number("1.  按照"), Some("按照"));
        assert_eq!(strip_number("1. 1.开展"), Some("1.开展"));
        assert_eq!(strip_number("1.1.完成"), Some("1.完成"));
        assert_eq!(strip_number("2.0版本升级"), None);
        assert_eq!(strip_number("（2）完成"), Some("完成"));
        assert_eq!(strip_number("②完成"), Some("完成"));
        assert_eq!(strip_number("三、完成"), Some("完成"));
        assert_eq!(strip_number("2025年度"), None);
        assert_eq!(strip_number("完成"), None);
    }

    #[test]
    fn markers_are_removed() {
        assert_eq!(strip_markers("\t[bookmark: _GoBack]45.00"), "\t45.00");
        assert_eq!(strip_markers("[bookmark: a][bookmark: b]2.标题"), "2.标题");
        assert_eq!(strip_markers("[bookmark: broken"), "");
    }

    #[test]
    fn labels_with_spaces_and_inline_values() {
        assert_eq!(label_of("其中：财政    资金"), Some(Label::Fiscal));
        assert_eq!(label_of("预算数（万元）"), Some(Label::Total));
        assert_eq!(
            split_label("项目名称：科技 统计"),
            Some((Label::Project, "科技 统计".to_string()))
        );
        assert_eq!(label_of("项目名称很长的一段话"), None);
    }

    #[test]
    fn errors_say_their_line_in_both_languages() {
        let e = import("随便一段话").unwrap_err();
        assert_eq!(e.text().into_lang(Lang::Zh), e.to_string());
        assert!(e.to_string().starts_with("第 1 行："), "{e}");
        let en = e.text().into_lang(Lang::En);
        assert!(
            en.starts_with("Line 1: No performance target table"),
            "{en}"
        );
        let text = e.text();
        assert_eq!(text.get(Lang::En), en);
        assert_eq!(text.get(Lang::Zh), e.to_string());
    }
}
