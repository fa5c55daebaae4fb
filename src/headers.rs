//! Rate-limit and retry headers.
//!
//! Rules (names are compared case-insensitively, values trimmed):
//! - `x-per-minute-limit`, `x-per-minute-remaining`, `x-per-minute-reset` (the
//!   Engagement API's own) win over `x-rate-limit-limit`, `x-rate-limit-remaining`,
//!   `x-rate-limit-reset` (X's other APIs): when any valid `x-per-minute-*` header
//!   is present, the `x-rate-limit-*` family is not read.
//! - A repeated header: the first valid value wins.
//! - A value that is not a decimal integer that fits in a `u64` (negative,
//!   non-numeric, huge) is ignored, with an `invalid_header` warning.
//! - `retry-after` in seconds gives `retry_after_secs`; as an HTTP date
//!   (`Sun, 06 Nov 1994 08:49:37 GMT`) it gives `retry_after_at` (Unix seconds),
//!   computed without reading a clock.

use serde::Serialize;

use crate::finding::{Clip, Finding, FindingCode, Severity};
use crate::id::parse_u64_digits;

/// Rate-limit state from the response headers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed per window.
    pub limit: Option<u64>,
    /// Requests left in the window.
    pub remaining: Option<u64>,
    /// When the window resets, in Unix epoch seconds.
    pub reset: Option<u64>,
}

#[derive(Debug, Default)]
pub(crate) struct HeaderInfo {
    pub(crate) rate_limit: Option<RateLimit>,
    pub(crate) retry_after_secs: Option<u64>,
    pub(crate) retry_after_at: Option<u64>,
    pub(crate) findings: Vec<Finding>,
}

pub(crate) fn read<H, K, V>(headers: H) -> HeaderInfo
where
    H: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut per_minute = RateLimit::default();
    let mut rate_limit = RateLimit::default();
    let mut info = HeaderInfo::default();
    for (name, value) in headers {
        let name = name.as_ref().trim();
        let value = value.as_ref().trim();
        let lower = name.to_ascii_lowercase();
        let slot = match lower.as_str() {
            "x-per-minute-limit" => &mut per_minute.limit,
            "x-per-minute-remaining" => &mut per_minute.remaining,
            "x-per-minute-reset" => &mut per_minute.reset,
            "x-rate-limit-limit" => &mut rate_limit.limit,
            "x-rate-limit-remaining" => &mut rate_limit.remaining,
            "x-rate-limit-reset" => &mut rate_limit.reset,
            "retry-after" => {
                if info.retry_after_secs.is_some() || info.retry_after_at.is_some() {
                    continue;
                }
                if let Some(secs) = parse_u64_digits(value) {
                    info.retry_after_secs = Some(secs);
                } else if let Some(at) = parse_http_date(value) {
                    info.retry_after_at = Some(at);
                } else {
                    info.findings
                        .push(invalid(&lower, value, "seconds or an HTTP date"));
                }
                continue;
            }
            _ => continue,
        };
        if slot.is_some() {
            continue;
        }
        match parse_u64_digits(value) {
            Some(number) => *slot = Some(number),
            None => info
                .findings
                .push(invalid(&lower, value, "a non-negative integer")),
        }
    }
    let empty = RateLimit::default();
    info.rate_limit = if per_minute != empty {
        Some(per_minute)
    } else if rate_limit != empty {
        Some(rate_limit)
    } else {
        None
    };
    info
}

fn invalid(name: &str, value: &str, expected: &str) -> Finding {
    Finding::new(
        Severity::Warning,
        FindingCode::InvalidHeader,
        format!("header value '{}' is not {expected}; ignored", Clip(value)),
        Some(format!("header {name}")),
    )
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into Unix seconds.
pub(crate) fn parse_http_date(value: &str) -> Option<u64> {
    let mut parts = value.split_ascii_whitespace();
    let weekday = parts.next()?;
    if !weekday.ends_with(',') {
        return None;
    }
    let day: u32 = small(parts.next()?, 2)?;
    let month = match parts.next()?.to_ascii_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    let year: u32 = small(parts.next()?, 4)?;
    let mut clock = parts.next()?.split(':');
    let hour: u32 = small(clock.next()?, 2)?;
    let minute: u32 = small(clock.next()?, 2)?;
    let second: u32 = small(clock.next()?, 2)?;
    if clock.next().is_some()
        || !parts.next()?.eq_ignore_ascii_case("gmt")
        || parts.next().is_some()
    {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if year < 1970
        || day == 0
        || day > days_in_month[month as usize - 1]
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + u64::from(hour * 3600 + minute * 60 + second))
}

/// Digits only, at most `max_len` of them.
fn small(text: &str, max_len: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Days since 1970-01-01 for a date on or after it (Howard Hinnant's algorithm).
fn days_from_civil(year: u32, month: u32, day: u32) -> u64 {
    let year = u64::from(if month <= 2 { year - 1 } else { year });
    let era = year / 400;
    let year_of_era = year - era * 400;
    let month = u64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + u64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_minute_headers_win_over_x_rate_limit() {
        let info = read([
            ("X-Rate-Limit-Limit", "15"),
            ("x-per-minute-limit", "1200"),
            ("X-PER-MINUTE-REMAINING", " 0 "),
        ]);
        assert_eq!(
            info.rate_limit,
            Some(RateLimit {
                limit: Some(1200),
                remaining: Some(0),
                reset: None
            })
        );
    }

    #[test]
    fn first_valid_repeated_header_wins() {
        let info = read([
            ("x-rate-limit-reset", "junk"),
            ("x-rate-limit-reset", "1500000000"),
            ("x-rate-limit-reset", "1600000000"),
        ]);
        assert_eq!(info.rate_limit.unwrap().reset, Some(1_500_000_000));
        assert_eq!(info.findings.len(), 1);
    }

    #[test]
    fn negative_huge_and_non_numeric_values_are_ignored_with_a_finding() {
        let info = read([
            ("x-rate-limit-limit", "-1"),
            ("x-rate-limit-remaining", "99999999999999999999999"),
            ("x-rate-limit-reset", "soon"),
            ("retry-after", "-5"),
        ]);
        assert_eq!(info.rate_limit, None);
        assert_eq!(info.retry_after_secs, None);
        assert_eq!(info.findings.len(), 4);
        assert!(info
            .findings
            .iter()
            .all(|f| f.code == FindingCode::InvalidHeader));
    }

    #[test]
    fn retry_after_http_date_is_converted_without_a_clock() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2000 00:00:00 GMT"),
            Some(951_782_400)
        );
        assert_eq!(parse_http_date("Wed, 29 Feb 2001 00:00:00 GMT"), None);
        let info = read([("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")]);
        assert_eq!(info.retry_after_at, Some(784_111_777));
        assert_eq!(info.retry_after_secs, None);
    }
}
