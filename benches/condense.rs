//! Parse + condense throughput on real records, beside serde_json parsing the same records
//! (parse only) as a yardstick, measured in the same run.
//!
//! Records come from `$ALERT_DIGEST_BENCH_RECORDS` (JSON Lines; scripts/bench.sh makes it from
//! the dev data), else from the NWS alert lines in the dev data, else from the in-repo NWS
//! sample, so the bench runs in a fresh clone too. Each group's elements are records; divide the
//! bytes printed at start-up by the time for MB/s.

use std::hint::black_box;

use alert_digest::{Digest, MAX_BUDGET, MAX_RECORD_BYTES, condense, parse_record};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod yardstick;
use yardstick::{Typed, load};

const BUDGET: usize = 48;

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
