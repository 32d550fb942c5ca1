//! How two versions of a table differ, for the conflict prompt: which
//! fields and rows changed, each with both texts, shortened.
//!
//! Indicator rows are matched by content (longest common subsequence), so a
//! row inserted at the top reads as one added row, not every row changed.
//! The places and the placeholders are given in both languages ([`Text`]);
//! the texts compared are the author's, as written.

use jixiao_domain::rules::{Column, Field};
use jixiao_domain::{Framework, Indicator, Lang, MoneyUnit, Table, Text};

/// One difference between their version and mine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where: "项目名称", "绩效目标 2", "第 3 行指标 · 指标值"
    /// ("Project name", "Goal 2", "Indicator row 3, target value").
    pub what: Text,
    /// Their text ("（无）" / "(none)" when they do not have it).
    pub theirs: Text,
    pub mine: Text,
}

/// Texts longer than this are cut with "…".
const SHOW_CHARS: usize = 40;
/// Beyond this many rows, rows are compared by position.
const LCS_CELLS: usize = 4_000_000;

/// What stands for a text they (or I) do not have at all.
fn none() -> Text {
    Text::new("（无）", "(none)")
}

/// `s` shortened; an empty text is shown as "（空）" / "(empty)".
fn short(s: &str) -> Text {
    let s = s.trim();
    if s.is_empty() {
        return Text::new("（空）", "(empty)");
    }
    let mut out: String = s.chars().take(SHOW_CHARS).collect();
    if s.chars().count() > SHOW_CHARS {
        out.push('…');
    }
    Text::same(out)
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// The money unit: the form's word, with its size in English (as the
/// editor's unit select shows it).
fn money_unit(u: MoneyUnit) -> Text {
    match u {
        MoneyUnit::Yuan => Text::new(u.label(), "元 (yuan)"),
        MoneyUnit::Wan => Text::new(u.label(), "万元 (10,000 yuan)"),
        MoneyUnit::Yi => Text::new(u.label(), "亿元 (100 million yuan)"),
    }
}

/// A field's title in both languages.
fn named(f: Field) -> Text {
    Text::owned(f.title(Lang::Zh), f.title(Lang::En))
}

/// A difference in a field, if its texts differ.
fn field(out: &mut Vec<Difference>, what: Text, theirs: &str, mine: &str) {
    if theirs != mine {
        out.push(Difference {
            what,
            theirs: short(theirs),
            mine: short(mine),
        });
    }
}

/// Every difference between `theirs` and `mine`, in the order of the form.
pub fn differences(theirs: &Table, mine: &Table) -> Vec<Difference> {
    let mut out = Vec::new();
    let (t, m) = (theirs, mine);
    field(&mut out, named(Field::UnitCode), &t.unit_code, &m.unit_code);
    field(&mut out, named(Field::UnitName), &t.unit_name, &m.unit_name);
    let department = Text::new("主管部门", "Supervising department");
    field(&mut out, department, opt(&t.department), opt(&m.department));
    let implementer = Text::new("实施单位", "Implementing unit");
    field(
        &mut out,
        implementer,
        opt(&t.implementer),
        opt(&m.implementer),
    );
    field(&mut out, named(Field::Project), &t.project, &m.project);
    if t.money_unit != m.money_unit {
        out.push(Difference {
            what: named(Field::MoneyUnit),
            theirs: money_unit(t.money_unit),
            mine: money_unit(m.money_unit),
        });
    }
    field(
        &mut out,
        named(Field::PlanStart),
        opt(&t.plan_start),
        opt(&m.plan_start),
    );
    field(
        &mut out,
        named(Field::PlanEnd),
        opt(&t.plan_end),
        opt(&m.plan_end),
    );
    let amounts = [
        (Field::TotalFunds, &t.total_funds, &m.total_funds),
        (Field::BudgetTotal, &t.budget.total, &m.budget.total),
        (Field::BudgetFiscal, &t.budget.fiscal, &m.budget.fiscal),
        (Field::BudgetOther, &t.budget.other, &m.budget.other),
    ];
    for (f, a, b) in amounts {
        field(&mut out, named(f), &a.text(), &b.text());
    }
    field(&mut out, named(Field::Purpose), &t.purpose, &m.purpose);
    let overall = Text::new("项目总目标", "Overall goal");
    field(
        &mut out,
        overall,
        opt(&t.overall_goal),
        opt(&m.overall_goal),
    );
    for i in 0..theirs.goals.len().max(mine.goals.len()) {
        let (a, b) = (theirs.goals.get(i), mine.goals.get(i));
        if a != b {
            out.push(Difference {
                what: Text::owned(format!("绩效目标 {}", i + 1), format!("Goal {}", i + 1)),
                theirs: a.map_or_else(none, |s| short(s)),
                mine: b.map_or_else(none, |s| short(s)),
            });
        }
    }
    if theirs.framework != mine.framework {
        let edition = |f: Framework| {
            Text::owned(format!("{}版", f.label()), format!("{} edition", f.label()))
        };
        out.push(Difference {
            what: Text::new("指标体系", "Indicator framework"),
            theirs: edition(theirs.framework),
            mine: edition(mine.framework),
        });
    }
    rows(&theirs.indicators, &mine.indicators, &mut out);
    out
}

/// A row in a few words: 三级指标 and 指标值.
fn row_text(r: &Indicator) -> Text {
    let name = r.name.trim();
    let value = r.value.trim();
    match (name.is_empty(), value.is_empty()) {
        (true, true) => short(&format!("{}/{}", r.level1.trim(), r.level2.trim())),
        (false, true) => short(name),
        (true, false) => short(value),
        (false, false) => {
            let zh = short(&format!("{name}：{value}"));
            let en = short(&format!("{name}: {value}"));
            Text::owned(zh.zh, en.en)
        }
    }
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
                    let row = j + k + 1;
                    out.push(Difference {
                        what: Text::owned(
                            format!("第 {row} 行指标 · {}", col.label().zh),
                            format!("Indicator row {row}, {}", col.label().en),
                        ),
                        theirs: short(x),
                        mine: short(y),
                    });
                }
            }
        }
        for r in &theirs[i + paired..ai] {
            out.push(Difference {
                what: Text::new("指标行（仅对方有）", "Indicator row (only theirs)"),
                theirs: row_text(r),
                mine: none(),
            });
        }
        for (k, r) in mine[j + paired..aj].iter().enumerate() {
            let row = j + paired + k + 1;
            out.push(Difference {
                what: Text::owned(
                    format!("第 {row} 行指标（仅我的有）"),
                    format!("Indicator row {row} (only mine)"),
                ),
                theirs: none(),
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
    use jixiao_domain::{edit, Amount};
    use jixiao_formats::examples;

    /// The differences as the page shows them in `lang`: (what, theirs, mine).
    fn shown(theirs: &Table, mine: &Table, lang: Lang) -> Vec<(String, String, String)> {
        differences(theirs, mine)
            .into_iter()
            .map(|d| {
                (
                    d.what.into_lang(lang),
                    d.theirs.into_lang(lang),
                    d.mine.into_lang(lang),
                )
            })
            .collect()
    }

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
        let d = shown(&theirs, &mine, Lang::Zh);
        let whats: Vec<&str> = d.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(whats, ["项目名称", "预算数", "绩效目标 1", "绩效目标 2"]);
        assert_eq!(d[0].1, "（空）");
        assert_eq!(d[0].2, "科技统计");
        assert_eq!(d[1].2, "45.00");
        assert_eq!(d[3].1, "（无）");
    }

    #[test]
    fn long_texts_are_cut() {
        let theirs = edit::new_table();
        let mut mine = theirs.clone();
        mine.purpose = "用".repeat(100);
        let d = shown(&theirs, &mine, Lang::Zh);
        assert_eq!(d[0].2.chars().count(), SHOW_CHARS + 1);
        assert!(d[0].2.ends_with('…'));
    }

    #[test]
    fn an_inserted_row_is_one_difference() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..5).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators.insert(0, row("新指标", "2个"));
        let d = shown(&theirs, &mine, Lang::Zh);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, "第 1 行指标（仅我的有）");
        assert_eq!(d[0].2, "新指标：2个");
        // And the other way round.
        let d = shown(&mine, &theirs, Lang::Zh);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, "指标行（仅对方有）");
    }

    #[test]
    fn a_changed_cell_names_its_row_and_column() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..4).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators[2].value = "≥3个".into();
        mine.indicators.remove(0);
        let d = shown(&theirs, &mine, Lang::Zh);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].0, "指标行（仅对方有）");
        assert_eq!(d[0].1, "指标0：1个");
        assert_eq!(d[1].0, "第 2 行指标 · 指标值");
        assert_eq!((d[1].1.as_str(), d[1].2.as_str()), ("1个", "≥3个"));
    }

    #[test]
    fn places_and_placeholders_follow_the_language() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..3).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.project = "科技统计".into();
        mine.money_unit = MoneyUnit::Yuan;
        mine.goals = vec![String::new(), "完成测评".into()];
        mine.indicators[1].value = "≥3个".into();
        mine.indicators.push(row("新指标", "2个"));
        let d = shown(&theirs, &mine, Lang::En);
        let whats: Vec<&str> = d.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(
            whats,
            [
                "Project name",
                "Money unit",
                "Goal 2",
                "Indicator row 2, target value",
                "Indicator row 4 (only mine)",
            ],
            "{d:?}"
        );
        assert_eq!(d[0].1, "(empty)");
        assert_eq!(d[0].2, "科技统计", "the author's text stays as written");
        assert_eq!(
            (d[1].1.as_str(), d[1].2.as_str()),
            ("万元 (10,000 yuan)", "元 (yuan)")
        );
        assert_eq!(d[2].1, "(none)");
        assert_eq!(d[4].2, "新指标: 2个");
        let d = shown(&mine, &theirs, Lang::En);
        assert_eq!(d.last().unwrap().0, "Indicator row (only theirs)");
        // The same differences in Chinese, in the same order.
        assert_eq!(shown(&theirs, &mine, Lang::Zh).len(), 5);
    }

    #[test]
    fn huge_tables_compare_by_position() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..2100).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators[7].name = "改".into();
        let d = shown(&theirs, &mine, Lang::Zh);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, "第 8 行指标 · 三级指标");
    }
}
