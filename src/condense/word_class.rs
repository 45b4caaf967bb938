//! Which free-text tables a word is in, found with one look-up.
//!
//! The trimming rules (and the recasing of ALL-CAPS text) ask of each word whether it is an auxiliary, a title, a month, the first
//! word of an aside… Scanning every table for every word costs more than all the rules
//! together on a small board, so each word's classes are read once, from a hash table built
//! at compile time from the tables in [`lexicon`](super::lexicon): a word is hashed once and
//! compared with about one key.
//!
//! A table entry is matched as [`lexicon::is`] matches a word's core against it: ignoring
//! ASCII case, with the entry's trailing full stops left off ("Sen." is the key "sen"). Entries
//! of several words give no single-word class; a phrase table gives instead the class of its
//! entries' first words, so a rule only tries its phrases at a word that can start one.

use super::lexicon::{
    ACRONYMS, APPROACH_LINKS, APPROACH_VERBS, ASIDES, ATTRIBUTION_VERBS, AUXILIARIES,
    CLASSIFIER_NOUNS, COMMENT_PARTICIPLES, COMPANY_SUFFIXES, DANGLING, EVENT_LINKS, EVENT_NOUNS,
    FRAME_WORDS, HEDGE_PHRASES, HEDGES, INTENSIFIERS, MODIFIERS, MONTHS, OBJECT_NEWS_VERBS,
    OPENERS, OPENERS_NEED_COMMA, PLAN_VERBS, PLAN_WORDS, RELATIVES, REPORTING_PRESENT,
    SAYING_VERBS, SMALL_WORDS, STANCE_ADVERBS, SUBJECT_PRONOUNS, TEXT_ABBREVIATIONS,
    TIME_DETERMINERS, TIME_NOUNS, TIME_PHRASES, TIME_WORDS, TITLES, WEEKDAYS,
};

/// The classes of one word: a set of the constants below.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u64);

impl Classes {
    pub const OPENER: u32 = 1 << 0;
    pub const OPENER_NEEDS_COMMA: u32 = 1 << 1;
    pub const HEDGE: u32 = 1 << 2;
    pub const ATTRIBUTION_VERB: u32 = 1 << 3;
    pub const TIME_WORD: u32 = 1 << 4;
    pub const TIME_NOUN: u32 = 1 << 5;
    pub const WEEKDAY: u32 = 1 << 6;
    pub const MONTH: u32 = 1 << 7;
    pub const PLAN_WORD: u32 = 1 << 8;
    pub const PLAN_VERB: u32 = 1 << 9;
    pub const AUXILIARY: u32 = 1 << 10;
    pub const RELATIVE: u32 = 1 << 11;
    pub const COMMENT_PARTICIPLE: u32 = 1 << 12;
    pub const COMPANY_SUFFIX: u32 = 1 << 13;
    pub const TITLE: u32 = 1 << 14;
    pub const OBJECT_NEWS_VERB: u32 = 1 << 15;
    pub const APPROACH_VERB: u32 = 1 << 16;
    pub const FRAME_WORD: u32 = 1 << 17;
    pub const EVENT_LINK: u32 = 1 << 18;
    pub const SAYING_VERB: u32 = 1 << 19;
    pub const SUBJECT_PRONOUN: u32 = 1 << 20;
    pub const DANGLING: u32 = 1 << 21;
    /// A one-word modifier ("Iranian", "the").
    pub const MODIFIER: u32 = 1 << 22;
    /// The first word of a modifier ("North" of "North Korean").
    pub const MODIFIER_START: u32 = 1 << 23;
    pub const ASIDE_START: u32 = 1 << 24;
    pub const HEDGE_PHRASE_START: u32 = 1 << 25;
    pub const CLASSIFIER_START: u32 = 1 << 26;
    pub const TEXT_ABBREVIATION_START: u32 = 1 << 27;
    /// A past tense with a present in [`REPORTING_PRESENT`].
    pub const REPORTING_PAST: u32 = 1 << 28;
    /// A noun of [`EVENT_NOUNS`].
    pub const EVENT_NOUN: u32 = 1 << 29;
    pub const TIME_DETERMINER: u32 = 1 << 30;
    pub const APPROACH_LINK: u32 = 1 << 31;
    /// Kept upper-case when ALL-CAPS text is recased ([`ACRONYMS`]).
    pub const ACRONYM: u64 = 1 << 32;
    /// Kept lower-case when ALL-CAPS text is recased ([`SMALL_WORDS`]).
    pub const SMALL_WORD: u64 = 1 << 33;

    /// The classes of `word` (a word's core: no marks around it).
    pub fn of(word: &str) -> Self {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > TABLE.longest {
            return Self(0);
        }
        let mut slot = hash(bytes);
        // Bounded by the table's size; the table is never full, so an empty slot ends it first.
        for _ in 0..SLOTS {
            let Some(key) = TABLE
                .slots
                .get(slot)
                .and_then(|&k| usize::from(k).checked_sub(1))
            else {
                break;
            };
            if TABLE
                .keys
                .get(key)
                .is_some_and(|k| k.eq_ignore_ascii_case(bytes))
            {
                let set = TABLE.set_of.get(key).copied().unwrap_or(0);
                return Self(TABLE.sets.get(usize::from(set)).copied().unwrap_or(0));
            }
            slot = next_slot(slot);
        }
        Self(0)
    }

    /// Whether the word is in any of the classes `set`.
    pub fn any(self, set: u64) -> bool {
        self.0 & set != 0
    }

    /// The trimming rules' classes (the constants of type `u32`).
    #[cfg_attr(not(feature = "freetext"), allow(dead_code))] // the rules are feature `freetext`
    pub fn low(self) -> u32 {
        // Truncation keeps exactly the low half.
        self.0 as u32
    }
}

/// Slots of the hash table: a power of two. The tables give some 670 keys, a third of the
/// slots; at most [`MAX_LOAD_PCT`] may be taken (checked when the table is built), so a word
/// that is in no table (most of them) passes one or two slots, each rejected by its key's
/// length alone unless the lengths agree. (1024 slots held 665 keys at most: the subordinating
/// words that may not end a digest took it past that, and 2 KiB more of flash buys fewer
/// probes too.)
const SLOTS: usize = 2048;

/// The fullest the table may be, in percent of [`SLOTS`].
const MAX_LOAD_PCT: usize = 65;

/// Room for the distinct keys (checked when the table is built).
const KEYS: usize = 720;

/// Room for the distinct class sets the keys have (checked when the table is built): far
/// fewer than the keys, so a key names its set with one byte.
const SETS: usize = 128;

/// The table as it lies in flash (about 11.5 KiB on a 32-bit board): a slot names a key, a key
/// names its class set.
struct Table {
    /// 0 for an empty slot, else 1 + the index of its key.
    slots: [u16; SLOTS],
    keys: [&'static [u8]; KEYS],
    set_of: [u8; KEYS],
    sets: [u64; SETS],
    /// The longest key: a longer word is in no class.
    longest: usize,
}

/// The table as it is built: a key and its classes in each slot.
struct Builder {
    keys: [&'static [u8]; SLOTS],
    classes: [u64; SLOTS],
    longest: usize,
}

static TABLE: Table = compact(build());

/// FNV-1a of the ASCII-lower-cased bytes, folded into a slot.
const fn hash(bytes: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut rest = bytes;
    while let [b, tail @ ..] = rest {
        h = (h ^ b.to_ascii_lowercase() as u32).wrapping_mul(0x0100_0193);
        rest = tail;
    }
    (h ^ (h >> 16)) as usize & (SLOTS - 1)
}

const fn next_slot(slot: usize) -> usize {
    slot.wrapping_add(1) & (SLOTS - 1)
}

/// The key of a table entry: its first word (when `first_word`, else all of it), without
/// trailing full stops; `None` for an entry of several words when a whole entry is asked for.
const fn key(entry: &'static str, first_word: bool) -> Option<&'static [u8]> {
    let mut bytes = entry.as_bytes();
    let mut len = 0usize;
    let mut rest = bytes;
    while let [b, tail @ ..] = rest {
        if *b == b' ' {
            if !first_word {
                return None;
            }
            break;
        }
        len = len.wrapping_add(1);
        rest = tail;
    }
    bytes = bytes.split_at(len).0;
    while let [head @ .., b'.'] = bytes {
        bytes = head;
    }
    Some(bytes)
}

/// `<[u8]>::eq_ignore_ascii_case`, which is const only from Rust 1.89 (the core's MSRV is 1.88).
const fn same_key(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a, b);
    while let ([x, a_tail @ ..], [y, b_tail @ ..]) = (a, b) {
        if !x.eq_ignore_ascii_case(y) {
            return false;
        }
        a = a_tail;
        b = b_tail;
    }
    true
}

/// `table` with `key` given `class`. Only ever evaluated at compile time (for [`TABLE`]), so
/// an index out of range, or a table too full, fails the build, never a running program.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn with_key(mut table: Builder, key: &'static [u8], class: u64) -> Builder {
    if key.is_empty() {
        return table;
    }
    let mut slot = hash(key);
    loop {
        if table.keys[slot].is_empty() {
            table.keys[slot] = key;
            table.classes[slot] = class;
            if key.len() > table.longest {
                table.longest = key.len();
            }
            return table;
        }
        if same_key(table.keys[slot], key) {
            table.classes[slot] |= class;
            return table;
        }
        slot = next_slot(slot);
    }
}

const fn with_words(
    mut table: Builder,
    words: &[&'static str],
    class: u64,
    first: bool,
) -> Builder {
    let mut rest = words;
    while let [entry, tail @ ..] = rest {
        if let Some(key) = key(entry, first) {
            table = with_key(table, key, class);
        }
        rest = tail;
    }
    table
}

const fn with_pairs(mut table: Builder, pairs: &[(&'static str, &str)], class: u64) -> Builder {
    let mut rest = pairs;
    while let [(entry, _), tail @ ..] = rest {
        if let Some(key) = key(entry, true) {
            table = with_key(table, key, class);
        }
        rest = tail;
    }
    table
}

const fn with_triples(
    mut table: Builder,
    triples: &[(&'static str, &str, &str)],
    class: u64,
) -> Builder {
    let mut rest = triples;
    while let [(entry, _, _), tail @ ..] = rest {
        if let Some(key) = key(entry, true) {
            table = with_key(table, key, class);
        }
        rest = tail;
    }
    table
}

/// `built` as it lies in flash: each key once, with the index of its class set. Only ever
/// evaluated at compile time, so an index out of range, or too many keys or sets, fails the
/// build.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn compact(built: Builder) -> Table {
    let mut table = Table {
        slots: [0; SLOTS],
        keys: [&[]; KEYS],
        set_of: [0; KEYS],
        sets: [0; SETS],
        longest: built.longest,
    };
    let (mut keys, mut sets) = (0usize, 0usize);
    let mut slot = 0usize;
    while slot < SLOTS {
        if !built.keys[slot].is_empty() {
            if keys >= KEYS {
                // Cannot fire at run time: this const fn runs only while `TABLE` is built, so it
                // stops the build instead.
                panic!("word_class: more keys than KEYS");
            }
            let classes = built.classes[slot];
            let mut set = 0usize;
            while set < sets && table.sets[set] != classes {
                set = set.wrapping_add(1);
            }
            if set == sets {
                if sets >= SETS {
                    // Cannot fire at run time: this const fn runs only while `TABLE` is built, so it
                    // stops the build instead.
                    panic!("word_class: more class sets than SETS");
                }
                table.sets[set] = classes;
                sets = sets.wrapping_add(1);
            }
            table.keys[keys] = built.keys[slot];
            table.set_of[keys] = set as u8;
            keys = keys.wrapping_add(1);
            table.slots[slot] = keys as u16;
        }
        slot = slot.wrapping_add(1);
    }
    table
}

/// How many keys `table` holds.
const fn keys(table: &Builder) -> usize {
    let mut n = 0usize;
    let mut rest = table.keys.as_slice();
    while let [key, tail @ ..] = rest {
        if !key.is_empty() {
            n = n.wrapping_add(1);
        }
        rest = tail;
    }
    n
}

/// The table of every class's words. Only ever evaluated at compile time (for [`TABLE`]), so a
/// table too full fails the build, never a running program.
#[allow(clippy::panic)]
const fn build() -> Builder {
    let mut t = Builder {
        keys: [&[]; SLOTS],
        classes: [0; SLOTS],
        longest: 0,
    };
    type C = Classes;
    t = with_words(t, OPENERS, C::OPENER as u64, false);
    t = with_words(t, OPENERS_NEED_COMMA, C::OPENER_NEEDS_COMMA as u64, false);
    t = with_words(t, HEDGES, C::HEDGE as u64, false);
    t = with_words(t, INTENSIFIERS, C::HEDGE as u64, false);
    t = with_words(t, STANCE_ADVERBS, (C::OPENER | C::HEDGE) as u64, false);
    t = with_words(t, ATTRIBUTION_VERBS, C::ATTRIBUTION_VERB as u64, false);
    t = with_words(t, TIME_WORDS, C::TIME_WORD as u64, false);
    t = with_words(t, TIME_NOUNS, C::TIME_NOUN as u64, false);
    t = with_words(t, WEEKDAYS, C::WEEKDAY as u64, false);
    t = with_words(t, MONTHS, C::MONTH as u64, false);
    t = with_words(t, PLAN_WORDS, C::PLAN_WORD as u64, false);
    t = with_words(t, PLAN_VERBS, C::PLAN_VERB as u64, false);
    t = with_words(t, AUXILIARIES, C::AUXILIARY as u64, false);
    t = with_words(t, RELATIVES, C::RELATIVE as u64, false);
    t = with_words(t, COMMENT_PARTICIPLES, C::COMMENT_PARTICIPLE as u64, false);
    t = with_words(t, COMPANY_SUFFIXES, C::COMPANY_SUFFIX as u64, false);
    t = with_words(t, TITLES, C::TITLE as u64, false);
    t = with_words(t, OBJECT_NEWS_VERBS, C::OBJECT_NEWS_VERB as u64, false);
    t = with_words(t, APPROACH_VERBS, C::APPROACH_VERB as u64, false);
    t = with_words(t, FRAME_WORDS, C::FRAME_WORD as u64, false);
    t = with_words(t, EVENT_LINKS, C::EVENT_LINK as u64, false);
    t = with_words(t, SAYING_VERBS, C::SAYING_VERB as u64, false);
    t = with_words(t, SUBJECT_PRONOUNS, C::SUBJECT_PRONOUN as u64, false);
    t = with_words(t, DANGLING, C::DANGLING as u64, false);
    t = with_words(t, MODIFIERS, C::MODIFIER as u64, false);
    t = with_words(t, MODIFIERS, C::MODIFIER_START as u64, true);
    t = with_words(t, ASIDES, C::ASIDE_START as u64, true);
    t = with_words(t, HEDGE_PHRASES, C::HEDGE_PHRASE_START as u64, true);
    t = with_words(t, TIME_PHRASES, C::HEDGE_PHRASE_START as u64, true);
    t = with_words(t, CLASSIFIER_NOUNS, C::CLASSIFIER_START as u64, true);
    t = with_pairs(t, TEXT_ABBREVIATIONS, C::TEXT_ABBREVIATION_START as u64);
    t = with_triples(t, REPORTING_PRESENT, C::REPORTING_PAST as u64);
    t = with_pairs(t, EVENT_NOUNS, C::EVENT_NOUN as u64);
    t = with_words(t, TIME_DETERMINERS, C::TIME_DETERMINER as u64, false);
    t = with_words(t, APPROACH_LINKS, C::APPROACH_LINK as u64, false);
    t = with_words(t, ACRONYMS, C::ACRONYM, false);
    t = with_words(t, SMALL_WORDS, C::SMALL_WORD, false);
    if keys(&t).saturating_mul(100) > SLOTS.saturating_mul(MAX_LOAD_PCT) {
        // Cannot fire at run time: this const fn runs only while `TABLE` is built, so it
        // stops the build instead.
        panic!("word_class: the hash table is too full; double SLOTS");
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::condense::lexicon;

    /// The classes found by scanning the tables as the rules once did, entry by entry.
    fn scanned(word: &str) -> u64 {
        // A word's core has no space, so it never is an entry of several words.
        let whole = |table: &[&str]| {
            table
                .iter()
                .any(|e| !e.contains(' ') && lexicon::is(word, e.trim_end_matches('.')))
        };
        let first = |table: &[&str]| {
            table
                .iter()
                .any(|e| lexicon::is(word, lexicon::first_word(e).trim_end_matches('.')))
        };
        let pairs = |table: &[(&str, &str)]| {
            table
                .iter()
                .any(|(e, _)| lexicon::is(word, lexicon::first_word(e).trim_end_matches('.')))
        };
        type C = Classes;
        let all: [(bool, u64); 34] = [
            (whole(OPENERS) || whole(STANCE_ADVERBS), C::OPENER as u64),
            (whole(OPENERS_NEED_COMMA), C::OPENER_NEEDS_COMMA as u64),
            (
                whole(HEDGES) || whole(INTENSIFIERS) || whole(STANCE_ADVERBS),
                C::HEDGE as u64,
            ),
            (whole(ATTRIBUTION_VERBS), C::ATTRIBUTION_VERB as u64),
            (whole(TIME_WORDS), C::TIME_WORD as u64),
            (whole(TIME_NOUNS), C::TIME_NOUN as u64),
            (whole(WEEKDAYS), C::WEEKDAY as u64),
            (whole(MONTHS), C::MONTH as u64),
            (whole(PLAN_WORDS), C::PLAN_WORD as u64),
            (whole(PLAN_VERBS), C::PLAN_VERB as u64),
            (whole(AUXILIARIES), C::AUXILIARY as u64),
            (whole(RELATIVES), C::RELATIVE as u64),
            (whole(COMMENT_PARTICIPLES), C::COMMENT_PARTICIPLE as u64),
            (whole(COMPANY_SUFFIXES), C::COMPANY_SUFFIX as u64),
            (whole(TITLES), C::TITLE as u64),
            (whole(OBJECT_NEWS_VERBS), C::OBJECT_NEWS_VERB as u64),
            (whole(APPROACH_VERBS), C::APPROACH_VERB as u64),
            (whole(FRAME_WORDS), C::FRAME_WORD as u64),
            (whole(EVENT_LINKS), C::EVENT_LINK as u64),
            (whole(SAYING_VERBS), C::SAYING_VERB as u64),
            (whole(SUBJECT_PRONOUNS), C::SUBJECT_PRONOUN as u64),
            (whole(DANGLING), C::DANGLING as u64),
            (whole(MODIFIERS), C::MODIFIER as u64),
            (first(MODIFIERS), C::MODIFIER_START as u64),
            (first(ASIDES), C::ASIDE_START as u64),
            (
                first(HEDGE_PHRASES) || first(TIME_PHRASES),
                C::HEDGE_PHRASE_START as u64,
            ),
            (first(CLASSIFIER_NOUNS), C::CLASSIFIER_START as u64),
            (pairs(TEXT_ABBREVIATIONS), C::TEXT_ABBREVIATION_START as u64),
            (
                REPORTING_PRESENT
                    .iter()
                    .any(|(e, _, _)| lexicon::is(word, e)),
                C::REPORTING_PAST as u64,
            ),
            (pairs(EVENT_NOUNS), C::EVENT_NOUN as u64),
            (whole(TIME_DETERMINERS), C::TIME_DETERMINER as u64),
            (whole(APPROACH_LINKS), C::APPROACH_LINK as u64),
            (whole(ACRONYMS), C::ACRONYM),
            (whole(SMALL_WORDS), C::SMALL_WORD),
        ];
        all.iter()
            .filter(|(hit, _)| *hit)
            .fold(0, |set, (_, class)| set | class)
    }

    #[test]
    fn every_table_word_is_found_with_the_classes_a_scan_gives() {
        let mut words: std::vec::Vec<&str> = std::vec::Vec::new();
        for table in [
            OPENERS,
            HEDGES,
            INTENSIFIERS,
            STANCE_ADVERBS,
            TITLES,
            MONTHS,
            DANGLING,
            MODIFIERS,
            ASIDES,
            AUXILIARIES,
            ACRONYMS,
            SMALL_WORDS,
        ] {
            words.extend(table.iter().map(|e| lexicon::first_word(e)));
        }
        for (e, _) in TEXT_ABBREVIATIONS.iter().chain(EVENT_NOUNS) {
            words.push(lexicon::first_word(e));
        }
        words.extend([
            "said", "Said", "SAID", "U.S", "Sen", "jan", "north", "Korean",
        ]);
        for w in words {
            let w = w.trim_end_matches('.');
            assert_eq!(Classes::of(w).0, scanned(w), "{w}");
            assert_ne!(Classes::of(w).0, 0, "{w}");
        }
    }

    #[test]
    fn other_words_have_no_class() {
        for w in [
            "",
            "drone",
            "Tulsa",
            "saidx",
            "é",
            "U.S.A",
            "African",
            "Korean War",
        ] {
            assert_eq!(Classes::of(w), Classes(scanned(w)), "{w}");
        }
        assert_eq!(Classes::of("drone"), Classes(0));
    }

    #[test]
    fn the_table_is_not_too_full() {
        let taken = TABLE.slots.iter().filter(|&&k| k != 0).count();
        assert!(taken * 100 <= SLOTS * MAX_LOAD_PCT, "{taken} keys");
        assert!(TABLE.keys.iter().take(taken).all(|k| !k.is_empty()));
    }
}
