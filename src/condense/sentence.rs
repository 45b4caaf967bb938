//! Choosing the sentence a headline is made from, and writing it in a normal form.
//!
//! A record's text may be a whole article. The lead carries the news in wire copy, so it is
//! chosen unless it is not a statement of news (a question, a quotation, a greeting, a line of
//! boilerplate); then the next sentence that is one, among the first few.

use heapless::String;

use super::lexicon::{self, NON_TERMINAL_ABBREVIATIONS};

/// A dateline ("WASHINGTON (Reuters) - ", "NextFin News - ") is at most this long; a dash
/// further in is part of the sentence.
const DATELINE_MAX_BYTES: usize = 48;

/// A bulletin's field label ("* WHAT...", "PRECAUTIONARY/PREPAREDNESS ACTIONS...") is at most
/// this long; capitals further in are part of the text.
const LABEL_MAX_BYTES: usize = 40;

/// A kicker and its version ("BREAKING NEWS:", "UPDATE 12-") is at most this long.
const KICKER_MAX_BYTES: usize = 24;

/// How far to look for the end of one sentence. A digest holds at most 160 bytes and trimming
/// rarely halves a sentence twice over, so a longer stretch is never shown.
pub const SENTENCE_SCAN_BYTES: usize = 640;

/// How many sentences are weighed when the lead is not news. News puts the event first; a
/// sentence this far down is background.
const CANDIDATE_SENTENCES: usize = 3;

/// A sentence with fewer words than this is a greeting or a sign-off ("Thanks.", "Don?"),
/// unless it is all there is.
const MIN_NEWS_WORDS: usize = 4;

/// `text` after a leading dateline that ends in " - ", " -- " or " — ": a place in capitals
/// ("WASHINGTON - "), or a source ("NextFin News - ", "TOKYO (Reuters) - "). A dash after
/// words of a sentence ("First stop - Toledo") is not one.
pub fn without_dateline(text: &str) -> &str {
    let head = floor_boundary(text, DATELINE_MAX_BYTES);
    // Every dash below is '-' or starts with the byte 0xE2: most leads have neither.
    if !head.bytes().any(|b| b == b'-' || b == 0xE2) {
        return text;
    }
    for dash in [" - ", " -- ", " — ", " – "] {
        if let Some((line, rest)) = head.split_once(dash) {
            if !is_dateline(line) {
                continue;
            }
            let skipped = head.len().saturating_sub(rest.len());
            return text.get(skipped..).unwrap_or(text);
        }
    }
    text
}

/// Words that label a story rather than tell it, as a feed's title opens with them ("UPDATE
/// 2-", "BREAKING:", "Live updates:", "Opinion |").
const KICKERS: &[&str] = &[
    "breaking",
    "breaking news",
    "live",
    "live updates",
    "update",
    "updated",
    "exclusive",
    "analysis",
    "factbox",
    "explainer",
    "opinion",
    "watch",
    "video",
    "developing",
    "just in",
    "urgent",
];

/// `text` after a leading kicker ([`KICKERS`], a wire's version number after it if any) and its
/// mark: ":" or "|" in any case, "-" only after a kicker in capitals as a wire writes it
/// ("UPDATE 2-Oil prices jump"; "Live-fire drills" is a word).
pub fn without_kicker(text: &str) -> &str {
    let head = floor_boundary(text, KICKER_MAX_BYTES);
    let Some(at) = head.find([':', '|', '-']) else {
        return text;
    };
    let (label, mark) = (head.get(..at).unwrap_or_default(), head.get(at..=at));
    let label = label.trim_end();
    // "UPDATE 2" -> "UPDATE": a story's version.
    let kicker = label
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let known = KICKERS.iter().any(|k| lexicon::is(kicker, k));
    let dash_ok = mark != Some("-") || !kicker.bytes().any(|b| b.is_ascii_lowercase());
    let rest = text
        .get(at.saturating_add(1)..)
        .unwrap_or_default()
        .trim_start();
    if known && dash_ok && !rest.is_empty() {
        rest
    } else {
        text
    }
}

/// `text` after a leading field label of a bulletin: a bullet "* " if any, a label in
/// capitals, and "...", as NWS and CAP descriptions write their fields ("* WHAT...West winds
/// 30 to 35 mph" -> "West winds 30 to 35 mph"). Text in capitals without the dots ("HIGH
/// WIND WARNING") is the text.
pub fn without_label(text: &str) -> &str {
    let body = text.strip_prefix("* ").unwrap_or(text);
    let head = floor_boundary(body, LABEL_MAX_BYTES);
    let Some((label, _)) = head.split_once("...") else {
        return text;
    };
    let is_label = label.bytes().any(|b| b.is_ascii_uppercase())
        && label
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b' ' || b == b'/');
    let rest = body
        .get(label.len().saturating_add(3)..)
        .unwrap_or_default()
        .trim_start();
    if is_label && !rest.is_empty() {
        rest
    } else {
        text
    }
}

/// Words that name a news source in a dateline.
const SOURCE_WORDS: &[&str] = &[
    "news",
    "reuters",
    "ap",
    "afp",
    "upi",
    "press",
    "agency",
    "wire",
    "xinhua",
    "tass",
    "bloomberg",
    "anadolu",
    "newswire",
];

fn is_dateline(line: &str) -> bool {
    let words = || line.split_whitespace();
    let capitals = words().all(|w| !w.chars().any(char::is_lowercase));
    let source = line.trim_end().ends_with(')')
        || words().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            lexicon::contains(SOURCE_WORDS, w)
        });
    let named = words().all(|w| !w.starts_with(char::is_lowercase));
    (capitals || source) && named
}

/// The first sentence of `text` (its first [`SENTENCE_SCAN_BYTES`] when no end is found
/// there). A full stop ends a sentence unless it ends a known abbreviation ("U.S.") or an
/// initial.
pub fn lead_sentence(text: &str) -> &str {
    let text = floor_boundary(text, SENTENCE_SCAN_BYTES);
    // Each word runs to the next whitespace character; the last one to the end.
    let mut start = 0usize;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if ends_sentence(text.get(start..at).unwrap_or_default()) {
                return text.get(..at).unwrap_or(text);
            }
            start = at.saturating_add(c.len_utf8());
        }
    }
    text
}

/// The sentence a headline is made from: the lead, unless it is not news (see the module).
pub fn choose(text: &str) -> &str {
    // An NWS heading is set between runs of dots ("...WINTER STORM WARNING IN EFFECT...").
    let text = text.trim_start().trim_start_matches("...").trim_start();
    let undated = without_dateline(without_kicker(text));
    let text = without_label(undated);
    let lead = lead_sentence(text);
    // A bulletin's first field ("* WHAT...Sneaker waves possible.") is its news, however
    // short: the next are where, when and what to do.
    if text.len() < undated.len() && !lead.is_empty() {
        return lead;
    }
    let mut rest = text;
    for n in 0..CANDIDATE_SENTENCES {
        let sentence = if n == 0 { lead } else { lead_sentence(rest) };
        if sentence.is_empty() {
            break;
        }
        if is_news(sentence) {
            return sentence;
        }
        rest = rest.get(sentence.len()..).unwrap_or_default().trim_start();
    }
    lead
}

/// Whether a sentence states news: long enough, not a question, not a quotation, not a pointer
/// to more ("Explore more…", "Click here…").
fn is_news(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or_default();
    let enough = sentence
        .split_whitespace()
        .nth(MIN_NEWS_WORDS.saturating_sub(1))
        .is_some();
    enough
        && !sentence.trim_end().ends_with('?')
        && !first.starts_with(['"', '“', '\''])
        && ![
            "click",
            "explore",
            "subscribe",
            "read",
            "watch",
            "follow",
            "sign",
        ]
        .iter()
        .any(|w| lexicon::is(first, w))
}

fn ends_sentence(word: &str) -> bool {
    // Most words end in a letter or digit: no stop there.
    if word
        .as_bytes()
        .last()
        .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return false;
    }
    let word = word.trim_end_matches(['"', '\'', '”', '’', ')']);
    word.ends_with(['.', '!', '?']) && !is_abbreviation(word)
        // A tokenised text writes the stop as a word of its own: "Tyre ." ends there.
        || matches!(word, "." | "!" | "?")
}

fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '"', '\'']);
    lexicon::contains(NON_TERMINAL_ABBREVIATIONS, word)
        // An initial ("J." in "Michael J. Fox") or a dotted short form ("N.Y.", "a.m.").
        || (word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()))
        || (word.len() >= 4 && word.matches('.').count() >= 2 && !word.contains(".."))
}

/// Room for a normalised sentence: as much as is scanned.
pub type Normal = String<SENTENCE_SCAN_BYTES>;

/// Writes `sentence` into `out` as plain words separated by single spaces: marks that a
/// tokeniser set apart (" ,", " .") rejoin the word before, editorial notes in square
/// brackets (`[ sp ]`) go, and tokenised
/// quotes (`` and '') become plain ones. Words that do not fit are left out whole.
pub fn normalise(sentence: &str, out: &mut Normal) {
    out.clear();
    let mut in_note = false;
    for word in sentence.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if in_note {
            in_note = !word.ends_with(']');
            continue;
        }
        if word.starts_with('[') {
            in_note = !word.ends_with(']');
            continue;
        }
        let word = match word {
            "``" | "''" => "\"",
            w => w,
        };
        let attach = !out.is_empty() && is_attached(word);
        let mark = out.len();
        if !out.is_empty() && !attach && out.push(' ').is_err() {
            break;
        }
        // A word that does not fit is not written at all (nor the space before it).
        if out.push_str(word).is_err() {
            out.truncate(mark);
            break;
        }
    }
}

/// A mark that belongs to the word before it ("," "." ";"). Clitics (" 's") stay apart:
/// joined, they would make a word the input does not have.
fn is_attached(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '%'))
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
pub fn floor_boundary(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_sentence_skips_abbreviations() {
        let text = "U.S. President Trump confirmed talks. Iran agreed.";
        assert_eq!(lead_sentence(text), "U.S. President Trump confirmed talks.");
        assert_eq!(lead_sentence("No end here"), "No end here");
        assert_eq!(
            lead_sentence("Fog in N.Y. today. More later."),
            "Fog in N.Y. today."
        );
    }

    #[test]
    fn kickers_are_dropped_and_words_that_only_look_like_one_stay() {
        assert_eq!(
            without_kicker("UPDATE 2-Oil prices jump 3% after OPEC+ agrees cut"),
            "Oil prices jump 3% after OPEC+ agrees cut"
        );
        assert_eq!(
            without_kicker("Live updates: Hurricane Milton makes landfall"),
            "Hurricane Milton makes landfall"
        );
        assert_eq!(
            without_kicker("BREAKING: Quake hits Peru"),
            "Quake hits Peru"
        );
        assert_eq!(without_kicker("Opinion | Why rates rise"), "Why rates rise");
        // A dash after a kicker in lower case is a word's ("Live-fire drills"), and a word
        // that is no kicker keeps its colon.
        assert_eq!(
            without_kicker("Live-fire drills begin"),
            "Live-fire drills begin"
        );
        assert_eq!(without_kicker("Warning: heavy rain"), "Warning: heavy rain");
        assert_eq!(without_kicker("UPDATE:"), "UPDATE:");
    }

    #[test]
    fn datelines_are_dropped() {
        assert_eq!(
            without_dateline("NextFin News - U.S. President Trump confirmed"),
            "U.S. President Trump confirmed"
        );
        assert_eq!(
            without_dateline("WASHINGTON (Reuters) - The Senate voted"),
            "The Senate voted"
        );
        let long = "A sentence that runs on well past the dateline limit - then a dash";
        assert_eq!(without_dateline(long), long);
        assert_eq!(
            without_dateline("First stop - Toledo, Ohio."),
            "First stop - Toledo, Ohio."
        );
        assert_eq!(
            without_dateline("John Glenn - he keeps owing"),
            "John Glenn - he keeps owing"
        );
    }

    #[test]
    fn bulletin_field_labels_are_dropped() {
        assert_eq!(
            without_label("* WHAT...West winds 30 to 35 mph expected."),
            "West winds 30 to 35 mph expected."
        );
        assert_eq!(
            without_label("PRECAUTIONARY/PREPAREDNESS ACTIONS...Stay indoors."),
            "Stay indoors."
        );
        // Not a label: words in lower case, a label with nothing after it, no dots.
        let text = "Winds ease...then return tonight.";
        assert_eq!(without_label(text), text);
        assert_eq!(without_label("* WHAT..."), "* WHAT...");
        let text = "HIGH WIND WARNING IN EFFECT UNTIL 3 AM";
        assert_eq!(without_label(text), text);
        assert_eq!(without_label("...é"), "...é");
    }

    #[test]
    fn scan_is_bounded_on_a_char_boundary() {
        let text = "é".repeat(1000);
        assert!(lead_sentence(&text).len() <= SENTENCE_SCAN_BYTES);
        let mut out = Normal::new();
        normalise(&text, &mut out);
        assert!(out.len() <= SENTENCE_SCAN_BYTES);
    }

    #[test]
    fn a_question_or_greeting_lead_gives_way_to_news() {
        let text = "Good evening. What happened at the port? A fire closed the harbour.";
        assert_eq!(choose(text), "A fire closed the harbour.");
        assert_eq!(choose("Thanks."), "Thanks.");
    }

    #[test]
    fn tokenised_marks_rejoin_their_word() {
        let mut out = Normal::new();
        normalise(
            "He 's in Tyre , [ sp ] they said ; `` fine '' <Acme Inc> .",
            &mut out,
        );
        assert_eq!(
            out.as_str(),
            "He 's in Tyre, they said; \" fine \" <Acme Inc>."
        );
    }
}
