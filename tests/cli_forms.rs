//! The `jixiao` command on other regions' forms: the 上海 申报表
//! (tests/fixtures/shanghai/) is read and written in its own layout.

mod cli_support;

use cli_support::{import_ok, jixiao, stderr, stdout, Scratch};

// ---------------------------------------------------------------------------
// The 上海 申报表 (tests/fixtures/shanghai/): every command reads and writes
// it in its own layout.

const SH_PDF: &str = "tests/fixtures/shanghai/changfeng-pdf.txt";
const SH_TWO: &str = "tests/fixtures/shanghai/districts-pdf.txt";

fn json_of(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn shanghai_pdf_text_word_excel_and_docx_import_as_the_transcription() {
    let want = json_of(
        &std::fs::read_to_string("tests/fixtures/shanghai/changfeng-expected.json").unwrap(),
    );
    for file in [
        "changfeng-pdf.txt",
        "changfeng-word.html",
        "changfeng-excel.tsv",
        "changfeng.docx",
    ] {
        let got = json_of(&import_ok(&format!("tests/fixtures/shanghai/{file}")));
        assert_eq!(got, want, "{file}");
    }
    let two = json_of(&import_ok(SH_TWO));
    assert_eq!(two["tables"][1]["form"], "shanghai");
    assert_eq!(two["tables"][1]["carryover"], "300000.00");
}

#[test]
fn shanghai_check_names_the_form_and_its_fields() {
    let o = jixiao(&["check", SH_PDF, SH_TWO]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("· 表 1（上海 申报表）：长风路-曹杨路地道改建工程  —  错误 0，警告 0"),
        "{out}"
    );
    assert!(out.contains("第 2 行指标 · 年度指标值"), "{out}");
    // Drop the carry-over: the year's funds no longer add up (exit 1).
    let broken = import_ok(SH_PDF).replace("\"carryover\": \"200000.00\",", "");
    let file = Scratch::new("shanghai-broken.json", &broken);
    let o = jixiao(&["check", "--json", file.path()]);
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&stdout(&o));
    let f = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "annual-funds-sum")
        .unwrap();
    assert_eq!(
        (f["path"].as_str(), f["place"].as_str()),
        (Some("budget.total"), Some("年度资金申请总额"))
    );
    let rules = stdout(&jixiao(&["rules"]));
    for code in [
        "annual-funds-sum",
        "total-funds-sum",
        "annual-over-total",
        "phased-span",
    ] {
        assert!(rules.contains(code), "{code}");
    }
}

#[test]
fn shanghai_print_xlsx_docx_and_share_follow_the_form() {
    let o = jixiao(&["print", SH_TWO]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.contains("财政项目支出绩效目标申报表<br>（2026年度）"));
    assert!(html.contains("<th colspan=\"2\">年度指标值</th>"));
    assert!(html.contains("12,500,000.00"));
    let printed = Scratch::new("shanghai-print.html", &html);
    assert_eq!(
        json_of(&import_ok(printed.path())),
        json_of(&import_ok(SH_TWO))
    );

    let dir = std::env::temp_dir().join(format!("jixiao-cli-sh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (xlsx, docx) = (dir.join("sh.xlsx"), dir.join("sh.docx"));
    for (cmd, out) in [("xlsx", &xlsx), ("docx", &docx)] {
        let o = jixiao(&[cmd, SH_TWO, out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    use calamine::Reader as _;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        ["1.社区公共服务设施日常运维", "2.苏州河沿岸步道贯通提升工程"]
    );
    let sheet = book.worksheet_range(&names[1]).unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&calamine::Data::String(
            "财政项目支出绩效目标申报表\n（2026年度）".into()
        ))
    );
    assert_eq!(
        json_of(&import_ok(docx.to_str().unwrap())),
        json_of(&import_ok(SH_TWO))
    );
    let _ = std::fs::remove_dir_all(&dir);

    let o = jixiao(&["share", SH_TWO]);
    let links: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(links.len(), 2);
    let t = jixiao_formats::share::decode(&links[1]).unwrap();
    assert_eq!(
        (t.form.id(), t.project.as_str()),
        ("shanghai", "苏州河沿岸步道贯通提升工程")
    );
}

#[test]
fn the_readme_example_of_the_shanghai_form_reads() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("```json\n{\"format\": \"jixiao\", \"version\": 1, \"tables\": [ {\n  \"form\"")
        .unwrap();
    let block = &readme[start + 8..];
    let file = Scratch::new("readme.json", &block[..block.find("```").unwrap()]);
    let v = json_of(&import_ok(file.path()));
    assert_eq!(v["tables"][0]["form"], "shanghai");
    // Its money adds up; with one indicator, only the indicator tree is short.
    let o = jixiao(&["check", "--json", file.path()]);
    let codes: Vec<String> = json_of(&stdout(&o))
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.iter().all(|c| c == "level1-missing"), "{codes:?}");
}
