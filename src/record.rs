//! One classified error: [`ErrorRecord`].

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde::{Serialize, Serializer};

use crate::classify::{Category, Kind, Retry};
use crate::envelope::Loc;
use crate::finding::{Clip, Finding, FindingCode, Severity};
use crate::id::{Id, UniqueIds};
use crate::message::{recognize, Form, Number};
use crate::period::Period;
use crate::report::check_id;

/// One error the response reports, classified.
///
/// Made for every message the body holds (a string entry, a v1.1 or v2 error
/// object, a problem-details body, a Gnip `error`), for each ID-list key that no
/// message accounts for, and, when the body yields none, from the HTTP status.
/// Fields that do not apply are `None` or empty. Text is borrowed from the body
/// when the JSON string has no escapes.
///
/// `Display` is one plain sentence saying what happened and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ErrorRecord<'a> {
    kind: Kind,
    category: Category,
    retry: Retry,
    message: Option<Cow<'a, str>>,
    count: Option<u64>,
    tweet_ids: Vec<Id<'a>>,
    reason: Option<Cow<'a, str>>,
    #[serde(serialize_with = "decimal_string")]
    author_id: Option<u64>,
    metrics: Vec<Cow<'a, str>>,
    groupings: Vec<Cow<'a, str>>,
    max_age_days: Option<u64>,
    period: Option<Cow<'a, str>>,
    code: Option<i64>,
}

fn decimal_string<S: Serializer>(value: &Option<u64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.collect_str(value),
        None => serializer.serialize_none(),
    }
}

impl<'a> ErrorRecord<'a> {
    /// A record of `kind` with nothing else known.
    pub(crate) fn new(kind: Kind, status: Option<u16>) -> ErrorRecord<'a> {
        ErrorRecord {
            kind,
            category: kind.category(),
            retry: kind.retry(status),
            message: None,
            count: None,
            tweet_ids: Vec::new(),
            reason: None,
            author_id: None,
            metrics: Vec::new(),
            groupings: Vec::new(),
            max_age_days: None,
            period: None,
            code: None,
        }
    }

    /// Classifies one message string on its own, as if it were the only entry of
    /// an `errors` array with no HTTP status known.
    ///
    /// ```
    /// use engagement_errors::{ErrorRecord, Kind, Retry};
    ///
    /// let record = ErrorRecord::from_message("Forbidden to access tweets: 1054424731825229824;");
    /// assert_eq!(record.kind(), Kind::ForbiddenTweets);
    /// assert_eq!(record.retry(), Retry::DropIds);
    /// assert_eq!(record.tweet_ids()[0].as_u64(), Some(1054424731825229824));
    /// ```
    pub fn from_message(message: &'a str) -> ErrorRecord<'a> {
        let mut findings = Vec::new();
        ErrorRecord::classify(Cow::Borrowed(message), None, Loc::Root, &mut findings)
    }

    /// Classifies `message`, borrowing from it when it is borrowed. Overflowing
    /// numbers and unrecognised text add findings at `loc`.
    pub(crate) fn classify(
        message: Cow<'a, str>,
        status: Option<u16>,
        loc: Loc,
        findings: &mut Vec<Finding>,
    ) -> ErrorRecord<'a> {
        ErrorRecord::recognize(message, status, loc, findings)
            .unwrap_or_else(|message| ErrorRecord::unrecognized(message, status, loc, findings))
    }

    /// Classifies `message` when it matches a known form, running the grammars
    /// once; gives the message back otherwise (no finding is added then).
    pub(crate) fn recognize(
        message: Cow<'a, str>,
        status: Option<u16>,
        loc: Loc,
        findings: &mut Vec<Finding>,
    ) -> Result<ErrorRecord<'a>, Cow<'a, str>> {
        match message {
            Cow::Borrowed(text) => match recognize(text) {
                Some(form) => Ok(ErrorRecord {
                    message: Some(Cow::Borrowed(text)),
                    ..ErrorRecord::from_form(form, status, loc, findings)
                }),
                None => Err(Cow::Borrowed(text)),
            },
            Cow::Owned(text) => {
                let record = match recognize(&text) {
                    Some(form) => ErrorRecord::from_form(form, status, loc, findings).into_owned(),
                    None => return Err(Cow::Owned(text)),
                };
                Ok(ErrorRecord {
                    message: Some(Cow::Owned(text)),
                    ..record
                })
            }
        }
    }

    /// A message that matches no known form, kept verbatim, with its finding.
    pub(crate) fn unrecognized(
        message: Cow<'a, str>,
        status: Option<u16>,
        loc: Loc,
        findings: &mut Vec<Finding>,
    ) -> ErrorRecord<'a> {
        findings.push(Finding::new(
            Severity::Warning,
            FindingCode::UnrecognizedMessage,
            format!(
                "message '{}' matches no known form; kept verbatim",
                Clip(&message)
            ),
            loc.at(),
        ));
        ErrorRecord::new(Kind::Unrecognized, status).with_message(Some(message))
    }

    fn from_form(
        form: Form<'a>,
        status: Option<u16>,
        loc: Loc,
        findings: &mut Vec<Finding>,
    ) -> ErrorRecord<'a> {
        let number = |number: Number<'a>, what: &str, findings: &mut Vec<Finding>| {
            if number.value.is_none() {
                findings.push(Finding::new(
                    Severity::Warning,
                    FindingCode::NumberOverflow,
                    format!(
                        "{what} '{}' does not fit in 64 bits; left empty",
                        Clip(number.digits)
                    ),
                    loc.at(),
                ));
            }
            number.value
        };
        match form {
            Form::Authentication { reason } => ErrorRecord {
                reason: reason.map(Cow::Borrowed),
                ..ErrorRecord::new(Kind::AuthenticationFailed, status)
            },
            Form::ApplicationNotAuthorized => {
                ErrorRecord::new(Kind::ApplicationNotAuthorized, status)
            }
            Form::TweetsUnavailable { count } => ErrorRecord {
                count: count.and_then(|count| number(count, "count", findings)),
                ..ErrorRecord::new(Kind::TweetsUnavailable, status)
            },
            Form::ImpressionsTooOld { days, period } => ErrorRecord {
                max_age_days: number(days, "age limit", findings),
                period: period.map(Cow::Borrowed),
                ..ErrorRecord::new(Kind::ImpressionsEngagementsTooOld, status)
            },
            Form::VideoViewsTooOld { days, period } => ErrorRecord {
                max_age_days: number(days, "age limit", findings),
                period: period.map(Cow::Borrowed),
                ..ErrorRecord::new(Kind::VideoViewsTooOld, status)
            },
            Form::ForbiddenTweets { author, ids } => {
                let author_id = author.and_then(|author| number(author, "author id", findings));
                let mut unique = UniqueIds::with_capacity(ids.len());
                for id in ids {
                    check_id(Id::parse(id), &mut unique, loc, "named", findings);
                }
                ErrorRecord {
                    author_id,
                    tweet_ids: unique.into_vec(),
                    ..ErrorRecord::new(Kind::ForbiddenTweets, status)
                }
            }
            Form::ForbiddenMetrics { metrics } => ErrorRecord {
                metrics: metrics.into_iter().map(Cow::Borrowed).collect(),
                ..ErrorRecord::new(Kind::ForbiddenMetrics, status)
            },
            Form::UnsupportedGrouping { groupings } => ErrorRecord {
                groupings: groupings.into_iter().map(Cow::Borrowed).collect(),
                ..ErrorRecord::new(Kind::UnsupportedGrouping, status)
            },
            Form::GzipRequired => ErrorRecord::new(Kind::GzipRequired, status),
            Form::InternalServerError => ErrorRecord::new(Kind::ServerError, status),
            Form::RateLimit => ErrorRecord::new(Kind::RateLimited, status),
        }
    }

    pub(crate) fn with_message(mut self, message: Option<Cow<'a, str>>) -> ErrorRecord<'a> {
        self.message = message;
        self
    }

    pub(crate) fn with_code(mut self, code: Option<i64>) -> ErrorRecord<'a> {
        self.code = code;
        self
    }

    pub(crate) fn set_tweet_ids(&mut self, ids: Vec<Id<'a>>) {
        self.tweet_ids = ids;
    }

    /// What went wrong.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The kind's coarse category.
    pub fn category(&self) -> Category {
        self.category
    }

    /// What to do about this error.
    pub fn retry(&self) -> Retry {
        self.retry
    }

    /// The message text as the server sent it (decoded), or `None` for records
    /// made from an ID-list key or the HTTP status alone.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The count stated in the message (`3 Tweet ID(s) are unavailable`).
    pub fn count(&self) -> Option<u64> {
        self.count
    }

    /// The Tweet IDs this error concerns: from the message text, or from the
    /// matching ID-list key.
    pub fn tweet_ids(&self) -> &[Id<'a>] {
        &self.tweet_ids
    }

    /// The authentication failure's reason text.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// The author's user ID in a per-author forbidden message.
    pub fn author_id(&self) -> Option<u64> {
        self.author_id
    }

    /// The metric names in a forbidden-metrics message.
    pub fn metrics(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.metrics.iter().map(|m| m.as_ref())
    }

    /// The `group_by` values in an unsupported-grouping message.
    pub fn groupings(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.groupings.iter().map(|g| g.as_ref())
    }

    /// The age limit in days (`older than 90 days`).
    pub fn max_age_days(&self) -> Option<u64> {
        self.max_age_days
    }

    /// The text inside the parentheses of an age-limit message, verbatim.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// [`ErrorRecord::period`] parsed, when it is a recognisable form.
    pub fn parsed_period(&self) -> Option<Period> {
        self.period.as_deref().and_then(Period::parse)
    }

    /// The v1.1 error code, for records made from a v1.1 error object.
    pub fn code(&self) -> Option<i64> {
        self.code
    }

    /// Detaches the record from the body it was read from.
    pub fn into_owned(self) -> ErrorRecord<'static> {
        fn own(text: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(text.into_owned())
        }
        ErrorRecord {
            kind: self.kind,
            category: self.category,
            retry: self.retry,
            message: self.message.map(own),
            count: self.count,
            tweet_ids: self.tweet_ids.into_iter().map(Id::into_owned).collect(),
            reason: self.reason.map(own),
            author_id: self.author_id,
            metrics: self.metrics.into_iter().map(own).collect(),
            groupings: self.groupings.into_iter().map(own).collect(),
            max_age_days: self.max_age_days,
            period: self.period.map(own),
            code: self.code,
        }
    }

    fn tweets(&self) -> String {
        let n = self
            .count
            .or_else(|| u64::try_from(self.tweet_ids.len()).ok().filter(|&n| n > 0));
        match n {
            Some(1) => "1 Tweet".to_owned(),
            Some(n) => format!("{n} Tweets"),
            None => "some Tweets".to_owned(),
        }
    }
}

fn joined(items: &[Cow<'_, str>]) -> String {
    OneLine(&items.join(", ")).to_string()
}

/// Text from the body inside a record's sentence: control characters (line
/// breaks, tabs, NUL) are written escaped, so the sentence stays on one line.
struct OneLine<'t>(&'t str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for ErrorRecord<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::AuthenticationFailed => {
                f.write_str("Authentication failed")?;
                if let Some(reason) = &self.reason {
                    write!(f, " ({})", OneLine(reason))?;
                }
                f.write_str(": fix the credentials before retrying.")
            }
            Kind::ApplicationNotAuthorized => f.write_str(
                "The application is not approved for the Engagement API: get it approved before retrying.",
            ),
            Kind::TweetsUnavailable => {
                let mut tweets = self.tweets();
                let verb = if tweets.starts_with("1 ") { "is" } else { "are" };
                if let Some(rest) = tweets.strip_prefix("some ") {
                    tweets = format!("Some {rest}");
                }
                write!(
                    f,
                    "{tweets} {verb} unavailable (deleted or not public): use the data that arrived and drop their IDs."
                )
            }
            Kind::ImpressionsEngagementsTooOld | Kind::VideoViewsTooOld => {
                let metric = if self.kind == Kind::VideoViewsTooOld {
                    "Video views are"
                } else {
                    "Impressions and engagements are"
                };
                write!(f, "{metric} not available for Tweets older than ")?;
                match self.max_age_days {
                    Some(days) => write!(f, "{days} days")?,
                    None => f.write_str("the limit")?,
                }
                if let Some(period) = &self.period {
                    write!(f, " ({})", OneLine(period))?;
                }
                write!(f, ": drop the IDs of {} from such requests.", self.tweets())
            }
            Kind::ForbiddenTweets => {
                write!(f, "The token may not read {}", self.tweets())?;
                if let Some(author) = self.author_id {
                    write!(f, " by author {author}")?;
                }
                f.write_str(": use the author's token or drop their IDs.")
            }
            Kind::ForbiddenMetrics => write!(
                f,
                "The token may not read the metrics {}: remove them from the request or use a token that may.",
                joined(&self.metrics)
            ),
            Kind::Forbidden => f.write_str(
                "Access was forbidden: use a token with access or change the request.",
            ),
            Kind::UnsupportedGrouping => write!(
                f,
                "The endpoint does not support the grouping {}: change the request's groupings.",
                joined(&self.groupings)
            ),
            Kind::GzipRequired => f.write_str(
                "The request did not accept gzip: send 'Accept-Encoding: gzip' and retry.",
            ),
            Kind::RateLimited => f.write_str("A rate limit was hit: wait for the reset, then retry."),
            Kind::ServerError => f.write_str("The server failed: retry with exponential backoff."),
            Kind::NotFound => f.write_str("The URL was not found: fix the URL; retrying will not help."),
            Kind::BadRequest => f.write_str("The request was rejected as invalid: fix it before retrying."),
            Kind::Unrecognized => {
                f.write_str("Unrecognized error")?;
                if let Some(message) = &self.message {
                    write!(f, " {message:?}")?;
                }
                let advice = match self.retry {
                    Retry::FixCredentials => "fix the credentials before retrying",
                    Retry::FixRequest => "fix the request before retrying",
                    Retry::Wait => "wait, then retry",
                    Retry::Backoff => "retry with exponential backoff",
                    Retry::DropIds => "drop the IDs named",
                    Retry::None => "the status says the request succeeded",
                    Retry::Unknown => "no advice can be given",
                };
                write!(f, ": {advice}.")
            }
        }
    }
}
