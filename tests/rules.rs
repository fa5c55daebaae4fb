//! One test per classification rule, named after the rule it pins.

use engagement_errors::{
    parse, parse_response, validate, Category, FindingCode, Id, Kind, Outcome, Retry, Severity,
    Shape,
};

const NO_HEADERS: [(&str, &str); 0] = [];

fn kinds(body: &[u8]) -> Vec<Kind> {
    parse(body).errors().iter().map(|r| r.kind()).collect()
}

fn codes(status: Option<u16>, body: &[u8]) -> Vec<FindingCode> {
    validate(status, body).iter().map(|f| f.code).collect()
}

#[test]
fn status_alone_makes_a_record_only_when_body_has_none() {
    let report = parse_response(503, NO_HEADERS, b"");
    assert_eq!(report.errors().len(), 1);
    assert_eq!(report.errors()[0].kind(), Kind::ServerError);
    assert_eq!(report.errors()[0].message(), None);

    let report = parse_response(503, NO_HEADERS, br#"{"errors":["Rate limit exceeded"]}"#);
    assert_eq!(report.errors().len(), 1);
    assert_eq!(report.errors()[0].kind(), Kind::RateLimited);
}

#[test]
fn success_status_makes_no_record() {
    let report = parse_response(200, NO_HEADERS, br#"{"g":{"1":{"favorites":"2"}}}"#);
    assert!(report.errors().is_empty());
    assert_eq!(report.outcome(), Outcome::Success);
    assert_eq!(report.retry(), Retry::None);
}

#[test]
fn each_status_alone_maps_to_its_kind() {
    for (status, kind, retry) in [
        (400, Kind::BadRequest, Retry::FixRequest),
        (401, Kind::AuthenticationFailed, Retry::FixCredentials),
        (403, Kind::Forbidden, Retry::FixRequest),
        (404, Kind::NotFound, Retry::FixRequest),
        (406, Kind::GzipRequired, Retry::FixRequest),
        (429, Kind::RateLimited, Retry::Wait),
        (500, Kind::ServerError, Retry::Backoff),
        (502, Kind::ServerError, Retry::Backoff),
        (503, Kind::ServerError, Retry::Backoff),
        (418, Kind::Unrecognized, Retry::FixRequest),
    ] {
        let report = parse_response(status, NO_HEADERS, b"");
        assert_eq!(report.errors()[0].kind(), kind, "{status}");
        assert_eq!(report.retry(), retry, "{status}");
    }
}

#[test]
fn partial_200_keeps_data_and_errors_together() {
    let body = br#"{"unavailable_tweet_ids":["1"],"g":{"2":{"favorites":"3"}},"errors":["1 Tweet ID(s) are unavailable"]}"#;
    let report = parse_response(200, NO_HEADERS, body);
    assert_eq!(report.outcome(), Outcome::Partial);
    assert_eq!(report.groupings().collect::<Vec<_>>(), ["g"]);
    assert_eq!(report.errors()[0].tweet_ids(), [Id::Valid(1)]);
}

#[test]
fn side_keys_are_read_before_or_after_megabytes_of_data() {
    let data: String = (0..20_000)
        .map(|i| format!("\"{i}\":{{\"favorites\":\"{i}\",\"retweets\":{i}}}"))
        .collect::<Vec<_>>()
        .join(",");
    for body in [
        format!(
            r#"{{"unavailable_tweet_ids":["9"],"errors":["1 Tweet ID(s) are unavailable"],"g":{{{data}}}}}"#
        ),
        format!(
            r#"{{"g":{{{data}}},"errors":["1 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["9"]}}"#
        ),
    ] {
        let report = parse(body.as_bytes());
        assert_eq!(report.unavailable_tweet_ids(), [Id::Valid(9)]);
        assert_eq!(report.errors()[0].tweet_ids(), [Id::Valid(9)]);
        assert!(report.findings().is_empty(), "{:?}", report.findings());
    }
}

#[test]
fn id_list_key_without_a_message_makes_its_own_record() {
    let report = parse(br#"{"unsupported_for_video_views_tweet_ids":["5","6"]}"#);
    let record = &report.errors()[0];
    assert_eq!(record.kind(), Kind::VideoViewsTooOld);
    assert_eq!(record.message(), None);
    assert_eq!(record.tweet_ids(), [Id::Valid(5), Id::Valid(6)]);
    assert_eq!(record.max_age_days(), None);
}

#[test]
fn empty_id_list_without_a_message_makes_no_record() {
    assert!(parse(br#"{"unavailable_tweet_ids":[]}"#)
        .errors()
        .is_empty());
}

#[test]
fn id_list_attaches_to_the_matching_message() {
    let body = br#"{"errors":["internal server error","2 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["7","8"]}"#;
    let report = parse(body);
    assert_eq!(report.errors().len(), 2);
    assert!(report.errors()[0].tweet_ids().is_empty());
    assert_eq!(report.errors()[1].tweet_ids(), [Id::Valid(7), Id::Valid(8)]);
}

#[test]
fn count_and_list_length_disagreeing_is_a_finding_not_a_failure() {
    let body = br#"{"errors":["3 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["1","2"]}"#;
    let report = parse(body);
    assert_eq!(report.errors()[0].count(), Some(3));
    assert_eq!(report.errors()[0].tweet_ids().len(), 2);
    assert_eq!(codes(None, body), [FindingCode::CountMismatch]);
}

#[test]
fn counted_message_without_its_key_is_missing_id_list() {
    assert_eq!(
        codes(None, br#"{"errors":["2 Tweet ID(s) are unavailable"]}"#),
        [FindingCode::MissingIdList]
    );
    // The protected-Tweets form names no count and comes with no list.
    assert!(codes(Some(400), br#"{"errors":["Tweet ID(s) are unavailable"]}"#).is_empty());
}

#[test]
fn ids_sent_as_numbers_are_read_and_reported() {
    let body = br#"{"unavailable_tweet_ids":[1060976163948904448]}"#;
    let report = parse(body);
    assert_eq!(
        report.unavailable_tweet_ids(),
        [Id::Valid(1060976163948904448)]
    );
    assert_eq!(codes(None, body), [FindingCode::IdNotString]);
}

#[test]
fn invalid_ids_are_kept_verbatim() {
    let body = br#"{"unavailable_tweet_ids":["abc","99999999999999999999999"]}"#;
    let report = parse(body);
    let ids: Vec<String> = report
        .unavailable_tweet_ids()
        .iter()
        .map(|id| id.to_string())
        .collect();
    assert_eq!(ids, ["abc", "99999999999999999999999"]);
    assert_eq!(
        codes(None, body),
        [FindingCode::InvalidId, FindingCode::InvalidId]
    );
}

#[test]
fn duplicate_ids_are_reported_once() {
    let body =
        br#"{"errors":["Forbidden to access tweets: 5, 5"],"unavailable_tweet_ids":["1","1"]}"#;
    let report = parse(body);
    assert_eq!(report.unavailable_tweet_ids(), [Id::Valid(1)]);
    assert_eq!(report.errors()[0].tweet_ids(), [Id::Valid(5)]);
    let findings = codes(None, body);
    assert_eq!(
        findings
            .iter()
            .filter(|c| **c == FindingCode::DuplicateId)
            .count(),
        2
    );
}

#[test]
fn unknown_message_is_kept_verbatim_never_dropped() {
    let body = br#"{"errors":["Something new happened"]}"#;
    let report = parse_response(400, NO_HEADERS, body);
    let record = &report.errors()[0];
    assert_eq!(record.kind(), Kind::Unrecognized);
    assert_eq!(record.category(), Category::Unknown);
    assert_eq!(record.message(), Some("Something new happened"));
    assert_eq!(record.retry(), Retry::FixRequest);
    assert_eq!(codes(Some(400), body), [FindingCode::UnrecognizedMessage]);
}

#[test]
fn unrecognized_advice_comes_from_the_status() {
    let body = br#"["??"]"#;
    for (status, retry) in [
        (Some(401), Retry::FixCredentials),
        (Some(429), Retry::Wait),
        (Some(503), Retry::Backoff),
        (Some(409), Retry::FixRequest),
        (Some(200), Retry::None),
        (None, Retry::Unknown),
    ] {
        let report = match status {
            Some(status) => parse_response(status, NO_HEADERS, body),
            None => parse(body),
        };
        assert_eq!(report.errors()[0].retry(), retry, "{status:?}");
    }
}

#[test]
fn overall_retry_is_the_strongest_advice() {
    let body = br#"{"errors":["internal server error","Forbidden to access metrics: retweets","1 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["1"]}"#;
    assert_eq!(parse(body).retry(), Retry::FixRequest);
    let body = br#"{"errors":["Rate limit exceeded","internal server error"]}"#;
    assert_eq!(parse(body).retry(), Retry::Wait);
}

#[test]
fn escaped_ampersand_matches_the_impressions_form() {
    let body = br#"{"errors":["Impressions \u0026 engagements for tweets older than 90 days (2015-08-17 - 2015-11-15) are not supported"],"unsupported_for_impressions_engagements_tweet_ids":["3"]}"#;
    let report = parse(body);
    let record = &report.errors()[0];
    assert_eq!(record.kind(), Kind::ImpressionsEngagementsTooOld);
    assert_eq!(record.max_age_days(), Some(90));
    assert_eq!(record.period(), Some("2015-08-17 - 2015-11-15"));
    assert!(record.parsed_period().is_some());
    assert_eq!(record.tweet_ids(), [Id::Valid(3)]);
}

#[test]
fn v1_code_takes_priority_over_message_text() {
    let body = br#"{"errors":[{"code":88,"message":"internal server error"}]}"#;
    let report = parse(body);
    assert_eq!(report.shape(), Shape::V1Objects);
    assert_eq!(report.errors()[0].kind(), Kind::RateLimited);
    assert_eq!(report.errors()[0].code(), Some(88));
}

#[test]
fn v1_unknown_code_falls_back_to_the_message() {
    let body = br#"{"errors":[{"code":187,"message":"Rate limit exceeded"}]}"#;
    assert_eq!(kinds(body), [Kind::RateLimited]);
    let body = br#"{"errors":[{"code":187,"message":"Status is a duplicate."}]}"#;
    let report = parse(body);
    assert_eq!(report.errors()[0].kind(), Kind::Unrecognized);
    assert_eq!(report.errors()[0].code(), Some(187));
}

#[test]
fn problem_type_matches_on_its_last_segment() {
    let body = br#"{"title":"Forbidden","type":"https://api.example.com/2/problems/not-authorized-for-resource","detail":"no","status":403}"#;
    let report = parse(body);
    assert_eq!(report.shape(), Shape::ProblemDetails);
    assert_eq!(kinds(body), [Kind::Forbidden]);
    assert_eq!(report.outcome(), Outcome::Failure);
}

#[test]
fn problem_status_maps_when_nothing_more_specific() {
    let body =
        br#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#;
    assert_eq!(kinds(body), [Kind::AuthenticationFailed]);
    let body = br#"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#;
    assert_eq!(kinds(body), [Kind::RateLimited]);
}

#[test]
fn gnip_error_and_its_detail_messages_are_each_a_record() {
    let body = br#"{"error":{"message":"One or more rules are invalid","sent":"2016-01-25T18:38:33.634Z","detail":[{"message":"Rate limit exceeded"},{"message":"x"}]}}"#;
    let report = parse(body);
    assert_eq!(report.shape(), Shape::GnipError);
    assert_eq!(
        kinds(body),
        [Kind::Unrecognized, Kind::RateLimited, Kind::Unrecognized]
    );
    assert_eq!(report.groupings().len(), 0);
}

#[test]
fn single_string_error_is_a_gnip_error() {
    let report = parse(br#"{"error":"Not authorized."}"#);
    assert_eq!(report.shape(), Shape::GnipError);
    assert_eq!(report.errors()[0].message(), Some("Not authorized."));
}

#[test]
fn html_page_takes_its_kind_from_the_status_and_its_message_from_the_title() {
    let body = b"<html><head><title>502 Proxy Error</title></head><body>...</body></html>";
    let report = parse_response(502, NO_HEADERS, body);
    assert_eq!(report.shape(), Shape::Html);
    assert_eq!(report.errors()[0].kind(), Kind::ServerError);
    assert_eq!(report.errors()[0].message(), Some("502 Proxy Error"));
}

#[test]
fn faq_bracketed_listing_is_split_into_messages() {
    let body = b"[\n  Your account could not be authenticated. Reason: Unknown Authorization Type;\n  Forbidden to access tweets: 1054424731825229824;\n]\n";
    let report = parse(body);
    assert_eq!(report.shape(), Shape::Text);
    assert_eq!(
        kinds(body),
        [Kind::AuthenticationFailed, Kind::ForbiddenTweets]
    );
    assert_eq!(
        report.errors()[0].reason(),
        Some("Unknown Authorization Type")
    );
}

#[test]
fn bom_is_skipped() {
    let report = parse(b"\xEF\xBB\xBF{\"errors\":[\"internal server error\"]}");
    assert_eq!(report.shape(), Shape::ErrorsObject);
    assert_eq!(report.errors()[0].kind(), Kind::ServerError);
}

#[test]
fn gzip_is_detected_not_decompressed() {
    let report = parse(&[0x1f, 0x8b, 0x08, 0x00, 0x00]);
    assert_eq!(report.shape(), Shape::Gzip);
    assert_eq!(codes(None, &[0x1f, 0x8b]), [FindingCode::GzipBody]);
}

#[test]
fn truncated_json_keeps_what_came_before_the_cut() {
    let body = br#"{"errors":["internal server error","Forbidden to access tweets: 1"],"unavailable_tweet_ids":["2","3"#;
    let report = parse(body);
    assert_eq!(report.shape(), Shape::MalformedJson);
    assert_eq!(
        kinds(body),
        [
            Kind::ServerError,
            Kind::ForbiddenTweets,
            Kind::TweetsUnavailable
        ]
    );
    assert_eq!(report.unavailable_tweet_ids(), [Id::Valid(2)]);
    assert!(codes(None, body).contains(&FindingCode::MalformedJson));
}

#[test]
fn lone_surrogate_escape_is_replaced_not_fatal() {
    let body = br#"{"errors":["Your account could not be authenticated. Reason: bad \ud800"]}"#;
    let report = parse(body);
    assert_eq!(report.shape(), Shape::ErrorsObject);
    assert_eq!(report.errors()[0].kind(), Kind::AuthenticationFailed);
    assert!(report.errors()[0].reason().unwrap().contains('\u{fffd}'));
    assert_eq!(codes(None, body), [FindingCode::InvalidUtf8]);
}

#[test]
fn invalid_utf8_inside_a_string_is_kept_lossily_with_a_finding() {
    let body = b"{\"errors\":[\"Forbidden to access metrics: retweets\xff\"]}";
    let report = parse(body);
    assert_eq!(
        report.errors()[0].message().unwrap(),
        "Forbidden to access metrics: retweets\u{fffd}"
    );
    assert_eq!(codes(None, body)[0], FindingCode::InvalidUtf8);
}

#[test]
fn duplicate_errors_keys_keep_every_message() {
    let body = br#"{"errors":["internal server error"],"errors":["Rate limit exceeded"]}"#;
    assert_eq!(kinds(body), [Kind::ServerError, Kind::RateLimited]);
    assert_eq!(codes(None, body), [FindingCode::DuplicateKey]);
}

#[test]
fn authentication_error_in_a_200_is_a_status_body_mismatch() {
    let body = br#"{"errors":["Your account could not be authenticated. Reason: x"]}"#;
    let findings = validate(Some(200), body);
    assert_eq!(findings[0].code, FindingCode::StatusBodyMismatch);
    assert_eq!(findings[0].severity, Severity::Warning);
}

#[test]
fn success_body_in_a_5xx_is_a_status_body_mismatch_error() {
    let findings = validate(Some(503), br#"{"g":{"1":{"favorites":"1"}}}"#);
    assert_eq!(findings[0].code, FindingCode::StatusBodyMismatch);
    assert_eq!(findings[0].severity, Severity::Error);
}

#[test]
fn number_overflow_leaves_the_field_empty_with_a_finding() {
    let body =
        br#"{"errors":["Forbidden to access tweets for author id 99999999999999999999: 1"]}"#;
    let report = parse(body);
    assert_eq!(report.errors()[0].kind(), Kind::ForbiddenTweets);
    assert_eq!(report.errors()[0].author_id(), None);
    assert_eq!(codes(None, body), [FindingCode::NumberOverflow]);
}

#[test]
fn rate_limit_headers_are_read_case_insensitively() {
    let report = parse_response(
        429,
        [
            ("X-Per-Minute-Limit", "1200"),
            ("X-Per-Minute-Remaining", "0"),
            ("X-Per-Minute-Reset", "1449523500"),
            ("Retry-After", "30"),
        ],
        b"",
    );
    let limit = report.rate_limit().unwrap();
    assert_eq!(
        (limit.limit, limit.remaining, limit.reset),
        (Some(1200), Some(0), Some(1449523500))
    );
    assert_eq!(report.retry_after_secs(), Some(30));
}

#[test]
fn messages_without_escapes_are_borrowed_from_the_body() {
    let body = br#"{"errors":["Your account could not be authenticated. Reason: Access token not found"]}"#;
    let report = parse(body);
    let message = report.errors()[0].message().unwrap();
    let range = body.as_ptr_range();
    assert!(range.contains(&message.as_ptr()));
    let reason = report.errors()[0].reason().unwrap();
    assert!(range.contains(&reason.as_ptr()));
}

#[test]
fn record_display_is_one_plain_sentence() {
    let cases: [(&[u8], &str); 6] = [
        (
            br#"["Your account could not be authenticated. Reason: Access token not found"]"#,
            "Authentication failed (Access token not found): fix the credentials before retrying.",
        ),
        (
            br#"["Forbidden to access tweets for author id 18435372: 1, 2"]"#,
            "The token may not read 2 Tweets by author 18435372: use the author's token or drop their IDs.",
        ),
        (
            br#"["Forbidden to access metrics: retweets"]"#,
            "The token may not read the metrics retweets: remove them from the request or use a token that may.",
        ),
        (
            br#"["One or more of the groupBys you have specified are not supported: (engagement.hour). Please adjust your request and try again."]"#,
            "The endpoint does not support the grouping engagement.hour: change the request's groupings.",
        ),
        (
            br#"["Tweet ID(s) are unavailable"]"#,
            "Some Tweets are unavailable (deleted or not public): use the data that arrived and drop their IDs.",
        ),
        (
            br#"["huh"]"#,
            "Unrecognized error \"huh\": no advice can be given.",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(parse(body).errors()[0].to_string(), expected);
    }
}

#[test]
fn record_display_stays_on_one_line() {
    let body = br#"["Your account could not be authenticated. Reason: a\nb\tc", "x\ny", "Impressions & engagements for tweets older than 90 days (a\rb) are not supported"]"#;
    for record in parse(body).errors() {
        let sentence = record.to_string();
        assert!(!sentence.contains(['\n', '\r', '\t']), "{sentence:?}");
    }
    assert_eq!(
        parse(body).errors()[0].to_string(),
        "Authentication failed (a\\nb\\tc): fix the credentials before retrying."
    );
}

#[test]
fn null_entries_are_reported_not_made_into_records() {
    let body = br#"{"errors":[null,"internal server error",500]}"#;
    let report = parse(body);
    assert_eq!(kinds(body), [Kind::ServerError, Kind::Unrecognized]);
    assert_eq!(report.errors()[1].message(), Some("500"));
    assert_eq!(
        codes(None, body),
        [FindingCode::UnexpectedValue, FindingCode::UnexpectedValue]
    );
}

#[test]
fn faq_listing_whose_first_message_starts_with_a_digit_is_text() {
    use engagement_errors::render::{faq_listing, ErrorMessage};
    let body = faq_listing(&[
        ErrorMessage::TweetsUnavailable { count: Some(3) },
        ErrorMessage::ForbiddenTweets {
            author_id: None,
            tweet_ids: vec![1],
        },
    ]);
    let report = parse(&body);
    assert_eq!(report.shape(), Shape::Text);
    assert_eq!(
        kinds(&body),
        [Kind::TweetsUnavailable, Kind::ForbiddenTweets]
    );
    // A truncated JSON array is still malformed JSON, not a listing.
    assert_eq!(parse(b"[\"a\",\n\"b\"").shape(), Shape::MalformedJson);
}

#[test]
fn a_wrong_typed_field_in_an_error_object_costs_nothing_else() {
    let body = br#"{"errors":{"message":5,"code":88},"unavailable_tweet_ids":["1"],"g":{}}"#;
    let report = parse(body);
    assert_eq!(report.shape(), Shape::V1Objects);
    assert_eq!(kinds(body), [Kind::RateLimited, Kind::TweetsUnavailable]);
    assert_eq!(report.groupings().collect::<Vec<_>>(), ["g"]);
    let body = br#"{"errors":[{"message":5,"code":88},{"message":"a","message":"internal server error"}]}"#;
    assert_eq!(kinds(body), [Kind::RateLimited, Kind::Unrecognized]);
    assert_eq!(parse(body).errors()[0].code(), Some(88));
}

#[test]
fn lone_surrogates_in_bare_strings_are_replaced_not_fatal() {
    for (body, kind) in [
        (
            &br#""\ud800 internal server error""#[..],
            Kind::Unrecognized,
        ),
        (br#"{"errors":"\ud800 rate limit"}"#, Kind::RateLimited),
        (
            br#"{"unavailable_tweet_ids":"\ud800"}"#,
            Kind::TweetsUnavailable,
        ),
    ] {
        let report = parse(body);
        assert_ne!(
            report.shape(),
            Shape::MalformedJson,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(
            report.errors()[0].kind(),
            kind,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert!(codes(None, body).contains(&FindingCode::InvalidUtf8));
    }
    // One lone surrogate becomes one replacement character.
    let report = parse(br#"{"errors":"a\ud800b"}"#);
    assert_eq!(report.errors()[0].message(), Some("a\u{fffd}b"));
}

#[test]
fn envelope_fields_beside_errors_are_not_data_groupings() {
    let body = br#"{"errors":["internal server error"],"status":500,"title":"x","detail":"y"}"#;
    let report = parse_response(500, NO_HEADERS, body);
    assert_eq!(report.groupings().len(), 0);
    assert_eq!(report.outcome(), Outcome::Failure);
    // An object under such a name is a grouping like any other.
    let body = br#"{"errors":["internal server error"],"status":{"1":{"favorites":"2"}}}"#;
    assert_eq!(parse(body).groupings().collect::<Vec<_>>(), ["status"]);
}

#[test]
fn repeated_single_valued_keys_say_the_first_value_was_used() {
    let body = br#"{"error":{"message":"x"},"error":{"message":"internal server error"}}"#;
    let findings = validate(None, body);
    let duplicate = findings
        .iter()
        .find(|f| f.code == FindingCode::DuplicateKey)
        .unwrap();
    assert!(
        duplicate.detail.ends_with("the first value was used"),
        "{}",
        duplicate.detail
    );
}

#[test]
fn an_overflowing_code_or_status_is_a_number_overflow_finding() {
    let body = br#"{"errors":[{"message":"x","code":99999999999999999999}]}"#;
    assert_eq!(parse(body).errors()[0].code(), None);
    assert!(codes(None, body).contains(&FindingCode::NumberOverflow));
    let body =
        br#"{"title":"t","type":"about:blank","status":"-9223372036854775808","detail":"d"}"#;
    assert!(!codes(None, body).contains(&FindingCode::NumberOverflow));
}
