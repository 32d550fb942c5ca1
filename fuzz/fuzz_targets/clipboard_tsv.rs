#![no_main]
//! Tab-separated clipboard text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = jixiao_formats::clipboard::import_tsv(text);
});
