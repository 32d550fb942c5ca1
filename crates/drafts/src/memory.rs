//! An in-memory [`Store`]: for tests, and for browsers without localStorage
//! (then drafts live only as long as the page).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{Store, StoreError};

/// A store in memory. Clones share the same data, like two tabs sharing one
/// localStorage. A quota in bytes (keys + values, as UTF-16 like browsers
/// count) can be set to test a full store.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    data: BTreeMap<String, String>,
    quota: Option<usize>,
}

fn cost(key: &str, value: &str) -> usize {
    (key.encode_utf16().count() + value.encode_utf16().count()) * 2
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Limits the store to `bytes`, as a browser's quota does.
    pub fn with_quota(bytes: usize) -> MemoryStore {
        let store = MemoryStore::default();
        store.inner.borrow_mut().quota = Some(bytes);
        store
    }

    pub fn set_quota(&self, bytes: Option<usize>) {
        self.inner.borrow_mut().quota = bytes;
    }

    /// Bytes in use, counted like the quota.
    pub fn used(&self) -> usize {
        let inner = self.inner.borrow();
        inner.data.iter().map(|(k, v)| cost(k, v)).sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.inner.borrow().data.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        if let Some(quota) = inner.quota {
            let old = inner.data.get(key).map_or(0, |v| cost(key, v));
            let used: usize = inner.data.iter().map(|(k, v)| cost(k, v)).sum();
            if used - old + cost(key, value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        inner.data.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.borrow_mut().data.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.inner.borrow().data.keys().cloned().collect())
    }
}
