//! The import preview as HTML: what was found, then each table with its
//! facts, findings and what is missing; and the count line and findings
//! list that a shared table's view (`share.rs`) shows too.

use crate::domain::form::Form;
use crate::domain::rules::{Counts, Field, Finding};
use crate::domain::{Bilingual, Lang, Table};
use crate::formats::print::escape_html;
use crate::ui::editor::severity_class;
use crate::ui::workspace::count_en;

use super::preview::preview;
use super::print::non_blank;
use super::reading::Found;

/// "3 张表" / "3 tables".
pub fn tables_in(n: usize, l: Lang) -> String {
    match l {
        Lang::Zh => format!("{n} 张表"),
        Lang::En => count_en(n, "table", "tables"),
    }
}

/// "3 个草稿" / "3 drafts".
pub fn drafts_in(n: usize, l: Lang) -> String {
    match l {
        Lang::Zh => format!("{n} 个草稿"),
        Lang::En => count_en(n, "draft", "drafts"),
    }
}

/// What was found, before anything is added: a summary line, then each
/// table, in `l`. Built as HTML (every text escaped) and set as the inner
/// HTML of the preview's container: a static list, much smaller in the
/// page's code than a tree of components. Built once per change of what
/// was given (see `import_dialog.rs`), in one pass over the tables.
pub fn preview_html(found: &Found, existing: &[Table], l: Lang) -> String {
    let mut out = String::with_capacity(2048);
    let known = |t: &Table| existing.contains(t);
    let again = match found {
        Found::Tables { tables, .. } => tables.iter().filter(|t| known(t)).count(),
        Found::Backup { drafts, .. } => drafts.iter().filter(|d| known(&d.table)).count(),
    };
    match found {
        Found::Tables {
            from,
            tables,
            left_out,
        } => {
            let n = tables.len();
            let from = from.label(l);
            let line = match l {
                Lang::Zh => format!("从{from}中找到 {n} 张表："),
                Lang::En => format!("Found {} in the {from}:", tables_in(n, l)),
            };
            push_tag(&mut out, "p", "import-found", &line);
            push_again(&mut out, again, l);
            // Tables that could not be read whole are named, not offered.
            for why in left_out {
                push_tag(&mut out, "p", "import-missing import-left-out", why.get(l));
            }
            push_list_start(&mut out, l.pick("找到的表", "Tables found"));
            for t in tables {
                push_item(&mut out, t, None, known(t), l);
            }
        }
        Found::Backup { drafts, problems } => {
            let n = drafts.len();
            let trashed = drafts.iter().filter(|d| d.meta.trashed.is_some()).count();
            let line = match l {
                Lang::Zh => {
                    let mut line = format!("草稿箱备份：{n} 个草稿");
                    if trashed > 0 {
                        line.push_str(&format!("（其中 {trashed} 个在回收站中）"));
                    }
                    line.push_str("。恢复时全部作为新草稿加入，不会改动已有草稿。");
                    line
                }
                Lang::En => {
                    let mut line = format!("Draft box backup: {}", drafts_in(n, l));
                    if trashed > 0 {
                        line.push_str(&format!(" ({trashed} of them in the trash)"));
                    }
                    line.push_str(
                        ". All are added as new drafts when restored; existing drafts are not changed.",
                    );
                    line
                }
            };
            push_tag(&mut out, "p", "import-found", &line);
            push_again(&mut out, again, l);
            for p in problems {
                push_tag(&mut out, "p", "import-missing", p.get(l));
            }
            push_list_start(&mut out, l.pick("备份中的草稿", "Drafts in the backup"));
            for d in drafts {
                let note = d
                    .meta
                    .trashed
                    .is_some()
                    .then(|| l.pick("（回收站）", "(in the trash)"));
                push_item(
                    &mut out,
                    &d.table,
                    Some((&d.meta.name, note)),
                    known(&d.table),
                    l,
                );
            }
        }
    }
    out.push_str("</ol>");
    out
}

fn push_list_start(out: &mut String, label: &str) {
    out.push_str("<ol class=\"import-list\" aria-label=\"");
    out.push_str(&escape_html(label));
    out.push_str("\">");
}

fn push_again(out: &mut String, again: usize, l: Lang) {
    if again > 0 {
        let text = match (l, again) {
            (Lang::Zh, _) => format!("其中 {again} 张与草稿箱中已有的表完全相同，导入后会重复。"),
            (Lang::En, 1) => "1 of them is identical to a table already in the draft box and would be imported twice.".to_string(),
            (Lang::En, _) => format!(
                "{} of them are identical to tables already in the draft box and would be imported twice.",
                crate::domain::lang::grouped(again)
            ),
        };
        push_tag(out, "p", "import-missing", &text);
    }
}

fn push_tag(out: &mut String, tag: &str, class: &str, text: &str) {
    use std::fmt::Write;
    let _ = write!(
        out,
        "<{tag} class=\"{class}\">{}</{tag}>",
        escape_html(text)
    );
}

/// "错误 0 提示 1", as the page's count lines show it, in `l`.
pub fn counts_html(c: Counts, l: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::from("<span class=\"counts\">");
    for (label, n, class) in [
        (l.pick("错误", "Errors"), c.errors, "error"),
        (l.pick("警告", "Warnings"), c.warnings, "warning"),
        (l.pick("提示", "Hints"), c.hints, "hint"),
    ] {
        let class = if n > 0 { class } else { "zero" };
        let _ = write!(
            out,
            "<span class=\"count {class}\">{label} <b>{n}</b></span>"
        );
    }
    out.push_str("</span>");
    out
}

/// Findings on a table of `form` as the page lists them: tag, place (as
/// the form names it), message, in `l`.
pub fn findings_html(findings: &[Finding], form: Form, class: &str, l: Lang) -> String {
    use std::fmt::Write;
    let mut out = format!("<ul class=\"{class}\">");
    for f in findings {
        let sev = f.severity();
        let _ = write!(
            out,
            "<li class=\"msg {}\"><span class=\"tag\">{}</span><span class=\"where\">{}</span>{}</li>",
            severity_class(sev),
            sev.text().get(l),
            escape_html(form.place_text(&f.place).get(l)),
            escape_html(f.text().get(l))
        );
    }
    out
}

/// One table of the preview. `named`: the draft's name in a backup.
fn push_item(
    out: &mut String,
    t: &Table,
    named: Option<(&str, Option<&str>)>,
    known: bool,
    l: Lang,
) {
    let p = preview(t);
    let title = match named {
        Some((name, _)) if !name.trim().is_empty() => name.to_string(),
        _ => non_blank(&p.project, l.pick("（未填项目名称）", "(no project name)")),
    };
    out.push_str("<li class=\"import-item\"><div class=\"import-item-head\">");
    push_tag(out, "b", "import-project", &title);
    if let Some(note) = named.and_then(|(_, n)| n) {
        push_tag(out, "span", "muted", note);
    }
    if known {
        push_tag(
            out,
            "span",
            "muted",
            l.pick("（草稿箱中已有）", "(already in the draft box)"),
        );
    }
    out.push_str(&counts_html(p.counts, l));
    out.push_str("</div>");
    let mut facts = Vec::new();
    if !p.form.is_default() {
        facts.push(p.form.text().get(l).to_string());
    }
    if !p.unit.is_empty() {
        facts.push(p.unit.clone());
    }
    let budget = p.form.label(Field::BudgetTotal);
    facts.push(match (l, p.budget.is_empty()) {
        (Lang::Zh, true) => format!("{}空缺", budget.zh),
        (Lang::Zh, false) => format!("{} {}", budget.zh, p.budget),
        (Lang::En, true) => format!("no {}", budget.en),
        (Lang::En, false) => format!("{} {}", budget.en, p.budget),
    });
    facts.push(match l {
        Lang::Zh => format!("指标 {} 项", p.indicators),
        Lang::En => count_en(p.indicators, "indicator", "indicators"),
    });
    push_tag(out, "div", "import-facts", &facts.join(" · "));
    if !p.missing.is_empty() {
        let names: Vec<String> = p.missing.iter().map(|m| m.label(l)).collect();
        let text = match l {
            Lang::Zh => format!("不完整：缺少{}", names.join("、")),
            Lang::En => format!("Incomplete: no {}", names.join(", ")),
        };
        push_tag(out, "p", "import-missing", &text);
    }
    if !p.first.is_empty() {
        out.push_str(&findings_html(&p.first, p.form, "import-findings", l));
        if p.more > 0 {
            let more = match l {
                Lang::Zh => format!("另有 {} 条", p.more),
                Lang::En => format!("{} more", crate::domain::lang::grouped(p.more)),
            };
            push_tag(out, "li", "more", &more);
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::transfer::reading::Origin;
    use wasm_bindgen_test::wasm_bindgen_test;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");

    #[wasm_bindgen_test]
    fn preview_html_escapes_and_marks_repeats() {
        let hostile = Table {
            project: "<img src=x onerror=alert(1)>".into(),
            unit_name: "\"><script>".into(),
            ..Table::default()
        };
        let found = Found::Tables {
            from: Origin::Text,
            tables: vec![hostile.clone()],
            left_out: vec![crate::domain::Text::same("第 3 行：<b>没有导入</b>")],
        };
        let html = preview_html(&found, &[], Lang::Zh);
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("草稿箱中已有"));
        let html = preview_html(&found, &[hostile], Lang::Zh);
        assert!(
            html.contains("其中 1 张与草稿箱中已有的表完全相同"),
            "{html}"
        );
    }

    #[wasm_bindgen_test]
    fn the_preview_says_it_in_english_too() {
        let found = Found::Tables {
            from: Origin::Text,
            tables: crate::formats::layout::import(FIXTURE).unwrap().tables,
            left_out: Vec::new(),
        };
        let html = preview_html(&found, &[], Lang::En);
        assert!(html.contains("Found 8 tables in the text:"), "{html}");
        assert!(html.contains("aria-label=\"Tables found\""), "{html}");
        assert!(html.contains("budget 45.00 万元"), "{html}");
        assert!(
            !html.contains("张表") && !html.contains("预算数 ") && !html.contains("错误 <b>"),
            "{html}"
        );
        let zh = preview_html(&found, &[], Lang::Zh);
        assert!(zh.contains("从文本中找到 8 张表："), "{zh}");
    }
}
