//! What both core benchmarks share: the records they run on, and serde_json's typed parse of
//! them as the yardstick.

use std::borrow::Cow;
use std::path::Path;

use alert_digest::MAX_RECORD_BYTES;
use serde::Deserialize;

/// Records from `$ALERT_DIGEST_BENCH_RECORDS` (JSON Lines; scripts/bench makes it from the dev
/// data), else the NWS alert lines in the dev data, else the in-repo NWS sample, so the
/// benchmarks run in a fresh clone too. Returns where they came from, and the lines.
pub fn load() -> (String, Vec<Vec<u8>>) {
    let candidates = [
        std::env::var("ALERT_DIGEST_BENCH_RECORDS").unwrap_or_default(),
        "../shared/data/nws-alerts/alerts.jsonl".into(),
        "tests/fixtures/samples/nws-sample.jsonl".into(),
    ];
    for path in candidates.iter().filter(|p| !p.is_empty()) {
        if let Ok(text) = std::fs::read_to_string(Path::new(path)) {
            let lines = text
                .lines()
                .filter(|l| !l.trim().is_empty() && l.len() <= MAX_RECORD_BYTES)
                .map(|l| l.as_bytes().to_vec())
                .collect();
            return (path.clone(), lines);
        }
    }
    panic!("no bench records found");
}

/// The schema's fields as serde_json would read them with borrowing: a fair yardstick (no DOM).
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Typed<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    time: Option<serde_json::Value>,
    #[serde(borrow)]
    kind: Option<Cow<'a, str>>,
    severity: Option<serde_json::Value>,
    #[serde(borrow)]
    urgency: Option<Cow<'a, str>>,
    #[serde(borrow)]
    certainty: Option<Cow<'a, str>>,
    #[serde(borrow)]
    actor: Option<Cow<'a, str>>,
    #[serde(borrow)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow)]
    object: Option<Cow<'a, str>>,
    #[serde(borrow)]
    place: Option<Cow<'a, str>>,
    #[serde(borrow)]
    relation: Option<Cow<'a, str>>,
    #[serde(borrow)]
    region: Option<Cow<'a, str>>,
    magnitude: Option<serde_json::Value>,
    #[serde(borrow)]
    unit: Option<Cow<'a, str>>,
    until: Option<serde_json::Value>,
    #[serde(borrow)]
    headline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source: Option<Cow<'a, str>>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    msg: Option<Cow<'a, str>>,
    refs: Option<serde_json::Value>,
    expires: Option<serde_json::Value>,
}
