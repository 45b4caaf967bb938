//! `alert-digest demo`: the main job on a machine without a board. Bundled records (the seed,
//! and real NWS and USGS samples) are condensed here as `send` condenses them, go over the
//! link (the host's session and the link simulator's UART wire at a real baud rate) to the
//! board's application (the core's device, as firmware runs it), and its panels are printed
//! in the terminal and written as PNG. Everything runs in simulated time: seconds of the
//! boards' time pass in a moment.

mod board;
mod qemu;
mod scenes;

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use alert_digest::device::CRITICAL;
use alert_digest::link::{NakReason, WireDigest};
use alert_digest::{MAX_BUDGET, MAX_RECORD_BYTES, MIN_BUDGET, condense, parse_record};
use alert_digest_host::link::{HostEvent, Outgoing};
use anyhow::{Context as _, bail};

use self::board::{Board, SimBoard, hello};
use self::scenes::Scene;
use crate::screen::{self, Display, Image, TERMINAL_BAND, TERMINAL_WHOLE, term};

/// Simulated time between two records: a feed polled every couple of seconds. It lets the
/// e-ink refresh policy show what it does with a burst (it waits 10 s between ordinary
/// refreshes, and draws a critical alert at once).
const RECORD_GAP: Duration = Duration::from_secs(2);
/// After a scene, time for the e-ink panel to catch up: its minimum interval between
/// refreshes (10 s) and a full refresh (2 s).
const SETTLE: Duration = Duration::from_secs(12);
/// A real-time board (the firmware in QEMU) waits this long at most where a simulated one
/// waits the gaps above: long enough for its loop to draw what arrived.
const REAL_TIME_IDLE: Duration = Duration::from_millis(150);
/// Longest wait for the board's Hello, and for one message's acknowledgement, in the board's
/// time. A clean 115,200-baud line acknowledges a digest in a few milliseconds.
const LINK_TIMEOUT: Duration = Duration::from_secs(10);
/// Baud rates the demo takes: from the classic slowest UART rate (below about 4,400 baud the
/// host session's timeout bounds cross: `HostConfig::serial` then panics) to what fast
/// USB-serial adapters run.
const MIN_BAUD: i64 = 9_600;
const MAX_BAUD: i64 = 4_000_000;
/// Fixes the boards' boot ids and the host's stream ids, so every run shows the same.
const SEED: u64 = 0xA1E7;

const DEMO_HELP: &str = "\
Three scenes, oldest first, each sent to every board after a Clear and a TimeSync (the
scene's time): the USGS earthquakes of magnitude 6 and more in a week of April 2023, the NWS alerts
in force as a Tornado Watch was issued on 18 October 2025 (both real, public domain, in
tests/fixtures/samples), and the five records of the seed report (3 February 2026).

Each record is condensed with the board's budget (from its Hello, as `send` does) and sent as
a digest over a simulated 8N1 UART (--baud); the board is the core's device with a simulated
panel (as in `alert-digest board`), its e-ink refreshes decided by the core's refresh policy.
Time is simulated: records 2 s apart, 12 s after each scene for the e-ink to catch up.

Output: each record with its delivery time; the screens in the terminal when a critical alert
takes them and at the end of each scene (every one with --every-screen); PNG files in --out:
BOARD-NN.png for every screen the panel showed, BOARD.png the last.";

/// Show the whole way without a board: records -> digests -> a simulated UART -> the board's
/// application -> its panels, in the terminal and as PNG.
#[derive(clap::Args)]
#[command(after_help = DEMO_HELP)]
pub struct Args {
    /// Folder for the PNG files (created if missing).
    #[arg(long, short, default_value = "target/demo")]
    out: PathBuf,
    /// The boards' panels (repeat the option, or separate with commas).
    #[arg(
        long,
        short,
        value_enum,
        value_delimiter = ',',
        default_values_t = [Display::Epd2in13, Display::Oled128x64]
    )]
    display: Vec<Display>,
    /// The simulated UART's baud rate (8N1).
    #[arg(long, default_value_t = 115_200, value_parser = clap::value_parser!(u32).range(MIN_BAUD..=MAX_BAUD))]
    baud: u32,
    /// Pixels of PNG per panel pixel [default: 2 e-ink, 4 OLED, 4 LED matrix, 8 micro:bit].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=16))]
    scale: Option<u32>,
    /// How to draw the screens in the terminal.
    #[arg(long, value_enum, default_value_t = term::Style::Auto)]
    term: term::Style,
    /// Draw every screen a panel shows in the terminal (by default only when a critical
    /// alert takes the screen, and after each scene; every screen is a PNG either way).
    #[arg(long)]
    every_screen: bool,
    /// Also stream to the real firmware in QEMU (boards/qemu-lm3s6965, built first), over its
    /// emulated UART, and capture its OLED; needs qemu-system-arm.
    #[arg(long)]
    qemu: bool,
    /// The firmware for --qemu.
    #[arg(long, requires = "qemu")]
    firmware: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let scenes = scenes::scenes()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut boards = boards(&args)?;
    let mut demo = Demo {
        out: BufWriter::new(io::stdout().lock()),
        args: &args,
        saved: HashMap::new(),
        printed: HashMap::new(),
    };
    demo.run(&scenes, &mut boards)?;
    Ok(ExitCode::SUCCESS)
}

/// The boards the records go to: one simulated board per `--display`, each on its own
/// simulated UART. This is the seam for other boards (the firmware in QEMU, over the unix
/// socket `send --connect` uses): anything that implements [`Board`] can be added here.
fn boards(args: &Args) -> anyhow::Result<Vec<Box<dyn Board>>> {
    // One board per panel: boards are named (and their PNGs too) after their panel.
    let mut displays: Vec<Display> = Vec::new();
    for &display in &args.display {
        if !displays.contains(&display) {
            displays.push(display);
        }
    }
    let mut boards: Vec<Box<dyn Board>> = displays
        .iter()
        .zip(SEED..)
        .map(|(&display, seed)| Box::new(SimBoard::new(display, args.baud, seed)) as Box<dyn Board>)
        .collect();
    if args.qemu {
        let firmware = args.firmware.clone().unwrap_or_else(qemu::default_firmware);
        // The stream id is fixed like the simulated boards' (SEED): every run shows the same.
        boards.push(Box::new(qemu::QemuBoard::start(&firmware, SEED as u32)?));
    }
    Ok(boards)
}

struct Demo<'a, W: Write> {
    out: W,
    args: &'a Args,
    /// Per board: screens written so far, and the last one.
    saved: HashMap<String, (u32, Image)>,
    /// Per board: the screen last printed in the terminal.
    printed: HashMap<String, Image>,
}

impl<W: Write> Demo<'_, W> {
    fn run(&mut self, scenes: &[Scene], boards: &mut [Box<dyn Board>]) -> anyhow::Result<()> {
        writeln!(
            self.out,
            "alert-digest demo: records -> condense -> link (simulated {} baud UART) -> the \
             board's application -> its panel (simulated)",
            self.args.baud
        )?;
        writeln!(self.out, "PNG files go to {}/", self.args.out.display())?;
        for board in boards.iter_mut() {
            let info = connect(board.as_mut())?;
            writeln!(
                self.out,
                "board {}: {}x{} panel, asks for {}-byte digests (its Hello after {:.1} ms)",
                board.name(),
                info.display.width,
                info.display.height,
                info.display.budget,
                board.now().as_secs_f64() * 1000.0
            )?;
            self.checkpoint(board.as_mut())?;
        }
        let mut tag = 0u64;
        for (number, scene) in scenes.iter().enumerate() {
            writeln!(self.out)?;
            writeln!(
                self.out,
                "== {}/{} {} ({} records)",
                number + 1,
                scenes.len(),
                scene.title,
                scene.records.len()
            )?;
            writeln!(
                self.out,
                "   from {}; time {}",
                scene.source,
                crate::board_cmd::watch::rfc3339(scene.now)
            )?;
            for board in boards.iter_mut() {
                // A fresh panel for each scene, on the scene's clock.
                for msg in [Outgoing::Clear, Outgoing::TimeSync(scene.now)] {
                    tag += 1;
                    deliver(board.as_mut(), tag, msg)?;
                }
                self.notes(board.as_mut())?;
            }
            for json in &scene.records {
                self.record(json, boards, &mut tag)?;
            }
            for board in boards.iter_mut() {
                idle(board.as_mut(), SETTLE)?;
                self.notes(board.as_mut())?;
                self.checkpoint(board.as_mut())?;
            }
            self.show(boards, "   the panels after the scene:")?;
        }
        self.finish(boards)
    }

    /// Sends one record to every board and says how it went.
    fn record(
        &mut self,
        json: &[u8],
        boards: &mut [Box<dyn Board>],
        tag: &mut u64,
    ) -> anyhow::Result<()> {
        let mut first_text: Option<String> = None;
        let mut timings = Vec::new();
        let mut other_texts = Vec::new();
        let mut severity = alert_digest::Severity::Unknown;
        for board in boards.iter_mut() {
            let budget = hello(board.as_mut())
                .map(|h| usize::from(h.display.budget))
                .filter(|b| (MIN_BUDGET..=MAX_BUDGET).contains(b))
                .unwrap_or(alert_digest::DEFAULT_BUDGET);
            let digest = condense_record(json, budget)?;
            let text = digest.text.as_str().to_owned();
            severity = digest.severity;
            *tag += 1;
            let outcome = deliver(board.as_mut(), *tag, Outgoing::Digest(digest))?;
            match &first_text {
                None => {
                    write!(self.out, "   {:<8} {text:<46}", severity.as_str())?;
                    first_text = Some(text);
                }
                Some(first) if *first != text => {
                    other_texts.push(format!("{}: \"{text}\"", board.name()));
                }
                Some(_) => {}
            }
            timings.push(match outcome {
                Delivery::Acked(took) => {
                    format!("{} {:.1} ms", board.name(), took.as_secs_f64() * 1000.0)
                }
                Delivery::Refused(why) => format!("{} refused ({why:?})", board.name()),
            });
        }
        writeln!(self.out, " -> {}", timings.join(", "))?;
        for text in other_texts {
            writeln!(self.out, "            {text}")?;
        }
        for board in boards.iter_mut() {
            idle(board.as_mut(), RECORD_GAP)?;
            self.notes(board.as_mut())?;
            self.checkpoint(board.as_mut())?;
        }
        if severity >= CRITICAL {
            let article = if severity == alert_digest::Severity::Extreme {
                "an"
            } else {
                "a"
            };
            let heading = format!(
                "   {article} {} alert takes the screen at once:",
                severity.as_str()
            );
            self.show(boards, &heading)?;
        }
        Ok(())
    }

    fn notes(&mut self, board: &mut dyn Board) -> anyhow::Result<()> {
        let notes = board.notes();
        if !notes.is_empty() {
            writeln!(
                self.out,
                "            {}: {}",
                board.name(),
                notes.join("; ")
            )?;
        }
        Ok(())
    }

    /// Writes the board's screen as the next PNG if it changed.
    fn checkpoint(&mut self, board: &mut dyn Board) -> anyhow::Result<()> {
        let (image, display) = board.screen()?;
        let name = board.name();
        let (count, last) = self
            .saved
            .entry(name.clone())
            .or_insert_with(|| (0, Image::new(embedded_graphics::prelude::Size::zero())));
        if *last == image {
            return Ok(());
        }
        *count += 1;
        let path = self.args.out.join(format!("{name}-{count:02}.png"));
        save(display, &image, self.args.scale, &path)?;
        *last = image;
        if self.args.every_screen {
            self.show_one(board, "")?;
        }
        Ok(())
    }

    /// Every board's screen in the terminal, if it changed since it was last printed, and
    /// where its PNG is; `heading` first if any is printed.
    fn show(&mut self, boards: &mut [Box<dyn Board>], heading: &str) -> anyhow::Result<()> {
        let mut heading = heading;
        for board in boards.iter_mut() {
            if self.show_one(board.as_mut(), heading)? {
                heading = "";
            }
        }
        Ok(())
    }

    /// The board's screen in the terminal, unless it was the last printed; returns whether
    /// it printed.
    fn show_one(&mut self, board: &mut dyn Board, heading: &str) -> anyhow::Result<bool> {
        let (image, display) = board.screen()?;
        let name = board.name();
        if self.printed.get(&name) == Some(&image) {
            return Ok(false);
        }
        let band = if display.strip().is_some() {
            TERMINAL_BAND
        } else {
            TERMINAL_WHOLE
        };
        let count = self.saved.get(&name).map_or(0, |(n, _)| *n);
        let path = self.args.out.join(format!("{name}-{count:02}.png"));
        if !heading.is_empty() {
            writeln!(self.out, "{heading}")?;
        }
        writeln!(self.out, "   {name}: {}", path.display())?;
        write!(
            self.out,
            "{}",
            screen::to_terminal(self.args.term, &image, band)
        )?;
        self.printed.insert(name, image);
        Ok(true)
    }

    fn finish(&mut self, boards: &mut [Box<dyn Board>]) -> anyhow::Result<()> {
        writeln!(self.out)?;
        for board in boards.iter_mut() {
            let (image, display) = board.screen()?;
            let path = self.args.out.join(format!("{}.png", board.name()));
            save(display, &image, self.args.scale, &path)?;
            writeln!(
                self.out,
                "{}: the last screen is {}",
                board.name(),
                path.display()
            )?;
            for line in board.link_report() {
                writeln!(self.out, "  {line}")?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

fn save(display: Display, image: &Image, scale: Option<u32>, path: &Path) -> anyhow::Result<()> {
    screen::save_png(
        display,
        image,
        scale.unwrap_or_else(|| display.default_scale()),
        path,
    )
}

/// The record condensed as `send` condenses it, with the board's budget.
fn condense_record(json: &[u8], budget: usize) -> anyhow::Result<WireDigest> {
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    let record = parse_record(json, &mut scratch)
        .map_err(|e| anyhow::anyhow!("a bundled record does not parse: {e}"))?;
    condense(&record, budget)
        .map_err(|e| anyhow::anyhow!("a bundled record does not condense: {e}"))
}

/// Turns the link until the board has said Hello and the host's stream is synchronised.
fn connect(board: &mut dyn Board) -> anyhow::Result<alert_digest::link::Hello> {
    let start = board.now();
    loop {
        board.turn()?;
        while let Some(event) = board.host().next_event() {
            if let HostEvent::SchemaMismatch(h) = event {
                bail!(
                    "board {} speaks another message schema ({:08x})",
                    board.name(),
                    h.schema
                );
            }
        }
        if board.host().is_ready()
            && let Some(h) = hello(board)
        {
            return Ok(h);
        }
        if board.now() - start > LINK_TIMEOUT {
            bail!(
                "no Hello from board {} within {:?}",
                board.name(),
                LINK_TIMEOUT
            );
        }
    }
}

enum Delivery {
    Acked(Duration),
    Refused(NakReason),
}

/// Queues `msg` and turns the link until the board acknowledges or refuses it.
fn deliver(board: &mut dyn Board, tag: u64, msg: Outgoing) -> anyhow::Result<Delivery> {
    let start = board.now();
    board.host().push(tag, msg);
    loop {
        board.turn()?;
        while let Some(event) = board.host().next_event() {
            match event {
                HostEvent::Delivered(t) if t == tag => {
                    return Ok(Delivery::Acked(board.now() - start));
                }
                HostEvent::Refused(t, why) if t == tag => return Ok(Delivery::Refused(why)),
                HostEvent::SchemaMismatch(h) => bail!(
                    "board {} came back speaking another schema ({:08x})",
                    board.name(),
                    h.schema
                ),
                _ => {}
            }
        }
        if board.now() - start > LINK_TIMEOUT {
            bail!(
                "board {} did not acknowledge within {:?}",
                board.name(),
                LINK_TIMEOUT
            );
        }
    }
}

/// Lets `span` of the board's time pass with the link running (on a real-time board, at most
/// [`REAL_TIME_IDLE`]).
fn idle(board: &mut dyn Board, span: Duration) -> anyhow::Result<()> {
    let span = if board.real_time() {
        span.min(REAL_TIME_IDLE)
    } else {
        span
    };
    let end = board.now() + span;
    while board.now() < end {
        board.turn()?;
    }
    Ok(())
}
