//! Free text to a short headline, for records with only a `headline` or `text`.
//!
//! The sentence is chosen ([`sentence::choose`]: the lead unless it is not news), written in a
//! normal form, then trimmed as a headline editor trims ([`trim`]): each ladder step applies
//! one more level of rules, so the first step that fits keeps the most. When even the last
//! does not fit, the ladder's barest candidate is cut at a word boundary.

use super::compose::Draft;
use super::lexicon::{
    self, ABBREVIATIONS, EVENT_NOUNS, REPORTING_PRESENT, TEXT_ABBREVIATIONS,
};
use super::sentence::{self, Normal};
use super::templates::Ladder;
use super::trim::Sentence;
use crate::record::EventRecord;

pub use super::sentence::{lead_sentence, without_dateline};

/// Most edits a ladder makes beyond the first level, one a step. A 640-byte sentence has
/// fewer places where a rule applies; past them the barest candidate is cut.
pub const MAX_EDITS: usize = 48;

/// The record's `headline`, condensed.
pub struct Headline;

/// The record's `text`, condensed.
pub struct Text;

impl Ladder for Headline {
    const STEPS: usize = MAX_EDITS + 1;

    fn applies(record: &EventRecord) -> bool {
        record.headline.is_some()
    }

    fn has_step(_: &EventRecord, step: usize) -> bool {
        step <= MAX_EDITS
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        if let Some(headline) = record.headline {
            write(headline, step, draft);
        }
    }
}

impl Ladder for Text {
    const STEPS: usize = MAX_EDITS + 1;

    fn applies(record: &EventRecord) -> bool {
        record.text.is_some()
    }

    fn has_step(_: &EventRecord, step: usize) -> bool {
        step <= MAX_EDITS
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        if let Some(text) = record.text {
            write(text, step, draft);
        }
    }
}

/// Writes `text` condensed with `step` edits past the first level of trimming.
fn write(text: &str, step: usize, draft: &mut Draft) {
    let mut normal = Normal::new();
    sentence::normalise(sentence::choose(text), &mut normal);
    let mut words = Sentence::new(&normal);
    words.trim(step);
    words.render(draft);
}

/// Whether the free-text rules can write `word` (any case, without marks) that was not in
/// the source: abbreviations, verbs in the present, participles of event nouns, "to", "near".
pub fn writes_word(word: &str) -> bool {
    let short = |s: &str| lexicon::is(s.trim_end_matches('.'), word);
    ["to", "near"].iter().any(|w| lexicon::is(w, word))
        || ABBREVIATIONS.iter().any(|(_, s)| short(s))
        || TEXT_ABBREVIATIONS.iter().any(|(_, s)| short(s))
        || REPORTING_PRESENT.iter().any(|(_, s)| short(s))
        || EVENT_NOUNS.iter().any(|(_, s)| short(s))
}
