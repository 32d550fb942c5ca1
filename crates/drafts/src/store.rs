//! The store trait: what the draft box needs from the browser (get, set,
//! remove and list string keys). The page implements it on localStorage;
//! [`crate::MemoryStore`] implements it in memory for tests and for browsers
//! where localStorage is unavailable.

use std::fmt;

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full (QuotaExceededError). Nothing was
    /// written: the previous value is intact.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, private mode).
    Unavailable(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => f.write_str("浏览器存储空间已满 (storage is full)"),
            StoreError::Unavailable(why) => {
                write!(f, "浏览器存储不可用 (storage unavailable): {why}")
            }
        }
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
