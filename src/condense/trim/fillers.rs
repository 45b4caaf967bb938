//! Rules that strike what only frames the news: openers, asides, hedges, lead frames.

use super::{CLAUSE_MAX_WORDS, MIN_REPORTED_WORDS, NAME_MAX_WORDS, Sentence};
use crate::condense::lexicon::{
    ASIDES, CERTAINTY_WORDS, DENIED_DEGREES, HEDGE_PHRASES, INTENSIFIERS, OPINION_VERBS,
    PERSONAL_PRONOUNS, SUBORDINATORS,
};
use crate::condense::word_class::Classes;

/// An aside set off by commas ("as you point out") is at most this many words; a longer
/// stretch between commas is content.
const ASIDE_MAX_WORDS: usize = 6;

/// The subject of a frame that announces a clause ("the interesting part of stretching is
/// that") is at most this many words, with its "is": a longer one says something itself.
const FRAME_SUBJECT_MAX_WORDS: usize = 7;

/// Words between "we have" and the "word" of a report's frame, with it ("we have late
/// breaking word that").
const REPORT_FRAME_MAX_WORDS: usize = 3;

/// Most letters of a word in "-ing" that is no participle ("king", "thing"): a shorter word
/// is not read as one.
const PARTICIPLE_MIN_LETTERS: usize = 5;

/// Most words of a participle's phrase that leads up to the main clause ("Facing mounting
/// pressure from investors,"): a longer run is more likely the sentence's own subject and verb.
const PARTICIPLE_PHRASE_MAX_WORDS: usize = 7;

/// Words in "-ing" that open a sentence without being a participle that leads up to it.
const NOT_PARTICIPLES: &[&str] = &[
    "during",
    "according",
    "morning",
    "evening",
    "nothing",
    "something",
    "everything",
    "anything",
    "spring",
    "string",
    "building",
    "meeting",
    "ceiling",
    "wedding",
];

/// What a source says in, opening a sentence ("In a statement, the Pentagon said …"): the
/// frame of its attribution.
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "letter",
    "interview",
    "speech",
    "report",
    "filing",
    "release",
    "email",
    "memo",
    "post",
    "tweet",
    "message",
];

impl<'a> Sentence<'a> {
    // ---- The rules -------------------------------------------------------------------------

    /// "Well, the cars …", "But there is …", "Bobbie, it is …": openers and a name addressed.
    pub(super) fn openers(&mut self) {
        while let Some(i) = self.first_live() {
            let next = self.next_live(i).unwrap_or(i);
            if let Some(n) = self.phrase_in(i, ASIDES, Classes::ASIDE_START) {
                let last = self.nth_live(i, n).unwrap_or(i);
                // "I think the voters will …": a stance opening the sentence needs no comma.
                let stance = self.in_table(i, &["i", "we", "you"])
                    && self.live_count() > n.saturating_add(3);
                // "All right, Carl" is all there is to say: an aside goes only from before a
                // clause, not from before a word or two.
                let clause_follows = self.live_count() > n.saturating_add(2);
                if (self.comma_after(last) || stance) && clause_follows {
                    if !self.begin() {
                        return;
                    }
                    if self.drop_span(i, last) {
                        continue;
                    }
                }
            }
            // "National Weather Service: A flash flood warning is in effect …": who speaks,
            // as a tag before what is said (not a filler: a sentence that fits keeps it).
            if !self.fillers_only
                && let Some(end) = self.source_tag_end(i)
                && self.live_count() > self.live_between(i, end).saturating_add(MIN_REPORTED_WORDS)
            {
                if !self.begin() {
                    return;
                }
                if self.drop_span(i, end) {
                    continue;
                }
            }
            let comma = self.comma_after(i);
            let opener = self.has(i, Classes::OPENER)
                && !(self.fillers_only && self.has(i, Classes::TIME_WORD))
                && (comma || !self.has(i, Classes::OPENER_NEEDS_COMMA))
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

    /// The last word of a source's tag that starts at word `i`: a name of capitalised words
    /// ending in a colon ("NWS:", "National Weather Service:").
    fn source_tag_end(&self, i: usize) -> Option<usize> {
        let mut j = i;
        for _ in 0..NAME_MAX_WORDS {
            if !self.capitalised(j) {
                return None;
            }
            if self.comma_after(j) {
                return (self.marks_after(j) == ":").then_some(j);
            }
            j = self.next_live(j)?;
        }
        None
    }

    /// Asides set off by commas: ", as you can see,", ", of course,", "you know".
    pub(super) fn asides(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            // "… and I think an apology is owed": a speaker's stance after a conjunction
            // needs no comma, when a clause follows it.
            let after_conjunction = self.in_table(i, &["i", "we"])
                && self.prev_live(i).is_some_and(|p| {
                    !self.comma_after(p) && self.in_table(p, &["and", "but", "because", "so"])
                });
            if !self.starts_clause(i) && !after_conjunction {
                continue;
            }
            if let Some(n) = self.phrase_in(i, ASIDES, Classes::ASIDE_START) {
                let last = self.nth_live(i, n).unwrap_or(i);
                let stance = after_conjunction
                    && !self.comma_after(last)
                    && self
                        .next_live(last)
                        .is_some_and(|c| self.nth_live(c, MIN_REPORTED_WORDS).is_some());
                let clause_left = self.live_count() > n.saturating_add(2);
                if (self.comma_after(last) || self.next_live(last).is_none() || stance)
                    && clause_left
                {
                    if !self.begin() {
                        return;
                    }
                    // "Eraser, by the way, opens June 21st": the aside takes its first comma.
                    self.drop_enclosed(i, last);
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
                    self.drop_enclosed(i, end);
                }
            }
        }
    }

    /// Hedges and intensifiers: "actively", "just", "so much".
    pub(super) fn hedges(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            if let Some(n) = self.phrase_in(i, HEDGE_PHRASES, Classes::HEDGE_PHRASE_START) {
                let last = self.nth_live(i, n).unwrap_or(i);
                // Set off by commas, it is an aside and takes its first comma: "Sharon, in
                // particular, played" -> "Sharon played".
                let enclosed = self
                    .prev_live(i)
                    .filter(|&p| self.keeps_mark(p))
                    .filter(|_| self.comma_after(last) && self.next_live(last).is_some());
                if !self.begin() {
                    return;
                }
                if self.drop_span(i, last)
                    && let Some(p) = enclosed
                {
                    self.unmark(p);
                }
                continue;
            }
            let next = self.next_live(i);
            // "stirring and touching in a way": a hedge where its clause ends; "in a way that
            // …" is a manner, and stays.
            if self.is(i, "in")
                && let Some(a) = next.filter(|&n| self.in_table(n, &["a", "some"]))
                && let Some(way) = self.next_live(a).filter(|&w| self.is(w, "way"))
                && !self.comma_after(a)
                && (self.comma_after(way) || self.next_live(way).is_none())
            {
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, way);
                continue;
            }
            if self.is(i, "so") && next.is_some_and(|n| self.in_table(n, &["many", "few"])) {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            // A hedge set off by commas is an aside: "has, apparently, attended".
            if self.has(i, Classes::HEDGE)
                && self.comma_after(i)
                && next.is_some()
                && self.prev_live(i).is_some_and(|p| self.keeps_mark(p))
                && (!self.fillers_only || self.in_table(i, INTENSIFIERS))
            {
                if !self.begin() {
                    return;
                }
                // Its first comma goes with it ("This is, really, the start").
                if self.drop_span(i, i)
                    && let Some(p) = self.prev_live(i)
                {
                    self.unmark(p);
                }
                continue;
            }
            // A hedge closing a clause may carry its comma: leave those ("still,") alone.
            if self.has(i, Classes::HEDGE)
                && !self.comma_after(i)
                && next.is_some()
                && !self.is_place_word(i)
                && !self.after_negation(i)
                && !self.opens_examples(i)
                && (!self.fillers_only || self.in_table(i, INTENSIFIERS))
            {
                if !self.begin() {
                    return;
                }
                self.drop(i);
            }
        }
    }

    /// Whether word `i` is a word of degree after a negation, and part of what is denied:
    /// "will not just be felt within its borders" is not "will not be felt", nor is "not
    /// completely destroyed" "not destroyed" ("not even", "not really" still go: what they
    /// deny holds without them).
    fn after_negation(&self, i: usize) -> bool {
        self.in_table(i, DENIED_DEGREES)
            && self.prev_live(i).is_some_and(|p| {
                self.in_table(p, &["not", "never", "n't"]) || {
                    // "don't", "wasn't": the negation joined to its verb.
                    let b = self.bare(p).as_bytes();
                    b.len() > 3
                        && b.get(b.len().saturating_sub(3)..)
                            .is_some_and(|t| t.eq_ignore_ascii_case(b"n't"))
                }
            })
    }

    /// Whether word `i` opens a list of examples after a comma ("Companies, especially media,
    /// telecommunications and cable, need money"): struck alone it would leave the list as
    /// if it were the subject's apposition.
    fn opens_examples(&self, i: usize) -> bool {
        self.in_table(i, &["especially", "particularly", "notably"])
            && self.prev_live(i).is_some_and(|p| self.comma_after(p))
    }

    /// Whether "here" at word `i` stands for a place ("Here 's the report", "what we 're
    /// here for"), and is no hedge: before or after a form of "be".
    fn is_place_word(&self, i: usize) -> bool {
        let be = |j: usize| self.has(j, Classes::AUXILIARY) || self.in_table(j, &["s", "re", "m"]);
        self.is(i, "here")
            && (self.next_live(i).is_some_and(be) || self.prev_live(i).is_some_and(be))
    }

    /// "As far as we can determine, nothing was done" -> "nothing was done": a subordinate
    /// clause that opens the sentence before its main clause is preamble; a headline carries
    /// the main clause (Hedge Trimmer strikes what stands before the subject).
    pub(super) fn lead_clause(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        // "Although …,", "Despite heavy rain,", "Facing pressure from investors,", "In a
        // statement released late Tuesday,": what leads up to the main clause.
        let bare = self.bare(first);
        let participle = bare.len() > PARTICIPLE_MIN_LETTERS
            && bare.ends_with("ing")
            && !bare.contains('-')
            && !self.in_table(first, NOT_PARTICIPLES);
        let statement = self.is(first, "in")
            && self.next_live(first).is_some_and(|d| {
                self.in_table(d, &["a", "an", "its", "his", "her", "their"])
                    && self
                        .next_live(d)
                        .is_some_and(|n| self.in_table(n, STATEMENT_NOUNS))
            });
        if !(self.in_table(first, SUBORDINATORS)
            || self.is(first, "despite")
            || participle
            || statement)
        {
            return;
        }
        // Its comma may be on a word already struck ("…weakened overnight, …"): the words
        // are looked at struck or not.
        let mut live = 0usize;
        let mut end = None;
        for j in first..self.words.len() {
            live = live.saturating_add(usize::from(self.live(j)));
            if live > CLAUSE_MAX_WORDS {
                return;
            }
            if self.comma_after(j) {
                end = Some(j);
                break;
            }
        }
        let Some(end) = end else {
            return;
        };
        // "Joining us by phone is Geoffrey Fieger, …", "Running for president is a full-time
        // job, …": a participle with a verb of its own is the sentence, not its lead-in; so is
        // a longer run ("Striking auto workers reached a deal with GM, ending …"), and one
        // not followed by a subject ("Boeing …, the biggest …" is a name and an appositive).
        if participle {
            let subject = self.next_live(end).is_some_and(|n| {
                let verb_like = self.bare(n).ends_with("ing") || self.bare(n).ends_with("ed");
                self.capitalised(n)
                    || self.in_table(n, &["the", "a", "an"])
                    || self.in_table(n, PERSONAL_PRONOUNS)
                    || (!self.has(n, Classes::DANGLING) && !verb_like)
            });
            if live > PARTICIPLE_PHRASE_MAX_WORDS
                || !subject
                || (first..=end)
                    .any(|j| self.has(j, Classes::AUXILIARY | Classes::ATTRIBUTION_VERB))
            {
                return;
            }
        }
        self.drop_frame(first, end);
    }

    /// Strikes a frame, words `first..=last`, before the clause it frames: only when what
    /// follows is a clause of its own, a subject and a verb at least.
    fn drop_frame(&mut self, first: usize, last: usize) {
        let rest = self
            .live_count()
            .saturating_sub(self.live_between(first, last));
        if rest < MIN_REPORTED_WORDS || !self.begin() {
            return;
        }
        self.drop_span(first, last);
    }

    /// Word `last` of a frame, or the "that" after it, which goes with the frame ("I think
    /// that …").
    pub(super) fn with_that(&self, last: usize) -> usize {
        match self.next_live(last) {
            Some(t) if self.is(t, "that") && !self.comma_after(t) => t,
            _ => last,
        }
    }

    /// "I think those are the two main reasons" -> "those are the two main reasons", "It
    /// appears the party is headed for a showdown" -> "the party is headed …": a speaker's
    /// frame of opinion before the clause that carries the news goes, as a hedge does.
    pub(super) fn opinion_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let Some(verb) = self.next_live(first) else {
            return;
        };
        let framed = (self.in_table(first, &["i", "we"]) && self.in_table(verb, OPINION_VERBS))
            || (self.is(first, "it") && self.in_table(verb, &["appears", "seems"]));
        if !framed || self.comma_after(first) || self.comma_after(verb) {
            return;
        }
        self.drop_frame(first, self.with_that(verb));
    }

    /// "The interesting part of stretching is that 80 percent of your stretch occurs …" -> "80
    /// percent of your stretch occurs …", "The second thing is, this is a Field poll" -> "this
    /// is a Field poll", "All they 'll say is that …": a frame that only announces the clause
    /// after it ("the fact is", "the latest is that", "what we know is that") goes. The frame
    /// is a short subject that opens with a determiner, "what" or "all", then "is that" or "is,".
    pub(super) fn copular_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        if !self.in_table(
            first,
            &[
                "the", "what", "all", "our", "my", "his", "her", "their", "one",
            ],
        ) {
            return;
        }
        let mut j = first;
        for _ in 1..FRAME_SUBJECT_MAX_WORDS {
            if self.comma_after(j) {
                return;
            }
            let Some(n) = self.next_live(j) else {
                return;
            };
            j = n;
            if !self.is(j, "is") {
                continue;
            }
            let last = if self.comma_after(j) {
                j
            } else {
                match self.next_live(j) {
                    Some(t) if self.is(t, "that") && !self.comma_after(t) => t,
                    _ => return,
                }
            };
            self.drop_frame(first, last);
            return;
        }
    }

    /// "It 's clear that the contests are heating up" -> "the contests are heating up", "There
    /// is no doubt that …", "It was no accident that …": a frame that only vouches for the
    /// clause after it goes. Only frames of certainty (see [`CERTAINTY_WORDS`]), never "it is
    /// not clear" or "unlikely": without them the clause would say what the sentence does not.
    pub(super) fn certainty_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let Some(be) = self.next_live(first) else {
            return;
        };
        let Some(mut word) = self.next_live(be) else {
            return;
        };
        let no = self.is(word, "no");
        if no {
            match self.next_live(word) {
                Some(w) => word = w,
                None => return,
            }
        }
        let framed = (self.is(first, "it") || (self.is(first, "there") && no))
            && self.in_table(be, &["is", "was", "s"])
            && !self.comma_after(be)
            && self.in_table(word, CERTAINTY_WORDS)
            && !self.comma_after(word);
        if !framed {
            return;
        }
        self.drop_frame(first, self.with_that(word));
    }

    /// "We have late word that Dr. Jack Kevorkian has attended …" -> "Dr. Jack Kevorkian has
    /// attended …": a newsroom's frame for a report ("we have word", "we have new reports
    /// that", "there were reports that") goes before the report it frames.
    pub(super) fn report_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let Some(have) = self.next_live(first) else {
            return;
        };
        // "We have word that …", "There were reports that …".
        let framed = (self.is(first, "we") && self.in_table(have, &["have", "ve"]))
            || (self.is(first, "there") && self.in_table(have, &["are", "were"]));
        if !framed {
            return;
        }
        let mut j = have;
        for _ in 0..REPORT_FRAME_MAX_WORDS {
            if self.comma_after(j) {
                return;
            }
            let Some(n) = self.next_live(j) else {
                return;
            };
            j = n;
            if self.in_table(j, &["word", "news", "reports"]) && !self.comma_after(j) {
                // Its "that" may be struck already ("reports that", as a verb of saying's).
                let that = match self.next_live(j) {
                    Some(t) if self.is(t, "that") => t,
                    _ if self.is(j.saturating_add(1), "that") => j,
                    _ => return,
                };
                self.drop_frame(first, that);
                return;
            }
        }
    }
}
