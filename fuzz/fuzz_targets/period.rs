#![no_main]
//! `Period::parse` on any string.

libfuzzer_sys::fuzz_target!(|text: &str| {
    let _ = engagement_errors::Period::parse(text);
});
