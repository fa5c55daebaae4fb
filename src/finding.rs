//! Findings: what a body does that the documented contract says it should not.

use std::fmt;

use serde::Serialize;

/// Shows at most 80 characters of `text` in a finding's detail, then `…`, so a
/// hostile message or ID cannot make findings as large as the body.
pub(crate) struct Clip<'t>(pub(crate) &'t str);

impl fmt::Display for Clip<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 80;
        match self.0.char_indices().nth(MAX) {
            Some((end, _)) => write!(f, "{}…", &self.0[..end]),
            None => f.write_str(self.0),
        }
    }
}

/// How serious a [`Finding`] is.
///
/// `Error` marks a body that breaks the documented contract (a mock server that
/// sends it is wrong); `Warning` marks something the live API is known to do but
/// that a client should notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The body breaks the contract.
    Error,
    /// The body is unusual but known to happen.
    Warning,
}

/// What a [`Finding`] is about. Serialises as the contract's snake_case code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingCode {
    /// A message's count differs from the length of the matching ID list.
    CountMismatch,
    /// A message names IDs that no ID-list key lists.
    MissingIdList,
    /// An ID was sent as a JSON number, not a string.
    IdNotString,
    /// An ID is not a canonical decimal `u64`.
    InvalidId,
    /// An ID appears more than once in the same list.
    DuplicateId,
    /// A message matches no known form (it is kept verbatim).
    UnrecognizedMessage,
    /// The HTTP status and the body disagree.
    StatusBodyMismatch,
    /// The body is not JSON (HTML, text, empty).
    NotJson,
    /// The body is gzip-compressed: the caller did not decompress it.
    GzipBody,
    /// The body starts like JSON but is not valid JSON.
    MalformedJson,
    /// A number in a message does not fit its type; the field is left empty.
    NumberOverflow,
    /// The body holds bytes that are not UTF-8, or lone surrogate escapes;
    /// the text was kept with U+FFFD in their place.
    InvalidUtf8,
    /// A known key appears more than once in the same object; all values were kept.
    DuplicateKey,
    /// A known key or array entry holds a value of the wrong JSON type.
    UnexpectedValue,
    /// A rate-limit or retry header has a value that could not be read.
    InvalidHeader,
}

impl FindingCode {
    /// The code's snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::CountMismatch => "count_mismatch",
            FindingCode::MissingIdList => "missing_id_list",
            FindingCode::IdNotString => "id_not_string",
            FindingCode::InvalidId => "invalid_id",
            FindingCode::DuplicateId => "duplicate_id",
            FindingCode::UnrecognizedMessage => "unrecognized_message",
            FindingCode::StatusBodyMismatch => "status_body_mismatch",
            FindingCode::NotJson => "not_json",
            FindingCode::GzipBody => "gzip_body",
            FindingCode::MalformedJson => "malformed_json",
            FindingCode::NumberOverflow => "number_overflow",
            FindingCode::InvalidUtf8 => "invalid_utf8",
            FindingCode::DuplicateKey => "duplicate_key",
            FindingCode::UnexpectedValue => "unexpected_value",
            FindingCode::InvalidHeader => "invalid_header",
        }
    }
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One observation about a body, with where in the body it applies.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// What it is about.
    pub code: FindingCode,
    /// One lowercase sentence saying what was seen, quoting the offending text.
    pub detail: String,
    /// Where it applies: a JSON path such as `$.errors[2]` or
    /// `$.unavailable_tweet_ids[0]`, a text line such as `line 3`, a parse
    /// position such as `line 1, column 40`, a header such as `header retry-after`;
    /// `None` when it concerns the whole response.
    pub at: Option<String>,
}

impl Finding {
    pub(crate) fn new(
        severity: Severity,
        code: FindingCode,
        detail: impl Into<String>,
        at: Option<String>,
    ) -> Finding {
        Finding {
            severity,
            code,
            detail: detail.into(),
            at,
        }
    }

    /// Whether this finding is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `error: count_mismatch at $.errors[0]: message says 3 ids, list has 2`
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity, self.code)?;
        if let Some(at) = &self.at {
            write!(f, " at {at}")?;
        }
        write!(f, ": {}", self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_severity_code_location_and_detail() {
        let finding = Finding::new(
            Severity::Error,
            FindingCode::CountMismatch,
            "message says 3 ids, list has 2",
            Some("$.errors[0]".into()),
        );
        assert_eq!(
            finding.to_string(),
            "error: count_mismatch at $.errors[0]: message says 3 ids, list has 2"
        );
    }

    #[test]
    fn long_text_is_clipped_at_80_characters() {
        let long = "é".repeat(100);
        let clipped = Clip(&long).to_string();
        assert_eq!(clipped.chars().count(), 81);
        assert!(clipped.ends_with('…'));
        assert_eq!(Clip("short").to_string(), "short");
    }

    #[test]
    fn code_names_match_their_serde_names() {
        for code in [
            FindingCode::CountMismatch,
            FindingCode::MissingIdList,
            FindingCode::IdNotString,
            FindingCode::InvalidId,
            FindingCode::DuplicateId,
            FindingCode::UnrecognizedMessage,
            FindingCode::StatusBodyMismatch,
            FindingCode::NotJson,
            FindingCode::GzipBody,
            FindingCode::MalformedJson,
            FindingCode::NumberOverflow,
            FindingCode::InvalidUtf8,
            FindingCode::DuplicateKey,
            FindingCode::UnexpectedValue,
            FindingCode::InvalidHeader,
        ] {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
