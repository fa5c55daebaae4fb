//! Assertions for test suites that check mock servers and recorded responses.

use std::fmt::Write as _;

use crate::{parse, parse_response, Finding, Report};

/// Panics, listing every finding of [`validate`](crate::validate) one per line with
/// where it applies, unless `body` (with `status`, when known) conforms to the
/// documented contract. Passes silently otherwise.
///
/// ```
/// use engagement_errors::testing::assert_conforms;
///
/// assert_conforms(Some(200), br#"{"errors":["1 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["5"]}"#);
/// ```
///
/// ```should_panic
/// use engagement_errors::testing::assert_conforms;
///
/// // The message says 3 IDs, the list has 2: panics with
/// // "warning: count_mismatch at $.errors[0]: message says 3 IDs, 'unavailable_tweet_ids' lists 2"
/// assert_conforms(Some(200), br#"{"errors":["3 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["1","2"]}"#);
/// ```
#[track_caller]
pub fn assert_conforms(status: Option<u16>, body: &[u8]) {
    let report = match status {
        Some(status) => parse_response(status, std::iter::empty::<(&str, &str)>(), body),
        None => parse(body),
    };
    assert_report_conforms(&report);
}

/// Like [`assert_conforms`], for a report already made (so header findings count too).
#[track_caller]
pub fn assert_report_conforms(report: &Report<'_>) {
    if let Some(message) = describe(report.findings()) {
        panic!("{message}");
    }
}

fn describe(findings: &[Finding]) -> Option<String> {
    if findings.is_empty() {
        return None;
    }
    let mut message = format!(
        "body does not conform to the Engagement API contract ({} finding{}):",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    );
    for finding in findings {
        let _ = write!(message, "\n  {finding}");
    }
    Some(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_lists_every_finding_one_per_line_with_its_location() {
        let body = br#"{"errors":["3 Tweet ID(s) are unavailable","huh"],"unavailable_tweet_ids":["1",2]}"#;
        let panic = std::panic::catch_unwind(|| assert_conforms(None, body)).unwrap_err();
        let message = panic.downcast_ref::<String>().unwrap();
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(
            lines,
            [
                "body does not conform to the Engagement API contract (3 findings):",
                "  warning: unrecognized_message at $.errors[1]: message 'huh' matches no known form; kept verbatim",
                "  error: id_not_string at $.unavailable_tweet_ids[1]: Tweet ID 2 is a JSON number, not a string",
                "  warning: count_mismatch at $.errors[0]: message says 3 IDs, 'unavailable_tweet_ids' lists 2",
            ]
        );
    }

    #[test]
    fn conforming_body_passes_silently() {
        assert_conforms(Some(503), b"");
        assert_conforms(Some(200), br#"{"g":{"1":{"favorites":"2"}}}"#);
    }
}
