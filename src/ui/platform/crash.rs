//! What the page does when the program itself fails (a panic).
//!
//! The WebAssembly instance stops after a panic, so nothing here may rely on
//! Rust running later: the banner is plain DOM with a download link whose
//! backup is made during the panic from localStorage's raw entries, and a
//! reload link. Autosave has already stored everything up to the last second,
//! so a reload brings the drafts back. The banner is in the page language:
//! `lang::lang()` is a plain thread-local cell, safe to read in the hook.

use wasm_bindgen::JsCast;

use crate::domain::Text;
use crate::drafts::backup;
use crate::drafts::drafts::is_draft_key;
use crate::ui::lang::lang;

use super::download::blob_url;

/// Installs the panic hook: log to the console, then show the banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner();
    }));
}

/// The stored draft envelopes, as they are.
fn raw_drafts() -> Vec<String> {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| is_draft_key(k))
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .collect()
}

fn backup_url() -> Option<String> {
    let json = backup::from_raw_envelopes(raw_drafts());
    blob_url(json.as_bytes(), "application/json").ok()
}

fn show_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("crash-banner").is_some() {
        return;
    }
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crash-banner");
    let l = lang();
    let download = match backup_url() {
        Some(url) => format!(
            "<a class=\"crash-action\" href=\"{url}\" download=\"{}\">{}</a>",
            FILE.get(l),
            DOWNLOAD.get(l)
        ),
        None => String::new(),
    };
    banner.set_inner_html(&format!(
        "<strong>{}</strong> {} {download} <a class=\"crash-action\" href=\"\">{}</a>",
        TITLE.get(l),
        BODY.get(l),
        RELOAD.get(l)
    ));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
    if let Some(el) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

// The banner's words (constants: nothing is formatted from user text).

const TITLE: Text = Text::new(
    "程序出错了，页面已停止响应。",
    "Something went wrong and the page has stopped responding.",
);
const BODY: Text = Text::new(
    "您的草稿已自动保存在本浏览器中（最后一秒内的修改可能未保存）：\
     重新载入页面即可继续。为保险起见，可以先下载全部草稿的备份。",
    "Your drafts have been saved automatically in this browser (changes \
     made in the last second may be missing): reload the page to carry on. \
     To be safe, you can download a backup of all drafts first.",
);
const FILE: Text = Text::new(
    "绩效目标表草稿备份（出错时）.json",
    "performance-target-drafts-backup-after-error.json",
);
const DOWNLOAD: Text = Text::new("下载全部草稿的备份", "Download a backup of all drafts");
const RELOAD: Text = Text::new("重新载入页面", "Reload the page");
