//! How the draft box words times, counts and the names of its controls, in
//! the page language.

use wasm_bindgen::JsValue;

use crate::domain::rules::Counts;
use crate::domain::Lang;
use crate::ui::lang::{count_en, lang, tr};

/// "14:03:22" today; "11月28日 14:03" ("28 Nov, 14:03") this year; else
/// "2024年11月28日" ("28 Nov 2024"). In the page language.
pub fn when(ms: u64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let now = js_sys::Date::new_0();
    let (h, m, s) = (d.get_hours(), d.get_minutes(), d.get_seconds());
    let (year, month, day) = (d.get_full_year(), d.get_month(), d.get_date());
    if year == now.get_full_year() && month == now.get_month() && day == now.get_date() {
        format!("{h:02}:{m:02}:{s:02}")
    } else if year == now.get_full_year() {
        match lang() {
            Lang::Zh => format!("{}月{day}日 {h:02}:{m:02}", month + 1),
            Lang::En => format!("{day} {}, {h:02}:{m:02}", month_en(month)),
        }
    } else {
        match lang() {
            Lang::Zh => format!("{year}年{}月{day}日", month + 1),
            Lang::En => format!("{day} {} {year}", month_en(month)),
        }
    }
}

/// The short English name of a month (0 = January, as JavaScript counts).
fn month_en(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS.get(month as usize).copied().unwrap_or("")
}

/// "错误 3" / "3 errors".
pub fn errors_text(n: usize) -> String {
    match lang() {
        Lang::Zh => format!("错误 {n}"),
        Lang::En => count_en(n, "error", "errors"),
    }
}

/// "警告 1" / "1 warning".
pub fn warnings_text(n: usize) -> String {
    match lang() {
        Lang::Zh => format!("警告 {n}"),
        Lang::En => count_en(n, "warning", "warnings"),
    }
}

/// "错误 3 · 警告 1" / "3 errors · 1 warning".
pub fn counts_text(c: Counts) -> String {
    format!("{} · {}", errors_text(c.errors), warnings_text(c.warnings))
}

/// A project name, or "（未填写）" / "(not filled in)".
pub fn project_or_blank(project: String) -> String {
    if project.trim().is_empty() {
        tr("（未填写）", "(not filled in)").to_string()
    } else {
        project
    }
}

/// A control's name for a draft: 删除「name」 / Delete “name”.
pub fn named(zh: &str, en: &str, name: &str) -> String {
    named_after(zh, en, "", name)
}

/// Like [`named`], with English words after the name: Delete “name” for good.
pub fn named_after(zh: &str, en: &str, en_after: &str, name: &str) -> String {
    match lang() {
        Lang::Zh => format!("{zh}「{name}」"),
        Lang::En => format!("{en} “{name}”{en_after}"),
    }
}
