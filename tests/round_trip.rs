//! `parse(render(x))` yields exactly the records `x` describes, and
//! `validate(render(x))` is empty, for arbitrary builder inputs.

use engagement_errors::render::{ErrorMessage, ErrorsBody, Grouping};
use engagement_errors::{parse, validate, Id, Kind, Outcome};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// What one record should say, worked out from the builder input alone.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    kind: Kind,
    message: Option<String>,
    count: Option<u64>,
    tweet_ids: Vec<u64>,
    reason: Option<String>,
    author_id: Option<u64>,
    metrics: Vec<String>,
    groupings: Vec<String>,
    max_age_days: Option<u64>,
    period: Option<String>,
}

impl Expected {
    fn new(kind: Kind, message: Option<String>) -> Expected {
        Expected {
            kind,
            message,
            count: None,
            tweet_ids: Vec::new(),
            reason: None,
            author_id: None,
            metrics: Vec::new(),
            groupings: Vec::new(),
            max_age_days: None,
            period: None,
        }
    }
}

/// A message the round trip can carry, with the record it should read back as.
#[derive(Debug, Clone)]
enum Spec {
    Authentication(Option<String>),
    ApplicationNotAuthorized,
    Forbidden(Option<u64>, Vec<u64>),
    Metrics(Vec<String>),
    Grouping(Vec<String>),
    Gzip,
    Server,
    RateLimit,
    ProtectedTweets,
}

impl Spec {
    fn message(&self) -> ErrorMessage {
        match self.clone() {
            Spec::Authentication(reason) => ErrorMessage::Authentication { reason },
            Spec::ApplicationNotAuthorized => ErrorMessage::ApplicationNotAuthorized,
            Spec::Forbidden(author_id, tweet_ids) => ErrorMessage::ForbiddenTweets {
                author_id,
                tweet_ids,
            },
            Spec::Metrics(metrics) => ErrorMessage::ForbiddenMetrics { metrics },
            Spec::Grouping(groupings) => ErrorMessage::UnsupportedGrouping { groupings },
            Spec::Gzip => ErrorMessage::GzipRequired,
            Spec::Server => ErrorMessage::InternalServerError,
            Spec::RateLimit => ErrorMessage::RateLimitExceeded,
            Spec::ProtectedTweets => ErrorMessage::TweetsUnavailable { count: None },
        }
    }

    fn expected(&self, semicolons: bool) -> Expected {
        let mut text = self.message().text();
        if semicolons {
            text.push(';');
        }
        let message = Some(text);
        match self.clone() {
            Spec::Authentication(reason) => Expected {
                reason,
                ..Expected::new(Kind::AuthenticationFailed, message)
            },
            Spec::ApplicationNotAuthorized => {
                Expected::new(Kind::ApplicationNotAuthorized, message)
            }
            Spec::Forbidden(author_id, tweet_ids) => Expected {
                author_id,
                tweet_ids,
                ..Expected::new(Kind::ForbiddenTweets, message)
            },
            Spec::Metrics(metrics) => Expected {
                metrics,
                ..Expected::new(Kind::ForbiddenMetrics, message)
            },
            Spec::Grouping(groupings) => Expected {
                groupings,
                ..Expected::new(Kind::UnsupportedGrouping, message)
            },
            Spec::Gzip => Expected::new(Kind::GzipRequired, message),
            Spec::Server => Expected::new(Kind::ServerError, message),
            Spec::RateLimit => Expected::new(Kind::RateLimited, message),
            Spec::ProtectedTweets => Expected::new(Kind::TweetsUnavailable, message),
        }
    }
}

/// Distinct IDs (each list names each ID once).
fn ids(max: usize) -> impl Strategy<Value = Vec<u64>> {
    prop::collection::btree_set(any::<u64>(), 0..=max).prop_map(|set| set.into_iter().collect())
}

fn names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z][a-z_.]{0,14}[a-z]", 1..4)
}

/// Reasons with quotes, `&`, `;`, non-ASCII and inner white space; the message
/// form cannot carry surrounding white space or a final `;`/`.`, so those are not
/// generated.
fn reason() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        "[A-Za-z0-9\"'&;:,.é漢🙂\\\\/ -]{0,40}[A-Za-z0-9\"'&é漢🙂]"
            .prop_filter("not blank", |r| !r.trim().is_empty() && r.trim() == r),
    )
}

fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        reason().prop_map(Spec::Authentication),
        Just(Spec::ApplicationNotAuthorized),
        (
            prop::option::of(any::<u64>()),
            ids(8).prop_filter("at least one", |v| !v.is_empty())
        )
            .prop_map(|(author, ids)| Spec::Forbidden(author, ids)),
        names().prop_map(Spec::Metrics),
        names().prop_map(Spec::Grouping),
        Just(Spec::Gzip),
        Just(Spec::Server),
        Just(Spec::RateLimit),
        Just(Spec::ProtectedTweets),
    ]
}

fn period() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just("90 days".to_owned()),
        Just("2015-08-17T00:00:00Z - 2015-11-15T00:00:00Z".to_owned()),
        "[0-9A-Za-z:/ -]{0,20}[0-9A-Za-z]",
    ])
}

#[derive(Debug, Clone)]
struct Input {
    specs: Vec<Spec>,
    unavailable: Option<Vec<u64>>,
    impressions: Option<(Vec<u64>, Option<String>)>,
    video_views: Option<Vec<u64>>,
    data: Vec<u64>,
    errors_first: bool,
    semicolons: bool,
    pretty: bool,
}

fn input() -> impl Strategy<Value = Input> {
    (
        prop::collection::vec(spec(), 0..6),
        prop::option::of(ids(250)),
        prop::option::of((ids(250), period())),
        prop::option::of(ids(50).prop_filter("not empty", |v| !v.is_empty())),
        ids(30),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                specs,
                unavailable,
                impressions,
                video_views,
                data,
                errors_first,
                semicolons,
                pretty,
            )| {
                Input {
                    specs,
                    unavailable,
                    impressions,
                    video_views,
                    data,
                    errors_first,
                    semicolons,
                    pretty,
                }
            },
        )
}

fn render(input: &Input) -> Vec<u8> {
    let mut body = ErrorsBody::new();
    if let Some(ids) = &input.unavailable {
        body = body.tweets_unavailable(ids);
    }
    if let Some((ids, period)) = &input.impressions {
        body = body.impressions_too_old(ids, period.as_deref());
    }
    for spec in &input.specs {
        body = body.message(spec.message());
    }
    if let Some(ids) = &input.video_views {
        body = body.video_views_too_old(ids);
    }
    if !input.data.is_empty() {
        body = body.grouping(Grouping::totals(
            "perTweetMetricsOwned",
            &input.data,
            &["favorites", "retweets"],
            |id, metric| id % 1000 + metric.len() as u64,
        ));
    }
    if input.errors_first {
        body = body.errors_first();
    }
    if input.semicolons {
        body = body.trailing_semicolons();
    }
    if input.pretty {
        body = body.pretty();
    }
    body.render()
}

fn expected(input: &Input) -> Vec<Expected> {
    let semicolon = |text: String| {
        if input.semicolons {
            format!("{text};")
        } else {
            text
        }
    };
    let mut records = Vec::new();
    if let Some(ids) = &input.unavailable {
        records.push(Expected {
            count: Some(ids.len() as u64),
            tweet_ids: ids.clone(),
            ..Expected::new(
                Kind::TweetsUnavailable,
                Some(semicolon(format!(
                    "{} Tweet ID(s) are unavailable",
                    ids.len()
                ))),
            )
        });
    }
    if let Some((ids, period)) = &input.impressions {
        let text = match period {
            Some(p) => format!(
                "Impressions & engagements for tweets older than 90 days ({p}) are not supported"
            ),
            None => "Impressions & engagements for tweets older than 90 days are not supported"
                .to_owned(),
        };
        records.push(Expected {
            tweet_ids: ids.clone(),
            max_age_days: Some(90),
            period: period.clone(),
            ..Expected::new(Kind::ImpressionsEngagementsTooOld, Some(semicolon(text)))
        });
    }
    for spec in &input.specs {
        records.push(spec.expected(input.semicolons));
    }
    if let Some(ids) = &input.video_views {
        records.push(Expected {
            tweet_ids: ids.clone(),
            ..Expected::new(Kind::VideoViewsTooOld, None)
        });
    }
    records
}

fn actual(body: &[u8]) -> Vec<Expected> {
    let report = parse(body);
    report
        .errors()
        .iter()
        .map(|record| Expected {
            kind: record.kind(),
            message: record.message().map(str::to_owned),
            count: record.count(),
            tweet_ids: record
                .tweet_ids()
                .iter()
                .map(|id| id.as_u64().expect("rendered IDs are valid"))
                .collect(),
            reason: record.reason().map(str::to_owned),
            author_id: record.author_id(),
            metrics: record.metrics().map(str::to_owned).collect(),
            groupings: record.groupings().map(str::to_owned).collect(),
            max_age_days: record.max_age_days(),
            period: record.period().map(str::to_owned),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/round_trip.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn parse_of_render_yields_exactly_the_records_described(input in input()) {
        let body = render(&input);
        prop_assert_eq!(actual(&body), expected(&input));
        let report = parse(&body);
        let outcome = match (report.errors().is_empty(), input.data.is_empty()) {
            (true, _) => Outcome::Success,
            (false, false) => Outcome::Partial,
            (false, true) => Outcome::Failure,
        };
        prop_assert_eq!(report.outcome(), outcome);
        let listed: Vec<Id<'_>> = input.unavailable.clone().unwrap_or_default().into_iter().map(Id::Valid).collect();
        prop_assert_eq!(report.unavailable_tweet_ids(), &listed[..]);
    }

    #[test]
    fn validate_of_render_is_empty(input in input()) {
        let body = render(&input);
        let findings = validate(None, &body);
        prop_assert!(findings.is_empty(), "{:?}\n{}", findings, String::from_utf8_lossy(&body));
    }
}
