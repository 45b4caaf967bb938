//! A news article in plain text to event records: who did what to whom, where, for each
//! sentence that reports an event, the lead sentence first.
//!
//! Rule-based and small on purpose: a sentence reports an event when it holds a trigger, a
//! verb ("attacked", "is negotiating with") or a nominalised one ("the downing of X by Y").
//! The noun phrases around the trigger are its actor and object; "near X", "off X", "approached
//! X" and "in X" after it give the place. A sentence whose parts cannot be found still gives a
//! record with its text, when it is the lead.

use alert_digest::condense::lexicon;
use alert_digest::record::{MAX_ACTION_BYTES, MAX_NAME_BYTES};
use anyhow::Context as _;
use serde_json::{Map, Value};

use super::{Outcome, put_str, shorten};

/// How much of a sentence a record carries as its text.
const SENTENCE_BYTES: usize = 600;
/// Longest noun phrase taken as an actor, an object or a place, in words: "U.S. special envoy
/// Steve Witkoff" is five.
const MAX_PHRASE_WORDS: usize = 6;
/// A dateline ("NextFin News - ") is at most this long.
const DATELINE_MAX_BYTES: usize = 48;

/// What sort of event a trigger reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Force: the event a display should put first.
    Force,
    Diplomacy,
    Politics,
    Disaster,
}

impl Class {
    fn kind(self) -> &'static str {
        match self {
            Class::Force => "military",
            Class::Diplomacy => "diplomacy",
            Class::Politics => "politics",
            Class::Disaster => "other",
        }
    }

    fn severity(self) -> &'static str {
        match self {
            Class::Force | Class::Disaster => "severe",
            Class::Diplomacy => "moderate",
            Class::Politics => "minor",
        }
    }
}

/// Verb triggers: (words as written, the action as a headline writes it, class). The action of
/// a past-tense verb is its participle, so a headline may drop the actor ("Drone downed …").
#[rustfmt::skip]
const VERBS: &[(&str, &str, Class)] = &[
    ("shot down", "shot down", Class::Force), ("downed", "downed", Class::Force),
    ("attacked", "attacked", Class::Force), ("struck", "struck", Class::Force),
    ("killed", "killed", Class::Force), ("wounded", "wounded", Class::Force),
    ("seized", "seized", Class::Force), ("captured", "captured", Class::Force),
    ("intercepted", "intercepted", Class::Force), ("bombed", "bombed", Class::Force),
    ("shelled", "shelled", Class::Force), ("invaded", "invaded", Class::Force),
    ("sank", "sank", Class::Force), ("launched", "launched", Class::Force),
    ("fired", "fired", Class::Force), ("arrested", "arrested", Class::Force),
    ("detained", "detained", Class::Force),
    ("negotiating with", "negotiating with", Class::Diplomacy),
    ("negotiates with", "negotiating with", Class::Diplomacy),
    ("negotiated with", "negotiated with", Class::Diplomacy),
    ("in talks with", "in talks with", Class::Diplomacy),
    ("held talks with", "held talks with", Class::Diplomacy),
    ("met with", "met", Class::Diplomacy), ("signed", "signed", Class::Diplomacy),
    ("sanctioned", "sanctioned", Class::Diplomacy), ("expelled", "expelled", Class::Diplomacy),
    ("resigned", "resigned", Class::Politics), ("elected", "elected", Class::Politics),
    ("evacuated", "evacuated", Class::Disaster), ("erupted", "erupted", Class::Disaster),
];

/// Nominalised triggers, "the {noun} of {object} by {actor}": (noun, action, class).
#[rustfmt::skip]
const NOUNS: &[(&str, &str, Class)] = &[
    ("downing", "downed", Class::Force), ("shooting down", "shot down", Class::Force),
    ("killing", "killed", Class::Force), ("seizure", "seized", Class::Force),
    ("capture", "captured", Class::Force), ("interception", "intercepted", Class::Force),
    ("bombing", "bombed", Class::Force), ("sinking", "sunk", Class::Force),
    ("arrest", "arrested", Class::Force), ("assassination", "assassinated", Class::Force),
    ("invasion", "invaded", Class::Force),
];

/// Words between a subject and its verb that are not part of the subject.
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "reportedly",
    "also",
    "now",
    "still",
    "actively",
    "allegedly",
    "reportedly",
];

/// Words that end a noun phrase read leftwards or rightwards.
const BOUNDARIES: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "and",
    "or",
    "but",
    "as",
    "while",
    "when",
    "after",
    "before",
    "said",
    "says",
    "stated",
    "confirmed",
    "reported",
    "announced",
    "told",
    "noted",
    "if",
    "in",
    "on",
    "at",
    "by",
    "of",
    "for",
    "from",
    "with",
    "near",
    "off",
    "over",
    "into",
    "to",
    "earlier",
    "later",
    "since",
    "during",
    "amid",
    "following",
    "including",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
];

/// Pronouns: an event with a pronoun for a party cannot stand alone as a digest.
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "this", "that",
    "these", "those", "who", "which",
];

/// Words that only introduce a noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Prepositions that place an event, most telling first: (word, relation). "approached" is
/// how a report says something was near.
const PLACE_CUES: &[(&str, &str)] = &[
    ("near", "near"),
    ("approached", "near"),
    ("off", "off"),
    ("over", "over"),
    ("at", "at"),
    ("in", "in"),
];

pub fn ingest(bytes: &[u8]) -> anyhow::Result<Outcome> {
    let article = std::str::from_utf8(bytes).context("the article is not UTF-8")?;
    let mut outcome = Outcome::default();
    let (outlet, body) = dateline(article.trim());
    let date = first_date(body);
    let article_id = alert_digest::id_hash(article);
    let mut seen = Vec::new();
    for (n, sentence) in sentences(body).enumerate() {
        let found = event(sentence);
        let lead = n == 0;
        let Some(mut r) = found.or_else(|| lead.then(Map::new)) else {
            continue;
        };
        let signature = (
            r.get("actor").cloned(),
            r.get("action").cloned(),
            r.get("object").cloned(),
        );
        if r.contains_key("action") {
            if seen.contains(&signature) {
                continue;
            }
            seen.push(signature);
        }
        put_str(
            &mut r,
            "id",
            Some(&format!("text-{article_id:08x}-{}", n + 1)),
        );
        if let Some(date) = &date {
            put_str(&mut r, "time", Some(date));
        }
        if !r.contains_key("kind") {
            r.insert("kind".into(), "other".into());
        }
        let cited = according_to(sentence);
        put_str(&mut r, "source", cited.or(outlet));
        put_str(
            &mut r,
            "text",
            Some(shorten(sentence, SENTENCE_BYTES, &[' '])),
        );
        outcome.records.push(r);
    }
    if outcome.records.is_empty() {
        anyhow::bail!("the article has no sentence");
    }
    Ok(outcome)
}

/// Splits off a leading dateline or outlet name ("NextFin News - …").
fn dateline(text: &str) -> (Option<&str>, &str) {
    for dash in [" - ", " -- ", " — ", " – "] {
        if let Some((head, rest)) = text.split_once(dash)
            && head.len() <= DATELINE_MAX_BYTES
            && !head.contains(['.', ','])
        {
            return (Some(head.trim()), rest);
        }
    }
    (None, text)
}

/// The sentences of `text`: a full stop ends one unless it ends a known abbreviation ("U.S.")
/// or an initial; a line break always does.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.lines().flat_map(|line| {
        let mut out = Vec::new();
        let mut start = 0;
        let mut offset = 0;
        for piece in line.split_inclusive(char::is_whitespace) {
            let word = piece
                .trim_end()
                .trim_end_matches(['"', '\'', '”', '’', ')']);
            offset += piece.len();
            let abbreviation = lexicon::contains(lexicon::NON_TERMINAL_ABBREVIATIONS, word)
                || (word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()));
            if word.ends_with(['.', '!', '?']) && !abbreviation {
                out.push(line[start..offset].trim());
                start = offset;
            }
        }
        out.push(line[start..].trim());
        out.into_iter().filter(|s| s.split_whitespace().count() > 2)
    })
}

/// A word of a sentence, without the punctuation around it, and whether a clause ends after it.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    ends_clause: bool,
}

fn words(sentence: &str) -> Vec<Word<'_>> {
    sentence
        .split_whitespace()
        .map(|raw| {
            let abbreviation = lexicon::contains(lexicon::NON_TERMINAL_ABBREVIATIONS, raw);
            let ends_clause = raw.ends_with([',', ';', ':', '.', '"', '”', '—']) && !abbreviation;
            let text = raw
                .trim_start_matches(['"', '“', '(', '\''])
                .trim_end_matches([',', ';', ':', '"', '”', ')', '—', '!', '?']);
            // A final full stop is punctuation; "U.S." keeps its own.
            let text = if text.ends_with('.')
                && !lexicon::contains(lexicon::NON_TERMINAL_ABBREVIATIONS, text)
            {
                &text[..text.len() - 1]
            } else {
                text
            };
            Word { text, ends_clause }
        })
        .filter(|w| !w.text.is_empty())
        .collect()
}

fn is(word: &Word, table: &[&str]) -> bool {
    lexicon::contains(table, word.text)
}

/// The first event the sentence reports, as a record without id, time and source.
fn event(sentence: &str) -> Option<Map<String, Value>> {
    let w = words(sentence);
    nominal(&w).or_else(|| verbal(&w))
}

/// Whether the words at `at` spell `phrase` (case-insensitive).
fn spells(w: &[Word], at: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(i, p)| w.get(at + i).is_some_and(|x| lexicon::is(x.text, p)))
}

/// "the downing of an Iranian drone by a U.S. fighter jet in the Arabian Sea".
fn nominal(w: &[Word]) -> Option<Map<String, Value>> {
    for at in 0..w.len() {
        for &(noun, action, class) in NOUNS {
            if !(spells(w, at, noun) && at > 0 && is(&w[at - 1], &["the"])) {
                continue;
            }
            let after = at + noun.split(' ').count();
            if !w.get(after).is_some_and(|x| lexicon::is(x.text, "of")) {
                continue;
            }
            let (object, next) = phrase_right(w, after + 1)?;
            let (actor, next) = match w.get(next) {
                Some(x) if lexicon::is(x.text, "by") => {
                    let (actor, next) = phrase_right(w, next + 1)?;
                    (Some(actor), next)
                }
                _ => (None, next),
            };
            return Some(build(
                actor.as_deref(),
                action,
                Some(&object),
                class,
                w,
                next,
            ));
        }
    }
    None
}

/// "{subject} [is] [actively] {verb} {object}".
fn verbal(w: &[Word]) -> Option<Map<String, Value>> {
    for at in 1..w.len() {
        for &(verb, action, class) in VERBS {
            if !spells(w, at, verb) {
                continue;
            }
            let Some(actor) = phrase_left(w, at) else {
                continue;
            };
            let after = at + verb.split(' ').count();
            let (object, next) = match phrase_right(w, after) {
                Some((object, next)) if !w[after - 1].ends_clause => (Some(object), next),
                _ => (None, after),
            };
            return Some(build(
                Some(&actor),
                action,
                object.as_deref(),
                class,
                w,
                next,
            ));
        }
    }
    None
}

fn build(
    actor: Option<&str>,
    action: &str,
    object: Option<&str>,
    class: Class,
    w: &[Word],
    from: usize,
) -> Map<String, Value> {
    let mut r = Map::new();
    r.insert("kind".into(), class.kind().into());
    r.insert("severity".into(), class.severity().into());
    put_str(
        &mut r,
        "actor",
        actor.map(|a| shorten(a, MAX_NAME_BYTES, &[' '])),
    );
    put_str(
        &mut r,
        "action",
        Some(shorten(action, MAX_ACTION_BYTES, &[' '])),
    );
    put_str(
        &mut r,
        "object",
        object.map(|o| shorten(o, MAX_NAME_BYTES, &[' '])),
    );
    let places = places(w, from);
    // The most telling cue is the place; an "in …" beside it is the region.
    if let Some((relation, place)) = places.first() {
        r.insert("relation".into(), (*relation).into());
        put_str(
            &mut r,
            "place",
            Some(shorten(place, MAX_NAME_BYTES, &[' '])),
        );
        if let Some((_, region)) = places.iter().skip(1).find(|(rel, _)| *rel == "in") {
            put_str(
                &mut r,
                "region",
                Some(shorten(region, MAX_NAME_BYTES, &[' '])),
            );
        }
    }
    r
}

/// Proper-noun places after `from`, in the order of [`PLACE_CUES`]: (relation, name).
fn places(w: &[Word], from: usize) -> Vec<(&'static str, String)> {
    let mut found: Vec<(usize, &'static str, String)> = Vec::new();
    for at in from..w.len() {
        let Some(&(_, relation)) = PLACE_CUES
            .iter()
            .find(|(cue, _)| lexicon::is(w[at].text, cue))
        else {
            continue;
        };
        if let Some(name) = proper_right(w, at + 1) {
            let rank = PLACE_CUES
                .iter()
                .position(|(_, r)| *r == relation)
                .unwrap_or(0);
            if !found.iter().any(|(_, _, n)| *n == name) {
                found.push((rank, relation, name));
            }
        }
    }
    found.sort_by_key(|(rank, _, _)| *rank);
    found
        .into_iter()
        .map(|(_, rel, name)| (rel, name))
        .collect()
}

/// A run of capitalised words after an optional "the": "the USS Abraham Lincoln aircraft
/// carrier" -> "USS Abraham Lincoln".
fn proper_right(w: &[Word], mut at: usize) -> Option<String> {
    if w.get(at).is_some_and(|x| is(x, DETERMINERS)) {
        at += 1;
    }
    let mut names = Vec::new();
    while let Some(x) = w.get(at) {
        let capital = x.text.starts_with(|c: char| c.is_uppercase());
        // "Horn of Africa", "Strait of Hormuz": a lower-case "of" between two names.
        let joins = lexicon::is(x.text, "of")
            && !names.is_empty()
            && w.get(at + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_uppercase()));
        if !(capital || joins) || names.len() == MAX_PHRASE_WORDS {
            break;
        }
        names.push(x.text);
        at += 1;
        if x.ends_clause {
            break;
        }
    }
    (!names.is_empty()).then(|| names.join(" "))
}

/// The noun phrase that starts at `at`: an optional determiner, then words up to a boundary,
/// a clause end or [`MAX_PHRASE_WORDS`]. Returns it and where it ends.
fn phrase_right(w: &[Word], mut at: usize) -> Option<(String, usize)> {
    if w.get(at).is_some_and(|x| is(x, DETERMINERS)) {
        at += 1;
    }
    let mut parts = Vec::new();
    while let Some(x) = w.get(at) {
        if is(x, BOUNDARIES) || parts.len() == MAX_PHRASE_WORDS {
            break;
        }
        parts.push(x.text);
        at += 1;
        if x.ends_clause {
            break;
        }
    }
    let phrase = parts.join(" ");
    (!parts.is_empty()
        && !is(
            &Word {
                text: &phrase,
                ends_clause: false,
            },
            PRONOUNS,
        ))
    .then_some((phrase, at))
}

/// The subject ending just before `verb_at`, skipping auxiliaries and adverbs ("the United
/// States is actively negotiating" -> "United States").
fn phrase_left(w: &[Word], verb_at: usize) -> Option<String> {
    let mut end = verb_at;
    while end > 0 && (is(&w[end - 1], AUXILIARIES) || w[end - 1].text.ends_with("ly")) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let x = &w[start - 1];
        if x.ends_clause
            || is(x, BOUNDARIES)
            || is(x, DETERMINERS)
            || end - start == MAX_PHRASE_WORDS
        {
            break;
        }
        start -= 1;
    }
    let parts: Vec<&str> = w[start..end].iter().map(|x| x.text).collect();
    let phrase = parts.join(" ");
    let pronoun = is(
        &Word {
            text: &phrase,
            ends_clause: false,
        },
        PRONOUNS,
    );
    (!parts.is_empty() && !pronoun).then_some(phrase)
}

/// "According to Anadolu Ajansi, …" -> "Anadolu Ajansi" (anywhere in the sentence).
fn according_to(sentence: &str) -> Option<&str> {
    const CUE: &str = "according to ";
    let at = sentence.to_ascii_lowercase().find(CUE)?;
    let rest = sentence.get(at + CUE.len()..)?;
    let (name, _) = rest.split_once(',')?;
    (name.split_whitespace().count() <= MAX_PHRASE_WORDS).then_some(name.trim())
}

/// The first "Month D, YYYY" date in the text, as midnight UTC of that day (the article gives
/// the day, not the hour).
fn first_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let w: Vec<&str> = text.split_whitespace().take(80).collect();
    w.windows(3).find_map(|t| {
        let month = MONTHS.iter().position(|m| *m == t[0])? + 1;
        let day: u32 = t[1].trim_end_matches(',').parse().ok()?;
        let year: u32 = t[2].trim_end_matches([',', '.']).parse().ok()?;
        ((1..=31).contains(&day) && (1900..=2100).contains(&year))
            .then(|| format!("{year:04}-{month:02}-{day:02}T00:00:00Z"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(r: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
        r.get(k).and_then(Value::as_str)
    }

    #[test]
    fn nominalised_events_give_actor_object_and_places() {
        let r = event(
            "This follows the downing of an Iranian drone by a U.S. fighter jet in the Arabian \
             Sea after the craft approached the USS Abraham Lincoln aircraft carrier.",
        )
        .expect("an event");
        assert_eq!(get(&r, "actor"), Some("U.S. fighter jet"));
        assert_eq!(get(&r, "action"), Some("downed"));
        assert_eq!(get(&r, "object"), Some("Iranian drone"));
        assert_eq!(get(&r, "relation"), Some("near"));
        assert_eq!(get(&r, "place"), Some("USS Abraham Lincoln"));
        assert_eq!(get(&r, "region"), Some("Arabian Sea"));
    }

    #[test]
    fn verbal_events_skip_auxiliaries_and_refuse_pronouns() {
        let r =
            event("Trump said that the United States is actively negotiating with Iran, he said.")
                .expect("an event");
        assert_eq!(get(&r, "actor"), Some("United States"));
        assert_eq!(get(&r, "action"), Some("negotiating with"));
        assert_eq!(get(&r, "object"), Some("Iran"));
        assert!(event("\"We are negotiating with them right now,\" he said.").is_none());
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations() {
        let s: Vec<&str> =
            sentences("U.S. forces moved in. Then they left again.\nNew line here now.").collect();
        assert_eq!(
            s,
            [
                "U.S. forces moved in.",
                "Then they left again.",
                "New line here now."
            ]
        );
    }

    #[test]
    fn datelines_and_dates_are_found() {
        assert_eq!(
            dateline("NextFin News - U.S. President Trump confirmed"),
            (Some("NextFin News"), "U.S. President Trump confirmed")
        );
        assert_eq!(
            first_date("confirmed on Tuesday, February 3, 2026, that").as_deref(),
            Some("2026-02-03T00:00:00Z")
        );
    }
}
