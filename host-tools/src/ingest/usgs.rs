//! The USGS earthquake GeoJSON summary feed to event records.

use anyhow::Context as _;
use serde_json::{Map, Number, Value};

use super::{Outcome, put_str};

pub fn ingest(bytes: &[u8]) -> anyhow::Result<Outcome> {
    let doc: Value = serde_json::from_slice(bytes).context("USGS feed is not valid JSON")?;
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .context("USGS feed has no `features` list")?;
    let mut outcome = Outcome::default();
    for (i, f) in features.iter().enumerate() {
        match record(f) {
            Ok(r) => outcome.records.push(r),
            Err(why) => outcome.skipped.push((format!("feature {}", i + 1), why)),
        }
    }
    Ok(outcome)
}

fn record(f: &Value) -> Result<Map<String, Value>, String> {
    let p = f.get("properties").ok_or("feature has no properties")?;
    let text = |k: &str| p.get(k).and_then(Value::as_str);
    let id = f
        .get("id")
        .and_then(Value::as_str)
        .ok_or("feature has no id")?;
    let mag = p
        .get("mag")
        .and_then(Value::as_f64)
        .ok_or("event has no magnitude")?;
    let mut r = Map::new();
    put_str(&mut r, "id", Some(id));
    if let Some(ms) = p.get("time").and_then(Value::as_i64) {
        r.insert("time".into(), Value::Number(ms.div_euclid(1000).into()));
    }
    r.insert("kind".into(), "quake".into());
    r.insert(
        "magnitude".into(),
        Number::from_f64(mag).map_or(Value::Null, Value::Number),
    );
    // The feed's title names any event that is not an earthquake: "M 1.5 Quarry Blast - …".
    if let Some(kind) = text("type").filter(|t| *t != "earthquake") {
        put_str(&mut r, "object", Some(&title_case(kind)));
    }
    put_str(&mut r, "place", text("place"));
    // PAGER's alert level is USGS's own estimate of the impact: the closest thing to a CAP
    // severity the feed has. Without one, a quake's severity is unknown.
    put_str(&mut r, "severity", text("alert").and_then(alert_severity));
    put_str(&mut r, "headline", text("title"));
    put_str(&mut r, "url", text("url"));
    r.insert("source".into(), "USGS".into());
    // Not schema fields (the core ignores them): kept for whoever reads the records. USGS
    // sets `tsunami` for large oceanic events; it does not say that a tsunami exists.
    put_str(&mut r, "alert", text("alert"));
    if let Some(t) = p.get("tsunami").and_then(Value::as_i64) {
        r.insert("tsunami".into(), Value::Bool(t != 0));
    }
    Ok(r)
}

/// PAGER alert levels as CAP severities.
fn alert_severity(level: &str) -> Option<&'static str> {
    match level {
        "green" => Some("minor"),
        "yellow" => Some("moderate"),
        "orange" => Some("severe"),
        "red" => Some("extreme"),
        _ => None,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
