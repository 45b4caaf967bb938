//! Free text to a short headline, for records with only a `headline` or `text`.
//!
//! The sentence is chosen ([`sentence::choose`]: the lead unless it is not news), written in a
//! normal form, then trimmed as a headline editor trims ([`trim`]): each ladder step applies
//! one more level of rules, so the first step that fits keeps the most. When even the last
//! does not fit, the ladder's barest candidate is cut at a word boundary.

use super::compose::Draft;
use super::lexicon::{self, ABBREVIATIONS, EVENT_NOUNS, REPORTING_PRESENT, TEXT_ABBREVIATIONS};
use super::sentence::{self, Normal};
use super::templates::Ladder;
use super::trim::Sentence;
use crate::record::EventRecord;

pub use super::sentence::{lead_sentence, without_dateline};

/// How many edits past the first level each ladder step makes: one at a time while a few
/// suffice, then in growing strides, so that a long sentence is not re-trimmed fifty times. A
/// 640-byte sentence rarely offers more places where a rule applies than the last figure.
const EDITS: [usize; 17] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 27, 33, 40, 48];

/// The record's `headline`, condensed.
pub struct Headline;

/// The record's `text`, condensed.
pub struct Text;

impl Ladder for Headline {
    const STEPS: usize = EDITS.len();

    fn applies(record: &EventRecord) -> bool {
        record.headline.is_some()
    }

    fn has_step(_: &EventRecord, step: usize) -> bool {
        step < EDITS.len()
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        if let Some(headline) = record.headline {
            write(headline, step, draft);
        }
    }
}

impl Ladder for Text {
    const STEPS: usize = EDITS.len();

    fn applies(record: &EventRecord) -> bool {
        record.text.is_some()
    }

    fn has_step(_: &EventRecord, step: usize) -> bool {
        step < EDITS.len()
    }

    fn write(record: &EventRecord, step: usize, draft: &mut Draft) {
        if let Some(text) = record.text {
            write(text, step, draft);
        }
    }
}

/// Writes `text` condensed with step `step`'s edits past the first level of trimming.
fn write(text: &str, step: usize, draft: &mut Draft) {
    let Some(&edits) = EDITS.get(step) else {
        return;
    };
    let mut normal = Normal::new();
    sentence::normalise(sentence::choose(text), &mut normal);
    let mut words = Sentence::new(&normal);
    words.trim(edits);
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
