//! The names drafts get in the draft box.
//!
//! A name is stored as written, in the language the page was in when the
//! draft got it; so each is given here in both languages ([`Text`]) and the
//! caller stores the one of the page.

use jixiao_domain::{Lang, Table, Text};

/// Names longer than this many characters are cut.
const NAME_CHARS: usize = 60;

/// The name a new draft of `table` gets: its project name, or 未命名草稿
/// ("Untitled draft").
pub fn default_name(table: &Table) -> Text {
    let p = table.project.trim();
    if p.is_empty() {
        Text::new("未命名草稿", "Untitled draft")
    } else {
        Text::same(p.chars().take(NAME_CHARS).collect::<String>())
    }
}

/// Whether `name` is the name a draft of `table` gets by default, in either
/// language: a name never chosen, which follows the project name.
pub fn is_default_name(name: &str, table: &Table) -> bool {
    let default = default_name(table);
    Lang::ALL.into_iter().any(|l| name == default.get(l))
}

/// The name of a copy: "`<name>`（副本）" / "`<name>` (copy)".
pub fn copy_name(name: &str) -> Text {
    Text::owned(format!("{name}（副本）"), format!("{name} (copy)"))
}

/// The name under which the page's text is kept when the stored draft is
/// damaged: "`<name>`（另存）" / "`<name>` (saved copy)".
pub fn saved_copy_name(name: &str) -> Text {
    Text::owned(format!("{name}（另存）"), format!("{name} (saved copy)"))
}

/// The name of this page's version after a conflict, when both are kept:
/// "`<name>`（本页版本）" / "`<name>` (this page's version)".
pub fn this_page_name(name: &str) -> Text {
    Text::owned(
        format!("{name}（本页版本）"),
        format!("{name} (this page's version)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_named_after_its_project_until_renamed() {
        let mut t = Table::default();
        assert_eq!(default_name(&t).get(Lang::Zh), "未命名草稿");
        assert_eq!(default_name(&t).get(Lang::En), "Untitled draft");
        assert!(is_default_name("Untitled draft", &t));
        t.project = format!("  {}  ", "长".repeat(80));
        assert_eq!(default_name(&t).get(Lang::En).chars().count(), 60);
        assert!(!is_default_name("二号表", &t));
    }

    #[test]
    fn copies_are_named_in_both_languages() {
        assert_eq!(copy_name("甲").get(Lang::Zh), "甲（副本）");
        assert_eq!(copy_name("甲").get(Lang::En), "甲 (copy)");
        assert_eq!(saved_copy_name("甲").get(Lang::En), "甲 (saved copy)");
        assert_eq!(this_page_name("甲").get(Lang::Zh), "甲（本页版本）");
    }
}
