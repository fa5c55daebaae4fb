//! The report: every record, the ID lists, the findings and the overall advice.

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::classify::{Kind, Retry};
use crate::envelope::{self, Collected, Entry, Loc, ObjectEntry, SideKey, Text, TopLevel};
use crate::finding::{Clip, Finding, FindingCode, Severity};
use crate::headers::{HeaderInfo, RateLimit};
use crate::id::{Id, UniqueIds};
use crate::record::ErrorRecord;

/// What the body is, recognised from its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Shape {
    /// A JSON object: data groupings, side keys, and maybe an `errors` array of strings.
    ErrorsObject,
    /// A top-level JSON array of message strings.
    StringArray,
    /// `{"errors":[{"message":…,"code":…}]}` (v1.1 style).
    V1Objects,
    /// A v2 problem-details object (`title`, `type`, `status`, `detail`).
    ProblemDetails,
    /// `{"error":{"message":…}}` or `{"error":"…"}`.
    GnipError,
    /// Plain text, one message per non-empty line (the FAQ's `[ message; ]`
    /// listing included), or a top-level JSON string.
    Text,
    /// An HTML page (from a proxy).
    Html,
    /// No bytes, or only white space.
    Empty,
    /// gzip-compressed bytes (the caller did not decompress).
    Gzip,
    /// Starts like JSON but is not valid JSON; what was read before the error is kept.
    MalformedJson,
}

/// Whether the response is a success, a partial success or a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// No error records.
    Success,
    /// Error records, and data groupings that did arrive.
    Partial,
    /// Error records and no data.
    Failure,
}

/// Everything one response says about errors.
///
/// Borrows text from the body where the JSON strings have no escapes; call
/// [`Report::into_owned`] to keep it beyond the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report<'a> {
    status: Option<u16>,
    shape: Shape,
    records: Vec<ErrorRecord<'a>>,
    findings: Vec<Finding>,
    groupings: Vec<Cow<'a, str>>,
    start: Option<Cow<'a, str>>,
    end: Option<Cow<'a, str>>,
    /// For each ID-list key, the record holding its IDs (they are stored once).
    side_owner: [Option<usize>; 3],
    retry_after_secs: Option<u64>,
    retry_after_at: Option<u64>,
    rate_limit: Option<RateLimit>,
}

impl<'a> Report<'a> {
    /// The HTTP status the report was made with, if known.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// What the body is.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// Every error record, in body order (records from ID-list keys after those
    /// from messages; a record from the status alone last).
    pub fn errors(&self) -> &[ErrorRecord<'a>] {
        &self.records
    }

    /// Findings about the body (and headers), in the order they were seen.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether any finding is an error.
    pub fn has_error_findings(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }

    /// `success` with no records; `partial` with records and data groupings;
    /// `failure` with records and no data.
    pub fn outcome(&self) -> Outcome {
        if self.records.is_empty() {
            Outcome::Success
        } else if self.groupings.is_empty() {
            Outcome::Failure
        } else {
            Outcome::Partial
        }
    }

    /// The strongest advice of the records (`none` when there are none), in the
    /// order `fix_credentials` > `fix_request` > `wait` > `backoff` > `drop_ids` >
    /// `unknown` > `none`.
    pub fn retry(&self) -> Retry {
        self.records
            .iter()
            .map(ErrorRecord::retry)
            .max()
            .unwrap_or(Retry::None)
    }

    /// The names of the data groupings (top-level keys that are not part of the
    /// error envelope), in body order.
    pub fn groupings(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.groupings.iter().map(|g| g.as_ref())
    }

    /// Whether data groupings are present.
    pub fn has_data(&self) -> bool {
        !self.groupings.is_empty()
    }

    /// The time-series `start`, verbatim.
    pub fn start(&self) -> Option<&str> {
        self.start.as_deref()
    }

    /// The time-series `end`, verbatim.
    pub fn end(&self) -> Option<&str> {
        self.end.as_deref()
    }

    /// `unavailable_tweet_ids`, each ID once.
    pub fn unavailable_tweet_ids(&self) -> &[Id<'a>] {
        self.side_ids(SideKey::Unavailable)
    }

    /// `unsupported_for_impressions_engagements_tweet_ids`, each ID once.
    pub fn unsupported_for_impressions_engagements_tweet_ids(&self) -> &[Id<'a>] {
        self.side_ids(SideKey::ImpressionsEngagements)
    }

    /// `unsupported_for_video_views_tweet_ids`, each ID once.
    pub fn unsupported_for_video_views_tweet_ids(&self) -> &[Id<'a>] {
        self.side_ids(SideKey::VideoViews)
    }

    fn side_ids(&self, key: SideKey) -> &[Id<'a>] {
        match self.side_owner[key.index()] {
            Some(index) => self.records[index].tweet_ids(),
            None => &[],
        }
    }

    /// `retry-after` in seconds, when the header gave seconds.
    pub fn retry_after_secs(&self) -> Option<u64> {
        self.retry_after_secs
    }

    /// `retry-after` as a Unix time, when the header gave an HTTP date.
    pub fn retry_after_at(&self) -> Option<u64> {
        self.retry_after_at
    }

    /// Rate-limit state from `x-per-minute-*` or `x-rate-limit-*` headers.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit
    }

    /// Detaches the report from the body it was read from.
    pub fn into_owned(self) -> Report<'static> {
        fn own(text: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(text.into_owned())
        }
        Report {
            status: self.status,
            shape: self.shape,
            records: self
                .records
                .into_iter()
                .map(ErrorRecord::into_owned)
                .collect(),
            findings: self.findings,
            groupings: self.groupings.into_iter().map(own).collect(),
            start: self.start.map(own),
            end: self.end.map(own),
            side_owner: self.side_owner,
            retry_after_secs: self.retry_after_secs,
            retry_after_at: self.retry_after_at,
            rate_limit: self.rate_limit,
        }
    }
}

/// The contract's JSON: `status`, `shape`, `outcome`, `retry`, `retry_after_secs`,
/// `rate_limit`, `groupings`, `start`, `end`, the three ID lists, `errors`,
/// `findings`.
impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 14)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("shape", &self.shape)?;
        s.serialize_field("outcome", &self.outcome())?;
        s.serialize_field("retry", &self.retry())?;
        s.serialize_field("retry_after_secs", &self.retry_after_secs)?;
        s.serialize_field("rate_limit", &self.rate_limit)?;
        s.serialize_field("groupings", &self.groupings)?;
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        for key in SideKey::ALL {
            s.serialize_field(key.name(), self.side_ids(key))?;
        }
        s.serialize_field("errors", &self.records)?;
        s.serialize_field("findings", &self.findings)?;
        s.end()
    }
}

/// One line per record, its plain sentence.
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.records.is_empty() {
            return f.write_str("No errors.");
        }
        for (index, record) in self.records.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(record, f)?;
        }
        Ok(())
    }
}

macro_rules! impl_shape_names {
    ($($variant:ident => $name:literal,)*) => {
        impl Shape {
            /// The snake_case name, as serialised.
            pub fn as_str(self) -> &'static str {
                match self { $(Shape::$variant => $name,)* }
            }
        }
    };
}

impl_shape_names! {
    ErrorsObject => "errors_object",
    StringArray => "string_array",
    V1Objects => "v1_objects",
    ProblemDetails => "problem_details",
    GnipError => "gnip_error",
    Text => "text",
    Html => "html",
    Empty => "empty",
    Gzip => "gzip",
    MalformedJson => "malformed_json",
}

impl Outcome {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Partial => "partial",
            Outcome::Failure => "failure",
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------
// Building a report.

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What the first bytes say the body is.
enum Sniffed<'a> {
    Empty,
    Gzip,
    Html(&'a [u8]),
    Json(&'a [u8]),
    Text(&'a [u8]),
}

fn sniff(body: &[u8]) -> Sniffed<'_> {
    if body.starts_with(&[0x1f, 0x8b]) {
        return Sniffed::Gzip;
    }
    let body = body.strip_prefix(BOM).unwrap_or(body);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return Sniffed::Empty;
    };
    match body[start] {
        b'{' | b'"' => Sniffed::Json(body),
        b'[' if !is_bracketed_listing(&body[start + 1..]) => Sniffed::Json(body),
        b'<' => Sniffed::Html(body),
        _ => Sniffed::Text(body),
    }
}

/// The FAQ prints errors as `[` then one `message;` per line then `]`: after the
/// `[` comes a letter that does not start `true`, `false` or `null`.
fn is_bracketed_listing(after_bracket: &[u8]) -> bool {
    let rest = match after_bracket.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(at) => &after_bracket[at..],
        None => return false,
    };
    let starts_literal = |word: &[u8]| {
        rest.starts_with(word)
            && !rest
                .get(word.len())
                .is_some_and(|b| b.is_ascii_alphanumeric())
    };
    rest[0].is_ascii_alphabetic()
        && !starts_literal(b"true")
        && !starts_literal(b"false")
        && !starts_literal(b"null")
}

pub(crate) fn build<'a>(status: Option<u16>, headers: HeaderInfo, body: &'a [u8]) -> Report<'a> {
    let mut builder = Builder::new(status);
    let shape = match sniff(body) {
        Sniffed::Empty => Shape::Empty,
        Sniffed::Gzip => {
            builder.finding(
                Severity::Error,
                FindingCode::GzipBody,
                "body is gzip-compressed; decompress it before parsing",
                None,
            );
            Shape::Gzip
        }
        Sniffed::Html(html) => {
            let title = html_title(html);
            let kind = status.map_or(Kind::Unrecognized, Kind::from_status);
            let record = ErrorRecord::new(kind, status).with_message(title);
            builder.out.push(Loc::HtmlTitle, record);
            Shape::Html
        }
        Sniffed::Text(text) => {
            builder.text_body(text);
            Shape::Text
        }
        Sniffed::Json(json) => {
            let mut collected = Collected::new(status);
            match collected.read(json) {
                Ok(()) => builder.json_body(collected, None),
                Err(error) => match std::str::from_utf8(json) {
                    // Bytes that are not UTF-8 inside a string: read a lossy
                    // copy, then detach the result from it.
                    Err(utf8) => {
                        let offset = body.len() - json.len() + utf8.valid_up_to();
                        return build_lossy(status, headers, json, offset);
                    }
                    Ok(text) => {
                        // A lone surrogate escape where serde_json insists on a
                        // string: read a copy with U+FFFD escapes in their place.
                        if let Some((fixed, offset)) = replace_lone_surrogates(text) {
                            let offset = body.len() - json.len() + offset;
                            return build_replaced(status, headers, &fixed, offset);
                        }
                        // The FAQ's `[ message; ]` listing whose first message
                        // starts with a digit or a JSON literal.
                        if is_text_listing(text) {
                            builder.text_body(json);
                            Shape::Text
                        } else {
                            builder.json_body(collected, Some(error))
                        }
                    }
                },
            }
        }
    };
    builder.finish(shape, headers)
}

fn build_replaced(
    status: Option<u16>,
    headers: HeaderInfo,
    json: &str,
    first_bad_byte: usize,
) -> Report<'static> {
    let mut report = build(status, headers, json.as_bytes()).into_owned();
    report.findings.insert(
        0,
        Finding::new(
            Severity::Error,
            FindingCode::InvalidUtf8,
            "body holds a lone surrogate escape; read with U+FFFD in its place",
            Some(format!("byte {first_bad_byte}")),
        ),
    );
    report
}

/// A copy of `json` with every `\uXXXX` escape of a lone surrogate replaced by
/// `\ufffd`, and the offset of the first, or `None` when there is none.
fn replace_lone_surrogates(json: &str) -> Option<(String, usize)> {
    let bytes = json.as_bytes();
    let surrogate_at = |at: usize| -> Option<u16> {
        let hex = json.get(at..at + 6)?.strip_prefix("\\u")?;
        let value = u16::from_str_radix(hex, 16).ok()?;
        (0xD800..=0xDFFF).contains(&value).then_some(value)
    };
    let mut out: Option<(String, usize)> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        match surrogate_at(at) {
            // A high surrogate followed by a low one is a valid pair.
            Some(0xD800..=0xDBFF) if surrogate_at(at + 6).is_some_and(|low| low >= 0xDC00) => {
                at += 12;
            }
            Some(_) => {
                let (text, _) = out.get_or_insert_with(|| (String::with_capacity(json.len()), at));
                text.push_str(&json[copied..at]);
                text.push_str("\\ufffd");
                at += 6;
                copied = at;
            }
            // Any other escape: skip it whole (so `\\` is not read as a start).
            None => at += 2,
        }
    }
    let (mut text, first) = out?;
    text.push_str(&json[copied..]);
    Some((text, first))
}

/// Whether a body that failed to read as JSON is the FAQ's text listing: `[`,
/// lines of messages, `]`, with the first message not starting like a JSON value.
fn is_text_listing(text: &str) -> bool {
    let trimmed = text.trim();
    let Some(inner) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    let first = inner.trim_start();
    inner.contains('\n') && !first.starts_with(['"', '{', '[', ']'])
}

fn build_lossy(
    status: Option<u16>,
    headers: HeaderInfo,
    json: &[u8],
    first_bad_byte: usize,
) -> Report<'static> {
    let lossy = String::from_utf8_lossy(json).into_owned();
    let mut report = build(status, headers, lossy.as_bytes()).into_owned();
    report.findings.insert(
        0,
        Finding::new(
            Severity::Error,
            FindingCode::InvalidUtf8,
            "body holds bytes that are not UTF-8; read with U+FFFD in their place",
            Some(format!("byte {first_bad_byte}")),
        ),
    );
    report
}

/// The trimmed text of the first `<title>` element, if any.
fn html_title(html: &[u8]) -> Option<Cow<'_, str>> {
    let lower_find = |haystack: &[u8], needle: &[u8]| {
        haystack
            .windows(needle.len())
            .position(|window| window.eq_ignore_ascii_case(needle))
    };
    let open = lower_find(html, b"<title")?;
    let after_open = open + html[open..].iter().position(|&b| b == b'>')? + 1;
    let len = lower_find(&html[after_open..], b"</title")?;
    let title = &html[after_open..after_open + len];
    let title = match String::from_utf8_lossy(title) {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    };
    Some(title).filter(|title| !title.is_empty())
}

/// Records and findings as they are made, in body order. The envelope reader
/// writes message entries straight into it while it reads the body.
#[derive(Debug)]
pub(crate) struct Sink<'a> {
    status: Option<u16>,
    records: Vec<ErrorRecord<'a>>,
    /// Where each record came from, parallel to `records`.
    locs: Vec<Loc>,
    pub(crate) findings: Vec<Finding>,
    /// Message entries seen (in `errors` or a top-level array), and how many of
    /// them were objects.
    pub(crate) entries: usize,
    pub(crate) object_entries: usize,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(status: Option<u16>) -> Sink<'a> {
        Sink {
            status,
            records: Vec::new(),
            locs: Vec::new(),
            findings: Vec::new(),
            entries: 0,
            object_entries: 0,
        }
    }

    pub(crate) fn finding(
        &mut self,
        severity: Severity,
        code: FindingCode,
        detail: &str,
        at: Option<String>,
    ) {
        self.findings.push(Finding::new(severity, code, detail, at));
    }

    fn push(&mut self, loc: Loc, record: ErrorRecord<'a>) {
        self.records.push(record);
        self.locs.push(loc);
    }

    pub(crate) fn text(&mut self, text: Text<'a>, loc: Loc) -> Cow<'a, str> {
        if text.lossy {
            self.finding(
                Severity::Error,
                FindingCode::InvalidUtf8,
                "string holds a lone surrogate escape or bytes that are not UTF-8; U+FFFD put in their place",
                loc.at(),
            );
        }
        text.text
    }

    pub(crate) fn message(&mut self, text: Cow<'a, str>, loc: Loc) {
        let record = ErrorRecord::classify(text, self.status, loc, &mut self.findings);
        self.push(loc, record);
    }

    /// One entry of `errors` (or of a top-level array), numbered in body order.
    pub(crate) fn entry(&mut self, entry: Entry<'a>, loc: Loc) {
        self.entries += 1;
        match entry {
            Entry::Text(text) => {
                let text = self.text(text, loc);
                self.message(text, loc);
            }
            Entry::Object(object, raw) => {
                self.object_entries += 1;
                self.object(object, loc, raw);
            }
            Entry::Other("null") => self.finding(
                Severity::Error,
                FindingCode::UnexpectedValue,
                "entry null is not a message string or error object; no record made",
                loc.at(),
            ),
            Entry::Other(raw) => {
                self.finding(
                    Severity::Error,
                    FindingCode::UnexpectedValue,
                    &format!(
                        "entry {} is not a message string or error object; kept verbatim",
                        Clip(raw)
                    ),
                    loc.at(),
                );
                let record = ErrorRecord::new(Kind::Unrecognized, self.status)
                    .with_message(Some(Cow::Borrowed(raw)));
                self.push(loc, record);
            }
        }
    }

    /// A v1.1 / v2 error object or a problem-details body. Which field wins:
    /// a mapped v1.1 `code`, then a mapped problem `type`, then a recognised
    /// message, then a problem `status`; otherwise the record is unrecognised.
    fn object(&mut self, object: ObjectEntry<'a>, loc: Loc, raw: &'a str) {
        let code = self.integer(object.code, "code", loc);
        let problem_type = envelope::string_value(object.problem_type);
        let problem_status = self
            .integer(object.status, "status", loc)
            .and_then(|status| u16::try_from(status).ok());
        let text = envelope::string_value(object.message)
            .or_else(|| envelope::string_value(object.detail))
            .or_else(|| envelope::string_value(object.title));
        let message = text.map(|text| self.text(text, loc));

        let by_code = code.and_then(Kind::from_v1_code);
        let by_type = problem_type
            .as_ref()
            .and_then(|t| Kind::from_problem_type(&t.text));
        let record = if let Some(kind) = by_code.or(by_type) {
            ErrorRecord::new(kind, self.status).with_message(message)
        } else {
            let recognized = match message {
                Some(message) => {
                    ErrorRecord::recognize(message, self.status, loc, &mut self.findings)
                        .map_err(Some)
                }
                None => Err(None),
            };
            match (recognized, problem_status.map(Kind::from_status)) {
                (Ok(record), _) => record,
                (Err(message), Some(kind)) if kind != Kind::Unrecognized => {
                    ErrorRecord::new(kind, self.status).with_message(message)
                }
                (Err(Some(message)), _) => {
                    ErrorRecord::unrecognized(message, self.status, loc, &mut self.findings)
                }
                (Err(None), _) => {
                    let shown = if raw.is_empty() {
                        None
                    } else {
                        Some(Cow::Borrowed(raw))
                    };
                    self.finding(
                        Severity::Warning,
                        FindingCode::UnrecognizedMessage,
                        "error object has no message; kept verbatim",
                        loc.at(),
                    );
                    ErrorRecord::new(Kind::Unrecognized, self.status).with_message(shown)
                }
            }
        };
        self.push(loc, record.with_code(code));
    }

    /// An integer field (`code`, `status`) written as a number or a string of
    /// digits; one that does not fit an `i64` is left empty with a
    /// `number_overflow` finding.
    fn integer(&mut self, raw: Option<&RawValue>, field: &str, loc: Loc) -> Option<i64> {
        let text = raw?.get();
        let value = parse_integer(text);
        let digits = text.trim_matches('"').trim_start_matches('-');
        if value.is_none() && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            self.finding(
                Severity::Warning,
                FindingCode::NumberOverflow,
                &format!("{field} {} does not fit in 64 bits; left empty", Clip(text)),
                loc.at(),
            );
        }
        value
    }

    /// Gnip's `error`: a string, or an object with a `message` and maybe a
    /// `detail` array of objects with their own `message`.
    fn gnip_error(&mut self, raw: &'a str) {
        match envelope::entry_from_str(raw) {
            Entry::Text(text) => {
                let text = self.text(text, Loc::GnipError);
                self.message(text, Loc::GnipError);
            }
            Entry::Object(object, raw) => {
                let detail = object.detail.filter(|d| d.get().starts_with('['));
                let object = ObjectEntry {
                    detail: object.detail.filter(|d| d.get().starts_with('"')),
                    ..object
                };
                self.object(object, Loc::GnipError, raw);
                if let Some(detail) = detail {
                    let items: Vec<&'a RawValue> =
                        serde_json::from_str(detail.get()).unwrap_or_default();
                    for (index, item) in items.into_iter().enumerate() {
                        let entries = self.entries;
                        self.entry(envelope::entry(item), Loc::GnipDetail(index));
                        self.entries = entries;
                    }
                }
            }
            Entry::Other(raw) => self.entry(Entry::Other(raw), Loc::GnipError),
        }
    }
}

struct Builder<'a> {
    out: Sink<'a>,
    groupings: Vec<Cow<'a, str>>,
    start: Option<Cow<'a, str>>,
    end: Option<Cow<'a, str>>,
    /// For each ID-list key, the record that holds its IDs.
    side_owner: [Option<usize>; 3],
    body_says_success: bool,
    body_has_data: bool,
    body_is_json: bool,
}

impl<'a> Builder<'a> {
    fn new(status: Option<u16>) -> Builder<'a> {
        Builder {
            out: Sink::new(status),
            groupings: Vec::new(),
            start: None,
            end: None,
            side_owner: [None; 3],
            body_says_success: false,
            body_has_data: false,
            body_is_json: false,
        }
    }

    fn finding(&mut self, severity: Severity, code: FindingCode, detail: &str, at: Option<String>) {
        self.out.finding(severity, code, detail, at);
    }

    /// Text bodies: one message per non-empty line; the FAQ's `[` and `]` lines
    /// are not messages.
    fn text_body(&mut self, bytes: &'a [u8]) {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                for (line, message) in message_lines(text) {
                    self.out.message(Cow::Borrowed(message), Loc::Line(line));
                }
            }
            Err(utf8) => {
                self.finding(
                    Severity::Error,
                    FindingCode::InvalidUtf8,
                    "body holds bytes that are not UTF-8; read with U+FFFD in their place",
                    Some(format!("byte {}", utf8.valid_up_to())),
                );
                let text = String::from_utf8_lossy(bytes);
                for (line, message) in message_lines(&text) {
                    self.out
                        .message(Cow::Owned(message.to_owned()), Loc::Line(line));
                }
            }
        }
    }

    fn json_body(&mut self, c: Collected<'a>, error: Option<serde_json::Error>) -> Shape {
        let Collected {
            top,
            has_errors_key,
            side,
            start,
            end,
            fields,
            other_keys,
            sink,
            ..
        } = c;
        self.out = sink;
        self.body_is_json = true;
        let all_objects = self.out.entries > 0 && self.out.object_entries == self.out.entries;
        let is_string = |raw: Option<&RawValue>| raw.is_some_and(|raw| raw.get().starts_with('"'));
        let problem = top == TopLevel::Object
            && (is_string(fields.problem_type) || is_string(fields.title))
            && (fields.status.is_some() || fields.detail.is_some());
        let gnip = top == TopLevel::Object && !problem && fields.error.is_some() && !has_errors_key;
        let mut shape = match top {
            TopLevel::Object if problem => Shape::ProblemDetails,
            TopLevel::Object if gnip => Shape::GnipError,
            TopLevel::Object if all_objects => Shape::V1Objects,
            TopLevel::Object => Shape::ErrorsObject,
            TopLevel::Array if all_objects => Shape::V1Objects,
            TopLevel::Array => Shape::StringArray,
            TopLevel::String | TopLevel::Scalar => Shape::Text,
            TopLevel::Unknown => Shape::MalformedJson,
        };

        // Groupings: every other key, except the fields the shape consumed.
        // Problem details and Gnip errors carry no data: their other members are
        // extensions, not groupings.
        let carries_data = !matches!(shape, Shape::ProblemDetails | Shape::GnipError);
        for key in other_keys {
            if carries_data && key.text != "error" {
                let name = self.out.text(key, Loc::Root);
                self.groupings.push(name);
            }
        }
        self.start = start.map(|t| self.out.text(t, Loc::Key("start")));
        self.end = end.map(|t| self.out.text(t, Loc::Key("end")));

        // The Gnip `error` and the problem itself come before the entries they
        // may carry.
        let before = self.out.records.len();
        if let Some(raw) = fields.error {
            self.out.gnip_error(raw.get());
        }
        if problem {
            let object = ObjectEntry {
                title: fields.title,
                problem_type: fields.problem_type,
                status: fields.status,
                detail: fields.detail,
                ..ObjectEntry::default()
            };
            self.out.object(object, Loc::Problem, "");
        }
        let added = self.out.records.len() - before;
        self.out.records.rotate_right(added);
        self.out.locs.rotate_right(added);

        self.side_keys(side);

        self.body_says_success =
            matches!(shape, Shape::ErrorsObject) && self.out.records.is_empty();
        self.body_has_data = !self.groupings.is_empty();
        if let Some(error) = error {
            shape = Shape::MalformedJson;
            self.body_says_success = false;
            let text = error.to_string();
            let detail = match text.rsplit_once(" at line ") {
                Some((message, _)) => message,
                None => &text,
            };
            let at = format!("line {}, column {}", error.line(), error.column());
            self.finding(
                Severity::Error,
                FindingCode::MalformedJson,
                &format!("body is not valid JSON: {detail}; what came before is kept"),
                Some(at),
            );
        }
        shape
    }

    /// The three ID lists: read, checked, each ID once; then given to the first
    /// record of the matching kind, or made into a record of their own.
    fn side_keys(&mut self, side: [(bool, UniqueIds<'a>); 3]) {
        let present_keys = [side[0].0, side[1].0, side[2].0];
        for (key, (present, ids)) in SideKey::ALL.into_iter().zip(side) {
            if !present {
                continue;
            }
            let ids = ids.into_vec();
            let kind = match key {
                SideKey::Unavailable => Kind::TweetsUnavailable,
                SideKey::ImpressionsEngagements => Kind::ImpressionsEngagementsTooOld,
                SideKey::VideoViews => Kind::VideoViewsTooOld,
            };
            let target = self
                .out
                .records
                .iter()
                .position(|record| record.kind() == kind && record.tweet_ids().is_empty());
            match target {
                Some(index) => {
                    let record = &mut self.out.records[index];
                    let mismatch = record
                        .count()
                        .filter(|&count| usize::try_from(count).ok() != Some(ids.len()));
                    if let Some(count) = mismatch {
                        let detail = format!(
                            "message says {count} IDs, '{}' lists {}",
                            key.name(),
                            ids.len()
                        );
                        let at = self.out.locs[index].at();
                        self.finding(Severity::Warning, FindingCode::CountMismatch, &detail, at);
                    }
                    self.out.records[index].set_tweet_ids(ids);
                    self.side_owner[key.index()] = Some(index);
                }
                None if !ids.is_empty() => {
                    let mut record = ErrorRecord::new(kind, self.out.status);
                    record.set_tweet_ids(ids);
                    self.side_owner[key.index()] = Some(self.out.records.len());
                    self.out.push(Loc::SideValue(key), record);
                }
                None => {}
            }
        }
        // Messages that name IDs when their key is absent altogether.
        let mut missing = Vec::new();
        for (record, loc) in self.out.records.iter().zip(&self.out.locs) {
            let key = match record.kind() {
                Kind::TweetsUnavailable if record.count().is_some_and(|n| n > 0) => {
                    SideKey::Unavailable
                }
                Kind::ImpressionsEngagementsTooOld if record.message().is_some() => {
                    SideKey::ImpressionsEngagements
                }
                _ => continue,
            };
            if !present_keys[key.index()] {
                missing.push((loc.at(), key.name()));
            }
        }
        for (at, key) in missing {
            self.finding(
                Severity::Warning,
                FindingCode::MissingIdList,
                &format!("message names Tweet IDs but no '{key}' lists them"),
                at,
            );
        }
    }

    fn finish(mut self, shape: Shape, headers: HeaderInfo) -> Report<'a> {
        let status = self.out.status;
        let from_body = self.out.records.len();
        if let Some(status) = status {
            if self.out.records.is_empty() && !(200..=299).contains(&status) {
                let record = ErrorRecord::new(Kind::from_status(status), Some(status));
                self.out.push(Loc::Status, record);
            }
            // Status and body disagree.
            let mut mismatches = Vec::new();
            let body_records = self.out.records[..from_body].iter().zip(&self.out.locs);
            for (record, loc) in body_records {
                if !record.kind().expects_status(status) {
                    mismatches.push((
                        format!(
                            "an error of kind '{}' came with status {status}",
                            record.kind()
                        ),
                        loc.at(),
                    ));
                }
            }
            for (detail, at) in mismatches {
                self.finding(
                    Severity::Warning,
                    FindingCode::StatusBodyMismatch,
                    &detail,
                    at,
                );
            }
            if self.body_says_success && !(200..=299).contains(&status) {
                // Data in an error status contradicts it; an empty object only
                // fails to explain it.
                let (severity, what) = if self.body_has_data {
                    (Severity::Error, "a success body with data")
                } else {
                    (Severity::Warning, "a body that reports no error")
                };
                self.finding(
                    severity,
                    FindingCode::StatusBodyMismatch,
                    &format!("status {status} came with {what}"),
                    None,
                );
            }
        }
        let bare_json_string = shape == Shape::Text && self.body_is_json;
        let success_or_unknown = status.is_none_or(|s| (200..=299).contains(&s));
        // Proxies answer errors with HTML pages and empty bodies (a documented
        // shape): only a success, or a body with no status, must be JSON.
        let proxy_error = matches!(shape, Shape::Html | Shape::Empty) && !success_or_unknown;
        if matches!(shape, Shape::Html | Shape::Text | Shape::Empty)
            && !bare_json_string
            && !proxy_error
        {
            let severity = if success_or_unknown {
                Severity::Error
            } else {
                Severity::Warning
            };
            let what = match shape {
                Shape::Html => "an HTML page",
                Shape::Text => "plain text",
                _ => "empty",
            };
            self.finding(
                severity,
                FindingCode::NotJson,
                &format!("body is {what}, not JSON"),
                None,
            );
        }
        let mut findings = self.out.findings;
        findings.extend(headers.findings);
        Report {
            status,
            shape,
            records: self.out.records,
            findings,
            groupings: self.groupings,
            start: self.start,
            end: self.end,
            side_owner: self.side_owner,
            retry_after_secs: headers.retry_after_secs,
            retry_after_at: headers.retry_after_at,
            rate_limit: headers.rate_limit,
        }
    }
}

/// Checks one ID and keeps it once in `ids`: `invalid_id` when it is not a
/// canonical `u64`, `duplicate_id` when `ids` has it already.
pub(crate) fn check_id<'a>(
    id: Id<'a>,
    ids: &mut UniqueIds<'a>,
    loc: Loc,
    verb: &str,
    findings: &mut Vec<Finding>,
) {
    if !id.is_valid() {
        findings.push(Finding::new(
            Severity::Error,
            FindingCode::InvalidId,
            format!(
                "'{}' is not a decimal u64 Tweet ID; kept verbatim",
                Clip(&id.to_string())
            ),
            loc.at(),
        ));
    }
    if let Err(id) = ids.push(id) {
        findings.push(Finding::new(
            Severity::Warning,
            FindingCode::DuplicateId,
            format!(
                "Tweet ID '{}' is {verb} more than once; kept once",
                Clip(&id.to_string())
            ),
            loc.at(),
        ));
    }
}

/// Non-empty lines, trimmed, with their 1-based line numbers; a lone `[` or `]`
/// (the FAQ's listing) is dropped, and a leading `[` or trailing `]` on a message
/// line is stripped.
fn message_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n').enumerate().filter_map(|(index, line)| {
        let line = line.trim();
        let line = line.strip_prefix('[').unwrap_or(line).trim_start();
        let line = line.strip_suffix(']').unwrap_or(line).trim_end();
        (!line.is_empty()).then_some((index + 1, line))
    })
}

/// An integer written as a JSON number or as a string of digits.
fn parse_integer(raw: &str) -> Option<i64> {
    let digits = raw.trim().trim_matches('"');
    match digits.strip_prefix('-') {
        Some(rest) => 0i64.checked_sub_unsigned(crate::id::parse_u64_digits(rest)?),
        None => i64::try_from(crate::id::parse_u64_digits(digits)?).ok(),
    }
}
