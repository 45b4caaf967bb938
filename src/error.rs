//! The core's typed errors. Every way input can be bad has its own variant and a message that
//! says what to fix; none of them is a panic.

use core::fmt;

/// A field of the event record schema v1 (see SCHEMA.md), named in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Field {
    Id,
    Time,
    Kind,
    Severity,
    Urgency,
    Certainty,
    Actor,
    Action,
    Object,
    Place,
    Relation,
    Region,
    Magnitude,
    Unit,
    Until,
    Headline,
    Text,
    Source,
    Url,
    Msg,
    Refs,
    Expires,
}

impl Field {
    /// Every field, in schema order.
    pub const ALL: [Field; 22] = [
        Field::Id,
        Field::Time,
        Field::Kind,
        Field::Severity,
        Field::Urgency,
        Field::Certainty,
        Field::Actor,
        Field::Action,
        Field::Object,
        Field::Place,
        Field::Relation,
        Field::Region,
        Field::Magnitude,
        Field::Unit,
        Field::Until,
        Field::Headline,
        Field::Text,
        Field::Source,
        Field::Url,
        Field::Msg,
        Field::Refs,
        Field::Expires,
    ];

    /// The JSON key of the field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Time => "time",
            Field::Kind => "kind",
            Field::Severity => "severity",
            Field::Urgency => "urgency",
            Field::Certainty => "certainty",
            Field::Actor => "actor",
            Field::Action => "action",
            Field::Object => "object",
            Field::Place => "place",
            Field::Relation => "relation",
            Field::Region => "region",
            Field::Magnitude => "magnitude",
            Field::Unit => "unit",
            Field::Until => "until",
            Field::Headline => "headline",
            Field::Text => "text",
            Field::Source => "source",
            Field::Url => "url",
            Field::Msg => "msg",
            Field::Refs => "refs",
            Field::Expires => "expires",
        }
    }

    /// The field whose JSON key is `key`, if the schema has one.
    pub fn from_key(key: &str) -> Option<Field> {
        // By length, then the bytes as an array: a match on array patterns compiles to a
        // decision tree on single bytes, where a match on strings called `memcmp` once per
        // candidate of the key's length (about 850 guest instructions for the drone record's
        // 13 keys on the Cortex-M3). Every key is listed once, checked by
        // `every_field_is_found_by_its_key`.
        fn bytes<const L: usize>(key: &[u8]) -> [u8; L] {
            <[u8; L]>::try_from(key).unwrap_or([0; L])
        }
        let key = key.as_bytes();
        Some(match key.len() {
            2 => match bytes(key) {
                [b'i', b'd'] => Field::Id,
                _ => return None,
            },
            3 => match &bytes(key) {
                b"msg" => Field::Msg,
                b"url" => Field::Url,
                _ => return None,
            },
            4 => match &bytes(key) {
                b"time" => Field::Time,
                b"kind" => Field::Kind,
                b"unit" => Field::Unit,
                b"text" => Field::Text,
                b"refs" => Field::Refs,
                _ => return None,
            },
            5 => match &bytes(key) {
                b"actor" => Field::Actor,
                b"place" => Field::Place,
                b"until" => Field::Until,
                _ => return None,
            },
            6 => match &bytes(key) {
                b"action" => Field::Action,
                b"object" => Field::Object,
                b"region" => Field::Region,
                b"source" => Field::Source,
                _ => return None,
            },
            7 => match &bytes(key) {
                b"urgency" => Field::Urgency,
                b"expires" => Field::Expires,
                _ => return None,
            },
            8 => match &bytes(key) {
                b"severity" => Field::Severity,
                b"relation" => Field::Relation,
                b"headline" => Field::Headline,
                _ => return None,
            },
            9 => match &bytes(key) {
                b"certainty" => Field::Certainty,
                b"magnitude" => Field::Magnitude,
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// Why the JSON itself could not be read (as opposed to a well-formed record with a bad value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum JsonReason {
    /// The input ended inside a value: a truncated line.
    Truncated,
    /// A character that cannot start or continue a JSON value here.
    Syntax,
    /// A number that is not a JSON number or does not fit its field.
    Number,
    /// A `\` escape that JSON does not define, or a bad `\u` code point.
    Escape,
    /// Bytes that are not UTF-8 inside a string.
    Utf8,
    /// Something after the closing `}` of the record.
    TrailingCharacters,
    /// A comma before a closing `}` or `]`.
    TrailingComma,
}

impl JsonReason {
    fn describe(self) -> &'static str {
        match self {
            JsonReason::Truncated => "input ends inside a value (truncated line?)",
            JsonReason::Syntax => "unexpected character",
            JsonReason::Number => "malformed or out-of-range number",
            JsonReason::Escape => "invalid escape sequence",
            JsonReason::Utf8 => "string is not valid UTF-8",
            JsonReason::TrailingCharacters => "characters after the end of the record",
            JsonReason::TrailingComma => "trailing comma",
        }
    }
}

/// Everything that can go wrong between raw bytes and a digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Error {
    /// The JSON could not be read. `at` is a byte offset at or before the fault (the start of the
    /// key being read when it is known), `field` the schema field being read, if any.
    Json {
        reason: JsonReason,
        at: usize,
        field: Option<Field>,
    },
    /// The record is longer than [`crate::MAX_RECORD_BYTES`].
    RecordTooLong { len: usize, max: usize },
    /// Arrays or objects nest deeper than [`crate::record::MAX_DEPTH`]; `at` is where.
    TooDeep { at: usize },
    /// The input is not a JSON object (`{...}`).
    NotAnObject,
    /// The same key appears twice, so which one was meant is unknowable.
    DuplicateField(Field),
    /// `id` is absent or empty: a digest needs a stable identity.
    MissingId,
    /// A field is longer than its limit (bytes after unescaping).
    FieldTooLong {
        field: Field,
        len: usize,
        max: usize,
    },
    /// A field holds the wrong JSON type, e.g. an object where a string belongs.
    WrongType {
        field: Field,
        expected: &'static str,
    },
    /// A time field is neither RFC 3339 nor integer unix seconds.
    BadTime(Field),
    /// An enumerated field holds a word outside its vocabulary (see SCHEMA.md).
    BadWord(Field),
    /// `severity` is a number outside 0–4.
    BadSeverityLevel,
    /// `magnitude` is not a plain decimal (no exponent) in the accepted range.
    BadMagnitude,
    /// More than [`crate::record::MAX_REFS`] references.
    TooManyRefs,
    /// The scratch buffer for unescaped strings is too small for this record.
    ScratchTooSmall,
    /// A budget outside [`crate::MIN_BUDGET`]..=[`crate::MAX_BUDGET`], or over the digest's capacity.
    BadBudget { budget: usize },
    /// The record has nothing to condense: no structured event, headline or text.
    NothingToCondense,
    /// Not even one whole word of any candidate fits the budget; cutting inside a word is refused.
    DoesNotFit,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::Json { reason, at, field } => {
                write!(f, "invalid JSON at byte {at}")?;
                if let Some(field) = field {
                    write!(f, " (in `{}`)", field.as_str())?;
                }
                write!(f, ": {}", reason.describe())
            }
            Error::RecordTooLong { len, max } => {
                write!(f, "record is {len} bytes, over the {max}-byte limit")
            }
            Error::TooDeep { at } => write!(f, "JSON nests too deeply at byte {at}"),
            Error::NotAnObject => f.write_str("record is not a JSON object"),
            Error::DuplicateField(field) => write!(f, "field `{}` appears twice", field.as_str()),
            Error::MissingId => f.write_str("missing or empty `id`"),
            Error::FieldTooLong { field, len, max } => write!(
                f,
                "`{}` is {len} bytes, over its {max}-byte limit",
                field.as_str()
            ),
            Error::WrongType { field, expected } => {
                write!(f, "`{}` must be {expected}", field.as_str())
            }
            Error::BadTime(field) => write!(
                f,
                "`{}` is not an RFC 3339 time or integer unix seconds",
                field.as_str()
            ),
            Error::BadWord(field) => write!(
                f,
                "`{}` holds a word outside its vocabulary (see SCHEMA.md)",
                field.as_str()
            ),
            Error::BadSeverityLevel => f.write_str("`severity` number must be 0 to 4"),
            Error::BadMagnitude => {
                f.write_str("`magnitude` must be a finite number from -10 to 100")
            }
            Error::TooManyRefs => f.write_str("`refs` has too many entries"),
            Error::ScratchTooSmall => {
                f.write_str("scratch buffer too small to unescape the record")
            }
            Error::BadBudget { budget } => {
                write!(f, "budget {budget} is outside the allowed range")
            }
            Error::NothingToCondense => {
                f.write_str("nothing to condense: no actor/action/object, headline or text")
            }
            Error::DoesNotFit => f.write_str("not even one whole word fits the budget"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_found_by_its_key() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.as_str()), Some(field));
        }
        assert_eq!(Field::from_key("Id"), None);
        assert_eq!(Field::from_key("description"), None);
        // A key differing from a field's in one byte, at either end, or one byte longer or
        // shorter, is none.
        for field in Field::ALL {
            let key = field.as_str();
            for i in 0..key.len() {
                let mut near = std::string::String::from(key);
                near.replace_range(i..=i, "_");
                assert_eq!(Field::from_key(&near), None, "{near}");
            }
            assert_eq!(Field::from_key(&std::format!("{key}s")), None);
            assert_eq!(Field::from_key(&key[..key.len() - 1]), None);
        }
        assert_eq!(Field::from_key(""), None);
    }
}
