//! Names for the files the page downloads (and the command line may
//! write): one sanitiser, [`stem`], for every name made from an author's
//! text, and the names built with it.
//!
//! A name must survive every system it is saved on: no character Windows
//! or macOS refuse (`\ / : * ? " < > |` become `_`), no control characters
//! (they become spaces), whitespace runs as one space, at most
//! [`MAX_STEM_CHARS`] characters, no leading or trailing dots or spaces
//! (Windows drops trailing dots; a leading dot hides the file). A name left
//! blank is the caller's fallback.

use jixiao_domain::table::Table;

/// The longest stem [`stem`] gives, in characters.
pub const MAX_STEM_CHARS: usize = 60;

/// A file name part from the author's text (a project, a unit, a draft's
/// name), safe on Windows, macOS and Linux; `fallback` when nothing is left.
pub fn stem(text: &str, fallback: &str) -> String {
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
    let cut: String = joined.chars().take(MAX_STEM_CHARS).collect();
    let stem = cut.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem.to_string()
    }
}

/// `<stem>.<ext>` for a draft named `name` (its download, a damaged
/// entry's raw text); `fallback` (e.g. `草稿` / `draft`) when the name is
/// blank.
pub fn of_draft(name: &str, ext: &str, fallback: &str) -> String {
    format!("{}.{ext}", stem(name, fallback))
}

/// `<项目名称>绩效目标表.<ext>`; `未命名绩效目标表.<ext>` without a project.
pub fn of_table(table: &Table, ext: &str) -> String {
    format!("{}绩效目标表.{ext}", stem(&table.project, "未命名"))
}

/// `<单位>绩效目标表（N张）.<ext>` for a unit's documents: the first
/// table's unit name, else its unit code, else `本单位`.
pub fn of_unit(tables: &[Table], ext: &str) -> String {
    let unit = tables
        .first()
        .map(|t| {
            if t.unit_name.trim().is_empty() {
                t.unit_code.as_str()
            } else {
                t.unit_name.as_str()
            }
        })
        .unwrap_or_default();
    format!(
        "{}绩效目标表（{}张）.{ext}",
        stem(unit, "本单位"),
        tables.len()
    )
}

/// A local date and time, to the minute, as the caller's clock gives it
/// (the page: the browser's `Date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: u32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
}

/// `绩效目标表草稿箱备份-2025-03-07-0930.json`: a backup of the draft box
/// made `at`; names sort by time.
pub fn of_backup(at: LocalTime) -> String {
    format!(
        "绩效目标表草稿箱备份-{:04}-{:02}-{:02}-{:02}{:02}.json",
        at.year, at.month, at.day, at.hour, at.minute
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_on_every_system() {
        assert_eq!(stem(" a/b:c*?\n d. ", "x"), "a_b_c__ d");
        assert_eq!(stem(r#"a\b"c<d>e|f"#, "x"), "a_b_c_d_e_f");
        assert_eq!(stem("  ", "x"), "x");
        assert_eq!(stem("...", "x"), "x");
        assert_eq!(stem(".隐藏", "x"), "隐藏");
        assert_eq!(stem("制表\t符\u{7}与\r\n换行", "x"), "制表 符 与 换行");
        assert_eq!(stem("全角\u{3000}空格", "x"), "全角 空格");
        let long = "项".repeat(100);
        assert_eq!(stem(&long, "x").chars().count(), MAX_STEM_CHARS);
        // Cut first, then trimmed: a dot at the cut goes too.
        let dotted = format!("{}.后面", "项".repeat(MAX_STEM_CHARS - 1));
        assert_eq!(stem(&dotted, "x"), "项".repeat(MAX_STEM_CHARS - 1));
    }

    #[test]
    fn names_of_tables_units_drafts_and_backups() {
        let t = Table {
            project: "科技统计<信息>系统".into(),
            unit_code: "331202".into(),
            ..Table::default()
        };
        assert_eq!(of_table(&t, "xlsx"), "科技统计_信息_系统绩效目标表.xlsx");
        assert_eq!(of_table(&Table::default(), "json"), "未命名绩效目标表.json");
        assert_eq!(
            of_unit(&[t.clone(), t.clone()], "xlsx"),
            "331202绩效目标表（2张）.xlsx"
        );
        let named = Table {
            unit_name: "某某研究院".into(),
            ..t
        };
        assert_eq!(
            of_unit(&[named], "html"),
            "某某研究院绩效目标表（1张）.html"
        );
        assert_eq!(of_unit(&[], "xlsx"), "本单位绩效目标表（0张）.xlsx");
        assert_eq!(
            of_draft("我的/草稿: 1", "json", "草稿"),
            "我的_草稿_ 1.json"
        );
        assert_eq!(of_draft(" \n ", "txt", "draft"), "draft.txt");
        let at = LocalTime {
            year: 2025,
            month: 3,
            day: 7,
            hour: 9,
            minute: 5,
        };
        assert_eq!(of_backup(at), "绩效目标表草稿箱备份-2025-03-07-0905.json");
    }
}
