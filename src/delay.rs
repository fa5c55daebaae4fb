//! How long to wait before retrying, without reading a clock.

use std::time::Duration;

use crate::{Report, Retry};

/// The first exponential backoff delay (attempt 0): 1 second.
pub const BACKOFF_BASE: Duration = Duration::from_secs(1);
/// The largest exponential backoff delay: 64 seconds.
pub const BACKOFF_CAP: Duration = Duration::from_secs(64);

impl Report<'_> {
    /// How long to wait before retrying, given the caller's clock (`now`, Unix
    /// seconds), the retry attempt (0 for the first retry) and a uniformly random
    /// `u64` from the caller (the crate stays pure and deterministic).
    ///
    /// - `drop_ids`, `fix_request`, `fix_credentials`, `none` and `unknown` advice:
    ///   `None` (retrying the same request will not help, or nothing is known).
    /// - `wait` and `backoff`: `retry-after` when the response gave it (seconds, or
    ///   an HTTP date minus `now`); else the rate-limit reset minus `now`; else an
    ///   exponential delay with full jitter: a uniform fraction (`random / 2^64`) of
    ///   `min(BACKOFF_CAP, BACKOFF_BASE × 2^attempt)`. A reset or date already past
    ///   gives zero.
    ///
    /// ```
    /// use std::time::Duration;
    /// use engagement_errors::parse_response;
    ///
    /// let limited = parse_response(429, [("x-per-minute-reset", "1449523500")], b"");
    /// assert_eq!(limited.retry_delay(1449523440, 0, 0), Some(Duration::from_secs(60)));
    ///
    /// let failed = parse_response(503, [("content-type", "text/html")], b"");
    /// // Attempt 3: up to 8 s; a random value of 2^63 picks the middle.
    /// assert_eq!(failed.retry_delay(0, 3, 1 << 63), Some(Duration::from_secs(4)));
    /// ```
    pub fn retry_delay(&self, now: u64, attempt: u32, random: u64) -> Option<Duration> {
        if !matches!(self.retry(), Retry::Wait | Retry::Backoff) {
            return None;
        }
        if let Some(secs) = self.retry_after_secs() {
            return Some(Duration::from_secs(secs));
        }
        if let Some(at) = self.retry_after_at() {
            return Some(Duration::from_secs(at.saturating_sub(now)));
        }
        if let Some(reset) = self.rate_limit().and_then(|limit| limit.reset) {
            return Some(Duration::from_secs(reset.saturating_sub(now)));
        }
        Some(backoff(attempt, random))
    }
}

/// Full jitter: `random / 2^64` of `min(cap, base × 2^attempt)`, in whole nanoseconds.
fn backoff(attempt: u32, random: u64) -> Duration {
    let cap = BACKOFF_CAP.as_nanos();
    let ceiling = BACKOFF_BASE
        .as_nanos()
        .checked_shl(attempt)
        .filter(|&ceiling| ceiling <= cap && attempt < 64)
        .unwrap_or(cap);
    // ceiling < 2^37 and random < 2^64: the product fits in u128.
    let nanos = (ceiling * u128::from(random)) >> 64;
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, parse_response};

    const NO_HEADERS: [(&str, &str); 0] = [];

    #[test]
    fn drop_ids_and_fix_advice_give_no_delay() {
        for (status, body) in [
            (200, &br#"{"unavailable_tweet_ids":["1"]}"#[..]),
            (400, b""),
            (401, b""),
        ] {
            let report = parse_response(status, [("retry-after", "5")], body);
            assert_eq!(report.retry_delay(0, 0, 0), None, "{status}");
        }
        assert_eq!(parse(b"{}").retry_delay(0, 0, 0), None);
    }

    #[test]
    fn retry_after_seconds_wins() {
        let report = parse_response(
            429,
            [("retry-after", "30"), ("x-rate-limit-reset", "1000")],
            b"",
        );
        assert_eq!(report.retry_delay(900, 5, 0), Some(Duration::from_secs(30)));
    }

    #[test]
    fn retry_after_date_is_measured_from_the_callers_now() {
        let report = parse_response(503, [("Retry-After", "Thu, 01 Jan 1970 00:01:40 GMT")], b"");
        assert_eq!(report.retry_delay(40, 0, 0), Some(Duration::from_secs(60)));
        assert_eq!(report.retry_delay(500, 0, 0), Some(Duration::ZERO));
    }

    #[test]
    fn rate_limit_reset_minus_now_when_no_retry_after() {
        let report = parse_response(429, [("x-rate-limit-reset", "1000")], b"");
        assert_eq!(report.retry_delay(990, 0, 0), Some(Duration::from_secs(10)));
        assert_eq!(report.retry_delay(2000, 0, 0), Some(Duration::ZERO));
    }

    #[test]
    fn backoff_doubles_from_the_base_up_to_the_cap_with_full_jitter() {
        let report = parse_response(500, NO_HEADERS, b"");
        let top = u64::MAX;
        let ceilings: Vec<u64> = (0..9)
            .map(|attempt| report.retry_delay(0, attempt, top).unwrap().as_secs())
            .collect();
        // Just under the ceiling: 1, 2, 4, … s, capped at 64 s.
        assert_eq!(ceilings, [0, 1, 3, 7, 15, 31, 63, 63, 63]);
        assert_eq!(report.retry_delay(0, 2, 0), Some(Duration::ZERO));
        assert_eq!(
            report.retry_delay(0, 1, 1 << 63),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            report.retry_delay(0, u32::MAX, 1 << 63),
            Some(Duration::from_secs(32))
        );
    }
}
