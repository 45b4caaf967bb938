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
    /// Writes step `step`'s candidate.
    fn write(record: &EventRecord, step: usize, draft: &mut Draft);
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

    fn applies(record: &EventRecord) -> bool {
        record.action.is_some() && (record.actor.is_some() || record.object.is_some())
    }

    fn has_step(record: &EventRecord, step: usize) -> bool {
        let Some(s) = EVENT_STEPS.get(step) else {
            return false;
        };
        s.actor != Actor::Dropped || Self::passive(record)
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

/// USGS title style: "M 5.8 - 109 km SW of Severo-Kuril'sk, Russia".
pub struct Quake;

/// Quake steps: full, abbreviated, without region, without the distance ("109 km SW of"),
/// without the trailing area (", Russia").
const QUAKE_STEPS: usize = 5;

impl Ladder for Quake {
    const STEPS: usize = QUAKE_STEPS;

    fn applies(record: &EventRecord) -> bool {
        record.kind == Kind::Quake && record.magnitude.is_some()
    }

    fn has_step(record: &EventRecord, step: usize) -> bool {
        match step {
            0 | 1 => true,
            2 => record.region.is_some(),
            3 => record
                .place
                .is_some_and(|p| strip_distance(p).len() < p.len()),
            4 => record.place.is_some_and(|p| p.contains(',')),
            _ => false,
        }
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        let style = if step == 0 { PLAIN } else { SHORT };
        draft.push("M ");
        if let Some(m) = record.magnitude {
            draft.push(one_decimal(m).as_str());
        }
        if let Some(object) = record.object {
            draft.phrase(object, style);
        }
        if let Some(mut place) = record.place {
            draft.push(" -");
            if step >= 3 {
                place = strip_distance(place);
            }
            if step >= 4 {
                place = place.rsplit_once(',').map_or(place, |(head, _)| head);
            }
            draft.phrase(place, style);
        }
        if let (true, Some(region)) = (step < 2, record.region) {
            draft.push(",");
            draft.phrase(region, style);
        }
    }
}

/// "109 km SW of Severo-Kuril'sk" -> "Severo-Kuril'sk": drops a leading "<distance> <unit>
/// <direction> of ".
fn strip_distance(place: &str) -> &str {
    let mut words = place.splitn(4, ' ');
    let (Some(distance), Some(_unit), Some(_direction), Some(rest)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return place;
    };
    match rest.strip_prefix("of ") {
        Some(rest) if distance.bytes().all(|b| b.is_ascii_digit() || b == b'.') => rest,
        _ => place,
    }
}

/// A magnitude with one decimal, rounded half up in decimal from its literal ("4.35" -> "4.4"),
/// as USGS titles are. Falls back to float formatting for exponent forms ("5e0").
pub fn one_decimal(m: Magnitude) -> String<12> {
    let mut out = String::new();
    if let Some(s) = round_literal(m.literal) {
        return s;
    }
    // Twelve bytes hold any value in the accepted magnitude range with one decimal.
    let _ = write!(out, "{:.1}", m.value);
    out
}

fn round_literal(literal: &str) -> Option<String<12>> {
    let (negative, digits) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut tenths: u64 = int.parse::<u64>().ok()?.checked_mul(10)?;
    let mut frac_digits = frac.bytes().map(|b| u64::from(b.wrapping_sub(b'0')));
    tenths = tenths.checked_add(frac_digits.next().unwrap_or(0))?;
    if frac_digits.next().unwrap_or(0) >= 5 {
        tenths = tenths.checked_add(1)?;
    }
    let mut out = String::new();
    let sign = if negative && tenths > 0 { "-" } else { "" };
    write!(out, "{sign}{}.{}", tenths / 10, tenths % 10).ok()?;
    Some(out)
}

/// Wireless Emergency Alert style: "Tornado Warning, Jefferson Co AL, til 4:45 PM".
pub struct Warning;

/// Warning steps: full, abbreviated, first area only, without the end time.
const WARNING_STEPS: usize = 4;

impl Ladder for Warning {
    const STEPS: usize = WARNING_STEPS;

    fn applies(record: &EventRecord) -> bool {
        record.kind == Kind::Weather && record.object.is_some()
    }

    fn has_step(record: &EventRecord, step: usize) -> bool {
        match step {
            0 | 1 => true,
            2 => record.place.is_some_and(|p| p.contains(';')),
            3 => record.end().is_some(),
            _ => false,
        }
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        let style = if step == 0 { PLAIN } else { SHORT };
        if let Some(event) = record.object {
            draft.phrase(event, style);
        }
        if let Some(mut place) = record.place.or(record.region) {
            if step >= 2 {
                place = place.split(';').next().unwrap_or(place);
            }
            draft.push(",");
            draft.phrase(place, style);
        }
        if let (true, Some(end)) = (step < 3, record.end()) {
            draft.push(",");
            draft.phrase("til", PLAIN);
            draft.phrase(clock(end).as_str(), PLAIN);
        }
    }
}

/// A time of day in the offset it was written in: "4:45 PM", or "16:45 UTC" style "4:45 PM UTC"
/// when it came as unix seconds.
pub fn clock(t: Timestamp) -> String<16> {
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
    let mut out = String::new();
    let _ = write!(out, "{hour12}:{minute:02} {half}{zone}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mag(literal: &str) -> std::string::String {
        let value = literal.parse().unwrap_or(0.0);
        one_decimal(Magnitude { literal, value }).as_str().into()
    }

    #[test]
    fn magnitudes_round_half_up_in_decimal() {
        assert_eq!(mag("4.35"), "4.4");
        assert_eq!(mag("4.349"), "4.3");
        assert_eq!(mag("5"), "5.0");
        assert_eq!(mag("0.05"), "0.1");
        assert_eq!(mag("-0.04"), "0.0");
        assert_eq!(mag("-1.26"), "-1.3");
        assert_eq!(mag("5e0"), "5.0");
    }

    #[test]
    fn distance_prefix_is_stripped_only_when_it_is_one() {
        assert_eq!(
            strip_distance("109 km SW of Severo-Kuril'sk, Russia"),
            "Severo-Kuril'sk, Russia"
        );
        assert_eq!(strip_distance("Fiji region"), "Fiji region");
        assert_eq!(
            strip_distance("North of the border of Chile"),
            "North of the border of Chile"
        );
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
