//! A board for the link tests: the real board session behind a std byte stream (the master
//! side of a pseudo-terminal, or an accepted socket), doing what firmware would: condensing
//! records with its own budget, logging what it received.

#![allow(dead_code)]

use std::io::{ErrorKind, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{BoardConfig, BoardSession, DisplayInfo, Event, Verdict, display_kind};
use alert_digest::{MAX_RECORD_BYTES, condense, parse_record};
use alert_digest_host::link::Outgoing;

pub const BOARD_BUDGET: u8 = 40;

pub fn config() -> BoardConfig {
    BoardConfig {
        display: DisplayInfo {
            kind: display_kind::OLED,
            width: 128,
            height: 32,
            budget: BOARD_BUDGET,
        },
        max_record: BOARD_MAX_RECORD_BYTES as u16,
        window: DEFAULT_WINDOW,
    }
}

/// What the board's application got: data messages in order (records as condensed here).
pub type Log = Arc<Mutex<Vec<Outgoing>>>;

/// Serves one board session over `io` until `stop` is set or the stream ends. `io` must
/// time out its reads (a few milliseconds) so the loop keeps its timers.
pub fn serve(io: &mut (impl Read + Write), board: &mut BoardSession, log: &Log, stop: &AtomicBool) {
    let start = Instant::now();
    let mut buf = [0u8; 256];
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    while !stop.load(Ordering::Relaxed) {
        let n = match io.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::TimedOut | ErrorKind::WouldBlock | ErrorKind::Interrupted
                ) =>
            {
                0
            }
            Err(_) => return,
        };
        let now = start.elapsed().as_millis() as u64;
        board.receive(&buf[..n], now, 8, &mut |event| {
            let msg = match event {
                Event::Synced { .. } => return Verdict::Accepted,
                Event::Digest(d) => Outgoing::Digest(d.clone()),
                Event::Record(json) => match parse_record(json, &mut scratch)
                    .and_then(|r| condense(&r, usize::from(BOARD_BUDGET)))
                {
                    Ok(d) => Outgoing::Digest(d),
                    Err(_) => return Verdict::Rejected,
                },
                Event::Update { id, digest } => Outgoing::Update {
                    id,
                    digest: digest.clone(),
                },
                Event::Cancel { id } => Outgoing::Cancel(id),
                Event::Clear => Outgoing::Clear,
                Event::TimeSync { unix } => Outgoing::TimeSync(unix),
                Event::Quiet(hours) => Outgoing::Quiet(hours),
            };
            log.lock().unwrap().push(msg);
            Verdict::Accepted
        });
        let mut out = [0u8; BOARD_TX_BYTES];
        loop {
            let n = board.transmit(now, 8, &mut out);
            if n == 0 {
                break;
            }
            if io.write_all(&out[..n]).is_err() {
                return;
            }
        }
    }
}

/// Digests in `log`, without the TimeSync `send` puts first.
pub fn digests(log: &Log) -> Vec<alert_digest::link::WireDigest> {
    log.lock()
        .unwrap()
        .iter()
        .filter_map(|m| match m {
            Outgoing::Digest(d) => Some(d.clone()),
            _ => None,
        })
        .collect()
}

/// Event records in the formats the ingesters write (hand-written for these tests).
pub const RECORDS: &[&str] = &[
    r#"{"id":"mil-1","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","relation":"near","place":"USS Abraham Lincoln"}"#,
    r#"{"id":"usgs-ci41","time":"2026-11-20T08:14:03Z","kind":"quake","magnitude":5.9,"unit":"M","place":"Ridgecrest, CA","source":"USGS"}"#,
    r#"{"id":"nws-1","kind":"weather","severity":"severe","urgency":"immediate","headline":"Severe Thunderstorm Warning issued November 20 at 4:02PM CST until 4:45PM CST by NWS Norman OK","region":"Cleveland County","expires":"2026-11-20T16:45:00-06:00","geometry":{"type":"Polygon","coordinates":[[[-97.4,35.2],[-97.3,35.2],[-97.3,35.3]]]}}"#,
    r#"{"id":"dip-7","kind":"diplomacy","actor":"Foreign ministers","action":"met","place":"Geneva","text":"Foreign ministers met in Geneva on Thursday. Talks will resume next week."}"#,
    r#"{"id":"fire-3","kind":"fire","severity":"moderate","headline":"Wildfire forces evacuations north of Boulder","msg":"update","refs":["fire-2"]}"#,
];
