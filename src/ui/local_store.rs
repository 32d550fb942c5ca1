//! The browser's storage as [`Store`]s: localStorage for the draft box
//! (gloo-storage underneath), sessionStorage for what one tab alone keeps
//! (which draft it has open).
//!
//! Values are stored as the raw strings the draft box gives (envelopes are
//! JSON already), so a damaged entry can be shown and downloaded as it is.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use crate::drafts::{Store, StoreError};

/// localStorage, once it has been seen to work.
#[derive(Debug, Clone, Copy)]
pub struct LocalStore(());

impl LocalStore {
    /// localStorage, if this browser lets the page use it (it can be
    /// disabled, or throw in private mode).
    pub fn open() -> Result<LocalStore, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("localStorage is null".into()))?;
        // Some browsers hand out a storage that throws on every write.
        let probe = "jixiao.probe";
        storage
            .set_item(probe, "1")
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        let _ = storage.remove_item(probe);
        Ok(LocalStore(()))
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn to_error(e: JsValue) -> StoreError {
    let quota = e
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22);
    if quota {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable(describe(&e))
    }
}

fn keys_of(storage: &web_sys::Storage) -> Result<Vec<String>, StoreError> {
    let n = storage.length().map_err(to_error)?;
    let mut keys = Vec::with_capacity(n as usize);
    for i in 0..n {
        if let Some(k) = storage.key(i).map_err(to_error)? {
            keys.push(k);
        }
    }
    Ok(keys)
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        LocalStorage::raw().get_item(key).map_err(to_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(to_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        LocalStorage::raw().remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        keys_of(&LocalStorage::raw())
    }
}

/// sessionStorage: kept per tab, across reloads of that tab.
#[derive(Debug, Clone)]
pub struct TabStore(web_sys::Storage);

impl TabStore {
    /// sessionStorage, if this browser lets the page use it.
    pub fn open() -> Option<TabStore> {
        let storage = web_sys::window()?.session_storage().ok().flatten()?;
        Some(TabStore(storage))
    }
}

impl Store for TabStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(to_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(to_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        keys_of(&self.0)
    }
}
