//! How fast `parse` reads Engagement API bodies, against two baselines in the
//! same criterion group, so that ratios come from one run:
//!
//! - `floor`: `serde_json::from_slice::<IgnoredAny>`, validation only. No parser
//!   that reads the whole body can beat it by much.
//! - `naive`: what clients write by hand: the whole body into a
//!   `serde_json::Value`, then regexes (compiled once, outside the timed loop) over
//!   the `errors` strings for the same messages, counts, reasons, author IDs and
//!   Tweet IDs, plus `unavailable_tweet_ids`.
//!
//! Before timing, each group checks that `naive` and `parse` extract the same
//! things, so the comparison is between equals.
//!
//! Run: `cargo bench --bench parse -- --warm-up-time 1 --measurement-time 5`.
//! Results and how to read them: `benches/README.md`.
//!
//! The bodies are built in code from their indices (no files, no randomness), in
//! [`bodies`]; `tests/alloc.rs` includes this file to count allocations per body.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use engagement_errors::{parse, Kind, Report};
use regex::Regex;
use serde_json::Value;

/// The bench bodies, generated deterministically.
pub mod bodies {
    /// Authentication failure with a reason (the documented example).
    pub const AUTHENTICATION: &str =
        r#"{"errors":["Your account could not be authenticated. Reason: Access token not found"]}"#;

    /// Three unavailable Tweets with their ID list.
    pub const UNAVAILABLE: &str = r#"{"errors":["3 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["1060976163948904448","1060976163948904447","1060976163948904446"]}"#;

    /// One per-author forbidden message naming three Tweets.
    pub const FORBIDDEN_AUTHOR: &str = r#"{"errors":["Forbidden to access tweets for author id 18435372: 640026211712786432, 640026277605339136, 640027450420756481"]}"#;

    /// The metrics of a /totals response.
    pub const TOTALS_METRICS: [&str; 7] = [
        "impressions",
        "engagements",
        "favorites",
        "retweets",
        "quote_tweets",
        "replies",
        "video_views",
    ];

    /// The metrics of the /historical response.
    pub const HISTORICAL_METRICS: [&str; 6] = [
        "impressions",
        "engagements",
        "favorites",
        "retweets",
        "replies",
        "video_views",
    ];

    /// The Tweet IDs the large bodies list as unavailable.
    pub const UNAVAILABLE_IDS: [&str; 3] = [
        "1060976163948904448",
        "1060976163948904447",
        "1060976163948904446",
    ];

    /// The per-author forbidden message of the /totals body.
    pub const FORBIDDEN_MESSAGE: &str = "Forbidden to access tweets for author id 18435372: 640026211712786432, 640026277605339136, 640027450420756481";

    /// The count message matching [`UNAVAILABLE_IDS`].
    pub const UNAVAILABLE_MESSAGE: &str = "3 Tweet ID(s) are unavailable";

    /// Writes JSON the way `serde_json::to_string_pretty` lays it out (two-space
    /// indent, `"key": value`), with keys in the order they are written.
    struct Pretty {
        out: String,
        /// One entry per open container: whether it is still empty.
        empty: Vec<bool>,
    }

    impl Pretty {
        fn new() -> Pretty {
            Pretty {
                out: String::new(),
                empty: Vec::new(),
            }
        }

        fn next_item(&mut self) {
            let empty = self.empty.last_mut().expect("inside a container");
            if !*empty {
                self.out.push(',');
            }
            *empty = false;
            self.out.push('\n');
            for _ in 0..self.empty.len() {
                self.out.push_str("  ");
            }
        }

        fn key(&mut self, key: &str) -> &mut Pretty {
            self.next_item();
            self.string(key);
            self.out.push_str(": ");
            self
        }

        fn item(&mut self) -> &mut Pretty {
            self.next_item();
            self
        }

        fn string(&mut self, value: &str) {
            self.out.push('"');
            self.out.push_str(value);
            self.out.push('"');
        }

        fn open(&mut self, bracket: char) {
            self.out.push(bracket);
            self.empty.push(true);
        }

        fn close(&mut self, bracket: char) {
            if !self.empty.pop().expect("a container to close") {
                self.out.push('\n');
                for _ in 0..self.empty.len() {
                    self.out.push_str("  ");
                }
            }
            self.out.push(bracket);
        }

        fn strings(&mut self, items: &[&str]) {
            self.open('[');
            for item in items {
                self.item().string(item);
            }
            self.close(']');
        }
    }

    /// The `n`-th Tweet ID of a data grouping.
    pub fn tweet_id(n: usize) -> String {
        (1_060_976_163_948_904_449u64 + n as u64 * 1_000_003).to_string()
    }

    /// A /totals partial 200: `tweets` Tweets × 7 metrics in `perTweetMetricsOwned`
    /// (string counts), then `errors` (unavailable count, per-author forbidden) and
    /// `unavailable_tweet_ids`, last.
    pub fn totals(tweets: usize) -> String {
        let mut w = Pretty::new();
        w.open('{');
        w.key("perTweetMetricsOwned").open('{');
        for t in 0..tweets {
            w.key(&tweet_id(t)).open('{');
            for (m, metric) in TOTALS_METRICS.iter().enumerate() {
                let count = (t * 7919 + m * 104_729) % 250_000 + m;
                w.key(metric).string(&count.to_string());
            }
            w.close('}');
        }
        w.close('}');
        w.key("errors")
            .strings(&[UNAVAILABLE_MESSAGE, FORBIDDEN_MESSAGE]);
        w.key("unavailable_tweet_ids").strings(&UNAVAILABLE_IDS);
        w.close('}');
        w.out
    }

    /// The `d`-th day from 2015-09-14, as `YYYY-MM-DD` (fine for `d < 48`).
    pub fn day(d: usize) -> String {
        let day_of_september = 14 + d;
        if day_of_september <= 30 {
            format!("2015-09-{day_of_september:02}")
        } else {
            format!("2015-10-{:02}", day_of_september - 30)
        }
    }

    /// A /historical partial 200 with hourly data: `start` and `end`, then
    /// `tweets` Tweets × 6 metrics × 28 days × 24 hours in `perTweetPerDayPerHour`
    /// (tweet ID → metric → day → hour → count string), then `errors` and
    /// `unavailable_tweet_ids`, last.
    pub fn historical(tweets: usize) -> String {
        let mut w = Pretty::new();
        w.open('{');
        w.key("start").string("2015-09-14T00:00:00Z");
        w.key("end").string("2015-10-12T00:00:00Z");
        w.key("perTweetPerDayPerHour").open('{');
        for t in 0..tweets {
            w.key(&tweet_id(t)).open('{');
            for (m, metric) in HISTORICAL_METRICS.iter().enumerate() {
                w.key(metric).open('{');
                for d in 0..28 {
                    w.key(&day(d)).open('{');
                    for h in 0..24 {
                        let count = (t * 31 + m * 17 + d * 7 + h * 3) % 211;
                        w.key(&format!("{h:02}")).string(&count.to_string());
                    }
                    w.close('}');
                }
                w.close('}');
            }
            w.close('}');
        }
        w.close('}');
        w.key("errors").strings(&[UNAVAILABLE_MESSAGE]);
        w.key("unavailable_tweet_ids").strings(&UNAVAILABLE_IDS);
        w.close('}');
        w.out
    }

    /// Every bench body with its group name, in bench order.
    pub fn all() -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("small_authentication", AUTHENTICATION.as_bytes().to_vec()),
            ("small_unavailable_3", UNAVAILABLE.as_bytes().to_vec()),
            (
                "small_forbidden_author_3",
                FORBIDDEN_AUTHOR.as_bytes().to_vec(),
            ),
            ("totals_250_tweets", totals(250).into_bytes()),
            ("historical_hourly_25_tweets", historical(25).into_bytes()),
        ]
    }
}

/// The naive client: a whole `serde_json::Value`, then regexes over the
/// messages. Regexes are compiled once, in [`Naive::new`].
pub struct Naive {
    authentication: Regex,
    unavailable: Regex,
    forbidden: Regex,
    id: Regex,
}

/// What the naive client takes from one message.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NaiveError {
    /// The message, decoded.
    pub message: String,
    /// `authentication_failed`, `tweets_unavailable`, `forbidden_tweets` or `unrecognized`.
    pub kind: &'static str,
    /// The authentication failure's reason.
    pub reason: Option<String>,
    /// `N` in `N Tweet ID(s) are unavailable`.
    pub count: Option<u64>,
    /// The author of a per-author forbidden message.
    pub author_id: Option<u64>,
    /// The Tweet IDs a forbidden message names.
    pub tweet_ids: Vec<u64>,
}

/// What the naive client takes from a body.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NaiveReport {
    /// One per string in `errors`.
    pub errors: Vec<NaiveError>,
    /// `unavailable_tweet_ids`, as numbers.
    pub unavailable_tweet_ids: Vec<u64>,
}

impl Naive {
    /// Compiles the regexes.
    pub fn new() -> Naive {
        let regex = |pattern: &str| Regex::new(pattern).expect("valid regex");
        Naive {
            authentication: regex(
                r"(?i)^\s*your account could not be authenticated\.?(?:\s*reason\s*:\s*(.*?))?[\s;.]*$",
            ),
            unavailable: regex(
                r"(?i)^\s*(?:(\d+)\s+)?tweet\s+id(?:\(s\)|s)?\s+are\s+unavailable[\s;.]*$",
            ),
            forbidden: regex(
                r"(?i)^\s*forbidden\s+to\s+access\s+tweets(?:\s+for\s+author\s+id\s+(\d+))?\s*:\s*(.*?)[\s;.]*$",
            ),
            id: regex(r"\d+"),
        }
    }

    /// Reads `body` the naive way; `None` when it is not JSON.
    pub fn parse(&self, body: &[u8]) -> Option<NaiveReport> {
        let value: Value = serde_json::from_slice(body).ok()?;
        let mut report = NaiveReport::default();
        if let Some(errors) = value.get("errors").and_then(Value::as_array) {
            for message in errors.iter().filter_map(Value::as_str) {
                report.errors.push(self.message(message));
            }
        }
        if let Some(ids) = value.get("unavailable_tweet_ids").and_then(Value::as_array) {
            report.unavailable_tweet_ids = ids
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|id| id.parse().ok())
                .collect();
        }
        Some(report)
    }

    fn message(&self, message: &str) -> NaiveError {
        let mut error = NaiveError {
            message: message.to_owned(),
            kind: "unrecognized",
            ..NaiveError::default()
        };
        if let Some(caps) = self.authentication.captures(message) {
            error.kind = "authentication_failed";
            error.reason = caps.get(1).map(|m| m.as_str().to_owned());
        } else if let Some(caps) = self.unavailable.captures(message) {
            error.kind = "tweets_unavailable";
            error.count = caps.get(1).and_then(|m| m.as_str().parse().ok());
        } else if let Some(caps) = self.forbidden.captures(message) {
            error.kind = "forbidden_tweets";
            error.author_id = caps.get(1).and_then(|m| m.as_str().parse().ok());
            if let Some(ids) = caps.get(2) {
                error.tweet_ids = self
                    .id
                    .find_iter(ids.as_str())
                    .filter_map(|m| m.as_str().parse().ok())
                    .collect();
            }
        }
        error
    }
}

impl Default for Naive {
    fn default() -> Naive {
        Naive::new()
    }
}

/// Panics unless `naive` and `report` say the same things about the body: the
/// baseline does the same work as `parse` (and `parse` gets these bodies right).
pub fn assert_same(name: &str, naive: &NaiveReport, report: &Report<'_>) {
    assert_eq!(naive.errors.len(), report.errors().len(), "{name}: records");
    for (naive, record) in naive.errors.iter().zip(report.errors()) {
        let kind = match record.kind() {
            Kind::AuthenticationFailed => "authentication_failed",
            Kind::TweetsUnavailable => "tweets_unavailable",
            Kind::ForbiddenTweets => "forbidden_tweets",
            _ => "unrecognized",
        };
        assert_eq!(naive.kind, kind, "{name}: kind");
        assert_eq!(Some(naive.message.as_str()), record.message(), "{name}");
        assert_eq!(naive.reason.as_deref(), record.reason(), "{name}: reason");
        assert_eq!(naive.count, record.count(), "{name}: count");
        assert_eq!(naive.author_id, record.author_id(), "{name}: author");
        if record.kind() == Kind::ForbiddenTweets {
            let ids: Vec<u64> = record
                .tweet_ids()
                .iter()
                .filter_map(|id| id.as_u64())
                .collect();
            assert_eq!(naive.tweet_ids, ids, "{name}: Tweet IDs");
        }
    }
    let unavailable: Vec<u64> = report
        .unavailable_tweet_ids()
        .iter()
        .filter_map(|id| id.as_u64())
        .collect();
    assert_eq!(
        naive.unavailable_tweet_ids, unavailable,
        "{name}: unavailable"
    );
    assert!(
        report.findings().is_empty(),
        "{name}: {:?}",
        report.findings()
    );
}

fn bench_bodies(c: &mut Criterion) {
    let naive = Naive::new();
    for (name, body) in bodies::all() {
        let body = body.as_slice();
        let expected = naive.parse(body).expect("bench bodies are JSON");
        assert_same(name, &expected, &parse(body));

        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("parse", |b| b.iter(|| parse(black_box(body))));
        group.bench_function("naive", |b| b.iter(|| naive.parse(black_box(body))));
        group.bench_function("floor", |b| {
            b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(body)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench_bodies);
criterion_main!(benches);
