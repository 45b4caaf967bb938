//! Static word tables: abbreviations, droppable modifiers, verb forms and case rules.
//!
//! Matching ignores ASCII case, so `UNITED STATES`, `United States` and `united states` all
//! become `US`. Multi-word entries match across any run of whitespace.

/// Abbreviations a wire-service headline editor would use. Longer entries are tried first where
/// they overlap ("United States of America" before "United States").
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    // Countries and unions.
    ("United States of America", "US"),
    ("United States", "US"),
    ("U.S.A.", "US"),
    ("U.S.", "US"),
    ("United Kingdom", "UK"),
    ("U.K.", "UK"),
    ("United Nations", "UN"),
    ("U.N.", "UN"),
    ("European Union", "EU"),
    ("E.U.", "EU"),
    ("United Arab Emirates", "UAE"),
    // Titles.
    ("Prime Minister", "PM"),
    ("Minister", "Min."),
    ("President", "Pres."),
    ("Secretary", "Sec."),
    ("Senator", "Sen."),
    ("Representative", "Rep."),
    ("Governor", "Gov."),
    ("Lieutenant", "Lt."),
    ("Sergeant", "Sgt."),
    ("Colonel", "Col."),
    ("Admiral", "Adm."),
    ("Captain", "Capt."),
    // Institutions.
    ("Department", "Dept."),
    ("Government", "Govt"),
    ("International", "Intl"),
    ("Association", "Assn."),
    ("Corporation", "Corp."),
    ("Incorporated", "Inc."),
    ("University", "Univ."),
    // Places (WEA writes "Jefferson Co AL").
    ("County", "Co"),
    ("Mount", "Mt."),
    ("Saint", "St."),
    ("Fort", "Ft."),
    // Units.
    ("kilometers per hour", "km/h"),
    ("kilometres per hour", "km/h"),
    ("miles per hour", "mph"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("miles", "mi"),
    ("meters", "m"),
    ("metres", "m"),
    ("feet", "ft"),
    ("percent", "pct"),
    ("million", "mln"),
    ("billion", "bln"),
    // Words.
    ("approximately", "about"),
    ("versus", "vs."),
    // Months.
    ("January", "Jan."),
    ("February", "Feb."),
    ("August", "Aug."),
    ("September", "Sept."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
];

/// Modifiers a headline drops first when it is short of room: articles, nationality adjectives,
/// and a country written as an adjective ("U.S. fighter jet"). Dropped only before the head
/// word of a phrase, never the last word, so "Iranian officials" can become "officials" but
/// "the Iranian" stays whole.
pub const MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "U.S.",
    "US",
    "American",
    "Iranian",
    "Israeli",
    "Russian",
    "Ukrainian",
    "Chinese",
    "Japanese",
    "North Korean",
    "South Korean",
    "Korean",
    "Indian",
    "Pakistani",
    "Afghan",
    "Iraqi",
    "Syrian",
    "Lebanese",
    "Turkish",
    "Egyptian",
    "Saudi",
    "Yemeni",
    "Emirati",
    "Qatari",
    "Omani",
    "Jordanian",
    "Palestinian",
    "British",
    "French",
    "German",
    "Italian",
    "Spanish",
    "Portuguese",
    "Dutch",
    "Belgian",
    "Swiss",
    "Austrian",
    "Polish",
    "Czech",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Greek",
    "Serbian",
    "Croatian",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Irish",
    "Canadian",
    "Mexican",
    "Brazilian",
    "Argentine",
    "Chilean",
    "Colombian",
    "Venezuelan",
    "Peruvian",
    "Cuban",
    "Australian",
    "Indonesian",
    "Filipino",
    "Vietnamese",
    "Thai",
    "Malaysian",
    "Burmese",
    "Bangladeshi",
    "Nigerian",
    "Ethiopian",
    "Kenyan",
    "Somali",
    "Sudanese",
    "Libyan",
    "Tunisian",
    "Algerian",
    "Moroccan",
    "South African",
    "Taiwanese",
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

/// Words that may not end a digest: they promise a continuation that was cut away.
pub const DANGLING: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "near",
    "off",
    "over",
    "into",
    "onto",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "after",
    "before",
    "amid",
    "against",
    "between",
    "during",
    "via",
    "per",
    "about",
    "under",
    "across",
    "toward",
    "towards",
    "upon",
    "within",
    "without",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "if",
    "because",
    "not",
    "no",
    "til",
    "until",
    "says",
    "said",
    "including",
    "such",
    "more",
    "most",
    "very",
    "&",
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

/// Whether `word` is `entry`, ignoring ASCII case.
pub fn is(word: &str, entry: &str) -> bool {
    word.eq_ignore_ascii_case(entry)
}

/// Whether `word` is in `table`, ignoring ASCII case.
pub fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|entry| is(word, entry))
}

/// Whether an action reads as a past participle, so its object can stand as a passive subject.
pub fn is_participle(action: &str) -> bool {
    let verb = action.split_whitespace().next().unwrap_or_default();
    let len = verb.len();
    (len > 3
        && verb
            .get(len.saturating_sub(2)..)
            .is_some_and(|end| is(end, "ed")))
        || contains(IRREGULAR_PARTICIPLES, verb)
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
    "all right then",
];

/// Words a headline leaves out wherever they stand: hedges and intensifiers that colour a
/// sentence without changing what happened. Negations and numbers are never here.
pub const HEDGES: &[&str] = &[
    "very",
    "really",
    "just",
    "actually",
    "actively",
    "currently",
    "reportedly",
    "apparently",
    "allegedly",
    "also",
    "even",
    "already",
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
    "now",
    "still",
    "further",
    "particularly",
    "especially",
    "somewhat",
    "fairly",
    "pretty",
    "rather",
    "extremely",
    "highly",
    "seemingly",
    "originally",
    "initially",
    "finally",
    "officially",
    "formally",
    "publicly",
    "recently",
    "here",
];

/// Fixed phrases of the same kind ("so many lives", "thanks very much").
pub const HEDGE_PHRASES: &[&str] = &[
    "so much",
    "very much",
    "a little",
    "a bit",
    "so many",
    "kind of",
    "sort of",
    "a lot",
    "at least in part",
    "more or less",
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

/// Reporting verbs in the past and the present a headline uses ("Trump confirms …").
pub const REPORTING_PRESENT: &[(&str, &str)] = &[
    ("said", "says"),
    ("told", "tells"),
    ("confirmed", "confirms"),
    ("announced", "announces"),
    ("reported", "reports"),
    ("warned", "warns"),
    ("denied", "denies"),
    ("claimed", "claims"),
    ("declared", "declares"),
    ("disclosed", "discloses"),
    ("predicted", "predicts"),
    ("estimated", "estimates"),
    ("insisted", "insists"),
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

/// "plans to", "intends to": the same, as a finite verb.
pub const PLAN_VERBS: &[&str] = &[
    "plans", "plan", "planned", "intends", "intend", "intended", "aims", "aim", "aimed", "hopes",
    "hope", "hoped", "seeks", "seek", "sought", "wants", "want", "wanted",
];

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
/// (wire style); the long forms get a wire editor's short ones.
pub const TEXT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("United States of America", "US"),
    ("United States", "US"),
    ("United Kingdom", "UK"),
    ("United Nations", "UN"),
    ("European Union", "EU"),
    ("United Arab Emirates", "UAE"),
    ("Prime Minister", "PM"),
    ("percent", "pct"),
    ("per cent", "pct"),
    ("million", "mln"),
    ("billion", "bln"),
    ("approximately", "about"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("International", "Intl"),
    ("Department", "Dept"),
    ("Government", "Govt"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participles_are_recognised() {
        assert!(is_participle("downed"));
        assert!(is_participle("shot down"));
        assert!(is_participle("STRUCK"));
        assert!(!is_participle("negotiating with"));
        assert!(!is_participle("to meet"));
        assert!(!is_participle("bed"));
    }

    #[test]
    fn no_abbreviation_is_shadowed_by_an_earlier_shorter_one() {
        // The first entry whose words match wins, so "United States of America" must come
        // before its prefix "United States".
        for (i, (earlier, _)) in ABBREVIATIONS.iter().enumerate() {
            for (later, _) in ABBREVIATIONS.iter().skip(i + 1) {
                let e: std::vec::Vec<&str> = earlier.split(' ').collect();
                let l: std::vec::Vec<&str> = later.split(' ').collect();
                let shadowed = l.len() > e.len() && e.iter().zip(&l).all(|(a, b)| is(a, b));
                assert!(!shadowed, "{later} is unreachable after {earlier}");
            }
        }
    }
}
