//! Reading the JSON envelope with serde: which keys are there, the message
//! entries, the ID lists, and the names of the data groupings.
//!
//! The body is read once, in order, by a [`DeserializeSeed`] that writes into a
//! [`Collected`] owned by the caller. Data groupings are skipped with
//! [`IgnoredAny`] (no `serde_json::Value` is built); message entries and IDs are
//! taken as borrowed [`RawValue`]s and read on their own. Because the collector
//! lives outside the deserializer, everything read before a syntax error (a
//! truncated body) survives it.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::finding::{Clip, Finding, FindingCode, Severity};
use crate::id::{Id, UniqueIds};
use crate::report::{check_id, Sink};

/// Where in the body something was read: used for finding locations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    /// `$.errors[i]`
    Errors(usize),
    /// `$.errors` (a value that is not an array)
    ErrorsValue,
    /// `$[i]`
    Top(usize),
    /// `$` (a top-level string)
    Root,
    /// `line i` of a text body (1-based)
    Line(usize),
    /// `$.<side key>[i]`
    Id(SideKey, usize),
    /// `$.<side key>`
    SideValue(SideKey),
    /// `$.error`
    GnipError,
    /// `$.error.detail[i]`
    GnipDetail(usize),
    /// `$` as a problem-details object
    Problem,
    /// `$.<key>`
    Key(&'static str),
    /// `<title>` of an HTML page
    HtmlTitle,
    /// no place in the body (a record from the HTTP status)
    Status,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::Errors(i) => write!(f, "$.errors[{i}]"),
            Loc::ErrorsValue => f.write_str("$.errors"),
            Loc::Top(i) => write!(f, "$[{i}]"),
            Loc::Root | Loc::Problem => f.write_str("$"),
            Loc::Line(i) => write!(f, "line {i}"),
            Loc::Id(key, i) => write!(f, "$.{}[{i}]", key.name()),
            Loc::SideValue(key) => write!(f, "$.{}", key.name()),
            Loc::GnipError => f.write_str("$.error"),
            Loc::GnipDetail(i) => write!(f, "$.error.detail[{i}]"),
            Loc::Key(key) => write!(f, "$.{key}"),
            Loc::HtmlTitle => f.write_str("<title>"),
            Loc::Status => f.write_str("status"),
        }
    }
}

impl Loc {
    pub(crate) fn at(self) -> Option<String> {
        match self {
            Loc::Status => None,
            other => Some(other.to_string()),
        }
    }
}

/// The three side keys that list affected Tweet IDs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SideKey {
    Unavailable,
    ImpressionsEngagements,
    VideoViews,
}

impl SideKey {
    pub(crate) const ALL: [SideKey; 3] = [
        SideKey::Unavailable,
        SideKey::ImpressionsEngagements,
        SideKey::VideoViews,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            SideKey::Unavailable => "unavailable_tweet_ids",
            SideKey::ImpressionsEngagements => "unsupported_for_impressions_engagements_tweet_ids",
            SideKey::VideoViews => "unsupported_for_video_views_tweet_ids",
        }
    }

    fn from_name(name: &str) -> Option<SideKey> {
        SideKey::ALL.into_iter().find(|key| key.name() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A decoded JSON string, borrowed from the body when it holds no escapes.
///
/// Read as bytes so that lone surrogate escapes (`\ud800`) and bytes that are not
/// UTF-8 are replaced with U+FFFD instead of failing the whole body; `lossy`
/// says whether that happened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Text<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) lossy: bool,
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text {
                    text: Cow::Borrowed(v),
                    lossy: false,
                })
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text {
                    text: Cow::Owned(v.to_owned()),
                    lossy: false,
                })
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text {
                    text: Cow::Owned(v),
                    lossy: false,
                })
            }
            fn visit_borrowed_bytes<E>(self, v: &'de [u8]) -> Result<Text<'de>, E> {
                Ok(match std::str::from_utf8(v) {
                    Ok(text) => Text {
                        text: Cow::Borrowed(text),
                        lossy: false,
                    },
                    Err(_) => Text {
                        text: Cow::Owned(String::from_utf8_lossy(v).into_owned()),
                        lossy: true,
                    },
                })
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Text<'de>, E> {
                Ok(match String::from_utf8_lossy(v) {
                    Cow::Borrowed(text) => Text {
                        text: Cow::Owned(text.to_owned()),
                        lossy: false,
                    },
                    Cow::Owned(text) => Text {
                        text: Cow::Owned(text),
                        lossy: true,
                    },
                })
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Text<'de>, E> {
                Ok(match String::from_utf8(v) {
                    Ok(text) => Text {
                        text: Cow::Owned(text),
                        lossy: false,
                    },
                    Err(err) => Text {
                        text: Cow::Owned(String::from_utf8_lossy(err.as_bytes()).into_owned()),
                        lossy: true,
                    },
                })
            }
        }
        deserializer.deserialize_bytes(TextVisitor)
    }
}

/// Decodes the JSON text of a string value (quotes included) without failing:
/// borrowed when it has no escapes, lossy (U+FFFD) for lone surrogates.
pub(crate) fn decode_string(raw: &str) -> Text<'_> {
    let inner = raw
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(raw);
    if !inner.contains('\\') {
        return Text {
            text: Cow::Borrowed(inner),
            lossy: false,
        };
    }
    match serde_json::from_str::<Text<'_>>(raw) {
        Ok(text) => text,
        Err(_) => Text {
            text: Cow::Owned(inner.to_owned()),
            lossy: true,
        },
    }
}

/// An ID as it appeared in an ID list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RawId<'a> {
    /// A JSON string (decoded).
    Str(Text<'a>),
    /// A JSON number, as written.
    Number(&'a str),
    /// Anything else (`null`, `true`, an object…), as written.
    Other(&'a str),
}

fn raw_id(raw: &RawValue) -> RawId<'_> {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'"') => RawId::Str(decode_string(text)),
        Some(b'-' | b'0'..=b'9') => RawId::Number(text),
        _ => RawId::Other(text),
    }
}

/// An object in an `errors` array, a Gnip `error`, or a problem-details body:
/// the fields any of them may carry, each kept as its raw JSON (any type), the
/// first of a repeated field used, unknown fields skipped. Reading it never fails
/// on a field's type, so a wrong-typed field cannot cost the rest of the body.
#[derive(Debug, Default)]
pub(crate) struct ObjectEntry<'a> {
    pub(crate) message: Option<&'a RawValue>,
    pub(crate) code: Option<&'a RawValue>,
    pub(crate) title: Option<&'a RawValue>,
    pub(crate) detail: Option<&'a RawValue>,
    pub(crate) problem_type: Option<&'a RawValue>,
    pub(crate) status: Option<&'a RawValue>,
}

impl<'de: 'a, 'a> Deserialize<'de> for ObjectEntry<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = ObjectEntry<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut object = ObjectEntry::default();
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    let slot = match key.text.as_ref() {
                        "message" => &mut object.message,
                        "code" => &mut object.code,
                        "title" => &mut object.title,
                        "detail" => &mut object.detail,
                        "type" => &mut object.problem_type,
                        "status" => &mut object.status,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    let raw: &'de RawValue = map.next_value()?;
                    slot.get_or_insert(raw);
                }
                Ok(object)
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// The decoded text of a raw JSON value when it is a string.
pub(crate) fn string_value(raw: Option<&RawValue>) -> Option<Text<'_>> {
    raw.filter(|raw| raw.get().starts_with('"'))
        .map(|raw| decode_string(raw.get()))
}

/// One entry of a message list.
#[derive(Debug)]
pub(crate) enum Entry<'a> {
    /// A message string.
    Text(Text<'a>),
    /// An object (v1.1 error, v2 error, Gnip error), with its JSON text.
    Object(ObjectEntry<'a>, &'a str),
    /// Any other JSON value, as written.
    Other(&'a str),
}

pub(crate) fn entry(raw: &RawValue) -> Entry<'_> {
    entry_from_str(raw.get())
}

/// Reads one entry from its JSON text.
pub(crate) fn entry_from_str(text: &str) -> Entry<'_> {
    match text.as_bytes().first() {
        Some(b'"') => Entry::Text(decode_string(text)),
        Some(b'{') => match serde_json::from_str::<ObjectEntry<'_>>(text) {
            Ok(object) => Entry::Object(object, text),
            Err(_) => Entry::Other(text),
        },
        _ => Entry::Other(text),
    }
}

/// The problem-details and Gnip keys of a top-level object.
#[derive(Debug, Default)]
pub(crate) struct TopFields<'a> {
    pub(crate) title: Option<&'a RawValue>,
    pub(crate) problem_type: Option<&'a RawValue>,
    pub(crate) status: Option<&'a RawValue>,
    pub(crate) detail: Option<&'a RawValue>,
    pub(crate) error: Option<&'a RawValue>,
}

/// What the JSON top level turned out to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum TopLevel {
    #[default]
    Unknown,
    Object,
    Array,
    String,
    Scalar,
}

/// Everything read from a JSON body, in body order.
#[derive(Debug)]
pub(crate) struct Collected<'a> {
    pub(crate) top: TopLevel,
    /// Whether an `errors` key was present.
    pub(crate) has_errors_key: bool,
    /// The three ID lists: whether the key was present, and its entries.
    /// Each ID is checked and kept once as it is read.
    pub(crate) side: [(bool, UniqueIds<'a>); 3],
    /// How many entries each ID list had, duplicates included.
    side_seen: [usize; 3],
    pub(crate) start: Option<Text<'a>>,
    pub(crate) end: Option<Text<'a>>,
    pub(crate) fields: TopFields<'a>,
    /// Names of the other top-level keys, in order (the data groupings, plus any
    /// problem-details keys, sorted out once the shape is known).
    pub(crate) other_keys: Vec<Text<'a>>,
    /// Records made from message entries (in `errors`, a top-level array or a
    /// top-level string) as they are read, and the findings so far.
    pub(crate) sink: Sink<'a>,
}

impl<'a> Collected<'a> {
    pub(crate) fn new(status: Option<u16>) -> Collected<'a> {
        Collected {
            top: TopLevel::Unknown,
            has_errors_key: false,
            side: Default::default(),
            side_seen: [0; 3],
            start: None,
            end: None,
            fields: TopFields::default(),
            other_keys: Vec::new(),
            sink: Sink::new(status),
        }
    }

    /// Reads `json` into `self`; on a syntax error, what was read before it stays.
    pub(crate) fn read(&mut self, json: &'a [u8]) -> Result<(), serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        Top(self).deserialize(&mut deserializer)?;
        deserializer.end()
    }

    fn duplicate(&mut self, key: &str, kept: &str) {
        self.sink.findings.push(Finding::new(
            Severity::Warning,
            FindingCode::DuplicateKey,
            format!("key '{}' appears more than once; {kept}", Clip(key)),
            Some(format!("$.{key}")),
        ));
    }

    /// Reads one ID of a list: `id_not_string`, `invalid_id` and `duplicate_id`
    /// findings as they apply; each ID kept once.
    fn push_id(&mut self, key: SideKey, loc: Loc, raw: RawId<'a>) {
        self.side_seen[key.index()] += 1;
        let id = match raw {
            RawId::Str(text) => Id::parse(self.sink.text(text, loc)),
            RawId::Number(number) => {
                self.sink.finding(
                    Severity::Error,
                    FindingCode::IdNotString,
                    &format!("Tweet ID {} is a JSON number, not a string", Clip(number)),
                    loc.at(),
                );
                Id::parse(number)
            }
            RawId::Other(other) => Id::Invalid(Cow::Borrowed(other)),
        };
        let ids = &mut self.side[key.index()].1;
        check_id(id, ids, loc, "listed", &mut self.sink.findings);
    }

    /// A body that is one JSON string: read as one message, with a finding.
    fn root_string(&mut self, text: Cow<'a, str>) {
        self.top = TopLevel::String;
        self.sink.finding(
            Severity::Warning,
            FindingCode::UnexpectedValue,
            "body is a bare JSON string, not an object; read as one message",
            None,
        );
        self.sink.message(text, Loc::Root);
    }

    fn unexpected(&mut self, loc: Loc, what: &str) {
        self.sink.findings.push(Finding::new(
            Severity::Error,
            FindingCode::UnexpectedValue,
            what.to_owned(),
            loc.at(),
        ));
    }
}

struct Top<'c, 'a>(&'c mut Collected<'a>);

impl<'de> DeserializeSeed<'de> for Top<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let c = self.0;
        c.top = TopLevel::Object;
        while let Some(key) = map.next_key::<Text<'de>>()? {
            match key.text.as_ref() {
                "errors" => {
                    if c.has_errors_key {
                        c.duplicate("errors", "every value was kept");
                    }
                    c.has_errors_key = true;
                    map.next_value_seed(Errors(c))?;
                }
                "start" | "end" => {
                    let raw: &'de RawValue = map.next_value()?;
                    let is_start = key.text == "start";
                    let name = if is_start { "start" } else { "end" };
                    let slot = if is_start { &mut c.start } else { &mut c.end };
                    let already = slot.is_some();
                    if raw.get().starts_with('"') {
                        if slot.is_none() {
                            *slot = Some(decode_string(raw.get()));
                        }
                    } else {
                        c.unexpected(Loc::Key(name), &format!("'{name}' is not a string"));
                    }
                    if already {
                        c.duplicate(name, "the first value was used");
                    }
                }
                "title" | "type" | "status" | "detail" | "error" => {
                    let raw: &'de RawValue = map.next_value()?;
                    let fields = &mut c.fields;
                    let slot = match key.text.as_ref() {
                        "title" => &mut fields.title,
                        "type" => &mut fields.problem_type,
                        "status" => &mut fields.status,
                        "detail" => &mut fields.detail,
                        _ => &mut fields.error,
                    };
                    if slot.is_none() {
                        *slot = Some(raw);
                        // A grouping of that name, unless the shape uses the field.
                        if raw.get().starts_with('{') {
                            c.other_keys.push(key);
                        }
                    } else {
                        c.duplicate(&key.text, "the first value was used");
                    }
                }
                name => match SideKey::from_name(name) {
                    Some(side) => {
                        if c.side[side.index()].0 {
                            c.duplicate(side.name(), "every value was kept");
                        }
                        c.side[side.index()].0 = true;
                        map.next_value_seed(Ids(c, side))?;
                    }
                    None => {
                        // Any other key is a data grouping, its value skipped
                        // unread (checking even its type would cost a pass over
                        // its entries). Listed before the skip, so a grouping cut
                        // off by a truncation is still named.
                        c.other_keys.push(key);
                        map.next_value::<IgnoredAny>()?;
                    }
                },
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let c = self.0;
        c.top = TopLevel::Array;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            let loc = Loc::Top(c.sink.entries);
            c.sink.entry(entry(raw), loc);
        }
        Ok(())
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.0.root_string(Cow::Borrowed(v));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.0.root_string(Cow::Owned(v.to_owned()));
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.0.top = TopLevel::Scalar;
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.0.top = TopLevel::Scalar;
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.0.top = TopLevel::Scalar;
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.0.top = TopLevel::Scalar;
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.top = TopLevel::Scalar;
        Ok(())
    }
}

/// The value of `errors`: normally an array; a lone string or object is kept as
/// one entry (with a finding), anything else is reported.
struct Errors<'c, 'a>(&'c mut Collected<'a>);

impl<'de> DeserializeSeed<'de> for Errors<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let c = self.0;
        // Arrays are read element by element, so a truncated body keeps what came
        // before the cut; any other value is read whole.
        struct ErrorsVisitor<'c, 'a>(&'c mut Collected<'a>);
        impl<'de> Visitor<'de> for ErrorsVisitor<'_, 'de> {
            type Value = Option<&'de RawValue>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of messages")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let c = self.0;
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    let loc = Loc::Errors(c.sink.entries);
                    c.sink.entry(entry(raw), loc);
                }
                Ok(None)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let object = ObjectEntry::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let c = self.0;
                c.unexpected(Loc::ErrorsValue, "'errors' is an object, not an array");
                c.sink.entry(Entry::Object(object, ""), Loc::ErrorsValue);
                Ok(None)
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                let c = self.0;
                c.unexpected(Loc::ErrorsValue, "'errors' is a string, not an array");
                let text = Text {
                    text: Cow::Borrowed(v),
                    lossy: false,
                };
                c.sink.entry(Entry::Text(text), Loc::ErrorsValue);
                Ok(None)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                let c = self.0;
                c.unexpected(Loc::ErrorsValue, "'errors' is a string, not an array");
                let text = Text {
                    text: Cow::Owned(v.to_owned()),
                    lossy: false,
                };
                c.sink.entry(Entry::Text(text), Loc::ErrorsValue);
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                self.0
                    .unexpected(Loc::ErrorsValue, "'errors' is null, not an array");
                Ok(None)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                self.scalar(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                self.scalar(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                self.scalar(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                self.scalar(&v.to_string())
            }
        }
        impl ErrorsVisitor<'_, '_> {
            fn scalar<E>(self, text: &str) -> Result<Option<&'static RawValue>, E> {
                self.0.unexpected(
                    Loc::ErrorsValue,
                    &format!("'errors' is {text}, not an array of messages"),
                );
                Ok(None)
            }
        }
        deserializer.deserialize_any(ErrorsVisitor(c)).map(|_| ())
    }
}

/// The value of an ID-list key: normally an array of strings.
struct Ids<'c, 'a>(&'c mut Collected<'a>, SideKey);

impl<'de> DeserializeSeed<'de> for Ids<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        struct IdsVisitor<'c, 'a>(&'c mut Collected<'a>, SideKey);
        impl<'de> Visitor<'de> for IdsVisitor<'_, 'de> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of Tweet IDs")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                let IdsVisitor(c, key) = self;
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    let loc = Loc::Id(key, c.side_seen[key.index()]);
                    c.push_id(key, loc, raw_id(raw));
                }
                Ok(())
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
                let IdsVisitor(c, key) = self;
                c.unexpected(
                    Loc::SideValue(key),
                    &format!("'{}' is a string, not an array; read as one ID", key.name()),
                );
                let text = Text {
                    text: Cow::Borrowed(v),
                    lossy: false,
                };
                c.push_id(key, Loc::SideValue(key), RawId::Str(text));
                Ok(())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
                let IdsVisitor(c, key) = self;
                c.unexpected(
                    Loc::SideValue(key),
                    &format!("'{}' is a string, not an array; read as one ID", key.name()),
                );
                let text = Text {
                    text: Cow::Owned(v.to_owned()),
                    lossy: false,
                };
                c.push_id(key, Loc::SideValue(key), RawId::Str(text));
                Ok(())
            }
            fn visit_unit<E: de::Error>(self) -> Result<(), E> {
                self.other("null")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
                self.other("a boolean")
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
                self.other("a number")
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
                self.other("a number")
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
                self.other("a number")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                self.other("an object")
            }
        }
        impl IdsVisitor<'_, '_> {
            fn other<E>(self, what: &str) -> Result<(), E> {
                let IdsVisitor(c, key) = self;
                c.unexpected(
                    Loc::SideValue(key),
                    &format!("'{}' is {what}, not an array of IDs", key.name()),
                );
                Ok(())
            }
        }
        deserializer.deserialize_any(IdsVisitor(self.0, self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Collected<'_> {
        let mut collected = Collected::new(None);
        collected.read(json.as_bytes()).unwrap();
        collected
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let text = decode_string(r#""3 Tweet ID(s) are unavailable""#);
        assert!(matches!(
            text.text,
            Cow::Borrowed("3 Tweet ID(s) are unavailable")
        ));
        assert!(!text.lossy);
    }

    #[test]
    fn escaped_ampersand_is_decoded() {
        let text = decode_string(r#""a \u0026 b""#);
        assert_eq!(text.text, "a & b");
        assert!(matches!(text.text, Cow::Owned(_)));
    }

    #[test]
    fn lone_surrogate_is_replaced_not_fatal() {
        let text = decode_string(r#""bad \ud800 here""#);
        assert!(text.lossy);
        assert!(text.text.starts_with("bad "), "{:?}", text.text);
        assert!(text.text.ends_with(" here"), "{:?}", text.text);
        assert!(text.text.contains('\u{fffd}'));
    }

    #[test]
    fn unknown_keys_are_grouping_names_in_order() {
        let c = read(r#"{"b":{"x":[1,{"y":2}]},"errors":[],"a":{},"s":"x","status":500}"#);
        let names: Vec<_> = c.other_keys.iter().map(|k| k.text.as_ref()).collect();
        // Unknown keys are groupings whatever their value; `status` is one only
        // when it holds an object.
        assert_eq!(names, ["b", "a", "s"]);
    }

    #[test]
    fn entries_before_a_truncation_survive() {
        let mut c = Collected::new(None);
        let body = br#"{"errors":["internal server error","Rate limit exceeded","#;
        assert!(c.read(body).is_err());
        assert_eq!(c.sink.entries, 2);
    }

    #[test]
    fn duplicate_errors_keys_keep_both() {
        let c = read(r#"{"errors":["a"],"errors":["b"]}"#);
        assert_eq!(c.sink.entries, 2);
        let codes: Vec<_> = c.sink.findings.iter().map(|f| f.code).collect();
        assert!(codes.contains(&FindingCode::DuplicateKey), "{codes:?}");
    }
}
