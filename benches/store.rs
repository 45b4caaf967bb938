//! The store's cost per digest offered: a deterministic stream of alerts, repeats, updates and
//! cancels through a full store (so merging, replacing, retiring and evicting all happen).
//!
//! `cargo bench -p alert-digest --bench store`

use std::hint::black_box;

use alert_digest::store::{Signature, Store};
use alert_digest::{Digest, MsgType, Severity, id_hash};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Digests in the stream.
const STREAM: usize = 4096;
/// Distinct events: about one report in eight is a repeat of one still stored.
const EVENTS: u32 = 512;

fn stream() -> Vec<(Digest<48>, Signature)> {
    // A small LCG: the same stream on every run, with no dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u32
    };
    (0..STREAM)
        .map(|i| {
            let event = next() % EVENTS;
            let time = i as i64 * 60;
            let msg = match next() % 20 {
                0 => MsgType::Cancel,
                1 | 2 => MsgType::Update,
                _ => MsgType::Alert,
            };
            let reference = id_hash(&format!(
                "r{}",
                i.saturating_sub(1 + (next() % 40) as usize)
            ));
            let digest = Digest {
                id: id_hash(&format!("r{i}")),
                time: Some(time),
                end: Some(time + 3600 + i64::from(next() % 7200)),
                severity: Severity::from_level((next() % 5) as u8).unwrap_or_default(),
                urgency: Default::default(),
                certainty: Default::default(),
                kind: Default::default(),
                msg,
                refs: if msg == MsgType::Alert {
                    heapless::Vec::new()
                } else {
                    heapless::Vec::from_slice(&[reference]).unwrap_or_default()
                },
                count: 1,
                text: heapless::String::try_from("Tornado Warning, Jefferson AL, til 4:45 PM")
                    .unwrap_or_default(),
            };
            (digest, Signature(event))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let stream = stream();
    let mut group = c.benchmark_group("store");
    group.throughput(Throughput::Elements(STREAM as u64));
    group.bench_function("insert 4096 into Store<32, 48>", |b| {
        b.iter(|| {
            let mut store: Store<32, 48> = Store::new(3600);
            for (d, s) in &stream {
                black_box(store.insert(d.clone(), *s));
            }
            black_box(store.counters())
        })
    });
    group.finish();
    println!(
        "size_of Store<32, 48> = {} bytes, Store<16, 48> = {} bytes, Entry<48> = {} bytes",
        std::mem::size_of::<Store<32, 48>>(),
        std::mem::size_of::<Store<16, 48>>(),
        std::mem::size_of::<alert_digest::store::Entry<48>>()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
