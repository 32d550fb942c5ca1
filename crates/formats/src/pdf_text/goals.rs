//! The goal columns of a PDF's text: the lines under `项目总体目标（…）`
//! and `年度总体目标` side by side. A column's text comes whole, one column
//! after the other, either quoted (`"1.…` … `…。" "1.…`) or not; unquoted,
//! a column ends where the numbering starts again at 1. Within a column a
//! line that starts with a list number starts a goal and any other line
//! continues the one before (a PDF wraps lines where the column ends, so
//! the pieces join without a break): a column repeated in a narrower
//! column reads the same.

use crate::layout;
use crate::pdf_text::join_wrapped;
use jixiao_domain::rules::Field;
use jixiao_domain::table::Table;

/// Puts the columns found in `lines` into `fields`, in order; more columns
/// than fields go to the last one, fewer leave the last fields empty.
pub(super) fn assign(table: &mut Table, fields: &[Field], lines: &[String]) {
    let columns = columns(lines);
    let Some(last) = fields.len().checked_sub(1) else {
        return;
    };
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); fields.len()];
    for (k, column) in columns.into_iter().enumerate() {
        parts[k.min(last)].extend(column);
    }
    for (field, goals) in fields.iter().zip(parts) {
        if goals.is_empty() {
            continue;
        }
        match field {
            Field::Goals => {
                table.goals = goals
                    .iter()
                    .map(|g| layout::strip_number(g).unwrap_or(g).trim().to_string())
                    .collect();
            }
            other => other.set_text(table, &goals.join("\n")),
        }
    }
}

/// The columns, each as its goals (with their numbers, as written).
fn columns(lines: &[String]) -> Vec<Vec<String>> {
    let text = lines.join("\n");
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut loose: Vec<String> = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find(['"', '“']) {
        loose.extend(rest[..open].lines().map(str::to_string));
        let quote_len = rest[open..].chars().next().map_or(1, char::len_utf8);
        let inner = &rest[open + quote_len..];
        let close = inner.find(['"', '”']).unwrap_or(inner.len());
        cells.extend(split_numbered(&take(&mut loose)));
        let cell: Vec<String> = inner[..close].lines().map(str::to_string).collect();
        cells.push(goals(&cell));
        let close_len = inner[close..].chars().next().map_or(0, char::len_utf8);
        rest = &inner[(close + close_len).min(inner.len())..];
    }
    loose.extend(rest.lines().map(str::to_string));
    cells.extend(split_numbered(&loose));
    cells.retain(|c| !c.is_empty());
    cells
}

fn take(v: &mut Vec<String>) -> Vec<String> {
    std::mem::take(v)
}

/// Unquoted lines as columns: a new column where the numbering restarts.
fn split_numbered(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut numbered = 0;
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let restarts = number_of(line) == Some(1) && numbered > 0;
        if restarts {
            out.push(goals(&take(&mut current)));
            numbered = 0;
        }
        if number_of(line).is_some() {
            numbered += 1;
        }
        current.push(line.to_string());
    }
    out.push(goals(&current));
    out
}

/// A column's lines as its goals: a numbered line starts one, any other
/// line continues it.
fn goals(lines: &[String]) -> Vec<String> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        match out.last_mut() {
            Some(last) if number_of(line).is_none() => last.push(line.to_string()),
            _ => out.push(vec![line.to_string()]),
        }
    }
    out.iter().map(|pieces| join_wrapped(pieces)).collect()
}

/// The list number a line starts with (`1.`, `2、`, `（3）`), if any.
fn number_of(line: &str) -> Option<u32> {
    let rest = layout::strip_number(line)?;
    let head = &line[..line.len() - rest.len()];
    let digits: String = head.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok().or(Some(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn quoted_columns_side_by_side() {
        let c = columns(&lines(
            "\"1.完成地道全\n长985米。\n2.缓解拥堵。\" \"1.完成主体\n结构。\"",
        ));
        assert_eq!(
            c,
            vec![
                vec!["1.完成地道全长985米。".to_string(), "2.缓解拥堵。".into()],
                vec!["1.完成主体结构。".to_string()],
            ]
        );
    }

    #[test]
    fn a_column_repeated_narrower_starts_again_at_1() {
        let c = columns(&lines(
            "1.保障设施正常运行。\n2.提升体验。\n1.保障设施正常\n运行。\n2.提升\n体验。",
        ));
        assert_eq!(c.len(), 2);
        assert_eq!(c[0], c[1]);
    }

    #[test]
    fn goals_go_to_their_fields() {
        let mut t = Table::default();
        assign(
            &mut t,
            &[Field::OverallGoal, Field::Goals],
            &lines("\"1.甲\n乙。\n2.丙。\" \"1.丁。\""),
        );
        assert_eq!(t.overall_goal.as_deref(), Some("1.甲乙。\n2.丙。"));
        assert_eq!(t.goals, ["丁。"]);
    }
}
