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
/// own product headers; each keeps the word recognisable.
pub const WEATHER_EVENT_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Severe", "Svr"),
    ("Thunderstorm", "Tstorm"),
    ("Weather", "Wx"),
    ("Heavy", "Hvy"),
    ("Statement", "Stmt"),
    ("Advisory", "Adv"),
    ("Hazardous", "Hazard"),
];

/// Short forms of the compass words in NWS zone names, as NWS writes them in its own zone names
/// ("S of Currituck Beach Light NC"): used only when an area would not fit otherwise.
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
];

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
