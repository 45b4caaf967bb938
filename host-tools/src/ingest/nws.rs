//! api.weather.gov alerts (CAP in GeoJSON) to event records.

use alert_digest::record::{MAX_HEADLINE_BYTES, MAX_NAME_BYTES, MAX_REFS};
use serde_json::{Map, Value};

use super::{Outcome, put_str, shorten};

/// How much of an alert's description a record carries: the lead paragraphs, leaving room in
/// the record limit for everything else.
const DESCRIPTION_BYTES: usize = 1024;

/// Reads a FeatureCollection, a single Feature, or JSON Lines of properties objects.
pub fn ingest(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome {
        records: Vec::new(),
        skipped: Vec::new(),
    };
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
    match record(props) {
        Ok(r) => outcome.records.push(r),
        Err(why) => outcome.skipped.push((at, why)),
    }
}

fn record(p: &Value) -> Result<Map<String, Value>, String> {
    let text = |k: &str| p.get(k).and_then(Value::as_str);
    let id = text("id")
        .or_else(|| text("@id"))
        .ok_or("alert has no id")?;
    let event = text("event").ok_or("alert has no event name")?;
    let mut r = Map::new();
    put_str(&mut r, "id", Some(id));
    put_str(&mut r, "time", text("sent").or_else(|| text("effective")));
    r.insert("kind".into(), "weather".into());
    put_str(&mut r, "severity", text("severity"));
    put_str(&mut r, "urgency", text("urgency"));
    put_str(&mut r, "certainty", text("certainty"));
    put_str(&mut r, "object", Some(event));
    put_str(
        &mut r,
        "place",
        text("areaDesc").map(|a| shorten(a, MAX_NAME_BYTES, &[';'])),
    );
    put_str(&mut r, "until", text("ends"));
    put_str(&mut r, "expires", text("expires"));
    put_str(
        &mut r,
        "headline",
        text("headline").map(|h| shorten(h, MAX_HEADLINE_BYTES, &[' '])),
    );
    put_str(
        &mut r,
        "text",
        text("description").map(|d| shorten(d, DESCRIPTION_BYTES, &['\n', ' '])),
    );
    put_str(&mut r, "msg", text("messageType"));
    put_str(&mut r, "source", text("senderName").or(Some("NWS")));
    if let Some(refs) = p.get("references").and_then(Value::as_array) {
        // The newest references matter for an update; the API lists them oldest first.
        let ids: Vec<Value> = refs
            .iter()
            .filter_map(|x| x.get("identifier").and_then(Value::as_str))
            .map(|s| Value::String(s.into()))
            .collect();
        let keep = ids.len().saturating_sub(MAX_REFS);
        if !ids.is_empty() {
            r.insert("refs".into(), Value::Array(ids[keep..].to_vec()));
        }
    }
    Ok(r)
}
