//! How two versions of a table differ, for the conflict prompt: which
//! fields and rows changed, each with both texts, shortened.
//!
//! Indicator rows are matched by content (longest common subsequence), so a
//! row inserted at the top reads as one added row, not every row changed.

use crate::domain::rules::{Column, Field};
use crate::domain::{Indicator, Table};

/// One difference between their version and mine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where: "项目名称", "绩效目标 2", "第 3 行指标 · 指标值".
    pub what: String,
    /// Their text ("（无）" when they do not have it).
    pub theirs: String,
    pub mine: String,
}

/// Texts longer than this are cut with "…".
const SHOW_CHARS: usize = 40;
/// Beyond this many rows, rows are compared by position.
const LCS_CELLS: usize = 4_000_000;
const NONE: &str = "（无）";
const EMPTY: &str = "（空）";

fn short(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        return EMPTY.to_string();
    }
    let mut out: String = s.chars().take(SHOW_CHARS).collect();
    if s.chars().count() > SHOW_CHARS {
        out.push('…');
    }
    out
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// Every difference between `theirs` and `mine`, in the order of the form.
pub fn differences(theirs: &Table, mine: &Table) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut field = |what: &str, a: &str, b: &str| {
        if a != b {
            out.push(Difference {
                what: what.to_string(),
                theirs: short(a),
                mine: short(b),
            });
        }
    };
    field(
        Field::UnitCode.label_zh(),
        &theirs.unit_code,
        &mine.unit_code,
    );
    field(
        Field::UnitName.label_zh(),
        &theirs.unit_name,
        &mine.unit_name,
    );
    field("主管部门", opt(&theirs.department), opt(&mine.department));
    field("实施单位", opt(&theirs.implementer), opt(&mine.implementer));
    field(Field::Project.label_zh(), &theirs.project, &mine.project);
    field(
        Field::MoneyUnit.label_zh(),
        theirs.money_unit.label(),
        mine.money_unit.label(),
    );
    field(
        Field::PlanStart.label_zh(),
        opt(&theirs.plan_start),
        opt(&mine.plan_start),
    );
    field(
        Field::PlanEnd.label_zh(),
        opt(&theirs.plan_end),
        opt(&mine.plan_end),
    );
    field(
        Field::TotalFunds.label_zh(),
        &theirs.total_funds.text(),
        &mine.total_funds.text(),
    );
    field(
        Field::BudgetTotal.label_zh(),
        &theirs.budget.total.text(),
        &mine.budget.total.text(),
    );
    field(
        Field::BudgetFiscal.label_zh(),
        &theirs.budget.fiscal.text(),
        &mine.budget.fiscal.text(),
    );
    field(
        Field::BudgetOther.label_zh(),
        &theirs.budget.other.text(),
        &mine.budget.other.text(),
    );
    field(Field::Purpose.label_zh(), &theirs.purpose, &mine.purpose);
    field(
        "项目总目标",
        opt(&theirs.overall_goal),
        opt(&mine.overall_goal),
    );
    for i in 0..theirs.goals.len().max(mine.goals.len()) {
        let (a, b) = (theirs.goals.get(i), mine.goals.get(i));
        if a != b {
            out.push(Difference {
                what: format!("绩效目标 {}", i + 1),
                theirs: a.map_or(NONE.to_string(), |s| short(s)),
                mine: b.map_or(NONE.to_string(), |s| short(s)),
            });
        }
    }
    if theirs.framework != mine.framework {
        out.push(Difference {
            what: "指标体系".into(),
            theirs: format!("{}版", theirs.framework.label()),
            mine: format!("{}版", mine.framework.label()),
        });
    }
    rows(&theirs.indicators, &mine.indicators, &mut out);
    out
}

/// A row in a few words: 三级指标 and 指标值.
fn row_text(r: &Indicator) -> String {
    let name = r.name.trim();
    let value = r.value.trim();
    let text = match (name.is_empty(), value.is_empty()) {
        (true, true) => format!("{}/{}", r.level1.trim(), r.level2.trim()),
        (false, true) => name.to_string(),
        (true, false) => value.to_string(),
        (false, false) => format!("{name}：{value}"),
    };
    short(&text)
}

fn cells(r: &Indicator) -> [(Column, &str); 5] {
    [
        (Column::Level1, r.level1.as_str()),
        (Column::Level2, r.level2.as_str()),
        (Column::Name, r.name.as_str()),
        (Column::Description, r.description.as_str()),
        (Column::Value, r.value.as_str()),
    ]
}

/// Pairs of (their index, my index) of rows that are equal, in order.
fn common(a: &[Indicator], b: &[Indicator]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > LCS_CELLS {
        return (0..n.min(m))
            .filter(|&i| a[i] == b[i])
            .map(|i| (i, i))
            .collect();
    }
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn rows(theirs: &[Indicator], mine: &[Indicator], out: &mut Vec<Difference>) {
    let mut anchors = common(theirs, mine);
    anchors.push((theirs.len(), mine.len()));
    let (mut i, mut j) = (0, 0);
    for (ai, aj) in anchors {
        // Between two equal rows: pair rows up as changed, the rest are
        // added (mine) or removed (theirs only).
        let paired = (ai - i).min(aj - j);
        for k in 0..paired {
            let (a, b) = (&theirs[i + k], &mine[j + k]);
            for ((col, x), (_, y)) in cells(a).into_iter().zip(cells(b)) {
                if x != y {
                    out.push(Difference {
                        what: format!("第 {} 行指标 · {}", j + k + 1, col.label_zh()),
                        theirs: short(x),
                        mine: short(y),
                    });
                }
            }
        }
        for r in &theirs[i + paired..ai] {
            out.push(Difference {
                what: "指标行（仅对方有）".into(),
                theirs: row_text(r),
                mine: NONE.into(),
            });
        }
        for (k, r) in mine[j + paired..aj].iter().enumerate() {
            out.push(Difference {
                what: format!("第 {} 行指标（仅我的有）", j + paired + k + 1),
                theirs: NONE.into(),
                mine: row_text(r),
            });
        }
        i = ai + 1;
        j = aj + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{edit, examples, Amount};

    fn row(name: &str, value: &str) -> Indicator {
        Indicator::new("产出指标", "数量指标", name, name, value)
    }

    #[test]
    fn equal_tables_have_no_differences() {
        let t = examples::get(0).unwrap();
        assert!(differences(&t, &t.clone()).is_empty());
    }

    #[test]
    fn fields_and_goals_show_both_texts() {
        let theirs = edit::new_table();
        let mut mine = theirs.clone();
        mine.project = "科技统计".into();
        mine.budget.total = Amount::parse("45.00");
        mine.goals = vec!["完成测评".into(), "稳定运行".into()];
        let d = differences(&theirs, &mine);
        let whats: Vec<&str> = d.iter().map(|d| d.what.as_str()).collect();
        assert_eq!(whats, ["项目名称", "预算数", "绩效目标 1", "绩效目标 2"]);
        assert_eq!(d[0].theirs, "（空）");
        assert_eq!(d[0].mine, "科技统计");
        assert_eq!(d[1].mine, "45.00");
        assert_eq!(d[3].theirs, "（无）");
    }

    #[test]
    fn long_texts_are_cut() {
        let theirs = edit::new_table();
        let mut mine = theirs.clone();
        mine.purpose = "用".repeat(100);
        let d = differences(&theirs, &mine);
        assert_eq!(d[0].mine.chars().count(), SHOW_CHARS + 1);
        assert!(d[0].mine.ends_with('…'));
    }

    #[test]
    fn an_inserted_row_is_one_difference() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..5).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators.insert(0, row("新指标", "2个"));
        let d = differences(&theirs, &mine);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].what, "第 1 行指标（仅我的有）");
        assert_eq!(d[0].mine, "新指标：2个");
        // And the other way round.
        let d = differences(&mine, &theirs);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].what, "指标行（仅对方有）");
    }

    #[test]
    fn a_changed_cell_names_its_row_and_column() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..4).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators[2].value = "≥3个".into();
        mine.indicators.remove(0);
        let d = differences(&theirs, &mine);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].what, "指标行（仅对方有）");
        assert_eq!(d[0].theirs, "指标0：1个");
        assert_eq!(d[1].what, "第 2 行指标 · 指标值");
        assert_eq!((d[1].theirs.as_str(), d[1].mine.as_str()), ("1个", "≥3个"));
    }

    #[test]
    fn huge_tables_compare_by_position() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..2100).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators[7].name = "改".into();
        let d = differences(&theirs, &mine);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].what, "第 8 行指标 · 三级指标");
    }
}
