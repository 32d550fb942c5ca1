//! The one reading entry point (`crates/formats/src/reading/`): every form the page and the
//! command line accept is recognised by what it is, never by its first
//! character; every encoding gives the same tables; a refusal says what
//! was tried.

use jixiao_domain::{Amount, Bilingual, Document, Lang, MoneyUnit, Table};
use jixiao_formats::reading::{self, Found, Origin, ReadError, Refusal};
use jixiao_formats::{exchange, layout, limits, print, share, tsv};

const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");
const FIXTURE_GB18030: &[u8] =
    include_bytes!("../../../tests/fixtures/encodings/tianjin-2025-tables-1-8.gb18030.txt");
const EXCEL_TSV: &str = include_str!("../../../tests/fixtures/clipboard/excel.tsv");
const WORD_HTML: &str = include_str!("../../../tests/fixtures/clipboard/word.html");

fn sample() -> Vec<Table> {
    layout::import(FIXTURE).unwrap().tables
}

/// The tables found, and what they were read as.
fn tables(found: Result<Found, ReadError>) -> (Origin, Vec<Table>) {
    match found {
        Ok(Found::Tables { from, tables }) => (from, tables),
        other => panic!("expected tables, got {other:?}"),
    }
}

fn error(found: Result<Found, ReadError>) -> ReadError {
    match found {
        Err(e) => e,
        Ok(f) => panic!("expected an error, got {f:?}"),
    }
}

/// The published text whose first line starts with a Word bookmark, as
/// text extracted from the published .docx often does.
fn bookmarked() -> String {
    let (first, rest) = FIXTURE.split_once('\n').unwrap();
    assert_eq!(first.trim(), "1.科技统计信息系统建设和运维绩效目标表");
    let rest = rest.replacen(
        "\t331202天津市科学技术发展战略研究院",
        "\t331202某某研究院",
        1,
    );
    let text = format!("[bookmark: _Toc_4_4_0000000094]9.某某专项工作绩效目标表\n{rest}");
    assert!(text.starts_with(
        "[bookmark: _Toc_4_4_0000000094]9.某某专项工作绩效目标表\n\t331202某某研究院\n\t单位：万元\n"
    ));
    text
}

#[test]
fn a_bookmark_before_the_first_title_is_the_published_text_not_json() {
    let text = bookmarked();
    let (from, found) = tables(reading::read_input(&text, None, None));
    assert_eq!(from, Origin::Text);
    assert_eq!(found.len(), 8);
    assert_eq!(found[0].unit_code, "331202");
    assert_eq!(found[0].unit_name, "某某研究院");
    assert_eq!(found[0].money_unit, MoneyUnit::Wan);
    // The first table keeps everything but its unit; the others are as published.
    let want = sample();
    assert_eq!(found[0].project, want[0].project);
    assert_eq!(found[0].indicators, want[0].indicators);
    assert_eq!(found[1..], want[1..]);
    // Chosen as a .txt file, in any encoding: the same.
    let (_, as_file) = tables(reading::read_file("某某.txt", text.as_bytes(), None));
    assert_eq!(as_file, found);
    // A line that merely starts like JSON is not JSON either.
    let (from, _) = tables(reading::read_input(&text, None, Some("导出.json")));
    assert_eq!(from, Origin::Text);
}

#[test]
fn each_form_is_recognised() {
    let doc = Document { tables: sample() };
    assert!(!reading::looks_tab_separated(FIXTURE));
    assert_eq!(
        tables(reading::read_input(FIXTURE, None, None)),
        (Origin::Text, doc.tables.clone())
    );

    assert!(reading::looks_tab_separated(EXCEL_TSV));
    let (from, t) = tables(reading::read_input(EXCEL_TSV, None, None));
    assert_eq!((from, t.len()), (Origin::Tsv, 1));

    // The clipboard's HTML wins over its plain text.
    let (from, t) = tables(reading::read_input("随便", Some(WORD_HTML), None));
    assert_eq!((from, t.len()), (Origin::Copied, 1));
    // A file of HTML, without the clipboard's html part.
    let (from, t) = tables(reading::read_input(WORD_HTML, None, Some("t.htm")));
    assert_eq!((from, t.len()), (Origin::Html, 1));

    let json = exchange::to_json(&doc);
    assert_eq!(
        tables(reading::read_input(&json, None, Some("a.json"))),
        (Origin::Json, doc.tables.clone())
    );
    // A bare table object, as other tools write it.
    let bare = serde_json::to_string(&doc.tables[3]).unwrap();
    assert_eq!(
        tables(reading::read_input(&bare, None, None)),
        (Origin::Json, vec![doc.tables[3].clone()])
    );

    let link = share::link("https://x/jixiao/", &doc.tables[2]).unwrap();
    let (from, t) = tables(reading::read_input(&format!("  {link}\n"), None, None));
    assert_eq!((from, t), (Origin::ShareLink, vec![doc.tables[2].clone()]));
    assert_eq!(from.label(Lang::Zh), "分享链接");
    assert_eq!(from.name().get(Lang::En), "share link");

    let tsv = tsv::document_tsv(&doc.tables);
    assert_eq!(
        tables(reading::read_input(&tsv, None, None)),
        (Origin::Tsv, doc.tables.clone())
    );
}

/// TSV as Excel writes it (quoted cells start with `"`) → CSV.
fn csv_of(tsv: &str) -> String {
    let mut out = String::new();
    for line in tsv.split_terminator("\r\n") {
        let mut cells = Vec::new();
        let mut rest = line;
        loop {
            let (cell, next) = if let Some(q) = rest.strip_prefix('"') {
                let mut value = String::new();
                let mut i = 0;
                let b = q.as_bytes();
                loop {
                    let at = i + q[i..].find('"').expect("quote closed");
                    value.push_str(&q[i..at]);
                    if b.get(at + 1) == Some(&b'"') {
                        value.push('"');
                        i = at + 2;
                    } else {
                        break (value, &q[at + 1..]);
                    }
                }
            } else {
                let end = rest.find('\t').unwrap_or(rest.len());
                (rest[..end].to_string(), &rest[end..])
            };
            cells.push(if cell.contains([',', '"', '\n']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell
            });
            match next.strip_prefix('\t') {
                Some(r) => rest = r,
                None => break,
            }
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[test]
fn csv_is_read_when_named_so_and_when_nothing_else_fits() {
    let mut want = sample();
    want[1].purpose = "用于 1,200 人次的培训，\n以及 \"诚信\" 宣传。".into();
    let csv = csv_of(&tsv::document_tsv(&want));
    assert!(csv.contains("\"用于 1,200 人次的培训，\n以及 \"\"诚信\"\" 宣传。\""));
    assert_eq!(
        tables(reading::read_input(&csv, None, Some("表格.CSV"))),
        (Origin::Csv, want.clone())
    );
    // Pasted, without a name: the layout and TSV refuse it, CSV takes it.
    assert_eq!(
        tables(reading::read_input(&csv, None, None)),
        (Origin::Csv, want)
    );
}

#[test]
fn every_encoding_gives_the_same_tables() {
    let want = sample();
    let utf16 = |le: bool| -> Vec<u8> {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in FIXTURE.encode_utf16() {
            bytes.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    };
    // The fixture file is the published text in GB18030, byte for byte.
    let (encoded, _, unmappable) = encoding_rs::GB18030.encode(FIXTURE);
    assert!(!unmappable);
    assert_eq!(&encoded[..], FIXTURE_GB18030);
    assert!(String::from_utf8(FIXTURE_GB18030.to_vec()).is_err());

    let gb18030 = |bytes: &[u8]| -> Option<String> {
        #[cfg(feature = "gb18030")]
        return reading::gb18030(bytes);
        #[cfg(not(feature = "gb18030"))]
        Some(
            encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        )
    };
    let files: [(&str, Vec<u8>); 5] = [
        ("utf-8", FIXTURE.as_bytes().to_vec()),
        (
            "utf-8 with BOM",
            [b"\xEF\xBB\xBF", FIXTURE.as_bytes()].concat(),
        ),
        ("utf-16le", utf16(true)),
        ("utf-16be", utf16(false)),
        ("gb18030", FIXTURE_GB18030.to_vec()),
    ];
    for (what, bytes) in &files {
        let found = reading::read_file("表.txt", bytes, Some(&gb18030));
        assert_eq!(tables(found), (Origin::Text, want.clone()), "{what}");
    }
    // Without a decoder for GB18030, it is not guessed at.
    let e = error(reading::read_file("表.txt", FIXTURE_GB18030, None));
    assert!(matches!(e, ReadError::NothingFits(_)), "{e:?}");
}

#[test]
fn what_jixiao_print_writes_reads_back_as_the_same_tables() {
    let mut want = sample();
    let mut full = want[2].clone();
    full.money_unit = MoneyUnit::Yuan;
    full.department = Some("某某局".into());
    full.implementer = Some("某某中心".into());
    full.total_funds = Amount::parse("900000.00");
    full.plan_start = Some("2025-01-01".into());
    full.plan_end = Some("2025年12月31日".into());
    full.overall_goal = Some("三年内完成。\n第二行".into());
    full.purpose = "第一段。\n第二段。".into();
    want.push(full);
    for summary in [false, true] {
        for standalone in [false, true] {
            let options = print::PrintOptions {
                summary,
                standalone,
            };
            let html = print::document_html(&want, &options);
            let found = reading::read_input(&html, None, Some("打印.html"));
            assert_eq!(tables(found), (Origin::Html, want.clone()), "{options:?}");
        }
    }
}

#[test]
fn a_backup_is_named_for_the_draft_box_to_read() {
    let backup = r#"{"format":"jixiao-backup","version":1,"drafts":[]}"#;
    let found = reading::read_file("备份.json", format!("\u{feff}{backup}\n").as_bytes(), None);
    assert_eq!(
        found,
        Ok(Found::Backup {
            json: backup.to_string()
        })
    );
}

#[test]
fn when_nothing_fits_the_error_says_what_was_tried() {
    let e = error(reading::read_input("随便一段话", None, None));
    let ReadError::NothingFits(tried) = &e else {
        panic!("{e:?}")
    };
    let forms: Vec<Origin> = tried.iter().map(|a| a.form).collect();
    assert_eq!(forms, [Origin::Text, Origin::Tsv]);
    let text = e.text();
    assert!(
        text.zh
            .starts_with("没有找到绩效目标表。按发布文本版式读取：第 1 行："),
        "{text}"
    );
    assert!(
        text.zh
            .contains("按制表符分隔的表格读取：这张表不像绩效目标表"),
        "{text}"
    );
    assert!(
        text.en
            .starts_with("No performance target table was found. As the published text layout: Line 1: No performance target table"),
        "{text}"
    );
    assert_eq!(e.to_string(), text.zh);

    // A cut-off JSON file: not JSON, and nothing else either; the JSON
    // reason comes first when the file says it is JSON.
    let json = exchange::to_json(&Document { tables: sample() });
    let cut = &json[..json.len() / 2];
    let e = error(reading::read_input(cut, None, Some("tables.json")));
    let ReadError::NothingFits(tried) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(tried[0].form, Origin::Json);
    assert!(matches!(
        tried[0].refusal,
        Refusal::Json(exchange::ExchangeError::Broken { .. })
    ));
    assert!(
        e.text().zh.contains("按JSON读取：文件不是有效的 JSON（第 "),
        "{}",
        e.text()
    );
    let e = error(reading::read_input(cut, None, None));
    let ReadError::NothingFits(tried) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(tried.last().unwrap().form, Origin::Json);
}

#[test]
fn json_and_share_links_answer_for_themselves() {
    let e = error(reading::read_input(r#"{"hello":1}"#, None, None));
    assert!(e.text().zh.contains("不是绩效目标表编制器的文件"), "{e}");
    assert!(matches!(e, ReadError::Refused(ref a) if a.form == Origin::Json));
    let e = error(reading::read_input(
        r#"{"format":"jixiao","version":9,"tables":[]}"#,
        None,
        None,
    ));
    assert!(e.text().zh.contains("更新版本"), "{e}");
    let e = error(reading::read_input(
        r#"{"format":"jixiao","version":1,"tables":[]}"#,
        None,
        None,
    ));
    assert_eq!(
        e,
        ReadError::Refused(reading::Attempt {
            form: Origin::Json,
            refusal: Refusal::NoTable
        })
    );
    let e = error(reading::read_input("#share=v1.AAAA", None, None));
    assert!(matches!(e, ReadError::Refused(ref a) if a.form == Origin::ShareLink));
    assert!(e.text().en.contains("share link"), "{e}");
}

#[test]
fn empty_binary_unreadable_and_too_large_inputs_say_so() {
    assert_eq!(
        error(reading::read_input(" \n ", None, None)),
        ReadError::Nothing
    );
    assert_eq!(
        error(reading::read_input("\u{feff}", None, None))
            .text()
            .get(Lang::En),
        "Nothing to import: paste a table, or choose a file."
    );
    assert_eq!(
        error(reading::read_input("PK\u{3}\u{4}\0\0", None, None)),
        ReadError::NotText
    );
    // The clipboard held a table that is not ours, and no text.
    let e = error(reading::read_input(
        "",
        Some("<p>no</p><table><tr><td>x</td></tr></table>"),
        None,
    ));
    assert!(e.text().zh.contains("不像绩效目标表"), "{e}");

    let e = reading::unreadable("去年.doc").unwrap();
    assert!(
        e.text().zh.starts_with(
            "不能直接读取 .doc 文件：请在 Word/WPS 中打开它，另存为“Word 文档(*.docx)”"
        ),
        "{e}"
    );
    assert!(
        e.text()
            .en
            .starts_with("A .doc file cannot be read directly: open it in Word or WPS and save it as “Word Document (*.docx)”"),
        "{e}"
    );
    assert!(reading::unreadable("a.txt").is_none());
    assert!(reading::unreadable("资料.v2/说明").is_none());
    assert_eq!(
        error(reading::read_file("表.XLSX", b"PK", None)),
        ReadError::Unreadable {
            extension: "xlsx".into()
        }
    );

    let big = "x".repeat(limits::MAX_IMPORT_BYTES + 1);
    for (text, html) in [(big.as_str(), None), ("", Some(big.as_str()))] {
        let e = error(reading::read_input(text, html, None));
        assert!(matches!(e, ReadError::Limit(_)), "{e:?}");
        assert!(e.text().zh.contains("内容过大"));
        assert!(e.text().en.starts_with("Too large"));
    }
    let long = Table {
        project: "项".repeat(limits::MAX_FIELD_CHARS + 1),
        ..Table::default()
    };
    let json = exchange::to_json(&Document { tables: vec![long] });
    let e = error(reading::read_input(&json, None, None));
    assert!(
        e.text().zh.contains("项目名称") && e.text().zh.contains("过长"),
        "{e}"
    );
}
