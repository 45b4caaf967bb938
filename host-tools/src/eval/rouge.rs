//! ROUGE-1, ROUGE-2 and ROUGE-L F1 exactly as Google's `rouge-score` package (0.1.2) computes
//! them with `use_stemmer=True`: lower-case, every run of characters other than `a-z0-9` a
//! separator, NLTK's Porter stemmer (its default NLTK-extensions mode) on tokens longer than
//! three characters, and for several references the best F1 of each measure taken separately.

use std::collections::HashMap;

use nltk_porter::{Mode, PorterStemmer};

/// `rouge-score` stems only tokens longer than this many characters.
const STEM_MIN_CHARS: usize = 4;

/// Precision, recall and F1 of one measure, as fractions.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn new(precision: f64, recall: f64) -> Self {
        // `scoring.fmeasure`: zero when both are zero.
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

/// The three measures for one prediction.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub rouge1: Score,
    pub rouge2: Score,
    pub rouge_l: Score,
}

/// Tokenises and stems like `rouge_score.tokenizers.DefaultTokenizer(use_stemmer=True)`.
pub struct Tokenizer {
    stemmer: PorterStemmer,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self {
            stemmer: PorterStemmer::new(Mode::Nltk),
        }
    }
}

impl Tokenizer {
    /// `rouge_score.tokenize.tokenize(text, stemmer)`.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        // Python's `str.lower()` and Rust's `char::to_lowercase` both apply Unicode's full
        // mappings; only the letters whose lower case is ASCII matter here ('İ', the Kelvin
        // sign), and both agree on them.
        let lower: String = text.chars().flat_map(char::to_lowercase).collect();
        lower
            .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
            .filter(|t| !t.is_empty())
            .map(|t| {
                if t.chars().count() >= STEM_MIN_CHARS {
                    self.stemmer.stem(t)
                } else {
                    t.to_owned()
                }
            })
            // The package's final check keeps only tokens that are still `[a-z0-9]+`.
            .filter(|t| {
                !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
            .collect()
    }
}

/// Scores `prediction` against one reference, both already tokenised.
pub fn score(reference: &[String], prediction: &[String]) -> Scores {
    Scores {
        rouge1: ngram_score(reference, prediction, 1),
        rouge2: ngram_score(reference, prediction, 2),
        rouge_l: lcs_score(reference, prediction),
    }
}

/// `RougeScorer.score_multi`: for each measure, the reference with the highest F1 (the first
/// of equals, as `numpy.argmax` picks). `Scores::default()` when there is no reference.
pub fn score_multi(references: &[Vec<String>], prediction: &[String]) -> Scores {
    let all: Vec<Scores> = references.iter().map(|r| score(r, prediction)).collect();
    let best = |pick: fn(&Scores) -> Score| {
        let mut best: Option<Score> = None;
        for s in all.iter().map(pick) {
            if best.is_none_or(|b| s.f1 > b.f1) {
                best = Some(s);
            }
        }
        best.unwrap_or_default()
    };
    Scores {
        rouge1: best(|s| s.rouge1),
        rouge2: best(|s| s.rouge2),
        rouge_l: best(|s| s.rouge_l),
    }
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

/// `_score_ngrams`: clipped n-gram overlap; empty sides count as one n-gram in the divisor.
fn ngram_score(reference: &[String], prediction: &[String], n: usize) -> Score {
    let target = ngrams(reference, n);
    let predicted = ngrams(prediction, n);
    let overlap: usize = target
        .iter()
        .map(|(gram, &count)| count.min(predicted.get(gram).copied().unwrap_or(0)))
        .sum();
    let target_count: usize = target.values().sum();
    let predicted_count: usize = predicted.values().sum();
    Score::new(
        overlap as f64 / predicted_count.max(1) as f64,
        overlap as f64 / target_count.max(1) as f64,
    )
}

/// `_score_lcs`: longest common subsequence of tokens; zero when either side is empty.
fn lcs_score(reference: &[String], prediction: &[String]) -> Score {
    if reference.is_empty() || prediction.is_empty() {
        return Score::default();
    }
    let lcs = lcs_len(reference, prediction);
    Score::new(
        lcs as f64 / prediction.len() as f64,
        lcs as f64 / reference.len() as f64,
    )
}

/// Length of the longest common subsequence, one row of the table at a time.
fn lcs_len(a: &[String], b: &[String]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        Tokenizer::default().tokens(text)
    }

    #[test]
    fn tokens_are_lowercase_alphanumeric_runs_stemmed_past_three_characters() {
        assert_eq!(
            toks("The U.S. isn't negotiating; 12,000 jets!"),
            ["the", "u", "s", "isn", "t", "negoti", "12", "000", "jet"]
        );
        // Three characters or fewer are left alone ("was" would stem to "wa").
        assert_eq!(toks("was has ties"), ["was", "has", "tie"]);
        // Non-ASCII letters separate tokens, as `[^a-z0-9]+` does in Python.
        assert_eq!(toks("café Genève"), ["caf", "gen", "ve"]);
        // The Kelvin sign lower-cases to an ASCII k in both languages.
        assert_eq!(toks("\u{212A}m"), ["km"]);
    }

    /// The stems NLTK's PorterStemmer (nltk 3.10.4, default mode) gives the words of longer than
    /// three letters in the dev NWS alerts (public domain): written by NLTK, not by this code.
    #[test]
    fn stems_match_nltk_on_nws_vocabulary() {
        let stemmer = PorterStemmer::new(Mode::Nltk);
        let table = include_str!("../../../tests/fixtures/text/porter_nltk_nws.tsv");
        let mut checked = 0;
        for line in table.lines() {
            let (word, stem) = line.split_once('\t').expect("word<TAB>stem");
            assert_eq!(stemmer.stem(word), stem, "stem of {word}");
            checked += 1;
        }
        assert!(checked > 3000);
    }

    #[test]
    fn lcs_counts_in_order_matches_only() {
        let a = toks("a b c d e");
        let b = toks("e a c x d");
        assert_eq!(lcs_len(&a, &b), 3);
    }

    #[test]
    fn empty_sides_score_zero() {
        let s = score(&toks("something"), &[]);
        assert_eq!(s, Scores::default());
    }
}
