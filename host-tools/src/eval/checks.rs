//! The hard checks every digest must pass, and the share of names and numbers it keeps.

use std::collections::HashSet;

use alert_digest::condense::{compress, fit};

/// Which hard checks one digest passed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checks {
    /// At most `budget` bytes.
    pub within_budget: bool,
    /// Every word is a whole word of the source, or one the core's tables write: nothing was
    /// cut inside a word.
    pub whole_words: bool,
    /// No dangling word ("of", "the") or mark (",", "-") at the end.
    pub no_dangling: bool,
    /// The same input gave the same digest twice.
    pub deterministic: bool,
}

impl Checks {
    pub fn all(&self) -> bool {
        self.within_budget && self.whole_words && self.no_dangling && self.deterministic
    }
}

/// Checks `digest` (made from `source` at `budget`; `again` is a second run).
pub fn check(source: &str, digest: &str, again: &str, budget: usize) -> Checks {
    let source_words: HashSet<String> = words(source).collect();
    Checks {
        within_budget: digest.len() <= budget,
        whole_words: words(digest).all(|w| source_words.contains(&w) || compress::writes_word(&w)),
        no_dangling: fit::trim_dangling(digest) == digest,
        deterministic: digest == again,
    }
}

/// Lower-cased runs of letters and digits. Splitting at every mark ("they're", "U.S.-led")
/// treats both sides alike, and a word cut short is still not among the source's.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Names and numbers of a source: words with a digit, and capitalised words that do not open
/// a sentence (lower-cased, as ROUGE tokens compare). Reference titles are often ALL CAPS, so
/// names are recognised in the source, where case still tells.
pub fn names_and_numbers(source: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut sentence_start = true;
    for raw in source.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let number = w.chars().any(|c| c.is_ascii_digit());
        let name = !sentence_start
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase);
        if number || name {
            for token in w
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
            {
                out.insert(token.to_owned());
            }
        }
        sentence_start = raw.ends_with(['.', '?', '!']) && !raw.ends_with("..");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_inside_a_word_fails_the_whole_word_check() {
        let source = "Officials confirmed negotiations with Iran";
        assert!(
            check(
                source,
                "Officials confirmed negotiations",
                "Officials confirmed negotiations",
                40
            )
            .all()
        );
        let cut = check(
            source,
            "Officials confirmed negoti",
            "Officials confirmed negoti",
            40,
        );
        assert!(!cut.whole_words);
    }

    #[test]
    fn budget_dangling_and_determinism_are_each_checked() {
        let source = "Drone downed near the carrier";
        assert!(!check(source, "Drone downed near", "Drone downed near", 40).no_dangling);
        assert!(!check(source, "Drone downed", "Drone downed", 8).within_budget);
        assert!(!check(source, "Drone downed", "Drone", 40).deterministic);
    }

    #[test]
    fn names_are_capitalised_words_past_the_sentence_start_and_numbers() {
        let found =
            names_and_numbers("The Bank of Japan will sell 500 billion yen. Traders said so.");
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort();
        assert_eq!(found, ["500", "bank", "japan"]);
    }
}
