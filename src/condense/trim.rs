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

use heapless::Vec;

use super::compose::Draft;
use super::lexicon::{
    self, AGREEMENT_NOUNS, AGREEMENT_VERBS, ASIDE_PREPOSITIONS, ASIDES, CERTAINTY_WORDS,
    CIRCUMSTANCE_PREPOSITIONS, CLASSIFIER_NOUNS, COMPANY_SUFFIXES, COUNTED_NUMBERS, DENIED_DEGREES,
    DESCRIBING_PREPOSITIONS, DIVIDEND_LABELS, EVENT_NOUNS, FIGURE_NOUNS, FIGURE_UNITS,
    FORECAST_WORDS, GENERIC_SOURCES, HEADLINE_SHORT_FORMS, HEDGE_PHRASES, INTENSIFIERS,
    KNOWING_WORDS, LEVEL_NOUNS, MODIFIERS, NON_TERMINAL_ABBREVIATIONS, NOW_PHRASES, NUMBER_WORDS,
    OBJECT_NEWS_VERBS, OPINION_VERBS, OWNED_UNIT, PAST_PARTICIPLES, PERSONAL_PRONOUNS,
    REPORTING_PRESENT, RESULTS_PERIODS, SUBORDINATORS, TABLE_LABELS, TEXT_ABBREVIATIONS,
    TEXT_UNITS, TIME_PHRASES, UNIT_NOUNS, US_STATES,
};
use super::word_class::Classes;

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

/// Title words that are also ordinary words of a company's or a thing's name ("General
/// Motors", "Special Olympics", "Chief Auto Parts"): alone, a title only before a full name.
const TITLES_ONLY_IN_A_NAME: &[&str] = &["general", "special", "chief", "deputy"];

/// Words that join what follows them to the sentence: a comma after one only set off a
/// phrase now struck ("and, of course, the Department" -> "and the Department"), and no comma
/// moves onto one ("that on Friday, the storm" -> "that the storm").
const JOINING_WORDS: &[&str] = &["and", "but", "or", "that", "where", "when", "if", "because"];

/// Words that may stand before a source that names no one ("some U.S. officials").
const GENERIC_SOURCE_LEAD_WORDS: usize = 2;

/// What a source says is a clause of at least this many words ("the fire is out").
const MIN_REPORTED_WORDS: usize = 3;

/// The subject of a frame that announces a clause ("the interesting part of stretching is
/// that") is at most this many words, with its "is": a longer one says something itself.
const FRAME_SUBJECT_MAX_WORDS: usize = 7;

/// Words between "we have" and the "word" of a report's frame, with it ("we have late
/// breaking word that").
const REPORT_FRAME_MAX_WORDS: usize = 3;

/// What a word of substance shown in the room is worth, when candidates for a cut are
/// weighed ([`Sentence::substance_within`]), and what an article is worth: half as much.
/// Striking the articles before a cut must bring in a word of substance for every two it
/// strikes; references written by people keep most articles (compression-bnc keeps 76% of
/// "the"), and a headline none (headlines-reuters), so an article is neither nothing nor a word.
const SUBSTANCE_WEIGHT: usize = 2;
const ARTICLE_WEIGHT: usize = 1;

/// A trailing phrase of circumstance ("amid heavy security") is at most this many words.
const TRAILING_PHRASE_MAX_WORDS: usize = 5;

/// A name (of a person or a company) is at most this many words ("Fruit of the Loom" aside).
const NAME_MAX_WORDS: usize = 5;

/// Words between "after" and a verb of approach ("after the craft approached").
const APPROACH_GAP_WORDS: usize = 4;

/// An appositive or relative clause set off by commas is at most this many words.
const CLAUSE_MAX_WORDS: usize = 14;

/// A short form written after its name ("(CBOE)", ", CME,") has at most this many letters;
/// a longer word in capitals is a word, not a set of initials.
const ACRONYM_MAX_LETTERS: usize = 6;

/// Words that may qualify an agreement between its article and its noun ("a definitive
/// merger agreement").
const AGREEMENT_QUALIFIER_WORDS: usize = 2;

/// A table of results says "vs" within this many words of its start ("Shr 33 cts vs 28
/// cts", "Oper shr loss two cts vs profit seven cts").
const TABLE_VS_WORDS: usize = 8;

/// An agreement frame ("has entered into a definitive merger agreement in principle") is at
/// most this many words before the "to" of its act.
const AGREEMENT_FRAME_WORDS: usize = 8;

/// Words that may qualify a company's figure after "said" ("domestic car sales").
const FIGURE_MODIFIER_WORDS: usize = 3;

/// When an edit was made: 1, 2, … in the order the rules make them (0 is before any).
type Stamp = u8;

/// The stamp of what was never done.
const NEVER: Stamp = Stamp::MAX;

/// Clitics a tokeniser sets apart, without their apostrophe ("'re", "'s"): see
/// [`Word::clitic`].
const CLITICS: &[&str] = &["s", "re", "ve", "m", "ll", "d"];

/// Most letters of a plain stock ticker ("<GEOX>"): exchanges list up to five.
const TICKER_MAX_LETTERS: usize = 5;

/// Most words an aside between dashes may take: a pair of dashes marks an aside
/// unambiguously, so it may be longer than one set off by commas (a player's whole career
/// between "--" and "--"), and no longer than a long sentence's middle.
const DASH_ASIDE_MAX_WORDS: usize = 24;

/// Words of a body's name that a title word may open ("Finance Ministry", "Executive
/// Commission"): what follows such a title is no person's name.
const INSTITUTION_NOUNS: &[&str] = &[
    "ministry",
    "commission",
    "committee",
    "department",
    "council",
    "board",
    "office",
    "agency",
    "bureau",
    "service",
    "authority",
    "court",
    "cabinet",
    "directorate",
];

/// Words that qualify a title and go with it ("Former Vice President Dick Cheney").
const TITLE_QUALIFIERS: &[&str] = &["former", "ex", "acting", "outgoing", "late"];

/// Words before a day that make it a deadline or a span, not the time of the news: "until
/// Wednesday", "through Friday" (an alert's end stays).
const DEADLINE_WORDS: &[&str] = &[
    "until",
    "through",
    "thru",
    "till",
    "by",
    "before",
    "after",
    "since",
    "from",
    "to",
    "next",
    "last",
    "every",
    "each",
    "starting",
    "beginning",
    "ending",
    "effective",
];

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

/// Modal verbs: the auxiliaries after them belong to their verb ("would have required").
const MODALS: &[&str] = &[
    "should", "would", "could", "might", "must", "can", "may", "will", "shall",
];

/// Most words of the places a warning lists before when it ends ("including Tulsa OK, Broken
/// Arrow OK and Owasso OK until …"): a longer run is not a list of places.
const PLACE_LIST_MAX_WORDS: usize = 24;

/// Verbs by which an office puts out a bulletin ("has issued a Flood Watch").
const ISSUE_VERBS: &[&str] = &["issued", "extended", "upgraded", "expanded", "reissued"];

/// Most words of the office that issues a bulletin, before its verb ("The National Weather
/// Service in Boston has").
const ISSUER_MAX_WORDS: usize = 8;

/// Parts of a day that may follow a date ("on Monday night").
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

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

    // ---- Striking words --------------------------------------------------------------------

    /// Strikes word `i` from the current edit on, and unlinks it from the live words.
    fn drop(&mut self, i: usize) {
        let stamp = self.stamp;
        let Some(w) = self.words.get_mut(i) else {
            return;
        };
        if !w.live() {
            return;
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
        // A clitic goes with the word it is written onto ("Today 's departures" -> not
        // "'s departures").
        let after = i.saturating_add(1);
        if self.words.get(after).is_some_and(Word::clitic) {
            self.drop(after);
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

    // ---- The rules -------------------------------------------------------------------------

    /// "Well, the cars …", "But there is …", "Bobbie, it is …": openers and a name addressed.
    fn openers(&mut self) {
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

    /// "A flash flood warning is in effect for this area until 6:00AM" -> "… warning until
    /// 6:00AM": a warning that is named is in effect, and the alert is for where it is shown.
    fn in_effect(&mut self) {
        // Found from "effect", the rarest of its words: one comparison a word.
        for last in 0..self.words.len() {
            if !self.live(last) || !self.is(last, "effect") {
                continue;
            }
            // "A warning is in effect until …", and a bulletin's heading without its verb:
            // "WINTER STORM WARNING IN EFFECT FROM 6 PM …" (after the product's name).
            let verb = self
                .prev_live(last)
                .filter(|&n| self.is(n, "in"))
                .and_then(|n| {
                    let v = self.prev_live(n)?;
                    if self.comma_after(v) || self.comma_after(n) {
                        return None;
                    }
                    if self.in_table(v, &["is", "remains", "are", "remain"]) {
                        Some(v)
                    } else {
                        self.capitalised(v).then_some(n)
                    }
                });
            let Some(i) = verb else {
                continue;
            };
            // "for this area", "for the area".
            let area = self
                .next_live(last)
                .filter(|_| !self.comma_after(last))
                .and_then(|f| {
                    let d = self.next_live(f)?;
                    let a = self.next_live(d)?;
                    (self.is(f, "for")
                        && self.in_table(d, &["this", "the", "your"])
                        && self.is(a, "area")
                        && !self.comma_after(d))
                    .then_some(a)
                });
            let end = area.unwrap_or(last);
            // A time or a place must follow ("until 6:00AM"): "A warning is in effect." says
            // only that, and "you are in effect moving" is "in effect" as "in fact".
            let then = self.next_live(end).is_some_and(|n| {
                self.in_table(
                    n,
                    &[
                        "until", "till", "til", "through", "from", "for", "across", "over",
                    ],
                )
            });
            if !then || !self.begin() {
                continue;
            }
            self.drop_span(i, end);
        }
    }

    /// "Freeze Warning … until October 19 at 9:00AM MDT by NWS Pueblo CO" -> "… 9:00AM MDT":
    /// the office that issued a bulletin, at its end, is its source.
    fn issuer_credit(&mut self) {
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
            let office =
                self.is(n, "NWS") || self.phrase_at(n, "National Weather Service").is_some();
            // The office's name runs to the end: its place in capitals ("Boston/Norton MA").
            let to_end = (n..self.words.len()).filter(|&j| self.live(j)).all(|j| {
                self.capitalised(j) && !self.comma_after(j) || self.next_live(j).is_none()
            });
            let Some(last) = self.last_live() else {
                return;
            };
            if office && to_end && self.begin() {
                self.drop_span(i, last);
            }
            return;
        }
    }

    /// "Tornado Warning including Tulsa OK, Broken Arrow OK and Owasso OK until 9:15 PM CDT"
    /// -> "Tornado Warning until 9:15 PM CDT": the places a warning includes give way to when
    /// it ends, which a reader of a small display cannot otherwise learn.
    fn listed_places(&mut self) {
        for i in 1..self.words.len() {
            if !self.live(i) || !self.is(i, "including") {
                continue;
            }
            let end = (i.saturating_add(1)..self.words.len())
                .take(PLACE_LIST_MAX_WORDS)
                .filter(|&j| self.live(j))
                .find(|&j| self.in_table(j, &["until", "till", "through"]));
            let Some(end) = end else {
                continue;
            };
            let Some(last) = self.prev_live(end).filter(|&l| l > i) else {
                continue;
            };
            if !self.begin() {
                return;
            }
            self.drop_span(i, last);
        }
    }

    /// "The National Weather Service in Boston has issued a Flood Watch for …" -> "Flood Watch
    /// for …": who issued a bulletin is its source, and the bulletin the news. Only a named
    /// issuer (capitalised words, "the", and a place after "in") and a named product after
    /// the verb.
    fn issued_frame(&mut self) {
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
    fn asides(&mut self) {
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

    /// "according to X", ", officials said", "X said it will …" (becomes "X will …"), and
    /// the "that" after a verb of saying.
    fn attribution(&mut self) {
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
    fn complementizers(&mut self) {
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
    fn pronoun_source(&mut self) {
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
    fn approach(&mut self) {
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

    /// "on Tuesday, February 3, 2026,", "this morning", "yesterday", "earlier that same day".
    fn time_phrases(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            // A sentence that fits loses only the phrases that say "now".
            if self.fillers_only {
                if let Some(n) = self.phrase_in(i, NOW_PHRASES, Classes::HEDGE_PHRASE_START) {
                    let last = self.nth_live(i, n).unwrap_or(i);
                    if !self.begin() {
                        return;
                    }
                    self.drop_adverbial(i, last);
                }
                continue;
            }
            let next = self.next_live(i).unwrap_or(usize::MAX);
            let end_or_mark = self.comma_after(i) || self.next_live(i).is_none();
            // All of these are time words: a word that is not one is neither.
            let timely = self.has(i, Classes::TIME_WORD);
            let plain = timely
                && self.in_table(
                    i,
                    &["today", "tonight", "yesterday", "tomorrow", "overnight"],
                );
            let relative = timely
                && (end_or_mark
                    || self.in_table(next, &["this", "that", "today", "tonight", "in", "on"]));
            if plain || relative {
                // "earlier that same day", "later this week"; "tomorrow, March 3," with the
                // date it names.
                let last = self
                    .next_live(i)
                    .and_then(|n| self.time_noun_phrase(n))
                    .unwrap_or(i);
                let last = match self.next_live(last) {
                    Some(n) if self.comma_after(last) && self.is_date_start(n) => self.date_end(n),
                    _ => last,
                };
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            // "once again", "at this hour" (their first words share the class of the hedges').
            if let Some(n) = self.phrase_in(i, TIME_PHRASES, Classes::HEDGE_PHRASE_START) {
                let mut last = self.nth_live(i, n).unwrap_or(i);
                let after = self.next_live(last);
                // "so far this year" goes whole.
                if let Some(k) = after.and_then(|a| self.time_noun_phrase(a)) {
                    last = k;
                }
                let after = self.next_live(last);
                // "from the beginning of the year" names a time; "so far" is one only where
                // its clause ends ("burned so far and", not "so far away").
                let names_time = after.is_some_and(|a| self.is(a, "of"));
                let ends = self.comma_after(last)
                    || after.is_none_or(|a| self.in_table(a, &["and", "but"]));
                if names_time || (self.is(i, "so") && !ends) {
                    continue;
                }
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
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
                self.drop_adverbial(from, k);
                continue;
            }
            // "at 650 PM CDT", "at 7:45 p.m.": a clock time (not "until 6:00AM", when a
            // warning ends, nor "until October 17 at 9:00AM", the hour of a day named).
            let day_before = || {
                self.prev_live(i)
                    .is_some_and(|p| self.is_date_start(p) || self.has_digit(p))
            };
            if self.is(i, "at")
                && !self.comma_after(i)
                && !day_before()
                && let Some(last) = self.clock_time_end(next)
            {
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            // "Frost Advisory issued October 16 at 12:22PM EDT until …": when a bulletin was
            // issued is the record's time, not its news.
            if self.is(i, "issued") && !self.comma_after(i) && self.is_date_start(next) {
                let mut last = self.date_end(next);
                if let Some(at) = self.next_live(last).filter(|&a| self.is(a, "at"))
                    && let Some(clock) = self.next_live(at).and_then(|c| self.clock_time_end(c))
                {
                    last = clock;
                }
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            // "said Wednesday", "died late Monday": a day named after a verb, as a wire writes
            // it without "on" (not "until Wednesday" nor "through Friday": when a warning
            // ends stays, nor "the Wednesday meeting").
            if self.has(i, Classes::WEEKDAY)
                && let Some(p) = self.prev_live(i)
                && !self.comma_after(p)
                && self.bare(p).bytes().all(|b| b.is_ascii_lowercase())
                && (!self.has(p, Classes::DANGLING) || self.has(p, Classes::ATTRIBUTION_VERB))
                && !self.has(p, Classes::TIME_DETERMINER)
                && !self.in_table(p, DEADLINE_WORDS)
                && !self.capitalised(next)
            {
                let from = if self.in_table(p, &["late", "early"]) {
                    p
                } else {
                    i
                };
                // Only after a word of the clause ("said Wednesday"), not after "Late" alone
                // opening the sentence.
                if from == i || self.prev_live(from).is_some() {
                    let last = self.date_end(i);
                    if !self.begin() {
                        return;
                    }
                    self.drop_adverbial(from, last);
                    continue;
                }
            }
            // "on Tuesday", "on Tuesday, February 3, 2026", "on March 9".
            if self.is(i, "on") && self.is_date_start(next) {
                let last = self.date_end(next);
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
            }
        }
    }

    /// The last word of a clock time that starts at word `i`: "650 PM CDT", "7:45 p.m.",
    /// "6:00AM", "10:15 local time". Digits alone are no time ("at 55 mph").
    fn clock_time_end(&self, i: usize) -> Option<usize> {
        let w = self.bare(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let glued = w.get(digits.len()..).unwrap_or_default();
        let clock = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b':');
        if !clock
            || !(glued.is_empty() || ["am", "pm"].iter().any(|m| glued.eq_ignore_ascii_case(m)))
        {
            return None;
        }
        let mut last = i;
        let mut marked = digits.contains(':') || !glued.is_empty();
        if !self.comma_after(last)
            && let Some(n) = self.next_live(last)
            && self.in_table(n, &["am", "pm", "a.m.", "p.m."])
        {
            last = n;
            marked = true;
        }
        if !marked {
            return None;
        }
        // A zone: "CDT", "UTC", "local time".
        if !self.comma_after(last)
            && let Some(n) = self.next_live(last)
        {
            let zone = self.bare(n);
            if (3..=4).contains(&zone.len())
                && zone.bytes().all(|b| b.is_ascii_uppercase())
                && (zone.ends_with('T') || zone == "UTC")
            {
                last = n;
            } else if self.is(n, "local")
                && !self.comma_after(n)
                && let Some(t) = self.next_live(n)
                && self.is(t, "time")
            {
                last = t;
            }
        }
        Some(last)
    }

    /// Whether a date starts at word `i`: "Tuesday", "March".
    fn is_date_start(&self, i: usize) -> bool {
        self.has(i, Classes::WEEKDAY) || self.has(i, Classes::MONTH)
    }

    /// The last word of the date that starts at word `i`: "Tuesday, February 3, 2026",
    /// "June 21st".
    fn date_end(&self, i: usize) -> usize {
        let mut last = i;
        while let Some(n) = self.next_live(last) {
            let day = self.bare(n);
            let day = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| day.strip_suffix(s))
                .unwrap_or(day);
            let date_part = self.has(n, Classes::MONTH)
                || day.chars().all(|c| c.is_ascii_digit()) && !day.is_empty();
            if !date_part {
                break;
            }
            last = n;
        }
        // "Monday night", "Tuesday morning": the part of the day belongs to the date.
        if !self.comma_after(last)
            && let Some(n) = self.next_live(last)
            && self.in_table(n, DAY_PARTS)
        {
            return n;
        }
        last
    }

    /// "this morning", "last week", "that same day": the end of the phrase if one starts at `i`.
    fn time_noun_phrase(&self, i: usize) -> Option<usize> {
        if !self.has(i, Classes::TIME_DETERMINER) || self.comma_after(i) {
            return None;
        }
        let mut n = self.next_live(i)?;
        if self.is(n, "same") {
            n = self.next_live(n)?;
        }
        if !self.has(n, Classes::TIME_NOUN) {
            return None;
        }
        // "next Monday morning": a second time noun belongs to the phrase.
        if !self.comma_after(n)
            && let Some(m) = self.next_live(n)
            && self.has(m, Classes::TIME_NOUN)
        {
            n = m;
        }
        // "this year 's pace": a time that owns something is not a time phrase.
        let owner = self.next_live(n).is_some_and(|m| {
            // Spoken transcripts write the mark apart ("last week 's election"), and its
            // bare word is then only the "s".
            self.in_table(m, &["'s", "'"]) || self.text(m).eq_ignore_ascii_case("'s")
        });
        (!owner).then_some(n)
    }

    /// Hedges and intensifiers: "actively", "just", "so much".
    fn hedges(&mut self) {
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

    /// "has been killed" -> "killed", "is negotiating" -> "negotiating", "will meet" -> "to
    /// meet", "is scheduled to hold" -> "to hold", "plans to form" -> "to form", and verbs of
    /// saying in the present ("confirmed" -> "confirms").
    fn headline_verbs(&mut self) {
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
    fn agreements(&mut self) {
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

    fn auxiliaries(&mut self) {
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

    fn is_participle(&self, i: usize) -> bool {
        let w = self.bare(i);
        w.chars().all(|c| c.is_ascii_lowercase()) && lexicon::is_participle(w)
    }

    /// Whether word `i`'s participle is also its simple past: a regular verb, or one of
    /// [`PAST_PARTICIPLES`].
    fn past_is_participle(&self, i: usize) -> bool {
        self.bare(i).ends_with("ed") || self.in_table(i, PAST_PARTICIPLES)
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
            if let Some(n) = self.phrase_in(i, CLASSIFIER_NOUNS, Classes::CLASSIFIER_START) {
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

    /// "the Chicago Board Options Exchange (CBOE) sold" -> "the CBOE sold", "Chicago
    /// Mercantile Exchange, CME, directors" -> "CME directors": a name followed by its
    /// initials is written as the initials, as a headline writes "OECD" or "FDIC". The
    /// initials must spell the capitalised words of the name (a company suffix at its end may
    /// be left out: "Nippon Telegraph and Telephone Corp (NTT)").
    fn acronyms(&mut self) {
        let mut from = 1usize;
        // Most words are passed over by a scan for their shape: a few capital letters.
        let shape = |w: &Word| {
            (2..=ACRONYM_MAX_LETTERS).contains(&w.bare.len())
                && w.bare.bytes().all(|b| b.is_ascii_uppercase())
        };
        while let Some(a) = self.next_word_from(from, shape) {
            from = a.saturating_add(1);
            let Some((short, comma_form)) = self.initials_word(a) else {
                continue;
            };
            let Some(end) = self.prev_live(a) else {
                continue;
            };
            let Some(start) = self.name_spelt(end, short, comma_form) else {
                continue;
            };
            if !self.begin() {
                return;
            }
            // A clause mark after the parenthesis belongs to the sentence: it moves to the
            // name. In ", CME," the commas only set the initials off.
            let mark = !comma_form && ends_clause(self.marks_after(a));
            for j in start.saturating_add(1)..=a {
                self.drop(j);
            }
            self.rewrite(start, short);
            if mark {
                self.append_mark(start);
            }
        }
    }

    /// The initials word `a` holds, if it is one ("(CBOE)", "(ICO),", or "CME," after a word
    /// with a comma), and whether it is set off by commas rather than parentheses.
    fn initials_word(&self, a: usize) -> Option<(&'a str, bool)> {
        let w = self.words.get(a)?;
        let letters = w.bare;
        if !(2..=ACRONYM_MAX_LETTERS).contains(&letters.len())
            || !letters.bytes().all(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        let (lead, rest) = w.split();
        let prev = self.prev_live(a)?;
        if lead == "(" && matches!(rest, ")" | ")," | ");" | ").") {
            // The name runs right up to the parenthesis.
            return self
                .marks_after(prev)
                .is_empty()
                .then_some((letters, false));
        }
        (lead.is_empty() && rest == "," && self.marks_after(prev) == ",").then_some((letters, true))
    }

    /// The first word of a name ending at word `end` whose capitalised words' initials (parts
    /// of a hyphenated word counted apart) spell `short`, if there is one. Joining words
    /// ("of", "and", "the", "for") may stand inside the name; no word but the last may carry
    /// a mark, and that only the comma that sets the initials off.
    fn name_spelt(&self, end: usize, short: &str, comma_form: bool) -> Option<usize> {
        let short = short.as_bytes();
        // Spelt backwards from the end: `got` counts the initials matched from the right.
        let spell = |skip_suffix: bool| -> Option<usize> {
            let mut got = 0usize;
            let mut j = end;
            let mut first = true;
            loop {
                let w = self.words.get(j)?;
                let (lead, rest) = w.split();
                let marked =
                    !lead.is_empty() || !(rest.is_empty() || (first && comma_form && rest == ","));
                if marked || w.bare.is_empty() {
                    return None;
                }
                let suffix = first && skip_suffix && self.has(j, Classes::COMPANY_SUFFIX);
                if self.capitalised(j) && !suffix {
                    // The initials of the word's parts, last part first.
                    for part in w.bare.rsplit('-') {
                        let initial = part.as_bytes().first()?;
                        if !initial.is_ascii_uppercase() {
                            return None;
                        }
                        let want = short.len().checked_sub(got.saturating_add(1))?;
                        if short.get(want) != Some(initial) {
                            return None;
                        }
                        got = got.saturating_add(1);
                    }
                    if got == short.len() {
                        return Some(j);
                    }
                } else if !suffix && !self.in_table(j, &["of", "and", "the", "for", "&"]) {
                    return None;
                }
                first = false;
                j = self.prev_live(j)?;
            }
        };
        spell(false).or_else(|| spell(true))
    }

    /// "As far as we can determine, nothing was done" -> "nothing was done": a subordinate
    /// clause that opens the sentence before its main clause is preamble; a headline carries
    /// the main clause (Hedge Trimmer strikes what stands before the subject).
    fn lead_clause(&mut self) {
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
    fn with_that(&self, last: usize) -> usize {
        match self.next_live(last) {
            Some(t) if self.is(t, "that") && !self.comma_after(t) => t,
            _ => last,
        }
    }

    /// "I think those are the two main reasons" -> "those are the two main reasons", "It
    /// appears the party is headed for a showdown" -> "the party is headed …": a speaker's
    /// frame of opinion before the clause that carries the news goes, as a hedge does.
    fn opinion_frame(&mut self) {
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
    fn copular_frame(&mut self) {
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
    fn certainty_frame(&mut self) {
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
    fn report_frame(&mut self) {
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

    /// "CNN 's Candy Crowley reports" -> "Candy Crowley reports": a reporter is named without
    /// the initials of the network or agency that employs her, as a byline is. Only initials
    /// ("CNN", "NPR", "AP"), before a name of two capitalised words.
    fn credits(&mut self) {
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

    /// "the", "a", "an", and the possessives a headline leaves out as it does them ("its",
    /// "their": "Union Oil lowers posted prices"); not the "a" that is a number ("a million").
    fn articles(&mut self) {
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

    /// "… transported to California amid heavy security" -> "… transported to California": a
    /// sentence's last phrase, when it adds circumstance (a preposition and a few plain words,
    /// no name, number or place), goes before any word of its core does.
    fn trailing_phrase(&mut self) {
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

    fn has_digit(&self, i: usize) -> bool {
        self.bare(i).bytes().any(|b| b.is_ascii_digit())
    }

    /// "The Federal Reserve is …" -> "Federal Reserve is …": a headline never opens with an
    /// article.
    fn lead_article(&mut self) {
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

    /// "Shr 33 cts vs 28 cts Net 3,722,000 vs 3,103,000 Sales …" -> "Net 3,722,000 vs
    /// 3,103,000": a table of results is headlined by its net row, as a wire headlines one
    /// ("4TH QTR NET"); a table of a dividend by the dividend ("Qtly div 14 cts vs 14 cts
    /// prior"), its dates of payment and record being detail. A row runs from a capitalised
    /// label after a figure to the next one.
    fn results_table(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        if !self.in_table(first, TABLE_LABELS) {
            return;
        }
        let mut j = first;
        let mut compared = false;
        for _ in 0..TABLE_VS_WORDS {
            compared |= self.is(j, "vs");
            match self.next_live(j) {
                Some(n) if !compared => j = n,
                _ => break,
            }
        }
        if !compared {
            return;
        }
        // The row to keep (the net row, else a dividend's first row): its first word, and
        // the first word of the row after it.
        let mut net: Option<(usize, Option<usize>)> = None;
        let mut second = None;
        let mut prev = first;
        let mut at = self.next_live(first);
        while let Some(i) = at {
            if self.capitalised(i) && self.ends_figure(prev) {
                second = second.or(Some(i));
                match net {
                    Some((_, None)) => {
                        net = net.map(|(k, _)| (k, Some(i)));
                        break;
                    }
                    Some(_) => {}
                    None => {
                        let oper = self.is(i, "oper")
                            && self.next_live(i).is_some_and(|n| self.is(n, "net"));
                        if self.is(i, "net") || oper {
                            net = Some((i, None));
                        }
                    }
                }
            }
            prev = i;
            at = self.next_live(i);
        }
        let dividend = self
            .in_table(first, DIVIDEND_LABELS)
            .then_some((first, second));
        let Some((keep, after)) = net.or(dividend) else {
            return;
        };
        if keep == first && after.is_none() {
            return;
        }
        // A later block of the same table says which quarter the first is.
        let period = match net {
            Some((_, Some(a))) => self.quarter_of_table(a),
            _ => None,
        };
        if !self.begin() {
            return;
        }
        if let Some((net_head, oper_head)) = period {
            self.rewrite(
                keep,
                if self.is(keep, "oper") {
                    oper_head
                } else {
                    net_head
                },
            );
        }
        if let Some(a) = after
            && let Some(end) = self.last_live().filter(|&l| l >= a)
        {
            self.drop_span(a, end);
        }
        if let Some(before) = self.prev_live(keep) {
            self.drop_span(first, before);
        }
    }

    /// The headline's quarter for a table of results whose first block is followed, from
    /// word `from` on, by a block of a longer period ("… Net 388,000 vs 328,000 … Year Shr 37
    /// cts …": the first block is the 4th quarter's), as the heads of its net row; see
    /// [`RESULTS_PERIODS`].
    fn quarter_of_table(&self, from: usize) -> Option<(&'static str, &'static str)> {
        let mut prev = self.prev_live(from)?;
        let mut at = Some(from);
        while let Some(i) = at {
            if (self.capitalised(i) || self.has_digit(i)) && self.ends_figure(prev) {
                let heads = RESULTS_PERIODS
                    .iter()
                    .find(|(period, _, _)| self.phrase_at(i, period).is_some())
                    .map(|&(_, net, oper)| (net, oper));
                if heads.is_some() {
                    return heads;
                }
            }
            prev = i;
            at = self.next_live(i);
        }
        None
    }

    /// Whether word `i` ends a figure of a table: a number, or its unit ("cts", "mln",
    /// "prior").
    fn ends_figure(&self, i: usize) -> bool {
        self.has_digit(i) || self.in_table(i, NUMBER_WORDS) || self.in_table(i, FIGURE_UNITS)
    }

    /// "KLM Royal Dutch Airlines <KLM.AS> said" -> "KLM Royal Dutch Airlines said": a quote
    /// code with its exchange ("<KLM.AS>", "[DAIG.F]") is for a market screen, not a headline.
    /// (A plain ticker, "<KO>", is how a wire headline names a company, and stays.)
    fn quote_codes(&mut self) {
        // Most words are passed over by a scan for an opening bracket.
        let mut from = 1usize;
        let bracket = |w: &Word| w.text.starts_with(['<', '[']);
        while let Some(i) = self.next_word_from(from, bracket) {
            from = i.saturating_add(1);
            if !self.is_quote_code(i) {
                continue;
            }
            let Some(p) = self.prev_live(i) else {
                continue;
            };
            if self.comma_after(p) {
                continue;
            }
            if !self.begin() {
                return;
            }
            let mark = self.keeps_mark(i);
            self.drop(i);
            if mark && !self.comma_after(p) {
                self.append_mark(p);
            }
        }
    }

    /// Whether word `i` is a quote code: capitals and digits, a full stop and an exchange of
    /// one or two capitals, in angle or square brackets.
    fn is_quote_code(&self, i: usize) -> bool {
        let t = self.text(i).trim_end_matches([',', '.', ';', ':']);
        let Some(inner) = t
            .strip_prefix('<')
            .and_then(|r| r.strip_suffix('>'))
            .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        else {
            return false;
        };
        let Some((code, exchange)) = inner.rsplit_once('.') else {
            // A plain ticker after the name it stands for ("Geonex Corp <GEOX>").
            return (1..=TICKER_MAX_LETTERS).contains(&inner.len())
                && inner.bytes().all(|b| b.is_ascii_uppercase())
                && self.prev_live(i).is_some_and(|p| self.capitalised(p));
        };
        !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
            && (1..=2).contains(&exchange.len())
            && exchange.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// "AMR Corp's American Airlines said …" -> "AMR unit said …": a company the sentence
    /// opens with by its owner's name is, in a wire headline, the owner's unit. Only an owner
    /// whose possessive is a company suffix ("Corp's", "Inc's"): "Pan Am's" may own a plane.
    fn owned_units(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        // The owner: capitalised words from the first, ending in a suffix with "'s".
        let mut j = first;
        let mut possessive = None;
        for _ in 0..NAME_MAX_WORDS {
            if !self.capitalised(j) || !self.marks_after(j).is_empty() {
                return;
            }
            if self
                .bare(j)
                .strip_suffix("'s")
                .is_some_and(|suffix| lexicon::contains(COMPANY_SUFFIXES, suffix))
            {
                possessive = Some(j);
                break;
            }
            match self.next_live(j) {
                Some(n) => j = n,
                None => return,
            }
        }
        let Some(possessive) = possessive else {
            return;
        };
        let Some(owner) = self.prev_live(possessive) else {
            return;
        };
        // The unit's name: capitalised words, then perhaps a unit noun with a word that says
        // what the unit does ("Trunkline Gas Co pipeline subsidiary"), then its verb in lower
        // case ("said", "will", "was").
        let Some(start) = self.next_live(possessive) else {
            return;
        };
        let mut end = None;
        let mut j = start;
        for _ in 0..NAME_MAX_WORDS {
            if !self.capitalised(j) {
                break;
            }
            // A comma may only be the first of a pair around a clause struck after the name.
            if !self.marks_after(j).is_empty() && self.keeps_mark(j) {
                return;
            }
            end = Some(j);
            match self.next_live(j) {
                Some(n) => j = n,
                None => return,
            }
        }
        let noun = if self.in_table(j, UNIT_NOUNS) {
            Some(j)
        } else {
            self.next_live(j)
                .filter(|&n| self.marks_after(j).is_empty() && self.in_table(n, UNIT_NOUNS))
        };
        if let Some(noun) = noun.filter(|_| end.is_some()) {
            if !self.marks_after(noun).is_empty() && self.keeps_mark(noun) {
                return;
            }
            end = Some(noun);
            match self.next_live(noun) {
                Some(n) => j = n,
                None => return,
            }
        }
        let Some(end) = end else {
            return;
        };
        // The verb: a word in lower case that neither joins a second name nor qualifies the
        // first ("Chrysler Corp's Chrysler Motors and …", "… Airlines of …").
        if self.capitalised(j)
            || self.in_table(
                j,
                &[
                    "and", "or", "&", "of", "in", "at", "for", "from", "with", "on",
                ],
            )
        {
            return;
        }
        if !self.begin() {
            return;
        }
        self.drop(possessive);
        self.append(owner, OWNED_UNIT);
        for k in start..=end {
            self.drop(k);
        }
    }

    /// "Standard Oil Co" -> "Standard Oil".
    fn company_suffixes(&mut self) {
        for i in 1..self.words.len() {
            if self.live(i)
                && self.has(i, Classes::COMPANY_SUFFIX)
                && self.capitalised(i)
                && self
                    .prev_live(i)
                    .is_some_and(|p| self.capitalised(p) && !self.comma_after(p))
            {
                // Its mark stays with the name: "Inc," closes a clause. A bracket that closes
                // the name ("(Ivaco Inc)", "<Qantas Airways Ltd>") keeps its suffix, so the
                // brackets still pair.
                let mark = self.marks_after(i);
                if mark.contains([')', '>']) {
                    continue;
                }
                if !self.begin() {
                    return;
                }
                self.drop(i);
                // Not a comma that went with a clause struck after the name ("Outboard
                // Marine Corp, whose stock is up, said").
                if let Some(p) = self.prev_live(i)
                    && self.keeps_mark(i)
                    && !self.comma_after(p)
                {
                    self.append_mark(p);
                }
            }
        }
    }

    /// "U.S. President Trump" -> "Trump", "special envoy Steve Witkoff" -> "Steve Witkoff".
    fn titles(&mut self) {
        let mut i = 0usize;
        while i < self.words.len() {
            if !self.live(i) || !self.has(i, Classes::TITLE) {
                i = i.saturating_add(1);
                continue;
            }
            // A run of title words, then a name.
            let mut last = i;
            while let Some(n) = self.next_live(last) {
                if self.comma_after(last) || !self.has(n, Classes::TITLE) {
                    break;
                }
                last = n;
            }
            // "General Motors Corp", "Executive Telecommunications Inc": a company's name.
            let name = self
                .next_live(last)
                .filter(|&n| !self.comma_after(last) && self.capitalised(n))
                .filter(|&n| !self.names_company(n))
                // "Finance Ministry", "Executive Commission": a body, not a person titled.
                .filter(|&n| !self.in_table(n, INSTITUTION_NOUNS));
            let titled = (i..=last).any(|j| {
                self.live(j)
                    && self.capitalised(j)
                    && !self.in_table(j, &["white", "house", "state"])
            });
            // "General Motors hopes", "General Products division": a word that is a title
            // only beside another ("Attorney General") is a name's first word unless a
            // person's full name follows ("General Colin Powell").
            let lone_word = last == i && self.in_table(i, TITLES_ONLY_IN_A_NAME);
            let full_name = name
                .and_then(|n| self.next_live(n).filter(|_| !self.comma_after(n)))
                .is_some_and(|m| self.capitalised(m));
            let titled = titled && (!lone_word || full_name);
            // "FBI Director Louis Freeh", "Republican Senator Charles Grassley": a title that
            // ties a name to what it heads or belongs to stays ("FBI Louis Freeh" would not
            // say how).
            // A country or nationality, or a "former", before the title goes with it ("U.S.
            // President", "Former Vice President").
            let from = match self.prev_live(i) {
                Some(p)
                    if (self.has(p, Classes::MODIFIER) || self.in_table(p, TITLE_QUALIFIERS))
                        && !self.comma_after(p) =>
                {
                    p
                }
                _ => i,
            };
            // (A country's possessive is no tie: "Ukraine's President Volodymyr Zelenskiy" ->
            // "Ukraine's Volodymyr Zelenskiy".)
            let tied = self.prev_live(from).is_some_and(|p| {
                !self.comma_after(p)
                    && self.capitalised(p)
                    && !self.has(p, Classes::MODIFIER)
                    && !self.in_table(p, &["the", "a", "an"])
                    && !self.text(p).ends_with("'s")
            });
            if let (Some(_), true, false) = (name, titled, tied) {
                if !self.begin() {
                    return;
                }
                self.drop_span(from, last);
            }
            i = last.saturating_add(1);
        }
    }

    /// Whether the run of capitalised words from word `n` ends in a company suffix (struck or
    /// not): "Motors Corp".
    fn names_company(&self, n: usize) -> bool {
        for j in n..self.words.len().min(n.saturating_add(NAME_MAX_WORDS)) {
            if !self.capitalised(j) {
                return false;
            }
            // "General Motors Corp's GMAC": the owner's suffix is possessive.
            if self.has(j, Classes::COMPANY_SUFFIX)
                || self
                    .bare(j)
                    .strip_suffix("'s")
                    .is_some_and(|suffix| lexicon::contains(COMPANY_SUFFIXES, suffix))
            {
                return true;
            }
            if self.comma_after(j) {
                return false;
            }
        }
        false
    }

    /// "United States" -> "US", "percent" -> "pct".
    fn abbreviations(&mut self, headline_only: bool) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            if !self.has(i, Classes::TEXT_ABBREVIATION_START) {
                continue;
            }
            if let Some((n, short)) = TEXT_ABBREVIATIONS
                .iter()
                .find_map(|(long, short)| self.phrase_at(i, long).map(|n| (n, *short)))
            {
                // A body's short form is the headline's name for it ("SEC", "Fed"), as "4th
                // qtr" is a quarter's: written with the headline forms; the rest only when
                // room is short.
                if headline_only != lexicon::contains(HEADLINE_SHORT_FORMS, short) {
                    continue;
                }
                if lexicon::contains(TEXT_UNITS, short) && !self.after_number(i) {
                    continue;
                }
                if !self.begin() {
                    return;
                }
                let last = self.nth_live(i, n).unwrap_or(i);
                for j in i.saturating_add(1)..=last {
                    self.drop(j);
                }
                if last > i {
                    // The phrase's mark is on its last word.
                    if self.keeps_mark(last) {
                        self.append_mark(i);
                    }
                }
                self.rewrite(i, short);
            }
        }
    }

    /// Whether the live word before word `i` is a number ("1.5", "two").
    fn after_number(&self, i: usize) -> bool {
        self.prev_live(i)
            .is_some_and(|p| self.has_digit(p) || self.in_table(p, NUMBER_WORDS))
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
    fn modifiers(&mut self) {
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
