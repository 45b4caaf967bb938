//! GDELT 2.0 events exports (tab-separated, 61 columns, no header) to event records.
//!
//! Data: the GDELT Project (https://www.gdeltproject.org/), free and open; cite the GDELT
//! Project. Root events come first, ranked by how often the news mentioned them.

use alert_digest::condense::lexicon;
use alert_digest::record::MAX_NAME_BYTES;
use serde_json::{Map, Value};

use super::{Outcome, cameo, put_str, shorten};

/// GDELT 2.0 export columns (0-based), from the GDELT 2.0 event codebook.
mod col {
    pub const GLOBALEVENTID: usize = 0;
    pub const ACTOR1_NAME: usize = 6;
    pub const ACTOR2_NAME: usize = 16;
    pub const IS_ROOT_EVENT: usize = 25;
    pub const EVENT_CODE: usize = 26;
    pub const EVENT_ROOT_CODE: usize = 28;
    pub const NUM_MENTIONS: usize = 31;
    pub const NUM_SOURCES: usize = 32;
    pub const ACTION_GEO_TYPE: usize = 51;
    pub const ACTION_GEO_FULLNAME: usize = 52;
    pub const DATEADDED: usize = 59;
    pub const SOURCEURL: usize = 60;
    /// Columns in a GDELT 2.0 export row.
    pub const COUNT: usize = 61;
}

/// ActionGeo_Type 1: the place is a whole country.
const GEO_COUNTRY: &str = "1";

pub fn ingest(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    // GDELT does not quote fields: a stray quote is text, not a delimiter.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(bytes);
    let mut ranked = Vec::new();
    for (i, row) in reader.byte_records().enumerate() {
        let at = format!("line {}", i + 1);
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                outcome.skipped.push((at, format!("unreadable row: {e}")));
                continue;
            }
        };
        let fields: Vec<&str> = match row.iter().map(std::str::from_utf8).collect() {
            Ok(fields) => fields,
            Err(e) => {
                outcome.skipped.push((at, format!("not UTF-8: {e}")));
                continue;
            }
        };
        if fields.len() == 1 && fields[0].trim().is_empty() {
            continue;
        }
        match record(&fields) {
            Ok(Some((rank, r))) => ranked.push((rank, i, r)),
            Ok(None) => outcome.ignored += 1,
            Err(why) => outcome.skipped.push((at, why)),
        }
    }
    // Root events first, then the most mentioned; the feed's order breaks ties.
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    outcome.records = ranked.into_iter().map(|(_, _, r)| r).collect();
    outcome.ignored_why = "GDELT rows that name no acting party (Actor1)";
    outcome
}

/// A record and its rank: (root event, mentions).
type Ranked = ((bool, u32), Map<String, Value>);

/// The record for one row, with its rank (root event, mentions); `None` for a row that names
/// no acting party, which no headline could be written from.
fn record(f: &[&str]) -> Result<Option<Ranked>, String> {
    if f.len() != col::COUNT {
        return Err(format!(
            "expected {} tab-separated columns, found {}",
            col::COUNT,
            f.len()
        ));
    }
    let get = |i: usize| f.get(i).map(|s| s.trim()).filter(|s| !s.is_empty());
    let id = get(col::GLOBALEVENTID).ok_or("no GLOBALEVENTID")?;
    let code = get(col::EVENT_CODE).ok_or("no EventCode")?;
    let verb = cameo::verb(code).ok_or_else(|| format!("unknown CAMEO code {code}"))?;
    let mentions: u32 = match get(col::NUM_MENTIONS) {
        Some(n) => n
            .parse()
            .map_err(|_| format!("NumMentions {n:?} is not a count"))?,
        None => 0,
    };
    let root = get(col::IS_ROOT_EVENT) == Some("1");
    let Some(actor) = get(col::ACTOR1_NAME) else {
        return Ok(None);
    };
    let object = get(col::ACTOR2_NAME);
    let root_code: u8 = get(col::EVENT_ROOT_CODE)
        .and_then(|c| c.parse().ok())
        .ok_or("no EventRootCode")?;

    let mut r = Map::new();
    put_str(&mut r, "id", Some(&format!("gdelt-{id}")));
    if let Some(added) = get(col::DATEADDED) {
        put_str(&mut r, "time", Some(&timestamp(added)?));
    }
    r.insert("kind".into(), kind(root_code).into());
    put_str(&mut r, "severity", severity(root_code));
    put_str(&mut r, "actor", Some(&readable(actor)));
    let action = if object.is_some() {
        verb
    } else {
        cameo::intransitive(verb)
    };
    put_str(&mut r, "action", Some(action));
    if let Some(object) = object {
        put_str(&mut r, "object", Some(&readable(object)));
    }
    if let Some(geo) = get(col::ACTION_GEO_FULLNAME) {
        let mut parts = geo.split(',').map(str::trim).filter(|p| !p.is_empty());
        // A place that only repeats a party ("Chile criticized … in Chile") says nothing.
        let parties = [Some(actor), object].map(|p| p.map(readable));
        let place = parts
            .next()
            .filter(|p| !parties.iter().flatten().any(|n| n == p));
        let country = parts.next_back();
        put_str(
            &mut r,
            "place",
            place.map(|p| shorten(p, MAX_NAME_BYTES, &[' '])),
        );
        if get(col::ACTION_GEO_TYPE) != Some(GEO_COUNTRY) && country != place {
            put_str(&mut r, "region", country);
        }
        r.insert("relation".into(), "in".into());
    }
    let url = get(col::SOURCEURL);
    put_str(&mut r, "url", url);
    put_str(&mut r, "source", url.and_then(host));
    // Not schema fields (the core ignores them): how the event was ranked.
    r.insert("cameo".into(), code.into());
    r.insert("mentions".into(), mentions.into());
    if let Some(sources) = get(col::NUM_SOURCES).and_then(|s| s.parse::<u32>().ok()) {
        r.insert("sources".into(), sources.into());
    }
    Ok(Some(((root, mentions), r)))
}

/// DATEADDED (`YYYYMMDDHHMMSS`, UTC) as RFC 3339.
fn timestamp(added: &str) -> Result<String, String> {
    let ok = added.len() == 14 && added.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return Err(format!("DATEADDED {added:?} is not YYYYMMDDHHMMSS"));
    }
    Ok(format!(
        "{}-{}-{}T{}:{}:{}Z",
        &added[0..4],
        &added[4..6],
        &added[6..8],
        &added[8..10],
        &added[10..12],
        &added[12..14]
    ))
}

/// The schema kind for a CAMEO root code: talk and cooperation are diplomacy, pressure short
/// of force is politics, force is conflict (military when it is fighting).
fn kind(root: u8) -> &'static str {
    match root {
        1..=8 | 16 => "diplomacy",
        9..=12 | 14 => "politics",
        13 | 17 | 18 => "conflict",
        15 | 19 | 20 => "military",
        _ => "other",
    }
}

/// How bad an event of a CAMEO root is for people near it: mass violence is extreme, fighting
/// and assault severe, threats, force posture and coercion moderate, the rest minor.
fn severity(root: u8) -> Option<&'static str> {
    Some(match root {
        20 => "extreme",
        18 | 19 => "severe",
        13 | 15 | 17 => "moderate",
        1..=16 => "minor",
        _ => return None,
    })
}

/// GDELT's ALL-CAPS names in readable case: "UNITED STATES" -> "United States", "THE EU" ->
/// "EU", "UN SECURITY COUNCIL" -> "UN Security Council". Acronyms known to the core's lexicon
/// stay upper case.
pub fn readable(name: &str) -> String {
    let name = name.strip_prefix("THE ").unwrap_or(name);
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            if lexicon::contains(lexicon::ACRONYMS, word)
                || word.chars().any(|c| c.is_ascii_digit())
            {
                word.to_owned()
            } else if i > 0 && lexicon::contains(lexicon::SMALL_WORDS, word) {
                word.to_lowercase()
            } else {
                capitalise(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "KURIL'SK" -> "Kuril'sk", "AL-QAEDA" -> "Al-Qaeda".
fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = c == '-' || c == '/';
    }
    out
}

/// The host of a URL, without "www.": the outlet that reported the event.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_caps_names_become_readable() {
        assert_eq!(readable("UNITED STATES"), "United States");
        assert_eq!(readable("THE EU"), "EU");
        assert_eq!(readable("UN SECURITY COUNCIL"), "UN Security Council");
        assert_eq!(readable("MINISTRY OF DEFENSE"), "Ministry of Defense");
        assert_eq!(readable("AL-QAEDA"), "Al-Qaeda");
        assert_eq!(readable("Already Mixed"), "Already Mixed");
    }

    #[test]
    fn dateadded_becomes_rfc3339() {
        assert_eq!(
            timestamp("20191024143000").as_deref(),
            Ok("2019-10-24T14:30:00Z")
        );
        assert!(timestamp("2019").is_err());
    }

    #[test]
    fn hosts_lose_their_www() {
        assert_eq!(host("https://www.example.com/a?b"), Some("example.com"));
    }
}
