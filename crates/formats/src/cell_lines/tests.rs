use super::*;
use jixiao_domain::table::Indicator;

/// The lines as a file holds them, each ended by a line break.
fn text(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

const HEADER: [&str; 5] = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"];

fn table(head: &[&str], body: &[&str]) -> String {
    let mut lines = vec!["1.某项目绩效目标表", "项目名称", "某项目"];
    lines.extend(head);
    lines.extend(HEADER);
    lines.extend(body);
    text(&lines)
}

fn rows(doc: &Document) -> Vec<[&str; 5]> {
    doc.tables[0]
        .indicators
        .iter()
        .map(|i: &Indicator| {
            [
                i.level1.as_str(),
                i.level2.as_str(),
                i.name.as_str(),
                i.description.as_str(),
                i.value.as_str(),
            ]
        })
        .collect()
}

#[test]
fn fits_text_of_one_cell_per_line_only() {
    assert!(fits(&table(&[], &[])));
    assert!(!fits("\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n"));
    assert!(!fits("一级指标\t二级指标\t三级指标\t指标值\n"));
    assert!(!fits("项目名称\n某项目\n"), "no indicator header");
}

#[test]
fn cells_split_lines_at_tabs_and_keep_empty_lines() {
    let cells = cells_of("\u{feff}331202某单位\t单位：万元\r\n\r\n[bookmark: a]项目名称\r\n");
    let texts: Vec<(usize, &str)> = cells.iter().map(|c| (c.line, c.text.as_str())).collect();
    assert_eq!(
        texts,
        [
            (1, "331202某单位"),
            (1, "单位：万元"),
            (2, ""),
            (3, "项目名称"),
        ]
    );
}

#[test]
fn a_blank_amount_without_a_line_of_its_own_stays_blank() {
    let purpose = "开展某项工作，提升某方面的水平。";
    let doc = import(&table(
        &[
            "预算数",
            "5.00",
            "其中：财政资金",
            "5.00",
            "其他资金",
            purpose,
        ],
        &["产出指标", "数量指标", "完成数", "完成数", "≥1个"],
    ))
    .unwrap();
    let t = &doc.tables[0];
    assert!(t.budget.other.is_blank(), "{:?}", t.budget.other);
    assert_eq!(t.purpose, purpose);
    // A short mark is the amount as written.
    let doc = import(&table(
        &["其他资金", "—", purpose],
        &["产出指标", "数量指标", "完成数", "完成数", "≥1个"],
    ))
    .unwrap();
    assert_eq!(doc.tables[0].budget.other.text(), "—");
    assert_eq!(doc.tables[0].purpose, purpose);
}

#[test]
fn group_names_as_names_and_the_2021_cost_level() {
    // Written once (WPS): a 三级指标 named like a 二级 stays a 三级指标.
    let once = table(
        &[],
        &[
            "成本指标",
            "经济成本指标",
            "项目成本",
            "项目成本",
            "≤5万元",
            "产出指标",
            "数量指标",
            "完成数",
            "完成数",
            "≥1个",
            "质量指标",
            "合格率",
            "合格率",
            "100%",
            "满意度指标",
            "服务对象满意度指标",
            "服务对象满意度指标",
            "服务对象满意度指标",
            "≥90%",
            "服务对象满意度指标",
            "另一项满意度",
            "≥95%",
        ],
    );
    let doc = import(&once).unwrap();
    assert_eq!(doc.tables[0].framework, jixiao_domain::Framework::F2021);
    assert_eq!(
        rows(&doc),
        [
            ["成本指标", "经济成本指标", "项目成本", "项目成本", "≤5万元"],
            ["产出指标", "数量指标", "完成数", "完成数", "≥1个"],
            ["产出指标", "质量指标", "合格率", "合格率", "100%"],
            [
                "满意度指标",
                "服务对象满意度指标",
                "服务对象满意度指标",
                "服务对象满意度指标",
                "≥90%"
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "服务对象满意度指标",
                "另一项满意度",
                "≥95%"
            ],
        ]
    );
}

#[test]
fn other_header_columns_take_their_cells() {
    let text = text(&[
        "项目名称",
        "某项目",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "计量单位",
        "分值",
        "产出指标",
        "数量指标",
        "完成数",
        "≥3",
        "个",
        "10",
        "",
        "",
        "覆盖数",
        "≥5",
        "个",
        "",
    ]);
    let doc = import(&text).unwrap();
    assert_eq!(
        rows(&doc),
        [
            ["产出指标", "数量指标", "完成数", "", "≥3个"],
            ["产出指标", "数量指标", "覆盖数", "", "≥5个"],
        ]
    );
}

#[test]
fn a_first_row_without_its_level1_does_not_line_up() {
    let e = import(&table(&[], &["", "数量指标", "完成数", "完成数", "≥1个"])).unwrap_err();
    assert_eq!(e.line, 10, "{e}");
    assert!(e.message.starts_with("第 1 张表「某项目」没有导入"), "{e}");
}

#[test]
fn a_header_without_values_is_named() {
    let e = import(&text(&[
        "项目名称",
        "某项目",
        "一级指标",
        "二级指标",
        "三级指标",
        "产出指标",
    ]))
    .unwrap_err();
    assert_eq!(e.line, 3);
    assert!(
        e.message.contains("表头没有「三级指标」和「指标值」"),
        "{e}"
    );
    assert!(e.message_en.contains("header lacks"), "{e:?}");
}
