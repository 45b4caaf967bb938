//! The lossy rules, tried last: object first, agents, locatives, modifiers, classifiers.

use super::Sentence;
use crate::condense::lexicon::{self, CLASSIFIER_NOUNS, LEVEL_NOUNS, MODIFIERS, OBJECT_NEWS_VERBS};
use crate::condense::word_class::Classes;

/// The subject a headline may drop before a verb whose object is the news is at most this
/// many words ("A U.S. fighter jet").
const SUBJECT_MAX_WORDS: usize = 6;

impl<'a> Sentence<'a> {
    /// "the USS Abraham Lincoln aircraft carrier" -> "the USS Abraham Lincoln".
    pub(super) fn classifiers(&mut self) {
        for i in 1..self.words.len() {
            if !self.live(i) {
                continue;
            }
            let Some(p) = self.prev_live(i) else {
                continue;
            };
            if !self.capitalised(p) || self.comma_after(p) || self.capitalised(i) {
                continue;
            }
            if let Some(n) = self.phrase_in(i, CLASSIFIER_NOUNS, Classes::CLASSIFIER_START) {
                let last = self.nth_live(i, n).unwrap_or(i);
                if !self.begin() {
                    return;
                }
                self.drop_span(i, last);
            }
        }
    }

    /// "A U.S. fighter jet downed an Iranian drone" -> "Iranian drone downed": when the verb's
    /// object is the news, the subject goes and the verb follows its object.
    pub(super) fn object_first(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let mut verb = None;
        let mut j = first;
        for _ in 0..=SUBJECT_MAX_WORDS {
            if self.comma_after(j) {
                break;
            }
            if self.has(j, Classes::OBJECT_NEWS_VERB) && j > first {
                verb = Some(j);
                break;
            }
            // The subject is a plain noun phrase: no verb or preposition in it.
            let w = self.bare(j);
            let verbal = w.ends_with("ed") || w.ends_with("ing") || self.has(j, Classes::AUXILIARY);
            // "Taiwan's reserves hit a new high": what someone owns is not an agent, and its
            // verb is not done to the object.
            let owned = w.ends_with("'s") || self.is(j, "'s");
            if verbal
                || owned
                || (self.has(j, Classes::DANGLING) && !self.in_table(j, &["a", "an", "the", "of"]))
            {
                return;
            }
            match self.next_live(j) {
                Some(n) => j = n,
                None => break,
            }
        }
        let Some(verb) = verb else {
            return;
        };
        let Some(start) = self.next_live(verb) else {
            return;
        };
        let Some(participle) = OBJECT_NEWS_VERBS.iter().find(|v| self.is(verb, v)).copied() else {
            return;
        };
        let mut k = start;
        let head = loop {
            if self.comma_after(k) {
                break k;
            }
            match self.next_live(k) {
                Some(n)
                    if self
                        .bare(n)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric())
                        && !self.in_table(
                            n,
                            &[
                                "in", "at", "near", "on", "off", "over", "after", "before", "from",
                                "to", "with", "during", "amid", "by", "as", "and", "for",
                            ],
                        ) =>
                {
                    k = n
                }
                _ => break k,
            }
        };
        // "hit a record", "struck a new low": a level reached, not a target.
        let level = (start..=head).any(|k| self.live(k) && self.in_table(k, LEVEL_NOUNS));
        if level
            || (head == start && self.in_table(start, &["the", "a", "an"]))
            || (self.has(start, Classes::DANGLING) && !self.in_table(start, &["the", "a", "an"]))
        {
            return;
        }
        if !self.begin() {
            return;
        }
        self.drop_span(first, verb);
        self.append(head, participle);
    }

    /// "downed by a U.S. fighter jet" -> "downed": the agent of a passive.
    pub(super) fn agents(&mut self) {
        for i in 1..self.words.len() {
            if !self.live(i) || !self.is(i, "by") {
                continue;
            }
            // Only after a verb this module put after its object ("drone downed by …").
            let passive = self
                .prev_live(i)
                .is_some_and(|p| self.words.get(p).is_some_and(|w| w.after.is_some()));
            if !passive {
                continue;
            }
            let mut last = i;
            while let Some(n) = self.next_live(last) {
                if self.comma_after(last)
                    || self.in_table(
                        n,
                        &[
                            "in", "at", "near", "on", "off", "after", "before", "from", "during",
                            "amid", "earlier", "later", "to", "for", "with", "as",
                        ],
                    )
                {
                    break;
                }
                last = n;
            }
            if !self.begin() {
                return;
            }
            self.drop_span(i, last);
        }
    }

    /// "in the Arabian Sea … near USS Abraham Lincoln": of two places, the nearer one stays.
    pub(super) fn locatives(&mut self) {
        let has_near = (0..self.words.len()).any(|j| {
            self.live(j)
                && self
                    .words
                    .get(j)
                    .is_some_and(|w| w.out == Some("near") || lexicon::is(w.bare, "near"))
        });
        if !has_near {
            return;
        }
        for i in 0..self.words.len() {
            if !self.live(i) || !self.is(i, "in") {
                continue;
            }
            let mut last = i;
            let mut named = false;
            while let Some(n) = self.next_live(last) {
                if self.comma_after(last) || !(self.capitalised(n) || self.in_table(n, &["the"])) {
                    break;
                }
                named |= self.capitalised(n);
                last = n;
            }
            let near_after = self.next_live(last).is_some_and(|n| {
                self.words
                    .get(n)
                    .is_some_and(|w| w.out == Some("near") || self.is(n, "near"))
            });
            if named && near_after {
                if !self.begin() {
                    return;
                }
                self.drop_span(i, last);
            }
        }
    }

    /// Nationality adjectives and a country written as an adjective ("Iranian drone" ->
    /// "drone"), before a lower-case head word.
    pub(super) fn modifiers(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || self.comma_after(i) {
                continue;
            }
            if let Some(n) = self.phrase_in(i, MODIFIERS, Classes::MODIFIER_START) {
                let last = self.nth_live(i, n).unwrap_or(i);
                let head = self.next_live(last);
                if !self.comma_after(last)
                    && head.is_some_and(|h| {
                        self.bare(h).chars().next().is_some_and(char::is_lowercase)
                            && !self.has(h, Classes::DANGLING)
                    })
                {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, last);
                }
            }
        }
    }
}
