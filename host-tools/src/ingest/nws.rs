//! api.weather.gov alerts (CAP in GeoJSON) to event records, and the CAP-to-record mapping
//! that the CAP XML reader shares.

use alert_digest::record::{MAX_HEADLINE_BYTES, MAX_NAME_BYTES, MAX_REFS};
use serde_json::{Map, Value};

use super::{Outcome, put_str, shorten};

/// How much of an alert's description a record carries: the lead paragraphs, leaving room in
/// the record limit for everything else.
const DESCRIPTION_BYTES: usize = 1024;

/// One CAP alert's fields, however the feed wrote them (GeoJSON properties or CAP XML).
#[derive(Default)]
pub struct Alert<'a> {
    pub id: Option<&'a str>,
    pub sent: Option<&'a str>,
    pub status: Option<&'a str>,
    pub msg_type: Option<&'a str>,
    /// Identifiers of the earlier messages, oldest first.
    pub references: Vec<&'a str>,
    pub category: Option<&'a str>,
    pub event: Option<&'a str>,
    pub severity: Option<&'a str>,
    pub urgency: Option<&'a str>,
    pub certainty: Option<&'a str>,
    /// When the hazard ends (NWS `ends`, CAP `eventEndingTime`).
    pub ends: Option<&'a str>,
    /// When the message stops being valid.
    pub expires: Option<&'a str>,
    /// Areas, already joined with "; " as NWS writes `areaDesc`.
    pub area: Option<String>,
    pub headline: Option<&'a str>,
    pub description: Option<&'a str>,
    pub sender_name: Option<&'a str>,
}

impl Alert<'_> {
    /// The event record, or why there is none.
    pub fn record(&self) -> Result<Map<String, Value>, String> {
        let id = self.id.ok_or("alert has no identifier")?;
        let event = self.event.ok_or("alert has no event name")?;
        if let Some(status) = self.status.filter(|s| !s.eq_ignore_ascii_case("actual")) {
            return Err(format!("status {status}: not an actual alert"));
        }
        let mut r = Map::new();
        put_str(&mut r, "id", Some(id));
        put_str(&mut r, "time", self.sent);
        r.insert("kind".into(), kind(self.category, event).into());
        put_str(&mut r, "severity", self.severity.filter(|s| known(s)));
        put_str(&mut r, "urgency", self.urgency.filter(|s| known(s)));
        put_str(&mut r, "certainty", self.certainty.filter(|s| known(s)));
        put_str(&mut r, "object", Some(event));
        put_str(
            &mut r,
            "place",
            self.area
                .as_deref()
                .map(|a| shorten(a, MAX_NAME_BYTES, &[';'])),
        );
        put_str(&mut r, "until", self.ends);
        put_str(&mut r, "expires", self.expires);
        put_str(
            &mut r,
            "headline",
            self.headline
                .map(|h| shorten(h, MAX_HEADLINE_BYTES, &[' '])),
        );
        put_str(
            &mut r,
            "text",
            self.description
                .map(|d| shorten(d, DESCRIPTION_BYTES, &['\n', ' '])),
        );
        put_str(
            &mut r,
            "msg",
            self.msg_type.filter(|m| !m.eq_ignore_ascii_case("ack")),
        );
        put_str(&mut r, "source", self.sender_name.or(Some("NWS")));
        // An update names the whole chain; the newest references matter most.
        let keep = self.references.len().saturating_sub(MAX_REFS);
        if !self.references.is_empty() {
            let refs = self.references[keep..]
                .iter()
                .map(|s| Value::String((*s).into()))
                .collect();
            r.insert("refs".into(), Value::Array(refs));
        }
        Ok(r)
    }
}

/// CAP's "Unknown" is the schema's default; leaving it out keeps records short.
fn known(word: &str) -> bool {
    !word.eq_ignore_ascii_case("unknown")
}

/// The schema kind for a CAP category (NWS alerts are all "Met").
fn kind(category: Option<&str>, event: &str) -> &'static str {
    match category.map(str::to_ascii_lowercase).as_deref() {
        None | Some("met") => "weather",
        Some("geo") if event.to_ascii_lowercase().contains("earthquake") => "quake",
        Some("fire") => "fire",
        Some("health") => "health",
        Some("transport") => "transport",
        _ => "other",
    }
}

/// Reads a FeatureCollection, a single Feature, or JSON Lines of properties objects.
pub fn ingest(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    // A whole document first; JSON Lines otherwise.
    if let Ok(doc) = serde_json::from_slice::<Value>(bytes) {
        match doc.get("features").and_then(Value::as_array) {
            Some(features) => {
                for (i, f) in features.iter().enumerate() {
                    add(&mut outcome, format!("feature {}", i + 1), f);
                }
            }
            None => add(&mut outcome, "document".into(), &doc),
        }
        return outcome;
    }
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let at = format!("line {}", i + 1);
        match serde_json::from_slice::<Value>(line) {
            Ok(v) => add(&mut outcome, at, &v),
            Err(e) => outcome.skipped.push((at, format!("invalid JSON: {e}"))),
        }
    }
    outcome
}

fn add(outcome: &mut Outcome, at: String, item: &Value) {
    // A Feature carries its alert in `properties`; a properties line is the alert itself.
    let props = item.get("properties").unwrap_or(item);
    match alert(props).record() {
        Ok(r) => outcome.records.push(r),
        Err(why) => outcome.skipped.push((at, why)),
    }
}

fn alert(p: &Value) -> Alert<'_> {
    let text = |k: &str| p.get(k).and_then(Value::as_str);
    let references = p
        .get("references")
        .and_then(Value::as_array)
        .map(|refs| {
            refs.iter()
                .filter_map(|x| x.get("identifier").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    Alert {
        id: text("id").or_else(|| text("@id")),
        sent: text("sent").or_else(|| text("effective")),
        status: text("status"),
        msg_type: text("messageType"),
        references,
        category: text("category"),
        event: text("event"),
        severity: text("severity"),
        urgency: text("urgency"),
        certainty: text("certainty"),
        ends: text("ends"),
        expires: text("expires"),
        area: text("areaDesc").map(str::to_owned),
        headline: text("headline"),
        description: text("description"),
        sender_name: text("senderName"),
    }
}
