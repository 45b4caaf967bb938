//! What the demo streams: three moments, oldest first, each from bundled data (built into the
//! binary, so the demo runs from any folder): a week of USGS earthquakes, NWS alerts in force
//! one October evening (both public domain, in tests/fixtures/samples), and the seed report.
//! The samples go through the same ingest code as `alert-digest ingest`.

use alert_digest::{DEFAULT_BUDGET, Digest, MAX_BUDGET, MAX_RECORD_BYTES, condense, parse_record};
use anyhow::{Context as _, bail};
use serde_json::{Map, Value};

use crate::ingest;

const SEED: &str = include_str!("../../../tests/fixtures/seed/events.jsonl");
const NWS: &[u8] = include_bytes!("../../../tests/fixtures/samples/nws-sample.jsonl");
const USGS: &[u8] = include_bytes!("../../../tests/fixtures/samples/usgs-sample.geojson");

/// Quakes shown: "strong" and above on the USGS magnitude classes, the ones felt widely.
const STRONG_MAGNITUDE: f64 = 6.0;
/// The seed's panels are seen half an hour after its latest report (as in the preview tests).
const SEED_SEEN_AFTER_S: i64 = 30 * 60;

/// One moment: records sent in order, with the host's clock set to `now`.
pub struct Scene {
    pub title: &'static str,
    /// Where the records come from, for the heading.
    pub source: &'static str,
    /// Unix seconds: the host's clock for this scene (ages on the panels count from it).
    pub now: i64,
    /// Record JSON, in the order sent.
    pub records: Vec<Vec<u8>>,
}

/// The scenes, oldest first (a board's store keeps time moving forward).
pub fn scenes() -> anyhow::Result<Vec<Scene>> {
    Ok(vec![quakes()?, weather()?, seed()?])
}

/// A record with the digest fields the selection reads (time, end, severity).
struct Candidate {
    json: Vec<u8>,
    digest: Digest<MAX_BUDGET>,
    fields: Map<String, Value>,
}

fn candidates(records: Vec<Map<String, Value>>) -> anyhow::Result<Vec<Candidate>> {
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    records
        .into_iter()
        .map(|fields| {
            let json = serde_json::to_vec(&fields)?;
            let digest = parse_record(&json, &mut scratch)
                .and_then(|record| condense(&record, DEFAULT_BUDGET))
                .map_err(|e| anyhow::anyhow!("a bundled record does not condense: {e}"))?;
            Ok(Candidate {
                json,
                digest,
                fields,
            })
        })
        .collect()
}

/// The strong quakes of the week, in the order they happened; now is the feed's latest event.
fn quakes() -> anyhow::Result<Scene> {
    let outcome = ingest::usgs::ingest(USGS)?;
    let all = candidates(outcome.records)?;
    let now = all
        .iter()
        .filter_map(|c| c.digest.time)
        .max()
        .context("the USGS sample has no times")?;
    let mut strong: Vec<&Candidate> = all
        .iter()
        .filter(|c| {
            c.fields
                .get("magnitude")
                .and_then(Value::as_f64)
                .is_some_and(|m| m >= STRONG_MAGNITUDE)
        })
        .collect();
    strong.sort_by_key(|c| c.digest.time);
    Ok(Scene {
        title: "USGS earthquakes of magnitude 6 and more, the week to 7 April 2023",
        source: "tests/fixtures/samples/usgs-sample.geojson (USGS, public domain)",
        now,
        records: strong.iter().map(|c| c.json.clone()).collect(),
    })
}

/// The NWS alerts in force when the sample's most severe alert was issued, in the order they
/// were issued (so that one comes last, and takes the screen); now is that moment.
fn weather() -> anyhow::Result<Scene> {
    let outcome = ingest::nws::ingest(NWS);
    let all = candidates(outcome.records)?;
    let Some(top) = all
        .iter()
        .filter(|c| c.digest.time.is_some())
        .max_by_key(|c| (c.digest.severity, std::cmp::Reverse(c.digest.time)))
    else {
        bail!("the NWS sample has no timed alerts");
    };
    let moment = top.digest.time.unwrap_or_default();
    let mut in_force: Vec<&Candidate> = all
        .iter()
        .filter(|c| {
            c.digest.time.is_some_and(|t| t <= moment) && c.digest.end.is_some_and(|e| e > moment)
        })
        .collect();
    in_force.sort_by_key(|c| c.digest.time);
    Ok(Scene {
        title: "NWS alerts in force as a Tornado Watch is issued, 18 October 2025",
        source: "tests/fixtures/samples/nws-sample.jsonl (NWS, public domain)",
        now: moment,
        records: in_force.iter().map(|c| c.json.clone()).collect(),
    })
}

/// The seed report's five records, in its order.
fn seed() -> anyhow::Result<Scene> {
    let records: Vec<Map<String, Value>> = SEED
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .context("the seed is not JSON Lines")?;
    let all = candidates(records)?;
    let latest = all
        .iter()
        .filter_map(|c| c.digest.time)
        .max()
        .context("the seed has no times")?;
    Ok(Scene {
        title: "The seed report: NextFin News, 3 February 2026",
        source: "tests/fixtures/seed/events.jsonl",
        now: latest + SEED_SEEN_AFTER_S,
        records: all.into_iter().map(|c| c.json).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(scene: &Scene) -> Vec<String> {
        let mut scratch = vec![0u8; MAX_RECORD_BYTES];
        scene
            .records
            .iter()
            .map(|json| {
                let record = parse_record(json, &mut scratch).unwrap();
                let d: Digest<MAX_BUDGET> = condense(&record, 40).unwrap();
                d.text.as_str().to_owned()
            })
            .collect()
    }

    #[test]
    fn the_scenes_are_in_time_order_and_end_with_the_seed() {
        let scenes = scenes().unwrap();
        assert_eq!(scenes.len(), 3);
        assert!(scenes.windows(2).all(|w| w[0].now < w[1].now));
        let seed = texts(&scenes[2]);
        assert_eq!(seed[0], "Drone downed near USS Abraham Lincoln");
        assert_eq!(seed.len(), 5);
        // 2026-02-03T20:30:00Z, half an hour after the last report.
        assert_eq!(scenes[2].now, 1_770_150_600);
    }

    #[test]
    fn the_samples_pick_strong_quakes_and_the_alerts_in_force() {
        let scenes = scenes().unwrap();
        // Checked by hand against `alert-digest ingest --from usgs` of the sample: the five
        // quakes of magnitude 6 or more, oldest first.
        let quakes = texts(&scenes[0]);
        assert_eq!(quakes.len(), 5, "{quakes:?}");
        assert!(quakes[0].starts_with("M 7.0"), "{quakes:?}");
        assert!(
            quakes
                .iter()
                .all(|q| q.starts_with("M 6") || q.starts_with("M 7"))
        );
        // The Tornado Watch (Extreme) is the sample's most severe alert and comes last.
        let weather = texts(&scenes[1]);
        assert!(weather.len() >= 3, "{weather:?}");
        assert!(
            weather.last().unwrap().starts_with("Tornado Watch"),
            "{weather:?}"
        );
    }
}
