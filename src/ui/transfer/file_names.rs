//! The names of the files the page saves: `<项目名称>绩效目标表.xlsx`,
//! `<单位>绩效目标表（N张）.xlsx`, `绩效目标表草稿箱备份-<date>.json`.

use crate::domain::Table;

/// A file name part from the author's text: no characters Windows or
/// macOS refuse, no line breaks, not too long; `instead` when blank.
pub fn file_stem(text: &str, instead: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    let joined = words.join(" ");
    let cut: String = joined.chars().take(60).collect();
    let stem = cut.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if stem.is_empty() {
        instead.to_string()
    } else {
        stem.to_string()
    }
}

/// `<项目名称>绩效目标表.<ext>`.
pub fn table_file_name(t: &Table, ext: &str) -> String {
    let stem = file_stem(&t.project, "未命名");
    format!("{stem}绩效目标表.{ext}")
}

/// `<单位>绩效目标表（N张）.<ext>`.
pub fn unit_file_name(tables: &[Table], ext: &str) -> String {
    let unit = tables
        .first()
        .map(|t| {
            if t.unit_name.trim().is_empty() {
                t.unit_code.clone()
            } else {
                t.unit_name.clone()
            }
        })
        .unwrap_or_default();
    let stem = file_stem(&unit, "本单位");
    format!("{stem}绩效目标表（{}张）.{ext}", tables.len())
}

/// `绩效目标表草稿箱备份-2025-03-07-0930.json` (local time).
pub fn backup_file_name() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "绩效目标表草稿箱备份-{:04}-{:02}-{:02}-{:02}{:02}.json",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn file_names_are_safe() {
        assert_eq!(file_stem(" a/b:c*?\n d. ", "x"), "a_b_c__ d");
        assert_eq!(file_stem("  ", "x"), "x");
        let t = Table {
            project: "科技统计<信息>系统".into(),
            ..Table::default()
        };
        assert_eq!(
            table_file_name(&t, "xlsx"),
            "科技统计_信息_系统绩效目标表.xlsx"
        );
        assert_eq!(
            table_file_name(&Table::default(), "json"),
            "未命名绩效目标表.json"
        );
        assert!(backup_file_name().starts_with("绩效目标表草稿箱备份-20"));
    }
}
