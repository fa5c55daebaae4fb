//! Reports straight from an [`http::Response`] (cargo feature `http`).

use std::borrow::Cow;

use crate::{parse_response, Report};

/// Reads a response whose body is already in memory (and decompressed), taking
/// the status and headers from it. Header values that are not UTF-8 are read
/// lossily.
///
/// ```
/// use engagement_errors::{parse_http, Kind};
///
/// let response = http::Response::builder()
///     .status(429)
///     .header("x-per-minute-reset", "1449523500")
///     .body(br#"{"errors":["Rate limit exceeded"]}"#.to_vec())
///     .unwrap();
/// let report = parse_http(&response);
/// assert_eq!(report.errors()[0].kind(), Kind::RateLimited);
/// assert_eq!(report.rate_limit().unwrap().reset, Some(1449523500));
/// ```
pub fn parse_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Report<'_> {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), String::from_utf8_lossy(value.as_bytes())));
    parse_response(
        response.status().as_u16(),
        headers.map(|(name, value): (&str, Cow<'_, str>)| (name, value)),
        response.body().as_ref(),
    )
}
