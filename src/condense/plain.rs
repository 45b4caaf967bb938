//! Free text without the free-text rules (the core's feature `freetext` left out, to save a
//! board's flash): a record with only a `headline` or `text` is written as it stands (ALL-CAPS
//! text recased, as a template's fields are) and cut at a word boundary to fit. Structured
//! records are condensed by their templates either way.

use super::compose::{Draft, Style};
use super::fit::Fit;
use super::{Attempt, ascend};
use crate::record::EventRecord;

/// The record's `headline`, cut to fit.
pub(super) fn headline<F: Fit>(record: &EventRecord, fit: &F, draft: &mut Draft) -> Attempt {
    match record.headline {
        Some(text) => cut_text(text, fit, draft),
        None => Attempt::NotApplicable,
    }
}

/// The record's `text`, cut to fit.
pub(super) fn text<F: Fit>(record: &EventRecord, fit: &F, draft: &mut Draft) -> Attempt {
    match record.text {
        Some(text) => cut_text(text, fit, draft),
        None => Attempt::NotApplicable,
    }
}

/// One candidate, the text itself: the draft stops at the first word past the budget, and
/// [`ascend`] cuts it back to a word boundary that fits.
fn cut_text<F: Fit>(text: &str, fit: &F, draft: &mut Draft) -> Attempt {
    ascend(fit, draft, core::iter::once(0), false, false, |_, draft| {
        draft.phrase(text, Style::default())
    })
}
