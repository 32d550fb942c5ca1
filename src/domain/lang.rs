//! The two languages of the page: Chinese (the default, the language of
//! the official form) and English.
//!
//! Domain types carry both texts (`label_zh`/`label_en`, `message`/
//! `message_en`); [`Lang::pick`] chooses between them, so callers never
//! compare language codes themselves.

/// A language the page speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 中文 (简体): the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag for `<html lang>` and number formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored or requested tag (`zh`, `zh-CN`, `en`, `en-GB`, …);
    /// anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text for this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The name of the language in itself (what the switch shows).
    pub fn native_name(self) -> &'static str {
        self.pick("中文", "English")
    }
}

/// `s` with its first letter capitalised, for English labels and headings
/// built from mid-sentence names ("project name" → "Project name").
pub fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_regional_variants_are_read() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("zh_TW"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn capitalized_changes_only_the_first_letter() {
        assert_eq!(capitalized("project name"), "Project name");
        assert_eq!(capitalized("项目名称"), "项目名称");
        assert_eq!(capitalized(""), "");
    }

    #[test]
    fn pick_chooses_by_language() {
        assert_eq!(Lang::Zh.pick("错误", "error"), "错误");
        assert_eq!(Lang::En.pick("错误", "error"), "error");
    }
}
