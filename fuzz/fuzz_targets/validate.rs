#![no_main]
//! `validate` with or without a status; findings always display.

libfuzzer_sys::fuzz_target!(|input: (Option<u16>, &[u8])| {
    let (status, body) = input;
    for finding in engagement_errors::validate(status, body) {
        let _ = finding.to_string();
    }
});
