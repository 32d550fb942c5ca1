//! Importer for text copied out of a published PDF of a form other than
//! the default one (the 上海 申报表; `tests/fixtures/shanghai/` holds
//! samples). [`crate::layout::import`] hands such text here when the
//! form's title or labels are in it ([`Form::detect`]).
//!
//! PDF text keeps the reading order of the page but not its cells:
//! - a long cell breaks across lines (`长风路-曹杨路地道改建工` / `程`,
//!   `满意度指` / `标`, `上海市某某区建设和管` / `理委员会`);
//! - cells of one row share a line, so a value and the next label do too
//!   (`5,200,000.00 年度资金申请总额`);
//! - multi-line cells may be quoted, and the goals may come twice, the
//!   second time wrapped in a narrower column;
//! - a merged 一级 cell prints once, anywhere in its rows, or not at all;
//! - page numbers and the repeated indicator header sit between rows.
//!
//! So the head of a table is read as a stream of the form's labels (its
//! [aliases](jixiao_domain::form::Alias), found anywhere in a line) and
//! the text between them: each label takes the text up to the next label,
//! a wrapped value joined back. The goals are read as columns
//! (`goals.rs`). The indicator rows are read from the words of their
//! lines against the framework (`indicators.rs`): 一级 and 二级 names put
//! together again from their pieces, a value told from the end of a name by
//! the value grammar, a lost 一级 restored from its 二级.
//!
//! What the text cannot tell: two cells of one row that both wrap (their
//! second lines come after the row, in one line) are not taken apart, and a
//! merged 二级 printed below the first of its rows leaves the rows above it
//! under the 二级 before. The samples keep to one wrapped cell a row and a
//! 二级 on the first of its rows.

mod goals;
mod indicators;

use crate::form_labels::{self, Found};
use crate::layout::{self, LayoutError};
use jixiao_domain::budget::MoneyUnit;
use jixiao_domain::form::Form;
use jixiao_domain::rules::Field;
use jixiao_domain::table::{Document, Table};

/// One line of the text, cleaned, with its 1-based number.
#[derive(Debug, Clone)]
struct Line {
    no: usize,
    text: String,
}

/// Imports every table of `text`, a PDF's text of tables of `form`.
pub fn import(text: &str, form: Form) -> Result<Document, LayoutError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| Line {
            no: i + 1,
            text: layout::strip_markers(raw.strip_suffix('\r').unwrap_or(raw))
                .trim()
                .to_string(),
        })
        .filter(|l| !l.text.is_empty() && !is_page_furniture(&l.text))
        .collect();
    let Some(first) = lines.first() else {
        return Err(LayoutError {
            line: 1,
            message: "内容为空：请粘贴或选择包含绩效目标表的文本。".into(),
            message_en:
                "The text is empty: paste or choose a text holding a performance target table."
                    .into(),
        });
    };
    let titles: Vec<usize> = (0..lines.len())
        .filter(|&i| form_labels::title(form, &lines[i].text).is_some())
        .collect();
    let starts = if titles.is_empty() { vec![0] } else { titles };
    let mut tables = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        tables.push(parse_table(&lines[start..end], form));
    }
    if tables.iter().all(|t| *t == empty_table(form)) {
        return Err(LayoutError {
            line: first.no,
            message: format!(
                "文本中有「{}」的字样，却没有找到它的栏目：请从 PDF 中复制整张表。",
                form.spec().title
            ),
            message_en: format!(
                "The text names the {} but none of its fields was found: copy the whole table from the PDF.",
                form.spec().name.en
            ),
        });
    }
    Ok(Document { tables })
}

/// A table of `form` with nothing read yet.
fn empty_table(form: Form) -> Table {
    Table {
        goals: Vec::new(),
        ..form.new_table()
    }
}

/// Lines a PDF's page adds: `第 1 页`, `第1页 共3页`, `- 2 -`, `— 2 —`, `2/5`.
fn is_page_furniture(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if let Some(rest) = t.strip_prefix('第') {
        let (page, tail) = rest.split_once('页').unwrap_or((rest, "x"));
        let tail_ok = tail.is_empty()
            || tail
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits);
        return digits(page) && tail_ok;
    }
    let dashes = ['-', '—', '–'];
    if t.starts_with(dashes) && t.ends_with(dashes) && digits(t.trim_matches(dashes)) {
        return true;
    }
    matches!(t.split_once('/'), Some((a, b)) if digits(a) && digits(b))
}

/// Whether a line starts the indicator header (`一级指标 二级指标 …`).
fn is_indicator_header(text: &str) -> bool {
    form_labels::normal(text).starts_with("一级指标")
}

/// Whether a line ends the indicator rows (notes and signatures).
fn is_footer(text: &str) -> bool {
    let t = form_labels::normal(text);
    [
        "备注",
        "说明：",
        "注：",
        "填报人",
        "填表人",
        "审核人",
        "单位负责人",
        "联系电话",
        "填报日期",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// What the head of one table has read so far.
struct Head {
    form: Form,
    table: Table,
    /// The label waiting for its value, and the value's pieces.
    pending: Option<(Found, Vec<String>)>,
    /// How often each of the form's labels was read.
    seen: Vec<usize>,
    /// The goal columns named so far, and the lines under them.
    goal_fields: Vec<Field>,
    goal_lines: Vec<String>,
}

impl Head {
    /// The field a label names this time (the first 其他资金 is the
    /// project's, the next the year's); `None` for a block's name.
    fn field_of(&mut self, found: &Found) -> Option<Field> {
        let n = self.seen[found.alias];
        self.seen[found.alias] += 1;
        let last = found.fields.len().checked_sub(1)?;
        Some(found.fields[n.min(last)])
    }

    /// Gives the waiting label its value.
    fn flush(&mut self) {
        let Some((found, pieces)) = self.pending.take() else {
            return;
        };
        let value = join_wrapped(&pieces);
        if let Some(u) = found.unit {
            self.table.money_unit = u;
        }
        match self.field_of(&found) {
            Some(field) => field.set_text(&mut self.table, &value),
            // A block's name broken before its note: `项目资金` / `（元）`.
            None => {
                let note = value.trim_matches(['(', ')', '（', '）']);
                if let Some(u) = MoneyUnit::parse(note) {
                    self.table.money_unit = u;
                }
            }
        }
    }

    /// One line of the head.
    fn line(&mut self, text: &str) {
        let labels = form_labels::labels_in_line(self.form, text);
        if !self.goal_fields.is_empty() {
            // Under the goal columns every line is goals, until a line
            // starts with a label: another field's, or the next goal
            // column's heading on a line of its own (which joins the
            // columns named so far while none has text yet).
            match labels.first() {
                Some((0, _, f)) if !is_goal(f) || !self.goal_lines.is_empty() => {
                    self.finish_goals()
                }
                Some((0, _, _)) => {}
                _ => {
                    self.goal_lines.push(text.to_string());
                    return;
                }
            }
        }
        let mut at = 0;
        for (start, end, found) in labels {
            self.text(&text[at..start]);
            at = end;
            self.flush();
            if is_goal(&found) {
                if let Some(field) = self.field_of(&found) {
                    self.goal_fields.push(field);
                }
                continue;
            }
            if !self.goal_fields.is_empty() {
                self.finish_goals();
            }
            self.pending = Some((found, Vec::new()));
        }
        let rest = &text[at..];
        if !self.goal_fields.is_empty() {
            if !rest.trim().is_empty() {
                self.goal_lines.push(rest.trim().to_string());
            }
        } else {
            self.text(rest);
        }
    }

    /// Text between labels: more of the waiting label's value.
    fn text(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if let Some((_, pieces)) = &mut self.pending {
            pieces.push(text.to_string());
        }
    }

    fn finish_goals(&mut self) {
        let fields = std::mem::take(&mut self.goal_fields);
        let lines = std::mem::take(&mut self.goal_lines);
        goals::assign(&mut self.table, &fields, &lines);
    }
}

/// Whether a label names a goal column (the goals or the overall goal).
fn is_goal(found: &Found) -> bool {
    found
        .fields
        .iter()
        .any(|f| matches!(f, Field::Goals | Field::OverallGoal))
}

/// Pieces of a value wrapped over lines, joined back: no space between
/// Chinese pieces, one between two Latin letters or digits.
pub(crate) fn join_wrapped(pieces: &[String]) -> String {
    let mut out = String::new();
    for p in pieces {
        let p = p.trim();
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(out.chars().last()) && latin(p.chars().next()) {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

fn parse_table(lines: &[Line], form: Form) -> Table {
    let mut head = Head {
        form,
        table: empty_table(form),
        pending: None,
        seen: vec![0; form.spec().aliases.len()],
        goal_fields: Vec::new(),
        goal_lines: Vec::new(),
    };
    let mut rest = lines;
    if let Some(first) = rest.first() {
        if let Some(year) = form_labels::title(form, &first.text) {
            head.table.year = year;
            rest = &rest[1..];
        }
    }
    if let Some(next) = rest.first() {
        if let Some(year) = form_labels::year_line(&next.text) {
            head.table.year = Some(year);
            rest = &rest[1..];
        }
    }
    let header = rest
        .iter()
        .position(|l| is_indicator_header(&l.text))
        .unwrap_or(rest.len());
    for line in &rest[..header] {
        head.line(&line.text);
    }
    head.flush();
    if !head.goal_fields.is_empty() {
        head.finish_goals();
    }
    let mut table = head.table;
    let body: Vec<&str> = rest[header..]
        .iter()
        .map(|l| l.text.as_str())
        .take_while(|t| !is_footer(t))
        .collect();
    table.indicators = indicators::parse(&body, table.framework);
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture() {
        for t in ["第 1 页", "第1页 共3页", "- 2 -", "— 12 —", "2/5"] {
            assert!(is_page_furniture(t), "{t}");
        }
        for t in ["第一级", "985米", "2026/1/1", "-5", "第 1 页说明"] {
            assert!(!is_page_furniture(t), "{t}");
        }
    }

    #[test]
    fn goal_headings_on_lines_of_their_own() {
        let text = "财政项目支出绩效目标申报表\n项目名称 某项目\n项目总体目标\n年度总体目标\n\"1.甲。\" \"1.乙。\"\n一级指标 二级指标 三级指标 年度指标值";
        let t = import(text, Form::Shanghai).unwrap().tables.remove(0);
        assert_eq!(
            (t.overall_goal.as_deref(), t.goals.as_slice()),
            (Some("1.甲。"), &["乙。".to_string()][..])
        );
        let text = "财政项目支出绩效目标申报表\n项目总目标\n1.甲。\n2.丙。\n年度总体目标\n1.乙。\n一级指标";
        let t = import(text, Form::Shanghai).unwrap().tables.remove(0);
        assert_eq!(t.overall_goal.as_deref(), Some("1.甲。\n2.丙。"));
        assert_eq!(t.goals, ["乙。"]);
    }

    #[test]
    fn wrapped_values_join_back() {
        let p = |v: &[&str]| join_wrapped(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            p(&["长风路-曹杨路地道改建工", "程"]),
            "长风路-曹杨路地道改建工程"
        );
        assert_eq!(p(&["LED", "lamps"]), "LED lamps");
        assert_eq!(p(&[]), "");
    }
}
