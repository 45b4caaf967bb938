//! Property tests of the hard rules, for arbitrary and adversarial records and every budget from
//! 16 to 160: never over the budget, never a cut inside a word or a UTF-8 character, never a
//! dangling word or mark at the end, the same bytes for the same input; and no panic on any
//! bytes at all.

use alert_digest::condense::lexicon::ABBREVIATIONS;
use alert_digest::{
    Digest, Error, MAX_BUDGET, MAX_RECORD_BYTES, MIN_BUDGET, condense, parse_record,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Words that must never end a digest, written out here independently of the core's table.
const MUST_NOT_END: &[&str] = &[
    "of", "near", "in", "at", "on", "to", "for", "the", "a", "an", "and", "or", "with", "from",
    "by", "is", "was", "has", "will", "til",
];
const MUST_NOT_END_MARKS: &[char] = &[',', ';', ':', '-', '–', '—', '(', '/', '&'];

/// Template glue that may appear in a digest without coming from a field.
const GLUE: &[&str] = &[
    "m", "-", "til", "am", "pm", "utc", "near", "in", "at", "off", "over",
];

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
}

/// A word as compared: case-folded both ways (so "ß" and "SS" meet) and without the
/// punctuation a cut may strip from its end.
fn norm(word: &str) -> String {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_uppercase()
        .to_lowercase()
}

fn is_clock_or_number(word: &str) -> bool {
    // Issue 6's quake and warning forms: "M5.8" (compact magnitude), "7:15PM" and "11PM"
    // (compact clock), "+3" (more areas). Words are compared lower-cased.
    let word = word.strip_prefix('m').unwrap_or(word);
    let word = word.strip_prefix('+').unwrap_or(word);
    let word = word
        .strip_suffix("am")
        .or_else(|| word.strip_suffix("pm"))
        .unwrap_or(word);
    let word = word.strip_prefix('-').unwrap_or(word);
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// Issue 6's documented short forms and glue: weekdays ("til 11PM Mon"), "and" between areas,
/// state codes for USGS state names, the warning template's event and area short forms.
fn feeds_glue() -> Vec<String> {
    use alert_digest::condense::lexicon::{
        AREA_ABBREVIATIONS, US_STATES, WEATHER_EVENT_ABBREVIATIONS, WEATHER_EVENT_CONTRACTIONS,
    };
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "and"];
    days.iter()
        .map(|d| norm(d))
        .chain(
            US_STATES
                .iter()
                .chain(WEATHER_EVENT_ABBREVIATIONS)
                .chain(WEATHER_EVENT_CONTRACTIONS)
                .chain(AREA_ABBREVIATIONS)
                .map(|(_, short)| norm(short)),
        )
        .collect()
}

fn check_hard_rules(record: &Value, budget: usize) -> Result<(), TestCaseError> {
    let line = record.to_string();
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    let parsed = match parse_record(line.as_bytes(), &mut scratch) {
        Ok(r) => r,
        // Over a field limit is a typed error, not a failure of the rules.
        Err(Error::FieldTooLong { .. } | Error::RecordTooLong { .. }) => return Ok(()),
        Err(e) => return Err(TestCaseError::fail(format!("{e}: {line}"))),
    };
    let first: Result<Digest<MAX_BUDGET>, _> = condense(&parsed, budget);
    let second: Result<Digest<MAX_BUDGET>, _> = condense(&parsed, budget);
    prop_assert_eq!(&first, &second, "not deterministic");
    let digest = match first {
        Ok(d) => d,
        Err(Error::DoesNotFit | Error::NothingToCondense) => return Ok(()),
        Err(e) => return Err(TestCaseError::fail(format!("{e}: {line}"))),
    };
    let text = digest.text.as_str();
    prop_assert!(
        text.len() <= budget,
        "{} bytes over {}: {:?}",
        text.len(),
        budget,
        text
    );
    prop_assert!(!text.is_empty());
    prop_assert_eq!(text.trim(), text);
    prop_assert!(!text.contains("  "), "double space: {:?}", text);
    let last = text.rsplit(' ').next().unwrap_or(text);
    prop_assert!(
        !MUST_NOT_END.iter().any(|w| w.eq_ignore_ascii_case(last)),
        "dangling word: {:?}",
        text
    );
    prop_assert!(
        !text.ends_with(MUST_NOT_END_MARKS),
        "dangling mark: {:?}",
        text
    );
    // Every word is a whole word of some field (or an abbreviation of one, or template glue).
    let mut allowed: Vec<String> = Vec::new();
    if let Some(fields) = record.as_object() {
        for value in fields.values() {
            if let Some(s) = value.as_str() {
                allowed.extend(words_of(s).map(norm));
                // NWS joins places with '/' and "..." ("Arlington/Falls Church"); the warning
                // template may keep the first place of such a list (issue 6).
                allowed.extend(
                    words_of(s)
                        .flat_map(|w| w.split('/'))
                        .flat_map(|p| p.split("..."))
                        .map(norm),
                );
            }
        }
    }
    allowed.extend(ABBREVIATIONS.iter().map(|(_, short)| norm(short)));
    allowed.extend(GLUE.iter().map(|g| norm(g)));
    allowed.extend(feeds_glue());
    for word in text.split(' ') {
        let w = norm(word);
        prop_assert!(
            w.is_empty()
                || is_clock_or_number(&w)
                || allowed.contains(&w)
                // Free-text rules write a few words of their own ("to", "says", "downed").
                || alert_digest::condense::compress::writes_word(&w)
                // A transcript's clitic is written joined to the word before it ("they 're"
                // -> "they're"): both halves are words of the input.
                || word.split_once('\'').is_some_and(|(host, clitic)| {
                    allowed.contains(&norm(host)) && allowed.contains(&norm(&format!("'{clitic}")))
                }),
            "word {:?} is not a whole word of the input: {:?} from {}",
            word,
            text,
            line
        );
    }
    Ok(())
}

/// Text that stresses cutting: dangling words, marks, long words, accents, emoji, controls.
fn adversarial_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        prop::sample::select(vec![
            "of",
            "near",
            "the",
            "a",
            "and",
            ",",
            "-",
            "—",
            "(",
            "U.S.",
            "United",
            "States",
            "Minister",
            "kilometers",
            "Iranian",
            "drone",
            "downed",
            "Zürich",
            "İstanbul",
            "ß",
            "🔥",
            "\u{0}",
            "\t",
            "…",
            "\"quoted\"",
            "'",
            "Telecommunications",
            "M5.8",
            "4:45",
        ])
        .prop_map(String::from),
        "[a-zA-Z]{1,12}",
        "[A-Z]{2,9}",
        "\\PC{1,6}",
        "[a-z]{30,60}",
    ];
    prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
}

fn kind() -> impl Strategy<Value = Option<&'static str>> {
    prop::option::of(prop::sample::select(vec![
        "military",
        "conflict",
        "diplomacy",
        "weather",
        "quake",
        "fire",
        "other",
    ]))
}

fn record() -> impl Strategy<Value = Value> {
    (
        kind(),
        prop::option::of(adversarial_text()),
        prop::option::of(adversarial_text()),
        prop::option::of(adversarial_text()),
        prop::option::of(adversarial_text()),
        prop::option::of(adversarial_text()),
        prop::option::of(adversarial_text()),
        prop::option::of(prop::sample::select(vec![
            "near", "in", "at", "off", "over",
        ])),
        // Magnitudes as feeds write them: plain decimals with two places.
        prop::option::of((-200i32..1000).prop_map(|t| f64::from(t) / 100.0)),
        prop::option::of(0i64..4_000_000_000),
    )
        .prop_map(
            |(kind, actor, action, object, place, region, text, relation, magnitude, until)| {
                let mut r = Map::new();
                r.insert("id".into(), json!("prop"));
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        r.insert(k.into(), v);
                    }
                };
                put("kind", kind.map(Value::from));
                put("actor", actor.map(|s| Value::from(trim_to(s, 96))));
                put("action", action.map(|s| Value::from(trim_to(s, 48))));
                put("object", object.map(|s| Value::from(trim_to(s, 96))));
                put("place", place.map(|s| Value::from(trim_to(s, 96))));
                put("region", region.map(|s| Value::from(trim_to(s, 96))));
                put(
                    "headline",
                    text.clone().map(|s| Value::from(trim_to(s, 256))),
                );
                put("text", text.map(Value::from));
                put("relation", relation.map(Value::from));
                put("magnitude", magnitude.map(Value::from));
                put("until", until.map(Value::from));
                Value::Object(r)
            },
        )
}

/// The longest prefix of `s` within `max` bytes, on a character boundary.
fn trim_to(s: String, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn hard_rules_hold_for_arbitrary_records(record in record(), budget in MIN_BUDGET..=MAX_BUDGET) {
        check_hard_rules(&record, budget)?;
    }

    #[test]
    fn any_bytes_give_a_result_not_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut scratch = [0u8; 600];
        if let Ok(record) = parse_record(&bytes, &mut scratch) {
            let _ = condense::<MAX_BUDGET>(&record, 48);
        }
    }

    #[test]
    fn json_shaped_bytes_give_a_result_not_a_panic(
        parts in prop::collection::vec(prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"id\"", "\"x\"", "\"time\"", "\"refs\"", "\"severity\"",
            "\"magnitude\"", "1", "-0", "1e999", "null", "true", "\"\\u00e9\"", "\"\\ud83d\"", "\\",
            "\"", " ",
        ]), 0..80)
    ) {
        let bytes = parts.concat();
        let mut scratch = [0u8; 1024];
        if let Ok(record) = parse_record(bytes.as_bytes(), &mut scratch) {
            let _ = condense::<MAX_BUDGET>(&record, 16);
        }
    }
}

#[test]
fn the_seed_obeys_the_hard_rules_at_every_budget() {
    for line in include_str!("fixtures/seed/events.jsonl").lines() {
        let record: Value = serde_json::from_str(line).expect("seed is JSON");
        for budget in MIN_BUDGET..=MAX_BUDGET {
            check_hard_rules(&record, budget).expect("hard rules");
        }
    }
}
