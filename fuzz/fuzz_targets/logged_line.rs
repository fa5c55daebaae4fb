#![no_main]
//! The command-line tool's NDJSON line reader on any bytes.

libfuzzer_sys::fuzz_target!(|line: &[u8]| {
    match engagement_errors::logged::LoggedResponse::from_line(line) {
        Ok(logged) => {
            let _ = serde_json::to_string(&logged.report()).expect("reports serialise");
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
