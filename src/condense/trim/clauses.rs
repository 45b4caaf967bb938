//! Rules that strike clauses, appositives and dashes set inside a sentence, and trailing phrases.

use super::{CLAUSE_MAX_WORDS, Sentence};
use crate::condense::lexicon::{
    ASIDE_PREPOSITIONS, CIRCUMSTANCE_PREPOSITIONS, DESCRIBING_PREPOSITIONS, US_STATES,
};
use crate::condense::word_class::Classes;

/// A trailing phrase of circumstance ("amid heavy security") is at most this many words.
const TRAILING_PHRASE_MAX_WORDS: usize = 5;

/// Most words an aside between dashes may take: a pair of dashes marks an aside
/// unambiguously, so it may be longer than one set off by commas (a player's whole career
/// between "--" and "--"), and no longer than a long sentence's middle.
const DASH_ASIDE_MAX_WORDS: usize = 24;

impl<'a> Sentence<'a> {
    /// Relative clauses and comments set off by commas, appositives after a name, and asides
    /// in parentheses.
    pub(super) fn clauses(&mut self) {
        // The first word from `i` on (struck or not) that closes a parenthesis: kept from one
        // opening to the next, so the words are searched once, not once per opening.
        let mut closing: Option<Option<usize>> = None;
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            // A parenthesis that opens the sentence is its subject ("(Ivaco Inc) said …"), as
            // a wire service writes a company that is not listed; not an aside.
            if self.text(i).starts_with('(') && self.prev_live(i).is_some() {
                let found = match closing {
                    Some(Some(j)) if j >= i => Some(j),
                    Some(None) => None,
                    _ => (i..self.words.len()).find(|&j| {
                        self.text(j)
                            .trim_end_matches(['.', ',', ';', ':'])
                            .ends_with(')')
                    }),
                };
                closing = Some(found);
                let end = found.unwrap_or(i);
                if end.saturating_sub(i) < CLAUSE_MAX_WORDS {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, end);
                }
                continue;
            }
            // "Serge Ibaka -- the Thunder forward who was born in the Congo -- has been
            // granted …": an aside between a pair of dashes.
            if self.is_dash(i) && self.prev_live(i).is_some() {
                let close = (i.saturating_add(1)..self.words.len())
                    .take(DASH_ASIDE_MAX_WORDS)
                    .find(|&j| self.is_dash(j));
                if let Some(close) = close
                    && self.next_live(close).is_some()
                {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, close);
                }
                continue;
            }
            if !self.starts_clause(i) || self.prev_live(i).is_none() {
                continue;
            }
            let end = self.clause_end(i);
            let short = self.live_between(i, end) <= CLAUSE_MAX_WORDS;
            // Only a clause closed by a comma: one running to the end is left to the cut, which
            // keeps as much of it as fits.
            let relative = self.has(i, Classes::RELATIVE) && self.marked_end(end) && short;
            let comment = self.has(i, Classes::COMMENT_PARTICIPLE);
            let appositive = short
                && self.marked_end(end)
                && (self.opens_appositive(i) || self.qualifies_figure(i, end));
            if (relative || comment || appositive) && !self.begin() {
                return;
            }
            if relative {
                self.drop_enclosed(i, end);
            } else if comment {
                let last = self.last_live().unwrap_or(i);
                self.drop_span(i, last);
            } else if appositive {
                // "Mark Hammer, a private investor from Melville, N.Y., and …": the place's
                // state, set off by commas of its own, belongs to the appositive.
                let end = match self.next_live(end) {
                    Some(n) if self.comma_after(n) && self.is_state(n) => n,
                    _ => end,
                };
                self.drop_enclosed(i, end);
            }
        }
    }

    /// Whether word `i` is a dash standing alone ("--", "—"), as written news sets off an
    /// aside. A spaced hyphen is not one: speech transcripts write it for any break.
    fn is_dash(&self, i: usize) -> bool {
        self.bare(i).is_empty() && ["--", "—", "–"].contains(&self.text(i))
    }

    /// Whether a clause set off by commas from word `i` on, after a name, describes the name
    /// rather than carrying the news: "Acme, a unit of Ajax,", "Hammer, the chairman of Acme,",
    /// "Chrysler Canada, wholly owned by Chrysler,", "Acme, based in Ohio,".
    fn opens_appositive(&self, i: usize) -> bool {
        let Some(p) = self.prev_live(i) else {
            return false;
        };
        // After a name, not after an opener ("Yeah, with these conditions, …").
        if !self.capitalised(p) || self.has(p, Classes::OPENER) {
            return false;
        }
        let next = self.next_live(i);
        // A participle describes the name when a preposition follows it ("owned by",
        // "based in"); "Sharon, played a key role" is a verb in the past.
        let described = |j: usize| {
            self.is_participle(j)
                && !self.has(j, Classes::AUXILIARY)
                && self
                    .next_live(j)
                    .is_some_and(|n| self.in_table(n, DESCRIBING_PREPOSITIONS))
        };
        let lower = |j: Option<usize>| {
            j.is_some_and(|j| self.bare(j).chars().next().is_some_and(char::is_lowercase))
        };
        self.in_table(i, &["a", "an"])
            // "the chairman of Acme", not "the Netherlands" of a list of names.
            || (self.is(i, "the") && lower(next))
            // "Volkswagen, Europe's largest carmaker,": a name's possessive before what it is.
            || (self.capitalised(i) && self.text(i).ends_with("'s") && lower(next))
            // "KLM, in a move following TWA's, said": a phrase of circumstance between the name
            // and its verb.
            || self.in_table(i, ASIDE_PREPOSITIONS)
            // "wholly owned by Chrysler", "based in Ohio": a participle describing the name.
            || described(i)
            || (self.bare(i).ends_with("ly") && lower(Some(i)) && next.is_some_and(described))
    }

    /// Whether words `i..=end`, set off by commas, only qualify a figure: ", seasonally
    /// adjusted,", ", revised,".
    fn qualifies_figure(&self, i: usize, end: usize) -> bool {
        let participle = self.is_participle(end) && !self.has(end, Classes::AUXILIARY);
        let adverb = i == end
            || (self.next_live(i) == Some(end)
                && self.bare(i).ends_with("ly")
                && self.bare(i).bytes().all(|b| b.is_ascii_lowercase()));
        participle && adverb && self.prev_live(i).is_some()
    }

    /// Whether word `i` names a U.S. state as a wire writes it after a place ("N.Y.",
    /// "Calif.", "Ohio").
    fn is_state(&self, i: usize) -> bool {
        let t = self.text(i).trim_end_matches(',');
        US_STATES.iter().any(|(name, _)| self.is(i, name))
            || (self.capitalised(i) && t.ends_with('.') && t.len() <= 6)
    }

    /// "… transported to California amid heavy security" -> "… transported to California": a
    /// sentence's last phrase, when it adds circumstance (a preposition and a few plain words,
    /// no name, number or place), goes before any word of its core does.
    pub(super) fn trailing_phrase(&mut self) {
        let Some(last) = self.last_live() else {
            return;
        };
        // Back from the end to the preposition that opens the phrase.
        let mut j = last;
        for _ in 0..TRAILING_PHRASE_MAX_WORDS {
            let Some(p) = self.prev_live(j) else {
                return;
            };
            if self.comma_after(p) || self.capitalised(j) || self.has_digit(j) {
                return;
            }
            j = p;
            if self.in_table(j, CIRCUMSTANCE_PREPOSITIONS) {
                // The phrase must leave a sentence: a subject and a verb at least.
                if self.live_count() < self.live_between(j, last).saturating_add(3) {
                    return;
                }
                if !self.begin() {
                    return;
                }
                self.drop_span(j, last);
                return;
            }
        }
    }
}
