//! Free text to a short headline, for records with only a `headline` or `text`.
//!
//! A basic version: the lead sentence, without a dateline, abbreviated, then without articles
//! and nationality adjectives, then cut at a word boundary.

use super::compose::{Draft, Style};
use super::lexicon::{self, NON_TERMINAL_ABBREVIATIONS};
use super::templates::Ladder;
use crate::record::EventRecord;

/// A dateline ("WASHINGTON (Reuters) - ", "NextFin News - ") is at most this long; a dash
/// further in is part of the sentence.
const DATELINE_MAX_BYTES: usize = 48;

/// How far to look for the end of the lead sentence. A digest holds at most 160 bytes, and the
/// steps below shorten text by well under half, so more is never shown.
const LEAD_SCAN_BYTES: usize = 640;

const STEPS: [Style; 3] = [
    Style {
        abbreviate: false,
        drop_modifiers: false,
        verb: false,
    },
    Style {
        abbreviate: true,
        drop_modifiers: false,
        verb: false,
    },
    Style {
        abbreviate: true,
        drop_modifiers: true,
        verb: false,
    },
];

/// The record's `headline`, condensed.
pub struct Headline;

/// The record's `text`, condensed.
pub struct Text;

impl Ladder for Headline {
    const STEPS: usize = STEPS.len();

    fn applies(record: &EventRecord) -> bool {
        record.headline.is_some()
    }

    fn has_step(_: &EventRecord, step: usize) -> bool {
        step < STEPS.len()
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        if let (Some(headline), Some(style)) = (record.headline, STEPS.get(step)) {
            draft.phrase(lead_sentence(headline), *style);
        }
    }
}

impl Ladder for Text {
    const STEPS: usize = STEPS.len();

    fn applies(record: &EventRecord) -> bool {
        record.text.is_some()
    }

    fn has_step(_: &EventRecord, step: usize) -> bool {
        step < STEPS.len()
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        if let (Some(text), Some(style)) = (record.text, STEPS.get(step)) {
            draft.phrase(lead_sentence(without_dateline(text)), *style);
        }
    }
}

/// `text` after a leading dateline that ends in " - ", " -- " or " — ".
pub fn without_dateline(text: &str) -> &str {
    let head = floor_boundary(text, DATELINE_MAX_BYTES);
    for dash in [" - ", " -- ", " — ", " – "] {
        if let Some((_, rest)) = head.split_once(dash) {
            let skipped = head.len().saturating_sub(rest.len());
            return text.get(skipped..).unwrap_or(text);
        }
    }
    text
}

/// The first sentence of `text` (its first [`LEAD_SCAN_BYTES`] when no end is found there).
/// A full stop ends a sentence unless it ends a known abbreviation ("U.S.") or an initial.
pub fn lead_sentence(text: &str) -> &str {
    let text = floor_boundary(text, LEAD_SCAN_BYTES);
    for at in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        // The marks are ASCII, so one byte long and never inside a UTF-8 sequence.
        let end = at.saturating_add(1);
        let rest = text.get(end..).unwrap_or_default();
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let head = text.get(..end).unwrap_or_default();
        let word = head.rsplit(char::is_whitespace).next().unwrap_or(head);
        if !is_abbreviation(word) {
            return head;
        }
    }
    text
}

fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '"', '\'']);
    lexicon::contains(NON_TERMINAL_ABBREVIATIONS, word)
        // An initial: "J." in "Michael J. Fox".
        || (word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn floor_boundary(text: &str, max: usize) -> &str {
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
    }

    #[test]
    fn lead_scan_is_bounded_on_a_char_boundary() {
        let text = "é".repeat(1000);
        let lead = lead_sentence(&text);
        assert!(lead.len() <= LEAD_SCAN_BYTES);
    }
}
