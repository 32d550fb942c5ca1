//! The `jixiao` command: output shapes and exit codes scripts rely on.

mod cli_support;

use std::process::Command;

use cli_support::{import_ok, jixiao, stderr, stdout, Scratch, FIXTURE};

#[test]
fn import_prints_exchange_json() {
    let o = jixiao(&["import", FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["format"], "jixiao");
    assert_eq!(v["version"], 1);
    let t0 = &v["tables"][0];
    assert_eq!(v["tables"].as_array().unwrap().len(), 8);
    assert_eq!(t0["unit_code"], "331202");
    assert_eq!(t0["money_unit"], "万元");
    assert_eq!(t0["budget"]["total"], "45.00");
    assert_eq!(t0["budget"]["fiscal"], "45.00");
    assert!(t0["budget"]["other"].is_null());
    assert_eq!(t0["framework"], "2020");
    assert_eq!(t0["indicators"][0]["level2"], "数量指标");
    assert_eq!(t0["indicators"][0]["value"], "3个");
}

#[test]
fn check_of_the_fixture_exits_0_with_a_readable_report() {
    let o = jixiao(&["check", FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("科技统计信息系统建设和运维"));
    assert!(out.contains("[提示]"));
    assert!(out.contains("quality-looks-like-quantity"));
}

#[test]
fn json_findings_have_the_documented_keys() {
    let o = jixiao(&["check", "--json", FIXTURE]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The fixture's first quality hint (other rules may report before it).
    let first = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "quality-looks-like-quantity")
        .expect("a quality hint");
    for key in [
        "file",
        "table",
        "code",
        "severity",
        "path",
        "message",
        "message_en",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
    assert_eq!(first["file"], FIXTURE);
    assert_eq!(first["table"], 4);
    assert_eq!(first["severity"], "hint");
    assert_eq!(first["path"], "indicators[3].level2");
}

#[test]
fn errors_exit_1_and_json_files_are_read() {
    // Export the fixture, break one table's budget, check the JSON.
    let json = stdout(&jixiao(&["import", FIXTURE]));
    let broken = json.replacen("\"fiscal\": \"45.00\"", "\"fiscal\": \"40.00\"", 1);
    assert_ne!(json, broken);
    let file = Scratch::new("broken.json", &broken);
    let o = jixiao(&["check", "--json", file.path()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let sum = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "budget-sum")
        .expect("budget-sum reported");
    assert_eq!(sum["table"], 0);
    assert_eq!(sum["severity"], "error");
    assert_eq!(sum["path"], "budget.total");
}

#[test]
fn unreadable_or_tableless_files_exit_2_with_a_reason() {
    let o = jixiao(&["check", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.txt"));

    let letter = Scratch::new("letter.txt", "尊敬的领导：\n您好。\n");
    let o = jixiao(&["check", letter.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("没有找到绩效目标表"), "{}", stderr(&o));

    let newer = Scratch::new(
        "newer.json",
        r#"{"format":"jixiao","version":9,"tables":[]}"#,
    );
    let o = jixiao(&["import", newer.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("更新版本"));

    let empty = Scratch::new(
        "empty.json",
        r#"{"format":"jixiao","version":1,"tables":[]}"#,
    );
    let o = jixiao(&["check", empty.path()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn one_bad_file_among_good_ones_still_reports_the_good_ones() {
    let o = jixiao(&["check", FIXTURE, "missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("科技统计信息系统建设和运维"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(jixiao(&[]).status.code(), Some(2));
    assert_eq!(jixiao(&["check"]).status.code(), Some(2));
    assert_eq!(jixiao(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(jixiao(&["import"]).status.code(), Some(2));
    assert_eq!(
        jixiao(&["check", "--bogus", FIXTURE]).status.code(),
        Some(2)
    );
    assert_eq!(jixiao(&["--help"]).status.code(), Some(0));
    let rules = jixiao(&["rules"]);
    assert!(stdout(&rules).contains("cost-over-budget"));
}

#[test]
fn share_prints_one_fragment_per_table_that_decodes() {
    let o = jixiao(&["share", FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 8);
    let first = jixiao_formats::share::decode(&lines[0]).unwrap();
    assert_eq!(first.project, "科技统计信息系统建设和运维");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    // Far more output than a pipe buffers, so the writer meets the hang-up.
    let big = std::fs::read_to_string(FIXTURE).unwrap().repeat(20);
    let file = Scratch::new("big.txt", &big);
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["import", file.path()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then hang up, like `| head -1`.
    let mut out = child.stdout.take().unwrap();
    let mut buf = [0u8; 16];
    out.read_exact(&mut buf).unwrap();
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn print_writes_a_whole_page_and_xlsx_a_workbook() {
    let o = jixiao(&["print", FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    assert!(html.contains("1.科技统计信息系统建设和运维绩效目标表"));
    assert!(html.contains("8.农业科技特派员提升工作绩效目标表"));

    let out = std::env::temp_dir().join(format!("jixiao-cli-{}.xlsx", std::process::id()));
    let o = jixiao(&["xlsx", FIXTURE, out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    assert_eq!(&bytes[..2], b"PK");
    assert_eq!(jixiao(&["xlsx", FIXTURE]).status.code(), Some(2));
}

#[test]
fn an_unknown_command_is_named_and_a_missing_one_is_said_missing() {
    let o = jixiao(&["FOO"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("jixiao: 未知命令 unknown command: FOO\n"),
        "{err}"
    );
    assert!(err.contains("用法 Usage:"), "{err}");
    assert!(stdout(&o).is_empty());

    let o = jixiao(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("jixiao: 缺少命令 (missing command)\n"),
        "{}",
        stderr(&o)
    );
}

/// `jixiao import` of the fixture: the reference every other form is
/// compared with, byte for byte.
fn reference_json() -> String {
    let o = jixiao(&["import", FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn import_gives_the_same_json_in_every_encoding() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(unit));
        bytes
    };
    let gb18030 =
        std::fs::read("tests/fixtures/encodings/tianjin-2025-tables-1-8.gb18030.txt").unwrap();
    assert!(String::from_utf8(gb18030.clone()).is_err());
    let files = [
        Scratch::bytes("utf8.txt", text.as_bytes()),
        Scratch::bytes("utf8-bom.txt", &[b"\xEF\xBB\xBF", text.as_bytes()].concat()),
        Scratch::bytes("gb18030.txt", &gb18030),
        Scratch::bytes("utf16le.txt", &utf16([0xFF, 0xFE], u16::to_le_bytes)),
        Scratch::bytes("utf16be.txt", &utf16([0xFE, 0xFF], u16::to_be_bytes)),
    ];
    let want = reference_json();
    for f in &files {
        assert_eq!(import_ok(f.path()), want, "{}", f.path());
    }
    // check reads them too.
    let o = jixiao(&["check", files[2].path(), files[4].path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("科技统计信息系统建设和运维").count(), 2);
}

#[test]
fn what_print_writes_imports_as_the_same_tables() {
    let html = stdout(&jixiao(&["print", FIXTURE]));
    let page = Scratch::new("printed.html", &html);
    let want = reference_json();
    assert_eq!(import_ok(page.path()), want);

    // Through a pipe: jixiao print FILE | jixiao import -
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(html.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), want);
}

#[test]
fn tab_separated_and_comma_separated_files_are_read() {
    let doc = jixiao_formats::layout::import(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap();
    let tsv = jixiao_formats::tsv::document_tsv(&doc.tables);
    // No cell of the sample needs quoting, so CSV is TSV with commas.
    assert!(!tsv.contains([',', '"']));
    let csv = tsv.replace('\t', ",");
    let want = reference_json();
    assert_eq!(import_ok(Scratch::new("tables.tsv", &tsv).path()), want);
    assert_eq!(import_ok(Scratch::new("tables.csv", &csv).path()), want);
    // A dot in a folder's name does not hide the file's extension.
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}.d", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tables");
    std::fs::write(&file, &csv).unwrap();
    let o = jixiao(&["import", file.to_str().unwrap()]);
    let named = dir.join("tables.csv");
    std::fs::write(&named, &csv).unwrap();
    let got = import_ok(named.to_str().unwrap());
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(got, want);
    // Without a name that says CSV, it is still found, as CSV.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), want);
}

#[test]
fn a_draft_box_backup_gives_the_tables_of_its_drafts() {
    use jixiao_drafts::{backup, DraftBox, MemoryStore};
    let doc = jixiao_formats::layout::import(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap();
    let mut drafts = DraftBox::new(MemoryStore::new());
    for (i, t) in doc.tables.iter().enumerate() {
        drafts
            .create(&format!("d{i}"), &t.project, t.clone(), 10 + i as u64)
            .unwrap();
    }
    drafts.trash("d3", 100).unwrap();
    let file = Scratch::new("backup.json", &backup::export(&drafts).unwrap());
    let v: serde_json::Value = serde_json::from_str(&import_ok(file.path())).unwrap();
    let projects: Vec<&str> = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["project"].as_str().unwrap())
        .collect();
    // The backup lists the newest draft first; the one in the trash is left out.
    let mut want: Vec<&str> = doc.tables.iter().map(|t| t.project.as_str()).collect();
    want.remove(3);
    want.reverse();
    assert_eq!(projects, want);
    let t7: jixiao_domain::Table = serde_json::from_value(v["tables"][0].clone()).unwrap();
    assert_eq!(t7, doc.tables[7]);

    // A damaged draft is named on stderr; the others are still read.
    let damaged = std::fs::read_to_string(file.path()).unwrap().replacen(
        "\"drafts\": [",
        "\"drafts\": [{\"version\": 2},",
        1,
    );
    let damaged = Scratch::new("damaged-backup.json", &damaged);
    let o = jixiao(&["check", damaged.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("第 1 个草稿无法读取"), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches(" · 表 ").count(), 7);

    let newer = Scratch::new(
        "newer-backup.json",
        r#"{"format":"jixiao-backup","version":7,"drafts":[]}"#,
    );
    let o = jixiao(&["import", newer.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("备份由更新版本写入"), "{}", stderr(&o));
}

#[test]
fn a_published_text_starting_with_a_word_bookmark_is_read() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let (_, rest) = text.split_once('\n').unwrap();
    let rest = rest.replacen(
        "\t331202天津市科学技术发展战略研究院",
        "\t331202某某研究院",
        1,
    );
    let marked = format!("[bookmark: _Toc_4_4_0000000094]9.某某专项工作绩效目标表\n{rest}");
    assert!(marked.starts_with(
        "[bookmark: _Toc_4_4_0000000094]9.某某专项工作绩效目标表\n\t331202某某研究院\n\t单位：万元\n"
    ));
    let file = Scratch::new("bookmarked.txt", &marked);
    let got: serde_json::Value = serde_json::from_str(&import_ok(file.path())).unwrap();
    let mut want: serde_json::Value = serde_json::from_str(&reference_json()).unwrap();
    want["tables"][0]["unit_name"] = "某某研究院".into();
    assert_eq!(got, want);
}

// ---------------------------------------------------------------------------
// Word documents: read with a fixture python-docx wrote, written and read
// back by python-docx (tests/docx/), so neither side is tested only with
// jixiao's own code.

const DOCX_FIXTURE: &str = "tests/fixtures/tianjin-2025-tables-1-8.docx";

/// Whether python-docx is there. When it is not, a test that needs it fails
/// where it must run (JIXIAO_REQUIRE_PYTHON_DOCX=1, or CI), and elsewhere
/// says it was skipped.
fn python_docx() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let why = "python-docx is not installed: run scripts/setup \
                   (or python3 -m pip install -r tests/docx/requirements.txt)";
        let required = std::env::var("JIXIAO_REQUIRE_PYTHON_DOCX").is_ok_and(|v| v == "1")
            || std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(
            !required,
            "{why}; JIXIAO_REQUIRE_PYTHON_DOCX=1 or CI needs it"
        );
        eprintln!("SKIPPED: {why}");
    }
    ok
}

fn python(args: &[&str]) -> String {
    let o = Command::new("python3")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "python3 {args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn import_and_check_read_a_word_document_as_the_published_text() {
    assert_eq!(import_ok(DOCX_FIXTURE), reference_json());
    let o = jixiao(&["check", DOCX_FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches(" · 表 ").count(), 8);
    assert!(
        stdout(&o).contains("表 8：农业科技特派员提升工作"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_committed_word_fixture_is_what_make_fixture_writes() {
    if !python_docx() {
        return;
    }
    let fresh = Scratch::bytes("fresh-fixture.docx", b"");
    python(&["tests/docx/make_fixture.py", fresh.path()]);
    assert_eq!(import_ok(fresh.path()), import_ok(DOCX_FIXTURE));
}

/// 一级 (or 二级 within 一级) runs: (first, last) indicator rows.
fn runs(keys: &[String]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        match out.last_mut() {
            Some((a, b)) if keys[*a] == *k && *b + 1 == i => *b = i,
            _ => out.push((i, i)),
        }
    }
    out
}

#[test]
fn docx_writes_the_official_layout_and_python_docx_reads_it_whole() {
    let out = Scratch::bytes("tables.docx", b"");
    let o = jixiao(&["docx", FIXTURE, out.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    // Our own reader gives back the tables written.
    assert_eq!(import_ok(out.path()), reference_json());
    if !python_docx() {
        return;
    }
    let read: serde_json::Value =
        serde_json::from_str(&python(&["tests/docx/read_docx.py", out.path()])).unwrap();
    assert_eq!(
        read["sections"],
        serde_json::json!([{"width_mm": 210, "height_mm": 297, "orientation": "PORTRAIT"}])
    );
    let fonts = read["east_asia_fonts"].as_array().unwrap();
    assert!(
        fonts.contains(&"宋体".into()) && fonts.contains(&"仿宋".into()),
        "{fonts:?}"
    );

    let want: serde_json::Value = serde_json::from_str(&reference_json()).unwrap();
    let body = read["body"].as_array().unwrap();
    let titles: Vec<usize> = (0..body.len())
        .filter(|&i| {
            body[i]["paragraph"]
                .as_str()
                .is_some_and(|p| p.ends_with("绩效目标表"))
        })
        .collect();
    let tables = want["tables"].as_array().unwrap();
    assert_eq!(titles.len(), tables.len());
    for (n, (&at, t)) in titles.iter().zip(tables).enumerate() {
        let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
        let title = &body[at];
        assert_eq!(
            title["paragraph"],
            format!("{}.{}绩效目标表", n + 1, s(&t["project"]))
        );
        assert_eq!(
            title["page_break_before"],
            n > 0,
            "table {} starts a page",
            n + 1
        );
        assert_eq!(title["alignment"], "CENTER");
        assert_eq!(
            body[at + 1]["paragraph"],
            format!("{}{}\t单位：万元", s(&t["unit_code"]), s(&t["unit_name"]))
        );
        let grid = body[at + 2]["table"].as_array().expect("a table follows");
        let row = |r: usize| -> Vec<String> { grid[r].as_array().unwrap().iter().map(s).collect() };
        assert_eq!(
            row(0),
            [vec!["项目名称".to_string()], vec![s(&t["project"]); 6]].concat()
        );
        let head = (0..grid.len())
            .find(|&r| row(r)[0] == "一级指标")
            .expect("the indicator header");
        let inds = t["indicators"].as_array().unwrap();
        assert_eq!(grid.len(), head + 1 + inds.len(), "table {}", n + 1);
        for (i, ind) in inds.iter().enumerate() {
            let (name, desc) = (s(&ind["name"]), s(&ind["description"]));
            let cells = [
                s(&ind["level1"]),
                s(&ind["level2"]),
                name.clone(),
                name,
                desc.clone(),
                desc,
                s(&ind["value"]),
            ];
            assert_eq!(
                row(head + 1 + i),
                cells,
                "table {} indicator {}",
                n + 1,
                i + 1
            );
        }
        // 一级 and 二级 are merged down their runs, and only there.
        let level = |k: &str| -> Vec<String> { inds.iter().map(|i| s(&i[k])).collect() };
        let mut want_merges: Vec<[usize; 4]> = Vec::new();
        for (a, b) in runs(&level("level1")) {
            if b > a {
                want_merges.push([head + 1 + a, 0, head + 1 + b, 0]);
            }
            let level2 = level("level2")[a..=b].to_vec();
            for (x, y) in runs(&level2) {
                if y > x {
                    want_merges.push([head + 1 + a + x, 1, head + 1 + a + y, 1]);
                }
            }
        }
        let mut got_merges: Vec<[usize; 4]> = body[at + 2]["merges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| serde_json::from_value(m.clone()).unwrap())
            .filter(|m: &[usize; 4]| m[0] > head && m[1] < 2)
            .collect();
        want_merges.sort();
        got_merges.sort();
        assert_eq!(got_merges, want_merges, "table {}", n + 1);
        assert!(!want_merges.is_empty());
    }
}

#[test]
fn word_files_that_give_no_table_exit_2_and_say_why() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    let old = Scratch::bytes("old.doc", &ole);
    let o = jixiao(&["import", old.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("旧版 Word 文档（.doc）"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("Save As → Word Document (*.docx)"),
        "{}",
        stderr(&o)
    );

    let whole = std::fs::read(DOCX_FIXTURE).unwrap();
    let broken = Scratch::bytes("broken.docx", &whole[..whole.len() / 2]);
    let o = jixiao(&["check", broken.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("已损坏或不完整"), "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.docx"), "{}", stderr(&o));

    let empty = Scratch::bytes("empty.docx", &jixiao_formats::docx::document(&[]));
    let o = jixiao(&["import", empty.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Word 文档中没有表格"), "{}", stderr(&o));

    // Nothing is written from an input that gives no table.
    let target = std::env::temp_dir().join(format!("jixiao-cli-{}-none.docx", std::process::id()));
    let o = jixiao(&["docx", old.path(), target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!target.exists());
    assert_eq!(jixiao(&["docx", FIXTURE]).status.code(), Some(2));
    assert!(stdout(&jixiao(&["--help"])).contains("jixiao docx FILE OUT.docx"));
}

#[test]
fn a_document_saved_as_text_imports_as_the_published_text() {
    let published = jixiao(&["import", FIXTURE]);
    assert_eq!(published.status.code(), Some(0), "{}", stderr(&published));
    for saved in [
        "tests/fixtures/libreoffice/tianjin-2025-tables-1-8.txt",
        "tests/fixtures/libreoffice/tianjin-2025-tables-1-8.wps.txt",
    ] {
        let o = jixiao(&["import", saved]);
        assert_eq!(o.status.code(), Some(0), "{saved}: {}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&published), "{saved}");
        let check = jixiao(&["check", saved]);
        assert_eq!(check.status.code(), Some(0), "{saved}: {}", stderr(&check));
        assert!(!stdout(&check).contains("[错误]"), "{}", stdout(&check));
    }
    // A table whose cells do not line up is named, with its line; nothing
    // broken is printed.
    let o = jixiao(&[
        "import",
        "tests/fixtures/libreoffice/tianjin-2025-tables-1-8.damaged.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.contains("第 136 行：第 3 张表「大学科技园建设服务」没有导入"),
        "{err}"
    );
    assert!(
        err.contains("Table 3 (大学科技园建设服务) was not imported"),
        "{err}"
    );
}
