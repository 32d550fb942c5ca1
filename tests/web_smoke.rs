//! Browser smoke test (wasm32 only): proves wasm-bindgen-test runs in headless
//! Chromium. Run by scripts/test:
//!   cargo test --target wasm32-unknown-unknown --test web_smoke
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn app_mounts_heading() {
    let document = web_sys::window().unwrap().document().unwrap();
    let body = document.body().unwrap();
    assert!(document.query_selector("h1").unwrap().is_none());

    jixiao::ui::mount();

    let h1 = document
        .query_selector("h1")
        .unwrap()
        .expect("<h1> mounted");
    assert_eq!(h1.text_content().as_deref(), Some("绩效目标表编制器"));
    assert!(body.inner_html().contains("绩效目标表编制器"));
}
