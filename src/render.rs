//! Builders for the bodies the Engagement API sends: for mock servers and tests.
//!
//! Every message renders in its documented wire form, byte for byte; JSON bodies
//! are compact by default ([`ErrorsBody::pretty`] on request) and keep their keys in
//! the order they were added, with the error keys first or last
//! ([`ErrorsBody::errors_last`]).
//!
//! ```
//! use engagement_errors::render::{ErrorMessage, ErrorsBody, Grouping};
//! use engagement_errors::{parse, validate, Kind};
//!
//! let body = ErrorsBody::new()
//!     .grouping(Grouping::totals("perTweetMetricsOwned", &[1060976163948904449], &["favorites"], |_, _| 12))
//!     .tweets_unavailable(&[1060976163948904448])
//!     .message(ErrorMessage::ForbiddenMetrics { metrics: vec!["impressions".into()] })
//!     .render();
//! assert_eq!(
//!     String::from_utf8(body.clone()).unwrap(),
//!     r#"{"perTweetMetricsOwned":{"1060976163948904449":{"favorites":"12"}},"errors":["1 Tweet ID(s) are unavailable","Forbidden to access metrics: impressions"],"unavailable_tweet_ids":["1060976163948904448"]}"#
//! );
//! let report = parse(&body);
//! assert_eq!(report.errors()[0].kind(), Kind::TweetsUnavailable);
//! assert!(validate(Some(200), &body).is_empty());
//! ```

use std::fmt::Write as _;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// One message of an `errors` array, rendered in its documented wire form by
/// [`ErrorMessage::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorMessage {
    /// `Your account could not be authenticated. Reason: REASON` (no `. Reason:`
    /// part when `None`). A reason's surrounding white space and trailing `;` or
    /// `.` are not part of it when read back.
    Authentication {
        /// The reason text.
        reason: Option<String>,
    },
    /// `Your application id is not authorized.`
    ApplicationNotAuthorized,
    /// `N Tweet ID(s) are unavailable`, or `Tweet ID(s) are unavailable` with no count.
    TweetsUnavailable {
        /// The count, if the message states one.
        count: Option<u64>,
    },
    /// `Impressions & engagements for tweets older than D days (PERIOD) are not supported`.
    ImpressionsEngagementsTooOld {
        /// The age limit in days (the API sends 90).
        max_age_days: u64,
        /// The text inside the parentheses (omitted when `None`); must not hold `)`.
        period: Option<String>,
    },
    /// `Forbidden to access tweets: ID, ID` or, per author,
    /// `Forbidden to access tweets for author id A: ID, ID`.
    ForbiddenTweets {
        /// The author's user ID.
        author_id: Option<u64>,
        /// The Tweet IDs (at least one).
        tweet_ids: Vec<u64>,
    },
    /// `Forbidden to access metrics: M, M`.
    ForbiddenMetrics {
        /// The metric names (at least one).
        metrics: Vec<String>,
    },
    /// `One or more of the groupBys you have specified are not supported: (G, G). Please adjust your request and try again.`
    UnsupportedGrouping {
        /// The `group_by` values (at least one).
        groupings: Vec<String>,
    },
    /// `This request requires gzip compression. Retry the request after setting 'Accept-Encoding' header in the request to 'gzip'.`
    GzipRequired,
    /// `internal server error`
    InternalServerError,
    /// `Rate limit exceeded`
    RateLimitExceeded,
    /// Any text, sent as it is.
    Verbatim(String),
}

fn join(items: impl IntoIterator<Item = impl std::fmt::Display>) -> String {
    let mut out = String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{item}");
    }
    out
}

impl ErrorMessage {
    /// The message as the API writes it.
    ///
    /// ```
    /// use engagement_errors::render::ErrorMessage;
    ///
    /// let message = ErrorMessage::ForbiddenTweets {
    ///     author_id: Some(18435372),
    ///     tweet_ids: vec![640026211712786432, 640026277605339136],
    /// };
    /// assert_eq!(
    ///     message.text(),
    ///     "Forbidden to access tweets for author id 18435372: 640026211712786432, 640026277605339136"
    /// );
    /// ```
    pub fn text(&self) -> String {
        match self {
            ErrorMessage::Authentication { reason: None } => {
                "Your account could not be authenticated.".to_owned()
            }
            ErrorMessage::Authentication {
                reason: Some(reason),
            } => format!("Your account could not be authenticated. Reason: {reason}"),
            ErrorMessage::ApplicationNotAuthorized => {
                "Your application id is not authorized.".to_owned()
            }
            ErrorMessage::TweetsUnavailable { count: Some(count) } => {
                format!("{count} Tweet ID(s) are unavailable")
            }
            ErrorMessage::TweetsUnavailable { count: None } => {
                "Tweet ID(s) are unavailable".to_owned()
            }
            ErrorMessage::ImpressionsEngagementsTooOld {
                max_age_days,
                period,
            } => match period {
                Some(period) => format!(
                    "Impressions & engagements for tweets older than {max_age_days} days ({period}) are not supported"
                ),
                None => format!(
                    "Impressions & engagements for tweets older than {max_age_days} days are not supported"
                ),
            },
            ErrorMessage::ForbiddenTweets {
                author_id,
                tweet_ids,
            } => match author_id {
                Some(author) => format!(
                    "Forbidden to access tweets for author id {author}: {}",
                    join(tweet_ids)
                ),
                None => format!("Forbidden to access tweets: {}", join(tweet_ids)),
            },
            ErrorMessage::ForbiddenMetrics { metrics } => {
                format!("Forbidden to access metrics: {}", join(metrics))
            }
            ErrorMessage::UnsupportedGrouping { groupings } => format!(
                "One or more of the groupBys you have specified are not supported: ({}). Please adjust your request and try again.",
                join(groupings)
            ),
            ErrorMessage::GzipRequired => "This request requires gzip compression. Retry the request after setting 'Accept-Encoding' header in the request to 'gzip'.".to_owned(),
            ErrorMessage::InternalServerError => "internal server error".to_owned(),
            ErrorMessage::RateLimitExceeded => "Rate limit exceeded".to_owned(),
            ErrorMessage::Verbatim(text) => text.clone(),
        }
    }
}

/// A node of a data grouping: a count, or more levels keyed by Tweet ID, metric,
/// day or hour.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Count(u64),
    Tree(Vec<(String, Node)>),
}

/// One data grouping of a success body: a name and nested objects ending in counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grouping {
    name: String,
    tree: Vec<(String, Node)>,
    numbers: bool,
}

impl Grouping {
    /// An empty grouping called `name`.
    pub fn new(name: impl Into<String>) -> Grouping {
        Grouping {
            name: name.into(),
            tree: Vec::new(),
            numbers: false,
        }
    }

    /// Sets the count at `path` (e.g. `["1060976163948904449", "favorites"]`),
    /// creating the levels on the way in insertion order. An empty path is ignored.
    /// Each call searches the levels it passes through (linear in their width):
    /// for large groupings use [`Grouping::totals`], [`Grouping::hourly`] or
    /// [`Grouping::daily`].
    pub fn count(mut self, path: &[&str], value: u64) -> Grouping {
        fn insert(level: &mut Vec<(String, Node)>, path: &[&str], value: u64) {
            let Some((first, rest)) = path.split_first() else {
                return;
            };
            // Builders add keys in order, so the last entry is the usual match.
            let found = level
                .iter()
                .rposition(|(key, _)| key == first)
                .filter(|&at| matches!(level[at].1, Node::Tree(_)) || rest.is_empty());
            let at = match found {
                Some(at) => at,
                None => {
                    let node = if rest.is_empty() {
                        Node::Count(value)
                    } else {
                        Node::Tree(Vec::new())
                    };
                    level.push(((*first).to_owned(), node));
                    level.len() - 1
                }
            };
            match &mut level[at].1 {
                Node::Tree(children) if !rest.is_empty() => insert(children, rest, value),
                node => *node = Node::Count(value),
            }
        }
        insert(&mut self.tree, path, value);
        self
    }

    /// Writes counts as bare JSON numbers (`"retweets": 26`) instead of the usual
    /// decimal strings (`"retweets": "26"`).
    pub fn counts_as_numbers(mut self) -> Grouping {
        self.numbers = true;
        self
    }

    /// A `/totals` grouping: Tweet ID → metric → count.
    pub fn totals(
        name: impl Into<String>,
        tweet_ids: &[u64],
        metrics: &[&str],
        count: impl Fn(u64, &str) -> u64,
    ) -> Grouping {
        Grouping::per_tweet(name, tweet_ids, metrics, |id, metric| {
            Node::Count(count(id, metric))
        })
    }

    /// A `/28hr` or `/historical` time series grouped by `tweet.id`,
    /// `engagement.type`, `engagement.day`, `engagement.hour`: Tweet ID → metric →
    /// day (`2015-09-14`) → hour (`"00"`–`"23"`) → count.
    pub fn hourly(
        name: impl Into<String>,
        tweet_ids: &[u64],
        metrics: &[&str],
        days: &[&str],
        count: impl Fn(u64, &str, &str, u8) -> u64,
    ) -> Grouping {
        Grouping::per_tweet(name, tweet_ids, metrics, |id, metric| {
            let days = days.iter().map(|&day| {
                let hours = (0..24u8)
                    .map(|hour| {
                        (
                            format!("{hour:02}"),
                            Node::Count(count(id, metric, day, hour)),
                        )
                    })
                    .collect();
                (day.to_owned(), Node::Tree(hours))
            });
            Node::Tree(days.collect())
        })
    }

    /// A daily time series: Tweet ID → metric → day → count.
    pub fn daily(
        name: impl Into<String>,
        tweet_ids: &[u64],
        metrics: &[&str],
        days: &[&str],
        count: impl Fn(u64, &str, &str) -> u64,
    ) -> Grouping {
        Grouping::per_tweet(name, tweet_ids, metrics, |id, metric| {
            let days = days
                .iter()
                .map(|&day| (day.to_owned(), Node::Count(count(id, metric, day))));
            Node::Tree(days.collect())
        })
    }

    /// Tweet ID → metric → whatever `leaf` builds; linear in the output's size.
    fn per_tweet(
        name: impl Into<String>,
        tweet_ids: &[u64],
        metrics: &[&str],
        leaf: impl Fn(u64, &str) -> Node,
    ) -> Grouping {
        let tree = tweet_ids
            .iter()
            .map(|&id| {
                let per_metric = metrics
                    .iter()
                    .map(|&metric| (metric.to_owned(), leaf(id, metric)))
                    .collect();
                (id.to_string(), Node::Tree(per_metric))
            })
            .collect();
        Grouping {
            name: name.into(),
            tree,
            numbers: false,
        }
    }

    /// The grouping's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

struct Level<'a>(&'a [(String, Node)], bool);

impl Serialize for Level<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, node) in self.0 {
            match node {
                Node::Count(value) if self.1 => map.serialize_entry(key, value)?,
                Node::Count(value) => map.serialize_entry(key, &value.to_string())?,
                Node::Tree(children) => map.serialize_entry(key, &Level(children, self.1))?,
            }
        }
        map.end()
    }
}

/// An Engagement API JSON object body: data groupings, `start`/`end`, an
/// `errors` array and the ID-list keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorsBody {
    messages: Vec<String>,
    ids: [Option<Vec<u64>>; 3],
    groupings: Vec<Grouping>,
    start: Option<String>,
    end: Option<String>,
    errors_first: bool,
    pretty: bool,
    semicolons: bool,
}

const SIDE_KEYS: [&str; 3] = [
    "unavailable_tweet_ids",
    "unsupported_for_impressions_engagements_tweet_ids",
    "unsupported_for_video_views_tweet_ids",
];

impl ErrorsBody {
    /// An empty body (`{}`). Errors come after the data unless
    /// [`ErrorsBody::errors_first`] is set.
    pub fn new() -> ErrorsBody {
        ErrorsBody::default()
    }

    /// Adds a message to `errors`.
    pub fn message(mut self, message: ErrorMessage) -> ErrorsBody {
        self.messages.push(message.text());
        self
    }

    /// `N Tweet ID(s) are unavailable` with `unavailable_tweet_ids` listing `ids`.
    pub fn tweets_unavailable(self, ids: &[u64]) -> ErrorsBody {
        let count = u64::try_from(ids.len()).ok();
        self.message(ErrorMessage::TweetsUnavailable { count })
            .id_list(0, ids)
    }

    /// The impressions message (90 days, with `period` in parentheses when given)
    /// with `unsupported_for_impressions_engagements_tweet_ids` listing `ids`.
    pub fn impressions_too_old(self, ids: &[u64], period: Option<&str>) -> ErrorsBody {
        self.message(ErrorMessage::ImpressionsEngagementsTooOld {
            max_age_days: 90,
            period: period.map(str::to_owned),
        })
        .id_list(1, ids)
    }

    /// `unsupported_for_video_views_tweet_ids` listing `ids` (the API sends no message).
    pub fn video_views_too_old(self, ids: &[u64]) -> ErrorsBody {
        self.id_list(2, ids)
    }

    /// Sets an ID-list key alone, with no message: `unavailable_tweet_ids`.
    pub fn unavailable_tweet_ids(self, ids: &[u64]) -> ErrorsBody {
        self.id_list(0, ids)
    }

    fn id_list(mut self, key: usize, ids: &[u64]) -> ErrorsBody {
        self.ids[key] = Some(ids.to_vec());
        self
    }

    /// Adds a data grouping. Its name should not be one of the envelope's keys
    /// (`errors`, `error`, `start`, `end`, the ID-list keys).
    pub fn grouping(mut self, grouping: Grouping) -> ErrorsBody {
        self.groupings.push(grouping);
        self
    }

    /// Sets the time series' `start` and `end` (`2015-09-14T17:00:00Z`).
    pub fn period(mut self, start: &str, end: &str) -> ErrorsBody {
        self.start = Some(start.to_owned());
        self.end = Some(end.to_owned());
        self
    }

    /// Puts `errors` and the ID-list keys before the data.
    pub fn errors_first(mut self) -> ErrorsBody {
        self.errors_first = true;
        self
    }

    /// Puts `errors` and the ID-list keys after the data (the default).
    pub fn errors_last(mut self) -> ErrorsBody {
        self.errors_first = false;
        self
    }

    /// Ends every message with `;`, as the FAQ shows them.
    pub fn trailing_semicolons(mut self) -> ErrorsBody {
        self.semicolons = true;
        self
    }

    /// Indents the JSON (two spaces) instead of the compact form.
    pub fn pretty(mut self) -> ErrorsBody {
        self.pretty = true;
        self
    }

    /// The body's bytes.
    pub fn render(&self) -> Vec<u8> {
        to_json(self, self.pretty)
    }
}

impl Serialize for ErrorsBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let write_errors = |map: &mut S::SerializeMap| -> Result<(), S::Error> {
            if !self.messages.is_empty() {
                let messages: Vec<String> = self
                    .messages
                    .iter()
                    .map(|m| {
                        if self.semicolons {
                            format!("{m};")
                        } else {
                            m.clone()
                        }
                    })
                    .collect();
                map.serialize_entry("errors", &messages)?;
            }
            for (key, ids) in SIDE_KEYS.iter().zip(&self.ids) {
                if let Some(ids) = ids {
                    map.serialize_entry(key, &Ids(ids))?;
                }
            }
            Ok(())
        };
        if self.errors_first {
            write_errors(&mut map)?;
        }
        if let Some(start) = &self.start {
            map.serialize_entry("start", start)?;
        }
        if let Some(end) = &self.end {
            map.serialize_entry("end", end)?;
        }
        for grouping in &self.groupings {
            map.serialize_entry(&grouping.name, &Level(&grouping.tree, grouping.numbers))?;
        }
        if !self.errors_first {
            write_errors(&mut map)?;
        }
        map.end()
    }
}

/// Tweet IDs as JSON strings.
struct Ids<'a>(&'a [u64]);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for id in self.0 {
            seq.serialize_element(&id.to_string())?;
        }
        seq.end()
    }
}

fn to_json<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Vec<u8> {
    let result = if pretty {
        serde_json::to_vec_pretty(value)
    } else {
        serde_json::to_vec(value)
    };
    // Serialising strings, integers, sequences and maps with string keys to
    // memory cannot fail.
    result.unwrap_or_default()
}

/// A top-level array of messages: `["Forbidden to access tweets: 1;"]`.
pub fn string_array(messages: &[ErrorMessage]) -> Vec<u8> {
    let texts: Vec<String> = messages.iter().map(ErrorMessage::text).collect();
    to_json(&texts, false)
}

/// The FAQ's text listing: `[`, one `message;` per line indented by two spaces, `]`.
pub fn faq_listing(messages: &[ErrorMessage]) -> Vec<u8> {
    let mut text = String::from("[\n");
    for message in messages {
        let _ = writeln!(text, "  {};", message.text());
    }
    text.push_str("]\n");
    text.into_bytes()
}

/// v1.1 error objects: `{"errors":[{"message":"Sorry, that page does not exist","code":34}]}`.
pub fn v1_errors(errors: &[(i64, &str)]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Object<'a> {
        message: &'a str,
        code: i64,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        errors: Vec<Object<'a>>,
    }
    let errors = errors
        .iter()
        .map(|&(code, message)| Object { message, code })
        .collect();
    to_json(&Body { errors }, false)
}

/// A v2 problem-details body:
/// `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`.
pub fn problem_details(title: &str, problem_type: &str, status: u16, detail: &str) -> Vec<u8> {
    #[derive(Serialize)]
    struct Problem<'a> {
        title: &'a str,
        #[serde(rename = "type")]
        problem_type: &'a str,
        status: u16,
        detail: &'a str,
    }
    to_json(
        &Problem {
            title,
            problem_type,
            status,
            detail,
        },
        false,
    )
}

/// A Gnip-style error: `{"error":{"message":"…","sent":"…"}}`, with a `detail`
/// array of `{"message":…}` objects when `details` is not empty.
pub fn gnip_error(message: &str, sent: &str, details: &[&str]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Detail<'a> {
        message: &'a str,
    }
    #[derive(Serialize)]
    struct Error<'a> {
        message: &'a str,
        sent: &'a str,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        detail: Vec<Detail<'a>>,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        error: Error<'a>,
    }
    let detail = details.iter().map(|&message| Detail { message }).collect();
    to_json(
        &Body {
            error: Error {
                message,
                sent,
                detail,
            },
        },
        false,
    )
}

/// A single-string error: `{"error":"Not authorized."}`.
pub fn error_string(message: &str) -> Vec<u8> {
    #[derive(Serialize)]
    struct Body<'a> {
        error: &'a str,
    }
    to_json(&Body { error: message }, false)
}

/// The HTML page an Apache proxy sends with a 502.
pub fn html_proxy_error() -> Vec<u8> {
    b"<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>502 Proxy Error</title>\n</head><body>\n<h1>Proxy Error</h1>\n<p>The proxy server received an invalid\nresponse from an upstream server.<br />\n</p>\n</body></html>\n".to_vec()
}

/// An empty body (503s and 429s from some proxies).
pub fn empty() -> Vec<u8> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: Vec<u8>) -> String {
        String::from_utf8(body).unwrap()
    }

    #[test]
    fn documented_messages_render_byte_for_byte() {
        let cases = [
            (
                ErrorMessage::Authentication {
                    reason: Some("Access token not found".into()),
                },
                "Your account could not be authenticated. Reason: Access token not found",
            ),
            (
                ErrorMessage::TweetsUnavailable { count: Some(3) },
                "3 Tweet ID(s) are unavailable",
            ),
            (
                ErrorMessage::ImpressionsEngagementsTooOld {
                    max_age_days: 90,
                    period: Some("90 days".into()),
                },
                "Impressions & engagements for tweets older than 90 days (90 days) are not supported",
            ),
            (
                ErrorMessage::ForbiddenTweets {
                    author_id: None,
                    tweet_ids: vec![1054424731825229824],
                },
                "Forbidden to access tweets: 1054424731825229824",
            ),
            (
                ErrorMessage::UnsupportedGrouping {
                    groupings: vec!["engagement.hour".into()],
                },
                "One or more of the groupBys you have specified are not supported: (engagement.hour). Please adjust your request and try again.",
            ),
        ];
        for (message, wire) in cases {
            assert_eq!(message.text(), wire);
        }
    }

    #[test]
    fn the_reference_partial_body_renders_exactly() {
        let body = ErrorsBody::new()
            .period("2015-11-17T22:00:00Z", "2015-11-19T02:00:00Z")
            .unavailable_tweet_ids(&[323456789])
            .errors_first()
            .grouping(
                Grouping::new("group1")
                    .count(&["423456789", "favorites"], 67)
                    .count(&["423456789", "replies"], 8),
            );
        // `errors_first` puts the ID list before `start` and `end`.
        assert_eq!(
            text(body.render()),
            r#"{"unavailable_tweet_ids":["323456789"],"start":"2015-11-17T22:00:00Z","end":"2015-11-19T02:00:00Z","group1":{"423456789":{"favorites":"67","replies":"8"}}}"#
        );
    }

    #[test]
    fn counts_can_be_bare_numbers() {
        let body = ErrorsBody::new().grouping(
            Grouping::new("g")
                .count(&["1", "retweets"], 26)
                .counts_as_numbers(),
        );
        assert_eq!(text(body.render()), r#"{"g":{"1":{"retweets":26}}}"#);
    }

    #[test]
    fn pretty_is_indented_and_compact_is_not() {
        let body = ErrorsBody::new().message(ErrorMessage::InternalServerError);
        assert_eq!(
            text(body.render()),
            r#"{"errors":["internal server error"]}"#
        );
        assert_eq!(
            text(body.pretty().render()),
            "{\n  \"errors\": [\n    \"internal server error\"\n  ]\n}"
        );
    }

    #[test]
    fn hourly_series_nests_day_and_hour() {
        let grouping =
            Grouping::hourly("h", &[7], &["favorites"], &["2015-09-14"], |_, _, _, h| {
                u64::from(h)
            });
        let body = text(ErrorsBody::new().grouping(grouping).render());
        assert!(body.starts_with(r#"{"h":{"7":{"favorites":{"2015-09-14":{"00":"0","01":"1","#));
        assert!(body.ends_with(r#""23":"23"}}}}}"#));
    }

    #[test]
    fn other_shapes_render_as_documented() {
        assert_eq!(
            text(v1_errors(&[(34, "Sorry, that page does not exist")])),
            r#"{"errors":[{"message":"Sorry, that page does not exist","code":34}]}"#
        );
        assert_eq!(
            text(problem_details(
                "Unauthorized",
                "about:blank",
                401,
                "Unauthorized"
            )),
            r#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#
        );
        assert_eq!(
            text(gnip_error(
                "One or more rules are invalid",
                "2016-01-25T18:38:33.634Z",
                &[]
            )),
            r#"{"error":{"message":"One or more rules are invalid","sent":"2016-01-25T18:38:33.634Z"}}"#
        );
        assert_eq!(
            text(error_string("Not authorized.")),
            r#"{"error":"Not authorized."}"#
        );
        assert_eq!(
            text(string_array(&[ErrorMessage::Verbatim(
                "Forbidden to access tweets: 1;".into()
            )])),
            r#"["Forbidden to access tweets: 1;"]"#
        );
        assert_eq!(
            text(faq_listing(&[ErrorMessage::Authentication {
                reason: Some("Unknown Authorization Type".into())
            }])),
            "[\n  Your account could not be authenticated. Reason: Unknown Authorization Type;\n]\n"
        );
        assert!(empty().is_empty());
    }
}
