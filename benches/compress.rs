//! Free-text condensing (issue 7): `condense` of text-only records, at 48 and 64 bytes.
//!
//! The records are written for this benchmark (no dev data needed): a sentence that already
//! fits, the 300-byte sentence the board's instruction count uses, a wire lead with a dateline,
//! titles and attribution, a 2 KB article whose lead is a question, and an ALL-CAPS headline.
//! Each element is one record condensed once (parsing is not included: benches/condense.rs
//! measures it).

use std::hint::black_box;

use alert_digest::{Digest, EventRecord, MAX_BUDGET, condense};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SHORT: &str = "A storm has closed the port of Elm for two days.";

/// The text of the 300-byte record in boards/qemu-lm3s6965/src/bin/icount.rs.
const SENTENCE_300: &str = "Officials in Tulsa County said on Monday that a line of severe \
    thunderstorms had brought down power lines across the northern suburbs overnight, leaving \
    about 12,000 homes without electricity, and that repair crews from two neighbouring states \
    were on their way to help restore service before temperatures fall again.";

const WIRE_LEAD: &str = "RIVERTON (Wire) - State Governor Jane Smith said on Tuesday that the \
    United States will send 300 engineers to rebuild the Elm River bridge, which collapsed in \
    March, according to two officials familiar with the plans.";

const ALL_CAPS: &str = "RIVERTON COUNTY SHERIFF SAYS TWO MEN ARRESTED AFTER ARMED ROBBERY AT \
    FIRST NATIONAL BANK BRANCH ON MAIN STREET";

fn article() -> String {
    let mut text = String::from(
        "What happens when a river runs dry? In the town of Port Elm, officials said on \
         Wednesday that the harbor has been closed to shipping for the first time in forty \
         years after water levels fell below three meters. ",
    );
    while text.len() < 2000 {
        text.push_str(
            "Barges carrying grain and fuel were turned back at the lock, and the port \
             authority warned that the closure could last until the autumn rains arrive. ",
        );
    }
    text
}

fn bench(c: &mut Criterion) {
    let article = article();
    let records: [(&str, EventRecord); 5] = [
        ("short", text_record(SHORT)),
        ("sentence-300", text_record(SENTENCE_300)),
        ("wire-lead", text_record(WIRE_LEAD)),
        ("article-2k", text_record(&article)),
        (
            "all-caps-headline",
            EventRecord {
                id: "bench",
                headline: Some(ALL_CAPS),
                ..EventRecord::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("compress");
    group.throughput(Throughput::Elements(1));
    for budget in [48usize, 64] {
        for (name, record) in &records {
            let digest: Digest<MAX_BUDGET> = condense(record, budget).expect("condenses");
            println!("{name} at {budget}: {:?}", digest.text.as_str());
            group.bench_with_input(BenchmarkId::new(*name, budget), record, |b, r| {
                b.iter(|| {
                    let d: Result<Digest<MAX_BUDGET>, _> = condense(black_box(r), budget);
                    black_box(d)
                })
            });
        }
    }
    group.finish();
}

fn text_record(text: &str) -> EventRecord<'_> {
    EventRecord {
        id: "bench",
        text: Some(text),
        ..EventRecord::default()
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
