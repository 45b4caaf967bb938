//! Free text to a short headline, for records with only a `headline` or `text`.
//!
//! The sentence is chosen ([`sentence::choose`]: the lead unless it is not news), written in a
//! normal form, then trimmed as a headline editor trims ([`trim`](super::trim)): each ladder
//! step keeps the edits of one more stretch of the rules, so the first step that fits keeps the
//! most. When even the last does not fit, the ladder's barest candidate is cut at a word
//! boundary. The sentence is normalised, classified and trimmed once per record; each step
//! only writes the sentence as it stood after that step's edits.

use super::compose::Draft;
use super::fit::Fit;
use super::lexicon::{self, ABBREVIATIONS, EVENT_NOUNS, REPORTING_PRESENT, TEXT_ABBREVIATIONS};
use super::sentence::{self, Normal};
use super::trim::Sentence;
use super::{Attempt, ascend};
use crate::record::EventRecord;

pub use super::sentence::{lead_sentence, without_dateline};

/// How many edits past the first level each ladder step makes: one at a time while a few
/// suffice, then in growing strides. A 640-byte sentence rarely offers more places where a rule
/// applies than the last figure.
const EDITS: [usize; 17] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 27, 33, 40, 48];

/// The record's `headline`, condensed.
pub(super) fn headline<F: Fit>(record: &EventRecord, fit: &F, draft: &mut Draft) -> Attempt {
    match record.headline {
        Some(text) => climb(text, fit, draft),
        None => Attempt::NotApplicable,
    }
}

/// The record's `text`, condensed.
pub(super) fn text<F: Fit>(record: &EventRecord, fit: &F, draft: &mut Draft) -> Attempt {
    match record.text {
        Some(text) => climb(text, fit, draft),
        None => Attempt::NotApplicable,
    }
}

/// Tries the ladder's steps on `text` in turn.
fn climb<F: Fit>(text: &str, fit: &F, draft: &mut Draft) -> Attempt {
    let mut normal = Normal::new();
    sentence::normalise(sentence::choose(text), &mut normal);
    let mut words = Sentence::empty();
    words.read(&normal);
    let most = EDITS.iter().copied().max().unwrap_or(0);
    words.trim(most);
    // Steps past the edits the rules found give the same candidate: the first of them is the
    // ladder's barest, and the rest are not tried again.
    let made = words.edits();
    let mut last_tried = false;
    let steps = EDITS.iter().copied().filter(move |&edits| {
        let tried = last_tried;
        last_tried |= edits >= made;
        !tried
    });
    ascend(fit, draft, steps, |edits, draft| words.render(edits, draft))
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
