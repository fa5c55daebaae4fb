#![no_main]
//! `parse_response` with any status, headers and body.

use arbitrary::Arbitrary;

#[derive(Arbitrary, Debug)]
struct Response<'a> {
    status: u16,
    headers: Vec<(&'a str, &'a str)>,
    body: &'a [u8],
}

libfuzzer_sys::fuzz_target!(|response: Response<'_>| {
    let report =
        engagement_errors::parse_response(response.status, response.headers, response.body);
    let _ = report.retry_delay(1_500_000_000, 3, u64::MAX);
    let _ = serde_json::to_string(&report).expect("reports serialise");
    let _ = report.to_string();
});
