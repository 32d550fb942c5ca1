//! The two languages of the page: Chinese (the default, the language of
//! the official form) and English.
//!
//! Whatever the crates say to the author is a [`Text`] (both languages),
//! or a type that gives one through [`Bilingual`] (findings, places,
//! severities, errors); the page picks one with [`Text::get`] as it draws,
//! the command line prints both. [`Lang::pick`] chooses between two texts,
//! so callers never compare language codes themselves.

use std::borrow::Cow;
use std::fmt;

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

/// A text in both languages, chosen when shown.
///
/// Every message the crates give the author (errors, findings, notes) is a
/// `Text`, or a type that gives one through [`Bilingual`]. The crates never
/// choose the language: the page picks with [`Text::get`] while drawing,
/// and the command line prints both ([`Text`]'s `Display`: `中文 (English)`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Text {
    /// Fixed text in both languages.
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text {
            zh: Cow::Borrowed(zh),
            en: Cow::Borrowed(en),
        }
    }

    /// Formatted text in both languages.
    pub fn owned(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: Cow::Owned(zh.into()),
            en: Cow::Owned(en.into()),
        }
    }

    /// The same text in both languages (a name, a number, a code).
    pub fn same(text: impl Into<String>) -> Text {
        let text = text.into();
        Text::owned(text.clone(), text)
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The text in `lang`, owned.
    pub fn into_lang(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh.into_owned(),
            Lang::En => self.en.into_owned(),
        }
    }

    /// `prefix` before both languages (e.g. a file name, `第 3 张表：`).
    pub fn prefixed(self, zh: &str, en: &str) -> Text {
        Text::owned(format!("{zh}{}", self.zh), format!("{en}{}", self.en))
    }
}

impl fmt::Display for Text {
    /// Both languages, for logs and the command line: `中文 (English)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.zh == self.en {
            f.write_str(&self.zh)
        } else {
            write!(f, "{} ({})", self.zh, self.en)
        }
    }
}

/// Anything that explains itself to the author in both languages: every
/// error type of the crates implements it, and so do findings, the places
/// they point at and severities, so the page shows any of them the same way
/// (`x.text().get(lang)`).
pub trait Bilingual {
    fn text(&self) -> Text;
}

impl Bilingual for Text {
    fn text(&self) -> Text {
        self.clone()
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

/// A number as English writes it: the whole part grouped in thousands
/// (`1234567.50` → `1,234,567.50`); anything else unchanged.
pub fn group_thousands(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (whole, frac) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::with_capacity(number.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A count as English writes it (`1,234`).
pub fn grouped(n: usize) -> String {
    group_thousands(&n.to_string())
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
    fn numbers_are_grouped_in_thousands_for_english() {
        assert_eq!(group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(group_thousands("-1000"), "-1,000");
        assert_eq!(group_thousands("999.9"), "999.9");
        assert_eq!(group_thousands("45.00"), "45.00");
        assert_eq!(group_thousands("abc"), "abc");
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(grouped(12), "12");
    }

    #[test]
    fn text_is_chosen_when_shown_and_printed_in_both() {
        let t = Text::new("表格", "table");
        assert_eq!(t.get(Lang::Zh), "表格");
        assert_eq!(t.get(Lang::En), "table");
        assert_eq!(t.to_string(), "表格 (table)");
        assert_eq!(Text::same("45.00").to_string(), "45.00");
        let p = Text::owned("缺少预算", "budget missing").prefixed("第 2 张表：", "Table 2: ");
        assert_eq!(p.into_lang(Lang::En), "Table 2: budget missing");
    }

    #[test]
    fn pick_chooses_by_language() {
        assert_eq!(Lang::Zh.pick("错误", "error"), "错误");
        assert_eq!(Lang::En.pick("错误", "error"), "error");
    }
}
