//! Preferences kept next to the drafts: the page language.
//!
//! One plain key (`jixiao.lang` = `zh-CN` | `en`), outside the draft
//! prefix, so the draft box never lists it and a backup never carries it.

use super::{Store, StoreError};
use jixiao_domain::Lang;

/// The key holding the chosen language.
pub const LANG_KEY: &str = "jixiao.lang";

/// The language chosen earlier, if any (an unreadable value counts as none).
pub fn load_lang(store: &impl Store) -> Option<Lang> {
    store
        .get(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|v| Lang::from_tag(&v))
}

/// Remembers the language.
pub fn save_lang(store: &mut impl Store, lang: Lang) -> Result<(), StoreError> {
    store.set(LANG_KEY, lang.tag())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DraftBox, MemoryStore};

    #[test]
    fn language_is_remembered_and_not_listed_as_a_draft() {
        let mut store = MemoryStore::new();
        assert_eq!(load_lang(&store), None);
        save_lang(&mut store, Lang::En).unwrap();
        assert_eq!(load_lang(&store), Some(Lang::En));
        let drafts = DraftBox::new(store.clone());
        assert!(drafts.list().unwrap().is_empty());
        save_lang(&mut store, Lang::Zh).unwrap();
        assert_eq!(load_lang(&store), Some(Lang::Zh));
    }

    #[test]
    fn a_garbled_value_counts_as_no_choice() {
        let mut store = MemoryStore::new();
        store.set(LANG_KEY, "klingon").unwrap();
        assert_eq!(load_lang(&store), None);
    }
}
