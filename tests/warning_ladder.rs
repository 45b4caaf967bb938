//! The warning ladder's shortening rules (issue 6), one alert each, at the 48-byte budget the
//! issue measures. The zone names are real NWS zones (public domain; see the fixtures README);
//! every expected digest was worked out by hand from the documented order of steps (the
//! `Warning` ladder in src/condense/templates.rs), byte counts in the comments.

use alert_digest::{Digest, condense, parse_record};

const BUDGET: usize = 48;

fn digest(event: &str, area: &str, sent: &str, until: &str) -> String {
    let json = format!(
        r#"{{"id":"w","time":"{sent}","kind":"weather","severity":"moderate","object":"{event}","place":"{area}","until":"{until}"}}"#
    );
    let mut scratch = [0u8; 1024];
    let record = parse_record(json.as_bytes(), &mut scratch).expect("valid record");
    let digest: Digest<BUDGET> = condense(&record, BUDGET).expect("condenses");
    digest.text.to_string()
}

#[test]
fn event_words_take_their_short_forms_then_contractions_before_the_end_time_goes() {
    // "Heavy Freezing Spray Warning, Cape Halkett til 5AM" is 50 bytes; with "Hvy" it is 48
    // and keeps the time, so "Freezing" stays.
    assert_eq!(
        digest(
            "Heavy Freezing Spray Warning",
            "Cape Halkett to Flaxman Island from 15 to 80 NM",
            "2025-10-17T03:00:00-08:00",
            "2025-10-17T05:00:00-08:00",
        ),
        "Hvy Freezing Spray Warning, Cape Halkett til 5AM"
    );
    // Further on, "Hvy Freezing Spray Warning, Flaxman Isl. til 5AM Sat" (area short forms
    // first) is 52; the contraction "Frz" makes it 47. 2025-10-18 was a Saturday.
    assert_eq!(
        digest(
            "Heavy Freezing Spray Warning",
            "Flaxman Island to Demarcation Point from 15 to 75 NM",
            "2025-10-16T15:00:00-08:00",
            "2025-10-18T05:00:00-08:00",
        ),
        "Hvy Frz Spray Warning, Flaxman Isl. til 5AM Sat"
    );
    // "Special Marine Warning, Schoodic Point ME til 6PM" is 49 and no short form applies; the
    // contraction "Spcl" makes it 46, and the state stays because nothing more is needed.
    assert_eq!(
        digest(
            "Special Marine Warning",
            "Coastal Waters from Schoodic Point, ME to Stonington, ME out 25 NM",
            "2025-10-18T15:00:00-04:00",
            "2025-10-18T18:00:00-04:00",
        ),
        "Spcl Marine Warning, Schoodic Point ME til 6PM"
    );
}

#[test]
fn area_words_take_their_short_forms_before_the_end_time_goes() {
    // "High Wind Warning, North Snowy Range Foothills til 9AM" is 54 bytes and the event has
    // no short form; "N" and "Fthls" make it 46.
    assert_eq!(
        digest(
            "High Wind Warning",
            "North Snowy Range Foothills",
            "2025-10-17T03:00:00-06:00",
            "2025-10-17T09:00:00-06:00",
        ),
        "High Wind Warning, N Snowy Range Fthls til 9AM"
    );
    // "Cntrl" and "Cstl": "Rip Current Stmt, Coastal Palm Beach Co til 8PM Fri" is 51 (the
    // end is more than a day away, so it names its day); 48 with "Cstl".
    assert_eq!(
        digest(
            "Rip Current Statement",
            "Coastal Palm Beach County",
            "2025-10-16T15:00:00-04:00",
            "2025-10-17T20:00:00-04:00",
        ),
        "Rip Current Stmt, Cstl Palm Beach Co til 8PM Fri"
    );
}

#[test]
fn the_state_code_goes_before_the_end_time() {
    // "Hazard Seas Warning, Cape Shoalwater WA til 8AM Wed" is 51 bytes and no area word has a
    // short form; without "WA" it is 48. 2025-10-22 was a Wednesday.
    assert_eq!(
        digest(
            "Hazardous Seas Warning",
            "Coastal waters from Cape Shoalwater WA to Cape Falcon OR out 10 nm",
            "2025-10-20T03:00:00-07:00",
            "2025-10-22T08:00:00-07:00",
        ),
        "Hazard Seas Warning, Cape Shoalwater til 8AM Wed"
    );
}

#[test]
fn a_list_of_places_joined_by_slashes_keeps_its_first() {
    // The whole area with the time is 65 bytes; its first place, "Arlington", makes 41.
    assert_eq!(
        digest(
            "Coastal Flood Advisory",
            "Arlington/Falls Church/Alexandria",
            "2025-10-18T15:00:00-04:00",
            "2025-10-18T21:00:00-04:00",
        ),
        "Coastal Flood Advisory, Arlington til 9PM"
    );
}

#[test]
fn us_waters_is_implied_and_the_time_goes_last() {
    // Even "Small Craft Adv, W Ent. Strait Of Juan De Fuca til 6AM" is 54 bytes, so the time
    // goes; the area in short forms, without "U.S. Waters" (every NWS zone is), is 46.
    assert_eq!(
        digest(
            "Small Craft Advisory",
            "West Entrance U.S. Waters Strait Of Juan De Fuca",
            "2025-10-19T14:00:00-07:00",
            "2025-10-20T06:00:00-07:00",
        ),
        "Small Craft Adv, W Ent. Strait Of Juan De Fuca"
    );
}

#[test]
fn a_warning_that_fits_is_not_shortened() {
    // 42 bytes as written: no step past the first is needed.
    assert_eq!(
        digest(
            "Tornado Warning",
            "Jefferson, AL",
            "2025-10-18T16:00:00-05:00",
            "2025-10-18T16:45:00-05:00",
        ),
        "Tornado Warning, Jefferson AL, til 4:45 PM"
    );
}
