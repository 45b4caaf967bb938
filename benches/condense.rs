//! Parse + condense throughput on real records, beside serde_json parsing the same records
//! (parse only) as a yardstick, measured in the same run.
//!
//! Records come from `$ALERT_DIGEST_BENCH_RECORDS` (JSON Lines; scripts/bench.sh makes it from
//! the dev data), else from the NWS alert lines in the dev data, else from the in-repo NWS
//! sample, so the bench runs in a fresh clone too. Each group's elements are records; divide the
//! bytes printed at start-up by the time for MB/s.

use std::borrow::Cow;
use std::hint::black_box;
use std::path::Path;

use alert_digest::{Digest, MAX_BUDGET, MAX_RECORD_BYTES, condense, parse_record};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;

const BUDGET: usize = 48;

fn load() -> (String, Vec<Vec<u8>>) {
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
struct Typed<'a> {
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

fn bench(c: &mut Criterion) {
    let (source, records) = load();
    let bytes: usize = records.iter().map(Vec::len).sum();
    let mut ok = 0usize;
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    for r in &records {
        if let Ok(rec) = parse_record(r, &mut scratch) {
            ok += usize::from(condense::<MAX_BUDGET>(&rec, BUDGET).is_ok());
        }
    }
    println!(
        "bench records: {} from {source}, {bytes} bytes, {ok} condense without error",
        records.len()
    );

    let mut group = c.benchmark_group("records");
    group.throughput(Throughput::Elements(records.len() as u64));
    group.bench_function("alert-digest parse+condense", |b| {
        let mut scratch = vec![0u8; MAX_RECORD_BYTES];
        b.iter(|| {
            for r in &records {
                if let Ok(rec) = parse_record(black_box(r), &mut scratch) {
                    let d: Result<Digest<MAX_BUDGET>, _> = condense(&rec, BUDGET);
                    black_box(&d);
                }
            }
        })
    });
    group.bench_function("alert-digest parse only", |b| {
        let mut scratch = vec![0u8; MAX_RECORD_BYTES];
        b.iter(|| {
            for r in &records {
                black_box(&parse_record(black_box(r), &mut scratch));
            }
        })
    });
    group.bench_function("serde_json parse, typed borrowed", |b| {
        b.iter(|| {
            for r in &records {
                black_box(&serde_json::from_slice::<Typed>(black_box(r)));
            }
        })
    });
    group.bench_function("serde_json parse, Value", |b| {
        b.iter(|| {
            for r in &records {
                black_box(&serde_json::from_slice::<serde_json::Value>(black_box(r)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
