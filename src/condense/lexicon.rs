//! Static word tables: abbreviations, droppable modifiers, verb forms and case rules.
//!
//! Matching ignores ASCII case, so `UNITED STATES`, `United States` and `united states` all
//! become `US`. Multi-word entries match across any run of whitespace.
//!
//! The phrase tables are sorted by their first word (ignoring ASCII case), longer entries first
//! among those that share it, so a look-up is a binary search and the longest match wins.

use core::cmp::Ordering;

/// Abbreviations a wire-service headline editor would use.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Admiral", "Adm."),
    ("approximately", "about"),
    ("Association", "Assn."),
    ("August", "Aug."),
    ("billion", "bln"),
    ("Captain", "Capt."),
    ("Colonel", "Col."),
    ("Corporation", "Corp."),
    ("County", "Co"),
    ("December", "Dec."),
    ("Department", "Dept."),
    ("E.U.", "EU"),
    ("European Union", "EU"),
    ("February", "Feb."),
    ("feet", "ft"),
    ("Fort", "Ft."),
    ("Government", "Govt"),
    ("Governor", "Gov."),
    ("Incorporated", "Inc."),
    ("International", "Intl"),
    ("January", "Jan."),
    ("kilometer", "km"),
    ("kilometers per hour", "km/h"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometres per hour", "km/h"),
    ("kilometres", "km"),
    ("Lieutenant", "Lt."),
    ("meters", "m"),
    ("metres", "m"),
    ("miles per hour", "mph"),
    ("miles", "mi"),
    ("million", "mln"),
    ("Minister", "Min."),
    ("Mount", "Mt."),
    ("November", "Nov."),
    ("October", "Oct."),
    ("percent", "pct"),
    ("President", "Pres."),
    ("Prime Minister", "PM"),
    ("Representative", "Rep."),
    ("Saint", "St."),
    ("Secretary", "Sec."),
    ("Senator", "Sen."),
    ("September", "Sept."),
    ("Sergeant", "Sgt."),
    ("U.K.", "UK"),
    ("U.N.", "UN"),
    ("U.S.", "US"),
    ("U.S.A.", "US"),
    ("United States of America", "US"),
    ("United Arab Emirates", "UAE"),
    ("United Kingdom", "UK"),
    ("United Nations", "UN"),
    ("United States", "US"),
    ("University", "Univ."),
    ("versus", "vs."),
];

/// Modifiers a headline drops first when it is short of room: articles, nationality adjectives,
/// and a country written as an adjective ("U.S. fighter jet"). Dropped only before the head
/// word of a phrase, never the last word, so "Iranian officials" can become "officials" but
/// "the Iranian" stays whole.
pub const MODIFIERS: &[&str] = &[
    "a",
    "Afghan",
    "Algerian",
    "American",
    "an",
    "Argentine",
    "Australian",
    "Austrian",
    "Bangladeshi",
    "Belgian",
    "Brazilian",
    "British",
    "Bulgarian",
    "Burmese",
    "Canadian",
    "Chilean",
    "Chinese",
    "Colombian",
    "Croatian",
    "Cuban",
    "Czech",
    "Danish",
    "Dutch",
    "Egyptian",
    "Emirati",
    "Ethiopian",
    "Filipino",
    "Finnish",
    "French",
    "German",
    "Greek",
    "Hungarian",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Israeli",
    "Italian",
    "Japanese",
    "Jordanian",
    "Kenyan",
    "Korean",
    "Lebanese",
    "Libyan",
    "Malaysian",
    "Mexican",
    "Moroccan",
    "Nigerian",
    "North Korean",
    "Norwegian",
    "Omani",
    "Pakistani",
    "Palestinian",
    "Peruvian",
    "Polish",
    "Portuguese",
    "Qatari",
    "Romanian",
    "Russian",
    "Saudi",
    "Serbian",
    "Somali",
    "South African",
    "South Korean",
    "Spanish",
    "Sudanese",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Thai",
    "the",
    "Tunisian",
    "Turkish",
    "U.S.",
    "Ukrainian",
    "US",
    "Venezuelan",
    "Vietnamese",
    "Yemeni",
];

/// Past participles that do not end in "-ed". An action in "-ed" or in this list reads as a
/// passive headline without its actor: "Drone downed near …", "Ship struck off …".
pub const IRREGULAR_PARTICIPLES: &[&str] = &[
    "beaten", "bought", "brought", "built", "burnt", "caught", "cut", "driven", "fallen", "fought",
    "found", "frozen", "given", "held", "hidden", "hit", "hurt", "kept", "laid", "led", "left",
    "lost", "made", "met", "overrun", "paid", "put", "seen", "sent", "set", "shot", "shut",
    "slain", "sold", "split", "spread", "stolen", "struck", "stuck", "sunk", "swept", "taken",
    "thrown", "torn", "won", "written",
];

/// Words that may not end a digest: they promise a continuation that was cut away (a region's
/// adjective too: "27 people in southern"). Sorted.
pub const DANGLING: &[&str] = &[
    "&",
    "a",
    "about",
    "across",
    "after",
    "against",
    "although",
    "amid",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "but",
    "by",
    "can",
    "central",
    "could",
    "did",
    "does",
    "during",
    "eastern",
    "for",
    "from",
    "had",
    "has",
    "have",
    "her",
    "his",
    "if",
    "in",
    "including",
    "into",
    "is",
    "its",
    "may",
    "might",
    "more",
    "most",
    "must",
    "my",
    "near",
    "no",
    "nor",
    "northeastern",
    "northern",
    "northwestern",
    "not",
    "of",
    "off",
    "on",
    "onto",
    "or",
    "our",
    "over",
    "per",
    "said",
    "says",
    "shall",
    "should",
    "southeastern",
    "southern",
    "southwestern",
    "such",
    "than",
    "that",
    "the",
    "their",
    "though",
    "til",
    "to",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "upon",
    "very",
    "via",
    "was",
    "were",
    "western",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "your",
];

/// Words kept lower-case when ALL-CAPS text is recased, unless they open it.
pub const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "near", "off", "over", "into", "per", "via", "vs", "til", "until", "is", "are",
];

/// Words kept upper-case when ALL-CAPS text is recased. Words without a vowel (NWS, CDT, PST)
/// and words with digits or inner dots are kept without being listed.
pub const ACRONYMS: &[&str] = &[
    "US", "USA", "UK", "UN", "EU", "NATO", "NOAA", "FEMA", "NASA", "OPEC", "IMF", "UAE", "USS",
    "HMS", "AM", "PM", "EDT", "EST", "AKDT", "AKST", "UTC", "GMT", "CEO", "GDP", "AI", "ISIS",
    "IDF", "IAEA", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "IA", "ID", "IL",
    "KS", "KY", "LA", "MA", "MD", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM",
    "NV", "NY", "OH", "OK", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI",
    "WV", "WY",
];

/// Abbreviations that end in "." without ending a sentence ("U.S. President Trump said").
pub const NON_TERMINAL_ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Mt.", "Ft.", "Gen.",
    "Gov.", "Sen.", "Rep.", "Lt.", "Col.", "Sgt.", "Capt.", "Adm.", "Jan.", "Feb.", "Aug.",
    "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "No.", "Inc.", "Corp.", "Co.", "Ltd.", "vs.", "Jr.",
    "Sr.", "Min.", "Pres.", "Sec.", "Dept.",
];

/// A compile-time filter over a phrase table: which (first letter, first-word length) pairs
/// occur. Most words of running text fail it, so they skip the binary search.
pub struct Initials([u64; INITIAL_SLOTS]);

/// 26 letters and one slot for every other first byte.
const INITIAL_SLOTS: usize = 27;
/// First words longer than this share the top length bit.
const LONGEST_TRACKED: usize = 63;

const fn initial_slot(word: &[u8]) -> usize {
    // Setting bit 5 lower-cases an ASCII letter and leaves every other byte outside `a..=z`
    // (no byte but a letter lands there), so one compare tells a letter (measured: 20,140 ->
    // 19,900 guest instructions for the drone at 48 bytes, where `is_ascii_alphabetic` and
    // `to_ascii_lowercase` took two compares and a select).
    let letter = match word {
        [b, ..] => (*b | 0x20).wrapping_sub(b'a') as usize,
        [] => INITIAL_SLOTS,
    };
    if letter < INITIAL_SLOTS.wrapping_sub(1) {
        letter
    } else {
        INITIAL_SLOTS.wrapping_sub(1)
    }
}

/// The length in bytes of `entry` up to its first space.
pub(crate) const fn first_word_len(entry: &[u8]) -> usize {
    let mut len = 0usize;
    let mut rest = entry;
    while let [b, tail @ ..] = rest {
        if *b == b' ' {
            break;
        }
        len = len.wrapping_add(1);
        rest = tail;
    }
    len
}

/// Whether `slot` has the bit of `len` (at most [`LONGEST_TRACKED`]), read from its 32-bit
/// half: shifting that by a variable amount is one instruction on a 32-bit core.
fn has_length(slot: u64, len: usize) -> bool {
    let half = if len < 32 { slot } else { slot >> 32 } as u32;
    half.wrapping_shr(len as u32) & 1 != 0
}

const fn length_bit(len: usize) -> u64 {
    let len = if len > LONGEST_TRACKED {
        LONGEST_TRACKED
    } else {
        len
    };
    1u64.wrapping_shl(len as u32)
}

/// `slots` with `entry` added. Only ever evaluated at compile time (for the constants below), so
/// an index out of range would fail the build, never a running program; and `initial_slot` is
/// below `INITIAL_SLOTS` by construction.
#[allow(clippy::indexing_slicing)]
const fn with_entry(mut slots: [u64; INITIAL_SLOTS], entry: &[u8]) -> [u64; INITIAL_SLOTS] {
    slots[initial_slot(entry)] |= length_bit(first_word_len(entry));
    slots
}

impl Initials {
    /// The filter for a table of phrases.
    pub const fn of(table: &[&str]) -> Self {
        let mut slots = [0u64; INITIAL_SLOTS];
        let mut rest = table;
        while let [entry, tail @ ..] = rest {
            let bytes = entry.as_bytes();
            slots = with_entry(slots, bytes);
            rest = tail;
        }
        Initials(slots)
    }

    /// The filter for a table of (phrase, replacement) pairs.
    pub const fn of_pairs(table: &[(&str, &str)]) -> Self {
        let mut slots = [0u64; INITIAL_SLOTS];
        let mut rest = table;
        while let [(entry, _), tail @ ..] = rest {
            let bytes = entry.as_bytes();
            slots = with_entry(slots, bytes);
            rest = tail;
        }
        Initials(slots)
    }

    /// Whether some entry of the table may start with `word`. Its length is read from a 32-bit
    /// half of the slot, as in [`Self::may_start_trimmed`] (measured: 19,640 -> 19,600 guest
    /// instructions for the drone at 48 bytes, whose abbreviated words are all asked).
    pub fn may_start(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        self.0
            .get(initial_slot(bytes))
            .is_some_and(|&lengths| has_length(lengths, bytes.len().min(LONGEST_TRACKED)))
    }

    /// The filter for the first words of the entries of more than one word of a table of
    /// (phrase, replacement) pairs.
    pub const fn of_pairs_of_several_words(table: &[(&str, &str)]) -> Self {
        let mut slots = [0u64; INITIAL_SLOTS];
        let mut rest = table;
        while let [(entry, _), tail @ ..] = rest {
            let bytes = entry.as_bytes();
            if first_word_len(bytes) < bytes.len() {
                slots = with_entry(slots, bytes);
            }
            rest = tail;
        }
        Initials(slots)
    }

    /// Whether some entry of the table may start with `word` less none, one, … up to
    /// `trailing` of its last bytes (the trailing punctuation a look-up removes), as its first
    /// byte tells: a word of punctuation alone may be looked up as nothing, which is also the
    /// slot of a non-letter.
    pub fn may_start_trimmed(&self, word: &[u8], trailing: usize) -> bool {
        let Some(&slot) = self.0.get(initial_slot(word)) else {
            return false;
        };
        let longest = word.len().min(LONGEST_TRACKED);
        // Most words have no trailing mark: their one length is read from a 32-bit half of
        // the slot, without the mask below, whose two shifts of a u64 by a variable amount
        // take the Cortex-M3 a dozen instructions or so each (measured: 220 guest
        // instructions less for the drone record at 48 bytes, BENCHMARKS.md round 6).
        if trailing == 0 {
            return has_length(slot, longest);
        }
        let shortest = word.len().saturating_sub(trailing).min(LONGEST_TRACKED);
        if shortest == longest {
            return has_length(slot, longest);
        }
        let lengths = u64::MAX.wrapping_shl(shortest as u32)
            & u64::MAX.wrapping_shr(LONGEST_TRACKED.saturating_sub(longest) as u32);
        slot & lengths != 0
    }
}

/// The most words an entry of a table of (phrase, replacement) pairs has.
pub const fn most_words_of_pairs(table: &[(&str, &str)]) -> usize {
    let mut most = 0usize;
    let mut rest = table;
    while let [(entry, _), tail @ ..] = rest {
        let mut words = 1usize;
        let mut bytes = entry.as_bytes();
        while let [b, more @ ..] = bytes {
            if *b == b' ' {
                words = words.saturating_add(1);
            }
            bytes = more;
        }
        if words > most {
            most = words;
        }
        rest = tail;
    }
    most
}

/// The length in bytes of the shortest replacement in a table of (phrase, replacement) pairs.
pub const fn shortest_replacement(table: &[(&str, &str)]) -> usize {
    let mut shortest = usize::MAX;
    let mut rest = table;
    while let [(_, replacement), tail @ ..] = rest {
        if replacement.len() < shortest {
            shortest = replacement.len();
        }
        rest = tail;
    }
    shortest
}

/// [`Initials`] of [`ABBREVIATIONS`].
pub const ABBREVIATION_INITIALS: Initials = Initials::of_pairs(ABBREVIATIONS);
/// [`Initials`] of [`MODIFIERS`].
pub const MODIFIER_INITIALS: Initials = Initials::of(MODIFIERS);
/// [`Initials`] of the first words of the [`ABBREVIATIONS`] of more than one word.
pub const SEVERAL_WORD_ABBREVIATION_INITIALS: Initials =
    Initials::of_pairs_of_several_words(ABBREVIATIONS);

/// Whether `word` is `entry`, ignoring ASCII case.
pub fn is(word: &str, entry: &str) -> bool {
    word.eq_ignore_ascii_case(entry)
}

/// Whether `word` is in `table`, ignoring ASCII case.
pub fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|entry| is(word, entry))
}

/// Orders words as the phrase tables are sorted: by bytes, ignoring ASCII case.
pub fn cmp_words(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

/// Whether sorted `table` holds `word`, ignoring ASCII case.
pub fn sorted_contains(table: &[&str], word: &str) -> bool {
    table.binary_search_by(|e| cmp_words(e, word)).is_ok()
}

/// The first word of a table entry.
pub fn first_word(entry: &str) -> &str {
    entry.split(' ').next().unwrap_or(entry)
}

/// The entries of a sorted phrase `table` whose first word is `word`, longest first.
pub fn starting_with<T: Copy>(
    table: &[T],
    key: fn(T) -> &'static str,
    word: &str,
) -> impl Iterator<Item = T> {
    let start = table.partition_point(|&e| cmp_first_word(key(e), word) == Ordering::Less);
    table
        .get(start..)
        .unwrap_or_default()
        .iter()
        .copied()
        .take_while(move |&e| cmp_first_word(key(e), word) == Ordering::Equal)
}

/// [`cmp_words`] of `entry`'s first word and `word`, without splitting `entry` first (this is
/// the inner loop of every look-up).
fn cmp_first_word(entry: &str, word: &str) -> Ordering {
    let first = entry
        .as_bytes()
        .split(|&b| b == b' ')
        .next()
        .unwrap_or_default();
    let word = word.as_bytes();
    for (x, y) in first.iter().zip(word) {
        match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    first.len().cmp(&word.len())
}

/// Whether an action reads as a past participle, so its object can stand as a passive subject.
pub fn is_participle(action: &str) -> bool {
    let verb = first_verb_word(action);
    let len = verb.len();
    (len > 3
        && verb
            .get(len.saturating_sub(2)..)
            .is_some_and(|end| is(end, "ed")))
        || contains(IRREGULAR_PARTICIPLES, verb)
}

/// The first word of `action`, as `split_whitespace` gives it, found a byte at a time: the
/// event ladder asks for it at each step that drops the actor, and `split_whitespace`'s
/// decoding searcher cost about 120 guest instructions a call on the Cortex-M3. Only a byte
/// beyond ASCII (which may be or start a separator) falls back to it.
fn first_verb_word(action: &str) -> &str {
    // The ASCII bytes `char::is_whitespace` is true of (with the vertical tab, which
    // `u8::is_ascii_whitespace` leaves out).
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = action.as_bytes();
    let start = bytes.iter().position(|&b| !space(b)).unwrap_or(bytes.len());
    let rest = bytes.get(start..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&b| space(b) || !b.is_ascii())
        .unwrap_or(rest.len());
    match rest.get(len) {
        Some(b) if !b.is_ascii() => action.split_whitespace().next().unwrap_or_default(),
        _ => action
            .get(start..start.saturating_add(len))
            .unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------------
// Free-text headline rules (issue 7): the words a headline editor strikes or rewrites when a
// news sentence becomes a headline. Used by `trim` and `sentence` only; the templates above do
// not read them. Entries are lower case; matching ignores ASCII case.
// ---------------------------------------------------------------------------------------------

/// Words that open a spoken or written sentence without adding to its news: "Well, the cars…",
/// "But there is…", "Meanwhile, in Billings…". Dropped at the start of a sentence.
pub const OPENERS: &[&str] = &[
    "well",
    "now",
    "so",
    "but",
    "and",
    "meanwhile",
    "also",
    "still",
    "yes",
    "yeah",
    "no",
    "oh",
    "ok",
    "okay",
    "however",
    "anyway",
    "actually",
    "indeed",
    "plus",
    "again",
    "then",
    "first",
    "finally",
    "instead",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "besides",
    "otherwise",
    "thus",
    "hence",
    "therefore",
    "separately",
    "elsewhere",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
];

/// Openers that are content when a word follows them without a comma ("so far", "now that",
/// "still life"): they are only dropped when set off by a comma.
pub const OPENERS_NEED_COMMA: &[&str] = &[
    "still",
    "first",
    "then",
    "again",
    "no",
    "instead",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "otherwise",
    "separately",
    "elsewhere",
    "actually",
    // "However high the water rises, …" is a clause of its own.
    "however",
];

/// Multi-word openers and asides, dropped with the comma that closes them.
pub const ASIDES: &[&str] = &[
    "of course",
    "in fact",
    "in addition",
    "by the way",
    "at the same time",
    "for example",
    "for instance",
    "in other words",
    "on the other hand",
    "as a result",
    "at this point",
    "at that point",
    "at some point",
    "to be sure",
    "you know",
    "i mean",
    // A speaker's run-up to what is said: "I was going to say, I just can't imagine".
    "i was going to say",
    "i have to say",
    "i must say",
    "let me say",
    "i can tell you",
    "let me tell you",
    "i think",
    "we think",
    "if you will",
    "as you know",
    "as you can see",
    "as you point out",
    "as we said",
    "as we reported",
    "as i said",
    "as expected",
    "right now",
    "so far",
    "after all",
    // Spoken run-ups: "All right, Brian Jenkins in Montana", "First of all, can you confirm".
    // Longer first: "all right then" before "all right".
    "all right then",
    "all right",
    "first of all",
    // A speaker's own part or guess: "For his part, Dole said", "I guess the vote is close".
    "for his part",
    "for her part",
    "for their part",
    "i guess",
    "i suppose",
    // A contrast set off by commas ("Lebed conceded, however, that"); "however high they
    // might be" has no comma and stays.
    "however",
    "though",
    // A sum set off by its comma: "In all, the task force says the suspect was responsible";
    // "in all 50 states" has none.
    "all in all",
    "in all",
];

/// Words a headline leaves out wherever they stand: hedges that colour a sentence without
/// changing what happened, with the [`INTENSIFIERS`] (listed there, not twice). Negations and
/// numbers are never here, nor "allegedly": a charge is not a fact, and a headline says so.
pub const HEDGES: &[&str] = &[
    "actively",
    "currently",
    "reportedly",
    "apparently",
    "also",
    "even",
    "already",
    "still",
    "further",
    "seemingly",
    "originally",
    "initially",
    "finally",
    "officially",
    "formally",
    "publicly",
    "recently",
    // Degree and frequency ("largely kept secret", "typically take"); the stance adverbs are
    // [`STANCE_ADVERBS`].
    "largely",
    "typically",
    "usually",
    // A writer's distance from a name ("the so-called Freemen").
    "so-called",
];

/// A writer's stance on what follows ("Ironically,", "Sadly"): an opener at the start of a
/// sentence and a hedge anywhere, listed once (the word table reads it for both).
pub const STANCE_ADVERBS: &[&str] = &[
    "ironically",
    "unfortunately",
    "fortunately",
    "frankly",
    "honestly",
    "interestingly",
    "surprisingly",
    "sadly",
    "hopefully",
];

/// The hedges that only colour how strongly a thing is said ("really", "very"): struck even
/// from a sentence that fits as it is. Not those that say how sure or how recent it is
/// ("reportedly", "currently", "already", "still").
pub const INTENSIFIERS: &[&str] = &[
    "very",
    "really",
    "just",
    "actually",
    "simply",
    "quite",
    "truly",
    "certainly",
    "definitely",
    "basically",
    "literally",
    "obviously",
    "clearly",
    "essentially",
    "indeed",
    "particularly",
    "especially",
    "somewhat",
    "fairly",
    "pretty",
    "rather",
    "extremely",
    "highly",
    "exactly",
    "completely",
    "totally",
    "entirely",
    "absolutely",
    "tremendously",
    "incredibly",
    "terribly",
    "unbelievably",
    "here",
    "now",
];

/// Hedges of degree that a negation before them denies with the rest: "not just", "not very
/// far", "not completely" say less than "not"; they stay after "not", "never" and "n't".
pub const DENIED_DEGREES: &[&str] = &[
    "just",
    "simply",
    "very",
    "quite",
    "exactly",
    "completely",
    "totally",
    "entirely",
    "absolutely",
    "largely",
    "particularly",
    "especially",
    "extremely",
    "fairly",
    "pretty",
    "rather",
    "usually",
    "typically",
    "necessarily",
];

/// Fixed phrases of the same kind ("so many lives", "thanks very much").
pub const HEDGE_PHRASES: &[&str] = &[
    "so much",
    "very much",
    // Longer first: "a lot of support" is "support", not "of support".
    "a little bit of",
    "a little bit",
    "a little",
    "a bit of",
    "a bit",
    "so many",
    "kind of",
    "sort of",
    "a lot of",
    "a lot",
    // "A total of 2,435 tonnes were sold": the figure is the total.
    "a total of",
    "at least in part",
    "more or less",
    // Hedges of degree a speaker adds to a claim ("in many ways the most important").
    "in many ways",
    "in some ways",
    "in a sense",
    "in particular",
];

/// Verbs that attribute what follows to a speaker: "…, officials said", "X told reporters".
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "claimed",
    "claims",
    "explained",
    "explains",
    "declared",
    "declares",
    "disclosed",
    "discloses",
    "indicated",
    "indicates",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "suggested",
    "suggests",
    "acknowledged",
    "acknowledges",
    "estimated",
    "estimates",
    "predicted",
    "predicts",
    "believes",
    "believed",
    "thinks",
    "think",
    "thought",
    "wrote",
    "writes",
];

/// Sources that name no one: "Officials said …" opening a sentence is not news.
pub const GENERIC_SOURCES: &[&str] = &[
    "officials",
    "experts",
    "analysts",
    "sources",
    "economists",
    "police",
    "authorities",
    "witnesses",
    "residents",
    "observers",
    "critics",
    "scientists",
    "researchers",
    "doctors",
    "traders",
    "dealers",
    "diplomats",
    "investigators",
    "reports",
    "forecasters",
    "meteorologists",
    "aides",
];

/// Prepositions that open a phrase of circumstance, which a headline drops from the end of a
/// sentence ("amid heavy security", "with that information"). Not "near", "in", "at": a
/// place is news in an alert (and a place is a name, which is kept anyway).
/// Not "for", "about", "with": they as often open what a verb needs ("talking about X").
pub const CIRCUMSTANCE_PREPOSITIONS: &[&str] =
    &["amid", "despite", "during", "throughout", "amongst"];

/// Verbs in the past, and the present a headline uses after a subject in the singular and in
/// the plural ("Trump confirms …", "Officials say …", "GDP rises"): reporting verbs, and the
/// verbs of a figure's change whose past is no participle ("rose", "fell", "grew").
pub const REPORTING_PRESENT: &[(&str, &str, &str)] = &[
    ("said", "says", "say"),
    ("told", "tells", "tell"),
    ("confirmed", "confirms", "confirm"),
    ("announced", "announces", "announce"),
    ("reported", "reports", "report"),
    ("warned", "warns", "warn"),
    ("denied", "denies", "deny"),
    ("claimed", "claims", "claim"),
    ("declared", "declares", "declare"),
    ("disclosed", "discloses", "disclose"),
    ("predicted", "predicts", "predict"),
    ("estimated", "estimates", "estimate"),
    ("insisted", "insists", "insist"),
    ("rose", "rises", "rise"),
    ("fell", "falls", "fall"),
    ("grew", "grows", "grow"),
];

/// Time words a headline drops: the digest carries its own time.
pub const TIME_WORDS: &[&str] = &[
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "recently",
    "overnight",
    "currently",
    "nowadays",
    "meanwhile",
];

/// Fixed phrases of time a headline drops wherever they stand (the digest carries its own
/// time): "He is once again a candidate", "at this hour".
pub const TIME_PHRASES: &[&str] = &[
    "for the first time",
    "once again",
    "at this hour",
    "at the moment",
    "at this point",
    "right now",
    "these days",
    "in recent days",
    "in recent weeks",
    "in recent months",
    "in recent years",
    // "from the very beginning, police felt convinced": unless a noun follows ("from the
    // beginning of the year"), see `Sentence::time_phrases`.
    "from the very beginning",
    "from the beginning",
    "from the start",
    "from the outset",
    // "Hundreds of buildings burned so far": only where it ends its clause ("so far as",
    // "so far away" stay).
    "so far",
    "for now",
    "for the moment",
    "in the meantime",
];

/// The phrases of time above that only say "now", as "now" does: struck even from a sentence
/// that fits as it is ("That 's what we know for now"), where a date stays.
pub const NOW_PHRASES: &[&str] = &[
    "at this point",
    "at this hour",
    "at the moment",
    "right now",
    "for now",
    "for the moment",
];

/// Nouns of time that make "this/last/next/that …" a time phrase.
pub const TIME_NOUNS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "season",
    "quarter",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "time",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Determiners that make a time phrase of a time noun: "this morning", "last week".
pub const TIME_DETERMINERS: &[&str] = &["this", "that", "last", "next", "each", "every"];

/// Days of the week: "on Tuesday" is a time phrase.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names and their short forms, for dates inside a time phrase.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

/// Verbs that lead into a plan or schedule: "is scheduled to meet" becomes "to meet".
pub const PLAN_WORDS: &[&str] = &[
    "scheduled",
    "expected",
    "set",
    "due",
    "going",
    "planning",
    "poised",
    "slated",
    "about",
    "likely",
    "prepared",
    "preparing",
];

/// Of the [`PLAN_WORDS`], those that make a forecast rather than a schedule: a headline keeps
/// them without their auxiliary ("is expected to rise" -> "expected to rise", as wire titles
/// write "FED EXPECTED TO ADD RESERVES"), since "X to rise" would state as settled what is
/// only expected.
pub const FORECAST_WORDS: &[&str] = &["expected", "likely"];

/// "plans to", "intends to": the same, as a finite verb. (Not "wants to", "hopes to": a wish
/// is not a plan, and "X to build" reads as one.)
pub const PLAN_VERBS: &[&str] = &[
    "plans", "plan", "planned", "intends", "intend", "intended", "aims", "aim", "aimed",
];

/// Personal pronouns: a headline's "X to meet" needs a subject that is not one of these.
pub const PERSONAL_PRONOUNS: &[&str] = &["i", "you", "we", "they", "he", "she", "it"];

/// Auxiliaries a headline drops before a participle: "has been killed" becomes "killed".
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "am",
];

/// Words that open a clause set off by commas which a headline leaves out: non-restrictive
/// relative clauses ("…, which …,").
pub const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];

/// Participles that open a trailing comment clause (", signaling a breakthrough"). A clause
/// they open after a comma is dropped to its end.
pub const COMMENT_PARTICIPLES: &[&str] = &[
    "signaling",
    "signalling",
    "saying",
    "adding",
    "citing",
    "noting",
    "marking",
    "prompting",
    "suggesting",
    "underscoring",
    "highlighting",
    "reflecting",
    "paving",
];

/// Corporate suffixes after a company name ("Standard Oil Co", "BankAmerica Corp").
pub const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "l.p.",
    "lp",
    "sa",
    "ag",
    "nv",
    "n.v.",
    "s.a.",
    "bhd",
    "pty",
    "corporation",
    "incorporated",
    "limited",
];

/// Titles before a name, which a headline drops when the name follows ("President Trump"
/// becomes "Trump"). Lower case; matched as whole words.
pub const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "special",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "general",
    "gen.",
    "director",
    "chief",
    "executive",
    "officer",
    "commissioner",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "attorney",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sir",
    "reporter",
    "correspondent",
    "analyst",
    "leader",
    "deputy",
    "state",
    "white",
    "house",
    "press",
];

/// Free-text abbreviations, applied when a sentence is short of room. "U.S." is kept as it is
/// (wire style); the long forms get a wire editor's short ones. Office short forms ("Intl",
/// "Dept", "Govt") are not here: headlines spell those words out.
pub const TEXT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("United States of America", "US"),
    ("United States", "US"),
    ("United Kingdom", "UK"),
    ("United Nations", "UN"),
    ("European Union", "EU"),
    ("United Arab Emirates", "UAE"),
    ("Prime Minister", "PM"),
    ("gross domestic product", "GDP"),
    ("gross national product", "GNP"),
    // Bodies a wire headline names by their short form (AP style).
    ("Federal Reserve Board", "Fed"),
    ("Federal Reserve", "Fed"),
    ("Securities and Exchange Commission", "SEC"),
    ("International Monetary Fund", "IMF"),
    ("European Economic Community", "EEC"),
    ("European Community", "EC"),
    ("Organization of Petroleum Exporting Countries", "OPEC"),
    ("New York Stock Exchange", "NYSE"),
    ("American Stock Exchange", "Amex"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("General Agreement on Tariffs and Trade", "GATT"),
    ("Federal Bureau of Investigation", "FBI"),
    ("Environmental Protection Agency", "EPA"),
    ("Internal Revenue Service", "IRS"),
    ("Food and Drug Administration", "FDA"),
    ("Centers for Disease Control and Prevention", "CDC"),
    ("Federal Aviation Administration", "FAA"),
    ("National Transportation Safety Board", "NTSB"),
    ("Moody's Investors Service", "Moody's"),
    // The rating agency as AP and the wires write it ("Standard & Poor's" has a word of
    // marks alone, which no phrase here can match).
    ("Standard and Poor's", "S&P"),
    ("percent", "pct"),
    ("per cent", "pct"),
    ("million", "mln"),
    ("billion", "bln"),
    ("approximately", "about"),
    // Quarters of a business year, as financial wires write them ("4th qtr net").
    ("first quarter", "1st qtr"),
    ("second quarter", "2nd qtr"),
    ("third quarter", "3rd qtr"),
    ("fourth quarter", "4th qtr"),
    ("kilometers", "km"),
    ("kilometres", "km"),
];

/// The short forms of [`TEXT_ABBREVIATIONS`] a headline always writes, not only when short of
/// room: a body's ("SEC", "Fed") and a business quarter's ("4th qtr net").
pub const HEADLINE_SHORT_FORMS: &[&str] = &[
    "Fed", "SEC", "IMF", "EEC", "EC", "OPEC", "NYSE", "Amex", "NATO", "GATT", "FBI", "EPA", "IRS",
    "FDA", "CDC", "FAA", "NTSB", "Moody's", "S&P", "1st qtr", "2nd qtr", "3rd qtr", "4th qtr",
];

/// The short forms of [`TEXT_ABBREVIATIONS`] that are units: written only after a number ("1.5
/// mln", "57 pct"), as a wire editor writes them; "a million Russians" stays as it is.
pub const TEXT_UNITS: &[&str] = &["pct", "mln", "bln", "km"];

/// Words that open a subordinate clause that a headline may leave out ("As far as we can
/// tell, …", "Although …, …"). Not "if" or "unless": without its condition the news would
/// say what it does not.
pub const SUBORDINATORS: &[&str] = &[
    "as", "although", "though", "while", "whilst", "because", "since", "once", "when", "after",
    "before",
];

/// Verbs of knowing and words of certainty whose clause a headline writes without "that"
/// ("We know the fire is out", "It is clear he will run").
pub const KNOWING_WORDS: &[&str] = &[
    "know",
    "knows",
    "knew",
    "show",
    "shows",
    "showed",
    "found",
    "find",
    "finds",
    "learned",
    "means",
    "remember",
    "recognize",
    "regret",
    "confirm",
    "hope",
    "hopes",
    "hoped",
    "clear",
    "sure",
    "confident",
    "convinced",
    "aware",
];

/// Words that vouch for a clause in a frame a headline leaves out: "It is clear that …",
/// "There is no doubt that …", "It was no accident that …" (after "no": the nouns).
pub const CERTAINTY_WORDS: &[&str] = &[
    "clear", "true", "obvious", "certain", "evident", "doubt", "secret", "surprise", "accident",
    "question",
];

/// Verbs of a speaker's opinion that frame a clause ("I think …", "we believe that …").
pub const OPINION_VERBS: &[&str] = &[
    "think", "believe", "realize", "realise", "guess", "suppose", "feel", "expect",
];

/// Numbers an "a" counts ("a million people"): that "a" is the number, and stays.
pub const COUNTED_NUMBERS: &[&str] = &["hundred", "thousand", "million", "billion", "dozen"];

/// Number words a unit may follow ("two mln").
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "dozen", "several", "few", "many",
];

/// Nouns of events, each with the participle a headline writes after its object: "the
/// downing of an Iranian drone" becomes "Iranian drone downed".
pub const EVENT_NOUNS: &[(&str, &str)] = &[
    ("downing", "downed"),
    ("shooting", "shot"),
    ("killing", "killed"),
    ("killings", "killed"),
    ("murder", "murdered"),
    ("assassination", "assassinated"),
    ("arrest", "arrested"),
    ("arrests", "arrested"),
    ("capture", "captured"),
    ("seizure", "seized"),
    ("sinking", "sunk"),
    ("bombing", "bombed"),
    ("destruction", "destroyed"),
    ("release", "released"),
    ("rescue", "rescued"),
    ("kidnapping", "kidnapped"),
    ("abduction", "abducted"),
    ("evacuation", "evacuated"),
    ("closure", "closed"),
    ("collapse", "collapsed"),
    ("election", "elected"),
    ("appointment", "appointed"),
    ("resignation", "resigned"),
    ("dismissal", "dismissed"),
    ("firing", "fired"),
    ("launch", "launched"),
    ("interception", "intercepted"),
    ("acquisition", "acquired"),
    ("sale", "sold"),
    ("approval", "approved"),
];

/// Verbs whose object is the news, so a headline short of room may drop their subject:
/// "A U.S. fighter jet downed an Iranian drone" becomes "Iranian drone downed".
pub const OBJECT_NEWS_VERBS: &[&str] = &[
    "downed",
    "shot",
    "killed",
    "arrested",
    "captured",
    "seized",
    "sank",
    "sunk",
    "bombed",
    "destroyed",
    "hit",
    "struck",
    "attacked",
    "intercepted",
    "rescued",
    "kidnapped",
    "abducted",
    "injured",
    "wounded",
    "detained",
    "evacuated",
    "freed",
    "released",
    "expelled",
    "deported",
    "executed",
    "sentenced",
    "charged",
    "indicted",
    "convicted",
    "fined",
    "banned",
    "sued",
    "hijacked",
    "raided",
    "damaged",
];

/// Nouns of a level reached ("hit a new high", "struck a record low"): after a verb of
/// [`OBJECT_NEWS_VERBS`] they make a measure, not a target, and the object is not the news.
pub const LEVEL_NOUNS: &[&str] = &["high", "highs", "low", "lows", "record", "peak", "level"];

/// Prepositions that open a phrase of circumstance set off by commas between a name and its
/// verb ("KLM, in a move following TWA's, said …", "Funaro, on the third leg of a trip, met
/// …"): a headline goes from the name to the verb.
pub const ASIDE_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "with",
    "after",
    "following",
    "despite",
    "for",
    "under",
];

/// Prepositions after a participle that describes a name ("Chrysler Canada, wholly owned by
/// Chrysler Corp, said", "Acme, based in Ohio,"): the participle is then an appositive, not
/// the verb of the sentence ("Sharon, … played a key role").
pub const DESCRIBING_PREPOSITIONS: &[&str] =
    &["by", "in", "from", "to", "at", "as", "with", "near", "on"];

/// Verbs that open an agreement to act ("signed a letter of intent to acquire", "has a
/// tentative agreement to sell", "entered into an agreement to buy").
pub const AGREEMENT_VERBS: &[&str] = &[
    "signed",
    "signs",
    "reached",
    "reaches",
    "entered",
    "enters",
    "has",
    "have",
    "had",
    "finalized",
    "finalised",
    "concluded",
    "secured",
];

/// Nouns of an agreement to act; with "letter of intent", what [`AGREEMENT_VERBS`] open.
/// (Not "contract": "won a contract to design" is work given, not an agreement to act.)
pub const AGREEMENT_NOUNS: &[&str] = &["agreement", "accord", "pact", "deal"];

/// The first words of a wire table of results ("Shr 33 cts vs 28 cts Net …", "Qtly div 14
/// cts vs 14 cts prior Pay April 20 Record March 31").
pub const TABLE_LABELS: &[&str] = &[
    "shr",
    "oper",
    "net",
    "revs",
    "sales",
    "qtly",
    "quarterly",
    "semi",
    "semi-annual",
    "monthly",
    "annual",
    "div",
    "dividend",
];

/// Blocks of a longer period in a wire table of results, and the heads its first block's net
/// row takes in a headline ("Net 388,000 vs 328,000 … Year Shr …" -> "4th qtr net 388,000 vs
/// 328,000"): a quarter reported beside its fiscal year is the 4th, beside its half year the
/// 2nd, beside nine months the 3rd. (Not the trailing "12 mths": it is given beside a month's
/// figures as beside any quarter's.)
pub const RESULTS_PERIODS: &[(&str, &str, &str)] = &[
    ("year", "4th qtr net", "4th qtr oper"),
    ("fiscal year", "4th qtr net", "4th qtr oper"),
    ("full year", "4th qtr net", "4th qtr oper"),
    ("six mths", "2nd qtr net", "2nd qtr oper"),
    ("six months", "2nd qtr net", "2nd qtr oper"),
    ("1st half", "2nd qtr net", "2nd qtr oper"),
    ("first half", "2nd qtr net", "2nd qtr oper"),
    ("half year", "2nd qtr net", "2nd qtr oper"),
    ("nine mths", "3rd qtr net", "3rd qtr oper"),
    ("nine months", "3rd qtr net", "3rd qtr oper"),
];

/// Of the [`TABLE_LABELS`], those that open a table of a dividend.
pub const DIVIDEND_LABELS: &[&str] = &[
    "qtly",
    "quarterly",
    "semi",
    "semi-annual",
    "monthly",
    "annual",
    "div",
    "dividend",
];

/// Words that end a figure in a table of results ("28 cts", "3.1 mln", "14 cts prior").
pub const FIGURE_UNITS: &[&str] = &[
    "cts", "ct", "dlrs", "dlr", "mln", "bln", "billion", "pct", "prior", "stg", "yen",
];

/// Nouns of a part of a company ("its Pan American World Airways unit"): after its owner, a
/// headline writes the part by this noun alone ("Pan Am unit").
pub const UNIT_NOUNS: &[&str] = &["unit", "subsidiary", "division", "affiliate"];

/// What a wire headline calls a company beside its owner ("AMR Corp's American Airlines" ->
/// "AMR unit"): a word the rules write that the source may not have.
pub const OWNED_UNIT: &str = "unit";

/// Irregular participles that are also the verb's simple past ("has sold" -> "sold"): a
/// perfect on them may lose its auxiliary, as one on a regular verb ("has filed" -> "filed");
/// not on the others ("have thrown" is not "thrown").
pub const PAST_PARTICIPLES: &[&str] = &[
    "bought", "brought", "built", "caught", "cut", "found", "held", "hit", "hurt", "kept", "laid",
    "led", "left", "lost", "made", "met", "paid", "put", "sent", "set", "shot", "shut", "sold",
    "split", "spread", "struck", "stuck", "swept", "won",
];

/// A company's own figures: "GM said car sales fell" is "GM car sales fell", as "X said its
/// sales fell" is "X sales fell".
pub const FIGURE_NOUNS: &[&str] = &[
    "sales",
    "earnings",
    "profit",
    "profits",
    "revenues",
    "output",
    "production",
    "shipments",
    "orders",
    "deliveries",
    "traffic",
];

/// Conjunctions that open a clause of approach: "after the craft approached the carrier".
pub const APPROACH_LINKS: &[&str] = &["after", "as", "when", "while"];

/// Verbs of coming near, which a headline writes as "near": "after the craft approached the
/// carrier" becomes "near the carrier".
pub const APPROACH_VERBS: &[&str] = &["approached", "neared", "approaching", "nearing"];

/// What a named vessel, plane or building is, said again after its name ("the USS Abraham
/// Lincoln aircraft carrier"): a headline keeps the name alone.
pub const CLASSIFIER_NOUNS: &[&str] = &[
    "aircraft carrier",
    "carrier",
    "warship",
    "destroyer",
    "frigate",
    "cruiser",
    "submarine",
    "tanker",
    "freighter",
    "vessel",
    "ship",
    "airliner",
    "jetliner",
];

/// Subjects that stand for an earlier sentence ("This confirmation follows …"): a frame, not
/// the news. With an event noun later in the sentence, the headline starts at the event.
pub const FRAME_WORDS: &[&str] = &["this", "that", "these", "those", "it", "the move"];

/// Words that introduce an event noun inside a frame ("…, including the downing of …").
pub const EVENT_LINKS: &[&str] = &[
    "including",
    "after",
    "following",
    "amid",
    "with",
    "over",
    "despite",
    "such as",
];

/// Verbs of saying after which a pronoun is the speaker again: "X said it will" is "X will".
pub const SAYING_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "confirmed",
    "reported",
    "stated",
    "added",
    "disclosed",
];

/// Pronouns that stand for the subject of a reported clause: "X said it will" is "X will".
pub const SUBJECT_PRONOUNS: &[&str] = &["it", "they", "he", "she", "we"];

// Feeds group (issue 6): tables used only by the quake and warning templates.
// ---------------------------------------------------------------------------------------------

/// U.S. states and territories as USGS names them at the end of a place ("…, Alaska"), with
/// the postal codes USGS itself uses in other titles ("…, CA").
pub const US_STATES: &[(&str, &str)] = &[
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
    ("Puerto Rico", "PR"),
    ("Guam", "GU"),
    ("U.S. Virgin Islands", "VI"),
];

/// Short forms of words in NWS event names, used only when the full name leaves no room for
/// the first area and the end time. "Svr" and "Tstm"-style forms are the ones NWS writes in its
/// own product headers; each keeps the word recognisable. "Warning" and "Watch" are not here:
/// WEA texts never shorten them (../shared/data/wea-templates).
pub const WEATHER_EVENT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Severe", "Svr"),
    ("Thunderstorm", "Tstorm"),
    ("Weather", "Wx"),
    ("Heavy", "Hvy"),
    ("Statement", "Stmt"),
    ("Advisory", "Adv"),
    ("Hazardous", "Hazard"),
];

/// Tighter short forms of words in NWS event names, in the style of the contractions of NWS
/// aviation text ("FRZ LVL" for freezing level), each still recognisable: used only after
/// [`WEATHER_EVENT_ABBREVIATIONS`] and the area's short forms leave no room for the end time
/// ("Hvy Frz Spray Warning").
pub const WEATHER_EVENT_CONTRACTIONS: &[(&str, &str)] =
    &[("Freezing", "Frz"), ("Hazards", "Haz"), ("Special", "Spcl")];

/// Short forms of the compass words and common words of NWS zone names, as NWS writes them in
/// its own zone names ("S of Currituck Beach Light NC"): used only when an area and the end
/// time would not fit otherwise.
pub const AREA_ABBREVIATIONS: &[(&str, &str)] = &[
    ("North", "N"),
    ("South", "S"),
    ("East", "E"),
    ("West", "W"),
    ("Northern", "N"),
    ("Southern", "S"),
    ("Eastern", "E"),
    ("Western", "W"),
    ("Northeast", "NE"),
    ("Northwest", "NW"),
    ("Southeast", "SE"),
    ("Southwest", "SW"),
    ("Northeastern", "NE"),
    ("Northwestern", "NW"),
    ("Southeastern", "SE"),
    ("Southwestern", "SW"),
    ("Island", "Isl."),
    ("Islands", "Isls."),
    ("Mountains", "Mtns"),
    // Common words of zone names, in the style of the contractions of NWS aviation text
    // ("CSTL WTRS" for coastal waters); "Ent." as a dictionary abbreviation.
    ("Central", "Cntrl"),
    ("Coastal", "Cstl"),
    ("Foothills", "Fthls"),
    ("Entrance", "Ent."),
];

/// Words of NWS zone names that every NWS zone implies, dropped from an area's short form:
/// "West Entrance U.S. Waters Strait Of Juan De Fuca" is the U.S. side of a border strait, and
/// NWS only issues for U.S. waters. Each entry is a run of words, matched ignoring ASCII case.
pub const AREA_IMPLIED: &[&str] = &["U.S. Waters", "US Waters"];

/// Words that begin the qualifying part of an NWS area name ("Green Bay *south* of line from
/// …", "Ripley *to* Dunkirk NY"): the place the area is named for comes before them.
#[rustfmt::skip]
pub const AREA_QUALIFIERS: &[&str] = &[
    "to", "from", "including", "extending", "out", "beyond", "and", "or", "above", "below",
    "between", "within", "except", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "nearshore", "offshore", "N", "S", "E", "W", "NE", "NW", "SE", "SW",
    "NNE", "ENE", "ESE", "SSE", "SSW", "WSW", "WNW", "NNW", "-", "greater", "less",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_is_read_from_either_half_of_a_slot_as_its_bit_tells() {
        for len in 0..=LONGEST_TRACKED {
            let bit = length_bit(len);
            assert!(has_length(bit, len), "length {len} in its own bit");
            assert!(!has_length(!bit, len), "length {len} in every other bit");
        }
        // A word of one length, with no trailing mark, is looked up by that length alone.
        let filter = Initials([length_bit(5) | length_bit(40); INITIAL_SLOTS]);
        for len in [5usize, 40] {
            assert!(filter.may_start_trimmed(&[b'a'; 64][..len], 0));
        }
        for len in [4usize, 6, 32, 39, 41, 63] {
            assert!(
                !filter.may_start_trimmed(&[b'a'; 64][..len], 0),
                "length {len}"
            );
        }
        // With trailing marks, any length from the word less all of them to the whole word.
        assert!(filter.may_start_trimmed(b"aaaaa,", 1));
        assert!(!filter.may_start_trimmed(b"aa.,", 2));
        assert!(filter.may_start_trimmed(b"aaaaa.,", 2));
        assert!(!filter.may_start_trimmed(b"aaaaaa.,", 2));
    }

    #[test]
    fn participles_are_recognised() {
        assert!(is_participle("downed"));
        assert!(is_participle("shot down"));
        assert!(is_participle("STRUCK"));
        assert!(!is_participle("negotiating with"));
        assert!(!is_participle("to meet"));
        assert!(!is_participle("bed"));
        assert!(is_participle(" \u{b}downed\tnear"));
        assert!(is_participle("\u{a0}struck\u{a0}off"));
        assert!(!is_participle("downed\u{e9}"));
    }

    #[test]
    fn an_action_s_first_word_is_split_as_split_whitespace_splits_it() {
        // Every ASCII separator, the vertical tab among them, and separators and letters
        // beyond ASCII, before, inside and after the first word.
        let parts = [
            "", " ", "\t", "\u{b}", "\u{c}", "\r\n", "\u{a0}", "\u{2003}", "\u{85}", "downed", "é",
            "ed", "x",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        let action = std::format!("{a}{b}{c}{d}");
                        let expected = action.split_whitespace().next().unwrap_or_default();
                        assert_eq!(first_verb_word(&action), expected, "{action:?}");
                    }
                }
            }
        }
    }

    fn assert_sorted(entries: &[&str]) {
        for pair in entries.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let order = cmp_words(first_word(a), first_word(b));
            let longer_first = a.split(' ').count() >= b.split(' ').count();
            assert!(
                order == Ordering::Less || (order == Ordering::Equal && longer_first),
                "{a:?} must come after {b:?}"
            );
        }
    }

    #[test]
    fn phrase_tables_are_sorted_for_binary_search() {
        let abbreviations: std::vec::Vec<&str> = ABBREVIATIONS.iter().map(|(a, _)| *a).collect();
        assert_sorted(&abbreviations);
        assert_sorted(MODIFIERS);
        assert!(
            DANGLING
                .windows(2)
                .all(|w| cmp_words(w[0], w[1]) == Ordering::Less)
        );
    }

    #[test]
    fn lookups_find_every_entry_longest_first() {
        for (entry, _) in ABBREVIATIONS {
            let found: std::vec::Vec<_> =
                starting_with(ABBREVIATIONS, |e| e.0, first_word(entry)).collect();
            assert!(found.iter().any(|(e, _)| e == entry), "{entry}");
        }
        let united: std::vec::Vec<_> = starting_with(ABBREVIATIONS, |e| e.0, "UNITED")
            .map(|e| e.0)
            .collect();
        assert_eq!(united[0], "United States of America");
        assert_eq!(united.len(), 5);
    }

    #[test]
    fn a_word_s_slot_is_its_letter_whatever_its_case_else_the_last() {
        // Every first byte, against the definition: an ASCII letter's place in the alphabet.
        for b in 0..=u8::MAX {
            let expected = match b {
                b'a'..=b'z' => usize::from(b - b'a'),
                b'A'..=b'Z' => usize::from(b - b'A'),
                _ => INITIAL_SLOTS - 1,
            };
            assert_eq!(initial_slot(&[b, b'x']), expected, "{b:#x}");
        }
        assert_eq!(initial_slot(b""), INITIAL_SLOTS - 1);
    }

    #[test]
    fn initials_let_every_entry_through_and_stop_most_words() {
        for (entry, _) in ABBREVIATIONS {
            assert!(
                ABBREVIATION_INITIALS.may_start(first_word(entry)),
                "{entry}"
            );
        }
        for entry in MODIFIERS {
            assert!(MODIFIER_INITIALS.may_start(first_word(entry)), "{entry}");
        }
        let text = "Special Weather Statement issued October 17 at 8:15PM CDT by NWS Kansas City";
        let passed = text
            .split(' ')
            .filter(|w| ABBREVIATION_INITIALS.may_start(w))
            .count();
        assert!(passed <= 4, "{passed} of 13 words need a search");
    }
}
