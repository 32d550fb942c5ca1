//! Tables pasted from Word, WPS and Excel import like the published tables.
//!
//! The samples in `fixtures/clipboard/` imitate what each program puts on
//! the clipboard (see the README there): Word's CF_HTML with its styles,
//! conditional comments and `<o:p>`; WPS's quoted attributes, `<font>` and
//! `&nbsp;`; Excel's `<col>`s, `x:num` cells and tab-separated text.

use std::time::{Duration, Instant};

use jixiao_domain::{rules, Amount, Framework, Indicator, MoneyUnit, Severity, Table};
use jixiao_formats::clipboard::{self, ClipboardError};
use jixiao_formats::exchange;
use proptest::prelude::*;

const WORD: &str = include_str!("../../../tests/fixtures/clipboard/word.html");
const WORD_1_2: &str = include_str!("../../../tests/fixtures/clipboard/word-tables-1-2.html");
const WPS: &str = include_str!("../../../tests/fixtures/clipboard/wps.html");
const EXCEL: &str = include_str!("../../../tests/fixtures/clipboard/excel.html");
const EXCEL_TSV: &str = include_str!("../../../tests/fixtures/clipboard/excel.tsv");
const EXPECTED: &str = include_str!("../../../tests/fixtures/tianjin-2025-expected.json");

fn expected() -> Vec<Table> {
    exchange::from_json(EXPECTED).unwrap().tables
}

/// Field by field, so a failure names the field.
fn assert_same(g: &Table, w: &Table, what: &str) {
    assert_eq!(g.unit_code, w.unit_code, "{what} unit_code");
    assert_eq!(g.unit_name, w.unit_name, "{what} unit_name");
    assert_eq!(g.money_unit, w.money_unit, "{what} money_unit");
    assert_eq!(g.project, w.project, "{what} project");
    assert_eq!(g.budget.total, w.budget.total, "{what} 预算数");
    assert_eq!(g.budget.fiscal, w.budget.fiscal, "{what} 财政资金");
    assert_eq!(g.budget.other, w.budget.other, "{what} 其他资金");
    assert_eq!(g.purpose, w.purpose, "{what} purpose");
    assert_eq!(g.goals, w.goals, "{what} goals");
    assert_eq!(g.framework, w.framework, "{what} framework");
    assert_eq!(
        g.indicators.len(),
        w.indicators.len(),
        "{what} indicator count"
    );
    for (r, (gi, wi)) in g.indicators.iter().zip(&w.indicators).enumerate() {
        assert_eq!(gi, wi, "{what} indicator row {}", r + 1);
    }
    assert_eq!(g, w, "{what} as a whole");
}

#[test]
fn word_html_imports_table_1_field_by_field() {
    let doc = clipboard::import_html(WORD).unwrap();
    assert_eq!(doc.tables.len(), 1);
    assert_same(&doc.tables[0], &expected()[0], "word table 1");
}

#[test]
fn word_details_survive() {
    let t = &clipboard::import_html(WORD).unwrap().tables[0];
    // `&#8805;` / `&le;`, split runs, the `_GoBack` anchor and the spacerun
    // inside 其中：财政资金 leave no trace.
    assert_eq!(t.indicators[1].value, "≥70分");
    assert_eq!(t.indicators[3].value, "≤45万元");
    assert_eq!(t.budget.total.text(), "45.00");
    assert_eq!(t.budget.fiscal.text(), "45.00");
    // A source line break between two CJK characters is no space.
    assert!(!t.purpose.contains(' '), "{}", t.purpose);
    // Word's list number (a conditional-comment run) is not goal text.
    assert!(t.goals[0].starts_with("依据等保2.0"));
    // Published tables pass the rules without errors.
    let errors: Vec<_> = rules::check(t)
        .into_iter()
        .filter(|f| f.severity() == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn word_paste_of_two_tables_gives_two_tables() {
    let doc = clipboard::import_html(WORD_1_2).unwrap();
    let want = expected();
    assert_eq!(doc.tables.len(), 2);
    assert_same(&doc.tables[0], &want[0], "word table 1 of 2");
    assert_same(&doc.tables[1], &want[1], "word table 2 of 2");
}

#[test]
fn wps_html_imports_table_5_field_by_field() {
    let doc = clipboard::import_html(WPS).unwrap();
    assert_eq!(doc.tables.len(), 1);
    assert_same(&doc.tables[0], &expected()[4], "wps table 5");
    // `&ldquo;…&rdquo;` became the published curly quotes.
    assert_eq!(
        doc.tables[0].indicators[1].name,
        "组织开展“科技成果俏津门”活动"
    );
}

/// Fixture table 2 as an Excel sheet in 元: a 资金用途 row with a line
/// break, two numbered goals, 100% as a number cell.
fn excel_expected() -> Table {
    let mut want = expected()[1].clone();
    want.money_unit = MoneyUnit::Yuan;
    want.budget.total = Amount::parse("80000.00");
    want.budget.fiscal = Amount::parse("80000.00");
    want.budget.other = Amount::Blank;
    want.purpose = "为提升专项整体实施绩效，开展2025年度科技重大专项监督评估与诚信管理。\n\
        科学设计评估方案和指标，对专项作出全面评价，形成评价报告；围绕\"科研诚信建设\"、科技伦理治理等，\
        开展综合协调、宣传教育、诚信预警、失信行为处理及失信主体信用修复等工作，提供科研诚信咨询服务。"
        .to_string();
    want.goals = vec![
        "为提升专项整体实施绩效，开展2025年度科技重大专项监督评估与诚信管理。".to_string(),
        "科学设计评估方案和指标，对专项作出全面评价，形成评价报告；围绕科研诚信建设、科技伦理治理等，\
         开展综合协调、宣传教育、诚信预警、失信行为处理及失信主体信用修复等工作，提供科研诚信咨询服务。"
            .to_string(),
    ];
    want.indicators[4].value = "≤80000元".to_string();
    want
}

#[test]
fn excel_html_in_yuan() {
    let doc = clipboard::import_html(EXCEL).unwrap();
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.money_unit, MoneyUnit::Yuan);
    assert_eq!(t.budget.total.text(), "80000.00");
    assert_eq!(t.indicators[2].value, "100%");
    assert_eq!(t.indicators[4].value, "≤80000元");
    assert_same(t, &excel_expected(), "excel");
    // In 元, the cost cap 80000元 equals the budget: no cost error.
    let codes: Vec<&str> = rules::check(t)
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .map(|f| f.code())
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
}

#[test]
fn excel_tab_separated_text_imports_the_same() {
    assert!(EXCEL_TSV.contains("\"\"科研诚信建设\"\""));
    let doc = clipboard::import_tsv(EXCEL_TSV).unwrap();
    assert_eq!(doc.tables.len(), 1);
    assert_same(&doc.tables[0], &excel_expected(), "excel tsv");
    assert_eq!(doc, clipboard::import_html(EXCEL).unwrap());
}

#[test]
fn two_tables_in_one_tsv_paste_without_titles() {
    // The title row is not copied: each table starts at its unit line.
    let body: String = EXCEL_TSV.split_inclusive("\r\n").skip(1).collect();
    let mut second = body.replace("331202", "331203");
    second = second.replace("2025年度科技重大专项监督评估与诚信管理", "第二个项目");
    let doc = clipboard::import_tsv(&format!("{body}{second}")).unwrap();
    assert_eq!(doc.tables.len(), 2);
    assert_eq!(doc.tables[0].unit_code, "331202");
    assert_eq!(doc.tables[1].unit_code, "331203");
    assert_eq!(doc.tables[1].project, "第二个项目");
    assert_eq!(doc.tables[0].indicators.len(), 7);
    assert_eq!(doc.tables[1].indicators.len(), 7);
    assert_eq!(doc.tables[1].money_unit, MoneyUnit::Yuan);
}

/// A form with 4 indicator columns (no 描述), 主管部门/实施单位, a 项目资金
/// block with 年度资金总额 / 其中：财政拨款, and 绩效指标 left of the rows.
const FOUR_COLUMNS: &str = r#"<table border=1>
<tr><td colspan=6 align=center><b>项目支出绩效目标申报表</b></td></tr>
<tr><td colspan=6>（2025年度）</td></tr>
<tr><td>项目名称</td><td colspan=5>乡村振兴技术培训</td></tr>
<tr><td>主管部门</td><td colspan=2>某市农业农村局</td><td>实施单位</td><td colspan=2>某市农业技术推广中心</td></tr>
<tr><td rowspan=3>项目资金<br>（万元）</td><td colspan=2>年度资金总额：</td><td colspan=3>120.5</td></tr>
<tr><td colspan=2>其中：财政拨款</td><td colspan=3>100.5</td></tr>
<tr><td colspan=2>其他资金</td><td colspan=3>20</td></tr>
<tr><td>年度绩效目标</td><td colspan=5><p>目标1：开展技术培训，提升农民种植水平。</p><p>目标2：推广新品种。</p></td></tr>
<tr><td rowspan=5>绩效指标</td><td>一级指标</td><td>二级指标</td><td colspan=2>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=3>产出指标</td><td rowspan=2>数量指标</td><td colspan=2>培训人次</td><td>&ge;300人次</td></tr>
<tr><td colspan=2>推广新品种数</td><td>&ge;5个</td></tr>
<tr><td>时效指标</td><td colspan=2>培训完成时间</td><td>2025年10月底前</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td colspan=2>参训农民满意度</td><td>&ge;90%</td></tr>
</table>"#;

#[test]
fn four_column_table_without_description() {
    let doc = clipboard::import_html(FOUR_COLUMNS).unwrap();
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.project, "乡村振兴技术培训");
    assert_eq!(t.department.as_deref(), Some("某市农业农村局"));
    assert_eq!(t.implementer.as_deref(), Some("某市农业技术推广中心"));
    assert_eq!(t.money_unit, MoneyUnit::Wan);
    assert_eq!(t.budget.total.text(), "120.5");
    assert_eq!(t.budget.fiscal.text(), "100.5");
    assert_eq!(t.budget.other.text(), "20");
    assert_eq!(t.purpose, "");
    assert_eq!(
        t.goals,
        vec![
            "目标1：开展技术培训，提升农民种植水平。",
            "目标2：推广新品种。"
        ]
    );
    assert_eq!(
        t.indicators,
        vec![
            Indicator::new("产出指标", "数量指标", "培训人次", "", "≥300人次"),
            Indicator::new("产出指标", "数量指标", "推广新品种数", "", "≥5个"),
            Indicator::new("产出指标", "时效指标", "培训完成时间", "", "2025年10月底前"),
            Indicator::new(
                "满意度指标",
                "服务对象满意度指标",
                "参训农民满意度",
                "",
                "≥90%"
            ),
        ]
    );
    assert_eq!(t.framework, Framework::F2020);
}

/// An export of an integrated budget system, pasted as text: amounts in 元
/// (`预算数（元）`), 项目资金总额, plan dates, 项目总目标, and the value
/// split into 指标值类型 / 指标值 / 计量单位.
const SPLIT_COLUMNS: &str = "项目名称\t数字档案馆运维\t\t\t\t\t\n\
预算单位\t101001某市档案馆\t\t主管部门\t某市档案局\t\t\n\
计划开始日期\t2025-01-01\t\t计划完成日期\t2025-12-31\t\t\n\
项目资金总额\t1500000.00\t\t预算数（元）\t500000.00\t\t\n\
财政资金\t450000.00\t\t其他资金\t50000.00\t\t\n\
资金用途\t服务器租赁、系统运维\t\t\t\t\t\n\
项目总目标\t\"建成数字档案馆，\n实现馆藏档案全部数字化。\"\t\t\t\t\t\n\
年度绩效目标\t完成年度运维，系统可用率不低于99%。\t\t\t\t\t\n\
一级指标\t二级指标\t三级指标\t指标值类型\t指标值\t计量单位\t权重\n\
成本指标\t经济成本指标\t运维费用\t≤\t500000\t元\t20\n\
产出指标\t数量指标\t数字化档案数量\t定量\t≥20000\t卷\t20\n\
\t质量指标\t系统可用率\t≥\t99\t%\t20\n\
\t时效指标\t故障响应时间\t定量\t≤2\t小时\t10\n\
效益指标\t社会效益指标\t档案利用便利程度\t定性\t明显提升\t\t20\n\
满意度指标\t服务对象满意度指标\t查档群众满意度\t定量\t95%\t%\t10\n";

#[test]
fn split_value_type_and_unit_columns() {
    let doc = clipboard::import_tsv(SPLIT_COLUMNS).unwrap();
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.project, "数字档案馆运维");
    assert_eq!(t.unit_code, "101001");
    assert_eq!(t.unit_name, "某市档案馆");
    assert_eq!(t.department.as_deref(), Some("某市档案局"));
    assert_eq!(t.plan_start.as_deref(), Some("2025-01-01"));
    assert_eq!(t.plan_end.as_deref(), Some("2025-12-31"));
    assert_eq!(t.money_unit, MoneyUnit::Yuan);
    assert_eq!(t.total_funds.text(), "1500000.00");
    assert_eq!(t.budget.total.text(), "500000.00");
    assert_eq!(t.budget.fiscal.text(), "450000.00");
    assert_eq!(t.budget.other.text(), "50000.00");
    assert_eq!(t.purpose, "服务器租赁、系统运维");
    assert_eq!(
        t.overall_goal.as_deref(),
        Some("建成数字档案馆，\n实现馆藏档案全部数字化。")
    );
    assert_eq!(t.goals, vec!["完成年度运维，系统可用率不低于99%。"]);
    let values: Vec<&str> = t.indicators.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(
        values,
        vec!["≤500000元", "≥20000卷", "≥99%", "≤2小时", "明显提升", "95%"]
    );
    assert_eq!(t.indicators[2].level1, "产出指标");
    assert_eq!(t.indicators[3].level2, "时效指标");
    assert_eq!(t.indicators[4].description, "");
    assert_eq!(t.framework, Framework::F2021);
    // The cost cap fits the budget in the table's own unit.
    assert!(!rules::check(t)
        .iter()
        .any(|f| f.code().contains("cost") && f.severity() == Severity::Error));
}

#[test]
fn partial_tables_import_with_what_they_have() {
    // Only the indicator rows were selected.
    let rows = "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\r\n\
                产出指标\t数量指标\t报告数量\t报告数量\t3篇\r\n\
                \t时效指标\t完成时间\t完成时间\t≤12月\r\n";
    let t = &clipboard::import_tsv(rows).unwrap().tables[0];
    assert_eq!(t.project, "");
    assert_eq!(t.indicators.len(), 2);
    assert_eq!(t.indicators[1].level1, "产出指标");
    let codes: Vec<&str> = rules::check(t).iter().map(|f| f.code()).collect();
    assert!(codes.contains(&"project-missing"), "{codes:?}");

    // Only the header block.
    let head = "<table><tr><td>项目名称</td><td>只有表头</td></tr>\
                <tr><td>预算数</td><td>10.00</td></tr></table>";
    let t = &clipboard::import_html(head).unwrap().tables[0];
    assert_eq!(t.project, "只有表头");
    assert_eq!(t.budget.total.text(), "10.00");
    assert!(t.indicators.is_empty());
}

#[test]
fn an_indicator_table_nested_in_a_cell() {
    // Web forms and some Word templates hold the indicators in a table
    // inside the 绩效指标 cell.
    let html = "<table border=1>\
        <tr><td>项目名称</td><td>嵌套项目</td></tr>\
        <tr><td>年度绩效目标</td><td>完成任务。</td></tr>\
        <tr><td>绩效指标</td><td><table border=1>\
          <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>\
          <tr><td rowspan=2>产出指标</td><td>数量指标</td><td>场次</td><td>&ge;3场</td></tr>\
          <tr><td>质量指标</td><td>合格率</td><td>100%</td></tr>\
        </table></td></tr>\
        <tr><td>备注</td><td>无</td></tr></table>";
    let t = &clipboard::import_html(html).unwrap().tables[0];
    assert_eq!(t.project, "嵌套项目");
    assert_eq!(t.goals, vec!["完成任务。"]);
    assert_eq!(
        t.indicators,
        vec![
            Indicator::new("产出指标", "数量指标", "场次", "", "≥3场"),
            Indicator::new("产出指标", "质量指标", "合格率", "", "100%"),
        ]
    );
}

#[test]
fn grid_api_takes_rows_of_cells() {
    let rows: Vec<Vec<String>> = [
        vec!["1.网格项目绩效目标表", "", ""],
        vec!["项目名称", "网格项目", ""],
        vec!["一级指标", "二级指标", "三级指标", "指标值"],
        vec!["产出指标", "数量指标", "次数", "3次"],
        // A short row (merged cells left out) aligns to the right.
        vec!["质量指标", "合格率", "100%"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    let t = &clipboard::import_grid(rows).unwrap().tables[0];
    assert_eq!(t.project, "网格项目");
    assert_eq!(
        t.indicators[1],
        Indicator::new("产出指标", "质量指标", "合格率", "", "100%")
    );
}

fn message(r: Result<jixiao_domain::Document, ClipboardError>) -> String {
    r.unwrap_err().message
}

#[test]
fn what_is_not_a_table_says_so() {
    assert!(message(clipboard::import_html("")).contains("剪贴板是空的"));
    assert!(message(clipboard::import_tsv(" \r\n\t\n")).contains("剪贴板是空的"));
    assert!(message(clipboard::import_grid(Vec::new())).contains("剪贴板是空的"));
    assert_eq!(
        message(clipboard::import_html(
            "<html><body><p>只是一段文字。</p></body></html>"
        )),
        "剪贴板中没有表格：请在 Word/WPS/Excel 中选中整张表后复制。"
    );
    let not_ours = "这张表不像绩效目标表：没有找到「项目名称」或「一级指标」等栏目。";
    assert_eq!(
        message(clipboard::import_html(
            "<table><tr><td>姓名</td><td>电话</td></tr><tr><td>张三</td><td>123</td></tr></table>"
        )),
        not_ours
    );
    assert_eq!(
        message(clipboard::import_tsv("姓名\t电话\n张三\t123\n")),
        not_ours
    );
    let err = clipboard::import_tsv("随便一句话").unwrap_err();
    assert_eq!(err.message, not_ours);
    assert!(!err.message_en.is_empty());
    assert_eq!(err.to_string(), not_ours);
}

#[test]
fn a_two_megabyte_paste_is_fine() {
    // Forty copies of the Word paste, and pathological markup of the same size.
    let big = WORD_1_2.repeat(40);
    assert!(big.len() > 1_900_000);
    let start = Instant::now();
    let doc = clipboard::import_html(&big).unwrap();
    assert_eq!(doc.tables.len(), 80);
    let tsv = EXCEL_TSV.repeat(2_000_000 / EXCEL_TSV.len());
    assert_eq!(
        clipboard::import_tsv(&tsv).unwrap().tables.len(),
        2_000_000 / EXCEL_TSV.len()
    );
    let spans = "<table><tr><td rowspan=65534 colspan=1000>项目名称".repeat(40_000);
    let _ = clipboard::import_html(&spans);
    let quotes = "<td a='<td b=\"".repeat(150_000);
    let _ = clipboard::import_html(&quotes);
    let comments = "<!--<style>&#".repeat(150_000);
    let _ = clipboard::import_html(&comments);
    let tsv_quotes = "\"a\"b\t\"\n".repeat(250_000);
    let _ = clipboard::import_tsv(&tsv_quotes);
    // Generous: debug build on a shared machine.
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

/// Random markup made of the pieces clipboard HTML is made of.
fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<table>".to_string()),
        Just("</table>".to_string()),
        Just("<tr>".to_string()),
        Just("</tr>".to_string()),
        Just("<td>".to_string()),
        Just("</td>".to_string()),
        Just("<td rowspan=3>".to_string()),
        Just("<td colspan='2'>".to_string()),
        Just("<td rowspan=\"99999\" colspan=0>".to_string()),
        Just("<p class=MsoNormal>".to_string()),
        Just("</p>".to_string()),
        Just("<br>".to_string()),
        Just("<o:p></o:p>".to_string()),
        Just("<!--[if !supportLists]-->".to_string()),
        Just("<![endif]>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<style>".to_string()),
        Just("</style>".to_string()),
        Just("<head>".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#8805;".to_string()),
        Just("&ge".to_string()),
        Just("&#x".to_string()),
        Just("<".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("项目名称".to_string()),
        Just("一级指标".to_string()),
        Just("二级指标".to_string()),
        Just("三级指标".to_string()),
        Just("指标值".to_string()),
        Just("1.目标绩效目标表".to_string()),
        Just("单位：元".to_string()),
        Just("预算数".to_string()),
        Just("45.00".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        "[a-z<>=/ '\"!&#;\\-]{0,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC*") {
        let _ = clipboard::import_html(&s);
        let _ = clipboard::import_tsv(&s);
    }

    #[test]
    fn never_panics_on_tag_soup(s in tag_soup()) {
        let _ = clipboard::import_html(&s);
        let _ = clipboard::import_tsv(&s);
    }

    #[test]
    fn never_panics_on_arbitrary_grids(rows in prop::collection::vec(
        prop::collection::vec(prop_oneof![
            Just(String::new()),
            Just("一级指标".to_string()),
            Just("项目名称".to_string()),
            Just("其他资金".to_string()),
            Just("绩效目标".to_string()),
            "\\PC{0,5}",
        ], 0..8), 0..20)) {
        let _ = clipboard::import_grid(rows);
    }
}
