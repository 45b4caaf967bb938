//! Condensing: an event record into digest text that fits a budget.
//!
//! Each kind of record has a ladder of candidates, from the fullest text to the barest
//! ([`templates`], [`compress`]); the first that fits wins, and when none does the barest is
//! cut at a word boundary ([`fit`]). The result never exceeds the budget, never ends inside a
//! word or on a dangling word or mark, and depends on nothing but the record and the budget.

mod compose;
#[cfg(feature = "freetext")]
pub mod compress;
pub mod fit;
pub mod lexicon;
#[cfg(not(feature = "freetext"))]
mod plain;
#[cfg(feature = "freetext")]
pub mod sentence;
pub mod templates;
#[cfg(feature = "freetext")]
pub mod trim;
mod word_class;

use heapless::String;

pub use fit::{ByteBudget, Fit};

use crate::digest::{Digest, id_hash};
use crate::error::Error;
use crate::record::EventRecord;
use compose::Draft;
// Text-only records: the free-text rules, or without them (feature `freetext`) a plain cut.
#[cfg(feature = "freetext")]
use compress as free_text;
#[cfg(not(feature = "freetext"))]
use plain as free_text;
use templates::Ladder;

/// Smallest budget: a 16-character line is the narrowest display worth condensing for (a
/// 96-pixel OLED line in a 6-pixel font, two 8x8 LED modules of scrolling text).
pub const MIN_BUDGET: usize = 16;
/// Largest budget: the headline length CAP 1.2 suggests. Longer text is not a digest.
pub const MAX_BUDGET: usize = 160;

/// Condenses `record` into at most `budget` bytes of text (`MIN_BUDGET..=MAX_BUDGET`, and at
/// most the digest's capacity `N`).
pub fn condense<const N: usize>(record: &EventRecord, budget: usize) -> Result<Digest<N>, Error> {
    if !(MIN_BUDGET..=MAX_BUDGET).contains(&budget) {
        return Err(Error::BadBudget { budget });
    }
    condense_to_fit(record, &ByteBudget(budget))
}

/// Condenses `record` into text that `fit` accepts (a byte budget, or a display layout).
pub fn condense_to_fit<const N: usize>(
    record: &EventRecord,
    fit: &impl Fit,
) -> Result<Digest<N>, Error> {
    let max = fit.max_bytes();
    if max > N || max > MAX_BUDGET {
        return Err(Error::BadBudget { budget: max });
    }
    let mut draft = Draft::new(max);
    let len = render(record, fit, &mut draft)?;
    let mut text = String::new();
    text.push_str(draft.as_str().get(..len).unwrap_or_default())
        .map_err(|_| Error::BadBudget { budget: max })?;
    debug!(
        "condensed {=u32:x} into {=usize} bytes",
        id_hash(record.id),
        len
    );
    Ok(Digest {
        id: id_hash(record.id),
        time: record.time.map(|t| t.unix),
        end: record.end().map(|t| t.unix),
        severity: record.severity,
        urgency: record.urgency,
        certainty: record.certainty,
        kind: record.kind,
        msg: record.msg,
        refs: record.refs.iter().map(|r| id_hash(r)).collect(),
        count: 1,
        text,
    })
}

/// Renders the record's best candidate into `draft`, returning the length to keep. Sources are
/// tried in order: the kind's own template, the event template, the headline, the text.
fn render<F: Fit>(record: &EventRecord, fit: &F, draft: &mut Draft) -> Result<usize, Error> {
    let attempts: [fn(&EventRecord, &F, &mut Draft) -> Attempt; 5] = [
        climb::<templates::Quake, F>,
        climb::<templates::Warning, F>,
        climb::<templates::Event, F>,
        free_text::headline::<F>,
        free_text::text::<F>,
    ];
    let mut tried = false;
    for attempt in attempts {
        match attempt(record, fit, draft) {
            Attempt::Fits(len) => return Ok(len),
            Attempt::NoWordFits => tried = true,
            Attempt::NotApplicable => {}
        }
    }
    Err(if tried {
        Error::DoesNotFit
    } else {
        Error::NothingToCondense
    })
}

enum Attempt {
    /// The first `len` bytes of the draft are the digest.
    Fits(usize),
    /// Not even the first word of the barest candidate fits.
    NoWordFits,
    /// The record lacks what this ladder needs.
    NotApplicable,
}

fn climb<L: Ladder, F: Fit>(record: &EventRecord, fit: &F, draft: &mut Draft) -> Attempt {
    if !L::applies(record) {
        return Attempt::NotApplicable;
    }
    let steps = L::steps(record);
    let far_over = L::REHEARSE && L::fields_len(record) > far_over(fit.max_bytes());
    ascend(fit, draft, steps, L::REHEARSE, far_over, |step, draft| {
        L::write(record, step, draft)
    })
}

/// A ladder whose fields hold more than this many bytes for a `limit` is far over it: its
/// first step is counted exactly at once, without an estimate first. A quarter over: the
/// estimate counts modifiers and abbreviations out, so a step only a little over may still be
/// settled by it alone (the OLED card's first step fits, and is settled so).
fn far_over(limit: usize) -> usize {
    limit.saturating_add(limit / 4)
}

/// Writes the candidate of each step in turn until one fits; when none does, cuts the last.
/// With `rehearse`, a step is rehearsed first and skipped when it would overflow; with
/// `far_over` as well, the first step's rehearsal is the exact count alone.
fn ascend<F: Fit>(
    fit: &F,
    draft: &mut Draft,
    steps: impl Iterator<Item = usize>,
    rehearse: bool,
    far_over: bool,
    mut write: impl FnMut(usize, &mut Draft),
) -> Attempt {
    let mut steps = steps.peekable();
    let mut first = true;
    while let Some(step) = steps.next() {
        // A step that starts as the last written one did, up to where that one overflowed,
        // overflows too, and so does one whose glue and plain words alone pass the limit: it
        // is skipped unwritten. The last step is always written: when no step fits, it is the
        // one cut.
        if rehearse && steps.peek().is_some() {
            let over = match core::mem::replace(&mut first, false) && far_over {
                true => draft.would_overflow_counted(|d| write(step, d)),
                false => draft.would_overflow(|d| write(step, d)),
            };
            if over {
                continue;
            }
        }
        draft.begin(rehearse);
        write(step, draft);
        if let Some(len) = fitting(draft, fit) {
            return Attempt::Fits(len);
        }
    }
    cut(draft, fit)
}

/// How much of the candidate in `draft` is the digest, if it fits. A draft that overflowed is
/// no candidate: it is not trimmed to find out.
fn fitting<F: Fit>(draft: &Draft, fit: &F) -> Option<usize> {
    if draft.overflowed() {
        return None;
    }
    let text = fit::trim_dangling(draft.as_str());
    (!text.is_empty() && fit.fits(text)).then_some(text.len())
}

/// The candidate in `draft`, cut at a word boundary to fit.
fn cut<F: Fit>(draft: &Draft, fit: &F) -> Attempt {
    match fit::cut(draft.as_str(), fit) {
        Some(text) => Attempt::Fits(text.len()),
        None => Attempt::NoWordFits,
    }
}
