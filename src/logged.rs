//! A line records one HTTP response:
//!
//! ```text
//! {"status": 403, "headers": {"content-type": "application/json"}, "body": "{\"errors\":[\"Forbidden to access tweets: 1\"]}"}
//! ```
//!
//! - `status`: an integer from 0 to 65535; absent or `null` means unknown.
//! - `headers`: an object whose values are strings; absent or `null` means none.
//!   Names are kept as written, in line order (repeats included). The report
//!   reads them only when the status is known ([`crate::parse`] takes no headers).
//! - `body`: the body as a JSON string; or `body_base64`, the body's bytes in
//!   base64 (standard alphabet, `=` padding optional) for bodies that are not
//!   UTF-8. Exactly one of the two must be present.
//! - Any other key is ignored, so logs may carry URLs, timings and the like.
//!
//! Reading a line is pure (no I/O) and never panics; a line that does not have
//! this form gives a [`LineError`](crate::logged::LineError) saying why.
//!
//! ```
//! use engagement_errors::logged::LoggedResponse;
//! use engagement_errors::Kind;
//!
//! let line = br#"{"status": 429, "headers": {"retry-after": "30"}, "body": ""}"#;
//! let response = LoggedResponse::from_line(line)?;
//! assert_eq!(response.status, Some(429));
//! let report = response.report();
//! assert_eq!(report.errors()[0].kind(), Kind::RateLimited);
//! assert_eq!(report.retry_after_secs(), Some(30));
//!
//! let error = LoggedResponse::from_line(br#"{"status": 70000, "body": ""}"#).unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     r#""status" must be an integer from 0 to 65535 or null, found the number 70000"#
//! );
//! # Ok::<(), engagement_errors::logged::LineError>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::Report;

/// One HTTP response as a log line recorded it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoggedResponse {
    /// The HTTP status, when the line gives one.
    pub status: Option<u16>,
    /// The response headers, in line order.
    pub headers: Vec<(String, String)>,
    /// The body's bytes: `body` as UTF-8, or `body_base64` decoded.
    pub body: Vec<u8>,
}

impl LoggedResponse {
    /// Reads one line (without its line end; JSON white space around the object
    /// is allowed). Never panics.
    pub fn from_line(line: &[u8]) -> Result<LoggedResponse, LineError> {
        let mut problem = None;
        let mut deserializer = serde_json::Deserializer::from_slice(line);
        let read = Probe(Top {
            problem: &mut problem,
        })
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
        match read {
            Ok(Value::Object(fields)) => fields.finish(),
            Ok(other) => Err(LineError(Problem::NotObject(other.found()))),
            Err(error) => Err(LineError(
                problem.unwrap_or_else(|| Problem::from_json(&error)),
            )),
        }
    }

    /// The report of this response: [`parse_response`](crate::parse_response)
    /// with the status and headers when the status is known, else
    /// [`parse_with_headers`](crate::parse_with_headers).
    pub fn report(&self) -> Report<'_> {
        let headers = self.headers.iter().map(|(name, value)| (name, value));
        match self.status {
            Some(status) => crate::parse_response(status, headers, &self.body),
            None => crate::parse_with_headers(headers, &self.body),
        }
    }
}

/// Why a line is not a logged response. `Display` is one lowercase phrase that
/// quotes the offending key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError(Problem);

impl LineError {
    /// Whether the line is not JSON at all (as opposed to JSON of the wrong form).
    pub fn is_syntax(&self) -> bool {
        matches!(self.0, Problem::Json { .. })
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Problem::Json {
                message,
                line,
                column,
            } => {
                write!(f, "not valid JSON: {message}")?;
                match (line, column) {
                    (0, _) => Ok(()),
                    (1, column) => write!(f, " at column {column}"),
                    (line, column) => write!(f, " at line {line} column {column}"),
                }
            }
            Problem::NotObject(found) => {
                write!(
                    f,
                    "expected a JSON object with \"body\" or \"body_base64\", found {found}"
                )
            }
            Problem::NoBody => f.write_str("the object has neither \"body\" nor \"body_base64\""),
            Problem::BothBodies => f.write_str("\"body\" and \"body_base64\" are both present"),
            Problem::Repeated(key) => write!(f, "\"{}\" appears more than once", key.name()),
            Problem::WrongType(key, found) => {
                let expected = match key {
                    Key::Status => "an integer from 0 to 65535 or null",
                    Key::Headers => "an object of strings or null",
                    Key::Body | Key::BodyBase64 | Key::Other => "a string",
                };
                write!(f, "\"{}\" must be {expected}, found {found}", key.name())
            }
            Problem::HeaderValue { name, found } => write!(
                f,
                "header {name:?} in \"headers\" must be a string, found {found}"
            ),
            Problem::Base64(error) => write!(f, "\"body_base64\" is not valid base64: {error}"),
        }
    }
}

impl std::error::Error for LineError {}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Problem {
    /// Not JSON: serde_json's message without its position, and the position.
    Json {
        message: String,
        line: usize,
        column: usize,
    },
    NotObject(Found),
    NoBody,
    BothBodies,
    Repeated(Key),
    WrongType(Key, Found),
    HeaderValue {
        name: String,
        found: Found,
    },
    Base64(Base64Error),
}

impl Problem {
    fn from_json(error: &serde_json::Error) -> Problem {
        let mut message = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        if message.ends_with(&position) {
            message.truncate(message.len() - position.len());
        }
        Problem::Json {
            message,
            line: error.line(),
            column: error.column(),
        }
    }
}

/// The JSON type (and, for numbers, the value) met where another was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Found {
    Null,
    Bool,
    Number(String),
    String,
    Array,
    Object,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Null => f.write_str("null"),
            Found::Bool => f.write_str("a boolean"),
            Found::Number(number) => write!(f, "the number {number}"),
            Found::String => f.write_str("a string"),
            Found::Array => f.write_str("an array"),
            Found::Object => f.write_str("an object"),
        }
    }
}

// ---------------------------------------------------------------------------
// Reading the line in one pass.
//
// Problems of form are stored in a slot and reported to serde as an opaque error,
// which stops the parse; the slot, not serde's message, becomes the `LineError`.

fn reject<T, E: de::Error>(slot: &mut Option<Problem>, problem: Problem) -> Result<T, E> {
    *slot = Some(problem);
    Err(E::custom("rejected"))
}

/// Any JSON value; objects are handed to `H`, arrays are skipped.
enum Value<'de, T> {
    Null,
    Bool,
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Str(Cow<'de, str>),
    Array,
    Object(T),
}

impl<T> Value<'_, T> {
    fn found(&self) -> Found {
        match self {
            Value::Null => Found::Null,
            Value::Bool => Found::Bool,
            Value::Unsigned(n) => Found::Number(n.to_string()),
            Value::Signed(n) => Found::Number(n.to_string()),
            Value::Float(n) => Found::Number(format!("{n:?}")),
            Value::Str(_) => Found::String,
            Value::Array => Found::Array,
            Value::Object(_) => Found::Object,
        }
    }
}

/// What to do with an object.
trait ObjectHandler<'de> {
    type Output;
    fn object<A: MapAccess<'de>>(self, map: A) -> Result<Self::Output, A::Error>;
}

/// Skips an object.
struct Skip;

impl<'de> ObjectHandler<'de> for Skip {
    type Output = ();
    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

struct Probe<H>(H);

impl<'de, H: ObjectHandler<'de>> DeserializeSeed<'de> for Probe<H> {
    type Value = Value<'de, H::Output>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, H: ObjectHandler<'de>> Visitor<'de> for Probe<H> {
    type Value = Value<'de, H::Output>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Value::Bool)
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Value::Unsigned(n))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Value::Signed(n))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Ok(Value::Float(n))
    }
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Value::Str(Cow::Borrowed(text)))
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Value::Str(Cow::Owned(text.to_owned())))
    }
    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Value::Str(Cow::Owned(text)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.object(map).map(Value::Object)
    }
}

/// The keys a line may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Status,
    Headers,
    Body,
    BodyBase64,
    Other,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Status => "status",
            Key::Headers => "headers",
            Key::Body => "body",
            Key::BodyBase64 => "body_base64",
            Key::Other => "(other)",
        }
    }
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "status" => Key::Status,
                    "headers" => Key::Headers,
                    "body" => Key::Body,
                    "body_base64" => Key::BodyBase64,
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// The top-level object's fields.
#[derive(Default)]
struct Fields<'de> {
    status: Option<u16>,
    headers: Vec<(String, String)>,
    body: Option<Cow<'de, str>>,
    body_base64: Option<Cow<'de, str>>,
}

impl Fields<'_> {
    fn finish(self) -> Result<LoggedResponse, LineError> {
        let body = match (self.body, self.body_base64) {
            (Some(_), Some(_)) => return Err(LineError(Problem::BothBodies)),
            (None, None) => return Err(LineError(Problem::NoBody)),
            (Some(text), None) => text.into_owned().into_bytes(),
            (None, Some(encoded)) => {
                decode_base64(&encoded).map_err(|e| LineError(Problem::Base64(e)))?
            }
        };
        Ok(LoggedResponse {
            status: self.status,
            headers: self.headers,
            body,
        })
    }
}

struct Top<'p> {
    problem: &'p mut Option<Problem>,
}

impl<'de> ObjectHandler<'de> for Top<'_> {
    type Output = Fields<'de>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
        let mut fields = Fields::default();
        let mut seen = [false; 4];
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Status => 0,
                Key::Headers => 1,
                Key::Body => 2,
                Key::BodyBase64 => 3,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if std::mem::replace(&mut seen[slot], true) {
                return reject(self.problem, Problem::Repeated(key));
            }
            if key == Key::Headers {
                let headers = map.next_value_seed(Probe(Headers {
                    problem: &mut *self.problem,
                }))?;
                match headers {
                    Value::Object(headers) => fields.headers = headers,
                    Value::Null => {}
                    other => return reject(self.problem, Problem::WrongType(key, other.found())),
                }
                continue;
            }
            let value = map.next_value_seed(Probe(Skip))?;
            match (key, value) {
                (Key::Status, Value::Null) => {}
                (Key::Status, Value::Unsigned(n)) if n <= u64::from(u16::MAX) => {
                    fields.status = u16::try_from(n).ok();
                }
                (Key::Body, Value::Str(text)) => fields.body = Some(text),
                (Key::BodyBase64, Value::Str(text)) => fields.body_base64 = Some(text),
                (key, other) => {
                    return reject(self.problem, Problem::WrongType(key, other.found()))
                }
            }
        }
        Ok(fields)
    }
}

struct Headers<'p> {
    problem: &'p mut Option<Problem>,
}

impl<'de> ObjectHandler<'de> for Headers<'_> {
    type Output = Vec<(String, String)>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Output, A::Error> {
        let mut headers = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            match map.next_value_seed(Probe(Skip))? {
                Value::Str(value) => headers.push((name, value.into_owned())),
                other => {
                    let found = other.found();
                    return reject(self.problem, Problem::HeaderValue { name, found });
                }
            }
        }
        Ok(headers)
    }
}

// ---------------------------------------------------------------------------
// Base64, standard alphabet, `=` padding optional, every input byte checked.

/// Why a `body_base64` string does not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Base64Error {
    /// A character outside the standard alphabet (offset in bytes).
    Character { offset: usize, character: char },
    /// A `=` before the end.
    Padding { offset: usize },
    /// The padding is longer than the data needs, or does not complete a group of 4.
    PaddingLength,
    /// `4n + 1` characters cannot encode whole bytes.
    Length { characters: usize },
    /// The last character has bits set that encode no byte (not canonical).
    TrailingBits { offset: usize },
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Error::Character { offset, character } => write!(
                f,
                "character {character:?} at offset {offset} is not in the standard alphabet"
            ),
            Base64Error::Padding { offset } => {
                write!(f, "'=' at offset {offset} is before the end")
            }
            Base64Error::PaddingLength => f.write_str("the '=' padding has the wrong length"),
            Base64Error::Length { characters } => {
                write!(f, "{characters} characters cannot encode whole bytes")
            }
            Base64Error::TrailingBits { offset } => {
                write!(
                    f,
                    "the character at offset {offset} has bits set past the data"
                )
            }
        }
    }
}

fn sextet(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

fn decode_base64(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    let data_len = bytes.iter().rposition(|&b| b != b'=').map_or(0, |i| i + 1);
    let data = &bytes[..data_len];
    let padding = bytes.len() - data_len;
    for (offset, &byte) in data.iter().enumerate() {
        if sextet(byte).is_none() {
            return Err(if byte == b'=' {
                Base64Error::Padding { offset }
            } else {
                // Every byte before `offset` is ASCII, so `offset` is a char boundary.
                let character = text
                    .get(offset..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                Base64Error::Character { offset, character }
            });
        }
    }
    let tail = data_len % 4;
    if tail == 1 {
        return Err(Base64Error::Length {
            characters: data_len,
        });
    }
    if padding > 0 && (tail == 0 || tail + padding != 4) {
        return Err(Base64Error::PaddingLength);
    }
    let mut out = Vec::with_capacity(data_len / 4 * 3 + 2);
    for (index, group) in data.chunks(4).enumerate() {
        let bits = group
            .iter()
            .fold(0u32, |bits, &b| (bits << 6) | sextet(b).unwrap_or(0));
        let last = index * 4 + group.len() - 1;
        match group.len() {
            4 => {
                let [_, a, b, c] = bits.to_be_bytes();
                out.extend_from_slice(&[a, b, c]);
            }
            3 => {
                if bits & 0b11 != 0 {
                    return Err(Base64Error::TrailingBits { offset: last });
                }
                let [_, _, a, b] = (bits >> 2).to_be_bytes();
                out.extend_from_slice(&[a, b]);
            }
            2 => {
                if bits & 0b1111 != 0 {
                    return Err(Base64Error::TrailingBits { offset: last });
                }
                let [_, _, _, a] = (bits >> 4).to_be_bytes();
                out.push(a);
            }
            _ => {
                return Err(Base64Error::Length {
                    characters: data_len,
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Result<LoggedResponse, LineError> {
        LoggedResponse::from_line(line.as_bytes())
    }

    fn error(line: &[u8]) -> String {
        match LoggedResponse::from_line(line) {
            Ok(response) => panic!("accepted: {response:?}"),
            Err(error) => error.to_string(),
        }
    }

    fn encode(bytes: &[u8], pad: bool) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for group in bytes.chunks(3) {
            let mut bits = 0u32;
            for (i, &b) in group.iter().enumerate() {
                bits |= u32::from(b) << (16 - 8 * i);
            }
            for i in 0..=group.len() {
                out.push(char::from(ALPHABET[((bits >> (18 - 6 * i)) & 63) as usize]));
            }
            if pad {
                for _ in group.len()..3 {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn status_headers_and_body_are_read() {
        let response =
            read(r#"{"status":403,"headers":{"Content-Type":"application/json","x-a":"1"},"body":"{\"errors\":[]}"}"#)
                .unwrap();
        assert_eq!(response.status, Some(403));
        assert_eq!(
            response.headers,
            [
                ("Content-Type".to_owned(), "application/json".to_owned()),
                ("x-a".to_owned(), "1".to_owned())
            ]
        );
        assert_eq!(response.body, br#"{"errors":[]}"#);
    }

    #[test]
    fn status_and_headers_are_optional_and_may_be_null() {
        for line in [
            r#"{"body":"x"}"#,
            r#"{"status":null,"headers":null,"body":"x"}"#,
        ] {
            let response = read(line).unwrap();
            assert_eq!(response.status, None, "{line}");
            assert!(response.headers.is_empty(), "{line}");
            assert_eq!(response.body, b"x", "{line}");
        }
    }

    #[test]
    fn status_must_fit_in_0_to_65535() {
        assert_eq!(read(r#"{"status":0,"body":""}"#).unwrap().status, Some(0));
        assert_eq!(
            read(r#"{"status":65535,"body":""}"#).unwrap().status,
            Some(65535)
        );
        for (status, found) in [
            ("65536", "the number 65536"),
            ("-1", "the number -1"),
            ("200.0", "the number 200.0"),
            ("1e400", ""),
            ("\"200\"", "a string"),
            ("true", "a boolean"),
            ("[200]", "an array"),
        ] {
            let message = error(format!(r#"{{"status":{status},"body":""}}"#).as_bytes());
            if found.is_empty() {
                assert!(message.starts_with("not valid JSON"), "{message}");
            } else {
                assert_eq!(
                    message,
                    format!(
                        r#""status" must be an integer from 0 to 65535 or null, found {found}"#
                    )
                );
            }
        }
    }

    #[test]
    fn body_must_be_a_string() {
        assert_eq!(
            error(br#"{"body":3}"#),
            r#""body" must be a string, found the number 3"#
        );
        assert_eq!(
            error(br#"{"body":null}"#),
            r#""body" must be a string, found null"#
        );
        assert_eq!(
            error(br#"{"body_base64":{"a":1}}"#),
            r#""body_base64" must be a string, found an object"#
        );
    }

    #[test]
    fn body_escapes_are_decoded() {
        let response = read(r#"{"body":"a\"b\u0026c\n"}"#).unwrap();
        assert_eq!(response.body, b"a\"b&c\n");
    }

    #[test]
    fn a_line_needs_body_or_body_base64() {
        assert_eq!(
            error(br#"{"status":200}"#),
            r#"the object has neither "body" nor "body_base64""#
        );
    }

    #[test]
    fn body_and_body_base64_together_are_an_error() {
        assert_eq!(
            error(br#"{"body":"","body_base64":""}"#),
            r#""body" and "body_base64" are both present"#
        );
    }

    #[test]
    fn a_repeated_key_is_an_error() {
        assert_eq!(
            error(br#"{"status":200,"status":201,"body":""}"#),
            r#""status" appears more than once"#
        );
        assert_eq!(
            error(br#"{"body":"","body":""}"#),
            r#""body" appears more than once"#
        );
    }

    #[test]
    fn header_values_must_be_strings() {
        assert_eq!(
            error(br#"{"status":200,"headers":{"retry-after":30},"body":""}"#),
            r#"header "retry-after" in "headers" must be a string, found the number 30"#
        );
        assert_eq!(
            error(br#"{"headers":["a: b"],"body":""}"#),
            r#""headers" must be an object of strings or null, found an array"#
        );
    }

    #[test]
    fn repeated_header_names_are_all_kept_in_order() {
        let response = read(r#"{"headers":{"a":"1","A":"2","a":"3"},"body":""}"#).unwrap();
        let names: Vec<_> = response
            .headers
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        assert_eq!(names, ["a=1", "A=2", "a=3"]);
    }

    #[test]
    fn unknown_keys_are_ignored_whatever_they_hold() {
        let response =
            read(r#"{"url":"https://x","t":[1,{"a":[null]}],"body":"b","n":-1.5}"#).unwrap();
        assert_eq!(response.body, b"b");
    }

    #[test]
    fn the_line_must_be_a_json_object() {
        for (line, found) in [
            ("[1]", "an array"),
            ("\"body\"", "a string"),
            ("null", "null"),
            ("42", "the number 42"),
        ] {
            assert_eq!(
                error(line.as_bytes()),
                format!(r#"expected a JSON object with "body" or "body_base64", found {found}"#)
            );
        }
    }

    #[test]
    fn invalid_json_is_a_syntax_error_with_its_column() {
        let e = LoggedResponse::from_line(br#"{"body":"x""#).unwrap_err();
        assert!(e.is_syntax());
        assert_eq!(
            e.to_string(),
            "not valid JSON: EOF while parsing an object at column 11"
        );
        let e = LoggedResponse::from_line(br#"{"body":"x"} {}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not valid JSON: trailing characters at column 14"
        );
        let e = LoggedResponse::from_line(b"{\"body\":\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "not valid JSON: EOF while parsing a value at line 2 column 0"
        );
        assert!(LoggedResponse::from_line(b"").unwrap_err().is_syntax());
        assert!(!LoggedResponse::from_line(b"[]").unwrap_err().is_syntax());
    }

    #[test]
    fn invalid_utf8_in_the_line_is_a_syntax_error() {
        let e = LoggedResponse::from_line(b"{\"body\":\"\xff\xfe\"}").unwrap_err();
        assert!(e.is_syntax());
        assert!(e.to_string().starts_with("not valid JSON: "), "{e}");
    }

    #[test]
    fn white_space_around_the_object_is_allowed() {
        let response = LoggedResponse::from_line(b" \t{\"body\":\"x\"}\r ").unwrap();
        assert_eq!(response.body, b"x");
    }

    #[test]
    fn body_base64_gives_the_bytes_with_or_without_padding() {
        for (encoded, bytes) in [
            ("", &b""[..]),
            ("/w==", b"\xff"),
            ("/w", b"\xff"),
            ("//4=", b"\xff\xfe"),
            ("//4", b"\xff\xfe"),
            ("H4sI", b"\x1f\x8b\x08"),
            ("SGVsbG8=", b"Hello"),
        ] {
            let line = format!(r#"{{"body_base64":"{encoded}"}}"#);
            assert_eq!(read(&line).unwrap().body, bytes, "{encoded}");
        }
    }

    #[test]
    fn body_base64_rejects_what_the_standard_alphabet_does_not_allow() {
        for (encoded, why) in [
            (
                "ab-_",
                "character '-' at offset 2 is not in the standard alphabet",
            ),
            (
                "ab c",
                "character ' ' at offset 2 is not in the standard alphabet",
            ),
            (
                "abé",
                "character 'é' at offset 2 is not in the standard alphabet",
            ),
            ("a=bc", "'=' at offset 1 is before the end"),
            ("abcde", "5 characters cannot encode whole bytes"),
            ("a===", "1 characters cannot encode whole bytes"),
            ("ab=", "the '=' padding has the wrong length"),
            ("abc==", "the '=' padding has the wrong length"),
            ("abcd=", "the '=' padding has the wrong length"),
            (
                "/x==",
                "the character at offset 1 has bits set past the data",
            ),
            (
                "//5",
                "the character at offset 2 has bits set past the data",
            ),
        ] {
            let line = format!(r#"{{"body_base64":"{encoded}"}}"#);
            assert_eq!(
                error(line.as_bytes()),
                format!(r#""body_base64" is not valid base64: {why}"#),
                "{encoded}"
            );
        }
    }

    #[test]
    fn report_uses_the_status_and_headers_when_the_status_is_known() {
        let known = read(r#"{"status":429,"headers":{"Retry-After":"7"},"body":""}"#).unwrap();
        let report = known.report();
        assert_eq!(report.status(), Some(429));
        assert_eq!(report.retry_after_secs(), Some(7));
        let unknown = read(r#"{"body":""}"#).unwrap();
        assert_eq!(unknown.report(), crate::parse(b""));
    }

    #[test]
    fn report_reads_the_headers_when_the_status_is_unknown() {
        let logged = read(r#"{"headers":{"Retry-After":"7"},"body":""}"#).unwrap();
        let report = logged.report();
        assert_eq!(report.status(), None);
        assert_eq!(report.retry_after_secs(), Some(7));
    }

    proptest::proptest! {
        #[test]
        fn base64_decodes_what_a_standard_encoder_writes(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
            pad: bool,
        ) {
            let line = format!(r#"{{"body_base64":"{}"}}"#, encode(&bytes, pad));
            proptest::prop_assert_eq!(read(&line).unwrap().body, bytes);
        }

        #[test]
        fn from_line_never_panics_on_any_bytes(
            line in proptest::collection::vec(proptest::num::u8::ANY, 0..256),
        ) {
            let _ = LoggedResponse::from_line(&line);
        }

        #[test]
        fn from_line_never_panics_on_json_like_lines(
            line in r#"[{}\[\],:" a-z0-9=+/\\_.-]{0,80}"#,
        ) {
            if let Ok(response) = LoggedResponse::from_line(line.as_bytes()) {
                let _ = response.report();
            }
        }

        #[test]
        fn a_body_string_round_trips(body in ".*") {
            let line = serde_json::json!({"status": 200, "body": body}).to_string();
            proptest::prop_assert_eq!(read(&line).unwrap().body, body.into_bytes());
        }
    }
}
