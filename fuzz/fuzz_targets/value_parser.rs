#![no_main]
//! The 指标值 parser on any text: never panics, and its reading renders.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let v = jixiao_domain::value::parse(text);
    let _ = v.reading();
});
