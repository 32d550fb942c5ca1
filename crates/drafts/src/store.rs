//! The store trait: what the draft box needs from the browser (get, set,
//! remove and list string keys). The page implements it on localStorage;
//! [`crate::MemoryStore`] implements it in memory for tests and for browsers
//! where localStorage is unavailable.

use std::fmt;

use jixiao_domain::{Bilingual, Text};

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full (QuotaExceededError). Nothing was
    /// written: the previous value is intact.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, private mode).
    Unavailable(String),
}

impl Bilingual for StoreError {
    fn text(&self) -> Text {
        match self {
            StoreError::QuotaExceeded => {
                Text::new("浏览器存储空间已满", "the browser's storage is full")
            }
            StoreError::Unavailable(why) => Text::owned(
                format!("浏览器存储不可用（{why}）"),
                format!("the browser's storage is unavailable ({why})"),
            ),
        }
    }
}

impl fmt::Display for StoreError {
    /// Both languages, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store: what localStorage offers.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes a value whole, or not at all.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}
