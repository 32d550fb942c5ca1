#![no_main]
//! Word/WPS/Excel clipboard HTML, then the rules on what it found.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = jixiao_formats::clipboard::import_html(text) {
        for t in &doc.tables {
            let _ = jixiao_domain::rules::check(t);
        }
    }
});
