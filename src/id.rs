//! Tweet and user IDs as the server sent them.

use std::borrow::Cow;
use std::collections::HashSet;
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

/// Parses ASCII digits (leading zeros allowed) with checked arithmetic: 19 digits
/// cannot overflow a `u64`, so only the digits after them are checked.
pub(crate) fn parse_u64_digits(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (head, tail) = bytes.split_at(bytes.len().min(19));
    let value = head
        .iter()
        .fold(0u64, |acc, byte| acc * 10 + u64::from(byte - b'0'));
    tail.iter().try_fold(value, |acc, byte| {
        acc.checked_mul(10)?.checked_add(u64::from(byte - b'0'))
    })
}

/// A list of IDs that keeps each once, in first-seen order: a linear scan while
/// the list is short, a hash set once it is not.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds<'a> {
    ids: Vec<Id<'a>>,
    seen: Option<HashSet<Id<'a>>>,
}

impl<'a> UniqueIds<'a> {
    const SCAN_UP_TO: usize = 16;

    pub(crate) fn with_capacity(capacity: usize) -> UniqueIds<'a> {
        UniqueIds {
            ids: Vec::with_capacity(capacity),
            seen: None,
        }
    }

    /// Adds `id`, or gives it back when the list has it already.
    pub(crate) fn push(&mut self, id: Id<'a>) -> Result<(), Id<'a>> {
        let known = match &mut self.seen {
            Some(seen) => !seen.insert(id.clone()),
            None if self.ids.len() < Self::SCAN_UP_TO => self.ids.contains(&id),
            None => {
                let mut seen: HashSet<Id<'a>> = self.ids.iter().cloned().collect();
                let known = !seen.insert(id.clone());
                self.seen = Some(seen);
                known
            }
        };
        if known {
            return Err(id);
        }
        self.ids.push(id);
        Ok(())
    }

    pub(crate) fn into_vec(self) -> Vec<Id<'a>> {
        self.ids
    }
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
    fn digits_are_checked_only_past_the_nineteenth() {
        assert_eq!(
            parse_u64_digits("9999999999999999999"),
            Some(9_999_999_999_999_999_999)
        );
        assert_eq!(parse_u64_digits("00000000000000000000000042"), Some(42));
        assert_eq!(parse_u64_digits("18446744073709551616"), None);
        assert_eq!(parse_u64_digits("99999999999999999999"), None);
        assert_eq!(parse_u64_digits("12a"), None);
        assert_eq!(parse_u64_digits(""), None);
    }

    #[test]
    fn unique_ids_keep_first_seen_order_past_the_scan_limit() {
        let mut ids = UniqueIds::with_capacity(0);
        for n in (0..40u64).chain(0..40).chain([7, 39, 40]) {
            let _ = ids.push(Id::Valid(n));
        }
        let kept: Vec<u64> = ids.into_vec().iter().filter_map(Id::as_u64).collect();
        assert_eq!(kept, (0..=40).collect::<Vec<_>>());
        let mut ids = UniqueIds::with_capacity(2);
        assert!(ids.push(Id::parse("x")).is_ok());
        assert_eq!(ids.push(Id::parse("x")), Err(Id::parse("x")));
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
