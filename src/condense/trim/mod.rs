//! Trimming a news sentence the way a headline editor does (after Hedge Trimmer, Dorr et al.
//! 2003): strike what adds least first, and stop as soon as the headline fits.
//!
//! A sentence is held as words that can be struck or rewritten, never moved far: a rule marks
//! words, and [`Sentence::render`] writes what is left. The rules come in [`LEVELS`], from the
//! safest (openers, asides, attributions) to the most lossy (modifiers), and make their edits
//! one at a time, in order; each edit is stamped with its place in that order. One pass of the
//! rules thus gives every candidate a ladder needs: [`Sentence::render`] writes the sentence as
//! it stood after any number of edits (exactly what a pass stopped there leaves), so a sentence
//! is classified and trimmed once, however many candidates are tried.

mod attribution;
mod clauses;
mod fillers;
mod headline;
mod lossy;
mod names;
mod tables;
mod time;

use heapless::Vec;

use super::compose::Draft;
use super::lexicon::{self, NON_TERMINAL_ABBREVIATIONS};
use super::word_class::Classes;

/// Most words of one sentence that are weighed. A 640-byte sentence of news averages under a
/// hundred words; words past this are left out, and no budget could show them anyway.
pub const MAX_WORDS: usize = 112;

/// Words that join what follows them to the sentence: a comma after one only set off a
/// phrase now struck ("and, of course, the Department" -> "and the Department"), and no comma
/// moves onto one ("that on Friday, the storm" -> "that the storm").
const JOINING_WORDS: &[&str] = &["and", "but", "or", "that", "where", "when", "if", "because"];

/// What a source says is a clause of at least this many words ("the fire is out").
const MIN_REPORTED_WORDS: usize = 3;

/// What a word of substance shown in the room is worth, when candidates for a cut are
/// weighed ([`Sentence::substance_within`]), and what an article is worth: half as much.
/// Striking the articles before a cut must bring in a word of substance for every two it
/// strikes; references written by people keep most articles (compression-bnc keeps 76% of
/// "the"), and a headline none (headlines-reuters), so an article is neither nothing nor a word.
const SUBSTANCE_WEIGHT: usize = 2;
const ARTICLE_WEIGHT: usize = 1;

/// A name (of a person or a company) is at most this many words ("Fruit of the Loom" aside).
const NAME_MAX_WORDS: usize = 5;

/// An appositive or relative clause set off by commas is at most this many words.
const CLAUSE_MAX_WORDS: usize = 14;

/// A short form written after its name ("(CBOE)", ", CME,") has at most this many letters;
/// a longer word in capitals is a word, not a set of initials.
const ACRONYM_MAX_LETTERS: usize = 6;

/// When an edit was made: 1, 2, … in the order the rules make them (0 is before any).
type Stamp = u8;

/// The stamp of what was never done.
const NEVER: Stamp = Stamp::MAX;

/// Clitics a tokeniser sets apart, without their apostrophe ("'re", "'s"): see
/// [`Word::clitic`].
const CLITICS: &[&str] = &["s", "re", "ve", "m", "ll", "d"];

/// Most edits one pass makes: an edit's stamp is a byte, and one value means "never".
pub const MAX_EDITS: usize = NEVER as usize - 1;

/// A word index in the links between live words; [`NO_WORD`] is none.
type Link = u8;
const NO_WORD: Link = Link::MAX;
const _: () = assert!(MAX_WORDS < NO_WORD as usize, "word indices must fit a Link");

/// The link to word `i`, if there is one.
fn link(i: Option<usize>) -> Link {
    i.and_then(|i| Link::try_from(i).ok()).unwrap_or(NO_WORD)
}

#[derive(Clone, Copy)]
struct Word<'a> {
    /// As written, with the marks attached to it.
    text: &'a str,
    /// The word without the marks around it ("(Reuters)," -> "Reuters").
    bare: &'a str,
    /// Where `bare` starts in `text` (after the opening marks).
    bare_at: u16,
    /// The tables the bare word is in: those of the trimming rules, the low half of its
    /// [`Classes`] (the rest are for recasing, and a table of words with a 64-bit field
    /// would take a seventh more room on a 32-bit board).
    classes: u32,
    /// Whether its marks close a clause (a comma, semicolon, colon or dash).
    closes: bool,
    /// A replacement for the word itself (its marks are kept), from edit `out_at` on.
    out: Option<&'a str>,
    out_at: Stamp,
    /// A word written after this one ("drone" "downed"), from edit `after_at` on.
    after: Option<&'static str>,
    after_at: Stamp,
    /// From which edit a comma is written after the word: the clause mark of a word struck
    /// after it.
    comma_at: Stamp,
    /// From which edit the word's own clause mark is not written: the first of the pair of
    /// commas around a clause struck whole ("Acme, a unit of Ajax, said" -> "Acme said").
    uncomma_at: Stamp,
    /// From which edit the word is struck.
    dropped_at: Stamp,
    /// The live words before and after this one, while it is live (once struck, they still
    /// lead towards live words: every word they skip is struck).
    prev: Link,
    next: Link,
}

impl<'a> Word<'a> {
    fn live(&self) -> bool {
        self.dropped_at == NEVER
    }

    fn live_after(&self, edits: Stamp) -> bool {
        self.dropped_at > edits
    }

    /// The bytes the word writes as it stands, but for its trailing marks (which writing may
    /// leave out): see [`Sentence::least_bytes`].
    fn least(&self) -> usize {
        if self.bare.is_empty() && self.out.is_none() {
            return self.text.len();
        }
        let word = self.out.map_or(self.bare.len(), str::len);
        let after = self.after.map_or(0, |a| a.len().saturating_add(1));
        usize::from(self.bare_at)
            .saturating_add(word)
            .saturating_add(after)
            // Written joined, it takes back the space counted before it.
            .saturating_sub(usize::from(self.clitic()))
    }

    /// Whether the word is a clitic that a transcript's tokeniser set apart ("they 're", "Dole
    /// 's"): it is written joined to the word before, as a person writes it. It stays a word
    /// of its own for the rules, which read it as the word it stands for. ("n't" is not one:
    /// "is n't" has no joined form that keeps its words.)
    fn clitic(&self) -> bool {
        self.out.is_none()
            && self.bare_at == 1
            && self.text.starts_with('\'')
            && CLITICS.iter().any(|c| self.bare.eq_ignore_ascii_case(c))
    }

    /// The marks before the bare word, and those after it: `("(", "),")`.
    fn split(&self) -> (&'a str, &'a str) {
        let at = usize::from(self.bare_at);
        let lead = self.text.get(..at).unwrap_or_default();
        let rest = self
            .text
            .get(at.saturating_add(self.bare.len())..)
            .unwrap_or_default();
        (lead, rest)
    }
}

/// One sentence, as words a rule can strike or rewrite.
pub struct Sentence<'a> {
    words: Vec<Word<'a>, MAX_WORDS>,
    /// Whether the sentence is written in ALL CAPS, and is recased as it is written; whether
    /// it is all ASCII (whose recasing keeps every length).
    shouting: bool,
    ascii: bool,
    /// The stamp of the edit being made.
    stamp: Stamp,
    /// How many edits have been made, how many may be, and how many the first level made.
    made: usize,
    limit: usize,
    first_level: usize,
    level_ends: [usize; LEVELS.len()],
    /// How many words are live, and the bytes they write but for trailing marks.
    live_words: usize,
    least_words: usize,
    /// [`Self::least_bytes`] after each number of edits.
    least_after: [u16; MAX_EDITS + 1],
    /// Whether only fillers are struck (see [`Self::trim_fillers`]).
    fillers_only: bool,
}

/// One level of rules.
type Level = for<'s, 'a> fn(&'s mut Sentence<'a>);

/// The levels, in the order a headline editor reaches for them. The first three lose nothing
/// of the news (a headline makes their edits even when it must be cut); the rest are lossy.
pub const LEVELS: [Level; 8] = [
    // Openers, asides, attribution, event frames, time phrases and hedges.
    |s| {
        s.openers();
        s.asides();
        s.attribution();
        s.pronoun_source();
        s.event_frame();
        s.approach();
        s.time_phrases();
        s.hedges();
        s.in_effect();
        s.issued_frame();
        s.issuer_credit();
        // A "that" left after a verb of saying once a time phrase between them went.
        s.attribution();
        s.complementizers();
    },
    // Relative clauses, appositives and parentheses set off by commas.
    |s| {
        s.acronyms();
        s.lead_clause();
        s.opinion_frame();
        s.copular_frame();
        s.certainty_frame();
        s.report_frame();
        s.clauses();
        s.listed_places();
        // "X, a unit of Y, said it …": the subject and its verb meet once the clause goes.
        s.attribution();
    },
    // Headline forms: names without their suffix or title, no trailing circumstance or leading
    // article, "will"/"plans to" as "to", reporting verbs in the present.
    |s| {
        s.results_table();
        s.quote_codes();
        s.owned_units();
        s.company_suffixes();
        s.credits();
        s.titles();
        s.classifiers();
        s.trailing_phrase();
        s.lead_article();
        s.agreements();
        s.headline_verbs();
        s.abbreviations(true);
    },
    |s| s.auxiliaries(),
    |s| s.articles(),
    |s| s.abbreviations(false),
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
        let mut sentence = Self::empty();
        sentence.read(text);
        sentence
    }

    /// A sentence of no words, to [`Self::read`] into: the word table is a few kilobytes,
    /// and filled where it lies rather than built and then moved, it is on a board's stack
    /// once rather than twice.
    pub fn empty() -> Self {
        Self {
            words: Vec::new(),
            shouting: false,
            ascii: true,
            stamp: 0,
            made: 0,
            limit: 0,
            first_level: 0,
            level_ends: [0; LEVELS.len()],
            live_words: 0,
            least_words: 0,
            least_after: [0; MAX_EDITS + 1],
            fillers_only: false,
        }
    }

    /// Replaces the words with those of a normalised sentence, as [`Self::new`].
    pub fn read(&mut self, text: &'a str) {
        *self = Self {
            shouting: super::compose::is_shouting(text),
            ascii: text.is_ascii(),
            ..Self::empty()
        };
        let words = &mut self.words;
        for w in spaced_words(text) {
            let (bare, bare_at) = core_at(w);
            let index = words.len();
            let word = Word {
                text: w,
                bare,
                bare_at: u16::try_from(bare_at).unwrap_or(0),
                classes: Classes::of(bare).low(),
                closes: ends_clause(w),
                out: None,
                out_at: NEVER,
                after: None,
                after_at: NEVER,
                comma_at: NEVER,
                uncomma_at: NEVER,
                dropped_at: NEVER,
                prev: link(index.checked_sub(1)),
                next: link(Some(index.saturating_add(1))),
            };
            if words.push(word).is_err() {
                break;
            }
        }
        if let Some(last) = words.last_mut() {
            last.next = NO_WORD;
        }
        self.live_words = self.words.len();
        self.least_words = self.words.iter().map(Word::least).sum();
        // [`Self::least_bytes`] of the sentence as it is, before any rule is tried.
        self.record_least();
    }

    /// Applies the rules level by level, at most `edits` edits in all (at most [`MAX_EDITS`]),
    /// each stamped with its place in that order.
    pub fn trim(&mut self, edits: usize) {
        self.made = 0;
        self.limit = edits.min(MAX_EDITS);
        for (n, level) in LEVELS.iter().enumerate() {
            level(self);
            if let Some(end) = self.level_ends.get_mut(n) {
                *end = self.made;
            }
        }
        self.first_level = self.level_ends.first().copied().unwrap_or(0);
        self.record_least();
    }

    /// Strikes only what a sentence says without adding to it, for a sentence that fits as it
    /// is: spoken openers ("Well,", "Oh,"), asides ("you know", "I mean") and intensifiers
    /// ("really", "very much"). Its time words, hedges of truth ("allegedly", "reportedly") and
    /// everything else stay: an alert shown whole keeps its date and its "allegedly".
    pub fn trim_fillers(&mut self) {
        self.made = 0;
        self.limit = MAX_EDITS;
        self.fillers_only = true;
        self.openers();
        self.asides();
        self.hedges();
        self.time_phrases();
        self.fillers_only = false;
        self.level_ends = [self.made; LEVELS.len()];
        self.first_level = self.made;
        self.record_least();
    }

    /// Notes [`Self::least_bytes`] for the edits made so far.
    fn record_least(&mut self) {
        let least = self
            .least_words
            .saturating_add(self.live_words.saturating_sub(1));
        if let Some(slot) = self.least_after.get_mut(self.made) {
            *slot = u16::try_from(least).unwrap_or(u16::MAX);
        }
    }

    /// How many edits had been made when level `n` was done.
    pub fn level_end(&self, n: usize) -> usize {
        self.level_ends.get(n).copied().unwrap_or(self.made)
    }

    /// How many edits the last [`Self::trim`] made.
    pub fn edits(&self) -> usize {
        self.made
    }

    /// How many of them the first level made (nothing of the news).
    pub fn first_level_edits(&self) -> usize {
        self.first_level
    }

    /// Takes one edit from those left, and stamps what it changes; `false` when none is left.
    fn begin(&mut self) -> bool {
        if self.made >= self.limit {
            return false;
        }
        self.record_least();
        self.made = self.made.saturating_add(1);
        self.stamp = Stamp::try_from(self.made).unwrap_or(NEVER.saturating_sub(1));
        true
    }

    /// The words live after `edits` edits, in order, with the bytes each writes (its leading
    /// marks, its word or the word it became, a word written after it, its trailing marks;
    /// writing may leave some trailing marks out).
    fn shown(&self, edits: usize) -> impl Iterator<Item = (&Word<'a>, usize)> + '_ {
        let edits = Stamp::try_from(edits.min(MAX_EDITS)).unwrap_or(0);
        self.words
            .iter()
            .filter(move |w| w.live_after(edits))
            .map(move |w| {
                let (lead, rest) = w.split();
                let word = match w.out.filter(|_| w.out_at <= edits) {
                    Some(out) => out.len(),
                    None => w.bare.len(),
                };
                let after = w
                    .after
                    .filter(|_| w.after_at <= edits)
                    .map_or(0, |a| a.len().saturating_add(1));
                let bytes = if w.bare.is_empty() && w.out.is_none() {
                    w.text.len()
                } else {
                    lead.len()
                        .saturating_add(word)
                        .saturating_add(after)
                        .saturating_add(rest.len())
                };
                (w, bytes)
            })
    }

    /// Whether the sentence is written in capitals throughout (and recased as it is written).
    pub fn is_shouting(&self) -> bool {
        self.shouting
    }

    /// At least how many bytes [`Self::render`] writes after `edits` edits: the words and the
    /// spaces between them, without the trailing marks writing may leave out. (`None` for
    /// ALL-CAPS text beyond ASCII: recasing may change a character's length.)
    pub fn least_bytes(&self, edits: usize) -> Option<usize> {
        if self.shouting && !self.ascii {
            return None;
        }
        self.least_after
            .get(edits.min(self.made))
            .map(|&least| usize::from(least))
    }

    /// How much of the news the sentence shows in its first `room` bytes after `edits` edits:
    /// `SUBSTANCE_WEIGHT` for each word of substance (not an article, preposition or
    /// auxiliary: no word that may not end a digest), `ARTICLE_WEIGHT` for each article.
    pub fn substance_within(&self, edits: usize, room: usize) -> usize {
        let stamp = Stamp::try_from(edits.min(MAX_EDITS)).unwrap_or(0);
        let mut used = 0usize;
        let mut count = 0usize;
        for (n, (w, bytes)) in self.shown(edits).enumerate() {
            used = used
                .saturating_add(bytes)
                .saturating_add(usize::from(n > 0 && !w.clitic()));
            if used > room {
                break;
            }
            let weight = if w.bare.is_empty() {
                0
            } else if w.classes & (Classes::DANGLING | Classes::AUXILIARY) == 0 {
                SUBSTANCE_WEIGHT
            } else if ["the", "a", "an"]
                .iter()
                .any(|a| w.bare.eq_ignore_ascii_case(a))
            {
                ARTICLE_WEIGHT
            } else {
                0
            };
            let extra = w.after.is_some_and(|_| w.after_at <= stamp);
            count = count.saturating_add(weight).saturating_add(if extra {
                SUBSTANCE_WEIGHT
            } else {
                0
            });
        }
        count
    }

    /// Writes the words left after the first `edits` edits into `draft`,
    /// recasing ALL-CAPS text. A comma or other clause mark is kept only where the clause it
    /// closes is still there.
    pub fn render(&self, edits: usize, draft: &mut Draft) {
        let edits = Stamp::try_from(edits.min(MAX_EDITS)).unwrap_or(0);
        let live_after = |j: usize| self.words.get(j).is_some_and(|w| w.live_after(edits));
        let next_after =
            |i: usize| (i.saturating_add(1)..self.words.len()).find(|&j| live_after(j));
        let mut at = (0..self.words.len()).find(|&j| live_after(j));
        while let Some(i) = at {
            let Some(w) = self.words.get(i) else {
                return;
            };
            let next = next_after(i);
            let out = w.out.filter(|_| w.out_at <= edits);
            let (lead, rest) = w.split();
            let mut trailing = rest;
            // Words struck after this one, but for those that open the next one's phrase (an
            // article, a title, a nationality): "Wednesday, the Dole campaign" and "Freeh,
            // Senator Grassley" keep their comma when only "the" or "Senator" goes.
            let struck_between = next.is_some_and(|n| {
                self.words
                    .get(i.saturating_add(1)..n)
                    .is_some_and(|between| {
                        between.iter().any(|p| {
                            p.classes & (Classes::TITLE | Classes::MODIFIER) == 0
                                && !["a", "an", "the"]
                                    .iter()
                                    .any(|a| p.bare.eq_ignore_ascii_case(a))
                        })
                    })
            });
            // A struck word that closed its clause, anywhere between: "rain tomorrow, the
            // county fair" with "tomorrow" and "the" struck keeps its comma on "rain".
            let closed = next.is_some_and(|n| {
                self.words
                    .get(i.saturating_add(1)..n)
                    .is_some_and(|between| between.iter().any(|p| p.closes))
            });
            if ends_clause(trailing) && (w.uncomma_at <= edits || struck_between && !closed) {
                trailing = trailing.trim_end_matches([',', ';', ':']);
            }
            // The sentence's last word struck, its question mark is still the sentence's
            // ("Are the villages habitable at this point?" -> "Are the villages habitable?").
            let asked = next.is_none()
                && self.words.len() > i.saturating_add(1)
                && self.words.last().is_some_and(|l| l.split().1.contains('?'))
                && !trailing.contains('?');
            if asked {
                trailing = trailing.trim_end_matches([',', ';', ':']);
            }
            if next.is_none()
                && trailing.ends_with('.')
                && !self.is_abbreviation(i)
                && !super::fit::is_dangling(out.unwrap_or(w.bare))
            {
                trailing = trailing.trim_end_matches('.');
            }
            if w.bare.is_empty() && out.is_none() {
                // A word of marks alone ("--"): as it is.
                draft.text_word("", w.text, false);
            } else {
                if w.clitic() {
                    let written = usize::from(w.bare_at).saturating_add(w.bare.len());
                    draft.text_clitic(w.text.get(..written).unwrap_or(w.text), self.shouting);
                } else {
                    draft.text_word(lead, out.unwrap_or(w.bare), self.shouting);
                }
                if let Some(after) = w.after.filter(|_| w.after_at <= edits) {
                    draft.text_word("", after, self.shouting);
                }
                // A mark moved from a struck word obeys the same rule as the word's own.
                let clause_gone = struck_between && !closed;
                let comma = w.comma_at <= edits && !trailing.contains(',') && !clause_gone;
                // Inside a closing quote ("said no,"" as written news puts it), after any
                // other mark ("2%,", "(Reuters),").
                let quotes = trailing
                    .chars()
                    .all(|c| matches!(c, '"' | '\'' | '”' | '’'));
                if comma && quotes {
                    draft.push(",");
                }
                draft.push(trailing);
                if comma && !quotes {
                    draft.push(",");
                }
                if asked {
                    draft.push("?");
                }
            }
            // Nothing more is written once the draft is full.
            if draft.overflowed() {
                return;
            }
            at = next;
        }
    }

    // ---- Looking at words ----------------------------------------------------------------

    fn bare(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.bare)
    }

    /// Whether word `i` is `entry` (any case; the entry's trailing full stops left off).
    /// Inlined: the entry is most often a literal, and most words fail on its length alone.
    #[inline(always)]
    fn is(&self, i: usize, entry: &str) -> bool {
        let (bare, mut entry) = (self.bare(i).as_bytes(), entry.as_bytes());
        // A bare word never ends in a full stop, so only a longer entry can match it once its
        // stops are left off; most words differ from the entry in length, and that settles it.
        if bare.len() < entry.len() {
            while let [head @ .., b'.'] = entry {
                entry = head;
            }
        }
        bare.eq_ignore_ascii_case(entry)
    }

    /// Whether word `i` is one of `words` (short lists written in a rule).
    fn in_table(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|e| self.is(i, e))
    }

    /// Whether word `i` is in one of the tables `classes` (see [`Classes`]).
    fn has(&self, i: usize, classes: u32) -> bool {
        self.words.get(i).is_some_and(|w| w.classes & classes != 0)
    }

    /// The first live word from index `from` on that `test` accepts: a scan over the words,
    /// cheaper than asking of each index in turn.
    fn next_word_from(&self, from: usize, test: impl Fn(&Word<'a>) -> bool) -> Option<usize> {
        let offset = self
            .words
            .get(from..)?
            .iter()
            .position(|w| w.live() && test(w))?;
        Some(from.saturating_add(offset))
    }

    fn live(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(Word::live)
    }

    /// The first live word after `i`, following the links (every word they skip is struck).
    fn next_live(&self, i: usize) -> Option<usize> {
        let mut j = self.words.get(i)?.next;
        loop {
            let w = self.words.get(usize::from(j))?;
            if w.live() {
                return Some(usize::from(j));
            }
            j = w.next;
        }
    }

    fn prev_live(&self, i: usize) -> Option<usize> {
        let mut j = self.words.get(i)?.prev;
        loop {
            let w = self.words.get(usize::from(j))?;
            if w.live() {
                return Some(usize::from(j));
            }
            j = w.prev;
        }
    }

    fn first_live(&self) -> Option<usize> {
        if self.live(0) {
            Some(0)
        } else {
            self.next_live(0)
        }
    }

    fn last_live(&self) -> Option<usize> {
        let last = self.words.len().checked_sub(1)?;
        if self.live(last) {
            Some(last)
        } else {
            self.prev_live(last)
        }
    }

    fn live_count(&self) -> usize {
        self.live_words
    }

    /// The marks after word `i`'s bare word.
    fn marks_after(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.split().1)
    }

    fn text(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.text)
    }

    /// Whether word `i` closes a clause: it carries a comma, semicolon, colon or dash.
    fn comma_after(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.closes)
    }

    /// Whether a clause starts at word `i`: the sentence's first word, or one after a comma.
    fn starts_clause(&self, i: usize) -> bool {
        match self.prev_live(i) {
            None => true,
            Some(p) => self.comma_after(p),
        }
    }

    fn capitalised(&self, i: usize) -> bool {
        let bare = self.bare(i);
        // A name may open in lower case with a capital after it ("iRobot", "eBay").
        bare.chars().next().is_some_and(char::is_uppercase)
            || bare
                .as_bytes()
                .get(1..)
                .is_some_and(|rest| rest.first().is_some_and(u8::is_ascii_uppercase))
                && bare.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && bare.as_bytes().iter().any(u8::is_ascii_lowercase)
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
        let mut rest = phrase;
        loop {
            let (part, more) = match rest.as_bytes().iter().position(|&b| b == b' ') {
                Some(space) => (rest.get(..space)?, rest.get(space.saturating_add(1)..)),
                None => (rest, None),
            };
            let j = at?;
            if !self.live(j) || !self.is(j, part) {
                return None;
            }
            n = n.saturating_add(1);
            match more {
                Some(_) if self.comma_after(j) => return None,
                Some(more) => {
                    rest = more;
                    at = self.next_live(j);
                }
                None => return Some(n),
            }
        }
    }

    /// The first phrase of `table` spelt from `i` on; `starts` is the class of the table's
    /// first words, so most words are passed over without trying a phrase.
    fn phrase_in(&self, i: usize, table: &[&str], starts: u32) -> Option<usize> {
        if !self.has(i, starts) {
            return None;
        }
        // A phrase can only start at the word if its first letters agree: a cheap test that
        // passes over most of a long table (the word's core is not empty: it has a class).
        let initial = self.bare(i).as_bytes().first()?.to_ascii_lowercase();
        table
            .iter()
            .filter(|p| p.as_bytes().first().map(u8::to_ascii_lowercase) == Some(initial))
            .find_map(|p| self.phrase_at(i, p))
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
                Some(n) if !self.closed_between(j, n) => j = n,
                _ => return j,
            }
        }
    }

    /// Whether live word `j` ends a clause with a mark: its own, or one on words struck after
    /// it.
    fn marked_end(&self, j: usize) -> bool {
        // A comma after the last live word closed a clause struck after it ("…, the companies
        // said"): nothing follows, so it sets nothing off.
        let Some(n) = self.next_live(j) else {
            return false;
        };
        self.comma_after(j) || self.closed_between(j, n)
    }

    /// Whether a word struck between live words `j` and `n` closed a clause: "which meets
    /// this week, raised" still ends its clause at "meets" once "this week," is struck.
    fn closed_between(&self, j: usize, n: usize) -> bool {
        n > j.saturating_add(1)
            && self
                .words
                .get(j.saturating_add(1)..n)
                .is_some_and(|between| between.iter().any(|w| w.closes))
    }

    /// [`Self::clause_end`] of live word `i`, if the clause has at most `most` live words
    /// (found without walking a long clause to its end).
    fn short_clause_end(&self, i: usize, most: usize) -> Option<usize> {
        let mut j = i;
        for _ in 1..most {
            if self.comma_after(j) {
                return Some(j);
            }
            match self.next_live(j) {
                Some(n) if self.closed_between(j, n) => return Some(j),
                Some(n) => j = n,
                None => return Some(j),
            }
        }
        let closed = self.next_live(j).is_none_or(|n| self.closed_between(j, n));
        (self.comma_after(j) || closed).then_some(j)
    }

    fn live_between(&self, from: usize, to: usize) -> usize {
        (from..=to).filter(|&j| self.live(j)).count()
    }

    fn has_digit(&self, i: usize) -> bool {
        self.bare(i).bytes().any(|b| b.is_ascii_digit())
    }

    // ---- Striking words --------------------------------------------------------------------

    /// Strikes word `i` from the current edit on, and unlinks it from the live words.
    fn drop(&mut self, i: usize) {
        // A clitic goes with the word it is written onto ("Today 's departures" -> not
        // "'s departures"). A loop, not a call per clitic: a run of them ("'s 's 's …") must
        // not deepen a board's stack.
        let mut j = i;
        while self.strike(j)
            && self
                .words
                .get(j.saturating_add(1))
                .is_some_and(Word::clitic)
        {
            j = j.saturating_add(1);
        }
    }

    /// Strikes word `i` alone; `false` when it was struck already.
    fn strike(&mut self, i: usize) -> bool {
        let stamp = self.stamp;
        let Some(w) = self.words.get_mut(i) else {
            return false;
        };
        if !w.live() {
            return false;
        }
        w.dropped_at = stamp;
        let least = w.least();
        let (prev, next) = (w.prev, w.next);
        if let Some(p) = self.words.get_mut(usize::from(prev)) {
            p.next = next;
        }
        if let Some(n) = self.words.get_mut(usize::from(next)) {
            n.prev = prev;
        }
        self.live_words = self.live_words.saturating_sub(1);
        self.least_words = self.least_words.saturating_sub(least);
        true
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

    /// Rewrites word `i` from the current edit on. The rules rewrite a word at most once; a
    /// second rewrite would be ignored.
    fn rewrite(&mut self, i: usize, out: &'a str) {
        let stamp = self.stamp;
        if let Some(w) = self.words.get_mut(i).filter(|w| w.out.is_none()) {
            let before = w.least();
            w.out = Some(out);
            w.out_at = stamp;
            if w.live() {
                self.least_words = self
                    .least_words
                    .saturating_sub(before)
                    .saturating_add(w.least());
            }
        }
    }

    /// Writes `after` after word `i` from the current edit on (at most once, as
    /// [`Self::rewrite`]).
    fn append(&mut self, i: usize, after: &'static str) {
        let stamp = self.stamp;
        if let Some(w) = self.words.get_mut(i).filter(|w| w.after.is_none()) {
            let before = w.least();
            w.after = Some(after);
            w.after_at = stamp;
            if w.live() {
                self.least_words = self
                    .least_words
                    .saturating_sub(before)
                    .saturating_add(w.least());
            }
        }
    }

    /// Leaves out word `i`'s own clause mark from the current edit on: a clause set off by
    /// a pair of commas after it was struck.
    fn unmark(&mut self, i: usize) {
        let stamp = self.stamp;
        if let Some(w) = self.words.get_mut(i).filter(|w| w.uncomma_at == NEVER) {
            w.uncomma_at = stamp;
        }
    }

    /// Strikes a clause set off by commas, words `from..=to`, with the comma before it: "X,
    /// which …, said" -> "X said". (A list keeps its commas: "A, B, C" is not struck so.)
    fn drop_enclosed(&mut self, from: usize, to: usize) {
        let before = self.prev_live(from);
        // "X, a unit of Y, Z, said": a name after the clause may be one more in apposition,
        // and keeps the comma before it.
        // (Nor does "X, a unit of Y, a unit of Z, said" lose it before the second clause.)
        let verb_after = self.next_live(to).is_some_and(|n| {
            self.bare(n).starts_with(|c: char| c.is_lowercase())
                && !self.in_table(n, &["a", "an", "the"])
        });
        // Nor does a conjunction keep a comma once what it set off is gone ("and, of course,
        // the Department" -> "and the Department").
        let joins = before.is_some_and(|p| self.in_table(p, JOINING_WORDS));
        if self.drop_span(from, to)
            && (verb_after || joins)
            && self.marked_end(to)
            && let Some(p) = before
            && self.marks_after(p).ends_with(',')
        {
            self.unmark(p);
        }
    }

    /// Strikes a phrase of time, words `from..=to`. A clause mark that ended it moves to the
    /// word before it: "hit Washington on Friday, forecasters said" -> "hit Washington,
    /// forecasters said", not "hit Washington forecasters said". A phrase with a mark inside
    /// was set off by its own pair ("kicks off tomorrow, March 3, in Indianapolis"): its last
    /// mark goes with it.
    fn drop_adverbial(&mut self, from: usize, to: usize) {
        let before = self.prev_live(from);
        let inner_mark = (from..to).any(|j| self.live(j) && self.comma_after(j));
        let mark = self.keeps_mark(to) && self.next_live(to).is_some() && !inner_mark;
        if self.drop_span(from, to)
            && mark
            && let Some(p) = before
            // (A word's own marks that close nothing stay before it: "2%,".)
            && !self.comma_after(p)
            && !self.in_table(p, JOINING_WORDS)
        {
            self.append_mark(p);
        }
    }

    /// Whether word `i` carries a clause mark that is still written: not the first comma
    /// of a clause struck after it.
    fn keeps_mark(&self, i: usize) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| w.uncomma_at == NEVER && ends_clause(w.split().1))
    }

    fn append_mark(&mut self, i: usize) {
        let stamp = self.stamp;
        if let Some(w) = self.words.get_mut(i).filter(|w| w.comma_at == NEVER) {
            w.comma_at = stamp;
        }
    }
}

/// The words of a normalised sentence: separated by spaces (ASCII, so the text splits at any
/// of them on a character boundary). A byte loop: cheaper on a small board than `str::split`.
fn spaced_words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        loop {
            let text = rest?;
            let (word, after) = match text.as_bytes().iter().position(|&b| b == b' ') {
                Some(end) => (text.get(..end)?, text.get(end.saturating_add(1)..)),
                None => (text, None),
            };
            rest = after;
            if !word.is_empty() {
                return Some(word);
            }
        }
    })
}

/// The word without the marks around it ("(Reuters)," -> "Reuters", "U.S." -> "U.S").
fn core(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A word's [`core`], and where it starts: after its leading marks; at 0 for a word of marks
/// alone, which is all marks after its (empty) core.
fn core_at(text: &str) -> (&str, usize) {
    let bytes = text.as_bytes();
    // Most words start and end in an ASCII letter or digit, and are their own core.
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return (text, 0);
    }
    let rest = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    if rest.is_empty() {
        return ("", 0);
    }
    (core(rest), text.len().saturating_sub(rest.len()))
}

/// Whether a word's marks close a clause.
fn ends_clause(text: &str) -> bool {
    if text
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    text.trim_end_matches(['"', '\'', ')', '”', '’'])
        .ends_with([',', ';', ':', '—', '–'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rendered(s: &Sentence, edits: usize) -> std::string::String {
        let mut draft = Draft::default();
        s.render(edits, &mut draft);
        draft.as_str().into()
    }

    const WORDS: &[&str] = &[
        "the",
        "a",
        "Acme",
        "Corp",
        "said",
        "it",
        "will",
        "build",
        "has",
        "been",
        "killed",
        "in",
        "Ohio,",
        "on",
        "Tuesday,",
        "officials",
        "which",
        "who",
        "U.S.",
        "President",
        "Trump",
        "United",
        "States",
        "percent",
        "just",
        "very",
        "Well,",
        "(Reuters)",
        "downed",
        "drone",
        "Iranian",
        "near",
        "after",
        "approached",
        "carrier",
        "this",
        "week",
        "a",
        "lot",
        "of",
        "plans",
        "to",
        "is",
        "expected",
        "amid",
        "heavy",
        "security.",
        "Experts",
        "say",
        "that",
        // Clitics written joined: the bound on a candidate's bytes must still hold.
        "'re",
        "'s",
        "they",
        "Today",
        "--",
    ];

    proptest! {
        /// One pass of the rules stamps its edits; the sentence as it stood after any `k`
        /// of them is the sentence a pass allowed only `k` edits leaves.
        #[test]
        fn any_number_of_edits_renders_as_a_pass_stopped_there(
            picks in prop::collection::vec(0..WORDS.len(), 1..40),
            shouting in any::<bool>(),
        ) {
            let text = picks.iter().filter_map(|&i| WORDS.get(i)).copied()
                .collect::<std::vec::Vec<_>>().join(" ");
            let text = if shouting { text.to_uppercase() } else { text };
            let mut all = Sentence::new(&text);
            all.trim(MAX_EDITS);
            for k in 0..=all.edits() {
                let mut stopped = Sentence::new(&text);
                stopped.trim(k);
                let written = rendered(&all, k);
                prop_assert_eq!(&written, &rendered(&stopped, k), "{} edits of {:?}", k, text);
                // The bound the ladder skips candidates by never exceeds what is written.
                let mut draft = Draft::default();
                all.render(k, &mut draft);
                if let Some(least) = all.least_bytes(k).filter(|_| !draft.overflowed()) {
                    prop_assert!(least <= written.len(), "{} > {:?}", least, written);
                }
            }
        }
    }

    #[test]
    fn levels_end_in_order_and_the_first_edits_are_the_safest() {
        let text = "Well, Acme Corp said on Tuesday that it will build the plant.";
        let mut s = Sentence::new(text);
        s.trim(MAX_EDITS);
        let ends: std::vec::Vec<usize> = (0..LEVELS.len()).map(|n| s.level_end(n)).collect();
        assert!(ends.windows(2).all(|w| w[0] <= w[1]), "{ends:?}");
        assert_eq!(s.level_end(LEVELS.len() - 1), s.edits());
        // The opener, the time phrase and then "said that it" (the company's own word) go
        // first (checked by hand).
        assert_eq!(
            rendered(&s, s.first_level_edits()),
            "Acme Corp will build the plant"
        );
        assert_eq!(
            rendered(&s, 0),
            "Well, Acme Corp said on Tuesday that it will build the plant"
        );
    }
}
