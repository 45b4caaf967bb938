//! Rendering cost per screen for each layout, into the kind of buffer a board draws in: an
//! embedded-graphics `Framebuffer` of one bit a pixel. Beside it, what the pixel budget costs
//! when condensing (`condense_to_fit` with a layout's text area against a byte budget), and
//! identifying an e-ink frame for the refresh policy.
//!
//! Run: `cargo bench -p alert-digest --features graphics --bench render`.

use std::hint::black_box;

use alert_digest::display::refresh::frame_id;
use alert_digest::display::{EPD2IN13, Facts, LED32X8, Layout, MICROBIT, OLED128X64};
use alert_digest::{ByteBudget, MAX_BUDGET, condense_to_fit, parse_record};
use criterion::{Criterion, criterion_group, criterion_main};
use embedded_graphics::framebuffer::{Framebuffer, buffer_size};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::pixelcolor::raw::{BigEndian, RawU1};

#[path = "../tests/display_support/mod.rs"]
mod support;

use support::{D, NOW, RECORDS, condensed};

type Buffer<const W: usize, const H: usize, const N: usize> =
    Framebuffer<BinaryColor, RawU1, BigEndian, W, H, N>;

fn facts() -> Facts {
    Facts {
        now: NOW,
        unread: 3,
        total: RECORDS.len(),
        ..Facts::default()
    }
}

fn screens(c: &mut Criterion) {
    let mut group = c.benchmark_group("screen");

    let list = condensed(&EPD2IN13);
    let mut epd = Buffer::<250, 122, { buffer_size::<BinaryColor>(250, 122) }>::new();
    group.bench_function("epd2in13 list, 6 digests", |b| {
        b.iter(|| EPD2IN13.draw(&mut epd, black_box(&list), &facts()))
    });
    group.bench_function("epd2in13 frame_id (3,904 bytes)", |b| {
        b.iter(|| frame_id(black_box(epd.data())))
    });

    let cards = condensed(&OLED128X64);
    let mut oled = Buffer::<128, 64, { buffer_size::<BinaryColor>(128, 64) }>::new();
    group.bench_function("oled128x64 card", |b| {
        b.iter(|| OLED128X64.draw(&mut oled, black_box(&cards), &facts()))
    });

    let line = condensed(&LED32X8);
    let mid = LED32X8.frames(&line) / 2;
    let mut led = Buffer::<32, 8, { buffer_size::<BinaryColor>(32, 8) }>::new();
    group.bench_function("led32x8 frame, 6 digests", |b| {
        b.iter(|| {
            let f = Facts {
                frame: mid,
                ..facts()
            };
            LED32X8.draw(&mut led, black_box(&line), &f)
        })
    });

    let scroll = condensed(&MICROBIT);
    let mid = MICROBIT.frames(&scroll) / 2;
    let mut microbit = Buffer::<5, 5, { buffer_size::<BinaryColor>(5, 5) }>::new();
    group.bench_function("microbit frame, 6 digests", |b| {
        b.iter(|| {
            let f = Facts {
                frame: mid,
                ..facts()
            };
            MICROBIT.draw(&mut microbit, black_box(&scroll), &f)
        })
    });
    group.finish();
}

fn budgets(c: &mut Criterion) {
    let mut group = c.benchmark_group("condense drone");
    let json = RECORDS[0].as_bytes();
    let mut scratch = [0u8; 1024];
    group.bench_function("byte budget 48", |b| {
        b.iter(|| {
            let record = parse_record(black_box(json), &mut scratch).expect("parses");
            condense_to_fit::<MAX_BUDGET>(&record, &ByteBudget(48)).map(|d: D| d.text.len())
        })
    });
    let card = OLED128X64.text_area();
    group.bench_function("oled128x64 card area", |b| {
        b.iter(|| {
            let record = parse_record(black_box(json), &mut scratch).expect("parses");
            condense_to_fit::<MAX_BUDGET>(&record, &card).map(|d: D| d.text.len())
        })
    });
    let entry = EPD2IN13.text_area();
    group.bench_function("epd2in13 entry area", |b| {
        b.iter(|| {
            let record = parse_record(black_box(json), &mut scratch).expect("parses");
            condense_to_fit::<MAX_BUDGET>(&record, &entry).map(|d: D| d.text.len())
        })
    });
    group.finish();
}

criterion_group!(benches, screens, budgets);
criterion_main!(benches);
