//! Preferences kept next to the drafts: the page language, and which
//! draft a tab has open.
//!
//! Plain keys outside the draft prefix, so the draft box never lists them
//! and a backup never carries them:
//! - `jixiao.lang` = `zh-CN` | `en`, in the store of the drafts;
//! - `jixiao.current` = the id of the open draft, in the tab's own store
//!   (the page uses sessionStorage: a reload lands on the same draft, a new
//!   tab opens the most recently edited one).

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

/// The key holding the id of the draft open in a tab.
pub const OPEN_KEY: &str = "jixiao.current";

/// Remembers the draft open in this tab (in the tab's own store).
pub fn remember_open(store: &mut impl Store, id: &str) -> Result<(), StoreError> {
    store.set(OPEN_KEY, id)
}

/// The draft this tab had open, if it remembers one.
pub fn recall_open(store: &impl Store) -> Option<String> {
    store
        .get(OPEN_KEY)
        .ok()
        .flatten()
        .filter(|id| !id.is_empty())
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
