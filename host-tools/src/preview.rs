//! `alert-digest preview`: event records in, the screens a display would show out, as PNG
//! files and in the terminal.
//!
//! Each record is condensed to fit the display's text area (a budget in pixels), the digests
//! go through the core's store as on a board (repeats merge, updates replace, cancels and
//! expired alerts go, the rest ranked by severity, then recency), and the core's layout draws
//! them: the same code, and so the same pixels, as on the board. The PNGs come from
//! embedded-graphics-simulator built without SDL2.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alert_digest::display::sheet::{SHEET_GAP, sheet_size};
use alert_digest::display::{
    EPD2IN13, EinkList, Facts, Item, LED32X8, Layout, MICROBIT, OLED128X64, OledCard, Strip,
};
use alert_digest::store::{Signature, Store};
use alert_digest::{
    Digest, EventRecord, MAX_BUDGET, MAX_RECORD_BYTES, condense_to_fit, parse_record,
};
use anyhow::Context as _;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;

use crate::lines::{CappedLines, Line};
use crate::screen::{self, Display, TERMINAL_BAND, TERMINAL_WHOLE, term};

type D = Digest<MAX_BUDGET>;

/// Entries of the preview's store: more than a board keeps (Meshtastic keeps 10 to 20), so a
/// short file shows whole, while merging, ranking and expiry are the store's own.
const PREVIEW_STORE: usize = 32;

const ABOUT: &str = "\
Input: JSON Lines of event records, as for `alert-digest condense`.

Output: PNG files in --out (their names on standard output) and the screens in the terminal:
  epd2in13     epd2in13.png: the e-ink list of all digests (\"+N more\" for the rest)
  oled128x64   oled128x64-NN.png: one card per digest (-pP for each further page)
  led32x8      led32x8.png: the line that scrolls past; led32x8-frames.png: every 5th frame
  microbit     microbit.png, microbit-frames.png: the same for the 5x5 LEDs, every 6th frame

Exit status: 0 every line shown; 1 some line was rejected; 2 the input could not be read.

Example:
  alert-digest preview --display oled128x64 --now 2026-02-03T20:30:00Z events.jsonl";

/// Render event records (JSON Lines) as a display would show them: PNG files and the
/// terminal.
#[derive(clap::Args)]
#[command(after_help = ABOUT)]
pub struct Args {
    /// The display to render for.
    #[arg(long, short, value_enum)]
    display: Display,
    /// Folder for the PNG files (created if missing).
    #[arg(long, short, default_value = "preview")]
    out: PathBuf,
    /// Now, for ages ("12m"): unix seconds or RFC 3339. Default: the system clock.
    #[arg(long)]
    now: Option<String>,
    /// Pixels of PNG per panel pixel [default: 2 e-ink, 4 OLED (as QEMU's capture of the
    /// lm3s6965 OLED), 4 LED matrix, 8 micro:bit].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=16))]
    scale: Option<u32>,
    /// How to print the screens in the terminal.
    #[arg(long, value_enum, default_value_t = term::Style::Auto)]
    term: term::Style,
    /// Input file of JSON Lines, or - for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
}

/// Between frames on a sheet: a colour no panel shows, so frames read apart.
const SHEET_GAP_COLOR: Rgb888 = Rgb888::new(110, 110, 110);

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let now = match &args.now {
        Some(text) => parse_now(text)?,
        None => time::OffsetDateTime::now_utc().unix_timestamp(),
    };
    let (digests, rejected) = match args.display {
        Display::Epd2in13 => read_digests(&args.file, &EPD2IN13)?,
        Display::Oled128x64 => read_digests(&args.file, &OLED128X64)?,
        Display::Led32x8 => read_digests(&args.file, &LED32X8)?,
        Display::Microbit => read_digests(&args.file, &MICROBIT)?,
    };
    // Through the board's own store: repeats merge ("x3"), updates replace, cancels and
    // expired alerts go, and what remains is ranked by severity, then recency.
    let mut store = Box::new(Store::<PREVIEW_STORE, MAX_BUDGET>::default());
    for (digest, signature) in digests {
        store.insert(digest, signature);
    }
    store.advance(now);
    let counters = store.counters();
    if counters.merged + counters.updated + counters.cancelled + counters.expired + counters.dropped
        > 0
    {
        eprintln!(
            "store: {} merged, {} updated, {} cancelled, {} expired, {} dropped (it holds {PREVIEW_STORE})",
            counters.merged,
            counters.updated,
            counters.cancelled,
            counters.expired,
            counters.dropped
        );
    }
    let entries = store.iter().as_slice();
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let preview = Preview {
        args: &args,
        facts: Facts {
            now,
            unread: entries.len(),
            total: entries.len(),
            ..Facts::default()
        },
        stdout: BufWriter::new(io::stdout().lock()),
    };
    preview.show(entries)?;
    Ok(if rejected == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("{rejected} line(s) rejected");
        ExitCode::from(1)
    })
}

/// Unix seconds, or an RFC 3339 time.
fn parse_now(text: &str) -> anyhow::Result<i64> {
    if let Ok(seconds) = text.parse::<i64>() {
        return Ok(seconds);
    }
    let time = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .with_context(|| format!("--now {text:?} is neither unix seconds nor RFC 3339"))?;
    Ok(time.unix_timestamp())
}

/// Condenses each line's record to fit `layout`; returns the digests and the rejected count.
fn read_digests(file: &Path, layout: &impl Layout) -> anyhow::Result<(Vec<(D, Signature)>, usize)> {
    let area = layout.text_area().with_max_bytes(MAX_BUDGET);
    let input = crate::lines::open(file)?;
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    let mut digests = Vec::new();
    let mut rejected = 0usize;
    for (index, line) in CappedLines::new(input, MAX_RECORD_BYTES).enumerate() {
        let result = match line? {
            Line::Bytes(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Bytes(bytes) => {
                parse_record(&bytes, &mut scratch).and_then(|record: EventRecord| {
                    let digest = condense_to_fit(&record, &area)?;
                    Ok((digest, Signature::of_record(&record)))
                })
            }
            Line::TooLong(len) => Err(alert_digest::Error::RecordTooLong {
                len,
                max: MAX_RECORD_BYTES,
            }),
        };
        match result {
            Ok(signed) => digests.push(signed),
            Err(e) => {
                rejected += 1;
                eprintln!("line {}: {e}", index + 1);
            }
        }
    }
    Ok((digests, rejected))
}

struct Preview<'a, W: Write> {
    args: &'a Args,
    facts: Facts,
    stdout: W,
}

impl<W: Write> Preview<'_, W> {
    fn show(mut self, digests: &[impl Item]) -> anyhow::Result<()> {
        match self.args.display {
            Display::Epd2in13 => {
                let screen = self.render(&EPD2IN13, digests, &self.facts);
                self.emit("epd2in13", &screen)?;
                let shown = EinkList::shown(digests, &self.facts);
                if shown < digests.len() {
                    writeln!(
                        self.stdout,
                        "{} of {} digests on the panel",
                        shown,
                        digests.len()
                    )?;
                }
            }
            Display::Oled128x64 => {
                if digests.is_empty() {
                    let screen = self.render(&OLED128X64, digests, &self.facts);
                    self.emit("oled128x64-00", &screen)?;
                }
                for (index, digest) in digests.iter().enumerate() {
                    for page in 0..OledCard::pages(digest) {
                        let facts = Facts {
                            selected: index,
                            page,
                            ..self.facts
                        };
                        let screen = self.render(&OLED128X64, digests, &facts);
                        let name = match page {
                            0 => format!("oled128x64-{:02}", index + 1),
                            p => format!("oled128x64-{:02}-p{}", index + 1, p + 1),
                        };
                        self.emit(&name, &screen)?;
                    }
                }
            }
            Display::Led32x8 => self.strip("led32x8", &LED32X8, digests)?,
            Display::Microbit => self.strip("microbit", &MICROBIT, digests)?,
        }
        self.stdout.flush()?;
        Ok(())
    }

    fn render(
        &self,
        layout: &impl Layout,
        digests: &[impl Item],
        facts: &Facts,
    ) -> SimulatorDisplay<BinaryColor> {
        let mut display = SimulatorDisplay::new(layout.size());
        let Ok(()) = layout.draw(&mut display, digests, facts);
        display
    }

    /// A strip: the whole line that scrolls past (the screen printed in the terminal, in
    /// bands), and a sheet of frames one glyph apart.
    fn strip(&mut self, name: &str, strip: &Strip, digests: &[impl Item]) -> anyhow::Result<()> {
        let line = screen::strip_line(strip, digests);
        self.save(name, &line)?;
        let text = screen::to_terminal(self.args.term, &line, TERMINAL_BAND);
        write!(self.stdout, "{text}")?;
        let frames = strip.frames(digests);
        writeln!(
            self.stdout,
            "{frames} frame(s) at {} ms: {:.1} s a pass",
            strip.frame_ms(),
            f64::from(frames) * f64::from(strip.frame_ms()) / 1000.0
        )?;
        let step = usize::try_from(strip.text_area().advance)
            .unwrap_or(1)
            .max(1);
        let frames: Vec<u32> = (0..frames).step_by(step).collect();
        let columns = (256 / (strip.size().width + SHEET_GAP)).max(1);
        let size = sheet_size(strip, frames.len() as u32, columns);
        let mut sheet = SimulatorDisplay::with_default_color(size, SHEET_GAP_COLOR);
        let frame_size = strip.size();
        for (index, &frame) in frames.iter().enumerate() {
            let index = index as u32;
            let facts = Facts {
                frame,
                ..self.facts
            };
            let screen = self.render(strip, digests, &facts);
            let origin = Point::new(
                ((index % columns) * (frame_size.width + SHEET_GAP)) as i32,
                ((index / columns) * (frame_size.height + SHEET_GAP)) as i32,
            );
            self.paint(&screen, &mut sheet, origin);
        }
        self.save_rgb(&format!("{name}-frames"), &sheet)?;
        Ok(())
    }

    /// Copies `screen` in the panel's colours into `out` at `origin`.
    fn paint(
        &self,
        screen: &SimulatorDisplay<BinaryColor>,
        out: &mut SimulatorDisplay<Rgb888>,
        origin: Point,
    ) {
        screen::paint(screen, self.args.display.colors(), out, origin);
    }

    /// Writes `screen` as NAME.png and prints it in the terminal.
    fn emit(&mut self, name: &str, screen: &SimulatorDisplay<BinaryColor>) -> anyhow::Result<()> {
        self.save(name, screen)?;
        let text = screen::to_terminal(self.args.term, screen, TERMINAL_WHOLE);
        write!(self.stdout, "{text}")?;
        Ok(())
    }

    fn save(&mut self, name: &str, screen: &SimulatorDisplay<BinaryColor>) -> anyhow::Result<()> {
        let path = self.args.out.join(format!("{name}.png"));
        screen::save_png(self.args.display, screen, self.scale(), &path)?;
        writeln!(self.stdout, "{}", path.display())?;
        Ok(())
    }

    fn save_rgb(&mut self, name: &str, image: &SimulatorDisplay<Rgb888>) -> anyhow::Result<()> {
        let path = self.args.out.join(format!("{name}.png"));
        screen::save_rgb(image, self.scale(), &path)?;
        writeln!(self.stdout, "{}", path.display())?;
        Ok(())
    }

    fn scale(&self) -> u32 {
        self.args
            .scale
            .unwrap_or_else(|| self.args.display.default_scale())
    }
}
