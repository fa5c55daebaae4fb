//! The classification vocabulary: kinds, categories and retry advice, and the
//! tables that map v1.1 codes, problem types and HTTP statuses onto kinds.

use std::fmt;

use serde::Serialize;

/// What went wrong, as precisely as the response says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// The credentials were rejected (`Your account could not be authenticated…`).
    AuthenticationFailed,
    /// The application is not approved for the API.
    ApplicationNotAuthorized,
    /// Requested Tweets are deleted or no longer public.
    TweetsUnavailable,
    /// Impressions and engagements were asked for Tweets older than the limit.
    ImpressionsEngagementsTooOld,
    /// Video views were asked for Tweets older than the limit.
    VideoViewsTooOld,
    /// The token may not read these Tweets.
    ForbiddenTweets,
    /// The token may not read these metrics.
    ForbiddenMetrics,
    /// Access was refused with nothing more specific.
    Forbidden,
    /// A `group_by` the endpoint does not support.
    UnsupportedGrouping,
    /// The request lacked `Accept-Encoding: gzip`.
    GzipRequired,
    /// A rate limit was hit.
    RateLimited,
    /// The server failed.
    ServerError,
    /// The URL is wrong.
    NotFound,
    /// The request was rejected with nothing more specific.
    BadRequest,
    /// Nothing known: the message is kept verbatim.
    Unrecognized,
}

/// A coarse grouping of [`Kind`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// Credentials or application approval.
    Authentication,
    /// Some of the requested Tweets cannot be reported on.
    Data,
    /// The token may not read what was asked.
    Permission,
    /// The request itself is wrong.
    Request,
    /// A rate limit.
    RateLimit,
    /// The server failed.
    Server,
    /// Not known.
    Unknown,
}

/// What a client should do next.
///
/// Ordered from weakest to strongest, so the overall advice of a report is the
/// maximum of its records' advice: `None < Unknown < DropIds < Backoff < Wait <
/// FixRequest < FixCredentials`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Retry {
    /// Nothing to do: the response is a success.
    None,
    /// Not known.
    Unknown,
    /// Use the data that arrived; leave out the IDs named.
    DropIds,
    /// Retry later with exponential backoff.
    Backoff,
    /// Wait for the rate-limit reset, then retry.
    Wait,
    /// Change the request (URL, groupings, metrics, headers) before retrying.
    FixRequest,
    /// Fix the credentials or the application's approval; do not retry blindly.
    FixCredentials,
}

macro_rules! names {
    ($ty:ty { $($variant:ident => $name:literal,)* }) => {
        impl $ty {
            /// The snake_case name, as serialised.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $name,)* }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names!(Kind {
    AuthenticationFailed => "authentication_failed",
    ApplicationNotAuthorized => "application_not_authorized",
    TweetsUnavailable => "tweets_unavailable",
    ImpressionsEngagementsTooOld => "impressions_engagements_too_old",
    VideoViewsTooOld => "video_views_too_old",
    ForbiddenTweets => "forbidden_tweets",
    ForbiddenMetrics => "forbidden_metrics",
    Forbidden => "forbidden",
    UnsupportedGrouping => "unsupported_grouping",
    GzipRequired => "gzip_required",
    RateLimited => "rate_limited",
    ServerError => "server_error",
    NotFound => "not_found",
    BadRequest => "bad_request",
    Unrecognized => "unrecognized",
});

names!(Category {
    Authentication => "authentication",
    Data => "data",
    Permission => "permission",
    Request => "request",
    RateLimit => "rate_limit",
    Server => "server",
    Unknown => "unknown",
});

names!(Retry {
    None => "none",
    Unknown => "unknown",
    DropIds => "drop_ids",
    Backoff => "backoff",
    Wait => "wait",
    FixRequest => "fix_request",
    FixCredentials => "fix_credentials",
});

impl Kind {
    /// Every kind, in the contract's order.
    pub const ALL: [Kind; 15] = [
        Kind::AuthenticationFailed,
        Kind::ApplicationNotAuthorized,
        Kind::TweetsUnavailable,
        Kind::ImpressionsEngagementsTooOld,
        Kind::VideoViewsTooOld,
        Kind::ForbiddenTweets,
        Kind::ForbiddenMetrics,
        Kind::Forbidden,
        Kind::UnsupportedGrouping,
        Kind::GzipRequired,
        Kind::RateLimited,
        Kind::ServerError,
        Kind::NotFound,
        Kind::BadRequest,
        Kind::Unrecognized,
    ];

    /// The kind's category.
    pub fn category(self) -> Category {
        match self {
            Kind::AuthenticationFailed | Kind::ApplicationNotAuthorized => Category::Authentication,
            Kind::TweetsUnavailable
            | Kind::ImpressionsEngagementsTooOld
            | Kind::VideoViewsTooOld => Category::Data,
            Kind::ForbiddenTweets | Kind::ForbiddenMetrics | Kind::Forbidden => {
                Category::Permission
            }
            Kind::UnsupportedGrouping | Kind::GzipRequired | Kind::NotFound | Kind::BadRequest => {
                Category::Request
            }
            Kind::RateLimited => Category::RateLimit,
            Kind::ServerError => Category::Server,
            Kind::Unrecognized => Category::Unknown,
        }
    }

    /// The kind's retry advice; for [`Kind::Unrecognized`] it depends on the
    /// HTTP status (see [`Retry::from_status`]).
    pub fn retry(self, status: Option<u16>) -> Retry {
        match self {
            Kind::AuthenticationFailed | Kind::ApplicationNotAuthorized => Retry::FixCredentials,
            Kind::TweetsUnavailable
            | Kind::ImpressionsEngagementsTooOld
            | Kind::VideoViewsTooOld
            | Kind::ForbiddenTweets => Retry::DropIds,
            Kind::ForbiddenMetrics
            | Kind::Forbidden
            | Kind::UnsupportedGrouping
            | Kind::GzipRequired
            | Kind::NotFound
            | Kind::BadRequest => Retry::FixRequest,
            Kind::RateLimited => Retry::Wait,
            Kind::ServerError => Retry::Backoff,
            Kind::Unrecognized => Retry::from_status(status),
        }
    }

    /// The kind a response with this status and nothing more specific has:
    /// 400 `bad_request`, 401 `authentication_failed`, 403 `forbidden`,
    /// 404 `not_found`, 406 `gzip_required`, 429 `rate_limited`, 5xx
    /// `server_error`; any other status `unrecognized`.
    pub fn from_status(status: u16) -> Kind {
        match status {
            400 => Kind::BadRequest,
            401 => Kind::AuthenticationFailed,
            403 => Kind::Forbidden,
            404 => Kind::NotFound,
            406 => Kind::GzipRequired,
            429 => Kind::RateLimited,
            500..=599 => Kind::ServerError,
            _ => Kind::Unrecognized,
        }
    }

    /// The kind a v1.1 error code names, when the contract maps it.
    pub fn from_v1_code(code: i64) -> Option<Kind> {
        Some(match code {
            32 | 89 | 135 | 215 => Kind::AuthenticationFailed,
            88 => Kind::RateLimited,
            130 | 131 => Kind::ServerError,
            34 => Kind::NotFound,
            _ => return None,
        })
    }

    /// The kind a v2 problem `type` URI names, matched on its last path segment or
    /// fragment (so `https://api.twitter.com/2/problems/usage-capped` and
    /// `https://api.x.com/2/problems#usage-capped` both work).
    pub fn from_problem_type(uri: &str) -> Option<Kind> {
        let uri = uri.trim().trim_end_matches('/');
        let last = uri.rsplit(['/', '#']).next().unwrap_or(uri);
        Some(match last.to_ascii_lowercase().as_str() {
            "usage-capped" => Kind::RateLimited,
            "not-authorized-for-resource" => Kind::Forbidden,
            "invalid-request" => Kind::BadRequest,
            _ => return None,
        })
    }

    /// Whether a response carrying this kind of error is expected with `status`.
    /// Used for the `status_body_mismatch` finding.
    pub(crate) fn expects_status(self, status: u16) -> bool {
        match self {
            // v1.1 code 215 (bad authentication data) comes with a 400.
            Kind::AuthenticationFailed | Kind::ApplicationNotAuthorized => {
                matches!(status, 400 | 401 | 403)
            }
            Kind::TweetsUnavailable => matches!(status, 200 | 400),
            Kind::ImpressionsEngagementsTooOld | Kind::VideoViewsTooOld => {
                matches!(status, 200 | 400)
            }
            Kind::ForbiddenTweets | Kind::ForbiddenMetrics => matches!(status, 200 | 403),
            Kind::Forbidden => status == 403,
            Kind::UnsupportedGrouping | Kind::BadRequest => status == 400,
            Kind::GzipRequired => status == 406,
            Kind::RateLimited => status == 429,
            Kind::ServerError => (500..=599).contains(&status),
            Kind::NotFound => status == 404,
            Kind::Unrecognized => true,
        }
    }
}

impl Retry {
    /// The advice an unrecognised error carries, from the HTTP status alone:
    /// 401 `fix_credentials`, 429 `wait`, 5xx `backoff`, other 4xx
    /// `fix_request`, 2xx `none`; anything else, or no status, `unknown`.
    pub fn from_status(status: Option<u16>) -> Retry {
        match status {
            Some(401) => Retry::FixCredentials,
            Some(429) => Retry::Wait,
            Some(500..=599) => Retry::Backoff,
            Some(400..=499) => Retry::FixRequest,
            Some(200..=299) => Retry::None,
            _ => Retry::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_strength_order_is_the_contracts() {
        let order = [
            Retry::FixCredentials,
            Retry::FixRequest,
            Retry::Wait,
            Retry::Backoff,
            Retry::DropIds,
            Retry::Unknown,
            Retry::None,
        ];
        for pair in order.windows(2) {
            assert!(pair[0] > pair[1], "{:?} should beat {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn names_match_serde_names() {
        for kind in Kind::ALL {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{kind}\""));
            let category = kind.category();
            assert_eq!(
                serde_json::to_string(&category).unwrap(),
                format!("\"{category}\"")
            );
            let retry = kind.retry(None);
            assert_eq!(
                serde_json::to_string(&retry).unwrap(),
                format!("\"{retry}\"")
            );
        }
    }

    #[test]
    fn problem_type_matches_last_segment_or_fragment_only() {
        assert_eq!(
            Kind::from_problem_type("https://api.twitter.com/2/problems/invalid-request"),
            Some(Kind::BadRequest)
        );
        assert_eq!(
            Kind::from_problem_type("https://api.x.com/2/problems#usage-capped"),
            Some(Kind::RateLimited)
        );
        assert_eq!(
            Kind::from_problem_type("https://example.com/not-authorized-for-resource/"),
            Some(Kind::Forbidden)
        );
        assert_eq!(Kind::from_problem_type("about:blank"), None);
        assert_eq!(
            Kind::from_problem_type("https://x.com/invalid-request/other"),
            None
        );
    }

    #[test]
    fn unrecognized_retry_follows_the_status() {
        let cases = [
            (Some(401), Retry::FixCredentials),
            (Some(429), Retry::Wait),
            (Some(502), Retry::Backoff),
            (Some(413), Retry::FixRequest),
            (Some(200), Retry::None),
            (Some(302), Retry::Unknown),
            (None, Retry::Unknown),
        ];
        for (status, retry) in cases {
            assert_eq!(Kind::Unrecognized.retry(status), retry, "{status:?}");
        }
    }

    #[test]
    fn v1_codes_map_per_the_contract() {
        for (code, kind) in [
            (32, Kind::AuthenticationFailed),
            (89, Kind::AuthenticationFailed),
            (135, Kind::AuthenticationFailed),
            (215, Kind::AuthenticationFailed),
            (88, Kind::RateLimited),
            (130, Kind::ServerError),
            (131, Kind::ServerError),
            (34, Kind::NotFound),
        ] {
            assert_eq!(Kind::from_v1_code(code), Some(kind), "{code}");
        }
        assert_eq!(Kind::from_v1_code(187), None);
    }
}
