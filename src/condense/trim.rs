//! Trimming a news sentence the way a headline editor does (after Hedge Trimmer, Dorr et al.
//! 2003): strike what adds least first, and stop as soon as the headline fits.
//!
//! A sentence is held as words that can be struck or rewritten, never moved far: a rule marks
//! words, and [`Sentence::render`] writes what is left. The rules come in [`LEVELS`], from the
//! safest (openers, asides, attributions) to the most lossy (modifiers); a ladder step applies
//! the first levels only, so a sentence that fits early keeps everything else.

use heapless::Vec;

use super::compose::Draft;
use super::lexicon::{
    self, APPROACH_VERBS, ASIDES, ATTRIBUTION_VERBS, AUXILIARIES, CLASSIFIER_NOUNS,
    COMMENT_PARTICIPLES, COMPANY_SUFFIXES, EVENT_LINKS, EVENT_NOUNS, FRAME_WORDS, HEDGE_PHRASES,
    HEDGES, MODIFIERS, MONTHS, NON_TERMINAL_ABBREVIATIONS, OBJECT_NEWS_VERBS, OPENERS,
    OPENERS_NEED_COMMA, PLAN_VERBS, PLAN_WORDS, RELATIVES, REPORTING_PRESENT, SAYING_VERBS,
    SUBJECT_PRONOUNS, TEXT_ABBREVIATIONS, TIME_NOUNS, TIME_WORDS, TITLES, WEEKDAYS,
};

/// Most words of one sentence that are weighed. A 640-byte sentence of news averages under a
/// hundred words; words past this are left out, and no budget could show them anyway.
pub const MAX_WORDS: usize = 112;

/// An aside set off by commas ("as you point out") is at most this many words; a longer
/// stretch between commas is content.
const ASIDE_MAX_WORDS: usize = 6;

/// A trailing attribution (", a union spokeswoman said") is at most this many words.
const ATTRIBUTION_MAX_WORDS: usize = 10;

/// The subject a headline may drop before a verb whose object is the news is at most this
/// many words ("A U.S. fighter jet").
const SUBJECT_MAX_WORDS: usize = 6;

/// Words between "after" and a verb of approach ("after the craft approached").
const APPROACH_GAP_WORDS: usize = 4;

/// An appositive or relative clause set off by commas is at most this many words.
const CLAUSE_MAX_WORDS: usize = 14;

#[derive(Clone, Copy)]
struct Word<'a> {
    /// As written, with the marks attached to it.
    text: &'a str,
    /// A replacement for the word itself (its marks are kept).
    out: Option<&'static str>,
    /// A word written after this one ("drone" "downed").
    after: Option<&'static str>,
    /// A comma to write after the word: the clause mark of a word struck after it.
    comma: bool,
    dropped: bool,
}

/// One sentence, as words a rule can strike or rewrite.
pub struct Sentence<'a> {
    words: Vec<Word<'a>, MAX_WORDS>,
    /// Whether the sentence is written in ALL CAPS, and is recased as it is written.
    shouting: bool,
    /// How many more edits the rules may make.
    edits_left: usize,
}

/// One level of rules.
type Level = for<'s, 'a> fn(&'s mut Sentence<'a>);

/// The levels, in the order a headline editor reaches for them.
pub const LEVELS: [Level; 8] = [
    // Nothing of the news, applied wherever it matches: openers, asides, attribution, event
    // frames, time phrases and hedges.
    |s| {
        s.openers();
        s.asides();
        s.attribution();
        s.event_frame();
        s.approach();
        s.time_phrases();
        s.hedges();
        // A "that" left after a verb of saying once a time phrase between them went.
        s.attribution();
    },
    |s| s.clauses(),
    |s| {
        s.company_suffixes();
        s.titles();
        s.classifiers();
    },
    |s| s.auxiliaries(),
    |s| s.articles(),
    |s| s.abbreviations(),
    |s| {
        s.object_first();
        s.agents();
        s.locatives();
    },
    |s| s.modifiers(),
];

impl<'a> Sentence<'a> {
    /// The words of a normalised sentence (single spaces, marks attached).
    pub fn new(text: &'a str) -> Self {
        let mut words = Vec::new();
        for w in text.split(' ').filter(|w| !w.is_empty()) {
            let word = Word {
                text: w,
                out: None,
                after: None,
                comma: false,
                dropped: false,
            };
            if words.push(word).is_err() {
                break;
            }
        }
        Self {
            words,
            shouting: super::compose::is_shouting(text),
            edits_left: 0,
        }
    }

    /// Applies the rules of the first level wherever they match (nothing of the news goes),
    /// then at most `edits` edits of the others, level by level.
    pub fn trim(&mut self, edits: usize) {
        let mut levels = LEVELS.iter();
        if let Some(always) = levels.next() {
            self.edits_left = usize::MAX;
            always(self);
        }
        self.edits_left = edits;
        for level in levels {
            level(self);
        }
    }

    /// Takes one edit from those left; `false` when none is.
    fn begin(&mut self) -> bool {
        match self.edits_left.checked_sub(1) {
            Some(left) => {
                self.edits_left = left;
                true
            }
            None => false,
        }
    }

    /// Writes the words left into `draft`, recasing ALL-CAPS text. A comma or other clause mark
    /// is kept only where the clause it closes is still there.
    pub fn render(&self, draft: &mut Draft) {
        let shouting = self.shouting;
        let last = self.last_live();
        let mut i = 0usize;
        while let Some(w) = self.words.get(i) {
            if w.dropped {
                i = i.saturating_add(1);
                continue;
            }
            let next = self.next_live(i);
            let core = core(w.text);
            let (lead, rest) = split_core(w.text);
            let mut trailing = rest;
            let struck_between = next.is_some_and(|n| n > i.saturating_add(1));
            let closed = next
                .and_then(|n| n.checked_sub(1))
                .and_then(|p| self.words.get(p))
                .is_some_and(|p| p.dropped && ends_clause(p.text));
            if ends_clause(trailing) && struck_between && !closed {
                trailing = trailing.trim_end_matches([',', ';', ':']);
            }
            if Some(i) == last
                && trailing.ends_with('.')
                && !self.is_abbreviation(i)
                && !super::fit::is_dangling(w.out.unwrap_or(core))
            {
                trailing = trailing.trim_end_matches('.');
            }
            if core.is_empty() && w.out.is_none() {
                // A word of marks alone ("--"): as it is.
                draft.text_word("", w.text, false);
            } else {
                draft.text_word(lead, w.out.unwrap_or(core), shouting);
                if let Some(after) = w.after {
                    draft.text_word("", after, shouting);
                }
                if w.comma && !trailing.contains(',') {
                    draft.push(",");
                }
                draft.push(trailing);
            }
            i = i.saturating_add(1);
        }
    }

    // ---- Looking at words ----------------------------------------------------------------

    fn bare(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| core(w.text))
    }

    fn is(&self, i: usize, entry: &str) -> bool {
        lexicon::is(self.bare(i), entry.trim_end_matches('.'))
    }

    fn in_table(&self, i: usize, table: &[&str]) -> bool {
        table.iter().any(|e| self.is(i, e))
    }

    fn live(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| !w.dropped)
    }

    fn next_live(&self, i: usize) -> Option<usize> {
        (i.saturating_add(1)..self.words.len()).find(|&j| self.live(j))
    }

    fn prev_live(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.live(j))
    }

    fn first_live(&self) -> Option<usize> {
        (0..self.words.len()).find(|&j| self.live(j))
    }

    fn last_live(&self) -> Option<usize> {
        (0..self.words.len()).rev().find(|&j| self.live(j))
    }

    fn live_count(&self) -> usize {
        self.words.iter().filter(|w| !w.dropped).count()
    }

    fn text(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.text)
    }

    /// Whether word `i` closes a clause: it carries a comma, semicolon, colon or dash.
    fn comma_after(&self, i: usize) -> bool {
        ends_clause(self.text(i))
    }

    /// Whether a clause starts at word `i`: the sentence's first word, or one after a comma.
    fn starts_clause(&self, i: usize) -> bool {
        match self.prev_live(i) {
            None => true,
            Some(p) => self.comma_after(p),
        }
    }

    fn capitalised(&self, i: usize) -> bool {
        self.bare(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_abbreviation(&self, i: usize) -> bool {
        let t = self.text(i).trim_end_matches([',', ';', ':']);
        lexicon::contains(NON_TERMINAL_ABBREVIATIONS, t)
            || (t.len() >= 3 && t.matches('.').count() >= 2)
    }

    /// How many live words from `i` on spell `phrase` (words separated by single spaces), if
    /// they do; only the last may carry a mark.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut at = Some(i);
        let mut n = 0usize;
        let mut parts = phrase.split(' ').peekable();
        while let Some(part) = parts.next() {
            let j = at?;
            if !self.live(j) || !self.is(j, part) {
                return None;
            }
            if parts.peek().is_some() && self.comma_after(j) {
                return None;
            }
            n = n.saturating_add(1);
            at = self.next_live(j);
        }
        Some(n)
    }

    fn phrase_in(&self, i: usize, table: &[&str]) -> Option<usize> {
        table.iter().find_map(|p| self.phrase_at(i, p))
    }

    /// The index of the `n`th live word from `i` (`i` itself is the first).
    fn nth_live(&self, i: usize, n: usize) -> Option<usize> {
        let mut at = Some(i);
        for _ in 1..n {
            at = self.next_live(at?);
        }
        at
    }

    /// The last word of the clause that starts at `i`: the first live word from `i` that closes
    /// a clause, or the sentence's last word.
    fn clause_end(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            if self.comma_after(j) {
                return j;
            }
            match self.next_live(j) {
                Some(n) => j = n,
                None => return j,
            }
        }
    }

    fn live_between(&self, from: usize, to: usize) -> usize {
        (from..=to).filter(|&j| self.live(j)).count()
    }

    // ---- Striking words --------------------------------------------------------------------

    fn drop(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i) {
            w.dropped = true;
        }
    }

    /// Strikes words `from..=to`, unless that would leave nothing.
    fn drop_span(&mut self, from: usize, to: usize) -> bool {
        if self.live_between(from, to) >= self.live_count() {
            return false;
        }
        for j in from..=to {
            self.drop(j);
        }
        true
    }

    fn rewrite(&mut self, i: usize, out: &'static str) {
        if let Some(w) = self.words.get_mut(i) {
            w.out = Some(out);
        }
    }

    fn append(&mut self, i: usize, after: &'static str) {
        if let Some(w) = self.words.get_mut(i) {
            w.after = Some(after);
        }
    }

    // ---- The rules -------------------------------------------------------------------------

    /// "Well, the cars …", "But there is …", "Bobbie, it is …": openers and a name addressed.
    fn openers(&mut self) {
        while let Some(i) = self.first_live() {
            let next = self.next_live(i).unwrap_or(i);
            if let Some(n) = self.phrase_in(i, ASIDES) {
                let last = self.nth_live(i, n).unwrap_or(i);
                // "I think the voters will …": a stance opening the sentence needs no comma.
                let stance = self.in_table(i, &["i", "we", "you"])
                    && self.live_count() > n.saturating_add(3);
                if self.comma_after(last) || stance {
                    if !self.begin() {
                        return;
                    }
                    if self.drop_span(i, last) {
                        continue;
                    }
                }
            }
            let comma = self.comma_after(i);
            let opener = self.in_table(i, OPENERS)
                && (comma || !self.in_table(i, OPENERS_NEED_COMMA))
                && !(self.is(i, "so")
                    && self.in_table(next, &["many", "much", "far", "few", "long", "that"]))
                && !(self.is(i, "now") && self.is(next, "that"))
                && (!self.is(i, "no") || comma);
            let vocative = comma
                && self.capitalised(i)
                && self.in_table(
                    next,
                    &[
                        "it", "i", "we", "you", "they", "he", "she", "there", "this", "that",
                    ],
                );
            if (opener || vocative) && self.live_count() > 2 {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            break;
        }
    }

    /// Asides set off by commas: ", as you can see,", ", of course,", "you know".
    fn asides(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || !self.starts_clause(i) {
                continue;
            }
            if let Some(n) = self.phrase_in(i, ASIDES) {
                let last = self.nth_live(i, n).unwrap_or(i);
                if self.comma_after(last) || self.next_live(last).is_none() {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, last);
                    continue;
                }
            }
            // ", as you point out," and the like: "as" and a person.
            let next = self.next_live(i).unwrap_or(i);
            if self.is(i, "as") && self.in_table(next, &["you", "we", "i", "they", "he", "she"]) {
                let end = self.clause_end(i);
                if self.comma_after(end) && self.live_between(i, end) <= ASIDE_MAX_WORDS {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, end);
                }
            }
        }
    }

    /// "according to X", ", officials said", "X said it will …" (becomes "X will …"), and
    /// the "that" after a verb of saying.
    fn attribution(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            // "According to Axios, …" and "…, according to Axios".
            if self.phrase_at(i, "according to").is_some() && self.starts_clause(i) {
                let end = self.clause_end(i);
                if self.live_between(i, end) <= ATTRIBUTION_MAX_WORDS {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, end);
                }
                continue;
            }
            if !self.in_table(i, ATTRIBUTION_VERBS) {
                continue;
            }
            let next = self.next_live(i);
            // "X said it plans …": the pronoun is X, so "X plans …".
            if let Some(n) = next {
                let start = self.clause_start_of(i);
                if self.in_table(n, SUBJECT_PRONOUNS)
                    && self.in_table(i, SAYING_VERBS)
                    && start < i
                    && !self.in_table(start, &["i", "we", "you", "they", "he", "she", "it"])
                {
                    if !self.begin() {
                        return;
                    }
                    self.drop(i);
                    self.drop(n);
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
            // (and whom it was said to).
            let start = self.clause_start_of(i);
            let tail = self.live_between(i, self.clause_end(i));
            if start > 0
                && (self.in_table(i, SAYING_VERBS) || self.is(i, "told"))
                && tail <= 2
                && self.next_live(self.clause_end(i)).is_none()
                && self.live_between(start, self.clause_end(i)) <= ATTRIBUTION_MAX_WORDS
                && !self.in_table(start, &["and", "but", "which", "who"])
            {
                if !self.begin() {
                    return;
                }
                let end = self.clause_end(i);
                self.drop_span(start, end);
            }
        }
    }

    /// The first live word of the clause holding word `i`.
    fn clause_start_of(&self, i: usize) -> usize {
        let mut j = i;
        while let Some(p) = self.prev_live(j) {
            if self.comma_after(p) {
                break;
            }
            j = p;
        }
        j
    }

    /// "This confirmation follows …, including the downing of an Iranian drone by …": a frame
    /// that stands for an earlier sentence gives way to the event it names, written as a
    /// headline writes an event ("Iranian drone downed by …").
    fn event_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let framed = self.in_table(first, FRAME_WORDS);
        for i in first..self.words.len() {
            let (Some(noun), Some(of)) = (
                self.next_live(i),
                self.next_live(i).and_then(|n| self.next_live(n)),
            ) else {
                continue;
            };
            if !self.live(i) || !self.is(i, "the") || !self.is(of, "of") {
                continue;
            }
            let Some(participle) = EVENT_NOUNS
                .iter()
                .find(|(n, _)| self.is(noun, n))
                .map(|(_, p)| *p)
            else {
                continue;
            };
            let linked = self
                .prev_live(i)
                .is_some_and(|p| self.in_table(p, EVENT_LINKS) || self.comma_after(p));
            if !(framed && linked) {
                continue;
            }
            // The object runs to the first preposition or mark.
            let Some(start) = self.next_live(of) else {
                return;
            };
            let mut j = start;
            let head = loop {
                if self.comma_after(j) {
                    break j;
                }
                match self.next_live(j) {
                    Some(n)
                        if !self.in_table(
                            n,
                            &[
                                "by", "in", "at", "near", "on", "off", "over", "after", "before",
                                "from", "to", "with", "during", "amid", "earlier", "later",
                            ],
                        ) =>
                    {
                        j = n
                    }
                    _ => break j,
                }
            };
            if !self.begin() {
                return;
            }
            self.drop_span(first, of);
            self.append(head, participle);
            return;
        }
    }

    /// "after the craft approached the carrier" becomes "near the carrier".
    fn approach(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || !self.in_table(i, &["after", "as", "when", "while"]) {
                continue;
            }
            let mut j = i;
            for _ in 0..=APPROACH_GAP_WORDS {
                let Some(n) = self.next_live(j) else {
                    break;
                };
                j = n;
                if self.comma_after(j) {
                    break;
                }
                if self.in_table(j, APPROACH_VERBS) {
                    if !self.begin() {
                        return;
                    }
                    if let Some(after) = self.next_live(i) {
                        self.rewrite(i, "near");
                        for k in after..=j {
                            self.drop(k);
                        }
                    }
                    break;
                }
            }
        }
    }

    /// "on Tuesday, February 3, 2026,", "this morning", "yesterday", "earlier that same day".
    fn time_phrases(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            let next = self.next_live(i).unwrap_or(usize::MAX);
            let end_or_mark = self.comma_after(i) || self.next_live(i).is_none();
            let plain = self.in_table(
                i,
                &["today", "tonight", "yesterday", "tomorrow", "overnight"],
            );
            let relative = self.in_table(i, TIME_WORDS)
                && (end_or_mark
                    || self.in_table(next, &["this", "that", "today", "tonight", "in", "on"]));
            if plain || relative {
                // "earlier that same day", "later this week".
                let last = self
                    .next_live(i)
                    .and_then(|n| self.time_noun_phrase(n))
                    .unwrap_or(i);
                if !self.begin() {
                    return;
                }
                self.drop_span(i, last);
                continue;
            }
            if let Some(k) = self.time_noun_phrase(i) {
                // "at that time": the preposition goes with its phrase.
                let from = match self.prev_live(i) {
                    Some(p)
                        if self.in_table(
                            p,
                            &[
                                "at", "in", "during", "for", "by", "on", "from", "until", "since",
                                "over",
                            ],
                        ) && !self.comma_after(p) =>
                    {
                        p
                    }
                    _ => i,
                };
                if !self.begin() {
                    return;
                }
                self.drop_span(from, k);
                continue;
            }
            // "on Tuesday", "on Tuesday, February 3, 2026", "on March 9".
            if self.is(i, "on") && (self.in_table(next, WEEKDAYS) || self.in_table(next, MONTHS)) {
                let mut last = next;
                while let Some(n) = self.next_live(last) {
                    let date_part = self.in_table(n, MONTHS)
                        || self.bare(n).chars().all(|c| c.is_ascii_digit())
                            && !self.bare(n).is_empty();
                    if !date_part {
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
    }

    /// "this morning", "last week", "that same day": the end of the phrase if one starts at `i`.
    fn time_noun_phrase(&self, i: usize) -> Option<usize> {
        if !self.in_table(i, &["this", "that", "last", "next", "each", "every"]) {
            return None;
        }
        let mut n = self.next_live(i)?;
        if self.is(n, "same") && !self.comma_after(i) {
            n = self.next_live(n)?;
        }
        (self.in_table(n, TIME_NOUNS) && !self.comma_after(i)).then_some(n)
    }

    /// Hedges and intensifiers: "actively", "just", "so much".
    fn hedges(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            if let Some(n) = self.phrase_in(i, HEDGE_PHRASES) {
                let last = self.nth_live(i, n).unwrap_or(i);
                if !self.begin() {
                    return;
                }
                self.drop_span(i, last);
                continue;
            }
            let next = self.next_live(i);
            if self.is(i, "so") && next.is_some_and(|n| self.in_table(n, &["many", "few"])) {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            // A hedge closing a clause may carry its comma: leave those ("still,") alone.
            if self.in_table(i, HEDGES) && !self.comma_after(i) && next.is_some() {
                if !self.begin() {
                    return;
                }
                self.drop(i);
            }
        }
    }

    /// "has been killed" -> "killed", "is negotiating" -> "negotiating", "will meet" -> "to
    /// meet", "is scheduled to hold" -> "to hold", "plans to form" -> "to form", and verbs of
    /// saying in the present ("confirmed" -> "confirms").
    fn auxiliaries(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || self.comma_after(i) {
                continue;
            }
            let Some(next) = self.next_live(i) else {
                continue;
            };
            if self.is(i, "will") && self.bare(next).chars().all(|c| c.is_ascii_lowercase()) {
                if !self.begin() {
                    return;
                }
                if self.is(next, "be")
                    && self.next_live(next).is_some_and(|n| self.is_participle(n))
                {
                    self.drop(i);
                    self.drop(next);
                } else if !self.in_table(next, &["not", "never", "n't"]) {
                    self.rewrite(i, "to");
                }
                continue;
            }
            if self.in_table(i, PLAN_VERBS) && self.is(next, "to") {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            if self.in_table(i, AUXILIARIES) {
                // The chain of auxiliaries ("has been being") and the verb after it.
                let mut last = i;
                let mut verb = next;
                while self.in_table(verb, &["been", "being", "be"]) && !self.comma_after(verb) {
                    last = verb;
                    match self.next_live(verb) {
                        Some(v) => verb = v,
                        None => break,
                    }
                }
                let planned = self.in_table(verb, PLAN_WORDS)
                    && self.next_live(verb).is_some_and(|t| self.is(t, "to"));
                let participle = self.is_participle(verb) || self.is_progressive(verb);
                if (planned || participle) && !self.begin() {
                    return;
                }
                if planned {
                    self.drop_span(i, verb);
                } else if participle {
                    self.drop_span(i, last);
                }
                continue;
            }
            let present = REPORTING_PRESENT
                .iter()
                .find(|(past, _)| self.is(i, past))
                .map(|(_, present)| *present);
            if let Some(present) = present
                && self
                    .prev_live(i)
                    .is_some_and(|p| !self.in_table(p, AUXILIARIES))
            {
                if !self.begin() {
                    return;
                }
                self.rewrite(i, present);
            }
        }
    }

    fn is_participle(&self, i: usize) -> bool {
        let w = self.bare(i);
        w.chars().all(|c| c.is_ascii_lowercase()) && lexicon::is_participle(w)
    }

    fn is_progressive(&self, i: usize) -> bool {
        let w = self.bare(i);
        w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase())
    }

    /// "the USS Abraham Lincoln aircraft carrier" -> "the USS Abraham Lincoln".
    fn classifiers(&mut self) {
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
            if let Some(n) = self.phrase_in(i, CLASSIFIER_NOUNS) {
                let last = self.nth_live(i, n).unwrap_or(i);
                if !self.begin() {
                    return;
                }
                self.drop_span(i, last);
            }
        }
    }

    /// Relative clauses and comments set off by commas, appositives after a name, and asides
    /// in parentheses.
    fn clauses(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            if self.text(i).starts_with('(') {
                let end = (i..self.words.len())
                    .find(|&j| {
                        self.text(j)
                            .trim_end_matches(['.', ',', ';', ':'])
                            .ends_with(')')
                    })
                    .unwrap_or(i);
                if end.saturating_sub(i) < CLAUSE_MAX_WORDS {
                    if !self.begin() {
                        return;
                    }
                    self.drop_span(i, end);
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
            let relative = self.in_table(i, RELATIVES) && self.comma_after(end) && short;
            let comment = self.in_table(i, COMMENT_PARTICIPLES);
            let appositive = self.in_table(i, &["a", "an"])
                && self.prev_live(i).is_some_and(|p| self.capitalised(p))
                && self.comma_after(end)
                && short;
            if (relative || comment || appositive) && !self.begin() {
                return;
            }
            if relative {
                self.drop_span(i, end);
            } else if comment {
                let last = self.last_live().unwrap_or(i);
                self.drop_span(i, last);
            } else if self.in_table(i, &["a", "an"])
                && self.prev_live(i).is_some_and(|p| self.capitalised(p))
                && self.comma_after(end)
                && short
            {
                self.drop_span(i, end);
            }
        }
    }

    /// "the", "a", "an".
    fn articles(&mut self) {
        for i in 0..self.words.len() {
            if self.live(i)
                && self.in_table(i, &["the", "a", "an"])
                && !self.comma_after(i)
                && self.next_live(i).is_some()
            {
                if !self.begin() {
                    return;
                }
                self.drop(i);
            }
        }
    }

    /// "Standard Oil Co" -> "Standard Oil".
    fn company_suffixes(&mut self) {
        for i in 1..self.words.len() {
            if self.live(i)
                && self.in_table(i, COMPANY_SUFFIXES)
                && self.capitalised(i)
                && self
                    .prev_live(i)
                    .is_some_and(|p| self.capitalised(p) && !self.comma_after(p))
            {
                // Its mark stays with the name: "Inc," closes a clause.
                let mark = split_core(self.text(i)).1;
                if !self.begin() {
                    return;
                }
                self.drop(i);
                if let Some(p) = self.prev_live(i)
                    && ends_clause(mark)
                    && split_core(self.text(p)).1.is_empty()
                {
                    self.append_mark(p);
                }
            }
        }
    }

    fn append_mark(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i) {
            w.comma = true;
        }
    }

    /// "U.S. President Trump" -> "Trump", "special envoy Steve Witkoff" -> "Steve Witkoff".
    fn titles(&mut self) {
        let mut i = 0usize;
        while i < self.words.len() {
            if !self.live(i) || !self.in_table(i, TITLES) {
                i = i.saturating_add(1);
                continue;
            }
            // A run of title words, then a name.
            let mut last = i;
            while let Some(n) = self.next_live(last) {
                if self.comma_after(last) || !self.in_table(n, TITLES) {
                    break;
                }
                last = n;
            }
            let name = self
                .next_live(last)
                .filter(|&n| !self.comma_after(last) && self.capitalised(n));
            let titled = (i..=last).any(|j| {
                self.live(j)
                    && self.capitalised(j)
                    && !self.in_table(j, &["white", "house", "state"])
            });
            if let (Some(_), true) = (name, titled) {
                // A country or nationality before the title goes with it ("U.S. President").
                let from = match self.prev_live(i) {
                    Some(p) if self.in_table(p, MODIFIERS) && !self.comma_after(p) => p,
                    _ => i,
                };
                if !self.begin() {
                    return;
                }
                self.drop_span(from, last);
            }
            i = last.saturating_add(1);
        }
    }

    /// "United States" -> "US", "percent" -> "pct".
    fn abbreviations(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            if let Some((n, short)) = TEXT_ABBREVIATIONS
                .iter()
                .find_map(|(long, short)| self.phrase_at(i, long).map(|n| (n, *short)))
            {
                if !self.begin() {
                    return;
                }
                let last = self.nth_live(i, n).unwrap_or(i);
                for j in i.saturating_add(1)..=last {
                    self.drop(j);
                }
                if last > i {
                    // The phrase's mark is on its last word.
                    let mark = split_core(self.text(last)).1;
                    if ends_clause(mark) {
                        self.append_mark(i);
                    }
                }
                self.rewrite(i, short);
            }
        }
    }

    /// "A U.S. fighter jet downed an Iranian drone" -> "Iranian drone downed": when the verb's
    /// object is the news, the subject goes and the verb follows its object.
    fn object_first(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let mut verb = None;
        let mut j = first;
        for _ in 0..=SUBJECT_MAX_WORDS {
            if self.comma_after(j) {
                break;
            }
            if self.in_table(j, OBJECT_NEWS_VERBS) && j > first {
                verb = Some(j);
                break;
            }
            // The subject is a plain noun phrase: no verb or preposition in it.
            let w = self.bare(j);
            let verbal = w.ends_with("ed") || w.ends_with("ing") || self.in_table(j, AUXILIARIES);
            if verbal
                || (self.in_table(j, lexicon::DANGLING)
                    && !self.in_table(j, &["a", "an", "the", "of"]))
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
        if (head == start && self.in_table(start, &["the", "a", "an"]))
            || (self.in_table(start, lexicon::DANGLING)
                && !self.in_table(start, &["the", "a", "an"]))
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
    fn agents(&mut self) {
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
    fn locatives(&mut self) {
        let has_near = (0..self.words.len()).any(|j| {
            self.live(j)
                && self
                    .words
                    .get(j)
                    .is_some_and(|w| w.out == Some("near") || lexicon::is(core(w.text), "near"))
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
    fn modifiers(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || self.comma_after(i) {
                continue;
            }
            if let Some(n) = self.phrase_in(i, MODIFIERS) {
                let last = self.nth_live(i, n).unwrap_or(i);
                let head = self.next_live(last);
                if !self.comma_after(last)
                    && head.is_some_and(|h| {
                        self.bare(h).chars().next().is_some_and(char::is_lowercase)
                            && !self.in_table(h, lexicon::DANGLING)
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

/// The word without the marks around it ("(Reuters)," -> "Reuters", "U.S." -> "U.S").
fn core(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A word split into its leading marks and the rest after its core: `("(", "),")`.
fn split_core(text: &str) -> (&str, &str) {
    let c = core(text);
    let start = text.find(c).unwrap_or(0);
    let lead = text.get(..start).unwrap_or_default();
    let rest = text
        .get(start.saturating_add(c.len())..)
        .unwrap_or_default();
    (lead, rest)
}

/// Whether a word's marks close a clause.
fn ends_clause(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', ')', '”', '’'])
        .ends_with([',', ';', ':', '—', '–'])
}
