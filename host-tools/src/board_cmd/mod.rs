//! `alert-digest board`: the board's application running on the PC, so `alert-digest send`
//! can be tried without hardware. The core's device logic and the link's board side are the
//! firmware's own code; the panel is simulated.

mod listen;
pub mod panel;
pub mod simulated;
pub mod watch;

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde_json::{Value, json};

use self::listen::{Got, Listen, Port};
use self::simulated::SimulatedBoard;
use crate::screen::{self, Display, TERMINAL_BAND, TERMINAL_WHOLE, term};

/// After the last of `--exit-after` digests, the host has this long to read the last
/// acknowledgement and hang up (it does so within milliseconds); a host still talking after
/// it is sending more than was asked for, and the board leaves it at [`EXIT_LINGER`].
const EXIT_QUIET: Duration = Duration::from_millis(300);
const EXIT_LINGER: Duration = Duration::from_secs(5);
/// And an e-ink panel has this long to show the last screen, if the refresh policy put it
/// off: its minimum interval between refreshes (10 s) and a full refresh (2 s).
const EXIT_REFRESH_WAIT: Duration = Duration::from_secs(12);

const BOARD_HELP: &str = "\
The board's own code (the core's device: link session, store, what to draw) runs here; the
panel is SIMULATED: an image in memory, written as PNG when the board exits. An e-ink panel
refreshes when the core's refresh policy allows (a full refresh first and every 8th, partial
ones between, at most one every 10 s unless a critical alert arrives), so what it shows can
lag what the board holds, as on the real panel.

Standard output: one JSON line per event:
  listening     where to connect (`send --connect unix:PATH`, or `send --port /dev/pts/N`)
  connected, disconnected   a host came or went (sockets only)
  digest        an alert stored: id (the record id's hash), text, severity, kind, count, time
  merged, updated, cancelled, expired, evicted, not-stored, rejected   what else the store did
  refresh       the panel changed: mode draw (OLED, LED), partial or full (e-ink)
  screen        on exit: the PNG, and the facts it was drawn with
  stats         on exit: the link's, the store's and the panel's counters
The screens are drawn on standard error (--term).

It exits on SIGINT or SIGTERM, or after --exit-after N digests once the host has hung up
(and an e-ink panel has shown the last screen: up to 12 s).

Example (two terminals):
  alert-digest board --display epd2in13 --listen unix:/tmp/board.sock
  alert-digest send --connect unix:/tmp/board.sock tests/fixtures/seed/events.jsonl";

/// Run the board's application on this PC with a simulated panel, for `send` to talk to.
#[derive(clap::Args)]
#[command(after_help = BOARD_HELP)]
pub struct Args {
    /// The panel to simulate.
    #[arg(long, short, value_enum, default_value_t = Display::Oled128x64)]
    display: Display,
    /// Where to wait for the host: unix:PATH, tcp:HOST:PORT, or pty (a new pseudo-terminal,
    /// whose path is printed).
    #[arg(long)]
    listen: Listen,
    /// Exit after accepting N digests (stored, merged or updating an alert).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    exit_after: Option<u64>,
    /// Folder for the screen's PNG (created if missing).
    #[arg(long, short, default_value = "board")]
    out: PathBuf,
    /// Pixels of PNG per panel pixel [default: 2 e-ink, 4 OLED, 4 LED matrix, 8 micro:bit].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=16))]
    scale: Option<u32>,
    /// How to draw the screens on standard error [default: auto on a terminal, else none].
    #[arg(long, value_enum)]
    term: Option<term::Style>,
}

/// Why the board stopped.
#[derive(Clone, Copy, Debug)]
enum Exit {
    Signal,
    Done,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot handle SIGINT/SIGTERM")?;
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let term = args.term.unwrap_or(if std::io::stderr().is_terminal() {
        term::Style::Auto
    } else {
        term::Style::None
    });

    let mut port = Port::open(&args.listen)?;
    let display = args.display;
    let info = display.info();
    emit(&json!({
        "event": "listening",
        "listen": port.address(),
        "display": display.name(),
        "width": info.width,
        "height": info.height,
        "budget": info.budget,
    }));
    eprintln!(
        "board: {} (simulated panel), {}-byte digests; try:\n  alert-digest send {} FILE",
        display.name(),
        info.budget,
        port.send_option()
    );

    let mut board = SimulatedBoard::new(display, fastrand::u32(..));
    let start = Instant::now();
    let mut accepted = 0u64;
    let mut done: Option<Instant> = None;
    let mut buf = [0u8; 1024];
    let mut out = Vec::new();
    let exit = loop {
        if stop.load(Ordering::Relaxed) {
            break Exit::Signal;
        }
        let got = port.read(&mut buf).context("the port failed")?;
        let now_ms = millis(start.elapsed());
        let bytes = match got {
            Got::Bytes(n) => buf.get(..n).unwrap_or_default(),
            Got::Nothing => &[],
            Got::Connected(peer) => {
                emit(&json!({"event": "connected", "peer": peer}));
                &[]
            }
            Got::Disconnected => {
                emit(&json!({"event": "disconnected"}));
                &[]
            }
        };
        let changes = board.receive(bytes, now_ms);
        out.clear();
        board.transmit(now_ms, &mut out);
        port.write(&out, board.device().host_silent_ms(now_ms));
        let (more, refresh) = board.tick(now_ms);
        for change in changes.iter().chain(&more) {
            accepted += u64::from(change.is_accepted_digest());
            emit(&change.to_json());
        }
        if let Some(refresh) = refresh {
            emit(&board.panel().refresh_json(refresh, now_ms));
            show(term, &board);
        }
        if args.exit_after.is_some_and(|n| accepted >= n) {
            let since = *done.get_or_insert_with(Instant::now);
            let quiet = board
                .device()
                .host_silent_ms(now_ms)
                .is_none_or(|ms| u128::from(ms) >= EXIT_QUIET.as_millis());
            let host_gone = !port.is_connected() || quiet || since.elapsed() >= EXIT_LINGER;
            let shown = !board.panel().is_pending() || since.elapsed() >= EXIT_REFRESH_WAIT;
            if host_gone && shown {
                break Exit::Done;
            }
        }
    };
    finish(&args, &board, start.elapsed(), exit)?;
    drop(port);
    Ok(ExitCode::SUCCESS)
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// One JSON line on standard output, at once (a reader follows the board live).
fn emit(value: &Value) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{value}");
    let _ = stdout.flush();
}

/// The panel on standard error.
fn show(style: term::Style, board: &SimulatedBoard) {
    if style == term::Style::None {
        return;
    }
    let picture = board.panel().picture(board.device());
    let band = if board.display().strip().is_some() {
        TERMINAL_BAND
    } else {
        TERMINAL_WHOLE
    };
    eprint!("{}", screen::to_terminal(style, &picture, band));
}

/// Writes the screen and says what the board did.
fn finish(args: &Args, board: &SimulatedBoard, ran: Duration, exit: Exit) -> anyhow::Result<()> {
    let display = board.display();
    let path = args.out.join(format!("{}.png", display.name()));
    let panel = board.panel();
    let picture = panel.picture(board.device());
    let scale = args.scale.unwrap_or_else(|| display.default_scale());
    screen::save_png(display, &picture, scale, &path)?;
    let facts = panel.facts();
    let device = board.device();
    emit(&json!({
        "event": "screen",
        "png": path,
        "display": display.name(),
        "scale": scale,
        // What the screen on the panel was drawn with (an e-ink panel may show an older one
        // than the store holds: `pending` says a refresh was waiting).
        "now": facts.now,
        "unread": facts.unread,
        "total": facts.total,
        "selected": facts.selected,
        "pending": panel.is_pending(),
        "alerts": device.alerts().iter().map(|e| watch::hex(e.digest.id)).collect::<Vec<_>>(),
    }));
    let link = device.link_stats();
    let store = device.store().counters();
    let counts = panel.counts();
    let stats = device.stats();
    emit(&json!({
        "event": "stats",
        "exit": match exit { Exit::Signal => "signal", Exit::Done => "exit-after" },
        "seconds": ran.as_secs_f64(),
        "link": {
            "bytes": link.rx.bytes,
            "frames": link.rx.frames,
            "faults": link.rx.faults(),
            "crc": link.rx.crc,
            "corrected": link.rx.corrected,
            "fixed_bytes": link.rx.fixed_bytes,
            "delivered": link.delivered,
            "rejected": link.rejected,
            "duplicates": link.duplicates,
            "held": link.held,
            "out_of_order": link.out_of_order,
            "syncs": link.syncs,
            "hellos_sent": link.hellos_sent,
            "acks_sent": link.acks_sent,
            "naks_sent": link.naks_sent,
        },
        "store": {
            "kept": device.alerts().len(),
            "received": store.received,
            "added": store.added,
            "merged": store.merged,
            "updated": store.updated,
            "cancelled": store.cancelled,
            "unmatched": store.unmatched,
            "expired": store.expired,
            "dropped": store.dropped,
        },
        "device": {
            "records_rejected": stats.records_rejected,
            "digests_rejected": stats.digests_rejected,
            "preemptions": stats.preemptions,
        },
        "panel": {
            "draws": counts.draws,
            "partial": counts.partial,
            "full": counts.full,
            "skipped": counts.skipped,
        },
    }));
    eprintln!(
        "board: {} digests kept; screen written to {}",
        device.alerts().len(),
        path.display()
    );
    Ok(())
}
