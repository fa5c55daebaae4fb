//! Hostile inputs: nothing a server, proxy or attacker sends crashes, hangs or
//! loses data. These tests check sizes and counts, never wall time.

use engagement_errors::{parse, parse_response, validate, FindingCode, Id, Kind, Shape};

fn codes(body: &[u8]) -> Vec<FindingCode> {
    validate(None, body).into_iter().map(|f| f.code).collect()
}

#[test]
fn nesting_a_million_deep_in_data_is_skipped_without_recursion() {
    let depth = 1_000_000;
    let mut body = String::from(r#"{"errors":["internal server error"],"g":{"1":"#);
    body.push_str(&"[".repeat(depth));
    body.push_str(&"]".repeat(depth));
    body.push_str(r#","2":"#);
    body.push_str(&r#"{"a":"#.repeat(depth));
    body.push('1');
    body.push_str(&"}".repeat(depth));
    body.push_str("}}");
    let report = parse(body.as_bytes());
    assert_eq!(report.shape(), Shape::ErrorsObject);
    assert_eq!(report.errors()[0].kind(), Kind::ServerError);
    assert_eq!(report.groupings().collect::<Vec<_>>(), ["g"]);
}

#[test]
fn nesting_a_million_deep_as_an_errors_entry_is_a_finding() {
    let depth = 1_000_000;
    let body = format!(
        r#"{{"errors":[{}{}, "Rate limit exceeded"]}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let report = parse(body.as_bytes());
    assert_eq!(report.errors().len(), 2);
    assert_eq!(report.errors()[0].kind(), Kind::Unrecognized);
    assert_eq!(report.errors()[1].kind(), Kind::RateLimited);
    assert_eq!(codes(body.as_bytes()), [FindingCode::UnexpectedValue]);
    // The finding quotes the entry clipped, not two megabytes of brackets.
    assert!(report.findings()[0].detail.len() < 200);
}

#[test]
fn unbalanced_nesting_a_million_deep_is_malformed_json_not_a_crash() {
    let body = format!(
        r#"{{"errors":["internal server error"],"g":{}"#,
        "[".repeat(1_000_000)
    );
    let report = parse(body.as_bytes());
    assert_eq!(report.shape(), Shape::MalformedJson);
    assert_eq!(report.errors()[0].kind(), Kind::ServerError);
}

#[test]
fn a_hundred_thousand_messages_are_each_a_record() {
    let messages: Vec<String> = (0..100_000)
        .map(|i| match i % 3 {
            0 => "internal server error".to_owned(),
            1 => format!("Forbidden to access tweets: {i}"),
            _ => format!("unknown {i}"),
        })
        .collect();
    let body = serde_json::to_vec(&serde_json::json!({ "errors": messages })).unwrap();
    let report = parse(&body);
    assert_eq!(report.errors().len(), 100_000);
    assert_eq!(report.errors()[99_997].kind(), Kind::ForbiddenTweets);
    assert_eq!(report.errors()[99_997].tweet_ids(), [Id::Valid(99_997)]);
    let unrecognized = report
        .findings()
        .iter()
        .filter(|f| f.code == FindingCode::UnrecognizedMessage)
        .count();
    assert_eq!(unrecognized, 33_333);
}

#[test]
fn a_million_ids_in_a_side_key_are_each_kept() {
    let ids: Vec<String> = (1..=1_000_000u64).map(|i| i.to_string()).collect();
    let body = serde_json::to_vec(&serde_json::json!({
        "errors": ["1000000 Tweet ID(s) are unavailable"],
        "unavailable_tweet_ids": ids,
    }))
    .unwrap();
    let report = parse(&body);
    assert_eq!(report.unavailable_tweet_ids().len(), 1_000_000);
    assert_eq!(report.errors()[0].tweet_ids().len(), 1_000_000);
    assert_eq!(
        report.unavailable_tweet_ids()[999_999],
        Id::Valid(1_000_000)
    );
    assert!(report.findings().is_empty());
}

#[test]
fn one_message_holding_a_million_ids_keeps_them_all() {
    let ids: Vec<String> = (1..=1_000_000u64).map(|i| i.to_string()).collect();
    let message = format!(
        "Forbidden to access tweets for author id 7: {}",
        ids.join(", ")
    );
    let body = serde_json::to_vec(&serde_json::json!({ "errors": [message] })).unwrap();
    let report = parse(&body);
    let record = &report.errors()[0];
    assert_eq!(record.kind(), Kind::ForbiddenTweets);
    assert_eq!(record.author_id(), Some(7));
    assert_eq!(record.tweet_ids().len(), 1_000_000);
    assert_eq!(record.tweet_ids()[0], Id::Valid(1));
}

#[test]
fn twenty_megabytes_of_data_with_errors_last() {
    let mut body = String::from(r#"{"perTweetMetricsOwned":{"#);
    let mut tweet = 1_000_000_000_000_000u64;
    while body.len() < 20_000_000 {
        body.push_str(&format!(
            r#""{tweet}":{{"impressions":"1234","engagements":"56","favorites":"7","retweets":8}},"#
        ));
        tweet += 1;
    }
    body.push_str(
        r#""0":{}},"errors":["1 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["5"]}"#,
    );
    let report = parse(body.as_bytes());
    assert!(body.len() >= 20_000_000);
    assert_eq!(report.errors().len(), 1);
    assert_eq!(report.unavailable_tweet_ids(), [Id::Valid(5)]);
    assert_eq!(
        report.groupings().collect::<Vec<_>>(),
        ["perTweetMetricsOwned"]
    );
    assert!(report.findings().is_empty());
}

#[test]
fn numbers_with_ten_thousand_digits_never_overflow() {
    let digits = "9".repeat(10_000);
    // In a message count, a side key, a data count, a v1 code and a problem status.
    let body = format!(
        r#"{{"errors":["{digits} Tweet ID(s) are unavailable"],"unavailable_tweet_ids":[{digits}],"g":{{"1":{{"favorites":{digits}}}}}}}"#
    );
    let report = parse(body.as_bytes());
    assert_eq!(report.errors()[0].count(), None);
    assert_eq!(report.unavailable_tweet_ids()[0].to_string(), digits);
    let found = codes(body.as_bytes());
    for code in [
        FindingCode::NumberOverflow,
        FindingCode::IdNotString,
        FindingCode::InvalidId,
    ] {
        assert!(found.contains(&code), "{code:?} in {found:?}");
    }
    let v1 = format!(r#"{{"errors":[{{"code":{digits},"message":"Rate limit exceeded"}}]}}"#);
    assert_eq!(parse(v1.as_bytes()).errors()[0].kind(), Kind::RateLimited);
    let problem = format!(r#"{{"title":"x","type":"about:blank","status":{digits},"detail":"y"}}"#);
    assert_eq!(
        parse(problem.as_bytes()).errors()[0].kind(),
        Kind::Unrecognized
    );
}

#[test]
fn invalid_utf8_in_a_text_body_is_kept_lossily_with_a_finding() {
    let report = parse(b"internal server error\n\xff\xfe rate limit");
    assert_eq!(report.shape(), Shape::Text);
    assert_eq!(report.errors()[1].kind(), Kind::RateLimited);
    assert_eq!(
        report.errors()[1].message(),
        Some("\u{fffd}\u{fffd} rate limit")
    );
    assert_eq!(report.findings()[0].code, FindingCode::InvalidUtf8);
    assert_eq!(report.findings()[0].at.as_deref(), Some("byte 22"));
}

#[test]
fn invalid_utf8_in_a_key_and_an_id_is_kept_lossily() {
    let body = b"{\"g\xff\":{},\"unavailable_tweet_ids\":[\"1\xff\"]}";
    let report = parse(body);
    assert_eq!(report.groupings().collect::<Vec<_>>(), ["g\u{fffd}"]);
    assert_eq!(report.unavailable_tweet_ids()[0].to_string(), "1\u{fffd}");
    assert!(codes(body).contains(&FindingCode::InvalidUtf8));
}

#[test]
fn lone_surrogates_anywhere_are_replaced() {
    for body in [
        &br#"{"errors":["\ud800"]}"#[..],
        br#"{"errors":["\udc00 x"]}"#,
        br#"{"errors":[{"message":"\ud800","code":88}]}"#,
        br#"{"unavailable_tweet_ids":["\ud800"]}"#,
        br#"["\ud83d"]"#,
    ] {
        let report = parse(body);
        assert_ne!(
            report.shape(),
            Shape::MalformedJson,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert!(
            codes(body).contains(&FindingCode::InvalidUtf8),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // A valid pair is not replaced.
    let report = parse(br#"{"errors":["\ud83d\ude00"]}"#);
    assert_eq!(report.errors()[0].message(), Some("😀"));
}

#[test]
fn nul_bytes_are_text_not_terminators() {
    let report = parse(b"internal server error\0\nRate limit exceeded");
    assert_eq!(report.errors().len(), 2);
    assert_eq!(
        report.errors()[0].message(),
        Some("internal server error\0")
    );
    let report = parse(br#"{"errors":["a\u0000b"]}"#);
    assert_eq!(report.errors()[0].message(), Some("a\0b"));
    // A raw NUL inside a JSON string is not JSON.
    let report = parse(b"{\"errors\":[\"a\0b\"]}");
    assert_eq!(report.shape(), Shape::MalformedJson);
}

#[test]
fn duplicate_keys_keep_every_value() {
    let body = br#"{"errors":["internal server error"],"unavailable_tweet_ids":["1"],"errors":["Rate limit exceeded"],"unavailable_tweet_ids":["2","1"]}"#;
    let report = parse(body);
    assert_eq!(report.errors().len(), 3);
    assert_eq!(report.unavailable_tweet_ids(), [Id::Valid(1), Id::Valid(2)]);
    let found = codes(body);
    assert_eq!(
        found
            .iter()
            .filter(|c| **c == FindingCode::DuplicateKey)
            .count(),
        2
    );
}

#[test]
fn hostile_headers_never_panic_and_first_valid_wins() {
    let huge = "9".repeat(10_000);
    let report = parse_response(
        429,
        [
            ("retry-after", "-1"),
            ("retry-after", huge.as_str()),
            ("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"),
            ("retry-after", "7"),
            ("x-rate-limit-reset", "soon"),
            ("x-rate-limit-reset", "1449523500"),
            ("x-rate-limit-reset", "1"),
            ("X-RATE-LIMIT-LIMIT", "\u{0}"),
        ],
        b"",
    );
    assert_eq!(report.retry_after_secs(), None);
    assert_eq!(report.retry_after_at(), Some(1445412480));
    assert_eq!(report.rate_limit().unwrap().reset, Some(1449523500));
    assert_eq!(report.rate_limit().unwrap().limit, None);
    let invalid = report
        .findings()
        .iter()
        .filter(|f| f.code == FindingCode::InvalidHeader)
        .count();
    assert_eq!(invalid, 4);
}
