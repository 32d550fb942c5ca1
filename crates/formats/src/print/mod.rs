//! The print view: tables in the official published layout, as HTML.
//!
//! The layout is the one of the published documents (see the fixture
//! `tests/fixtures/tianjin-2025-tables-1-8.txt`):
//!
//! ```text
//! 1.<项目名称>绩效目标表
//! 331202天津市科学技术发展战略研究院                       单位：万元
//! ┌────────────┬───────────────────────────────────────────────────┐
//! │ 项目名称   │ <项目名称>                                        │
//! ├────────────┼──────┬──────┬──────────────┬──────┬────────┬──────┤
//! │ 预算规模及 │预算数│45.00 │其中：财政资金│45.00 │其他资金│      │
//! │ 资金用途   ├──────┴──────┴──────────────┴──────┴────────┴──────┤
//! │            │ <资金用途>                                        │
//! ├────────────┼───────────────────────────────────────────────────┤
//! │ 绩效目标   │ 1.…                                               │
//! └────────────┴───────────────────────────────────────────────────┘
//! ┌────────┬────────┬─────────────┬─────────────┬────────┐
//! │一级指标│二级指标│ 三级指标    │绩效指标描述 │ 指标值 │
//! ├────────┼────────┼─────────────┼─────────────┼────────┤
//! │产出指标│数量指标│ …           │ …           │ 3个    │  一级 merged over its rows,
//! │        ├────────┼─────────────┼─────────────┼────────┤  二级 merged over consecutive
//! │        │质量指标│ …           │ …           │ ≥70分  │  rows with the same 二级
//! ```
//!
//! The budget row has seven cells and the indicator rows five, so all of it
//! sits on one grid of [`COLUMNS`] = 7 columns: the 三级 and 描述 cells each
//! span two. [`grid`] builds that grid once; the print view, the `.xlsx`
//! ([`crate::xlsx`]), the `.docx` ([`crate::docx`]) and the tab-separated
//! text ([`crate::tsv`]) all draw it, so they cannot disagree.
//!
//! Each table prints in the layout of its form: the rows are the form's
//! printed layout (`crates/domain/src/form/layout.rs`, drawn by
//! `crates/formats/src/print/grid.rs`). On the Tianjin form above, fields
//! other provinces' forms add (主管部门, 实施单位, 项目资金总额, 计划开始/完成
//! 日期, 项目总目标) get rows of their own only when filled, so a Tianjin
//! table prints exactly like the published one. The 上海 申报表
//! (`crates/domain/src/form/shanghai.rs`) prints its title and year, its
//! header fields, the 项目资金（元） block with amounts as `5,200,000.00`,
//! the two goals side by side, and four indicator columns.
//!
//! Every piece of text is HTML-escaped: authors paste whatever they have,
//! and a shared file may be hostile.

mod grid;

use rust_decimal::Decimal;

use grid::lf;
pub use grid::{grid, numbered_goals, title, Cell, Part, Role, Row, COLUMNS, COLUMN_PERCENT};
use jixiao_domain::budget::MoneyUnit;
use jixiao_domain::lang::{group_thousands, grouped, Text};
use jixiao_domain::table::Table;

/// The budget total of several tables, for the cover line of a unit's
/// documents printed together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSummary {
    /// How many tables.
    pub tables: usize,
    /// The unit code and name, when every table has the same one.
    pub unit: Option<String>,
    /// Sum of the 预算数 that are numbers, exact, in `money_unit`.
    pub total: Decimal,
    /// The unit of `total`: the first table's.
    pub money_unit: MoneyUnit,
    /// Whether some tables are in another money unit (converted exactly).
    pub mixed_units: bool,
    /// Tables whose 预算数 is blank or not a number (not in the total).
    pub not_counted: usize,
}

/// Adds up the 预算数 of `tables` in the first table's money unit.
pub fn unit_summary(tables: &[Table]) -> UnitSummary {
    let money_unit = tables.first().map(|t| t.money_unit).unwrap_or_default();
    let unit_of = |t: &Table| format!("{}{}", t.unit_code.trim(), t.unit_name.trim());
    let unit = tables
        .first()
        .map(unit_of)
        .filter(|u| !u.is_empty() && tables.iter().all(|t| unit_of(t) == *u));
    let mut total = Decimal::ZERO;
    let mut not_counted = 0;
    let mut mixed_units = false;
    for t in tables {
        mixed_units |= t.money_unit != money_unit;
        // 1 元 = 0.0001 万元 exactly: conversions are by powers of ten.
        let converted = t.budget.total.decimal().and_then(|d| {
            d.checked_mul(t.money_unit.in_yuan())?
                .checked_div(money_unit.in_yuan())
        });
        match converted.and_then(|d| total.checked_add(d)) {
            Some(sum) => total = sum,
            None => not_counted += 1,
        }
    }
    UnitSummary {
        tables: tables.len(),
        unit,
        total,
        money_unit,
        mixed_units,
        not_counted,
    }
}

impl UnitSummary {
    /// The cover line in both languages: `<单位>：共 8 张绩效目标表，预算数合计
    /// 198.00万元。` / `<unit>: 8 performance target tables, total budget
    /// 198.00 万元.` (the money unit as the form writes it).
    pub fn line(&self) -> Text {
        Text::owned(self.line_zh(), self.line_en())
    }

    fn line_en(&self) -> String {
        let mut s = String::new();
        if let Some(unit) = &self.unit {
            s.push_str(unit);
            s.push_str(": ");
        }
        let tables = match self.tables {
            1 => "1 performance target table".to_string(),
            n => format!("{} performance target tables", grouped(n)),
        };
        s.push_str(&format!(
            "{tables}, total budget {} {}",
            group_thousands(&self.total.to_string()),
            self.money_unit.label()
        ));
        if self.mixed_units {
            s.push_str(&format!(
                " (the tables use different money units, converted to {})",
                self.money_unit.label()
            ));
        }
        match self.not_counted {
            0 => {}
            1 => s.push_str(" (1 table's budget is blank or not a number and is not counted)"),
            n => s.push_str(&format!(
                " ({} tables' budgets are blank or not numbers and are not counted)",
                grouped(n)
            )),
        }
        s.push('.');
        s
    }

    /// The cover line in Chinese (the printed form's language): `line().zh`.
    pub fn line_zh(&self) -> String {
        let mut s = String::new();
        if let Some(unit) = &self.unit {
            s.push_str(unit);
            s.push('：');
        }
        s.push_str(&format!(
            "共 {} 张绩效目标表，预算数合计 {}{}",
            self.tables,
            self.total,
            self.money_unit.label()
        ));
        if self.mixed_units {
            s.push_str(&format!(
                "（各表金额单位不同，已按{}折算）",
                self.money_unit.label()
            ));
        }
        if self.not_counted > 0 {
            s.push_str(&format!(
                "（其中 {} 张表的预算数空缺或不是数字，未计入合计）",
                self.not_counted
            ));
        }
        s.push('。');
        s
    }
}

/// How [`document_html`] prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// Put a cover line with the count of tables and the total budget
    /// before the first table (for a unit's documents printed together).
    pub summary: bool,
    /// A whole page (`<!DOCTYPE html>` with [`PRINT_CSS`] inlined), for a
    /// print window or a saved `.html`; otherwise a fragment whose host page
    /// includes [`PRINT_CSS`].
    pub standalone: bool,
}

/// The stylesheet of the print view: A4 portrait, 宋体, black 0.5pt rules,
/// one table per page, the indicator header repeated on a continuation page.
pub const PRINT_CSS: &str = r#"@page{size:A4 portrait;margin:20mm 15mm 18mm 15mm}
.print-doc{font-family:"SimSun","宋体","NSimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif;color:#000;font-size:10.5pt;line-height:1.45}
.print-summary{margin:0 0 10pt;font-size:12pt}
.print-table{break-after:page;page-break-after:always}
.print-table:last-child{break-after:auto;page-break-after:auto}
.print-title{font-size:16pt;font-weight:bold;text-align:center;margin:0 0 10pt;overflow-wrap:anywhere}
.print-meta{display:flex;justify-content:space-between;gap:1em;margin:0 0 3pt}
.print-meta span{overflow-wrap:anywhere}
.print-grid{width:100%;border-collapse:collapse;table-layout:fixed}
.print-grid th,.print-grid td{border:.5pt solid #000;padding:2pt 3pt;text-align:center;vertical-align:middle;font-weight:normal;overflow-wrap:anywhere;word-break:break-word}
.print-grid td.txt{text-align:left}
.print-grid thead{display:table-header-group}
.print-grid tr{break-inside:avoid;page-break-inside:avoid}
.print-block{break-after:avoid;page-break-after:avoid}
.print-block tr:last-child>*{border-bottom:none}
@media screen{.print-doc{background:#eee;padding:12px}.print-summary,.print-table{background:#fff;max-width:180mm;margin:0 auto 12px;padding:15mm;box-shadow:0 1px 4px rgba(0,0,0,.25)}.print-summary{padding:6mm 15mm}}
@media print{.print-doc{background:none}}
"#;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Escaped text with its line breaks as `<br>`.
fn push_lines(out: &mut String, text: &str) {
    let text = lf(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        push_escaped(out, line);
    }
}

fn push_colgroup(out: &mut String) {
    out.push_str("<colgroup>");
    for p in COLUMN_PERCENT {
        out.push_str(&format!("<col style=\"width:{p}%\">"));
    }
    out.push_str("</colgroup>");
}

fn push_cell(out: &mut String, c: &Cell) {
    let tag = if c.role == Role::Label { "th" } else { "td" };
    out.push('<');
    out.push_str(tag);
    if c.rowspan > 1 {
        out.push_str(&format!(" rowspan=\"{}\"", c.rowspan));
    }
    if c.colspan > 1 {
        out.push_str(&format!(" colspan=\"{}\"", c.colspan));
    }
    if c.role == Role::Text {
        out.push_str(" class=\"txt\"");
    }
    out.push('>');
    push_lines(out, &c.text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn push_rows<'a>(out: &mut String, rows: impl Iterator<Item = &'a Row>) {
    for r in rows {
        out.push_str("<tr>");
        for c in &r.cells {
            push_cell(out, c);
        }
        out.push_str("</tr>");
    }
}

/// One table as a `<section class="print-table">`.
pub fn table_html(number: usize, table: &Table) -> String {
    let rows = grid(number, table);
    let mut out = String::with_capacity(4096);
    out.push_str("<section class=\"print-table\">");
    for r in &rows {
        match r.part {
            Part::Title => {
                out.push_str("<h2 class=\"print-title\">");
                push_lines(&mut out, &r.cells[0].text);
                out.push_str("</h2>");
            }
            Part::Meta => {
                out.push_str("<div class=\"print-meta\">");
                for c in &r.cells {
                    out.push_str("<span>");
                    push_lines(&mut out, &c.text);
                    out.push_str("</span>");
                }
                out.push_str("</div>");
            }
            _ => {}
        }
    }
    out.push_str("<table class=\"print-grid print-block\">");
    push_colgroup(&mut out);
    out.push_str("<tbody>");
    push_rows(&mut out, rows.iter().filter(|r| r.part == Part::Block));
    out.push_str("</tbody></table><table class=\"print-grid print-indicators\">");
    push_colgroup(&mut out);
    out.push_str("<thead>");
    push_rows(&mut out, rows.iter().filter(|r| r.part == Part::Head));
    out.push_str("</thead><tbody>");
    push_rows(&mut out, rows.iter().filter(|r| r.part == Part::Body));
    out.push_str("</tbody></table></section>");
    out
}

/// The print view of `tables`, numbered `1.`, `2.` … in order, one per page.
pub fn document_html(tables: &[Table], options: &PrintOptions) -> String {
    let mut body = String::with_capacity(4096 * tables.len().max(1));
    body.push_str("<div class=\"print-doc\">");
    if options.summary {
        body.push_str("<p class=\"print-summary\">");
        push_escaped(&mut body, &unit_summary(tables).line_zh());
        body.push_str("</p>");
    }
    for (i, t) in tables.iter().enumerate() {
        body.push_str(&table_html(i + 1, t));
    }
    body.push_str("</div>");
    if !options.standalone {
        return body;
    }
    let heading = match tables {
        [one] => title(1, one).replace('\n', " "),
        _ => "绩效目标表".to_string(),
    };
    let mut page = String::with_capacity(body.len() + PRINT_CSS.len() + 256);
    page.push_str("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
    push_escaped(&mut page, &heading);
    page.push_str("</title><style>");
    page.push_str(PRINT_CSS);
    page.push_str("</style></head><body>");
    page.push_str(&body);
    page.push_str("</body></html>");
    page
}
