//! From a grid to tables: where one table ends and the next begins (a
//! title, a second 项目名称, a second indicator header), then each table's
//! head block read label by label, with values beside their labels or
//! under them.

use super::grid::Row;
use super::indicators::{is_indicator_header, parse_indicators};
use super::labels::{key_of, trailing_unit, unit_line, Key, What};
use super::ClipboardError;
use crate::form_labels;
use crate::layout::{self, Label};
use jixiao_domain::budget::Amount;
use jixiao_domain::form::Form;
use jixiao_domain::framework::Framework;
use jixiao_domain::rules::Field;
use jixiao_domain::table::{Document, Table};

/// The project named by a title row (`1.<项目名称>绩效目标表`, alone in its
/// row or beside the money unit). A generic heading is no title.
fn title_of_row(row: &Row, keys: &[Option<Key>]) -> Option<String> {
    let mut non_empty = row.cells.iter().enumerate().filter(|(_, c)| !c.is_empty());
    let (j, first) = non_empty.next()?;
    if first.contains('\n') || !layout::is_title(first) {
        return None;
    }
    let others_are_units = non_empty.all(|(k, _)| {
        k != j
            && keys
                .get(k)
                .and_then(Option::as_ref)
                .is_some_and(|key| key.is(Label::MoneyUnit) || key.what == What::Marker)
    });
    if !others_are_units {
        return None;
    }
    let name = layout::title_project(first);
    let plain = layout::squeeze(&name);
    if plain.is_empty() || plain.ends_with("项目支出") || plain == "项目" {
        return None;
    }
    Some(name)
}

/// The year a row of a form's title gives: `Some(None)` for the title
/// alone, `Some(Some(year))` with its year (`（2026年度）`, on the title's
/// line or a line of its own). The default form has no such rows.
fn form_title(row: &Row, form: Form) -> Option<Option<String>> {
    if form.is_default() {
        return None;
    }
    let mut cells = row.cells.iter().filter(|c| !c.is_empty());
    let first = cells.next()?;
    if cells.next().is_some() {
        return None;
    }
    form_labels::title(form, first).or_else(|| form_labels::year_line(first).map(Some))
}

/// A row that belongs to the top of the next table: the unit line, the
/// money unit, the form's title, an empty row.
fn is_pre_head(row: &Row, keys: &[Option<Key>], form: Form) -> bool {
    let Some(j) = row.cells.iter().position(|c| !c.is_empty()) else {
        return true;
    };
    let first_key = keys.get(j).and_then(Option::as_ref);
    form_title(row, form).is_some()
        || keys.iter().flatten().any(|k| k.is(Label::MoneyUnit))
        || first_key.is_some_and(|k| k.is(Label::UnitName) || k.is(Label::UnitCode))
        || unit_line(&row.cells[j]).is_some()
}

pub(super) fn recognise(rows: Vec<Row>) -> Result<Document, ClipboardError> {
    if rows.iter().all(|r| r.cells.iter().all(String::is_empty)) {
        return Err(ClipboardError::empty());
    }
    let form = Form::detect(rows.iter().flat_map(|r| r.cells.iter().map(String::as_str)));
    let keys: Vec<Vec<Option<Key>>> = rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| if c.is_empty() { None } else { key_of(c, form) })
                .collect()
        })
        .collect();
    let headers: Vec<bool> = rows.iter().map(is_indicator_header).collect();

    // Split into tables: a title, a second 项目名称 or a second indicator
    // header starts the next one (with the unit rows just above it).
    let mut segments: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0;
    let (mut seen_title, mut seen_project, mut seen_header) = (false, false, false);
    for i in 0..rows.len() {
        let title = title_of_row(&rows[i], &keys[i]).is_some();
        let project = keys[i].iter().flatten().any(Key::is_project);
        let header = headers[i];
        let body = seen_project || seen_header;
        let split = if title && body {
            Some(i)
        } else if (project && body) || (header && seen_header) {
            let mut at = i;
            while at > start + 1 && is_pre_head(&rows[at - 1], &keys[at - 1], form) {
                at -= 1;
            }
            Some(at)
        } else {
            None
        };
        if let Some(at) = split {
            if at > start {
                segments.push((start, at, seen_title || seen_project || seen_header));
                start = at;
                seen_title = false;
                seen_project = false;
                seen_header = false;
            }
        }
        seen_title |= title;
        seen_project |= project;
        seen_header |= header;
    }
    segments.push((start, rows.len(), seen_title || seen_project || seen_header));

    let tables: Vec<Table> = segments
        .into_iter()
        .filter(|s| s.2)
        .map(|(s, e, _)| parse_table(&rows[s..e], &keys[s..e], &headers[s..e], form))
        .collect();
    if tables.is_empty() {
        return Err(ClipboardError::not_a_target_table());
    }
    Ok(Document { tables })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Budget,
    Purpose,
    Goals,
    OverallGoal,
}

/// What one table's header block has gathered so far.
struct Acc {
    table: Table,
    section: Section,
    title: Option<String>,
    purpose: Vec<String>,
    goals: Vec<String>,
    overall: Vec<String>,
    /// How often each of the form's own labels was read (the first 其他资金
    /// is the project's, the next the year's).
    seen: Vec<usize>,
}

impl Acc {
    /// One of the form's own labels, with its value.
    fn apply_field(
        &mut self,
        alias: usize,
        fields: &[Field],
        value: String,
        key: &Key,
        values: &[&str],
    ) {
        let Some(&field) = fields.get(self.seen[alias].min(fields.len().saturating_sub(1))) else {
            return; // a block's name (项目资金（元）, 项目绩效目标)
        };
        self.seen[alias] += 1;
        self.section = match field {
            Field::Goals => Section::Goals,
            Field::OverallGoal => Section::OverallGoal,
            Field::Purpose => Section::Purpose,
            f => {
                f.set_text(&mut self.table, &value);
                if f.is_amount() {
                    Section::Budget
                } else {
                    Section::Head
                }
            }
        };
        if key.is_section() {
            self.push_section(&key.inline);
            for v in values {
                self.push_section(v);
            }
        }
    }

    fn push_section(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.section {
            Section::Head => {}
            Section::Budget | Section::Purpose => {
                self.section = Section::Purpose;
                self.purpose.push(text.to_string());
            }
            Section::Goals => self.goals.extend(text.lines().map(str::to_string)),
            Section::OverallGoal => self.overall.push(text.to_string()),
        }
    }

    /// Text that no label claims: the unit line at the top, else more of
    /// the section it follows.
    fn loose(&mut self, text: &str, money_row: bool) {
        if self.section != Section::Head {
            self.push_section(text);
            return;
        }
        // `331202某某单位 单位：万元` on one line (the print view's unit row,
        // read as one paragraph): the money unit at its end.
        let (text, unit) = match trailing_unit(text) {
            Some((before, unit)) => (before, Some(unit)),
            None => (text, None),
        };
        if let Some(u) = unit {
            self.table.money_unit = u;
        }
        if !self.table.unit_name.is_empty() {
            return;
        }
        if let Some((code, name)) = unit_line(text) {
            self.table.unit_code = code;
            self.table.unit_name = name;
        } else if (money_row || unit.is_some()) && !text.is_empty() && !text.contains('\n') {
            self.table.unit_name = text.to_string();
        }
    }

    fn apply(&mut self, key: &Key, values: &[&str]) {
        if let Some(u) = key.unit {
            self.table.money_unit = u;
        }
        let value = if key.inline.is_empty() {
            values.first().map_or(String::new(), |v| v.to_string())
        } else {
            key.inline.clone()
        };
        let label = match key.what {
            What::Label(l) => l,
            What::Skip => {
                self.section = Section::Head;
                return;
            }
            What::Marker => return,
            What::Fields { alias, fields } => {
                return self.apply_field(alias, fields, value, key, values)
            }
        };
        let t = &mut self.table;
        match label {
            Label::MoneyUnit | Label::Level1Header => {}
            Label::UnitCode => t.unit_code = value,
            Label::UnitName => match unit_line(&value) {
                Some((code, name)) => {
                    t.unit_code = code;
                    t.unit_name = name;
                }
                None => t.unit_name = value,
            },
            Label::Project => t.project = value,
            Label::BudgetBlock => {}
            Label::Total => t.budget.total = Amount::parse(&value),
            Label::Fiscal => t.budget.fiscal = Amount::parse(&value),
            Label::Other => t.budget.other = Amount::parse(&value),
            Label::TotalFunds => t.total_funds = Amount::parse(&value),
            Label::Department => t.department = Some(value),
            Label::Implementer => t.implementer = Some(value),
            Label::PlanStart => t.plan_start = Some(value),
            Label::PlanEnd => t.plan_end = Some(value),
            Label::Purpose | Label::Goals | Label::OverallGoal => {}
        }
        self.section = match label {
            Label::BudgetBlock
            | Label::Total
            | Label::Fiscal
            | Label::Other
            | Label::TotalFunds => Section::Budget,
            Label::Purpose => Section::Purpose,
            Label::Goals => Section::Goals,
            Label::OverallGoal => Section::OverallGoal,
            Label::MoneyUnit | Label::Level1Header => self.section,
            _ => Section::Head,
        };
        if key.is_section() {
            self.push_section(&key.inline);
            for v in values {
                self.push_section(v);
            }
        }
    }

    /// A row of labels with their values beside them.
    fn horizontal(&mut self, row: &Row, keys: &[Option<Key>]) {
        let n = row.cells.len();
        let money_row = keys.iter().flatten().any(|k| k.is(Label::MoneyUnit));
        let mut j = 0;
        while j < n {
            let cell = row.cells[j].as_str();
            if cell.is_empty() {
                j += 1;
                continue;
            }
            let Some(key) = &keys[j] else {
                self.loose(cell, money_row);
                j += 1;
                continue;
            };
            j += 1;
            let mut values: Vec<&str> = Vec::new();
            if key.takes_value() && key.inline.is_empty() {
                while j < n && row.cells[j].is_empty() {
                    j += 1;
                }
                if j < n && keys[j].is_none() {
                    values.push(&row.cells[j]);
                    j += 1;
                }
            } else if key.is_section() {
                while j < n && keys[j].is_none() {
                    if !row.cells[j].is_empty() {
                        values.push(&row.cells[j]);
                    }
                    j += 1;
                }
            }
            self.apply(key, &values);
        }
    }

    /// A row of labels only, with their values in the row below, under
    /// each label. False (and nothing done) when the row below holds none.
    fn vertical(&mut self, row: &Row, keys: &[Option<Key>], below: &Row) -> bool {
        let labels: Vec<usize> = (0..row.cells.len())
            .filter(|&j| keys[j].is_some())
            .collect();
        let mut used = vec![false; below.cells.len()];
        let mut found: Vec<Vec<&str>> = vec![Vec::new(); labels.len()];
        for (n, &j) in labels.iter().enumerate() {
            let Some(key) = &keys[j] else { continue };
            let end = labels
                .get(n + 1)
                .copied()
                .unwrap_or(below.cells.len())
                .min(below.cells.len());
            for (k, cell) in below.cells.iter().enumerate().take(end).skip(j) {
                let cell = cell.as_str();
                if cell.is_empty() {
                    continue;
                }
                if key.is_section() {
                    found[n].push(cell);
                    used[k] = true;
                } else if key.takes_value() && key.inline.is_empty() {
                    if !key.is_amount() || matches!(Amount::parse(cell), Amount::Value(_)) {
                        found[n].push(cell);
                        used[k] = true;
                    }
                    break;
                }
            }
        }
        if !used.contains(&true) {
            return false;
        }
        for (n, &j) in labels.iter().enumerate() {
            if let Some(key) = &keys[j] {
                self.apply(key, &found[n]);
            }
        }
        for (k, cell) in below.cells.iter().enumerate() {
            if !used[k] && !cell.is_empty() {
                self.loose(cell, false);
            }
        }
        true
    }
}

fn parse_table(rows: &[Row], keys: &[Vec<Option<Key>>], headers: &[bool], form: Form) -> Table {
    let spec = form.spec();
    let mut table = Table::default();
    if !form.is_default() {
        table.form = form;
        table.money_unit = spec.money_unit;
    }
    let mut acc = Acc {
        table,
        section: Section::Head,
        title: None,
        purpose: Vec::new(),
        goals: Vec::new(),
        overall: Vec::new(),
        seen: vec![0; spec.aliases.len()],
    };
    let fixed = (spec.fixed_framework && !form.is_default()).then_some(spec.framework);
    let mut r = 0;
    while r < rows.len() {
        let row = &rows[r];
        let rk = &keys[r];
        if headers[r] {
            acc.table.indicators = parse_indicators(&rows[r..], fixed);
            break;
        }
        if let Some(year) = form_title(row, form) {
            if year.is_some() {
                acc.table.year = year;
            }
            r += 1;
            continue;
        }
        if let Some(name) = title_of_row(row, rk) {
            acc.title.get_or_insert(name);
            for key in rk.iter().flatten() {
                if let Some(u) = key.unit {
                    acc.table.money_unit = u;
                }
            }
            r += 1;
            continue;
        }
        let has_label = rk.iter().any(Option::is_some);
        let has_loose = row
            .cells
            .iter()
            .zip(rk)
            .any(|(c, k)| !c.is_empty() && k.is_none());
        if has_label && !has_loose {
            if let Some(below) = rows.get(r + 1) {
                let plain_below = below.block == row.block
                    && !headers[r + 1]
                    && keys[r + 1].iter().all(Option::is_none)
                    && title_of_row(below, &keys[r + 1]).is_none();
                if plain_below && acc.vertical(row, rk, below) {
                    r += 2;
                    continue;
                }
            }
        }
        acc.horizontal(row, rk);
        r += 1;
    }

    let mut table = acc.table;
    table.purpose = acc.purpose.join("\n");
    table.goals = layout::goals_from(&acc.goals);
    if !acc.overall.is_empty() {
        table.overall_goal = Some(acc.overall.join("\n"));
    }
    if table.project.trim().is_empty() {
        if let Some(name) = acc.title {
            table.project = name;
        }
    }
    table.framework = fixed
        .unwrap_or_else(|| Framework::detect(table.indicators.iter().map(|r| r.level1.as_str())));
    table
}

#[cfg(test)]
mod tests {
    use super::super::import_grid;
    use jixiao_domain::budget::MoneyUnit;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn vertical_header_rows() {
        let doc = import_grid(grid(&[
            &["项目名称", "主管部门", "实施单位"],
            &["某项目", "某局", "某中心"],
            &["预算数（元）", "财政资金", "其他资金"],
            &["450000.00", "400000.00", "50000.00"],
        ]))
        .unwrap();
        let t = &doc.tables[0];
        assert_eq!(t.project, "某项目");
        assert_eq!(t.department.as_deref(), Some("某局"));
        assert_eq!(t.implementer.as_deref(), Some("某中心"));
        assert_eq!(t.money_unit, MoneyUnit::Yuan);
        assert_eq!(t.budget.total.text(), "450000.00");
        assert_eq!(t.budget.other.text(), "50000.00");
    }

    #[test]
    fn a_blank_amount_does_not_take_the_text_below() {
        let doc = import_grid(grid(&[
            &["项目名称", "某项目", ""],
            &["预算数", "10", ""],
            &["", "其他资金", ""],
            &["", "用于开展某项工作。", ""],
        ]))
        .unwrap();
        let t = &doc.tables[0];
        assert!(t.budget.other.is_blank());
        assert_eq!(t.purpose, "用于开展某项工作。");
    }
}
