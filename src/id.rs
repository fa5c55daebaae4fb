//! Tweet and user IDs as the server sent them.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

/// A Tweet ID or user ID named by the server, in a message or in an ID-list key.
///
/// IDs are 64-bit unsigned integers written in decimal. Anything else the server
/// sends in an ID position (a sign, leading zeros, letters, a number that does not
/// fit in a `u64`) is kept verbatim as [`Id::Invalid`], never dropped, and the
/// report carries an `invalid_id` finding for it.
///
/// Both forms serialise as a JSON string holding the decimal text.
///
/// ```
/// use engagement_errors::Id;
///
/// assert_eq!(Id::parse("640026211712786432").as_u64(), Some(640026211712786432));
/// assert_eq!(Id::parse("0123").as_u64(), None); // not canonical: kept verbatim
/// assert_eq!(Id::parse("0123").to_string(), "0123");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Id<'a> {
    /// A canonical decimal `u64` (no sign, no leading zeros).
    Valid(u64),
    /// Text that is not a canonical decimal `u64`, kept exactly as sent.
    Invalid(Cow<'a, str>),
}

impl<'a> Id<'a> {
    /// Reads an ID from its decimal text, keeping the text when it is not a
    /// canonical `u64`.
    pub fn parse(text: impl Into<Cow<'a, str>>) -> Id<'a> {
        let text = text.into();
        match parse_canonical_u64(&text) {
            Some(value) => Id::Valid(value),
            None => Id::Invalid(text),
        }
    }

    /// The numeric value, when the ID is a canonical decimal `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Id::Valid(value) => Some(*value),
            Id::Invalid(_) => None,
        }
    }

    /// Whether the ID is a canonical decimal `u64`.
    pub fn is_valid(&self) -> bool {
        matches!(self, Id::Valid(_))
    }

    /// Detaches the ID from the body it was read from.
    pub fn into_owned(self) -> Id<'static> {
        match self {
            Id::Valid(value) => Id::Valid(value),
            Id::Invalid(text) => Id::Invalid(Cow::Owned(text.into_owned())),
        }
    }
}

/// Parses `text` as a canonical decimal `u64`: ASCII digits only, no sign, no
/// leading zero unless the number is `0`, and no overflow (checked arithmetic).
pub(crate) fn parse_canonical_u64(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    parse_u64_digits(text)
}

/// Parses ASCII digits (leading zeros allowed) with checked arithmetic.
pub(crate) fn parse_u64_digits(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u64, |acc, byte| {
        if !byte.is_ascii_digit() {
            return None;
        }
        acc.checked_mul(10)?.checked_add(u64::from(byte - b'0'))
    })
}

impl fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Valid(value) => fmt::Display::fmt(value, f),
            Id::Invalid(text) => f.write_str(text),
        }
    }
}

impl fmt::Debug for Id<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Valid(value) => write!(f, "Id({value})"),
            Id::Invalid(text) => write!(f, "Id::Invalid({text:?})"),
        }
    }
}

impl Serialize for Id<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_u64_is_valid_and_one_more_is_kept_verbatim() {
        assert_eq!(Id::parse("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(
            Id::parse("18446744073709551616"),
            Id::Invalid(Cow::Borrowed("18446744073709551616"))
        );
    }

    #[test]
    fn signs_spaces_and_empty_text_are_not_ids() {
        for text in ["", "+1", "-1", " 1", "1 ", "1e3", "１"] {
            assert!(!Id::parse(text).is_valid(), "{text:?}");
        }
        assert_eq!(Id::parse("0").as_u64(), Some(0));
    }

    #[test]
    fn ids_serialize_as_decimal_strings() {
        let ids = [Id::Valid(u64::MAX), Id::parse("abc")];
        assert_eq!(
            serde_json::to_string(&ids).unwrap(),
            r#"["18446744073709551615","abc"]"#
        );
    }
}
