//! How two versions of a table differ, for the conflict prompt: which
//! fields and rows changed, each with both texts, shortened.
//!
//! Indicator rows are matched by content (longest common subsequence), so a
//! row inserted at the top reads as one added row, not every row changed.
//! The places and the placeholders are worded in the page's language; the
//! texts compared are the author's, as written.

use jixiao_domain::rules::{Column, Field};
use jixiao_domain::{Indicator, Lang, MoneyUnit, Table};

/// One difference between their version and mine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where: "项目名称", "绩效目标 2", "第 3 行指标 · 指标值"
    /// ("Project name", "Goal 2", "Indicator row 3, target value").
    pub what: String,
    /// Their text ("（无）" / "(none)" when they do not have it).
    pub theirs: String,
    pub mine: String,
}

/// Texts longer than this are cut with "…".
const SHOW_CHARS: usize = 40;
/// Beyond this many rows, rows are compared by position.
const LCS_CELLS: usize = 4_000_000;

/// What stands for a text they (or I) do not have at all.
fn none(lang: Lang) -> String {
    lang.pick("（无）", "(none)").to_string()
}

/// `s` shortened; an empty text is shown as "（空）" / "(empty)".
fn short(s: &str, lang: Lang) -> String {
    let s = s.trim();
    if s.is_empty() {
        return lang.pick("（空）", "(empty)").to_string();
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

/// The money unit in `lang`: the form's word, with its size in English
/// (as the editor's unit select shows it).
fn money_unit(u: MoneyUnit, lang: Lang) -> &'static str {
    match (lang, u) {
        (Lang::Zh, u) => u.label(),
        (Lang::En, MoneyUnit::Yuan) => "元 (yuan)",
        (Lang::En, MoneyUnit::Wan) => "万元 (10,000 yuan)",
        (Lang::En, MoneyUnit::Yi) => "亿元 (100 million yuan)",
    }
}

/// Every difference between `theirs` and `mine`, in the order of the form,
/// worded in `lang`.
pub fn differences(theirs: &Table, mine: &Table, lang: Lang) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut field = |what: String, a: &str, b: &str| {
        if a != b {
            out.push(Difference {
                what,
                theirs: short(a, lang),
                mine: short(b, lang),
            });
        }
    };
    let named = |f: Field| f.title(lang);
    field(named(Field::UnitCode), &theirs.unit_code, &mine.unit_code);
    field(named(Field::UnitName), &theirs.unit_name, &mine.unit_name);
    field(
        lang.pick("主管部门", "Supervising department").into(),
        opt(&theirs.department),
        opt(&mine.department),
    );
    field(
        lang.pick("实施单位", "Implementing unit").into(),
        opt(&theirs.implementer),
        opt(&mine.implementer),
    );
    field(named(Field::Project), &theirs.project, &mine.project);
    field(
        named(Field::MoneyUnit),
        money_unit(theirs.money_unit, lang),
        money_unit(mine.money_unit, lang),
    );
    field(
        named(Field::PlanStart),
        opt(&theirs.plan_start),
        opt(&mine.plan_start),
    );
    field(
        named(Field::PlanEnd),
        opt(&theirs.plan_end),
        opt(&mine.plan_end),
    );
    field(
        named(Field::TotalFunds),
        &theirs.total_funds.text(),
        &mine.total_funds.text(),
    );
    field(
        named(Field::BudgetTotal),
        &theirs.budget.total.text(),
        &mine.budget.total.text(),
    );
    field(
        named(Field::BudgetFiscal),
        &theirs.budget.fiscal.text(),
        &mine.budget.fiscal.text(),
    );
    field(
        named(Field::BudgetOther),
        &theirs.budget.other.text(),
        &mine.budget.other.text(),
    );
    field(named(Field::Purpose), &theirs.purpose, &mine.purpose);
    field(
        lang.pick("项目总目标", "Overall goal").into(),
        opt(&theirs.overall_goal),
        opt(&mine.overall_goal),
    );
    for i in 0..theirs.goals.len().max(mine.goals.len()) {
        let (a, b) = (theirs.goals.get(i), mine.goals.get(i));
        if a != b {
            out.push(Difference {
                what: match lang {
                    Lang::Zh => format!("绩效目标 {}", i + 1),
                    Lang::En => format!("Goal {}", i + 1),
                },
                theirs: a.map_or_else(|| none(lang), |s| short(s, lang)),
                mine: b.map_or_else(|| none(lang), |s| short(s, lang)),
            });
        }
    }
    if theirs.framework != mine.framework {
        let edition = |f: jixiao_domain::Framework| match lang {
            Lang::Zh => format!("{}版", f.label()),
            Lang::En => format!("{} edition", f.label()),
        };
        out.push(Difference {
            what: lang.pick("指标体系", "Indicator framework").into(),
            theirs: edition(theirs.framework),
            mine: edition(mine.framework),
        });
    }
    rows(&theirs.indicators, &mine.indicators, lang, &mut out);
    out
}

/// A row in a few words: 三级指标 and 指标值.
fn row_text(r: &Indicator, lang: Lang) -> String {
    let name = r.name.trim();
    let value = r.value.trim();
    let text = match (name.is_empty(), value.is_empty()) {
        (true, true) => format!("{}/{}", r.level1.trim(), r.level2.trim()),
        (false, true) => name.to_string(),
        (true, false) => value.to_string(),
        (false, false) => match lang {
            Lang::Zh => format!("{name}：{value}"),
            Lang::En => format!("{name}: {value}"),
        },
    };
    short(&text, lang)
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

fn rows(theirs: &[Indicator], mine: &[Indicator], lang: Lang, out: &mut Vec<Difference>) {
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
                        what: match lang {
                            Lang::Zh => format!("第 {row} 行指标 · {}", col.label_zh()),
                            Lang::En => format!("Indicator row {row}, {}", col.label_en()),
                        },
                        theirs: short(x, lang),
                        mine: short(y, lang),
                    });
                }
            }
        }
        for r in &theirs[i + paired..ai] {
            out.push(Difference {
                what: lang
                    .pick("指标行（仅对方有）", "Indicator row (only theirs)")
                    .into(),
                theirs: row_text(r, lang),
                mine: none(lang),
            });
        }
        for (k, r) in mine[j + paired..aj].iter().enumerate() {
            let row = j + paired + k + 1;
            out.push(Difference {
                what: match lang {
                    Lang::Zh => format!("第 {row} 行指标（仅我的有）"),
                    Lang::En => format!("Indicator row {row} (only mine)"),
                },
                theirs: none(lang),
                mine: row_text(r, lang),
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

    fn row(name: &str, value: &str) -> Indicator {
        Indicator::new("产出指标", "数量指标", name, name, value)
    }

    #[test]
    fn equal_tables_have_no_differences() {
        let t = examples::get(0).unwrap();
        assert!(differences(&t, &t.clone(), Lang::Zh).is_empty());
    }

    #[test]
    fn fields_and_goals_show_both_texts() {
        let theirs = edit::new_table();
        let mut mine = theirs.clone();
        mine.project = "科技统计".into();
        mine.budget.total = Amount::parse("45.00");
        mine.goals = vec!["完成测评".into(), "稳定运行".into()];
        let d = differences(&theirs, &mine, Lang::Zh);
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
        let d = differences(&theirs, &mine, Lang::Zh);
        assert_eq!(d[0].mine.chars().count(), SHOW_CHARS + 1);
        assert!(d[0].mine.ends_with('…'));
    }

    #[test]
    fn an_inserted_row_is_one_difference() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..5).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators.insert(0, row("新指标", "2个"));
        let d = differences(&theirs, &mine, Lang::Zh);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].what, "第 1 行指标（仅我的有）");
        assert_eq!(d[0].mine, "新指标：2个");
        // And the other way round.
        let d = differences(&mine, &theirs, Lang::Zh);
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
        let d = differences(&theirs, &mine, Lang::Zh);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].what, "指标行（仅对方有）");
        assert_eq!(d[0].theirs, "指标0：1个");
        assert_eq!(d[1].what, "第 2 行指标 · 指标值");
        assert_eq!((d[1].theirs.as_str(), d[1].mine.as_str()), ("1个", "≥3个"));
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
        let d = differences(&theirs, &mine, Lang::En);
        let whats: Vec<&str> = d.iter().map(|d| d.what.as_str()).collect();
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
        assert_eq!(d[0].theirs, "(empty)");
        assert_eq!(d[0].mine, "科技统计", "the author's text stays as written");
        assert_eq!(
            (d[1].theirs.as_str(), d[1].mine.as_str()),
            ("万元 (10,000 yuan)", "元 (yuan)")
        );
        assert_eq!(d[2].theirs, "(none)");
        assert_eq!(d[4].mine, "新指标: 2个");
        let d = differences(&mine, &theirs, Lang::En);
        assert_eq!(d.last().unwrap().what, "Indicator row (only theirs)");
        // The same differences in Chinese, in the same order.
        assert_eq!(differences(&theirs, &mine, Lang::Zh).len(), 5);
    }

    #[test]
    fn huge_tables_compare_by_position() {
        let mut theirs = edit::new_table();
        theirs.indicators = (0..2100).map(|i| row(&format!("指标{i}"), "1个")).collect();
        let mut mine = theirs.clone();
        mine.indicators[7].name = "改".into();
        let d = differences(&theirs, &mine, Lang::Zh);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].what, "第 8 行指标 · 三级指标");
    }
}
