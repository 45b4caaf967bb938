//! The e-ink refresh policy driven by a fake clock, with frames rendered by the real list
//! layout: a burst of minor alerts costs a bounded number of refreshes, and a critical alert
//! arriving during the burst is on the panel at the very next refresh.

mod display_support;

use alert_digest::display::refresh::{EPD2IN13_POLICY, frame_id, is_critical};
use alert_digest::display::{Decision, EPD2IN13, EinkList, Facts, Layout, Refresher};
use alert_digest::store::{Signature, Store};
use alert_digest::{MAX_BUDGET, Severity};
use display_support::*;
use embedded_graphics::framebuffer::{Framebuffer, buffer_size};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::pixelcolor::raw::{BigEndian, RawU1};

const W: usize = 250;
const H: usize = 122;
type Panel = Framebuffer<BinaryColor, RawU1, BigEndian, W, H, { buffer_size::<BinaryColor>(W, H) }>;

/// Milliseconds between two looks of the simulated device at its store.
const TICK_MS: u64 = 10;
const BURST: usize = 50;
/// One minor digest every 100 ms: 50 in 5 s, faster than any panel can follow.
const BURST_GAP_MS: u64 = 100;

/// A refresh the simulated device made.
struct Refresh {
    at: u64,
    kind: Decision,
    /// The digests the frame showed, in order.
    shown: Vec<D>,
}

/// The simulated board's store: room for the whole burst.
const STORE: usize = 64;

/// Runs a device for `run_ms`: digests arrive at their times into the core's store (ranked by
/// severity, then recency); on the first tick after a change (or when the policy said to wait), the
/// device renders the list and asks the policy.
fn simulate(arrivals: &[(u64, D)], run_ms: u64) -> Vec<Refresh> {
    let mut refresher = Refresher::new(EPD2IN13_POLICY);
    let mut store: Box<Store<STORE, MAX_BUDGET>> = Box::default();
    let mut refreshes = Vec::new();
    let mut critical_pending = false;
    let mut wake = 0u64;
    // The store changed since the panel last caught up with it.
    let mut dirty = false;
    let mut panel = Panel::new();
    let mut now = 0u64;
    while now <= run_ms {
        for (_, d) in arrivals.iter().filter(|(at, _)| *at == now) {
            critical_pending |= is_critical(d);
            dirty = true;
            // A change is worth asking about at once: the policy says whether to wait.
            wake = now;
            store.insert(d.clone(), Signature::of_digest(d));
        }
        if dirty && now >= wake {
            let entries = store.iter().as_slice();
            let facts = Facts {
                now: NOW,
                unread: entries.len(),
                total: entries.len(),
                ..Facts::default()
            };
            EPD2IN13
                .draw(&mut panel, entries, &facts)
                .expect("framebuffer draws");
            match refresher.decide(now, frame_id(panel.data()), critical_pending) {
                Decision::WaitUntil(at) => wake = at,
                Decision::Skip => dirty = false,
                kind => {
                    dirty = false;
                    let shown = EinkList::shown(entries, &facts);
                    refreshes.push(Refresh {
                        at: now,
                        kind,
                        shown: entries[..shown].iter().map(|e| e.digest.clone()).collect(),
                    });
                    critical_pending = false;
                }
            }
        }
        now += TICK_MS;
    }
    let timeline: Vec<_> = refreshes.iter().map(|r| (r.at, r.kind)).collect();
    eprintln!("refreshes (ms, kind): {timeline:?}");
    refreshes
}

fn burst(critical_at: Option<u64>) -> Vec<(u64, D)> {
    let mut arrivals: Vec<(u64, D)> = (0..BURST)
        .map(|i| {
            let text = format!("Minor alert {i} in a burst");
            let mut minor = digest(&text, Severity::Minor, 0, 1);
            // A second apart, so the store's recency order is the arrival order.
            minor.time = Some(NOW + i as i64);
            (i as u64 * BURST_GAP_MS, minor)
        })
        .collect();
    if let Some(at) = critical_at {
        let mut critical = digest("Tornado warning for Oklahoma City", Severity::Extreme, 0, 1);
        critical.time = Some(NOW + (at / BURST_GAP_MS) as i64);
        arrivals.push((at, critical));
    }
    arrivals
}

#[test]
fn a_burst_of_minor_digests_costs_a_bounded_number_of_refreshes() {
    let burst_ms = BURST as u64 * BURST_GAP_MS;
    let run_ms = 60_000;
    let refreshes = simulate(&burst(None), run_ms);
    // At most one ordinary refresh per minimum interval over the burst, plus the one that
    // catches up after it.
    let interval = u64::from(EPD2IN13_POLICY.min_interval_ms);
    let bound = burst_ms.div_ceil(interval) as usize + 1;
    assert!(
        refreshes.len() <= bound,
        "{} refreshes for {BURST} digests, bound {bound}",
        refreshes.len()
    );
    for pair in refreshes.windows(2) {
        assert!(
            pair[1].at - pair[0].at >= interval,
            "refreshes closer than the interval"
        );
    }
    // The first is full; when the burst is over the panel shows the newest digests, and
    // identical frames cost nothing more (no refresh in the rest of the minute).
    assert_eq!(refreshes[0].kind, Decision::Full);
    let last = refreshes.last().expect("at least one refresh");
    assert_eq!(
        last.shown[0].text.as_str(),
        format!("Minor alert {} in a burst", BURST - 1)
    );
    assert!(last.at < burst_ms + interval);
}

#[test]
fn a_critical_digest_in_a_burst_is_on_screen_at_the_next_refresh() {
    let full_ms = u64::from(EPD2IN13_POLICY.full_ms);
    // Wherever in the burst it arrives, even while the first full refresh is still running.
    for critical_at in [500, 1_000, 2_550, 3_330, 4_900] {
        let refreshes = simulate(&burst(Some(critical_at)), 30_000);
        let next = refreshes
            .iter()
            .find(|r| r.at >= critical_at)
            .expect("a refresh after the critical digest");
        assert_eq!(
            next.shown[0].severity,
            Severity::Extreme,
            "critical at {critical_at} ms not first on the screen refreshed at {} ms",
            next.at
        );
        // At once: no later than the panel takes to finish a full refresh under way.
        assert!(
            next.at - critical_at <= full_ms,
            "critical at {critical_at} ms shown only at {} ms",
            next.at
        );
        // And the burst still costs a bounded number of refreshes: one more for the critical.
        let bound = (BURST as u64 * BURST_GAP_MS)
            .div_ceil(u64::from(EPD2IN13_POLICY.min_interval_ms)) as usize
            + 2;
        assert!(refreshes.len() <= bound, "{} refreshes", refreshes.len());
    }
}

#[test]
fn a_steady_stream_gets_a_full_refresh_every_n() {
    // One digest a minute for an hour: every one is drawn, a full refresh after each 8 partial.
    let arrivals: Vec<(u64, D)> = (0..60)
        .map(|i| {
            (
                i * 60_000,
                digest(&format!("Update {i}"), Severity::Minor, 0, 1),
            )
        })
        .collect();
    let refreshes = simulate(&arrivals, 60 * 60_000);
    assert_eq!(refreshes.len(), 60);
    let kinds: Vec<Decision> = refreshes.iter().map(|r| r.kind).collect();
    let n = usize::from(EPD2IN13_POLICY.full_every);
    for (i, kind) in kinds.iter().enumerate() {
        let expected = if i % (n + 1) == 0 {
            Decision::Full
        } else {
            Decision::Partial
        };
        assert_eq!(*kind, expected, "refresh {i}");
    }
}
