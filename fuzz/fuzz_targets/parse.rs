#![no_main]
//! `parse` on any bytes: a report, serialisable and detachable, never a panic.

libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    let report = engagement_errors::parse(body);
    let json = serde_json::to_string(&report).expect("reports serialise");
    assert!(json.starts_with('{'));
    for record in report.errors() {
        let _ = record.to_string();
        let _ = record.parsed_period();
    }
    let owned = report.clone().into_owned();
    assert_eq!(owned, report);
});
