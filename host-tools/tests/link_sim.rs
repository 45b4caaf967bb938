//! The link under injected faults, through the simulator (real session code on both ends, a
//! modelled wire; see `alert_digest_host::link::sim`). Fixed seeds: every run is the same run.

use std::time::Duration;

use alert_digest::link::BoardStats;
use alert_digest_host::link::sim::{Faults, Reset, Sim, SimConfig, oled_board, synthetic_digests};
use alert_digest_host::link::{HostEvent, Outgoing};

const SEED: u64 = 0x5eed_0003;

fn total(boots: &[BoardStats], field: impl Fn(&BoardStats) -> u32) -> u64 {
    boots.iter().map(|b| u64::from(field(b))).sum()
}

/// The receivers' counters equal what the oracle saw arrive: every whole frame accepted, every
/// damaged stretch either repaired (and counted as corrected) or counted as exactly one fault,
/// every frame within the parity's power repaired, in both directions and across resets.
fn assert_counters_match_faults(sim: &Sim) {
    let boots = sim.boots();
    let corrected = total(&boots, |b| b.rx.corrected);
    let oracle = sim.board_oracle;
    assert_eq!(
        total(&boots, |b| b.rx.frames),
        oracle.intact + corrected,
        "board accepted frames"
    );
    assert_eq!(
        total(&boots, |b| b.rx.faults()) + corrected,
        oracle.damaged,
        "board fault counters"
    );
    assert!(
        (oracle.surely_repairable..=oracle.repairable).contains(&corrected),
        "board repaired {corrected} frames; oracle {oracle:?}"
    );
    let host = sim.host.stats();
    let corrected = u64::from(host.rx.corrected);
    let oracle = sim.host_oracle;
    assert_eq!(
        u64::from(host.rx.frames),
        oracle.intact + corrected,
        "host accepted frames"
    );
    assert_eq!(
        u64::from(host.rx.faults()) + corrected,
        oracle.damaged,
        "host fault counters"
    );
    assert!(
        (oracle.surely_repairable..=oracle.repairable).contains(&corrected),
        "host repaired {corrected} frames; oracle {oracle:?}"
    );
}

fn delivered_tags(sim: &Sim) -> Vec<u64> {
    sim.host_events
        .iter()
        .filter_map(|e| match e {
            HostEvent::Delivered(tag) => Some(*tag),
            _ => None,
        })
        .collect()
}

#[test]
fn ten_thousand_digests_through_noise_and_two_resets_arrive_once_in_order() {
    const COUNT: usize = 10_000;
    let digests = synthetic_digests(COUNT, 20, 48, SEED);
    let noisy = Faults {
        corrupt: 0.01,
        drop: 0.001,
        duplicate: 0.0,
    };
    let mut config = SimConfig::clean(SEED, oled_board());
    config.to_board.faults = noisy;
    config.to_host.faults = noisy;
    // Warm resets (watchdog, reset button): the board's retained resume point survives.
    config.resets = vec![
        Reset {
            at: Duration::from_secs(20),
            warm: true,
        },
        Reset {
            at: Duration::from_secs(50),
            warm: true,
        },
    ];
    let mut sim = Sim::new(config);
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle(), "not done after {:?}", sim.now());

    // Exactly once, in order, as the application saw it.
    let got: Vec<&Outgoing> = sim.delivered.iter().map(|d| &d.msg).collect();
    let want: Vec<Outgoing> = digests.into_iter().map(Outgoing::Digest).collect();
    assert_eq!(got.len(), COUNT);
    assert!(
        got.iter().zip(&want).all(|(g, w)| *g == w),
        "order or content differs"
    );
    // ...and the host knows it: every tag acknowledged once, in order.
    assert_eq!(delivered_tags(&sim), (0..COUNT as u64).collect::<Vec<_>>());

    // Two resets happened mid-stream, and deliveries straddle them.
    assert_eq!(sim.past_boots.len(), 2);
    assert_eq!(sim.host.stats().board_resets, 2);
    // Each reset landed after a delivery whose Ack never left (and Acks lost to noise, or
    // held frames released together, add to it): the resume point told the host of them all.
    assert!(sim.host.stats().resumed >= 2);
    for boot in 0..3 {
        assert!(
            sim.delivered.iter().any(|d| d.boot == boot),
            "boot {boot} delivered nothing"
        );
    }
    let boots = sim.boots();
    assert_eq!(total(&boots, |b| b.delivered), COUNT as u64);

    // The faults were injected, they did damage, and each was counted where it landed.
    let (down, up) = (sim.to_board_stats(), sim.to_host_stats());
    assert!(down.corrupted > 0 && down.dropped > 0 && up.corrupted > 0 && up.dropped > 0);
    assert!(sim.board_oracle.damaged > 100 && sim.host_oracle.damaged > 10);
    assert_counters_match_faults(&sim);
    let host = sim.host.stats();
    assert!(host.retransmits > 0);
    assert_eq!(host.delivered, COUNT as u64);
    assert_eq!(host.refused, 0);
    eprintln!(
        "simulated {:?}; to board {down:?}; to host {up:?}; host {host:?}; board oracle {:?}; \
         board repaired {}",
        sim.now(),
        sim.board_oracle,
        total(&boots, |b| b.rx.corrected)
    );
}

#[test]
fn a_clean_line_counts_no_faults_and_sends_nothing_twice() {
    let digests = synthetic_digests(500, 16, 160, SEED);
    let mut sim = Sim::new(SimConfig::clean(SEED, oled_board()));
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    assert_eq!(sim.delivered.len(), 500);
    let host = sim.host.stats();
    assert_eq!(host.retransmits, 0);
    assert_eq!(host.timeouts, 0);
    assert_eq!(host.rx.faults(), 0);
    let board = sim.board.stats();
    assert_eq!(board.rx.faults(), 0);
    assert_eq!(board.duplicates + board.out_of_order + board.no_room, 0);
    assert_eq!(sim.board_oracle.damaged + sim.host_oracle.damaged, 0);
    assert_counters_match_faults(&sim);
}

#[test]
fn every_message_kind_arrives_as_sent() {
    let digest = synthetic_digests(1, 30, 30, SEED).remove(0);
    let sent = vec![
        Outgoing::TimeSync(1_780_000_000),
        Outgoing::Digest(digest.clone()),
        Outgoing::Record(br#"{"id":"r1","kind":"quake","magnitude":5.9,"place":"Kobe"}"#.to_vec()),
        Outgoing::Update {
            id: digest.id,
            digest: digest.clone(),
        },
        Outgoing::Cancel(digest.id),
        Outgoing::Clear,
    ];
    let mut sim = Sim::new(SimConfig::clean(SEED, oled_board()));
    for (i, m) in sent.iter().enumerate() {
        sim.push(i as u64, m.clone());
    }
    assert!(sim.run_until_idle());
    let got: Vec<Outgoing> = sim.delivered.iter().map(|d| d.msg.clone()).collect();
    assert_eq!(got, sent);
}

#[test]
fn a_slow_board_overruns_its_uart_ring_yet_loses_nothing() {
    // An e-ink board: 300 ms without polling after each digest, a 64-byte receive ring. The
    // host's window is four frames (~300 bytes), so the ring overruns while the board draws.
    let digests = synthetic_digests(60, 30, 48, SEED);
    let mut config = SimConfig::clean(SEED, oled_board());
    config.board_rx_ring = 64;
    config.stall_per_event = Duration::from_millis(300);
    let mut sim = Sim::new(config);
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    assert!(sim.overruns > 0, "the ring never overran");
    let got: Vec<Outgoing> = sim.delivered.iter().map(|d| d.msg.clone()).collect();
    assert_eq!(
        got,
        digests
            .into_iter()
            .map(Outgoing::Digest)
            .collect::<Vec<_>>()
    );
    assert_eq!(sim.board.stats().delivered, 60);
    // Overrun bytes are damage like any other: counted, never accepted.
    assert!(sim.board_oracle.damaged > 0);
    assert_counters_match_faults(&sim);
}

#[test]
fn credits_hold_the_host_to_a_slow_application() {
    // The application takes 50 ms per digest and holds two: the board grants only the room it
    // has, so nothing is ever dropped for want of room and the host never times out.
    let digests = synthetic_digests(100, 30, 48, SEED);
    let mut config = SimConfig::clean(SEED, oled_board());
    config.app_queue = 2;
    config.app_work = Duration::from_millis(50);
    let mut sim = Sim::new(config);
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    assert_eq!(sim.delivered.len(), 100);
    assert_eq!(sim.board.stats().no_room, 0);
    assert_eq!(sim.host.stats().timeouts, 0);
    // The last Ack leaves when the last digest enters the two-place queue, so at least 98 have
    // been worked through at 50 ms each: the pace was the application's, not the line's.
    assert!(
        sim.now() >= Duration::from_millis(98 * 50),
        "{:?}",
        sim.now()
    );
}

#[test]
fn a_cold_reset_loses_nothing_and_repeats_only_unacknowledged_frames() {
    // Power cut: no retained resume point. Frames delivered whose Ack was still on the wire
    // are sent again to the new boot (the board's memory of them went with the power); frames
    // acknowledged before the cut are not.
    let digests = synthetic_digests(400, 30, 48, SEED);
    let mut config = SimConfig::clean(SEED, oled_board());
    config.resets = vec![Reset {
        at: Duration::from_millis(1500),
        warm: false,
    }];
    let mut sim = Sim::new(config);
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    let first: Vec<&Outgoing> = sim
        .delivered
        .iter()
        .filter(|d| d.boot == 0)
        .map(|d| &d.msg)
        .collect();
    let second: Vec<&Outgoing> = sim
        .delivered
        .iter()
        .filter(|d| d.boot == 1)
        .map(|d| &d.msg)
        .collect();
    let want: Vec<Outgoing> = digests.into_iter().map(Outgoing::Digest).collect();
    // Boot 0 got a prefix; boot 1 got everything from some point at or before its end.
    assert!(first.iter().zip(&want).all(|(g, w)| *g == w));
    let resumed_at = want.len() - second.len();
    assert!(second.iter().zip(&want[resumed_at..]).all(|(g, w)| *g == w));
    let repeated = first.len() - resumed_at;
    // The reset came after a delivery and before its Ack: exactly that frame is repeated.
    assert_eq!(repeated, 1);
    assert_eq!(delivered_tags(&sim), (0..400).collect::<Vec<_>>());
}

#[test]
fn a_warm_reset_before_the_ack_leaves_repeats_nothing() {
    // The simulator resets the board at the worst moment: right after it delivered a frame,
    // before the Ack left. Without the retained resume point the host would send that frame
    // again; with it, the host knows it was delivered.
    let digests = synthetic_digests(300, 30, 48, SEED);
    let mut config = SimConfig::clean(SEED, oled_board());
    config.resets = vec![Reset {
        at: Duration::from_millis(1500),
        warm: true,
    }];
    let mut sim = Sim::new(config);
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    let got: Vec<Outgoing> = sim.delivered.iter().map(|d| d.msg.clone()).collect();
    assert_eq!(
        got,
        digests
            .into_iter()
            .map(Outgoing::Digest)
            .collect::<Vec<_>>()
    );
    let host = sim.host.stats();
    assert_eq!(host.board_resets, 1);
    assert_eq!(host.resumed, 1, "{host:?}");
    assert_eq!(delivered_tags(&sim), (0..300).collect::<Vec<_>>());
    assert_counters_match_faults(&sim);
}

#[test]
fn duplicated_bytes_are_damage_and_duplicate_frames_are_suppressed() {
    let digests = synthetic_digests(300, 30, 48, SEED);
    let mut config = SimConfig::clean(SEED, oled_board());
    config.to_board.faults.duplicate = 0.005;
    config.to_host.faults.corrupt = 0.1; // lost Acks make the host resend delivered frames
    let mut sim = Sim::new(config);
    for (i, d) in digests.iter().enumerate() {
        sim.push(i as u64, Outgoing::Digest(d.clone()));
    }
    assert!(sim.run_until_idle());
    assert_eq!(sim.delivered.len(), 300);
    assert!(sim.to_board_stats().duplicated > 0);
    assert!(sim.board.stats().duplicates > 0, "no frame arrived twice");
    assert_counters_match_faults(&sim);
}

#[test]
fn sequence_numbers_wrap_without_a_hitch() {
    // 70,000 small frames: the 16-bit sequence numbers go round once, with some noise so
    // that repeats and held frames straddle the wrap.
    const COUNT: u32 = 70_000;
    let mut config = SimConfig::clean(SEED, oled_board());
    config.to_board.faults.corrupt = 0.001;
    config.to_host.faults.corrupt = 0.001;
    let mut sim = Sim::new(config);
    for i in 0..COUNT {
        sim.push(u64::from(i), Outgoing::Cancel(i));
    }
    assert!(sim.run_until_idle());
    let got: Vec<u32> = sim
        .delivered
        .iter()
        .map(|d| match d.msg {
            Outgoing::Cancel(id) => id,
            ref other => panic!("{other:?}"),
        })
        .collect();
    assert!(
        got.iter().copied().eq(0..COUNT),
        "not every id once in order"
    );
    assert!(sim.host.stats().retransmits > 0);
    assert_counters_match_faults(&sim);
}
