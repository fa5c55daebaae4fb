//! `parse`, `parse_response` and `validate` return for any bytes: arbitrary input,
//! random mutations of every fixture, and message-like strings.

use std::path::PathBuf;
use std::sync::OnceLock;

use engagement_errors::{parse, parse_response, validate, ErrorRecord, Report};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn fixtures() -> &'static [Vec<u8>] {
    static FIXTURES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let mut bodies = Vec::new();
        let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("json" | "txt" | "html" | "bin")
                ) {
                    bodies.push(std::fs::read(&path).unwrap());
                }
            }
        }
        bodies.sort();
        assert!(bodies.len() > 50, "fixtures not found");
        bodies
    })
}

/// Everything a caller can do with a report, so a panic anywhere shows up.
fn exercise(report: &Report<'_>) {
    let json = serde_json::to_string(report).expect("a report always serialises");
    assert!(json.starts_with('{'));
    let _ = report.to_string();
    for record in report.errors() {
        let _ = record.to_string();
        let _ = record.parsed_period();
    }
    for finding in report.findings() {
        let _ = finding.to_string();
    }
    let _ = (report.outcome(), report.retry(), report.shape());
    assert_eq!(report.clone().into_owned(), *report);
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (
            any::<usize>(),
            prop::sample::select(b"\"\\{}[],:0 \x00\xff-e".to_vec())
        )
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 0usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 0usize..64).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

fn apply(body: &mut Vec<u8>, mutation: &Mutation) {
    let len = body.len();
    let at = |i: usize| if len == 0 { 0 } else { i % (len + 1) };
    match *mutation {
        Mutation::Flip(i, b) if len > 0 => body[i % len] ^= b,
        Mutation::Flip(..) => {}
        Mutation::Insert(i, b) => body.insert(at(i), b),
        Mutation::Delete(i, n) => {
            let start = at(i);
            let end = (start + n).min(len);
            body.drain(start..end);
        }
        Mutation::Truncate(i) => body.truncate(at(i)),
        Mutation::Duplicate(i, n) => {
            let start = at(i);
            let end = (start + n).min(len);
            let copy = body[start..end].to_vec();
            body.splice(end..end, copy);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/never_panics.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        exercise(&parse(&body));
        let _ = validate(None, &body);
    }

    #[test]
    fn arbitrary_status_and_headers_never_panic(
        status in any::<u16>(),
        headers in prop::collection::vec((
            prop::sample::select(vec![
                "retry-after", "Retry-After", "x-per-minute-limit", "x-per-minute-remaining",
                "x-per-minute-reset", "x-rate-limit-limit", "X-Rate-Limit-Remaining",
                "x-rate-limit-reset", "content-type", "",
            ]),
            "\\PC{0,40}",
        ), 0..8),
        body in prop::collection::vec(any::<u8>(), 0..256),
    ) {
        exercise(&parse_response(status, headers, &body));
        let _ = validate(Some(status), &body);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        index in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
        status in prop::option::of(any::<u16>()),
    ) {
        let fixtures = fixtures();
        let mut body = fixtures[index.index(fixtures.len())].clone();
        for mutation in &mutations {
            apply(&mut body, mutation);
        }
        let report = match status {
            Some(status) => parse_response(status, [("retry-after", "5")], &body),
            None => parse(&body),
        };
        exercise(&report);
        let _ = validate(status, &body);
    }

    #[test]
    fn message_like_strings_never_panic(
        parts in prop::collection::vec(prop::sample::select(vec![
            "Your account could not be authenticated", ". Reason: ", "Tweet ID(s) are unavailable",
            "Impressions & engagements for tweets older than ", " days ", "(", ")",
            " are not supported", "Forbidden to access tweets", " for author id ", ": ", ", ",
            "Forbidden to access metrics", "One or more of the groupBys you have specified are not supported",
            "rate limit", "internal server error", "99999999999999999999999", "18435372", ";", ".",
            " ", "\t", "\u{fffd}", "é", "2015-09-14T17:00:00Z", " - ", "Video views for tweets older than ",
        ]), 0..12),
    ) {
        let message: String = parts.concat();
        let record = ErrorRecord::from_message(&message);
        let _ = record.to_string();
        let _ = record.parsed_period();
        let body = serde_json::to_vec(&serde_json::json!({ "errors": [message] })).unwrap();
        exercise(&parse(&body));
    }

    #[test]
    fn any_unicode_message_is_kept_verbatim(message in "\\PC{0,80}") {
        let body = serde_json::to_vec(&serde_json::json!({ "errors": [message.clone()] })).unwrap();
        let report = parse(&body);
        prop_assert_eq!(report.errors().len(), 1);
        prop_assert_eq!(report.errors()[0].message(), Some(message.as_str()));
    }
}
