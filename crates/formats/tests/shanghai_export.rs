//! The 上海 申报表 goes out in its own layout: the print view, the
//! tab-separated text, the .xlsx and the .docx (all drawn from
//! `print::grid`) read back as the same table; share links and exchange
//! JSON carry the form; switching form keeps every field; a reader that
//! ignores the new keys still gets a valid table.

use calamine::{Data, Reader};
use jixiao_domain::form::Form;
use jixiao_domain::rules::{Column, Field};
use jixiao_domain::table::{Document, Table};
use jixiao_formats::print::{self, PrintOptions};
use jixiao_formats::reading::{read_file, read_input, Found};
use jixiao_formats::{docx, exchange, share, tsv, xlsx};

const EXPECTED: &str = include_str!("../../../tests/fixtures/shanghai/changfeng-expected.json");
const DISTRICTS: &str = include_str!("../../../tests/fixtures/shanghai/districts-expected.json");

fn table() -> Table {
    exchange::from_json(EXPECTED).unwrap().tables.remove(0)
}

fn tables_of(found: Found) -> Vec<Table> {
    match found {
        Found::Tables { tables, .. } => tables,
        other => panic!("no tables: {other:?}"),
    }
}

/// The rows of the print view's tables: (tag, rowspan, colspan, text).
fn rows(html: &str) -> Vec<Vec<(String, usize, usize, String)>> {
    let mut out = Vec::new();
    for tr in html.split("<tr>").skip(1) {
        let tr = &tr[..tr.find("</tr>").unwrap()];
        let mut cells = Vec::new();
        let mut rest = tr;
        while let Some(at) = rest.find("<t") {
            let open = &rest[at..];
            let close = open.find('>').unwrap();
            let tag = &open[1..3];
            let end = open.find(&format!("</{tag}>")).unwrap();
            let attr = |name: &str| {
                open[..close]
                    .find(&format!("{name}=\""))
                    .map(|i| {
                        let v = &open[i + name.len() + 2..];
                        v[..v.find('"').unwrap()].parse().unwrap()
                    })
                    .unwrap_or(1)
            };
            cells.push((
                tag.to_string(),
                attr("rowspan"),
                attr("colspan"),
                open[close + 1..end].replace("<br>", "\n"),
            ));
            rest = &open[end..];
        }
        out.push(cells);
    }
    out
}

#[test]
fn the_print_view_is_the_published_layout() {
    let t = table();
    let html = print::table_html(1, &t);
    assert!(
        html.contains("<h2 class=\"print-title\">财政项目支出绩效目标申报表<br>（2026年度）</h2>")
    );
    assert!(!html.contains("print-meta"), "no unit line on this form");
    let r = rows(&html);
    let text = |row: usize| -> Vec<&str> { r[row].iter().map(|c| c.3.as_str()).collect() };
    assert_eq!(text(0), ["项目名称", "长风路-曹杨路地道改建工程"]);
    assert_eq!(
        text(1),
        ["项目性质", "阶段性项目", "项目类别", "特定目标类"]
    );
    assert_eq!(
        text(4),
        ["计划开始日期", "2024-01-01", "计划完成日期", "2026/12/31"]
    );
    assert_eq!(
        text(5),
        [
            "项目资金（元）",
            "项目资金总额",
            "5,200,000.00",
            "年度资金申请总额",
            "1,200,000.00"
        ]
    );
    assert_eq!(r[5][0].1, 4, "项目资金（元） runs down the block");
    assert_eq!(
        text(6),
        [
            "其中：财政资金",
            "5,200,000.00",
            "其中：当年财政拨款",
            "1,000,000.00"
        ]
    );
    assert_eq!(text(7), ["其他资金", "", "上年结转资金", "200,000.00"]);
    assert_eq!(text(8), ["", "其他资金", ""]);
    assert_eq!(
        text(9),
        [
            "项目绩效目标",
            "项目总体目标（2024 年-2026 年）",
            "年度总体目标"
        ]
    );
    assert_eq!(
        text(10)[1],
        "1.完成地道主体结构及附属工程施工，完成道路恢复。\n2.完成竣工验收并开放交通。"
    );
    assert_eq!(text(11), ["一级指标", "二级指标", "三级指标", "年度指标值"]);
    assert_eq!(
        r[11].iter().map(|c| c.2).collect::<Vec<_>>(),
        [1, 1, 3, 2],
        "four columns on the seven of the grid"
    );
    assert_eq!(
        text(12),
        ["成本指标", "经济成本指标", "年度项目总成本", "≤1,200,000元"]
    );
    assert_eq!(r[12][0].1, 3, "成本指标 runs down its rows");
    assert!(!html.contains("绩效指标描述"));

    // One year: the overall goal is 项目总目标.
    let single = exchange::from_json(DISTRICTS).unwrap().tables.remove(0);
    assert!(print::table_html(1, &single).contains("<th colspan=\"3\">项目总目标</th>"));
    // The whole page is titled by the form.
    let page = print::document_html(
        &[t],
        &PrintOptions {
            summary: false,
            standalone: true,
        },
    );
    assert!(page.contains("<title>财政项目支出绩效目标申报表 （2026年度）</title>"));
}

#[test]
fn the_print_view_and_the_tab_separated_text_read_back_whole() {
    let doc = exchange::from_json(DISTRICTS).unwrap();
    let mut want = doc.tables.clone();
    want.insert(0, table());
    let html = print::document_html(&want, &PrintOptions::default());
    assert_eq!(tables_of(read_input("", Some(&html), None).unwrap()), want);
    let text = tsv::document_tsv(&want);
    assert_eq!(tables_of(read_input(&text, None, None).unwrap()), want);
}

#[test]
fn the_word_document_reads_back_whole() {
    let want = exchange::from_json(DISTRICTS).unwrap().tables;
    let bytes = docx::document(&want);
    assert_eq!(
        tables_of(read_file("out.docx", &bytes, None).unwrap()),
        want
    );
}

#[test]
fn the_workbook_has_the_layout_of_the_print_view() {
    let t = table();
    let bytes = xlsx::workbook(std::slice::from_ref(&t));
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("1.长风路-曹杨路地道改建工程").unwrap();
    let at = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    };
    assert_eq!(at(0, 0), "财政项目支出绩效目标申报表\n（2026年度）");
    assert_eq!(at(6, 0), "项目资金（元）");
    assert_eq!(at(6, 2), "5,200,000.00", "amounts stay text, as printed");
    let head = (0..sheet.height() as u32)
        .find(|r| at(*r, 0) == "一级指标")
        .unwrap();
    assert_eq!(
        [at(head, 0), at(head, 1), at(head, 2), at(head, 5)],
        ["一级指标", "二级指标", "三级指标", "年度指标值"]
    );
    assert_eq!(at(head + 3, 2), "扬尘控制情况");
    assert_eq!(at(head + 3, 5), "达标");
}

#[test]
fn share_links_and_exchange_json_carry_the_form() {
    let t = table();
    let link = share::encode(&t).unwrap();
    assert_eq!(share::decode(&link).unwrap(), t);
    let json = exchange::to_json(&Document {
        tables: vec![t.clone()],
    });
    assert!(json.contains("\"form\": \"shanghai\""));
    assert_eq!(exchange::from_json(&json).unwrap().tables, [t]);
}

#[test]
fn a_reader_that_ignores_the_new_keys_gets_a_valid_table() {
    let mut v: serde_json::Value = serde_json::from_str(EXPECTED).unwrap();
    let new_keys = [
        "form",
        "year",
        "nature",
        "category",
        "carryover",
        "total_funds_fiscal",
        "total_funds_other",
    ];
    for key in new_keys {
        v["tables"][0].as_object_mut().unwrap().remove(key);
    }
    let old = exchange::from_json(&v.to_string())
        .unwrap()
        .tables
        .remove(0);
    let t = table();
    assert_eq!(old.form, Form::Tianjin2025);
    assert_eq!(
        (&old.project, &old.budget, &old.goals),
        (&t.project, &t.budget, &t.goals)
    );
    assert_eq!(old.indicators, t.indicators);
}

#[test]
fn switching_form_keeps_everything_and_prints_in_the_new_layout() {
    let original = table();
    let mut t = original.clone();
    t.switch_form(Form::Tianjin2025);
    assert_eq!(
        Form::Tianjin2025.lacks(&t),
        [
            Field::Year,
            Field::Nature,
            Field::Category,
            Field::Department,
            Field::Implementer,
            Field::PlanStart,
            Field::PlanEnd,
            Field::TotalFunds,
            Field::TotalFundsFiscal,
            Field::Carryover,
            Field::OverallGoal,
        ]
    );
    let html = print::table_html(1, &t);
    assert!(html.contains("1.长风路-曹杨路地道改建工程绩效目标表"));
    assert!(html.contains("<th colspan=\"2\">绩效指标描述</th>"));
    assert!(html.contains("<th>主管部门</th><td colspan=\"6\">上海市某某区建设和管理委员会</td>"));
    // Through a file and back to the 上海 form: nothing lost.
    let json = exchange::to_json(&Document { tables: vec![t] });
    let mut back = exchange::from_json(&json).unwrap().tables.remove(0);
    back.switch_form(Form::Shanghai);
    assert_eq!(back, original);
    assert!(Form::Shanghai.lacks_columns(&back).is_empty());
    let mut described = original.clone();
    described.indicators[0].description = "年度项目总成本".into();
    assert_eq!(
        Form::Shanghai.lacks_columns(&described),
        [Column::Description]
    );
}
