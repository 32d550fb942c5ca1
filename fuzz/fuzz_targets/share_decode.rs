#![no_main]
//! Share-link fragments: decoding never panics; a decoded table encodes again.
use libfuzzer_sys::fuzz_target;
use jixiao_formats::share;

fuzz_target!(|text: &str| {
    if let Ok(table) = share::decode(text) {
        let link = share::encode(&table).expect("a decoded table re-encodes");
        assert_eq!(share::decode(&link).expect("own link decodes"), table);
    }
});
