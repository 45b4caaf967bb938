//! Budgets, and the last resort of cutting: at a word boundary, never inside a word or a UTF-8
//! character, and never leaving a dangling word ("of", "near") or mark (",", "-") at the end.

use super::lexicon::{self, DANGLING, Initials};

/// Something a digest's text must fit: a byte count, or (for displays) a pixel layout.
pub trait Fit {
    /// Whether `text` fits.
    fn fits(&self, text: &str) -> bool;
    /// An upper bound on the bytes any fitting text has: cutting stops looking past it, and a
    /// digest's capacity must hold it.
    fn max_bytes(&self) -> usize;
}

/// A budget in bytes of UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteBudget(pub usize);

impl Fit for ByteBudget {
    fn fits(&self, text: &str) -> bool {
        text.len() <= self.0
    }

    fn max_bytes(&self) -> usize {
        self.0
    }
}

/// Marks that may not end a digest: they promise something that was cut away. Straight quotes
/// are not among them: at the end of a word they close a quotation.
const DANGLING_MARKS: &[char] = &[
    ',', ';', ':', '-', '–', '—', '(', '[', '{', '/', '\\', '&', '+', '|', '“', '‘', '«', '•', '*',
    '=', '<',
];

/// [`Initials`] of [`DANGLING`]: most last words ("Lincoln") fail it by their first letter and
/// length, without the table's binary search (measured: about 370 guest instructions for the
/// drone at 48 bytes on the Cortex-M3).
const DANGLING_INITIALS: Initials = Initials::of(DANGLING);

/// Whether `word` (any case) may not end a digest.
pub fn is_dangling(word: &str) -> bool {
    DANGLING_INITIALS.may_start_trimmed(word.as_bytes(), 0)
        && lexicon::sorted_contains(DANGLING, word)
        // "ca" and "wo" in lower case are only ever "can't" and "won't" that a transcript set
        // apart from their "n't" ("CA" is California, and stays).
        || matches!(word, "ca" | "wo")
}

/// `text` without trailing whitespace, dangling marks and dangling words, repeatedly.
pub fn trim_dangling(text: &str) -> &str {
    let mut text = text;
    loop {
        // Most texts end in a letter or digit, which is neither whitespace nor a mark (checked
        // by `no_dangling_mark_is_a_letter_or_digit`): the marks need not be searched.
        let ends_in_word = text
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_alphanumeric);
        let trimmed = match ends_in_word {
            true => text,
            false => {
                text.trim_end_matches(|c: char| c.is_whitespace() || DANGLING_MARKS.contains(&c))
            }
        };
        // The bytes after the last space: a search from the end, not `rsplit`, whose
        // searcher cost about 270 guest instructions for one word.
        let last_word = match trimmed.as_bytes().iter().rposition(|&b| b == b' ') {
            Some(at) => trimmed.get(at.saturating_add(1)..).unwrap_or_default(),
            None => trimmed,
        };
        text = if is_dangling(last_word) {
            trimmed
                .get(..trimmed.len().saturating_sub(last_word.len()))
                .unwrap_or_default()
        } else {
            trimmed
        };
        if text.len() == trimmed.len() {
            return text;
        }
    }
}

/// The longest prefix of `text` that ends at a word boundary, has nothing dangling at its end,
/// and fits. Words are separated by single spaces (composed text always is). `None` when not
/// even the first word fits.
pub fn cut<'t>(text: &'t str, fit: &impl Fit) -> Option<&'t str> {
    cut_where(text, fit, |_| true)
}

/// As [`cut`], at the word boundaries (byte offsets of spaces) that `may_end` accepts.
pub fn cut_where<'t>(
    text: &'t str,
    fit: &impl Fit,
    may_end: impl Fn(usize) -> bool,
) -> Option<&'t str> {
    // Trimming only looks at the end of the text, so every prefix from the trimmed text to the
    // one it came from trims to that same text: when it does not fit, the next prefix worth
    // trimming is shorter than it. (Otherwise a run of dangling words is trimmed once for each
    // of its words.)
    let mut shorter_than = usize::MAX;
    let mut fitting = |end: usize| {
        if end >= shorter_than {
            return None;
        }
        let prefix = trim_dangling(text.get(..end).unwrap_or_default());
        if !prefix.is_empty() && fit.fits(prefix) {
            return Some(prefix);
        }
        shorter_than = prefix.len();
        None
    };
    if let Some(whole) = fitting(text.len()) {
        return Some(whole);
    }
    // Longest first. A prefix past `max_bytes` may still fit once its trailing marks and
    // dangling words are trimmed ("costs," of "reduced costs, improved"), so the ends are
    // tried from the end of the text: it runs past the room by at most one word (a draft
    // stops there) or the free-text cut's look-ahead.
    text.match_indices(' ')
        .rev()
        .map(|(end, _)| end)
        .filter(|&end| may_end(end))
        .find_map(fitting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_dangling_mark_is_a_letter_or_digit() {
        // `trim_dangling` leaves a text that ends in an ASCII letter or digit as it is.
        for c in DANGLING_MARKS {
            assert!(!c.is_ascii_alphanumeric(), "{c}");
        }
        assert_eq!(
            trim_dangling("drone near USS Abraham Lincoln"),
            "drone near USS Abraham Lincoln"
        );
        assert_eq!(trim_dangling("drone near 2"), "drone near 2");
        assert_eq!(trim_dangling("drone near"), "drone");
        assert_eq!(trim_dangling("drone, near ;"), "drone");
    }

    #[test]
    fn every_dangling_word_passes_the_filter_in_any_case() {
        // The filter is built from the entries' first words: an entry of two words would be
        // missed by it.
        for word in DANGLING {
            assert!(!word.contains(' '), "{word}");
            assert!(is_dangling(word), "{word}");
            assert!(is_dangling(&word.to_ascii_uppercase()), "{word}");
        }
        assert!(!is_dangling("Lincoln"));
        assert!(!is_dangling("nearly"));
        assert!(!is_dangling(""));
    }

    #[test]
    fn dangling_words_and_marks_are_trimmed_repeatedly() {
        assert_eq!(trim_dangling("Drone downed near"), "Drone downed");
        assert_eq!(trim_dangling("Talks with Iran, -"), "Talks with Iran");
        assert_eq!(trim_dangling("Warning for the"), "Warning");
        assert_eq!(trim_dangling("of the"), "");
        assert_eq!(trim_dangling("U.S."), "U.S.");
    }

    #[test]
    fn cut_ends_on_a_whole_word_within_budget() {
        let text = "Special Weather Statement issued October 17 at 8:15PM CDT";
        assert_eq!(
            cut(text, &ByteBudget(48)),
            Some("Special Weather Statement issued October 17")
        );
        assert_eq!(cut(text, &ByteBudget(16)), Some("Special Weather"));
        assert_eq!(cut("Thunderstorms", &ByteBudget(12)), None);
    }

    #[test]
    fn cut_never_splits_a_multibyte_character() {
        // "é" is two bytes: a budget landing inside it must fall back to the word before.
        let text = "Café fermé près de Genève";
        let out = cut(text, &ByteBudget(10)).unwrap_or_default();
        assert_eq!(out, "Café");
    }
}
