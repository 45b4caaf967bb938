//! Rules that give a sentence headline form: present verbs, no auxiliaries or articles.

use super::Sentence;
use crate::condense::lexicon::{
    self, AGREEMENT_NOUNS, AGREEMENT_VERBS, COUNTED_NUMBERS, EVENT_NOUNS, FORECAST_WORDS,
    GENERIC_SOURCES, KNOWING_WORDS, NUMBER_WORDS, PAST_PARTICIPLES, PERSONAL_PRONOUNS,
    REPORTING_PRESENT,
};
use crate::condense::word_class::Classes;

/// Words between "after" and a verb of approach ("after the craft approached").
const APPROACH_GAP_WORDS: usize = 4;

/// Words that may qualify an agreement between its article and its noun ("a definitive
/// merger agreement").
const AGREEMENT_QUALIFIER_WORDS: usize = 2;

/// An agreement frame ("has entered into a definitive merger agreement in principle") is at
/// most this many words before the "to" of its act.
const AGREEMENT_FRAME_WORDS: usize = 8;

/// Modal verbs: the auxiliaries after them belong to their verb ("would have required").
const MODALS: &[&str] = &[
    "should", "would", "could", "might", "must", "can", "may", "will", "shall",
];

impl<'a> Sentence<'a> {
    /// "This confirmation follows …, including the downing of an Iranian drone by …": a frame
    /// that stands for an earlier sentence gives way to the event it names, written as a
    /// headline writes an event ("Iranian drone downed by …").
    pub(super) fn event_frame(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        let framed = self.has(first, Classes::FRAME_WORD);
        for i in first..self.words.len() {
            if !self.live(i) || !self.is(i, "the") {
                continue;
            }
            let (Some(noun), Some(of)) = (
                self.next_live(i),
                self.next_live(i).and_then(|n| self.next_live(n)),
            ) else {
                continue;
            };
            if !self.is(of, "of") || !self.has(noun, Classes::EVENT_NOUN) {
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
                .is_some_and(|p| self.has(p, Classes::EVENT_LINK) || self.comma_after(p));
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
    pub(super) fn approach(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || !self.has(i, Classes::APPROACH_LINK) {
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
                if self.has(j, Classes::APPROACH_VERB) {
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

    /// "has been killed" -> "killed", "is negotiating" -> "negotiating", "will meet" -> "to
    /// meet", "is scheduled to hold" -> "to hold", "plans to form" -> "to form", and verbs of
    /// saying in the present ("confirmed" -> "confirms").
    pub(super) fn headline_verbs(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || self.comma_after(i) {
                continue;
            }
            let Some(next) = self.next_live(i) else {
                continue;
            };
            // "Acme will build" is "Acme to build"; "if I will" or "they plan to" stay: the
            // headline form needs a subject that is not a pronoun.
            let subject = self.prev_live(i);
            let after_pronoun = subject.is_some_and(|p| self.in_table(p, PERSONAL_PRONOUNS));
            // "Calny has filed a suit" -> "Calny filed a suit": a headline has no perfect. Only
            // a regular verb, whose past is its participle ("they have thrown" is not "they
            // thrown"), and not an infinitive ("to have sized up") nor a modal's ("would have
            // required").
            if self.has(i, Classes::AUXILIARY)
                && self.in_table(i, &["has", "have"])
                && subject.is_some_and(|p| {
                    !self.comma_after(p) && !self.is(p, "to") && !self.in_table(p, MODALS)
                })
                && !after_pronoun
                && self.is_participle(next)
                && self.past_is_participle(next)
            {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            // "KLM is cutting fares" -> "KLM cutting fares": the headline's progressive.
            if self.has(i, Classes::AUXILIARY)
                && self.in_table(i, &["is", "are"])
                && subject.is_some_and(|p| !self.comma_after(p) && !self.is(p, "to"))
                && !after_pronoun
                && self.is_progressive(next)
                && !self.has(next, Classes::PLAN_WORD)
                && self.heads_sentence(i)
            {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            // Nor inside a clause of its own ("sure that Clinton will be able", "what will
            // be"): the headline form is the main clause's. Nor after "and": "granted
            // citizenship and will play" is not "and to play".
            if self.is(i, "will")
                && !after_pronoun
                && !subject.is_some_and(|p| self.in_table(p, &["and", "but", "or"]))
                && !self.in_subordinate_clause(i)
                && self.bare(next).chars().all(|c| c.is_ascii_lowercase())
            {
                if !self.begin() {
                    return;
                }
                if !self.in_table(next, &["not", "never", "n't"]) {
                    self.rewrite(i, "to");
                }
                continue;
            }
            // (A noun after an article is no verb: "backed a plan to allow".)
            let noun = subject.is_some_and(|p| self.has(p, Classes::DANGLING));
            if self.has(i, Classes::PLAN_VERB) && self.is(next, "to") && !after_pronoun && !noun {
                if !self.begin() {
                    return;
                }
                self.drop(i);
                continue;
            }
            // "is expected to cut" -> "to cut".
            if self.has(i, Classes::AUXILIARY) && !after_pronoun {
                let mut verb = next;
                while self.in_table(verb, &["been", "being", "be"]) && !self.comma_after(verb) {
                    match self.next_live(verb) {
                        Some(v) => verb = v,
                        None => break,
                    }
                }
                if self.has(verb, Classes::PLAN_WORD)
                    && !self.comma_after(verb)
                    && self.next_live(verb).is_some_and(|t| self.is(t, "to"))
                {
                    if !self.begin() {
                        return;
                    }
                    // "is expected to cut" -> "expected to cut": a forecast stays one (see
                    // [`FORECAST_WORDS`]).
                    let last = if self.in_table(verb, FORECAST_WORDS) {
                        self.prev_live(verb).unwrap_or(i)
                    } else {
                        verb
                    };
                    self.drop_span(i, last);
                }
                continue;
            }
            // The table is searched only for a word in it (its class says so).
            let present = self
                .has(i, Classes::REPORTING_PAST)
                .then(|| {
                    REPORTING_PRESENT
                        .iter()
                        .find(|(past, _, _)| self.is(i, past))
                })
                .flatten()
                .and_then(|(_, one, many)| {
                    // The subject's head is the word before the verb, or the clause's first
                    // word when a phrase comes between ("Officials in Tulsa County said").
                    let head = self.clause_start_of(i);
                    // "Treasury balances at the Fed rose": the noun before the subject's first
                    // preposition is its head.
                    // (The subject starts after a verb of saying: "X said sales fell".)
                    let from = (head..i)
                        .rev()
                        .find(|&k| self.live(k) && self.has(k, Classes::ATTRIBUTION_VERB))
                        .map_or(head, |k| k.saturating_add(1));
                    let noun = (from..i)
                        .find(|&k| {
                            k > from
                                && self.live(k)
                                && self.in_table(k, &["of", "in", "at", "for", "from", "on"])
                        })
                        .and_then(|k| self.prev_live(k))
                        .or(subject);
                    let generic = head < i && self.in_table(head, GENERIC_SOURCES);
                    // "Prices rose" or "Jones rose": the sentence's capital hides the number,
                    // and the past is a headline too. (In "Banner Industries" the capitals
                    // make a name, one company.)
                    if !generic
                        && noun
                            .is_some_and(|s| self.first_live() == Some(s) && self.number_hidden(s))
                    {
                        return None;
                    }
                    let plural = noun.is_some_and(|s| self.is_plural(s)) || generic;
                    Some(if plural { *many } else { *one })
                });
            // After its subject: not after an auxiliary, an article or a preposition ("a
            // rose", "as told").
            if let Some(present) = present
                && subject.is_some_and(|p| !self.has(p, Classes::AUXILIARY | Classes::DANGLING))
            {
                if !self.begin() {
                    return;
                }
                self.rewrite(i, present);
            }
        }
    }

    /// "X said it has signed a letter of intent to acquire Y" -> "X to acquire Y", "X agreed
    /// to sell" -> "X to sell": an agreement to act is written as the act to come, as a wire
    /// headline writes it ("LOTUS TO ACQUIRE COMPUTER ACCESS"). Not after a pronoun ("they to
    /// sell"), and only when what is agreed is a verb ("agreed to terms" stays).
    pub(super) fn agreements(&mut self) {
        // Found from the "to" of the infinitive back (a sentence has few): a frame ends on
        // the live word before it, and opens at most a few words further back.
        let mut from = 2usize;
        while let Some(to) = self.next_word_from(from, |w| w.bare.eq_ignore_ascii_case("to")) {
            from = to.saturating_add(1);
            // A frame ends in "agreed", an agreement noun, "intent" or "principle".
            let Some(end) = self.prev_live(to).filter(|&e| {
                self.in_table(e, &["agreed", "agrees", "intent", "principle"])
                    || self.in_table(e, AGREEMENT_NOUNS)
            }) else {
                continue;
            };
            let mut opening = Some(end);
            let mut i = None;
            for _ in 0..AGREEMENT_FRAME_WORDS {
                let Some(k) = opening else {
                    break;
                };
                if self.agreement_end(k) == Some(end) {
                    i = Some(k);
                    break;
                }
                opening = self.prev_live(k);
            }
            let Some(i) = i.filter(|&i| i > 0) else {
                continue;
            };
            // (Not "agreed to three points", "agreed to the terms".)
            let verb = self.next_live(to).is_some_and(|v| {
                self.bare(v).bytes().all(|b| b.is_ascii_lowercase())
                    && !self.has(v, Classes::DANGLING)
                    && !self.in_table(v, NUMBER_WORDS)
                    && !self.in_table(v, &["be", "his", "her", "its", "their"])
            });
            // "has tentatively agreed": the auxiliary and an adverb go with their verb.
            let mut start = i;
            if let Some(p) = self.prev_live(start)
                && self.bare(p).ends_with("ly")
                && self.bare(p).bytes().all(|b| b.is_ascii_lowercase())
                && !self.comma_after(p)
            {
                start = p;
            }
            if let Some(p) = self.prev_live(start)
                && self.in_table(p, &["has", "have", "had"])
                && !self.comma_after(p)
            {
                start = p;
            }
            let subject = self.prev_live(start);
            if !verb
                || self.comma_after(to)
                || subject
                    .is_none_or(|s| self.comma_after(s) || self.in_table(s, PERSONAL_PRONOUNS))
            {
                continue;
            }
            if !self.begin() {
                return;
            }
            self.drop_span(start, end);
        }
    }

    /// The last word of an agreement frame opening at word `i` ("agreed", "signed a
    /// definitive agreement", "has a letter of intent", "reached agreement in principle"),
    /// if one does; no mark inside it.
    fn agreement_end(&self, i: usize) -> Option<usize> {
        if self.comma_after(i) {
            return None;
        }
        // "agreed in principle to acquire", as "reached agreement in principle".
        let mut end = if self.in_table(i, &["agreed", "agrees"]) {
            i
        } else {
            self.agreement_noun_end(i)?
        };
        if let Some(p) = self.next_live(end)
            && !self.comma_after(end)
            && let Some(words) = self.phrase_at(p, "in principle")
        {
            end = self.nth_live(p, words)?;
        }
        (!self.comma_after(end)).then_some(end)
    }

    /// The agreement noun (or "letter of intent"'s last word) that [`AGREEMENT_VERBS`] at
    /// word `i` open, if they do ("signed a definitive agreement").
    fn agreement_noun_end(&self, i: usize) -> Option<usize> {
        if !self.in_table(i, AGREEMENT_VERBS) {
            return None;
        }
        let mut n = self.next_live(i)?;
        if self.is(n, "into") && !self.comma_after(n) {
            n = self.next_live(n)?;
        }
        if self.in_table(n, &["a", "an"]) && !self.comma_after(n) {
            n = self.next_live(n)?;
        }
        // A word or two that qualify the agreement ("definitive", "tentative").
        for _ in 0..AGREEMENT_QUALIFIER_WORDS {
            if self.in_table(n, AGREEMENT_NOUNS)
                || self.comma_after(n)
                || self.phrase_at(n, "letter of intent").is_some()
            {
                break;
            }
            // A qualifier is an adjective: not a verb ("has received a contract") or a word
            // of function.
            let w = self.bare(n);
            if !w.bytes().all(|b| b.is_ascii_lowercase())
                || w.ends_with("ed")
                || self.has(n, Classes::DANGLING | Classes::AUXILIARY)
            {
                return None;
            }
            n = self.next_live(n)?;
        }
        if self.in_table(n, AGREEMENT_NOUNS) {
            Some(n)
        } else {
            let words = self.phrase_at(n, "letter of intent")?;
            self.nth_live(n, words)
        }
    }

    /// Whether word `i` is in a clause of its own: after "that", "what", "which", "who",
    /// "whether" or "if" in its clause ("sure that Clinton will"), or a verb of knowing.
    fn in_subordinate_clause(&self, i: usize) -> bool {
        // (A verb of knowing may have lost its "that": "sure Clinton will".)
        (self.clause_start_of(i)..i).any(|k| {
            self.live(k)
                && (self.in_table(k, &["that", "what", "which", "who", "whether", "if"])
                    || self.in_table(k, KNOWING_WORDS))
        })
    }

    /// Whether the verb at word `i` is the sentence's main verb: its subject opens the
    /// sentence, with no clause opened between ("and", "that", "what", "which", "who").
    fn heads_sentence(&self, i: usize) -> bool {
        let start = self.clause_start_of(i);
        self.first_live() == Some(start)
            && !(start..i).any(|k| {
                self.live(k)
                    && self.in_table(k, &["and", "that", "what", "which", "who", "says", "said"])
            })
    }

    /// Whether word `i` reads as a plural subject: a lower-case noun in "-s" ("officials",
    /// "troops"), or "they"/"we". Names ("Sears") and "-ss" words ("press") are not.
    /// Whether word `i`, capitalised, could be a plural or a name: "Prices", "Jones".
    fn number_hidden(&self, i: usize) -> bool {
        let w = self.bare(i);
        let mut rest = w.bytes();
        rest.next().is_some_and(|b| b.is_ascii_uppercase())
            && rest.all(|b| b.is_ascii_lowercase())
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
    }

    fn is_plural(&self, i: usize) -> bool {
        let w = self.bare(i);
        self.in_table(i, &["they", "we", "you", "i"])
            || (w.len() > 3
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is"))
    }

    pub(super) fn auxiliaries(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) || self.comma_after(i) || !self.has(i, Classes::AUXILIARY) {
                continue;
            }
            // "said to be consulting": an infinitive keeps its "be"; "should be considered"
            // its modal's. After a pronoun or a relative the headline form is no sentence
            // ("she counseling", "others who working").
            // (Nor does a chain lose its second word alone: "she has been counseling".)
            if self.prev_live(i).is_some_and(|p| {
                self.has(p, Classes::AUXILIARY)
                    || self.in_table(p, PERSONAL_PRONOUNS)
                    || self.in_table(p, &["to", "who", "which", "that"])
                    || self.in_table(p, MODALS)
            }) {
                continue;
            }
            let Some(next) = self.next_live(i) else {
                continue;
            };
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
            // "have thrown" is not "thrown": a perfect goes only where the past is the
            // participle ("has filed" -> "filed").
            let irregular_perfect = last == i
                && self.in_table(i, &["has", "have", "had"])
                && !self.past_is_participle(verb);
            if (self.is_participle(verb) || self.is_progressive(verb)) && !irregular_perfect {
                if !self.begin() {
                    return;
                }
                self.drop_span(i, last);
            }
        }
    }

    pub(super) fn is_participle(&self, i: usize) -> bool {
        let w = self.bare(i);
        w.chars().all(|c| c.is_ascii_lowercase()) && lexicon::is_participle(w)
    }

    /// Whether word `i`'s participle is also its simple past: a regular verb, or one of
    /// [`PAST_PARTICIPLES`].
    fn past_is_participle(&self, i: usize) -> bool {
        self.bare(i).ends_with("ed") || self.in_table(i, PAST_PARTICIPLES)
    }

    pub(super) fn is_progressive(&self, i: usize) -> bool {
        let w = self.bare(i);
        w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase())
    }

    /// "the", "a", "an", and the possessives a headline leaves out as it does them ("its",
    /// "their": "Union Oil lowers posted prices"); not the "a" that is a number ("a million").
    pub(super) fn articles(&mut self) {
        for i in 0..self.words.len() {
            if self.live(i)
                && self.in_table(i, &["the", "a", "an", "its", "their"])
                && !self.comma_after(i)
                && self
                    .next_live(i)
                    .is_some_and(|n| !(self.is(i, "a") && self.in_table(n, COUNTED_NUMBERS)))
                // "$2,135 an ounce", "50 cents a gallon": after an amount, "a" is "per".
                && !(self.in_table(i, &["a", "an"])
                    && self.prev_live(i).is_some_and(|p| self.has_digit(p) || self.is(p, "cents")))
            {
                if !self.begin() {
                    return;
                }
                self.drop(i);
            }
        }
    }

    /// "The Federal Reserve is …" -> "Federal Reserve is …": a headline never opens with an
    /// article.
    pub(super) fn lead_article(&mut self) {
        if let Some(first) = self.first_live()
            && self.in_table(first, &["the", "a", "an"])
            && !self.comma_after(first)
            && self.next_live(first).is_some()
        {
            if !self.begin() {
                return;
            }
            self.drop(first);
        }
    }
}
