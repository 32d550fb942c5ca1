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
    fn pick_chooses_by_language() {
        assert_eq!(Lang::Zh.pick("错误", "error"), "错误");
        assert_eq!(Lang::En.pick("错误", "error"), "error");
    }
}
