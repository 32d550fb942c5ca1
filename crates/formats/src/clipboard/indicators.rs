//! The indicator rows: the header row (`一级指标 二级指标 …`, in any
//! order, possibly over a second header row) names the columns; blank
//! 一级/二级 cells (merged cells) inherit from the row above; split
//! value/type/unit columns are put back together as one 指标值.

use super::grid::Row;
use crate::layout::{self, Col};
use jixiao_domain::framework::{Framework, Level1, Level2};
use jixiao_domain::table::Indicator;

/// Columns of the indicator rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Level1,
    Level2,
    Name,
    Description,
    Value,
    Unit,
    /// 指标值类型 / 指标性质: 定量, 定性, or a comparison.
    ValueType,
    Other,
}

const KINDS: usize = 8;

fn kind_of(text: &str) -> Kind {
    match layout::column_of(text) {
        Col::Level1 => Kind::Level1,
        Col::Level2 => Kind::Level2,
        Col::Name => Kind::Name,
        Col::Description => Kind::Description,
        Col::Value => Kind::Value,
        Col::Unit => Kind::Unit,
        Col::Ignored => match layout::squeeze(text).trim_end_matches([':', '：']) {
            "一级指标名称" => Kind::Level1,
            "二级指标名称" => Kind::Level2,
            "指标值类型" | "指标类型" | "指标性质" | "值类型" | "指标值性质" | "运算符号"
            | "运算符" | "比较符号" | "符号" => Kind::ValueType,
            _ => Kind::Other,
        },
    }
}

pub(super) fn is_indicator_header(row: &Row) -> bool {
    let (mut l1, mut l2, mut name) = (false, false, false);
    for c in &row.cells {
        if c.is_empty() || c.chars().count() > 12 {
            continue;
        }
        match kind_of(c) {
            Kind::Level1 => l1 = true,
            Kind::Level2 => l2 = true,
            Kind::Name => name = true,
            _ => {}
        }
    }
    l1 || (l2 && name)
}

/// Rows after the indicator rows: notes and signatures.
fn is_footer(row: &Row) -> bool {
    let Some(first) = row.cells.iter().find(|c| !c.is_empty()) else {
        return false;
    };
    let t = layout::squeeze(first);
    [
        "备注",
        "说明",
        "注:",
        "注：",
        "填报人",
        "填表人",
        "审核人",
        "单位负责人",
        "财务负责人",
        "联系人",
        "联系电话",
        "填报日期",
        "制表",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// The indicator rows, from the header row (`一级指标 …`) on, within the
/// header's own table. With `restore` (a form's fixed framework), a blank
/// 一级 cell that would inherit a 一级 its 二级 does not belong under (or
/// nothing) takes the 二级's 一级 in that framework instead: a 一级 cell
/// lost in a copy comes back.
pub(super) fn parse_indicators(rows: &[Row], restore: Option<Framework>) -> Vec<Indicator> {
    let Some(header) = rows.first() else {
        return Vec::new();
    };
    let mut cols: Vec<Kind> = header.cells.iter().map(|c| kind_of(c)).collect();
    // 年度指标值 beside a 实施期 value: the annual one counts.
    if header
        .cells
        .iter()
        .any(|c| layout::squeeze(c) == "年度指标值")
    {
        for (k, c) in cols.iter_mut().zip(&header.cells) {
            if *k == Kind::Value && layout::squeeze(c) != "年度指标值" {
                *k = Kind::Other;
            }
        }
    }
    // A merged header cell covers the blank slots to its right.
    for j in 1..cols.len() {
        if header.cells[j].is_empty() {
            cols[j] = cols[j - 1];
        }
    }
    // A second header row under merged cells (指标值 → 类型 / 值 / 单位).
    let mut start = 1;
    if let Some(sub) = rows.get(1) {
        let named: Vec<(usize, Kind)> = sub
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(j, c)| (j, kind_of(c)))
            .collect();
        if sub.block == header.block
            && !named.is_empty()
            && named.iter().all(|(_, k)| *k != Kind::Other)
        {
            for (j, k) in named {
                if j >= cols.len() {
                    cols.resize(j + 1, Kind::Other);
                }
                cols[j] = k;
            }
            start = 2;
        }
    }
    let width = cols.len();

    let mut out: Vec<Indicator> = Vec::new();
    let (mut last1, mut last2) = (String::new(), String::new());
    for row in &rows[start..] {
        if row.block != header.block || is_footer(row) || is_indicator_header(row) {
            break;
        }
        let mut len = row.cells.len();
        if !row.aligned {
            while len > width && row.cells[len - 1].is_empty() {
                len -= 1;
            }
        }
        let offset = if row.aligned {
            0
        } else {
            width.saturating_sub(len)
        };
        let mut slot: [&str; KINDS] = [""; KINDS];
        for (k, text) in row.cells[..len].iter().enumerate() {
            let kind = cols.get(k + offset).copied().unwrap_or(Kind::Other);
            if !text.is_empty() && slot[kind as usize].is_empty() {
                slot[kind as usize] = text;
            }
        }
        let main = [
            Kind::Level1,
            Kind::Level2,
            Kind::Name,
            Kind::Description,
            Kind::Value,
        ];
        if main.iter().all(|k| slot[*k as usize].is_empty()) {
            continue;
        }
        let mut ind = Indicator {
            level1: slot[Kind::Level1 as usize].to_string(),
            level2: slot[Kind::Level2 as usize].to_string(),
            name: slot[Kind::Name as usize].to_string(),
            description: slot[Kind::Description as usize].to_string(),
            value: compose_value(
                slot[Kind::Value as usize],
                slot[Kind::ValueType as usize],
                slot[Kind::Unit as usize],
            ),
        };
        if ind.level1.is_empty() {
            ind.level1 = last1.clone();
            if ind.level2.is_empty() {
                ind.level2 = last2.clone();
            }
            if let Some(fw) = restore {
                restore_level1(&mut ind, fw);
            }
        }
        last1 = ind.level1.clone();
        last2 = ind.level2.clone();
        out.push(ind);
    }
    out
}

/// The 一级 of a row whose 一级 cell was blank: the parent of its 二级 in
/// `fw` when the inherited one is not.
pub(crate) fn restore_level1(ind: &mut Indicator, fw: Framework) {
    let Some(parent) = Level2::parse(&ind.level2).and_then(|l2| fw.parent_of(l2)) else {
        return;
    };
    if Level1::parse(&ind.level1) != Some(parent) {
        ind.level1 = parent.name().to_string();
    }
}

/// 指标值 from split columns: the value, the comparison a 类型 column may
/// hold, and the 计量单位 (unless the value already ends with it, or is the
/// text of a 定性 indicator).
fn compose_value(value: &str, kind: &str, unit: &str) -> String {
    let mut out = value.trim().to_string();
    if out.is_empty() {
        return out;
    }
    let kind = layout::squeeze(kind);
    if let Some(cmp) = comparison(&kind) {
        if !starts_with_comparison(&out) {
            out.insert_str(0, cmp);
        }
    }
    let unit = unit.trim();
    let placeholder = matches!(unit, "" | "-" | "—" | "－" | "–" | "/" | "／" | "无");
    let text_value = kind.contains("定性") && !out.chars().any(|c| c.is_ascii_digit());
    if !placeholder && !text_value && !out.ends_with(unit) {
        out.push_str(unit);
    }
    out
}

fn comparison(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "≥" | ">=" | "≧" | "＞＝" | "大于等于" | "不低于" | "不少于" => "≥",
        "≤" | "<=" | "≦" | "＜＝" | "小于等于" | "不高于" | "不超过" => "≤",
        ">" | "＞" | "大于" => ">",
        "<" | "＜" | "小于" => "<",
        _ => return None,
    })
}

fn starts_with_comparison(value: &str) -> bool {
    value.starts_with(['≥', '≤', '>', '<', '=', '＝', '≧', '≦', '＞', '＜'])
        || [
            "不低于",
            "不少于",
            "至少",
            "不高于",
            "不超过",
            "至多",
            "大于",
            "小于",
            "等于",
        ]
        .iter()
        .any(|w| value.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_from_split_columns() {
        assert_eq!(compose_value("≥300", "定量", "人次"), "≥300人次");
        assert_eq!(compose_value("95%", "定量", "%"), "95%");
        assert_eq!(compose_value("95", "≥", "%"), "≥95%");
        assert_eq!(compose_value("≥95", "大于等于", "%"), "≥95%");
        assert_eq!(compose_value("达标", "定性", "个"), "达标");
        assert_eq!(compose_value("达标", "定性", ""), "达标");
        assert_eq!(compose_value("12", "", "—"), "12");
        assert_eq!(compose_value("", "定量", "个"), "");
    }
}
