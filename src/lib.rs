//! Typed, classified errors from the raw bytes of an X (formerly Twitter)
//! Enterprise Engagement API response.
//!
//! The Engagement API reports problems as English sentences in an `errors` array,
//! often inside a **200 OK next to the partial data that did arrive**, with the
//! affected Tweet IDs in side keys such as `unavailable_tweet_ids`. This crate
//! reads those bytes (plus, when known, the HTTP status and headers) and returns a
//! [`Report`]: one [`ErrorRecord`] per message with its [`Kind`], [`Category`] and
//! [`Retry`] advice, the Tweet IDs it concerns, and [`Finding`]s about anything
//! the body does that the documented contract says it should not.
//!
//! ```
//! use engagement_errors::{parse_response, Kind, Outcome, Retry};
//!
//! let body = br#"{
//!   "errors": ["1 Tweet ID(s) are unavailable"],
//!   "unavailable_tweet_ids": ["1060976163948904448"],
//!   "perTweetMetricsOwned": {"1060976163948904449": {"favorites": "12"}}
//! }"#;
//! let report = parse_response(200, [("content-type", "application/json")], body);
//!
//! assert_eq!(report.outcome(), Outcome::Partial); // the data that arrived is usable
//! assert_eq!(report.retry(), Retry::DropIds);
//! let error = &report.errors()[0];
//! assert_eq!(error.kind(), Kind::TweetsUnavailable);
//! assert_eq!(error.count(), Some(1));
//! assert_eq!(error.tweet_ids()[0].as_u64(), Some(1060976163948904448));
//! assert_eq!(
//!     error.to_string(),
//!     "1 Tweet is unavailable (deleted or not public): use the data that arrived and drop their IDs."
//! );
//! assert!(report.findings().is_empty());
//! ```
//!
//! # What it reads
//!
//! Every body shape an Engagement API client meets (see [`Shape`]): the
//! `errors` object with data groupings and ID-list keys in any order, top-level
//! string arrays, v1.1 `{message, code}` objects, v2 problem details, Gnip
//! `error` objects, plain text (including the FAQ's bracketed listing), HTML
//! proxy pages, empty bodies, gzip bytes the caller forgot to decompress, and
//! truncated or invalid JSON (what was read before the error is kept).
//!
//! Messages are matched on the decoded string, case-insensitively, tolerant of
//! extra white space and of a trailing `;` or `.`, and must match a known form
//! whole: leftovers make the message [`Kind::Unrecognized`], kept verbatim.
//!
//! # Scope
//!
//! The crate does no I/O, reads no clock, keeps no global state and never
//! decompresses: it is a pure function of the bytes, status and headers it is
//! given. It does not send requests, retry them, or validate request bodies.
//! [`parse`] and [`parse_response`] never panic and never fail; any bytes give a
//! report.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub, rust_2018_idioms)]

mod classify;
mod delay;
mod envelope;
mod finding;
mod headers;
#[cfg(feature = "http")]
mod http;
mod id;
mod message;
mod period;
mod record;
pub mod render;
mod report;

/// Logged responses, one JSON object per line (NDJSON): what the command-line tool reads.
pub mod logged;
pub mod testing;

pub use crate::classify::{Category, Kind, Retry};
pub use crate::delay::{BACKOFF_BASE, BACKOFF_CAP};
pub use crate::finding::{Finding, FindingCode, Severity};
pub use crate::headers::RateLimit;
#[cfg(feature = "http")]
pub use crate::http::parse_http;
pub use crate::id::Id;
pub use crate::period::{Date, DateTime, Instant, Period, SpanUnit};
pub use crate::record::ErrorRecord;
pub use crate::report::{Outcome, Report, Shape};

/// A report that owns its text: `Send + Sync + 'static`, for passing across
/// threads and storing. Made with [`Report::into_owned`].
pub type OwnedReport = Report<'static>;

/// Reads a response body alone (status and headers unknown).
///
/// Any bytes give a report; this never panics and never fails.
///
/// ```
/// let report = engagement_errors::parse(b"[\"Forbidden to access tweets: 1;\"]");
/// assert_eq!(report.errors()[0].kind(), engagement_errors::Kind::ForbiddenTweets);
/// ```
pub fn parse(body: &[u8]) -> Report<'_> {
    report::build(None, headers::HeaderInfo::default(), body)
}

/// Reads a response with what the transport saw: the HTTP status and the
/// response headers (names compared case-insensitively).
///
/// The status classifies a body that says nothing more specific (an HTML page, an
/// empty body, a success body), decides the advice for unrecognised messages,
/// and is checked against the body (`status_body_mismatch`). Headers give
/// [`Report::rate_limit`] and [`Report::retry_after_secs`]. Never panics, never
/// fails.
///
/// ```
/// use engagement_errors::{parse_response, Kind, Retry};
///
/// let report = parse_response(503, Vec::<(String, String)>::new(), b"");
/// assert_eq!(report.errors()[0].kind(), Kind::ServerError);
/// assert_eq!(report.retry(), Retry::Backoff);
/// ```
pub fn parse_response<'a, H, K, V>(status: u16, headers: H, body: &'a [u8]) -> Report<'a>
where
    H: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    report::build(Some(status), headers::read(headers), body)
}

/// Reads a body with the response headers when the status is not known (a log
/// that kept the headers but not the status line). Like [`parse`], plus
/// [`Report::rate_limit`] and [`Report::retry_after_secs`] from the headers.
///
/// ```
/// let report = engagement_errors::parse_with_headers([("retry-after", "30")], b"");
/// assert_eq!(report.status(), None);
/// assert_eq!(report.retry_after_secs(), Some(30));
/// ```
pub fn parse_with_headers<H, K, V>(headers: H, body: &[u8]) -> Report<'_>
where
    H: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    report::build(None, headers::read(headers), body)
}

/// The findings about a body (and its status, when known): what it does that the
/// documented contract says it should not. For test suites checking mock servers
/// and recorded responses; an empty list means the body conforms.
///
/// ```
/// use engagement_errors::{validate, FindingCode};
///
/// let body = br#"{"errors":["3 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["1","2"]}"#;
/// let findings = validate(Some(200), body);
/// assert_eq!(findings[0].code, FindingCode::CountMismatch);
/// ```
pub fn validate(status: Option<u16>, body: &[u8]) -> Vec<Finding> {
    let headers = headers::HeaderInfo::default();
    report::build(status, headers, body).findings().to_vec()
}

/// Entry points for the fuzz targets in `fuzz/`; not part of the public API.
#[doc(hidden)]
pub mod fuzzing {
    /// The names of the message grammars, one fuzz target each.
    pub fn grammar_names() -> impl Iterator<Item = &'static str> {
        crate::message::GRAMMARS.iter().map(|(name, _)| *name)
    }

    /// Runs the grammar called `name` alone on `message`; whether it matched.
    pub fn grammar(name: &str, message: &str) -> bool {
        crate::message::recognize_with(name, message).is_some()
    }
}

/// The README's Rust examples, run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
