#![no_main]
//! Exchange JSON: reading never panics, and what reads writes back the same.
use libfuzzer_sys::fuzz_target;
use jixiao_formats::exchange;

fuzz_target!(|text: &str| {
    if let Ok(doc) = exchange::read_tables(text) {
        let json = exchange::to_json(&doc);
        let back = exchange::from_json(&json).expect("own output reads back");
        assert_eq!(back, doc);
    }
});
