#![no_main]
//! The published text layout importer, then the rules on what it found.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = jixiao_formats::layout::import(text) {
        for t in &doc.tables {
            let _ = jixiao_domain::rules::check(t);
        }
    }
});
