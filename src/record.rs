//! Event record schema v1 (SCHEMA.md): one flat JSON object, parsed zero-copy with
//! serde-json-core.
//!
//! Strings are borrowed from the input. serde-json-core hands them over still escaped, so a
//! string that holds a `\` escape is unescaped into the caller's scratch buffer, and only then.
//! Fields that may be a string or a number (`time`, `severity`, `magnitude`, …) cannot be read
//! with `deserialize_any`, which serde-json-core does not support; they are read as "a string,
//! or a scalar at byte N", and the scalar's literal is read from the input afterwards.

use core::str::FromStr;

use heapless::Vec;
use serde::de::{self, DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json_core::str::{EscapedStr, EscapedStringFragment};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::error::{Error, Field, JsonReason};
use crate::vocab::{Certainty, Kind, MsgType, Relation, Severity, Urgency};

/// Longest record accepted, in bytes. The largest line of real feed properties we have seen
/// (NWS alerts, 2.9 KB with a full description) fits, and a board can still hold one in RAM.
pub const MAX_RECORD_BYTES: usize = 4096;
/// Deepest nesting of arrays and objects. The schema itself is flat, but unknown fields may hold
/// nested values (GeoJSON geometry, NWS geocode) and serde-json-core skips them by recursion, so
/// this bounds the stack a hostile record can make it use.
pub const MAX_DEPTH: usize = 16;
/// `id`: NWS/CAP identifiers (`urn:oid:2.49.0.1.840.0.…`) run to about 80 bytes.
pub const MAX_ID_BYTES: usize = 128;
/// `actor`, `object`, `place`, `region`, `source`: names and short noun phrases. Anything longer
/// is prose, which belongs in `text`.
pub const MAX_NAME_BYTES: usize = 96;
/// `action`: a verb phrase ("downed", "negotiating with").
pub const MAX_ACTION_BYTES: usize = 48;
/// `headline`: CAP suggests 160 characters; NWS headlines reach about 200 bytes.
pub const MAX_HEADLINE_BYTES: usize = 256;
/// `url`: long enough for real article links with tracking parameters.
pub const MAX_URL_BYTES: usize = 512;
/// Enumerated words, units and time strings: the longest RFC 3339 form with nanoseconds and an
/// offset is 35 bytes.
pub const MAX_WORD_BYTES: usize = 40;
/// `refs`: the earlier messages an update or cancel refers to. NWS chains rarely pass 8, and each
/// costs 4 bytes in every digest.
pub const MAX_REFS: usize = 8;
/// One reference: an id, or a CAP `sender,identifier,sent` triple.
pub const MAX_REF_BYTES: usize = 192;
/// The accepted magnitude range, in whole units: quake scales stop below 10; other units (km,
/// mm, acres) are given room but not without limit, so a typo like 1000000000 is refused.
const MAGNITUDE_MIN: u64 = 10;
const MAGNITUDE_MAX: u64 = 1_000_000;
/// Unix seconds accepted: years 0001 to 9999, the range RFC 3339 can write.
const UNIX_RANGE: core::ops::RangeInclusive<i64> = -62_135_596_800..=253_402_300_799;

/// A point in time: unix seconds, and the UTC offset it was written in (so "til 4:45 PM" can be
/// shown in the issuer's local time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Timestamp {
    pub unix: i64,
    pub offset_seconds: i32,
}

/// A magnitude exactly as written in the record ("5.85"): a plain decimal, so it is rounded in
/// decimal the way the source does, never through binary floating point (and the core needs no
/// float parsing or formatting code, about 17 KB of a board's flash).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Magnitude<'a> {
    literal: &'a str,
}

impl<'a> Magnitude<'a> {
    /// A magnitude from its literal: `-?digits(.digits)?`, within the accepted range.
    pub fn parse(literal: &'a str) -> Option<Self> {
        let digits = literal.strip_prefix('-').unwrap_or(literal);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !plain(int)
            || !plain(frac)
            || (digits.contains('.') && frac.is_empty())
        {
            return None;
        }
        let whole = int.trim_start_matches('0');
        let max = if digits.len() < literal.len() {
            MAGNITUDE_MIN
        } else {
            MAGNITUDE_MAX
        };
        // More than seven digits is over any limit (and would overflow nothing, but is a typo).
        let value: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok().filter(|_| whole.len() <= 7)?
        };
        let over = value > max || (value == max && frac.bytes().any(|b| b != b'0'));
        (!over).then_some(Magnitude { literal })
    }

    /// As written.
    pub fn literal(&self) -> &'a str {
        self.literal
    }

    /// Below zero: a minus sign and some non-zero digit ("-0.03" is; "-0" is not).
    pub fn is_negative(&self) -> bool {
        self.literal.starts_with('-') && self.literal.bytes().any(|b| matches!(b, b'1'..=b'9'))
    }

    /// The absolute value in tenths, rounded half away from zero in decimal ("4.35" -> 44).
    pub fn tenths(&self) -> u64 {
        let digits = self.literal.trim_start_matches('-');
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let mut frac = frac.bytes().map(|b| u64::from(b.wrapping_sub(b'0')));
        // `parse` bounded the whole part, so this cannot overflow.
        let whole: u64 = int.parse().unwrap_or(0);
        let tenths = whole
            .saturating_mul(10)
            .saturating_add(frac.next().unwrap_or(0));
        tenths.saturating_add(u64::from(frac.next().unwrap_or(0) >= 5))
    }
}

/// One event record, borrowing its strings from the input or the scratch buffer.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EventRecord<'a> {
    pub id: &'a str,
    pub time: Option<Timestamp>,
    pub kind: Kind,
    pub severity: Severity,
    pub urgency: Urgency,
    pub certainty: Certainty,
    pub actor: Option<&'a str>,
    pub action: Option<&'a str>,
    pub object: Option<&'a str>,
    pub place: Option<&'a str>,
    pub relation: Option<Relation>,
    pub region: Option<&'a str>,
    pub magnitude: Option<Magnitude<'a>>,
    pub unit: Option<&'a str>,
    pub until: Option<Timestamp>,
    pub headline: Option<&'a str>,
    pub text: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub msg: MsgType,
    pub refs: Vec<&'a str, MAX_REFS>,
    pub expires: Option<Timestamp>,
}

impl<'a> EventRecord<'a> {
    /// When the record stops being news: the earlier of `until` and `expires`.
    pub fn end(&self) -> Option<Timestamp> {
        match (self.until, self.expires) {
            (Some(a), Some(b)) => Some(if b.unix < a.unix { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// Parses one record. `scratch` receives the unescaped copies of strings that contain `\`
/// escapes; a buffer as long as the record always suffices.
///
/// serde-json-core reads the record first, with unknown values nested at most [`MAX_DEPTH`]
/// deep (bounding its recursion); the pre-scan of the nesting ([`check_structure`]) runs only
/// when that pass fails or meets what only the pre-scan can vouch for (see [`Context::unsure`]).
/// The pre-scan took a fifth of a record's parse on the Cortex-M3 (the seed's drone: 13,820 ->
/// 11,400 guest instructions without it), and a well-formed flat record does not need it: its
/// strings, brackets and end are where serde-json-core found them. A
/// record the pass refuses is parsed again as before, pre-scan first, so every malformed record
/// gets the same error whichever check would have caught it first.
pub fn parse_record<'a>(json: &'a [u8], scratch: &'a mut [u8]) -> Result<EventRecord<'a>, Error> {
    if json.len() > MAX_RECORD_BYTES {
        return Err(Error::RecordTooLong {
            len: json.len(),
            max: MAX_RECORD_BYTES,
        });
    }
    let mut ctx = Context::default();
    let mut raw = RawRecord::default();
    let Ok(ends_cleanly) = read(json, &mut raw, &mut ctx) else {
        return parse_pre_scanned(json, scratch);
    };
    let structure = match ctx.unsure {
        true => Some(check_structure(json)?),
        false => None,
    };
    if !ends_cleanly {
        let end = match structure {
            Some(s) => s.end,
            None => check_structure(json)?.end,
        };
        return Err(trailing_characters(end));
    }
    // Only a hint (a field is searched for escapes only when the record may hold one), so a
    // backslash anywhere will do; one search of the record costs less than one per field.
    let escapes = match structure {
        Some(s) => s.escapes,
        None => memchr::memchr(b'\\', json).is_some(),
    };
    Validator {
        json,
        raw: &raw,
        arena: Arena {
            free: scratch,
            escapes,
        },
    }
    .record()
}

/// [`parse_record`] in the order of its checks: the pre-scan, then serde-json-core's pass
/// (unbounded: the pre-scan has bounded the nesting), then validation.
fn parse_pre_scanned<'a>(json: &'a [u8], scratch: &'a mut [u8]) -> Result<EventRecord<'a>, Error> {
    let Structure { end, escapes } = check_structure(json)?;
    let mut ctx = Context {
        pre_scanned: true,
        ..Context::default()
    };
    let mut raw = RawRecord::default();
    if !read(json, &mut raw, &mut ctx).map_err(|e| json_error(e, &ctx))? {
        return Err(trailing_characters(end));
    }
    Validator {
        json,
        raw: &raw,
        arena: Arena {
            free: scratch,
            escapes,
        },
    }
    .record()
}

/// serde-json-core's pass over the record into `raw`: whether only whitespace follows the
/// object, or what it refused.
fn read<'a>(
    json: &'a [u8],
    raw: &mut RawRecord<'a>,
    ctx: &mut Context,
) -> Result<bool, serde_json_core::de::Error> {
    let mut de = serde_json_core::de::Deserializer::new(json, None);
    RecordSeed { json, ctx, raw }.deserialize(&mut de)?;
    Ok(de.end().is_ok())
}

fn trailing_characters(end: usize) -> Error {
    Error::Json {
        reason: JsonReason::TrailingCharacters,
        at: end,
        field: None,
    }
}

/// What [`check_structure`] found.
struct Structure {
    /// The offset just past the closing `}`.
    end: usize,
    /// Whether any string holds a `\` escape: when none does, no field is searched for one.
    escapes: bool,
}

/// Checks that the input is one object nested at most [`MAX_DEPTH`] deep, reading strings and
/// brackets as JSON does (serde-json-core reads any bytes up to a delimiter as a scalar).
fn check_structure(json: &[u8]) -> Result<Structure, Error> {
    match json.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        _ => return Err(Error::NotAnObject),
    }
    let mut depth = 0usize;
    let mut at = 0usize;
    let mut escapes = false;
    while let Some(&b) = json.get(at) {
        match b {
            b'"' => at = string_end(json, at.saturating_add(1), &mut escapes)?,
            b'{' | b'[' => {
                depth = depth.saturating_add(1);
                if depth > MAX_DEPTH {
                    return Err(Error::TooDeep { at });
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(Structure {
                        end: at.saturating_add(1),
                        escapes,
                    });
                }
            }
            _ => {}
        }
        at = at.saturating_add(1);
    }
    Err(truncated(json))
}

/// The offset of the `"` that closes the string whose body starts at `from`; sets `escapes`
/// when the string holds one.
fn string_end(json: &[u8], mut from: usize, escapes: &mut bool) -> Result<usize, Error> {
    loop {
        let rest = json.get(from..).ok_or_else(|| truncated(json))?;
        let found = memchr::memchr2(b'"', b'\\', rest).ok_or_else(|| truncated(json))?;
        let at = from.saturating_add(found);
        match json.get(at) {
            // An escape: skip the backslash and the byte it escapes.
            Some(b'\\') => {
                *escapes = true;
                from = at.saturating_add(2);
            }
            _ => return Ok(at),
        }
    }
}

fn truncated(json: &[u8]) -> Error {
    Error::Json {
        reason: JsonReason::Truncated,
        at: json.len(),
        field: None,
    }
}

/// What the serde pass knew when it failed.
#[derive(Default)]
struct Context {
    /// The schema field whose value was being read.
    field: Option<Field>,
    /// Offset of the key being read.
    at: usize,
    /// A precise error a visitor found (serde-json-core can only carry a generic one).
    detail: Option<Error>,
    /// Whether [`check_structure`] has run: the pass then skips unknown values at any depth,
    /// as serde's `IgnoredAny` does.
    pre_scanned: bool,
    /// Whether the pass met something [`check_structure`] might read otherwise: a list or
    /// object in an unknown field (whose scalars the pass does not look at), or a scalar
    /// holding a `"`, `[` or `{` (serde-json-core takes any bytes up to a delimiter as one,
    /// the pre-scan would see a string or a nesting there).
    unsure: bool,
}

fn json_error(e: serde_json_core::de::Error, ctx: &Context) -> Error {
    use serde_json_core::de::Error as E;
    if let Some(detail) = ctx.detail {
        return detail;
    }
    let reason = match e {
        E::EofWhileParsingList
        | E::EofWhileParsingObject
        | E::EofWhileParsingString
        | E::EofWhileParsingNumber
        | E::EofWhileParsingValue => JsonReason::Truncated,
        E::InvalidNumber => JsonReason::Number,
        E::InvalidUnicodeCodePoint => JsonReason::Utf8,
        E::InvalidEscapeSequence => JsonReason::Escape,
        E::TrailingCharacters => JsonReason::TrailingCharacters,
        E::TrailingComma => JsonReason::TrailingComma,
        E::InvalidType | E::CustomError => match ctx.field {
            Some(field) => {
                return Error::WrongType {
                    field,
                    expected: expected_type(field),
                };
            }
            None => JsonReason::Syntax,
        },
        _ => JsonReason::Syntax,
    };
    Error::Json {
        reason,
        at: ctx.at,
        field: ctx.field,
    }
}

fn expected_type(field: Field) -> &'static str {
    match field {
        Field::Time | Field::Until | Field::Expires => "an RFC 3339 string or unix seconds",
        Field::Severity => "a CAP severity word or a number 0-4",
        Field::Magnitude => "a number",
        Field::Refs => "a string or a list of strings",
        _ => "a string",
    }
}

/// A field's value as the serde pass saw it, before validation. Kept small (two words): a
/// record holds one per field.
#[derive(Clone, Copy, Debug)]
enum RawValue<'a> {
    /// A string, still escaped.
    Str(&'a str),
    /// A number, `true`, `false` or `null`, whose literal follows the key that ends at `key_end`.
    Scalar { key_end: usize },
    /// A list of strings, kept in [`RawRecord::list`] (only `refs` may be one).
    List,
}

#[derive(Default)]
struct RawRecord<'a> {
    values: [Option<RawValue<'a>>; Field::ALL.len()],
    /// The strings of the record's list value, still escaped.
    list: Vec<&'a str, MAX_REFS>,
}

impl<'a> RawRecord<'a> {
    fn get(&self, field: Field) -> Option<&RawValue<'a>> {
        self.values.get(field as usize).and_then(Option::as_ref)
    }
}

/// Reads the record's fields into `raw`, in place: a [`RawRecord`] is over 300 bytes, and
/// returning it by value through serde's `Result`s copied it four times (3,100 of the drone
/// record's 17,040 guest instructions on the Cortex-M3).
struct RecordSeed<'j, 'c> {
    json: &'j [u8],
    ctx: &'c mut Context,
    raw: &'c mut RawRecord<'j>,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'de, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'de, '_> {
    type Value = ();

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("an event record object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let raw = self.raw;
        while let Some(BorrowedStr(key)) = map.next_key()? {
            self.ctx.at = offset_in(self.json, key);
            self.ctx.field = Field::from_key(key);
            // Just past the key's closing quote; the key was borrowed unescaped, so its length
            // in the input is its length here. Both lie within the record (MAX_RECORD_BYTES),
            // so the sum cannot wrap (measured: wrapping, not saturating, takes 100 guest
            // instructions less for the drone record).
            let key_end = self.ctx.at.wrapping_add(key.len()).wrapping_add(1);
            let Some(field) = self.ctx.field else {
                map.next_value_seed(Skip {
                    json: self.json,
                    key_end,
                    depth: 1,
                    ctx: self.ctx,
                })?;
                continue;
            };
            let Some(slot) = raw.values.get_mut(field as usize) else {
                continue;
            };
            if slot.is_some() {
                self.ctx.detail = Some(Error::DuplicateField(field));
                return Err(A::Error::custom("duplicate field"));
            }
            *slot = Some(map.next_value_seed(ValueSeed {
                json: self.json,
                key_end,
                ctx: self.ctx,
                list: &mut raw.list,
            })?);
        }
        self.ctx.field = None;
        Ok(())
    }
}

/// Byte offset of `part` within `whole` (0 if it is not inside).
fn offset_in(whole: &[u8], part: &str) -> usize {
    // Wrapping: a part before `whole` comes out past its end, and is 0 as any other part
    // outside it (measured: the drone record's parse 60 guest instructions less than with
    // `checked_sub`).
    let off = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    if off <= whole.len() { off } else { 0 }
}

/// A string borrowed from the input as written (escapes intact).
struct BorrowedStr<'a>(&'a str);

impl<'de> de::Deserialize<'de> for BorrowedStr<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BorrowedStr<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(BorrowedStr(s))
            }
        }
        d.deserialize_str(V)
    }
}

struct ValueSeed<'c, 'a> {
    json: &'a [u8],
    key_end: usize,
    ctx: &'c mut Context,
    list: &'c mut Vec<&'a str, MAX_REFS>,
}

/// Whether the scalar after the key that ends at `key_end` holds a `"`, `[` or `{` (see
/// [`Context::unsure`]): serde-json-core's scalar runs to the next `,`, `}` or `]`.
fn odd_scalar(json: &[u8], key_end: usize) -> bool {
    json.get(key_end..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| !matches!(b, b',' | b'}' | b']'))
        .any(|&b| matches!(b, b'"' | b'[' | b'{'))
}

/// An unknown field's value, skipped as serde's `IgnoredAny` skips it, at `depth` (the record
/// itself is 1). Before the pre-scan, nesting past [`MAX_DEPTH`] stops the pass.
struct Skip<'c, 'a> {
    json: &'a [u8],
    key_end: usize,
    depth: usize,
    ctx: &'c mut Context,
}

impl Skip<'_, '_> {
    /// The depth of a list or object inside this value, if the pass may go there.
    fn inner_depth<E: de::Error>(&mut self) -> Result<usize, E> {
        self.ctx.unsure = true;
        let depth = self.depth.saturating_add(1);
        if depth > MAX_DEPTH && !self.ctx.pre_scanned {
            return Err(E::custom("nested too deep"));
        }
        Ok(depth)
    }
}

impl<'de> DeserializeSeed<'de> for Skip<'_, 'de> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_ignored_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("any value")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        // Inside a list or object the pass is already unsure.
        if self.depth == 1 && odd_scalar(self.json, self.key_end) {
            self.ctx.unsure = true;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Self::Value, A::Error> {
        let depth = self.inner_depth()?;
        while seq
            .next_element_seed(Skip {
                json: self.json,
                key_end: self.key_end,
                depth,
                ctx: &mut *self.ctx,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
        let depth = self.inner_depth()?;
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Skip {
                json: self.json,
                key_end: self.key_end,
                depth,
                ctx: &mut *self.ctx,
            })?;
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, 'de> {
    type Value = RawValue<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // serde-json-core dispatches `ignored_any` on the first character: strings, lists and
        // objects reach the matching visit method, any other literal reaches `visit_unit`.
        d.deserialize_ignored_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, 'de> {
    type Value = RawValue<'de>;

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("a string, a number or a list of strings")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(RawValue::Str(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        if odd_scalar(self.json, self.key_end) {
            self.ctx.unsure = true;
        }
        Ok(RawValue::Scalar {
            key_end: self.key_end,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // A second list (in a field that may not hold one) is refused by validation anyway.
        self.list.clear();
        while let Some(BorrowedStr(item)) = seq.next_element()? {
            if self.list.push(item).is_err() {
                self.ctx.detail = Some(Error::TooManyRefs);
                return Err(A::Error::custom("too many entries"));
            }
        }
        Ok(RawValue::List)
    }
}

/// A bump allocator over the caller's scratch buffer, for unescaped strings.
struct Arena<'s> {
    free: &'s mut [u8],
    /// Whether the record holds any escape ([`Structure::escapes`]).
    escapes: bool,
}

impl<'s> Arena<'s> {
    /// `raw` unescaped: borrowed as is when it has no escapes, else copied into the arena.
    ///
    /// Inlined, with the copying apart ([`Self::unescaped`]): most records hold no escape at
    /// all, and their fields are then borrowed after one test, without a call (measured:
    /// parse 10,660 -> 10,420 guest instructions for the drone record; `#[inline]` alone was not
    /// taken).
    #[inline(always)]
    fn unescape(&mut self, raw: &'s str, field: Field) -> Result<&'s str, Error> {
        if !self.escapes {
            return Ok(raw);
        }
        self.unescaped(raw, field)
    }

    /// [`Self::unescape`] of a record that holds an escape somewhere.
    fn unescaped(&mut self, raw: &'s str, field: Field) -> Result<&'s str, Error> {
        if !raw.contains('\\') {
            return Ok(raw);
        }
        let bad_escape = Error::Json {
            reason: JsonReason::Escape,
            at: 0,
            field: Some(field),
        };
        let buf = core::mem::take(&mut self.free);
        let mut len = 0usize;
        let mut rest = raw;
        while !rest.is_empty() {
            let mut fragments = EscapedStr(rest).fragments();
            let mut utf8 = [0u8; 4];
            let bytes = match fragments.next() {
                Some(Ok(EscapedStringFragment::NotEscaped(s))) => s.as_bytes(),
                Some(Ok(EscapedStringFragment::Escaped(c))) => c.encode_utf8(&mut utf8).as_bytes(),
                // serde-json-core refuses `\uD83D\uDE00` (a UTF-16 surrogate pair, which is
                // how Python's json.dumps writes emoji); decode the pair here.
                Some(Err(_)) => {
                    let c = surrogate_pair(rest).ok_or(bad_escape)?;
                    rest = rest.get(SURROGATE_PAIR_LEN..).ok_or(bad_escape)?;
                    let end = len
                        .checked_add(c.len_utf8())
                        .ok_or(Error::ScratchTooSmall)?;
                    let dst = buf.get_mut(len..end).ok_or(Error::ScratchTooSmall)?;
                    c.encode_utf8(dst);
                    len = end;
                    continue;
                }
                None => break,
            };
            let end = len.checked_add(bytes.len()).ok_or(Error::ScratchTooSmall)?;
            buf.get_mut(len..end)
                .ok_or(Error::ScratchTooSmall)?
                .copy_from_slice(bytes);
            len = end;
            rest = fragments.as_str().0;
        }
        let (used, free) = buf
            .split_at_mut_checked(len)
            .ok_or(Error::ScratchTooSmall)?;
        self.free = free;
        let used: &'s [u8] = used;
        core::str::from_utf8(used).map_err(|_| bad_escape)
    }
}

/// `\uD83D\uDE00` is twelve bytes.
const SURROGATE_PAIR_LEN: usize = 12;

fn surrogate_pair(s: &str) -> Option<char> {
    let hex = |from: usize| -> Option<u32> {
        let digits = s.get(from..from.checked_add(4)?)?;
        u32::from_str_radix(digits, 16).ok()
    };
    if s.get(0..2)? != "\\u" || s.get(6..8)? != "\\u" {
        return None;
    }
    let (high, low) = (hex(2)?, hex(8)?);
    if !(0xD800..0xDC00).contains(&high) || !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    let code = 0x10000u32
        .checked_add((high.checked_sub(0xD800)?) << 10)?
        .checked_add(low.checked_sub(0xDC00)?)?;
    char::from_u32(code)
}

/// `s` without leading and trailing whitespace, as `str::trim` gives it; most fields start and
/// end with an ASCII letter or digit, and are then returned without decoding any character.
fn trim(s: &str) -> &str {
    let solid = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = s.as_bytes();
    if solid(bytes.first()) && solid(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

/// Turns the raw values into a typed record.
struct Validator<'a, 'r> {
    json: &'a [u8],
    raw: &'r RawRecord<'a>,
    arena: Arena<'a>,
}

impl<'a> Validator<'a, '_> {
    fn record(mut self) -> Result<EventRecord<'a>, Error> {
        let id = self
            .text(Field::Id, MAX_ID_BYTES)?
            .ok_or(Error::MissingId)?;
        Ok(EventRecord {
            id,
            time: self.time(Field::Time)?,
            kind: self.word(Field::Kind, Kind::from_word)?.unwrap_or_default(),
            severity: self.severity()?,
            urgency: self
                .word(Field::Urgency, Urgency::from_word)?
                .unwrap_or_default(),
            certainty: self
                .word(Field::Certainty, Certainty::from_word)?
                .unwrap_or_default(),
            actor: self.text(Field::Actor, MAX_NAME_BYTES)?,
            action: self.text(Field::Action, MAX_ACTION_BYTES)?,
            object: self.text(Field::Object, MAX_NAME_BYTES)?,
            place: self.text(Field::Place, MAX_NAME_BYTES)?,
            relation: self.word(Field::Relation, Relation::from_word)?,
            region: self.text(Field::Region, MAX_NAME_BYTES)?,
            magnitude: self.magnitude()?,
            unit: self.text(Field::Unit, MAX_WORD_BYTES)?,
            until: self.time(Field::Until)?,
            headline: self.text(Field::Headline, MAX_HEADLINE_BYTES)?,
            text: self.text(Field::Text, MAX_RECORD_BYTES)?,
            source: self.text(Field::Source, MAX_NAME_BYTES)?,
            url: self.text(Field::Url, MAX_URL_BYTES)?,
            msg: self
                .word(Field::Msg, MsgType::from_word)?
                .unwrap_or_default(),
            // Filled where it lies: returned in a `Result`, the list (over 80 bytes on the
            // boards) was copied three times on its way into the record.
            refs: {
                let mut refs = Vec::new();
                self.refs(&mut refs)?;
                refs
            },
            expires: self.time(Field::Expires)?,
        })
    }

    /// The literal of a scalar value: the bytes after `key": ` up to the next delimiter.
    fn scalar(&self, key_end: usize, field: Field) -> Result<Option<&'a str>, Error> {
        let json: &'a [u8] = self.json;
        let after_key = json.get(key_end..).unwrap_or_default();
        let start = after_key
            .iter()
            .position(|&b| !(b.is_ascii_whitespace() || b == b':'))
            .unwrap_or(after_key.len());
        let value = after_key.get(start..).unwrap_or_default();
        let len = value
            .iter()
            .position(|&b| matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace())
            .unwrap_or(value.len());
        let literal = value
            .get(..len)
            .and_then(|b| core::str::from_utf8(b).ok())
            .ok_or(Error::WrongType {
                field,
                expected: expected_type(field),
            })?;
        Ok((literal != "null").then_some(literal))
    }

    /// A string field, unescaped, trimmed, limited; empty means absent.
    fn text(&mut self, field: Field, max: usize) -> Result<Option<&'a str>, Error> {
        match self.raw.get(field) {
            None => Ok(None),
            Some(RawValue::Str(raw)) => {
                let s = trim(self.arena.unescape(raw, field)?);
                if s.len() > max {
                    return Err(Error::FieldTooLong {
                        field,
                        len: s.len(),
                        max,
                    });
                }
                Ok((!s.is_empty()).then_some(s))
            }
            Some(RawValue::Scalar { key_end }) => match self.scalar(*key_end, field)? {
                None => Ok(None),
                Some(_) => Err(Error::WrongType {
                    field,
                    expected: expected_type(field),
                }),
            },
            Some(RawValue::List) => Err(Error::WrongType {
                field,
                expected: expected_type(field),
            }),
        }
    }

    /// A string or a scalar literal, for fields that accept both.
    fn text_or_scalar(&mut self, field: Field) -> Result<Option<&'a str>, Error> {
        match self.raw.get(field) {
            Some(RawValue::Scalar { key_end }) => self.scalar(*key_end, field),
            _ => self.text(field, MAX_WORD_BYTES),
        }
    }

    fn word<T>(&mut self, field: Field, parse: fn(&str) -> Option<T>) -> Result<Option<T>, Error> {
        match self.text(field, MAX_WORD_BYTES)? {
            None => Ok(None),
            Some(word) => parse(word).map(Some).ok_or(Error::BadWord(field)),
        }
    }

    fn severity(&mut self) -> Result<Severity, Error> {
        let Some(value) = self.text_or_scalar(Field::Severity)? else {
            return Ok(Severity::Unknown);
        };
        if let Some(word) = Severity::from_word(value) {
            return Ok(word);
        }
        if value.bytes().all(|b| b.is_ascii_digit()) {
            return u8::from_str(value)
                .ok()
                .and_then(Severity::from_level)
                .ok_or(Error::BadSeverityLevel);
        }
        Err(Error::BadWord(Field::Severity))
    }

    fn time(&mut self, field: Field) -> Result<Option<Timestamp>, Error> {
        let Some(value) = self.text_or_scalar(field)? else {
            return Ok(None);
        };
        let unix_seconds = value.strip_prefix('-').unwrap_or(value);
        if !unix_seconds.is_empty() && unix_seconds.bytes().all(|b| b.is_ascii_digit()) {
            return i64::from_str(value)
                .ok()
                .filter(|s| UNIX_RANGE.contains(s))
                .map(|unix| {
                    Some(Timestamp {
                        unix,
                        offset_seconds: 0,
                    })
                })
                .ok_or(Error::BadTime(field));
        }
        let t = OffsetDateTime::parse(value, &Rfc3339).map_err(|_| Error::BadTime(field))?;
        Ok(Some(Timestamp {
            unix: t.unix_timestamp(),
            offset_seconds: t.offset().whole_seconds(),
        }))
    }

    fn magnitude(&mut self) -> Result<Option<Magnitude<'a>>, Error> {
        let Some(literal) = self.text_or_scalar(Field::Magnitude)? else {
            return Ok(None);
        };
        Magnitude::parse(literal)
            .map(Some)
            .ok_or(Error::BadMagnitude)
    }

    fn refs(&mut self, refs: &mut Vec<&'a str, MAX_REFS>) -> Result<(), Error> {
        let mut add = |arena: &mut Arena<'a>, raw: &'a str| -> Result<(), Error> {
            let r = arena.unescape(raw, Field::Refs)?.trim();
            if r.len() > MAX_REF_BYTES {
                return Err(Error::FieldTooLong {
                    field: Field::Refs,
                    len: r.len(),
                    max: MAX_REF_BYTES,
                });
            }
            if r.is_empty() {
                return Ok(());
            }
            refs.push(r).map_err(|_| Error::TooManyRefs)
        };
        match self.raw.get(Field::Refs) {
            None => {}
            // CAP writes references as one space-separated list of `sender,id,sent` triples.
            Some(RawValue::Str(raw)) => {
                for part in raw.split_ascii_whitespace() {
                    add(&mut self.arena, part)?;
                }
            }
            Some(RawValue::List) => {
                for item in &self.raw.list {
                    add(&mut self.arena, item)?;
                }
            }
            Some(RawValue::Scalar { key_end }) if self.scalar(*key_end, Field::Refs)?.is_some() => {
                return Err(Error::WrongType {
                    field: Field::Refs,
                    expected: expected_type(Field::Refs),
                });
            }
            // `null`
            Some(RawValue::Scalar { .. }) => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
