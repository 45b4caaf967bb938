//! CAMEO event codes as headline verbs, written for this project from the CAMEO codebook's
//! category names: the phrase stands between the actor and the target ("Japan negotiated with
//! Turkmenistan"). A code not listed falls back to its base (three digits), then its root.

/// (code, verb phrase). Roots (two digits) and base codes (three digits).
#[rustfmt::skip]
const VERBS: &[(&str, &str)] = &[
    ("01", "commented on"), ("010", "commented on"), ("011", "declined comment on"),
    ("012", "voiced pessimism on"), ("013", "voiced optimism on"), ("014", "weighed policy on"),
    ("015", "claimed responsibility for"), ("016", "voiced sympathy for"),
    ("017", "made symbolic gesture to"), ("018", "voiced accord with"), ("019", "agreed with"),
    ("02", "appealed to"), ("020", "appealed to"), ("021", "sought cooperation from"),
    ("022", "sought support from"), ("023", "sought aid from"), ("024", "urged reform on"),
    ("025", "urged concessions from"), ("026", "urged talks with"), ("027", "urged settlement with"),
    ("028", "urged mediation with"),
    ("03", "pledged to"), ("030", "pledged to"), ("031", "pledged cooperation with"),
    ("032", "pledged support for"), ("033", "pledged aid to"), ("034", "pledged reform to"),
    ("035", "offered concessions to"), ("036", "offered talks with"), ("037", "offered settlement to"),
    ("038", "accepted mediation with"), ("039", "offered mediation to"),
    ("04", "consulted"), ("040", "consulted"), ("041", "spoke by phone with"), ("042", "visited"),
    ("043", "hosted"), ("044", "met"), ("045", "mediated for"), ("046", "negotiated with"),
    ("05", "cooperated with"), ("050", "cooperated with"), ("051", "praised"), ("052", "defended"),
    ("053", "rallied support for"), ("054", "recognized"), ("055", "apologized to"),
    ("056", "forgave"), ("057", "signed agreement with"),
    ("06", "cooperated with"), ("060", "cooperated with"), ("061", "cooperated economically with"),
    ("062", "cooperated militarily with"), ("063", "cooperated judicially with"),
    ("064", "shared intelligence with"),
    ("07", "gave aid to"), ("070", "gave aid to"), ("071", "gave economic aid to"),
    ("072", "gave military aid to"), ("073", "gave humanitarian aid to"),
    ("074", "gave peacekeeping to"), ("075", "granted asylum to"),
    ("08", "yielded to"), ("080", "yielded to"), ("081", "eased restrictions on"),
    ("082", "eased opposition to"), ("083", "accepted reform demands of"), ("084", "released"),
    ("085", "eased sanctions on"), ("086", "allowed aid to"), ("087", "de-escalated with"),
    ("09", "investigated"), ("090", "investigated"), ("091", "investigated"),
    ("092", "investigated"), ("093", "investigated"), ("094", "investigated"),
    ("10", "made demands of"), ("100", "made demands of"), ("101", "demanded cooperation from"),
    ("102", "demanded support from"), ("103", "demanded aid from"), ("104", "demanded reform by"),
    ("105", "demanded concessions from"), ("106", "demanded withdrawal of"),
    ("107", "demanded ceasefire from"), ("108", "demanded talks with"),
    ("11", "criticized"), ("110", "criticized"), ("111", "criticized"), ("112", "accused"),
    ("113", "rallied opposition to"), ("114", "complained about"), ("115", "sued"),
    ("116", "convicted"),
    ("12", "rejected"), ("120", "rejected"), ("121", "rejected cooperation with"),
    ("122", "rejected aid from"), ("123", "rejected reform demands of"),
    ("124", "refused to yield to"), ("125", "rejected talks with"),
    ("126", "rejected mediation by"), ("127", "rejected plan of"), ("128", "defied"),
    ("129", "vetoed"),
    ("13", "threatened"), ("130", "threatened"), ("131", "threatened to cut ties with"),
    ("132", "threatened sanctions on"), ("133", "threatened protests against"),
    ("134", "threatened to halt talks with"), ("135", "threatened to halt mediation with"),
    ("136", "threatened to expel"), ("137", "threatened violence against"),
    ("138", "threatened force against"), ("139", "gave ultimatum to"),
    ("14", "protested against"), ("140", "protested against"), ("141", "demonstrated against"),
    ("142", "went on hunger strike against"), ("143", "went on strike against"),
    ("144", "blockaded"), ("145", "rioted against"),
    ("15", "showed force to"), ("150", "showed force to"), ("151", "raised police alert against"),
    ("152", "raised military alert against"), ("153", "mobilized police against"),
    ("154", "mobilized forces against"), ("155", "mobilized cyber forces against"),
    ("16", "cut relations with"), ("160", "cut relations with"), ("161", "cut ties with"),
    ("162", "cut aid to"), ("163", "imposed embargo on"), ("164", "halted talks with"),
    ("165", "halted mediation with"), ("166", "expelled"),
    ("17", "coerced"), ("170", "coerced"), ("171", "seized property of"),
    ("172", "imposed restrictions on"), ("173", "arrested"), ("174", "expelled"),
    ("175", "cracked down on"), ("176", "cyberattacked"),
    ("18", "attacked"), ("180", "attacked"), ("181", "abducted"), ("182", "assaulted"),
    ("183", "bombed"), ("184", "used human shields against"), ("185", "tried to assassinate"),
    ("186", "assassinated"),
    ("19", "fought"), ("190", "fought"), ("191", "blockaded"), ("192", "occupied territory of"),
    ("193", "fought"), ("194", "shelled"), ("195", "carried out airstrikes on"),
    ("196", "violated ceasefire with"),
    ("20", "used mass violence against"), ("200", "used mass violence against"),
    ("201", "expelled en masse"), ("202", "killed en masse"),
    ("203", "carried out ethnic cleansing against"),
    ("204", "used weapons of mass destruction against"),
];

/// The verb phrase for a CAMEO event code ("0231" reads as its base "023").
pub fn verb(code: &str) -> Option<&'static str> {
    let lookup = |c: &str| VERBS.iter().find(|(k, _)| *k == c).map(|(_, v)| *v);
    lookup(code)
        .or_else(|| code.get(..3).and_then(lookup))
        .or_else(|| code.get(..2).and_then(lookup))
}

/// The verb without its trailing preposition, for an event that names no target
/// ("consulted", "appealed").
pub fn intransitive(verb: &str) -> &str {
    const PREPOSITIONS: &[&str] = &[
        " to", " on", " with", " for", " from", " of", " against", " by", " about",
    ];
    PREPOSITIONS
        .iter()
        .find_map(|p| verb.strip_suffix(p))
        .unwrap_or(verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_fall_back_to_their_base_and_root() {
        assert_eq!(verb("046"), Some("negotiated with"));
        assert_eq!(verb("0231"), Some("sought aid from"));
        assert_eq!(verb("1999"), Some("fought"));
        assert_eq!(verb("99"), None);
        assert_eq!(intransitive("negotiated with"), "negotiated");
        assert_eq!(intransitive("arrested"), "arrested");
    }

    #[test]
    fn every_root_and_base_code_of_cameo_has_a_verb() {
        // CAMEO's twenty roots, each with its "not specified" base code.
        for root in 1..=20 {
            assert!(verb(&format!("{root:02}")).is_some(), "root {root:02}");
            assert!(verb(&format!("{root:02}0")).is_some(), "base {root:02}0");
        }
    }
}
