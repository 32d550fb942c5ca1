//! The `jixiao` command: output shapes and exit codes scripts rely on.

use std::path::PathBuf;
use std::process::{Command, Output};

const FIXTURE: &str = "tests/fixtures/tianjin-2025-tables-1-8.txt";

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("jixiao runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch file that is removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, content: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        Scratch(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

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
    let first = &v.as_array().unwrap()[0];
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
