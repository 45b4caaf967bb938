//! Link benchmarks.
//!
//! 1. Goodput over the simulated 115,200-baud wire (simulated time, so the figures are exact
//!    and the same on every machine): digests per second, the share of the line carrying
//!    digest frames sent for the first time (whole, and without their error-correction
//!    parity), the share carrying digest bytes, the frame overhead, and the frames the board
//!    repaired. Printed once, before criterion's measurements.
//! 2. CPU cost (criterion, wall time): encoding and receiving a digest frame, and simulating a
//!    stream of digests end to end.
//!
//!     cargo bench -p alert-digest-host --bench link

use std::hint::black_box;
use std::time::Duration;

use alert_digest::link::session::BOARD_FRAME_BYTES;
use alert_digest::link::{MAX_WIRE_FRAME, Message, Receiver, WireDigest, encode, fec};
use alert_digest_host::link::Outgoing;
use alert_digest_host::link::sim::{Faults, Sim, SimConfig, oled_board, synthetic_digests};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: u64 = 0xbe7c_0003;
/// 8N1: ten bits a byte.
const LINE_BYTES_PER_SEC: f64 = 115_200.0 / 10.0;

fn postcard_len(d: &WireDigest) -> usize {
    postcard::to_allocvec(d).map(|v| v.len()).unwrap_or(0)
}

fn wire_len(seq: u16, d: &WireDigest) -> usize {
    let mut buf = vec![0u8; MAX_WIRE_FRAME];
    encode(seq, &Message::Digest(d.clone()), &mut buf).unwrap_or(0)
}

/// Bytes of a frame's error-correction parity (with its COBS code byte).
fn parity_len(wire: usize) -> usize {
    let between = wire - 1; // the delimiter
    between - fec::split(between).unwrap_or(between)
}

/// COBS code bytes among a frame's COBS bytes: the bytes whose corruption would move zeros
/// around (many wrong bytes) if the parity were computed under COBS instead of over it.
fn cobs_code_bytes(seq: u16, d: &WireDigest) -> usize {
    let mut buf = vec![0u8; MAX_WIRE_FRAME];
    let len = encode(seq, &Message::Digest(d.clone()), &mut buf).unwrap_or(1);
    let data = fec::split(len - 1).unwrap_or(0);
    let (mut at, mut codes) = (0usize, 0usize);
    while at < data {
        codes += 1;
        at += usize::from(buf[at].max(1));
    }
    codes
}

struct Goodput {
    digests_per_sec: f64,
    frame_share: f64,
    frame_share_without_parity: f64,
    payload_share: f64,
    overhead: f64,
    parity: f64,
    retransmits: u64,
    repaired: u32,
}

fn goodput(digests: &[WireDigest], faults: Faults) -> Goodput {
    let mut config = SimConfig::clean(SEED, oled_board());
    config.to_board.faults = faults;
    config.to_host.faults = faults;
    let mut sim = Sim::new(config);
    // Let the handshake finish first: goodput is about the stream, not the greeting.
    sim.run_for(Duration::from_millis(100));
    let start = sim.now();
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    assert_eq!(sim.delivered.len(), digests.len());
    let secs = (sim.now() - start).as_secs_f64();
    let capacity = secs * LINE_BYTES_PER_SEC;
    let lens: Vec<usize> = digests
        .iter()
        .enumerate()
        .map(|(i, d)| wire_len(i as u16, d))
        .collect();
    let frames: usize = lens.iter().sum();
    let parity: usize = lens.iter().map(|&l| parity_len(l)).sum();
    let payload: usize = digests.iter().map(postcard_len).sum();
    let host = sim.host.stats();
    Goodput {
        digests_per_sec: digests.len() as f64 / secs,
        frame_share: frames as f64 / capacity,
        frame_share_without_parity: (frames - parity) as f64 / capacity,
        payload_share: payload as f64 / capacity,
        overhead: (frames - payload) as f64 / digests.len() as f64,
        parity: parity as f64 / digests.len() as f64,
        retransmits: host.retransmits,
        repaired: sim.board.stats().rx.corrected,
    }
}

fn report() {
    const COUNT: usize = 2000;
    eprintln!(
        "link goodput over a simulated 115200-baud 8N1 line ({COUNT} digests, seed {SEED:#x}):"
    );
    eprintln!(
        "{:<48} {:>9} {:>11} {:>14} {:>13} {:>13} {:>9} {:>11} {:>8}",
        "case",
        "digests/s",
        "frame share",
        "w/o parity",
        "payload share",
        "overhead B/fr",
        "parity B",
        "retransmits",
        "repaired"
    );
    for (label, min, max) in [
        ("text 20-48 B (budget 48)", 20, 48),
        ("text 100-160 B (budget 160)", 100, 160),
    ] {
        let digests = synthetic_digests(COUNT, min, max, SEED);
        let mean_frame = digests
            .iter()
            .enumerate()
            .map(|(i, d)| wire_len(i as u16, d))
            .sum::<usize>() as f64
            / COUNT as f64;
        let codes = digests
            .iter()
            .enumerate()
            .map(|(i, d)| cobs_code_bytes(i as u16, d))
            .sum::<usize>() as f64
            / COUNT as f64;
        eprintln!(
            "{label}: mean frame {mean_frame:.1} B, of which {codes:.2} COBS code bytes \
             ({:.1}% of frames have one hit at 1% byte corruption)",
            100.0 * (1.0 - 0.99f64.powf(codes))
        );
        // One frame in a hundred hit: the per-byte rate that damages 1% of mean-sized frames.
        let frame_rate = 1.0 - 0.99f64.powf(1.0 / mean_frame);
        for (case, faults) in [
            ("clean", Faults::default()),
            (
                "1% of frames corrupted",
                Faults {
                    corrupt: frame_rate,
                    ..Faults::default()
                },
            ),
            (
                "1% of bytes corrupted",
                Faults {
                    corrupt: 0.01,
                    ..Faults::default()
                },
            ),
        ] {
            let g = goodput(&digests, faults);
            eprintln!(
                "{:<48} {:>9.1} {:>10.1}% {:>13.1}% {:>12.1}% {:>13.1} {:>9.1} {:>11} {:>8}",
                format!("{label}, {case}"),
                g.digests_per_sec,
                100.0 * g.frame_share,
                100.0 * g.frame_share_without_parity,
                100.0 * g.payload_share,
                g.overhead,
                g.parity,
                g.retransmits,
                g.repaired
            );
        }
    }
}

fn benches(c: &mut Criterion) {
    report();
    let digest = synthetic_digests(1, 40, 40, SEED).remove(0);
    let msg = Message::Digest(digest.clone());
    let mut buf = vec![0u8; MAX_WIRE_FRAME];
    let len = encode(7, &msg, &mut buf).unwrap();
    let frame = buf[..len].to_vec();

    let mut group = c.benchmark_group("link_frame");
    group.throughput(Throughput::Bytes(len as u64));
    group.bench_function("encode_digest", |b| {
        b.iter(|| encode(black_box(7), black_box(&msg), &mut buf).unwrap())
    });
    group.bench_function("receive_digest", |b| {
        let mut rx: Receiver<BOARD_FRAME_BYTES> = Receiver::new();
        b.iter(|| {
            let (used, got) = rx.feed(black_box(&frame));
            assert!(got.is_some());
            used
        })
    });
    // The error correction's own share of those: parity for the frame's COBS bytes, and
    // checking (clean) or repairing (three wrong bytes) them.
    let data = fec::split(len - 1).unwrap_or(0);
    group.bench_function("fec_protect", |b| {
        b.iter(|| fec::protect(black_box(&mut buf), black_box(data)).unwrap())
    });
    group.bench_function("fec_repair_clean", |b| {
        let mut copy = frame.clone();
        b.iter(|| fec::repair(black_box(&mut copy[..len - 1])))
    });
    group.bench_function("fec_repair_three_bytes", |b| {
        let mut damaged = frame.clone();
        for at in [2, 20, 40] {
            damaged[at] ^= 0x5a;
        }
        let mut copy = damaged.clone();
        b.iter(|| {
            copy.copy_from_slice(&damaged);
            fec::repair(black_box(&mut copy[..len - 1]))
        })
    });
    group.finish();

    let digests = synthetic_digests(200, 20, 48, SEED);
    let mut group = c.benchmark_group("link_sim");
    group.sample_size(20);
    group.throughput(Throughput::Elements(digests.len() as u64));
    group.bench_function("stream_200_clean", |b| {
        b.iter(|| {
            let mut sim = Sim::new(SimConfig::clean(SEED, oled_board()));
            for (i, d) in digests.iter().enumerate() {
                sim.push(i as u64, Outgoing::Digest(d.clone()));
            }
            assert!(sim.run_until_idle());
        })
    });
    group.finish();
}

criterion_group!(link, benches);
criterion_main!(link);
