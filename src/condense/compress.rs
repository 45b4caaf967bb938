//! Free text to a short headline, for records with only a `headline` or `text`.
//!
//! The sentence is chosen ([`sentence::choose`]: the lead unless it is not news), written in a
//! normal form, and trimmed as a headline editor trims ([`trim`](super::trim)): the rules make
//! their edits one at a time, the least destructive first. A sentence that fits is shown as
//! it is but for its fillers ([`Sentence::trim_fillers`]: "Well,", "really"); otherwise the
//! fewest edits that make it fit are kept. When no number of edits does, the sentence is cut at
//! a word boundary, after the edits a headline makes anyway and those lossy ones that bring
//! more of the news into the room. The sentence is normalised, classified and trimmed once per
//! record; each candidate only writes the sentence as it stood after that many edits.

use super::Attempt;
use super::compose::Draft;
use super::fit::Fit;
use super::lexicon::{
    self, ABBREVIATIONS, COMPANY_SUFFIXES, EVENT_NOUNS, OWNED_UNIT, REPORTING_PRESENT,
    TEXT_ABBREVIATIONS,
};
use super::sentence::{self, Normal};
use super::trim::{LEVELS, MAX_EDITS, Sentence};
use crate::record::EventRecord;

pub use super::sentence::{lead_sentence, without_dateline};

/// The edit counts tried first: one at a time while a few suffice, then in growing strides
/// (the stride that fits is then halved down to the fewest edits that fit). A 640-byte
/// sentence rarely offers more places where a rule applies than the last figure.
const STRIDES: [usize; 16] = [1, 2, 3, 4, 6, 8, 11, 15, 20, 26, 33, 41, 50, 60, 80, 120];

/// Words that open a name of several and mean something else alone (a rank, "new", a
/// direction): a cut does not end on one when the name goes on.
const NAME_OPENERS: &[&str] = &[
    "General", "New", "San", "Santa", "Los", "Las", "Hong", "El", "St", "St.", "Fort", "Port",
    "Mount", "Cape", "Great", "Rio", "Buenos", "Sri", "Costa", "Puerto", "Saint", "North", "South",
    "East", "West",
];

/// How far past the room a sentence to be cut is written: enough for the word after the cut
/// (a name's next word is rarely longer), so the cut can tell whether it splits a name.
const LOOKAHEAD_BYTES: usize = 24;

/// The last level of rules (see [`LEVELS`]) whose edits a sentence that must be cut always
/// keeps: what a headline does anyway, and loses nothing of the news.
const CUT_LEVEL: usize = 2;

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

/// Condenses `text` (see the module).
fn climb<F: Fit>(text: &str, fit: &F, draft: &mut Draft) -> Attempt {
    let mut normal = Normal::new();
    sentence::normalise(sentence::choose(text), &mut normal);
    let mut words = Sentence::empty();
    words.read(&normal);
    let room = fit.max_bytes();
    // A sentence that fits is shown as it is, but for its fillers.
    if fits_after(&words, 0, fit, draft).is_some() {
        words.trim_fillers();
        if let Some(len) = fits_after(&words, words.edits(), fit, draft) {
            return Attempt::Fits(len);
        }
        words.read(&normal);
    }
    words.trim(MAX_EDITS);
    let fits_after = |edits: usize, draft: &mut Draft| fits_after(&words, edits, fit, draft);
    // The fewest edits that make it fit: found in growing strides, then by halving the last
    // stride (an edit rarely lengthens the sentence, so fitting is taken to stay won).
    let made = words.edits();
    let mut failed = 0usize;
    for &stride_end in STRIDES.iter() {
        let edits = stride_end.min(made);
        if edits <= failed {
            break;
        }
        if fits_after(edits, draft).is_some() {
            let mut fits = edits;
            while fits.saturating_sub(failed) > 1 {
                let mid = failed.saturating_add(fits.saturating_sub(failed) / 2);
                if fits_after(mid, draft).is_some() {
                    fits = mid;
                } else {
                    failed = mid;
                }
            }
            if let Some(len) = fits_after(fits, draft) {
                return Attempt::Fits(len);
            }
        }
        failed = edits;
    }
    // Nothing fits: the sentence is cut. Of the candidates from the level a headline always
    // reaches on, the one whose cut shows the most of the news wins (words of substance, an
    // article as half of one), the least edited of those that show as much: a lossy edit (an
    // article, an auxiliary) is only worth it when it brings in more of the news.
    let mut best = (0usize, words.level_end(CUT_LEVEL));
    let mut tried = None;
    for level in CUT_LEVEL..LEVELS.len() {
        let edits = words.level_end(level);
        if tried == Some(edits) {
            continue;
        }
        tried = Some(edits);
        let shown = words.substance_within(edits, room);
        if shown > best.0 {
            best = (shown, edits);
        }
    }
    // Written a little past the room, so the cut sees the word after it.
    let limit = draft.limit();
    draft.set_limit(room.saturating_add(LOOKAHEAD_BYTES));
    draft.clear();
    words.render(best.1, draft);
    draft.set_limit(limit);
    // Not inside a name ("agreement with General | Motors", "Buffalo, New | York"): the cut
    // goes before it. Text in capitals throughout (recased, every word a capital) is cut as it
    // comes, and so is a sentence where no cut outside a name fits.
    let text = draft.as_str();
    let kept = (!words.is_shouting())
        .then(|| {
            super::fit::cut_where(text, fit, |end| {
                !splits_name(text, end) && !leaves_participle(text, end)
            })
        })
        .flatten()
        .or_else(|| super::fit::cut(text, fit));
    match kept {
        Some(kept) => Attempt::Fits(kept.len()),
        None => Attempt::NoWordFits,
    }
}

/// Whether a cut at the space at byte `end` of `text` ends on a participle that opens a
/// clause after a comma ("… in Allen, Texas, killing"): what it did was cut away.
fn leaves_participle(text: &str, end: usize) -> bool {
    let head = text.get(..end).unwrap_or_default();
    let (rest, last) = head.rsplit_once(' ').unwrap_or(("", head));
    last.len() > "ing".len()
        && last.ends_with("ing")
        && last.bytes().all(|b| b.is_ascii_lowercase())
        && rest.ends_with(',')
}

/// Whether a cut at the space at byte `end` of `text` leaves a word that opens a name
/// ([`NAME_OPENERS`]) without the rest of it: "General | Motors", "Buffalo, New | York". (A
/// name cut after more of it is still the name's start: "the San Diego | Convention Center".)
fn splits_name(text: &str, end: usize) -> bool {
    let capital = |w: &str| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let before = text
        .get(..end)
        .and_then(|t| t.rsplit(' ').next())
        .unwrap_or_default();
    let after = text
        .get(end.saturating_add(1)..)
        .and_then(|t| t.split(' ').next())
        .unwrap_or_default();
    // A company's suffix may go ("San Miguel | Corp>", "Shanghai Hotels | Ltd's").
    let after_bare = after.trim_matches(|c: char| !c.is_alphanumeric());
    let suffix = lexicon::contains(
        COMPANY_SUFFIXES,
        after_bare.strip_suffix("'s").unwrap_or(after_bare),
    );
    capital(before)
        && lexicon::contains(NAME_OPENERS, before)
        && capital(after)
        && !suffix
        && before
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_alphanumeric)
}

/// The length of `words` as they stand after `edits` edits, written into `draft`, if that
/// fits. A candidate whose words alone overflow the room is not written to find that out.
fn fits_after<F: Fit>(words: &Sentence, edits: usize, fit: &F, draft: &mut Draft) -> Option<usize> {
    if words
        .least_bytes(edits)
        .is_some_and(|least| least > fit.max_bytes())
    {
        return None;
    }
    draft.clear();
    words.render(edits, draft);
    super::fitting(draft, fit)
}

/// Whether the free-text rules can write `word` (any case, without marks) that was not in
/// the source: abbreviations, verbs in the present, participles of event nouns, "to", "near",
/// "unit". A short form is read as the whole-word check reads any text, split at every mark:
/// "4th qtr" writes "4th" and "qtr", "S&P" writes "S" and "P".
pub fn writes_word(word: &str) -> bool {
    let short = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|part| !part.is_empty() && lexicon::is(part, word))
    };
    ["to", "near", OWNED_UNIT]
        .iter()
        .any(|w| lexicon::is(w, word))
        || ABBREVIATIONS.iter().any(|(_, s)| short(s))
        || TEXT_ABBREVIATIONS.iter().any(|(_, s)| short(s))
        || REPORTING_PRESENT
            .iter()
            .any(|(_, one, many)| short(one) || short(many))
        || EVENT_NOUNS.iter().any(|(_, s)| short(s))
}

#[cfg(test)]
mod tests {
    use super::writes_word;

    #[test]
    fn the_words_the_rules_write_are_allowed_and_no_others() {
        // "AMR unit", "S&P" (read as "s" and "p"), "4th qtr", "to".
        for word in ["unit", "s", "p", "4th", "qtr", "to", "SEC"] {
            assert!(writes_word(word), "{word}");
        }
        for word in ["units", "banana", "standard", "poor"] {
            assert!(!writes_word(word), "{word}");
        }
    }
}
