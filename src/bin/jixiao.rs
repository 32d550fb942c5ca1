//! `jixiao`: the command-line checker, for reviewers who check many tables
//! at once and for scripts.
//!
//! ```text
//! jixiao import FILE            print the document as exchange JSON
//! jixiao check [--json] FILE... report findings per table
//! jixiao docx FILE OUT.docx     write a Word document in the official layout
//! ```
//! A FILE is read as the page reads what is pasted or chosen
//! (`crates/formats/src/reading/`): a Word document (.docx), the published
//! text layout, text copied from a 上海 申报表 PDF, Word/WPS/Excel HTML (the
//! page `jixiao print` writes too), tab-separated text, CSV, exchange JSON
//! or a draft-box backup, in UTF-8, UTF-16 or GB18030. `-` is standard
//! input. Each table keeps its form (`crates/domain/src/form/`): reports
//! name its fields as the form does, and print, xlsx, docx and share links
//! follow its layout.
//!
//! Exit status: 0 when no finding is an error, 1 when any is, 2 for a
//! usage error or when a file cannot be read or holds no table (the reason
//! goes to stderr).

use std::process::ExitCode;

/// Like `println!`, but a closed pipe (`jixiao check … | head`) ends the
/// program quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

use jixiao_domain::{rules, Bilingual, Document, Severity};
use jixiao_drafts::backup;
use jixiao_formats::reading::{self, Found};
use jixiao_formats::{self as formats, exchange, limits};

const USAGE: &str = "\
jixiao — 绩效目标表检查工具 (performance target table checker)

用法 Usage:
  jixiao import FILE              把文件转换为交换格式 JSON，输出到标准输出
  jixiao check [--json] FILE...   检查每张表，列出错误、警告和提示
  jixiao print FILE > out.html     输出官方版式的打印页（A4，可用浏览器打印或另存 PDF）
  jixiao xlsx FILE OUT.xlsx       导出 Excel 工作簿（每张表一个工作表，含合并单元格）
  jixiao docx FILE OUT.docx       导出 Word 文档（官方版式，每张表一页，一级/二级指标合并单元格）
  jixiao share FILE               为每张表输出分享链接片段（#share=…）
  jixiao rules                    列出全部检查规则

FILE 可以是 Word 文档（.docx）、发布文本版式（.txt）、从 PDF 复制的上海申报表文本、Word/WPS/Excel
网页（.htm/.html，包括 jixiao print 的输出）、制表符分隔文本、CSV、交换格式 JSON 或草稿箱备份；
编码可以是 UTF-8、UTF-16（带 BOM）或 GB18030。FILE 为 - 时读取标准输入。旧版 .doc 请先在
Word/WPS 中另存为 .docx。天津 2025 表和上海申报表按标题和栏目自动识别，各按自己的版式输出。
FILE is a Word document (.docx), the published text layout, text copied from a 上海 申报表 PDF,
Word/WPS/Excel HTML (jixiao print's page too), TSV, CSV, exchange JSON or a draft box backup, in
UTF-8, UTF-16 (with BOM) or GB18030; - is standard input. Save an old .doc as .docx in Word or WPS
first. The form (Tianjin 2025 or the 上海 申报表) is told by its title and labels, and every
output follows it.
退出码 Exit status: 0 无错误 no errors; 1 有错误 errors found;
2 用法错误、文件无法读取或没有表 usage error, unreadable file or no table.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("import") => match &args[1..] {
            [file] => import(file),
            _ => usage_error("import 需要且只需要一个文件 (import takes exactly one FILE)"),
        },
        Some("check") => {
            let json = args[1..].iter().any(|a| a == "--json");
            let files: Vec<&String> = args[1..].iter().filter(|a| *a != "--json").collect();
            if let Some(bad) = files.iter().find(|f| f.starts_with("--")) {
                return usage_error(&format!("未知选项 unknown option: {bad}"));
            }
            if files.is_empty() {
                return usage_error("check 需要至少一个文件 (check takes at least one FILE)");
            }
            check(&files, json)
        }
        Some("print") => match &args[1..] {
            [file] => with_doc(file, |doc| {
                let options = formats::print::PrintOptions {
                    summary: doc.tables.len() > 1,
                    standalone: true,
                };
                out!("{}", formats::print::document_html(&doc.tables, &options));
                ExitCode::SUCCESS
            }),
            _ => usage_error("print 需要且只需要一个文件 (print takes exactly one FILE)"),
        },
        Some("xlsx") => match &args[1..] {
            [file, target] => with_doc(file, |doc| {
                write_file(target, &formats::xlsx::workbook(&doc.tables))
            }),
            _ => usage_error("xlsx 需要输入文件和输出文件 (xlsx takes FILE and OUT.xlsx)"),
        },
        Some("docx") => match &args[1..] {
            [file, target] => with_doc(file, |doc| {
                write_file(target, &formats::docx::document(&doc.tables))
            }),
            _ => usage_error("docx 需要输入文件和输出文件 (docx takes FILE and OUT.docx)"),
        },
        Some("share") => match &args[1..] {
            [file] => share(file),
            _ => usage_error("share 需要且只需要一个文件 (share takes exactly one FILE)"),
        },
        Some("rules") => {
            // By severity; within one, in the catalogue's order.
            let mut all = rules::Rule::ALL.to_vec();
            all.sort_by_key(|r| r.severity());
            for r in all {
                out!(
                    "{:<32} {:<7} {} / {}",
                    r.code(),
                    r.severity().text().en,
                    r.summary().zh,
                    r.summary().en
                );
            }
            ExitCode::SUCCESS
        }
        Some("-h") | Some("--help") | Some("help") => {
            out!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("未知命令 unknown command: {other}")),
        None => usage_error("缺少命令 (missing command)"),
    }
}

fn usage_error(why: &str) -> ExitCode {
    eprintln!("jixiao: {why}\n\n{USAGE}");
    ExitCode::from(2)
}

/// GB18030 files: natively with encoding_rs (the root package turns on
/// formats' `gb18030` feature off wasm32, where this binary is built only
/// to be checked).
#[cfg(not(target_arch = "wasm32"))]
const GB18030: Option<reading::Legacy> = Some(&reading::gb18030);
#[cfg(target_arch = "wasm32")]
const GB18030: Option<reading::Legacy> = None;

/// Reads a file (or standard input, `-`) as the page reads what is pasted
/// or chosen: any encoding, any form; a draft-box backup gives the tables
/// of its drafts (not those in its trash).
fn load(path: &str) -> Result<Document, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map(|_| bytes)
            .map_err(|e| format!("{path}: 无法读取标准输入 cannot read standard input: {e}"))?
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: 无法读取文件 cannot read file: {e}"))?
    };
    let found =
        reading::read_file(path, &bytes, GB18030).map_err(|e| format!("{path}: {}", e.text()))?;
    let tables = match found {
        Found::Tables { tables, .. } => tables,
        Found::Backup { json } => {
            let (tables, problems) =
                backup::tables(&json).map_err(|e| format!("{path}: {}", e.text()))?;
            for p in problems {
                eprintln!("jixiao: {path}: {p}");
            }
            let doc = Document { tables };
            limits::check_document(&doc).map_err(|e| format!("{path}: {}", e.text()))?;
            doc.tables
        }
    };
    if tables.is_empty() {
        return Err(format!("{path}: 文件中没有表 the file holds no table"));
    }
    Ok(Document { tables })
}

fn import(path: &str) -> ExitCode {
    match load(path) {
        Ok(doc) => {
            out!("{}", exchange::to_json(&doc));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jixiao: {e}");
            ExitCode::from(2)
        }
    }
}

/// Loads a file and runs `f` on it, or reports why it cannot be read (exit 2).
fn with_doc(path: &str, f: impl FnOnce(&Document) -> ExitCode) -> ExitCode {
    match load(path) {
        Ok(doc) => f(&doc),
        Err(e) => {
            eprintln!("jixiao: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes an exported file (exit 0), or says why it cannot (exit 2).
fn write_file(target: &str, bytes: &[u8]) -> ExitCode {
    match std::fs::write(target, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jixiao: {target}: 无法写入 cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints one share-link fragment per table (append it to the page's URL).
fn share(path: &str) -> ExitCode {
    let doc = match load(path) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("jixiao: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for (i, table) in doc.tables.iter().enumerate() {
        match formats::share::encode(table) {
            Ok(payload) => out!("#share={payload}"),
            Err(e) => {
                eprintln!("jixiao: 表 {}: {}", i + 1, e.text());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn check(files: &[&String], json: bool) -> ExitCode {
    let mut any_error = false;
    let mut unreadable = false;
    let mut records = Vec::new();
    for path in files {
        let doc = match load(path) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("jixiao: {e}");
                unreadable = true;
                continue;
            }
        };
        for (index, table) in doc.tables.iter().enumerate() {
            let findings = rules::check(table);
            any_error |= findings.iter().any(|f| f.severity() == Severity::Error);
            if json {
                for f in &findings {
                    records.push(serde_json::json!({
                        "file": path,
                        "table": index,
                        "project": table.project,
                        "code": f.code(),
                        "severity": f.severity(),
                        "path": f.place.path(),
                        "place": table.form.place_text(&f.place).zh,
                        "message": f.message,
                        "message_en": f.message_en,
                    }));
                }
            } else {
                print_report(path, index, table, &findings);
            }
        }
    }
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(&records).expect("findings serialize")
        );
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_report(
    path: &str,
    index: usize,
    table: &jixiao_domain::Table,
    findings: &[rules::Finding],
) {
    let name = if table.project.trim().is_empty() {
        "（未命名项目）"
    } else {
        table.project.trim()
    };
    let counts = rules::Counts::of(findings);
    // Tables of another form than the default say which.
    let form = if table.form.is_default() {
        String::new()
    } else {
        format!("（{}）", table.form.text().zh)
    };
    out!(
        "{path} · 表 {}{form}：{name}  —  错误 {}，警告 {}，提示 {}",
        index + 1,
        counts.errors,
        counts.warnings,
        counts.hints
    );
    for f in findings {
        out!(
            "  [{}] {}  {}  ({})",
            f.severity().text().zh,
            table.form.place_text(&f.place).zh,
            f.message,
            f.code()
        );
    }
    out!();
}
