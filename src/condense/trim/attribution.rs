//! Rules that strike who said the news: attributions, sources, credits and issuers.

use super::{ACRONYM_MAX_LETTERS, MIN_REPORTED_WORDS, NAME_MAX_WORDS, Sentence};
use crate::condense::lexicon::{
    FIGURE_NOUNS, GENERIC_SOURCES, KNOWING_WORDS, PERSONAL_PRONOUNS, UNIT_NOUNS,
};
use crate::condense::word_class::Classes;

/// A trailing attribution (", a union spokeswoman said") is at most this many words.
const ATTRIBUTION_MAX_WORDS: usize = 10;

/// Words that may stand before a source that names no one ("some U.S. officials").
const GENERIC_SOURCE_LEAD_WORDS: usize = 2;

/// Words that may qualify a company's figure after "said" ("domestic car sales").
const FIGURE_MODIFIER_WORDS: usize = 3;

/// Verbs of saying in the past, after which "would" is a future told ("said it would").
const SAID_PAST: &[&str] = &[
    "said",
    "announced",
    "stated",
    "confirmed",
    "warned",
    "indicated",
    "added",
    "predicted",
];

/// Verbs by which an office puts out a bulletin ("has issued a Flood Watch").
const ISSUE_VERBS: &[&str] = &["issued", "extended", "upgraded", "expanded", "reissued"];

/// Most words of the office that issues a bulletin, before its verb ("The National Weather
/// Service in Boston has").
const ISSUER_MAX_WORDS: usize = 8;

impl<'a> Sentence<'a> {
    /// "Freeze Warning … until October 19 at 9:00AM MDT by NWS Pueblo CO" -> "… 9:00AM MDT":
    /// the office that issued a bulletin, at its end, is its source.
    pub(super) fn issuer_credit(&mut self) {
        for i in 1..self.words.len() {
            if !self.live(i) || !self.is(i, "by") || self.comma_after(i) {
                continue;
            }
            let Some(mut n) = self.next_live(i) else {
                return;
            };
            if self.is(n, "the") {
                match self.next_live(n) {
                    Some(m) => n = m,
                    None => return,
                }
            }
            if !(self.is(n, "NWS") || self.phrase_at(n, "National Weather Service").is_some()) {
                continue;
            }
            // The office's name runs to the end: its place in capitals ("Boston/Norton MA").
            let to_end = (n..self.words.len()).filter(|&j| self.live(j)).all(|j| {
                self.capitalised(j) && !self.comma_after(j) || self.next_live(j).is_none()
            });
            if let Some(last) = self.last_live()
                && to_end
                && self.begin()
            {
                self.drop_span(i, last);
            }
            return;
        }
    }

    /// "The National Weather Service in Boston has issued a Flood Watch for …" -> "Flood Watch
    /// for …": who issued a bulletin is its source, and the bulletin the news. Only a named
    /// issuer (capitalised words, "the", and a place after "in") and a named product after
    /// the verb.
    pub(super) fn issued_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        if !(self.capitalised(first) || self.is(first, "the")) {
            return;
        }
        let mut j = first;
        let mut verb = None;
        for _ in 0..ISSUER_MAX_WORDS {
            if self.comma_after(j) {
                return;
            }
            let Some(n) = self.next_live(j) else {
                return;
            };
            if self.in_table(n, ISSUE_VERBS) {
                verb = Some(n);
                break;
            }
            let issuer_word = self.capitalised(n)
                || self.in_table(n, &["in", "of", "at", "for"])
                || (self.in_table(n, &["has", "have"])
                    && self
                        .next_live(n)
                        .is_some_and(|v| self.in_table(v, ISSUE_VERBS)));
            if !issuer_word {
                return;
            }
            j = n;
        }
        let Some(verb) = verb else {
            return;
        };
        let Some(mut product) = self.next_live(verb).filter(|_| !self.comma_after(verb)) else {
            return;
        };
        let mut last = verb;
        if self.in_table(product, &["a", "an", "the"]) {
            last = product;
            match self.next_live(product) {
                Some(p) => product = p,
                None => return,
            }
        }
        if !self.capitalised(product) || !self.begin() {
            return;
        }
        self.drop_span(first, last);
    }

    /// "according to X", ", officials said", "X said it will …" (becomes "X will …"), and
    /// the "that" after a verb of saying.
    pub(super) fn attribution(&mut self) {
        self.generic_source();
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            // "According to Axios, …" and "…, according to Axios".
            if self.is(i, "according")
                && self.phrase_at(i, "according to").is_some()
                && self.starts_clause(i)
            {
                let end = self.clause_end(i);
                if self.live_between(i, end) <= ATTRIBUTION_MAX_WORDS {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, end);
                }
                continue;
            }
            if !self.has(i, Classes::ATTRIBUTION_VERB) {
                continue;
            }
            let next = self.next_live(i);
            if let Some(next) = next {
                // "X said it plans …": the pronoun is X, so "X plans …". ("X said that it
                // plans …" alike.)
                let that = (self.is(next, "that") && !self.comma_after(i)).then_some(next);
                let n = that.and_then(|t| self.next_live(t)).unwrap_or(next);
                // "X says it was a mistake": that "it" is not X ("X said it was told" or "it is
                // considering" is X).
                let expletive = self.is(n, "it")
                    && self.next_live(n).is_some_and(|v| {
                        self.in_table(v, &["is", "was", "'s"])
                            && self
                                .next_live(v)
                                .is_some_and(|w| !self.is_participle(w) && !self.is_progressive(w))
                    });
                if self.has(n, Classes::SUBJECT_PRONOUN)
                    && !expletive
                    && self.has(i, Classes::SAYING_VERB)
                    && let start = self.subject_start(i)
                    && start < i
                    && !self.in_table(start, &["i", "we", "you", "they", "he", "she", "it"])
                {
                    if !self.begin() {
                        return;
                    }
                    let coordinated = self
                        .prev_live(i)
                        .is_some_and(|p| self.in_table(p, &["and", "but", "or"]));
                    self.drop(i);
                    if let Some(t) = that {
                        self.drop(t);
                    }
                    self.drop(n);
                    // "X said it would cut jobs" -> "X to cut jobs": "would" was "will" told
                    // in the past, and a headline's future is "to" (not after "and" or "but":
                    // "kept rates unchanged but would monitor the yen").
                    if self.in_table(i, SAID_PAST)
                        && !coordinated
                        && let Some(w) = self.next_live(n).filter(|&w| self.is(w, "would"))
                        && let Some(v) = self.next_live(w).filter(|&v| {
                            !self.comma_after(w)
                                && self.bare(v).bytes().all(|b| b.is_ascii_lowercase())
                                && !self.in_table(v, &["n't", "have"])
                        })
                    {
                        // "would not attend" -> "not to attend", as a headline writes it.
                        if self.in_table(v, &["not", "never"]) {
                            if self.next_live(v).is_some_and(|x| {
                                !self.comma_after(v)
                                    && self.bare(x).bytes().all(|b| b.is_ascii_lowercase())
                            }) {
                                self.rewrite(w, self.bare(v));
                                self.rewrite(v, "to");
                            }
                        } else {
                            self.rewrite(w, "to");
                        }
                    }
                    continue;
                }
                // The other forms take the word right after the verb.
                let n = next;
                // "X said its board approved …": what X reports is its own part's news, so
                // "X board approved …" (a headline names the company, not who told).
                if self.is(n, "its")
                    && self.in_table(i, &["said", "says"])
                    && !self.comma_after(n)
                    && self.next_live(n).is_some()
                    && let start = self.subject_start(i)
                    && start < i
                    && self.capitalised(start)
                    && !self.in_table(start, PERSONAL_PRONOUNS)
                {
                    if !self.begin() {
                        return;
                    }
                    self.drop(i);
                    self.drop(n);
                    // "Pan Am said its Pan American World Airways unit will …" -> "Pan Am unit
                    // to …": beside its owner, a unit is "unit".
                    if let Some(end) = self.unit_name_end(n) {
                        for j in n.saturating_add(1)..=end {
                            self.drop(j);
                        }
                    }
                    continue;
                }
                // "GM said car sales fell" -> "GM car sales fell": a company's own figures, as
                // with "said its".
                if self.in_table(i, &["said", "says"])
                    && let start = self.subject_start(i)
                    && start < i
                    && self.capitalised(start)
                    && !self.in_table(start, PERSONAL_PRONOUNS)
                    && self.own_figure_at(n)
                {
                    if !self.begin() {
                        return;
                    }
                    self.drop(i);
                    continue;
                }
                // "said that …": a headline has no "that".
                if self.is(n, "that") && !self.comma_after(n) {
                    if !self.begin() {
                        return;
                    }
                    self.drop(n);
                }
            }
            // A trailing ", traders said." is the last clause and ends with the verb of saying
            // (and whom it was said to); ", forecasters said," may also stand between commas
            // inside what it reports.
            if (self.has(i, Classes::SAYING_VERB) || self.is(i, "told"))
                && let Some(end) = self.short_clause_end(i, 2)
                && let start = self.clause_start_of(i)
                && start > 0
                && self.live_between(start, end) <= ATTRIBUTION_MAX_WORDS
                && !self.in_table(start, &["and", "but", "which", "who"])
            {
                let last = self.next_live(end).is_none();
                // (With its source before the verb: in "Ken Kachigian, a former operative,
                // says, step one is …" the verb is the sentence's own.)
                let enclosed = !last
                    && start < i
                    && self.comma_after(end)
                    && self.prev_live(start).is_some_and(|p| self.comma_after(p));
                if last || enclosed {
                    if !self.begin() {
                        return;
                    }
                    if last {
                        self.drop_span(start, end);
                    } else {
                        self.drop_enclosed(start, end);
                    }
                }
            }
        }
    }

    /// Whether a company's own figure is named from word `n` on: a few words in lower case
    /// ending in one of [`FIGURE_NOUNS`] ("car sales", "domestic car sales"), no article or
    /// pronoun first ("the sales" may be anyone's).
    fn own_figure_at(&self, n: usize) -> bool {
        let mut j = n;
        for _ in 0..=FIGURE_MODIFIER_WORDS {
            let lower = self.bare(j).bytes().all(|b| b.is_ascii_lowercase());
            if !lower || self.has(j, Classes::DANGLING | Classes::AUXILIARY) {
                return false;
            }
            if self.in_table(j, FIGURE_NOUNS) {
                return true;
            }
            if self.comma_after(j) {
                return false;
            }
            match self.next_live(j) {
                Some(next) => j = next,
                None => return false,
            }
        }
        false
    }

    /// The last word of a unit's name after word `its` ("its Pan American World Airways
    /// unit"), if capitalised words without marks run from it to a word of [`UNIT_NOUNS`].
    fn unit_name_end(&self, its: usize) -> Option<usize> {
        let mut j = self.next_live(its)?;
        let mut last = None;
        for _ in 0..NAME_MAX_WORDS {
            // "its Pontiac Division": a capitalised noun is part of the name.
            if self.in_table(j, UNIT_NOUNS) && !self.capitalised(j) {
                return last;
            }
            if !self.capitalised(j) || !self.marks_after(j).is_empty() {
                return None;
            }
            last = Some(j);
            j = self.next_live(j)?;
        }
        None
    }

    /// "We know that the fire is out" -> "We know the fire is out", "It is clear that he …"
    /// -> "It is clear he …": a headline has no "that" before a clause after a verb of knowing
    /// or a word of certainty (after a verb of saying, [`Self::attribution`] strikes it).
    /// Only before the clause's subject: a pronoun, an article or a name.
    pub(super) fn complementizers(&mut self) {
        let mut from = 0usize;
        // A scan for the word: most sentences have no "that".
        while let Some(i) =
            self.next_word_from(from, |w| w.bare.eq_ignore_ascii_case("that") && !w.closes)
        {
            from = i.saturating_add(1);
            let knowing = self
                .prev_live(i)
                .is_some_and(|p| !self.comma_after(p) && self.in_table(p, KNOWING_WORDS));
            let clause = self.next_live(i).is_some_and(|n| {
                (self.has(n, Classes::SUBJECT_PRONOUN)
                    || self.in_table(n, &["i", "you", "the", "a", "an"])
                    || self.capitalised(n))
                    && self.nth_live(n, MIN_REPORTED_WORDS).is_some()
            });
            if knowing && clause {
                if !self.begin() {
                    return;
                }
                self.drop(i);
            }
        }
    }

    /// "He says his Senate exit left him with …" -> "his Senate exit left him with …": what
    /// a speaker named by a pronoun says of himself needs no source (a digest shown alone
    /// could not name him anyway), so the source goes with its verb and "that".
    pub(super) fn pronoun_source(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let Some(verb) = self.next_live(first) else {
            return;
        };
        if !self.in_table(first, &["he", "she", "they"])
            || !self.in_table(verb, &["says", "said", "say"])
            || self.comma_after(verb)
        {
            return;
        }
        let last = self.with_that(verb);
        // What is said must be a clause of its own, not an object ("He says so"), about the
        // speaker ("He says he wants", "She says her …"): what a speaker says of another
        // ("He says Clinton is getting support") is a claim, and keeps its source.
        let own = self.next_live(last).is_some_and(|n| {
            let same = match self.bare(first).as_bytes().first() {
                Some(b'h' | b'H') => ["he", "his"],
                Some(b's' | b'S') => ["she", "her"],
                _ => ["they", "their"],
            };
            self.in_table(n, &same) && self.nth_live(n, MIN_REPORTED_WORDS).is_some()
        });
        if !own || !self.begin() {
            return;
        }
        self.drop_span(first, last);
    }

    /// "Experts say the fire …", "U.S. officials said that …": a source that names no one
    /// opening the sentence goes, with its verb; the news is what follows.
    fn generic_source(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let mut j = first;
        for _ in 0..=GENERIC_SOURCE_LEAD_WORDS {
            if self.comma_after(j) {
                return;
            }
            if self.in_table(j, GENERIC_SOURCES) {
                break;
            }
            match self.next_live(j) {
                Some(n) => j = n,
                None => return,
            }
        }
        // "Officials in Maui County said …", "Police in Paris said …": where they serve.
        let mut source_end = j;
        if let Some(at) = self
            .next_live(j)
            .filter(|&a| self.in_table(a, &["in", "at"]) && !self.comma_after(j))
        {
            let mut k = at;
            for _ in 0..NAME_MAX_WORDS {
                match self.next_live(k) {
                    Some(n) if self.capitalised(n) && !self.comma_after(k) => k = n,
                    _ => break,
                }
            }
            if k != at {
                source_end = k;
            }
        }
        let Some(verb) = self.next_live(source_end) else {
            return;
        };
        if !self.in_table(j, GENERIC_SOURCES)
            || self.comma_after(source_end)
            || !self.has(verb, Classes::ATTRIBUTION_VERB)
            || self.comma_after(verb)
        {
            return;
        }
        // "Officials said on Friday that …": left for the pass after the time phrases have
        // gone, so that its "that" goes with it.
        if self.next_live(verb).is_some_and(|n| {
            self.has(n, Classes::TIME_WORD)
                || (self.is(n, "on") && self.next_live(n).is_some_and(|d| self.is_date_start(d)))
        }) {
            return;
        }
        let last = self.with_that(verb);
        // What is said must be a clause of its own, not an object ("Experts say so"), and not
        // one whose subject stands for the source ("analysts said they …").
        let said = self.next_live(last);
        // "Researchers at Stanford say they have developed …" -> "Researchers at Stanford have
        // developed …": what a source says of itself is the source's news, as with a pronoun.
        if let Some(they) = said.filter(|&t| self.is(t, "they") && !self.comma_after(t))
            && self.nth_live(they, MIN_REPORTED_WORDS).is_some()
        {
            if self.begin() {
                self.drop_span(verb, they);
            }
            return;
        }
        let own = said.is_some_and(|n| {
            self.nth_live(n, MIN_REPORTED_WORDS).is_some() && !self.in_table(n, PERSONAL_PRONOUNS)
        });
        if !own || !self.begin() {
            return;
        }
        self.drop_span(first, last);
    }

    /// The first live word of the subject of a verb at word `i`: its clause's, or when an
    /// appositive between them was struck ("Magma Copper Co, a unit of Newmont, said"), the
    /// clause's before it.
    fn subject_start(&self, i: usize) -> usize {
        let start = self.clause_start_of(i);
        match self.prev_live(start) {
            Some(p) if start == i && p.saturating_add(1) < i => self.clause_start_of(p),
            _ => start,
        }
    }

    /// The first live word of the clause holding word `i`.
    pub(super) fn clause_start_of(&self, i: usize) -> usize {
        let mut j = i;
        while let Some(p) = self.prev_live(j) {
            if self.comma_after(p) {
                break;
            }
            j = p;
        }
        j
    }

    /// "CNN 's Candy Crowley reports" -> "Candy Crowley reports": a reporter is named without
    /// the initials of the network or agency that employs her, as a byline is. Only initials
    /// ("CNN", "NPR", "AP"), before a name of two capitalised words.
    pub(super) fn credits(&mut self) {
        let mut from = 0usize;
        // A scan for a word that opens with two capitals: most sentences have none.
        while let Some(i) = self.next_word_from(from, |w| {
            w.bare
                .as_bytes()
                .get(..2)
                .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase))
        }) {
            from = i.saturating_add(1);
            // "CNN 's" (a clitic apart, as the normal form writes it) or "CNN's".
            let bare = self.bare(i);
            let joined = bare.strip_suffix("'s");
            let initials = joined.unwrap_or(bare);
            if !self.live(i)
                || self.comma_after(i)
                || !(2..=ACRONYM_MAX_LETTERS).contains(&initials.len())
                || !initials.bytes().all(|b| b.is_ascii_uppercase())
            {
                continue;
            }
            // Nor the last initials of a company's name ("Bank of America NT and SA's").
            if self
                .prev_live(i)
                .is_some_and(|p| self.in_table(p, &["and", "&", "of"]))
            {
                continue;
            }
            let Some(next) = self.next_live(i) else {
                continue;
            };
            let (own, first) = if joined.is_some() {
                (i, Some(next))
            } else if self.text(next).eq_ignore_ascii_case("'s") {
                (next, self.next_live(next))
            } else {
                continue;
            };
            let name = first.filter(|&f| {
                !self.comma_after(own)
                    && self.capitalised(f)
                    && !self.has(
                        f,
                        Classes::TITLE
                            | Classes::COMPANY_SUFFIX
                            | Classes::MODIFIER
                            | Classes::MODIFIER_START,
                    )
                    && !self.comma_after(f)
                    && self.next_live(f).is_some_and(|g| {
                        self.capitalised(g) && !self.has(g, Classes::COMPANY_SUFFIX)
                    })
            });
            if name.is_none() || !self.begin() {
                continue;
            }
            self.drop_span(i, own);
        }
    }
}
