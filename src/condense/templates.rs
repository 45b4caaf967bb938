//! Templates by kind, each a ladder of compression steps from the fullest text to the barest.
//! The first step whose text fits the budget wins (see "How a digest is condensed" in the
//! README).

use core::fmt::Write as _;

use heapless::String;

use super::compose::{Draft, Style};
use super::lexicon;
use crate::record::{EventRecord, Magnitude, Timestamp};
use crate::vocab::Kind;

/// A ladder of candidates for one kind of record.
pub trait Ladder {
    /// How many steps the ladder has.
    const STEPS: usize;
    /// Whether the ladder can render this record at all.
    fn applies(record: &EventRecord) -> bool;
    /// Whether step `step` applies to this record (some steps need an actor, a region…).
    fn has_step(record: &EventRecord, step: usize) -> bool;
    /// The steps that apply to this record, in order ([`Self::has_step`]'s), asked as the
    /// ladder climbs. A ladder whose test reads a field may read it once instead.
    fn steps(record: &EventRecord) -> impl Iterator<Item = usize> {
        (0..Self::STEPS).filter(move |&s| Self::has_step(record, s))
    }
    /// Writes step `step`'s candidate.
    fn write(record: &EventRecord, step: usize, draft: &mut Draft);
    /// Whether a step is rehearsed before it is written, to skip it when it would overflow as
    /// the step before did, or when its glue and plain words alone pass the limit
    /// ([`Draft::would_overflow`]). Worth it only for a ladder whose
    /// calls cost nothing to work out: a rehearsal runs all of [`Self::write`] but the writing,
    /// and the quake and warning ladders parse their place and areas there (measured with
    /// callgrind on the dev data: condensing took 29% more instructions with them rehearsed).
    const REHEARSE: bool = false;
    /// The bytes of the fields a rehearsed ladder's first step writes, with a space each: a
    /// cheap guess at how far over a limit it is ([`super::ascend`]). 0 where not rehearsed.
    fn fields_len(_record: &EventRecord) -> usize {
        0
    }
}

const PLAIN: Style = Style {
    abbreviate: false,
    drop_modifiers: false,
    verb: false,
};
const SHORT: Style = Style {
    abbreviate: true,
    drop_modifiers: false,
    verb: false,
};
const BARE: Style = Style {
    abbreviate: true,
    drop_modifiers: true,
    verb: false,
};

/// Keys of the text the ladders build on the stack, each the same text at every step of one
/// record's ladder ([`Draft::push_derived`]): the magnitude, the count of other areas, the end
/// time in each [`ClockForm`].
const DERIVED_MAGNITUDE: usize = 1;
const DERIVED_AREA_COUNT: usize = 2;
const DERIVED_CLOCK: usize = 3;
const DERIVED_CLOCK_COMPACT: usize = 4;

/// The actor's part in an event step.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Actor {
    Full,
    Bare,
    /// Passive headline: "{object} {action} …". Only for participles ("downed").
    Dropped,
}

/// One step of the event ladder.
#[derive(Clone, Copy)]
struct EventStep {
    abbreviate: bool,
    region: bool,
    actor: Actor,
    bare_object: bool,
    place: bool,
}

const fn step(
    abbreviate: bool,
    region: bool,
    actor: Actor,
    bare_object: bool,
    place: bool,
) -> EventStep {
    EventStep {
        abbreviate,
        region,
        actor,
        bare_object,
        place,
    }
}

/// "{actor} {action} {object} {relation} {place}, {region}", most to least complete. Losing
/// nothing comes first (abbreviating), then the region, then the actor of a passive event (the
/// object is the news: "Iranian drone downed near …"), then modifiers, and the place last.
const EVENT_STEPS: [EventStep; 10] = [
    step(false, true, Actor::Full, false, true),
    step(true, true, Actor::Full, false, true),
    step(true, false, Actor::Full, false, true),
    step(true, false, Actor::Dropped, false, true),
    step(true, false, Actor::Dropped, true, true),
    step(true, false, Actor::Bare, false, true),
    step(true, false, Actor::Bare, true, true),
    step(true, false, Actor::Bare, false, false),
    step(true, false, Actor::Bare, true, false),
    step(true, false, Actor::Dropped, true, false),
];

/// Who did what to whom, where: military, conflict, diplomacy and any record with an action.
pub struct Event;

impl Event {
    fn passive(record: &EventRecord) -> bool {
        record.actor.is_some()
            && record.object.is_some()
            && record.action.is_some_and(lexicon::is_participle)
    }
}

impl Ladder for Event {
    const STEPS: usize = EVENT_STEPS.len();
    const REHEARSE: bool = true;

    fn applies(record: &EventRecord) -> bool {
        record.action.is_some() && (record.actor.is_some() || record.object.is_some())
    }

    fn has_step(record: &EventRecord, step: usize) -> bool {
        let Some(s) = EVENT_STEPS.get(step) else {
            return false;
        };
        s.actor != Actor::Dropped || Self::passive(record)
    }

    fn steps(record: &EventRecord) -> impl Iterator<Item = usize> {
        // Whether the record reads as passive is found once, when the first step that drops
        // the actor is asked for (measured: asked at each such step, the action's first word
        // was split and compared twice for the drone, about 140 guest instructions each).
        let mut passive = None;
        (0..Self::STEPS).filter(move |&step| {
            EVENT_STEPS.get(step).is_some_and(|s| {
                s.actor != Actor::Dropped || *passive.get_or_insert_with(|| Self::passive(record))
            })
        })
    }

    fn fields_len(record: &EventRecord) -> usize {
        let len = |field: Option<&str>| field.map_or(0, |f| f.len().saturating_add(1));
        len(record.actor)
            .saturating_add(len(record.action))
            .saturating_add(len(record.object))
            .saturating_add(len(record.place))
            .saturating_add(len(record.region))
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        let Some(s) = EVENT_STEPS.get(step) else {
            return;
        };
        let style = |bare: bool| match (s.abbreviate, bare) {
            (false, _) => PLAIN,
            (true, false) => SHORT,
            (true, true) => BARE,
        };
        let verb = Style {
            verb: true,
            ..style(false)
        };
        let action = record.action.unwrap_or_default();
        match (s.actor, record.actor) {
            (Actor::Dropped, _) | (_, None) => {
                if let Some(object) = record.object {
                    draft.phrase(object, style(s.bare_object));
                }
                draft.phrase(action, verb);
            }
            (actor, Some(name)) => {
                draft.phrase(name, style(actor == Actor::Bare));
                draft.phrase(action, verb);
                if let Some(object) = record.object {
                    draft.phrase(object, style(s.bare_object));
                }
            }
        }
        // Without a place, the region takes its part ("… in Red Sea").
        let (place, region) = match (record.place, record.region) {
            (None, region) => (region, None),
            both => both,
        };
        if let (true, Some(place)) = (s.place, place) {
            let relation = match record.place {
                Some(_) => record.relation.unwrap_or_default(),
                None => crate::vocab::Relation::In,
            };
            draft.phrase(relation.as_str(), PLAIN);
            draft.phrase(place, style(false));
            if let (true, Some(region)) = (s.region, region) {
                draft.push(",");
                draft.phrase(region, style(false));
            }
        }
    }
}

/// USGS title style: "M 5.8 - 109 km SW of Severo-Kuril'sk, Russia". The first step is the
/// feed's own title, exactly; then the place loses what a reader misses least: a parenthetical
/// ("La Esperanza (El Zapotal)"), the middle of a three-part place ("Andreanof Islands,
/// Aleutian Islands, Alaska"), the state's name for its postal code, the distance ("109 km SW
/// of"), the country. The magnitude and the distance are never changed, only kept or dropped.
pub struct Quake;

/// One step of the quake ladder: which parts of the place are kept, and how.
#[derive(Clone, Copy)]
struct QuakeStep {
    abbreviate: bool,
    region: bool,
    parenthetical: bool,
    middle: bool,
    state_code: bool,
    distance: bool,
    tail: bool,
    /// "M5.8 Severo-Kuril'sk": the tightest form, without the spaces of the title style.
    compact: bool,
}

/// A step from its flags, in the field order of [`QuakeStep`].
const fn quake(flags: [bool; 8]) -> QuakeStep {
    let [
        abbreviate,
        region,
        parenthetical,
        middle,
        state_code,
        distance,
        tail,
        compact,
    ] = flags;
    QuakeStep {
        abbreviate,
        region,
        parenthetical,
        middle,
        state_code,
        distance,
        tail,
        compact,
    }
}

/// Most to least complete. Dropping the distance comes before dropping the country (the
/// country says where in the world; the distance only refines it), but keeping the distance
/// without the country is tried before losing both.
#[rustfmt::skip]
const QUAKE_STEPS: [QuakeStep; 10] = [
    //    abbrev region paren  middle state  dist   tail   compact
    quake([false, true,  true,  true,  false, true,  true,  false]),
    quake([true,  true,  true,  true,  false, true,  true,  false]),
    quake([true,  false, true,  true,  false, true,  true,  false]),
    quake([true,  false, false, true,  false, true,  true,  false]),
    quake([true,  false, false, false, false, true,  true,  false]),
    quake([true,  false, false, false, true,  true,  true,  false]),
    quake([true,  false, false, false, true,  false, true,  false]),
    quake([true,  false, false, false, true,  true,  false, false]),
    quake([true,  false, false, false, true,  false, false, false]),
    quake([true,  false, false, false, true,  false, false, true]),
];

/// A USGS place, in parts: "109 km SW of" "La Esperanza (El Zapotal)" "…" "Mexico".
struct QuakePlace<'a> {
    distance: Option<&'a str>,
    head: &'a str,
    middle: Option<&'a str>,
    tail: Option<&'a str>,
}

impl<'a> QuakePlace<'a> {
    fn parse(place: &'a str) -> Self {
        let rest = strip_distance(place);
        let distance = place
            .get(..place.len().saturating_sub(rest.len()))
            .map(|d| d.trim_end())
            .filter(|d| !d.is_empty());
        // Parts are separated by ", " (a comma inside a word does not split it).
        let (head, tail) = match rest.split_once(", ") {
            Some((head, more)) => (head, Some(more)),
            None => (rest, None),
        };
        let (middle, tail) = match tail.map(|t| t.rsplit_once(", ").unwrap_or(("", t))) {
            Some((middle, tail)) => (
                Some(middle.trim()).filter(|m| !m.is_empty()),
                Some(tail.trim()).filter(|t| !t.is_empty()),
            ),
            None => (None, None),
        };
        QuakePlace {
            distance,
            head: head.trim(),
            middle,
            tail,
        }
    }
}

impl Ladder for Quake {
    const STEPS: usize = QUAKE_STEPS.len();

    fn applies(record: &EventRecord) -> bool {
        record.kind == Kind::Quake && record.magnitude.is_some()
    }

    fn has_step(record: &EventRecord, step: usize) -> bool {
        let Some(s) = QUAKE_STEPS.get(step) else {
            return false;
        };
        let Some(place) = record.place.map(QuakePlace::parse) else {
            // Without a place only the magnitude (and the type) is left to write.
            return step == 0 || s.compact;
        };
        let previous = step.checked_sub(1).and_then(|p| QUAKE_STEPS.get(p));
        let Some(p) = previous else {
            return true;
        };
        // Skip steps that would write the same text as the one before.
        (p.abbreviate != s.abbreviate)
            || (p.region != s.region && record.region.is_some())
            || (p.parenthetical != s.parenthetical && place.head.contains('('))
            || (p.middle != s.middle && place.middle.is_some())
            || (p.state_code != s.state_code && place.tail.is_some_and(|t| state_code(t).is_some()))
            || (p.distance != s.distance && place.distance.is_some())
            || (p.tail != s.tail && place.tail.is_some())
            || p.compact != s.compact
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        let Some(s) = QUAKE_STEPS.get(step) else {
            return;
        };
        let style = if s.abbreviate { SHORT } else { PLAIN };
        draft.push(if s.compact { "M" } else { "M " });
        if let Some(m) = record.magnitude {
            draft.push_derived(one_decimal(m).as_str(), DERIVED_MAGNITUDE);
        }
        if let Some(object) = record.object {
            draft.phrase(object, style);
        }
        if let Some(place) = record.place.map(QuakePlace::parse) {
            if !s.compact {
                draft.push(" -");
            }
            if let (true, Some(distance)) = (s.distance, place.distance) {
                draft.phrase(distance, PLAIN);
            }
            if s.parenthetical {
                draft.phrase(place.head, style);
            } else {
                let (before, after) = without_parenthetical(place.head);
                draft.phrase(before, style);
                draft.phrase(after, style);
            }
            if let (true, Some(middle)) = (s.middle, place.middle) {
                draft.push(",");
                draft.phrase(middle, style);
            }
            if let (true, Some(tail)) = (s.tail, place.tail) {
                draft.push(",");
                let code = state_code(tail).filter(|_| s.state_code);
                draft.phrase(code.unwrap_or(tail), style);
            }
        }
        if let (true, Some(region)) = (s.region, record.region) {
            draft.push(",");
            draft.phrase(region, style);
        }
    }
}

/// The postal code of a U.S. state (or territory) named in full.
fn state_code(name: &str) -> Option<&'static str> {
    lexicon::US_STATES
        .iter()
        .find(|(state, _)| lexicon::is(name, state))
        .map(|(_, code)| *code)
}

/// "La Esperanza (El Zapotal) Sur" -> ("La Esperanza", "Sur"): the text around the first
/// parenthetical; the whole text and "" when there is none (or it is not closed).
fn without_parenthetical(text: &str) -> (&str, &str) {
    // Only a parenthesis that opens a word: "abc(def)" is one word and stays whole.
    let Some(open) = text
        .find(" (")
        .map(|at| at.saturating_add(1))
        .or_else(|| text.starts_with('(').then_some(0))
    else {
        return (text, "");
    };
    let before = text.get(..open).unwrap_or(text).trim_end();
    let after = text.get(open..).unwrap_or_default();
    let rest = after
        .find(')')
        .and_then(|close| after.get(close.saturating_add(1)..));
    match rest {
        // The parenthesis must also close a word.
        Some(rest) if rest.is_empty() || rest.starts_with(' ') => (before, rest.trim()),
        _ => (text, ""),
    }
}

/// "109 km SW of Severo-Kuril'sk" -> "Severo-Kuril'sk": drops where the event lies relative to
/// the named place: "<distance> <unit> <direction> of " (USGS also writes "4km SE of"), "near
/// the east coast of (the) ", "off the coast of ", "south of (the) ".
fn strip_distance(place: &str) -> &str {
    strip_measured(place)
        .or_else(|| strip_coast(place))
        .or_else(|| strip_direction(place))
        .map_or(place, |rest| rest.strip_prefix("the ").unwrap_or(rest))
        .trim_start()
}

fn strip_measured(place: &str) -> Option<&str> {
    let is_number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let is_direction = |w: &str| {
        (1..=3).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'N' | b'S' | b'E' | b'W'))
    };
    let first = place.split(' ').next().unwrap_or_default();
    let glued = first
        .strip_suffix("km")
        .or_else(|| first.strip_suffix("mi"))
        .is_some_and(is_number);
    let mut words = place.splitn(if glued { 4 } else { 5 }, ' ');
    words.next();
    let spaced = !glued && is_number(first) && matches!(words.next(), Some("km" | "mi"));
    if !glued && !spaced {
        return None;
    }
    match (words.next(), words.next(), words.next()) {
        (Some(direction), Some("of"), Some(rest))
            if is_direction(direction) && !rest.is_empty() =>
        {
            Some(rest)
        }
        _ => None,
    }
}

/// "near the east coast of …", "off the coast of …".
fn strip_coast(place: &str) -> Option<&str> {
    let rest = place
        .strip_prefix("near the ")
        .or_else(|| place.strip_prefix("off the "))?;
    let (_, after) = rest.split_once("coast of ")?;
    // At most one word ("east") between "the" and "coast".
    let between = rest
        .len()
        .saturating_sub(after.len())
        .saturating_sub("coast of ".len());
    (rest.get(..between)?.split_whitespace().count() <= 1 && !after.is_empty()).then_some(after)
}

/// "south of the Fiji Islands" -> "Fiji Islands".
fn strip_direction(place: &str) -> Option<&str> {
    let (direction, rest) = place.split_once(" of ")?;
    let compass = lexicon::AREA_QUALIFIERS
        .iter()
        .any(|q| lexicon::is(direction, q) && q.bytes().all(|b| b.is_ascii_lowercase()))
        && !matches!(direction, "to" | "from" | "and" | "or");
    // Only before a name: "North of the border of Chile" stays whole.
    let named = rest
        .strip_prefix("the ")
        .unwrap_or(rest)
        .starts_with(|c: char| c.is_uppercase());
    (compass && named).then_some(rest)
}

/// A magnitude with one decimal, rounded half away from zero in decimal from its literal
/// ("4.35" -> "4.4", "-0.05" -> "-0.1"), as USGS titles are; a negative magnitude keeps its
/// sign even when it rounds to zero ("-0.0").
pub fn one_decimal(m: Magnitude) -> String<12> {
    let tenths = m.tenths();
    let sign = if m.is_negative() { "-" } else { "" };
    let mut out = String::new();
    // Twelve bytes hold the largest accepted magnitude, "-1000000.0".
    let _ = write!(out, "{sign}{}.{}", tenths / 10, tenths % 10);
    out
}

/// Wireless Emergency Alert style: "Tornado Warning, Jefferson Co AL, til 4:45 PM". The event
/// name goes first and is kept (whole or in its short form) as long as anything is; then the
/// first area, then the end time. The steps, in order (WARNING_STEPS):
///
/// 1. every area, as written ("Creek OK and Tulsa OK");
/// 2. abbreviated from the lexicon ("County" -> "Co");
/// 3. the other areas as a count ("Creek OK +1");
/// 4. the first area only;
/// 5. the punctuation and spaces of the time ("Creek OK til 7:15PM", "til 11PM" for a whole
///    hour);
/// 6. the first area's qualifiers dropped ("Coastal Waters from Montauk NY to …" ->
///    "Montauk NY"; "Arlington/Falls Church/Alexandria" -> "Arlington");
/// 7. the event name's documented short form ("Svr Tstorm Warning", "Hvy Freezing Spray
///    Warning", [`lexicon::WEATHER_EVENT_ABBREVIATIONS`]);
/// 8. the area's words in their short forms ("North Snowy Range Foothills" -> "N Snowy Range
///    Fthls", "West Entrance U.S. Waters …" -> "W Ent. …", [`lexicon::AREA_ABBREVIATIONS`],
///    [`lexicon::AREA_IMPLIED`]);
/// 9. the event name's contractions ("Hvy Frz Spray Warning",
///    [`lexicon::WEATHER_EVENT_CONTRACTIONS`]);
/// 10. the area's state code ("Schoodic Point ME" -> "Schoodic Point"): the end time is worth
///     more than the state, which the issuing office and the place name already imply;
/// 11. the end time, last (the first area again whole, then its head, then the head and the
///     event in their short forms).
///
/// The clock and the weekday are never changed, only written without spaces.
pub struct Warning;

/// Which areas a warning step names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Areas {
    /// "Creek OK and Tulsa OK".
    All,
    /// "Creek OK +1".
    FirstAndCount,
    /// "Creek OK".
    First,
    /// The first area's place name without qualifiers: "Montauk NY".
    Head,
}

/// How a warning step writes the event name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EventForm {
    /// "Heavy Freezing Spray Warning".
    Full,
    /// With [`lexicon::WEATHER_EVENT_ABBREVIATIONS`]: "Hvy Freezing Spray Warning".
    Short,
    /// Also with [`lexicon::WEATHER_EVENT_CONTRACTIONS`]: "Hvy Frz Spray Warning".
    Contracted,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct WarningStep {
    abbreviate: bool,
    areas: Areas,
    event: EventForm,
    /// ", til" rather than " til".
    comma: bool,
    /// "7:15PM" rather than "7:15 PM"; "11PM" for "11:00 PM".
    compact_time: bool,
    time: bool,
    /// The head's words in their short forms ("N Snowy Range Fthls"); only with `Areas::Head`.
    short_area: bool,
    /// The head's state code ("Schoodic Point ME"); only with `Areas::Head`.
    state: bool,
}

/// A step from its flags, in the field order of [`WarningStep`] after `event`.
const fn warn(abbreviate: bool, areas: Areas, event: EventForm, flags: [bool; 5]) -> WarningStep {
    let [comma, compact_time, time, short_area, state] = flags;
    WarningStep {
        abbreviate,
        areas,
        event,
        comma,
        compact_time,
        time,
        short_area,
        state,
    }
}

use EventForm::{Contracted, Full, Short};

#[rustfmt::skip]
const WARNING_STEPS: [WarningStep; 14] = [
    //   abbrev areas                event        comma  compact time   sh.area state
    warn(false, Areas::All,           Full,       [true,  false,  true,  false,  true]),
    warn(true,  Areas::All,           Full,       [true,  false,  true,  false,  true]),
    warn(true,  Areas::FirstAndCount, Full,       [true,  false,  true,  false,  true]),
    warn(true,  Areas::First,         Full,       [true,  false,  true,  false,  true]),
    warn(true,  Areas::First,         Full,       [false, true,   true,  false,  true]),
    warn(true,  Areas::Head,          Full,       [false, true,   true,  false,  true]),
    warn(true,  Areas::First,         Short,      [false, true,   true,  false,  true]),
    warn(true,  Areas::Head,          Short,      [false, true,   true,  false,  true]),
    warn(true,  Areas::Head,          Short,      [false, true,   true,  true,   true]),
    warn(true,  Areas::Head,          Contracted, [false, true,   true,  true,   true]),
    warn(true,  Areas::Head,          Contracted, [false, true,   true,  true,   false]),
    warn(true,  Areas::First,         Full,       [true,  false,  false, false,  true]),
    warn(true,  Areas::Head,          Full,       [true,  false,  false, false,  true]),
    warn(true,  Areas::Head,          Contracted, [true,  false,  false, true,   true]),
];

impl Warning {
    /// The time a warning runs until: its `until`, or else its message's `expires`.
    fn end(record: &EventRecord) -> Option<Timestamp> {
        record.until.or(record.expires)
    }

    fn areas<'a>(record: &EventRecord<'a>) -> impl Iterator<Item = &'a str> + Clone {
        // NWS writes "Gentry; Harrison"; a ';' inside a word does not split it.
        AreaNames::new(record.place.or(record.region).unwrap_or_default())
            .map(str::trim)
            .filter(|a| !a.is_empty())
    }
}

impl Ladder for Warning {
    const STEPS: usize = WARNING_STEPS.len();

    /// Weather alerts, and any alert shaped like one: an event name with an area or an end
    /// and no actor or action (CAP's fire, health and civil alerts).
    fn applies(record: &EventRecord) -> bool {
        let alert_shaped = record.actor.is_none()
            && record.action.is_none()
            && (record.place.is_some() || record.region.is_some() || Self::end(record).is_some());
        record.object.is_some() && (record.kind == Kind::Weather || alert_shaped)
    }

    fn has_step(record: &EventRecord, step: usize) -> bool {
        let Some(s) = WARNING_STEPS.get(step) else {
            return false;
        };
        let more_areas = || Self::areas(record).nth(1).is_some();
        let event = record.object.unwrap_or_default();
        // The head is only worked out for the steps that need it (it costs a scan of the area).
        let head = || Self::areas(record).next().map(area_head);
        // Contracting an event without contractions would repeat the step before.
        let previous = step.checked_sub(1).and_then(|p| WARNING_STEPS.get(p));
        let only_contracts = previous.is_some_and(|p| {
            WarningStep {
                event: s.event,
                ..*p
            } == *s
        });
        // A step may repeat the one before it (an area without qualifiers is its own head);
        // it then costs a try, never a worse result.
        // Without an end, the steps that drop it would repeat those that keep it.
        (s.time || Self::end(record).is_some())
            && (s.areas != Areas::FirstAndCount || more_areas())
            && (!only_contracts || has_contraction(event))
            && (s.event == Full
                || short_event(event).is_some()
                || head().is_some_and(has_short_words))
            && (s.state || head().is_some_and(|h| without_state(h).len() < h.len()))
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        let Some(s) = WARNING_STEPS.get(step) else {
            return;
        };
        let style = if s.abbreviate { SHORT } else { PLAIN };
        if let Some(event) = record.object {
            match s.event {
                Full => draft.phrase(event, style),
                form => {
                    for word in event.split_whitespace() {
                        let contracted = (form == Contracted).then(|| contraction(word)).flatten();
                        let short = contracted.or_else(|| short_event_word(word));
                        draft.phrase(short.unwrap_or(word), style);
                    }
                }
            }
        }
        let mut areas = Self::areas(record);
        if let Some(first) = areas.next() {
            draft.push(",");
            match s.areas {
                Areas::Head => {
                    let head = area_head(first);
                    let head = if s.state { head } else { without_state(head) };
                    if s.short_area {
                        write_short_area(head, style, draft);
                    } else {
                        write_area(head, style, draft);
                    }
                }
                _ => write_area(first, style, draft),
            }
            let rest = areas.clone().count();
            match (s.areas, rest) {
                (_, 0) => {}
                (Areas::All, _) => {
                    for (i, area) in areas.enumerate() {
                        if i.saturating_add(1) == rest {
                            draft.phrase("and", PLAIN);
                        } else {
                            draft.push(",");
                        }
                        write_area(area, style, draft);
                    }
                }
                (Areas::FirstAndCount, n) => {
                    let mut count: String<8> = String::new();
                    let _ = write!(count, "+{n}");
                    draft.phrase_derived(count.as_str(), PLAIN, DERIVED_AREA_COUNT);
                }
                _ => {}
            }
        }
        if let (true, Some(end)) = (s.time, Self::end(record)) {
            if s.comma {
                draft.push(",");
            }
            draft.phrase("til", PLAIN);
            let form = if s.compact_time {
                ClockForm::Compact
            } else {
                ClockForm::Full
            };
            let key = match form {
                ClockForm::Full => DERIVED_CLOCK,
                ClockForm::Compact => DERIVED_CLOCK_COMPACT,
            };
            draft.phrase_derived(clock_as(end, form).as_str(), PLAIN, key);
            // Within a day of the issue, "til 6AM" can only mean the next 6 AM; later ends
            // name their day, as WEA does ("til 11:00 PM Mon").
            let gap = record.time.map(|t| end.unix.saturating_sub(t.unix));
            if gap.is_some_and(|g| g >= SECONDS_PER_DAY) {
                draft.phrase(weekday(end), PLAIN);
            }
        }
    }
}

/// `text.split("; ")`, without building a substring searcher each time: the ladder splits
/// the areas at every step.
#[derive(Clone)]
struct AreaNames<'a> {
    rest: Option<&'a str>,
}

impl<'a> AreaNames<'a> {
    fn new(text: &'a str) -> Self {
        Self { rest: Some(text) }
    }
}

impl<'a> Iterator for AreaNames<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.rest?;
        let bytes = text.as_bytes();
        let mut from = 0usize;
        while let Some(found) = bytes.get(from..).and_then(|b| memchr::memchr(b';', b)) {
            let at = from.saturating_add(found);
            if bytes.get(at.saturating_add(1)) == Some(&b' ') {
                self.rest = text.get(at.saturating_add(2)..);
                return text.get(..at);
            }
            from = at.saturating_add(1);
        }
        self.rest = None;
        Some(text)
    }
}

/// The documented short form of a word of an NWS event name
/// ([`lexicon::WEATHER_EVENT_ABBREVIATIONS`]: "Severe" -> "Svr").
fn short_event_word(word: &str) -> Option<&'static str> {
    lexicon::WEATHER_EVENT_ABBREVIATIONS
        .iter()
        .find(|(long, _)| lexicon::is(word, long))
        .map(|(_, short)| *short)
}

/// The contraction of a word of an NWS event name
/// ([`lexicon::WEATHER_EVENT_CONTRACTIONS`]: "Freezing" -> "Frz").
fn contraction(word: &str) -> Option<&'static str> {
    lexicon::WEATHER_EVENT_CONTRACTIONS
        .iter()
        .find(|(long, _)| lexicon::is(word, long))
        .map(|(_, short)| *short)
}

fn has_contraction(event: &str) -> bool {
    event.split_whitespace().any(|w| contraction(w).is_some())
}

/// Whether an NWS event name has a documented short form (or contraction).
fn short_event(event: &str) -> Option<()> {
    event
        .split_whitespace()
        .any(|w| short_event_word(w).is_some() || contraction(w).is_some())
        .then_some(())
}

/// Writes an area's head in WEA style with the documented short forms of its words
/// ([`lexicon::AREA_ABBREVIATIONS`]: "North" -> "N").
fn write_short_area(head: &str, style: Style, draft: &mut Draft) {
    let (name, state) = match state_suffix(head) {
        Some((name, state)) => (name, Some(state)),
        None => (head, None),
    };
    // A name that is nothing but implied words ("U.S. Waters") is written as it is.
    let drop_implied = !only_implied(name);
    let mut words = name.split_whitespace();
    while let Some(word) = words.next() {
        if let (true, Some(implied)) = (drop_implied, implied_run(word, words.clone())) {
            words.nth(implied.saturating_sub(2));
            continue;
        }
        let short = lexicon::AREA_ABBREVIATIONS
            .iter()
            .find(|(long, _)| lexicon::is(word, long))
            .map(|(_, short)| *short);
        draft.phrase(short.unwrap_or(word), style);
    }
    if let Some(state) = state {
        draft.phrase(state, PLAIN);
    }
}

/// An area's head without the U.S. state code that ends it: "Schoodic Point, ME" and
/// "S of Oregon Inlet NC" -> "Schoodic Point", "S of Oregon Inlet". Only a known postal code
/// ([`lexicon::US_STATES`]) is a state, and a head that is nothing but one stays whole.
fn without_state(head: &str) -> &str {
    let Some((name, code)) = head.rsplit_once(' ') else {
        return head;
    };
    let known = lexicon::US_STATES.iter().any(|(_, c)| *c == code);
    let name = name.trim_end().trim_end_matches(',').trim_end();
    if known && !name.is_empty() {
        name
    } else {
        head
    }
}

fn has_short_words(head: &str) -> bool {
    let mut words = head.split_whitespace();
    while let Some(w) = words.next() {
        let short = lexicon::AREA_ABBREVIATIONS
            .iter()
            .any(|(long, _)| lexicon::is(w, long));
        if short || implied_run(w, words.clone()).is_some() {
            return true;
        }
    }
    false
}

/// Whether every word of `name` belongs to an [`lexicon::AREA_IMPLIED`] run.
fn only_implied(name: &str) -> bool {
    let mut words = name.split_whitespace();
    while let Some(word) = words.next() {
        match implied_run(word, words.clone()) {
            Some(n) => {
                words.nth(n.saturating_sub(2));
            }
            None => return false,
        }
    }
    true
}

/// How many words an [`lexicon::AREA_IMPLIED`] run that starts at `word` spans ("U.S." then
/// `rest` "Waters …" -> 2).
fn implied_run<'a>(word: &str, rest: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
    lexicon::AREA_IMPLIED.iter().find_map(|entry| {
        let mut own = entry.split(' ');
        let first = own.next()?;
        let matches = lexicon::is(word, first)
            && own
                .clone()
                .zip(rest.clone())
                .all(|(e, w)| lexicon::is(w, e))
            && rest.clone().count() >= own.clone().count();
        matches.then(|| own.count().saturating_add(1))
    })
}

/// Writes an area in WEA style: "Creek, OK" as "Creek OK".
fn write_area(area: &str, style: Style, draft: &mut Draft) {
    match state_suffix(area) {
        Some((name, state)) => {
            draft.phrase(name, style);
            draft.phrase(state, PLAIN);
        }
        None => draft.phrase(area, style),
    }
}

/// "Creek, OK" -> ("Creek", "OK"): an area that ends in a comma and a two-letter code.
fn state_suffix(area: &str) -> Option<(&str, &str)> {
    // `rsplit_once(", ")`, by bytes: the ladder asks it of every area at every step.
    let comma = area.as_bytes().windows(2).rposition(|pair| pair == b", ")?;
    let name = area.get(..comma)?;
    let code = area.get(comma.saturating_add(2)..)?;
    let code = code.trim();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some((name, code))
}

/// The place an NWS area is named for, without the qualifiers of marine and fire-weather
/// zones: "Coastal Waters from Montauk NY to Marthas Vineyard extending out to 20 nm" ->
/// "Montauk NY"; "Green Bay south of line from Cedar River …" -> "Green Bay"; "Creek, OK" stays.
pub fn area_head(area: &str) -> &str {
    let area = area.trim();
    let area = strip_waters_lead(area);
    // Cut before the first qualifier word (never the first word itself), at a comma, or
    // before a word holding '/', '(' or "...".
    let mut end = area.len();
    let mut offset = 0usize;
    for (i, word) in area.split(' ').enumerate() {
        let at = offset;
        offset = offset.saturating_add(word.len()).saturating_add(1);
        // NWS joins places with '/' or "..." ("Arlington/Falls Church/Alexandria",
        // "St.Thomas...St. John.."): the head ends with the first place, at the mark.
        let list_mark = [word.find('/'), word.find("...")]
            .into_iter()
            .flatten()
            .min();
        if let Some(mark @ 1..) = list_mark {
            end = at.saturating_add(mark);
            break;
        }
        // Any other mark inside a word ("abc(def)", a word that opens with '/') ends the head
        // before the word; a comma that ends a word ends the head after it.
        let inner_comma = word.trim_end_matches(',').contains(',');
        if word.contains(['/', '(']) || word.contains("...") || inner_comma {
            end = at;
            break;
        }
        if let Some(mark) = word.find(',') {
            end = at.saturating_add(mark);
            // "Schoodic Point, ME to …" keeps its state: the head is "Schoodic Point, ME".
            let after = area.get(end..).unwrap_or_default();
            if let Some(code) = after.strip_prefix(", ").and_then(|a| a.get(..2)) {
                let closes = after
                    .get(4..)
                    .is_none_or(|t| t.is_empty() || t.starts_with(' '));
                if closes && code.bytes().all(|b| b.is_ascii_uppercase()) {
                    end = end.saturating_add(4);
                }
            }
            break;
        }
        let starts_with_digit = word.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if i > 0 && (lexicon::contains(lexicon::AREA_QUALIFIERS, word) || starts_with_digit) {
            end = at;
            break;
        }
    }
    let head = area.get(..end).unwrap_or(area).trim_end();
    if head.is_empty() { area } else { head }
}

/// How far into an area name the "… waters … of" lead may reach: "Coastal Waters extending out
/// to 25 nm South of" is ten words.
const WATERS_LEAD_WORDS: usize = 10;

/// "Coastal waters east of Ipswich Bay …" -> "Ipswich Bay …": drops a leading "… waters
/// [direction] from/of" that names the kind of zone, not the place.
fn strip_waters_lead(area: &str) -> &str {
    let mut offset = 0usize;
    let mut seen_waters = false;
    for (i, word) in area.split(' ').enumerate() {
        offset = offset.saturating_add(word.len()).saturating_add(1);
        if lexicon::is(word, "waters") {
            seen_waters = true;
        } else if seen_waters && (lexicon::is(word, "from") || lexicon::is(word, "of")) {
            return area.get(offset..).map_or(area, str::trim_start);
        } else if seen_waters
            && !lexicon::contains(lexicon::AREA_QUALIFIERS, word)
            && !word.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && !lexicon::is(word, "nm")
        {
            return area;
        }
        if i >= WATERS_LEAD_WORDS {
            break;
        }
    }
    area
}

/// How a time of day is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ClockForm {
    /// "4:45 PM", as in WEA and the example.
    Full,
    /// "4:45PM", and "11PM" for a whole hour, as in NWS headlines: the same time, fewer bytes.
    Compact,
}

/// A time of day in the offset it was written in: "4:45 PM", or "4:45 PM UTC" when it came as
/// unix seconds (or was written in UTC).
pub fn clock(t: Timestamp) -> String<16> {
    clock_as(t, ClockForm::Full)
}

/// [`clock`] in the given form.
pub fn clock_as(t: Timestamp, form: ClockForm) -> String<16> {
    const DAY: i64 = 86_400;
    let local = t.unix.saturating_add(i64::from(t.offset_seconds));
    let seconds = local.rem_euclid(DAY);
    let (hour, minute) = (seconds / 3600, seconds % 3600 / 60);
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    let half = if hour < 12 { "AM" } else { "PM" };
    let zone = if t.offset_seconds == 0 { " UTC" } else { "" };
    // Written digit by digit: `write!` costs the ladder more than the rest of a step.
    let digit = |n: i64| char::from_digit(u32::try_from(n.rem_euclid(10)).unwrap_or(0), 10);
    let mut out = String::new();
    let mut push = |c: Option<char>| {
        let _ = c.map(|c| out.push(c));
    };
    if hour12 >= 10 {
        push(digit(hour12 / 10));
    }
    push(digit(hour12));
    if form == ClockForm::Full || minute != 0 {
        push(Some(':'));
        push(digit(minute / 10));
        push(digit(minute));
    }
    if form == ClockForm::Full {
        push(Some(' '));
    }
    let _ = out.push_str(half);
    let _ = out.push_str(zone);
    out
}

const SECONDS_PER_DAY: i64 = 86_400;

/// Days since 1970-01-01 in the timestamp's own offset.
fn local_day(t: Timestamp) -> i64 {
    t.unix
        .saturating_add(i64::from(t.offset_seconds))
        .div_euclid(SECONDS_PER_DAY)
}

/// The day of the week, as WEA writes it ("til 11:00 PM Mon") when an alert runs a day or more.
fn weekday(t: Timestamp) -> &'static str {
    // 1970-01-01 was a Thursday.
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    let index = usize::try_from(local_day(t).rem_euclid(7)).unwrap_or(0);
    DAYS.get(index).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mag(literal: &str) -> std::string::String {
        one_decimal(Magnitude::parse(literal).unwrap())
            .as_str()
            .into()
    }

    #[test]
    fn magnitudes_round_half_up_in_decimal() {
        assert_eq!(mag("4.35"), "4.4");
        assert_eq!(mag("4.349"), "4.3");
        assert_eq!(mag("5"), "5.0");
        assert_eq!(mag("0.05"), "0.1");
        // USGS titles (checked in the dev feed): -0.04 is "M -0.0", -0.05 is "M -0.1".
        assert_eq!(mag("-0.04"), "-0.0");
        assert_eq!(mag("-0.05"), "-0.1");
        assert_eq!(mag("-0"), "0.0");
        assert_eq!(mag("-1.26"), "-1.3");
    }

    #[test]
    fn distance_prefix_is_stripped_only_when_it_is_one() {
        assert_eq!(
            strip_distance("109 km SW of Severo-Kuril'sk, Russia"),
            "Severo-Kuril'sk, Russia"
        );
        assert_eq!(strip_distance("Fiji region"), "Fiji region");
        assert_eq!(
            strip_distance("4km SE of Home Gardens, CA"),
            "Home Gardens, CA"
        );
        assert_eq!(
            strip_distance("near the east coast of the Kamchatka Peninsula, Russia"),
            "Kamchatka Peninsula, Russia"
        );
        assert_eq!(strip_distance("off the coast of Oregon"), "Oregon");
        assert_eq!(strip_distance("south of the Fiji Islands"), "Fiji Islands");
        assert_eq!(strip_distance("Gulf of Alaska"), "Gulf of Alaska");
        assert_eq!(
            strip_distance("North of the border of Chile"),
            "North of the border of Chile"
        );
    }

    #[test]
    fn area_names_split_as_str_split_does() {
        for text in [
            "",
            "Gentry; Harrison",
            "a;b; c",
            "a;; b",
            "a; ",
            "; a",
            "a;",
            "a; ; b; ",
            "Zürich; Genève;x; y",
        ] {
            let ours: std::vec::Vec<&str> = AreaNames::new(text).collect();
            let std: std::vec::Vec<&str> = text.split("; ").collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn compact_clock_drops_the_space_and_whole_minutes() {
        // 2025-10-18T19:15:00-05:00 and 23:00, 00:05 the same day; by hand.
        let at = |unix: i64, offset_seconds: i32| Timestamp {
            unix,
            offset_seconds,
        };
        let evening = at(1_760_832_900, -5 * 3600);
        assert_eq!(clock_as(evening, ClockForm::Compact).as_str(), "7:15PM");
        let eleven = at(1_760_846_400, -5 * 3600);
        assert_eq!(clock_as(eleven, ClockForm::Compact).as_str(), "11PM");
        assert_eq!(clock_as(eleven, ClockForm::Full).as_str(), "11:00 PM");
        assert_eq!(
            clock_as(at(300, 0), ClockForm::Compact).as_str(),
            "12:05AM UTC"
        );
        assert_eq!(
            clock_as(at(36_000, 0), ClockForm::Full).as_str(),
            "10:00 AM UTC"
        );
    }

    #[test]
    fn a_list_of_places_heads_with_its_first() {
        assert_eq!(area_head("Arlington/Falls Church/Alexandria"), "Arlington");
        assert_eq!(
            area_head("Elbert/Central and East Douglas Counties Above 6000 Feet"),
            "Elbert"
        );
        assert_eq!(
            area_head("St.Thomas...St. John.. and Adjacent Islands"),
            "St.Thomas"
        );
        assert_eq!(area_head("Clear Creek/Gilpin Counties"), "Clear Creek");
        // A mark that opens the name is no list: the area stays whole.
        assert_eq!(area_head("/Falls"), "/Falls");
    }

    #[test]
    fn a_state_code_is_dropped_only_when_it_is_one() {
        assert_eq!(without_state("Schoodic Point, ME"), "Schoodic Point");
        assert_eq!(without_state("S of Oregon Inlet NC"), "S of Oregon Inlet");
        assert_eq!(
            without_state("Lake Michigan Michigan City IN"),
            "Lake Michigan Michigan City"
        );
        assert_eq!(without_state("Clatsop Co Coast"), "Clatsop Co Coast");
        assert_eq!(without_state("Point XX"), "Point XX");
        assert_eq!(without_state("ME"), "ME");
        assert_eq!(without_state(", ME"), ", ME");
    }

    #[test]
    fn implied_words_are_found_as_a_run() {
        let rest = |s: &'static str| s.split_whitespace();
        assert_eq!(implied_run("U.S.", rest("Waters Strait")), Some(2));
        assert_eq!(implied_run("us", rest("WATERS")), Some(2));
        assert_eq!(implied_run("U.S.", rest("Coast")), None);
        assert_eq!(implied_run("U.S.", rest("")), None);
        assert_eq!(implied_run("Waters", rest("Strait")), None);
        assert!(only_implied("U.S. Waters"));
        assert!(!only_implied("Central U.S. Waters Strait"));
    }

    fn short_area(head: &str) -> std::string::String {
        let mut draft = Draft::default();
        write_short_area(head, PLAIN, &mut draft);
        draft.as_str().into()
    }

    #[test]
    fn short_areas_drop_implied_words_but_never_the_whole_name() {
        assert_eq!(
            short_area("West Entrance U.S. Waters Strait Of Juan De Fuca"),
            "W Ent. Strait Of Juan De Fuca"
        );
        assert_eq!(short_area("Schoodic Point, ME"), "Schoodic Point ME");
        assert_eq!(short_area("U.S. Waters"), "U.S. Waters");
    }

    #[test]
    fn clock_shows_the_issuers_local_time() {
        // 2025-10-18T19:15:00-05:00
        let t = Timestamp {
            unix: 1_760_832_900,
            offset_seconds: -5 * 3600,
        };
        assert_eq!(clock(t).as_str(), "7:15 PM");
        let utc = Timestamp {
            unix: 0,
            offset_seconds: 0,
        };
        assert_eq!(clock(utc).as_str(), "12:00 AM UTC");
    }
}
