#![no_main]
//! Tab-separated clipboard text.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = jixiao::domain::clipboard::import_tsv(text);
});
