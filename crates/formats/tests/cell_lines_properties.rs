//! Any table written one cell per line, in either style, reads back as it
//! was; and no text of such cells makes the reader panic.

use jixiao_domain::Indicator;
use jixiao_formats::{cell_lines, layout};
use proptest::prelude::*;

const OUTPUT: &[&str] = &["数量指标", "质量指标", "时效指标", "成本指标"];
const BENEFIT: &[&str] = &["社会效益指标", "经济效益指标", "可持续影响指标"];
const SATISFACTION: &[&str] = &["服务对象满意度指标"];

/// 三级指标 names, some of them spelt like a 二级.
const NAMES: &[&str] = &[
    "完成数",
    "培训人次",
    "项目按期完成率",
    "经费总额",
    "服务对象满意度",
    "服务对象满意度指标",
    "印刷《年度报告》",
    "组织开展政策培训、论坛活动",
];

const DESCRIPTIONS: &[&str] = &[
    "按计划完成全部任务",
    "培训覆盖全市相关单位",
    "年度内完成",
    "",
];

const VALUES: &[&str] = &[
    "≥95%",
    "3个",
    "≤12月",
    "100百分比",
    "≤45万元",
    "2025年12月31日前",
    "达标",
    "有所提高",
];

/// A row: its 三级指标, and its 描述 (`None`: the same as the 三级指标).
type Row = (usize, Option<usize>, usize);

fn rows() -> impl Strategy<Value = Vec<Row>> {
    let row = (
        0..NAMES.len(),
        prop::option::of(0..DESCRIPTIONS.len()),
        0..VALUES.len(),
    );
    prop::collection::vec(row, 1..4)
}

/// A 二级 and its rows.
type Level2 = (&'static str, Vec<Row>);

/// A 一级 and its 二级.
type Group = (&'static str, Vec<Level2>);

/// 一级 groups in order, each with some of its 二级 and their rows.
fn groups() -> impl Strategy<Value = Vec<Group>> {
    let level2s = |names: &'static [&'static str]| {
        prop::sample::subsequence(names, 1..=names.len()).prop_flat_map(|l2s| {
            l2s.into_iter()
                .map(|l2| (Just(l2), rows()))
                .collect::<Vec<_>>()
        })
    };
    (level2s(OUTPUT), level2s(BENEFIT), level2s(SATISFACTION))
        .prop_map(|(a, b, c)| vec![("产出指标", a), ("效益指标", b), ("满意度指标", c)])
}

/// The indicators, and the text as LibreOffice (`every`) or WPS writes it.
fn render(groups: &[Group], every: bool) -> (Vec<Indicator>, String) {
    let mut want = Vec::new();
    let mut lines: Vec<String> = ["1.某项目绩效目标表", "项目名称", "某项目", "一级指标"]
        .into_iter()
        .chain(["二级指标", "三级指标", "绩效指标描述", "指标值"])
        .map(String::from)
        .collect();
    for (l1, l2s) in groups {
        for (j, (l2, rows)) in l2s.iter().enumerate() {
            for (k, (name, desc, value)) in rows.iter().enumerate() {
                let name = NAMES[*name];
                let desc = desc.map_or(name, |d| DESCRIPTIONS[d]);
                let value = VALUES[*value];
                for (cell, first) in [(*l1, j == 0 && k == 0), (*l2, k == 0)] {
                    if first {
                        lines.push(cell.to_string());
                    } else if every {
                        lines.push(String::new());
                    }
                }
                lines.extend([name, desc, value].map(String::from));
                want.push(Indicator {
                    level1: l1.to_string(),
                    level2: l2.to_string(),
                    name: name.into(),
                    description: desc.into(),
                    value: value.into(),
                });
            }
        }
    }
    let eol = if every { "\n" } else { "\r\n" };
    let text = lines.iter().map(|l| format!("{l}{eol}")).collect();
    (want, text)
}

/// Cells a damaged or unusual text may hold.
const CELLS: &[&str] = &[
    "",
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "数量指标",
    "服务对象满意度指标",
    "完成数",
    "按计划完成全部任务",
    "≥95%",
    "达标",
    "项目名称",
    "一级指标",
    "指标值",
    "2.另一项目绩效目标表",
];

proptest! {
    #[test]
    fn tables_read_back_in_either_style(groups in groups()) {
        for every in [true, false] {
            let (want, text) = render(&groups, every);
            prop_assert!(cell_lines::fits(&text));
            let doc = layout::import(&text);
            prop_assert!(doc.is_ok(), "{:?}\n{text}", doc);
            let got = &doc.unwrap().tables[0].indicators;
            prop_assert_eq!(got, &want, "{}", text);
        }
    }

    #[test]
    fn any_cells_after_a_header_never_panic(picks in prop::collection::vec(0..CELLS.len(), 0..60)) {
        let mut text = String::from("1.某项目绩效目标表\n项目名称\n某项目\n一级指标\n二级指标\n三级指标\n绩效指标描述\n指标值\n");
        for p in picks {
            text.push_str(CELLS[p]);
            text.push('\n');
        }
        if let Ok(read) = cell_lines::read(&text) {
            for t in &read.document.tables {
                for i in &t.indicators {
                    prop_assert!(!i.level1.is_empty(), "{text}");
                }
            }
        }
    }
}
