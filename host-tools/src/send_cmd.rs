//! `alert-digest send`: condense records (or pass them raw), stream them to a board over the
//! link, wait until each is acknowledged, and say what was and was not delivered.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use alert_digest::link::{
    Hello, MAX_WIRE_RECORD_BYTES, NakReason, QuietHours, SCHEMA_HASH, UTC_OFFSET_MINUTES,
};
use alert_digest::{DEFAULT_BUDGET, Field, MAX_BUDGET, MAX_RECORD_BYTES, MIN_BUDGET};
use alert_digest_host::link::transport::{Driver, Target, find_usb_port};
use alert_digest_host::link::{HostConfig, HostEvent, HostSession, HostStats, Outgoing};
use anyhow::{Context as _, bail};
use indicatif::{ProgressBar, ProgressStyle};

use crate::lines::{CappedLines, Line};

/// The tag of the TimeSync sent before the data (input lines are tagged by their index).
const TIME_TAG: u64 = u64::MAX;
/// The tag of the quiet hours sent after it.
const QUIET_TAG: u64 = u64::MAX - 1;

const SEND_HELP: &str = "\
Input: JSON Lines of event records (see `alert-digest condense --help`).
By default each record is condensed here with the board's budget (from its Hello, or
--budget) and sent as a digest; --records sends the records for the board to condense,
without fields the schema does not define, and with `text` shortened if the board's record
limit needs it; a board whose firmware condenses no records (the default build of every
board) is sent digests instead, with a notice. The host's clock is sent first so the board can age and expire digests.

Quiet hours (--quiet 22:00-07:00, in local time): while they last the board draws only
critical alerts (severe or extreme), at once; the rest are kept and shown when the hours end,
the card stops rotating, and LED boards dim. The board keeps them until it resets;
--quiet off removes them. Local time is this computer's unless --utc-offset says otherwise.

Exit status: 0 every line delivered and acknowledged; 1 some line not delivered (it did not
condense, or the board refused it; each is listed); 2 the link failed (the port could not be
opened, the board did not answer, or the port went away and did not come back).";

/// Stream digests (or raw records) to a board and wait for its acknowledgements.
#[derive(clap::Args)]
#[command(after_help = SEND_HELP)]
pub struct Args {
    /// Serial port (e.g. /dev/ttyACM0), or usb:VID:PID[:SERIAL] (see `alert-digest ports`).
    #[arg(
        long,
        short,
        required_unless_present = "connect",
        conflicts_with = "connect"
    )]
    port: Option<String>,
    /// An emulator instead of a port: unix:PATH or tcp:HOST:PORT.
    #[arg(long)]
    connect: Option<String>,
    #[arg(long, default_value_t = 115_200)]
    baud: u32,
    /// Send raw records for the board to condense.
    #[arg(long, conflicts_with = "digests")]
    records: bool,
    /// Condense here and send digests (the default).
    #[arg(long)]
    digests: bool,
    /// Most bytes of digest text (16 to 160); by default the board's own budget.
    #[arg(long, short)]
    budget: Option<usize>,
    /// Drive DTR on or off after opening the port (left alone when not given).
    #[arg(long, value_parser = on_off)]
    dtr: Option<bool>,
    /// Drive RTS on or off after opening the port (left alone when not given).
    #[arg(long, value_parser = on_off)]
    rts: Option<bool>,
    /// Seconds to wait for the board's Hello, and for an answer once connected.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// Seconds to keep reopening a port that went away (unplugged) before giving up.
    #[arg(long, default_value_t = 30)]
    reconnect: u64,
    /// Quiet hours on the board, local time: START-END (e.g. 22:00-07:00), or off.
    #[arg(long, value_parser = quiet_span)]
    quiet: Option<(u16, u16)>,
    /// Local time's offset from UTC for --quiet (e.g. +01:00, -05:00); this computer's when
    /// not given.
    #[arg(long, value_parser = utc_offset, allow_hyphen_values = true, requires = "quiet")]
    utc_offset: Option<i16>,
    /// Input file of JSON Lines, or - for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
}

/// `HH:MM-HH:MM` as minutes of the day; `off` as an empty span.
fn quiet_span(s: &str) -> Result<(u16, u16), String> {
    if s == "off" {
        return Ok((0, 0));
    }
    let (start, end) = s
        .split_once('-')
        .ok_or_else(|| format!("`{s}`: expected START-END, e.g. 22:00-07:00, or off"))?;
    Ok((minute_of_day(start)?, minute_of_day(end)?))
}

/// `HH:MM` (24-hour clock) as minutes since midnight.
fn minute_of_day(s: &str) -> Result<u16, String> {
    let bad = || format!("`{s}`: expected a time of day HH:MM, 00:00 to 23:59");
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h >= 24 || m >= 60 {
        return Err(bad());
    }
    // Below MINUTES_PER_DAY by the checks above.
    Ok(h * 60 + m)
}

/// `+HH:MM` or `-HH:MM` as minutes east of UTC.
fn utc_offset(s: &str) -> Result<i16, String> {
    let bad = || format!("`{s}`: expected an offset from UTC, e.g. +01:00 or -05:00");
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+') => (1, &s[1..]),
        Some(b'-') => (-1, &s[1..]),
        _ => return Err(bad()),
    };
    let minutes = minute_of_day(rest).map_err(|_| bad())?;
    let offset = sign * i16::try_from(minutes).map_err(|_| bad())?;
    if !UTC_OFFSET_MINUTES.contains(&offset) {
        return Err(format!("`{s}`: offsets run from -12:00 to +14:00"));
    }
    Ok(offset)
}

/// The quiet hours to send: `--utc-offset`, else this computer's offset now.
fn quiet_hours(args: &Args) -> anyhow::Result<Option<QuietHours>> {
    let Some((start, end)) = args.quiet else {
        return Ok(None);
    };
    let utc_offset = match args.utc_offset {
        Some(offset) => offset,
        // Read while the process has one thread: `time` refuses to read the zone otherwise.
        None => time::UtcOffset::current_local_offset()
            .context("cannot read this computer's time zone: give --utc-offset")?
            .whole_minutes(),
    };
    Ok(Some(QuietHours {
        start,
        end,
        utc_offset,
    }))
}

fn on_off(s: &str) -> Result<bool, String> {
    match s {
        "on" | "1" | "high" => Ok(true),
        "off" | "0" | "low" => Ok(false),
        _ => Err(format!("`{s}`: expected on or off")),
    }
}

/// What became of one input line.
enum Fate {
    Pending,
    Delivered,
    /// Not sent, or refused by the board, and why.
    NotDelivered(String),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(b) = args.budget
        && !(MIN_BUDGET..=MAX_BUDGET).contains(&b)
    {
        bail!("--budget must be from {MIN_BUDGET} to {MAX_BUDGET}");
    }
    let quiet = quiet_hours(&args)?;
    let lines = read_lines(&args.file)?;
    let target = target(&args)?;
    let config = match target {
        Target::Serial { baud, .. } => HostConfig::serial(baud),
        _ => HostConfig::socket(),
    };
    let session = HostSession::new(config, fastrand::u32(..));
    let mut driver = Driver::connect(target, session)?;
    driver.reconnect_for = Duration::from_secs(args.reconnect);
    let timeout = Duration::from_secs(args.timeout);

    let hello = wait_for_hello(&mut driver, timeout)?;
    eprintln!("{}", describe_board(&hello));
    let budget = args.budget.unwrap_or_else(|| {
        let b = usize::from(hello.display.budget);
        if (MIN_BUDGET..=MAX_BUDGET).contains(&b) {
            b
        } else {
            DEFAULT_BUDGET
        }
    });

    // A board built without on-board condensing (the default firmware of every board) offers
    // no record room: condense here instead of having it refuse every line.
    let records = args.records && hello.max_record > 0;
    if args.records && !records {
        eprintln!(
            "board condenses no raw records (its firmware leaves them out): condensing here at \
             {budget} bytes"
        );
    }

    let mut fates: Vec<Fate> = Vec::with_capacity(lines.len());
    if let Ok(now) = SystemTime::now().duration_since(UNIX_EPOCH) {
        let unix = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
        driver.session.push(TIME_TAG, Outgoing::TimeSync(unix));
    }
    if let Some(hours) = quiet {
        driver.session.push(QUIET_TAG, Outgoing::Quiet(hours));
    }
    for (index, line) in lines.iter().enumerate() {
        let prepared = match line {
            Line::TooLong(len) => Err(alert_digest::Error::RecordTooLong {
                len: *len,
                max: MAX_RECORD_BYTES,
            }
            .to_string()),
            Line::Bytes(bytes) if records => {
                let max = usize::from(hello.max_record).min(MAX_WIRE_RECORD_BYTES);
                compact_record(bytes, max).map(Outgoing::Record)
            }
            Line::Bytes(bytes) => condense_line(bytes, budget).map(Outgoing::Digest),
        };
        match prepared {
            Ok(msg) => {
                driver.session.push(index as u64, msg);
                fates.push(Fate::Pending);
            }
            Err(why) => fates.push(Fate::NotDelivered(why)),
        }
    }

    let to_send = fates.iter().filter(|f| matches!(f, Fate::Pending)).count();
    let progress = Progress::new(to_send as u64);
    let outcome = stream(&mut driver, &mut fates, &progress, timeout);
    progress.finish();
    let stats = driver.session.stats();
    summary(&fates, &stats, driver.reconnects, records);
    outcome?;
    let failed = fates.iter().any(|f| !matches!(f, Fate::Delivered));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read_lines(path: &std::path::Path) -> anyhow::Result<Vec<Line>> {
    let input = crate::lines::open(path)?;
    CappedLines::new(input, MAX_RECORD_BYTES)
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("cannot read {}", path.display()))
}

fn target(args: &Args) -> anyhow::Result<Target> {
    if let Some(spec) = &args.connect {
        return Target::from_str(spec);
    }
    let Some(port) = &args.port else {
        bail!("give --port PORT or --connect unix:PATH|tcp:HOST:PORT");
    };
    let path = match port.strip_prefix("usb:") {
        Some(spec) => find_usb_port(spec)?,
        None => port.clone(),
    };
    Ok(Target::Serial {
        path,
        baud: args.baud,
        dtr: args.dtr,
        rts: args.rts,
    })
}

fn wait_for_hello(driver: &mut Driver, timeout: Duration) -> anyhow::Result<Hello> {
    let start = driver.now();
    loop {
        driver.turn()?;
        while let Some(event) = driver.session.next_event() {
            if let HostEvent::SchemaMismatch(h) = event {
                bail!(
                    "the board on {} speaks another message schema ({:08x}; this host {:08x}): \
                     update the host or the firmware",
                    driver.target(),
                    h.schema,
                    SCHEMA_HASH
                );
            }
        }
        if let Some(hello) = driver.session.board().copied()
            && hello.schema == SCHEMA_HASH
        {
            return Ok(hello);
        }
        if driver.now() - start > timeout {
            bail!(
                "no Hello from a board on {} within {} s (is it running alert-digest firmware, \
                 at this baud rate?)",
                driver.target(),
                timeout.as_secs()
            );
        }
    }
}

fn describe_board(h: &Hello) -> String {
    use alert_digest::link::display_kind as k;
    let kind = match h.display.kind {
        k::NONE => "no display",
        k::OLED => "OLED",
        k::EINK => "e-ink",
        k::LED_MATRIX => "LED matrix",
        k::LED_GRID => "LED grid",
        k::TEXT => "text display",
        _ => "display",
    };
    format!(
        "board: boot {:08x}, {kind} {}x{}, budget {} bytes, window {}, records up to {} bytes",
        h.boot, h.display.width, h.display.height, h.display.budget, h.window, h.max_record
    )
}

fn condense_line(bytes: &[u8], budget: usize) -> Result<alert_digest::link::WireDigest, String> {
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    let record = alert_digest::parse_record(bytes, &mut scratch).map_err(|e| e.to_string())?;
    alert_digest::condense(&record, budget).map_err(|e| e.to_string())
}

/// A record as the board will get it: checked here first (a record the board would refuse is
/// reported now), without fields the schema does not define, and with `text` shortened when
/// the board's limit needs it (the condenser reads text from the front).
pub fn compact_record(bytes: &[u8], max: usize) -> Result<Vec<u8>, String> {
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    alert_digest::parse_record(bytes, &mut scratch).map_err(|e| e.to_string())?;
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let serde_json::Value::Object(map) = value else {
        return Err("record is not a JSON object".into());
    };
    let mut kept: serde_json::Map<String, serde_json::Value> = map
        .into_iter()
        .filter(|(k, _)| Field::from_key(k).is_some())
        .collect();
    for _ in 0..4 {
        let out = serde_json::to_vec(&kept).map_err(|e| e.to_string())?;
        if out.len() <= max {
            return Ok(out);
        }
        let excess = out.len() - max;
        let Some(serde_json::Value::String(text)) = kept.get_mut("text") else {
            break;
        };
        let mut keep = text.len().saturating_sub(excess + 4);
        while !text.is_char_boundary(keep) {
            keep -= 1;
        }
        text.truncate(keep);
    }
    Err(format!(
        "record is longer than the board's {max}-byte limit even without unknown fields"
    ))
}

fn stream(
    driver: &mut Driver,
    fates: &mut [Fate],
    progress: &Progress,
    timeout: Duration,
) -> anyhow::Result<()> {
    let mut last_progress = driver.now();
    while !driver.session.is_idle() {
        driver.turn()?;
        while let Some(event) = driver.session.next_event() {
            match event {
                HostEvent::Delivered(tag) => {
                    last_progress = driver.now();
                    if let Some(f) = usize::try_from(tag).ok().and_then(|i| fates.get_mut(i)) {
                        *f = Fate::Delivered;
                        progress.inc();
                    }
                }
                HostEvent::Refused(QUIET_TAG, _) => {
                    last_progress = driver.now();
                    progress.note("the board refused the quiet hours");
                }
                HostEvent::Refused(tag, reason) => {
                    last_progress = driver.now();
                    if let Some(f) = usize::try_from(tag).ok().and_then(|i| fates.get_mut(i)) {
                        *f = Fate::NotDelivered(match reason {
                            NakReason::Rejected => "refused by the board (rejected)".into(),
                            NakReason::Unsupported => {
                                "refused by the board (it does not take this message)".into()
                            }
                            NakReason::Gap => "refused by the board".into(),
                        });
                        progress.inc();
                    }
                }
                HostEvent::BoardReset(h) => progress.note(&format!(
                    "board reset (new boot {:08x}); resuming where it left off",
                    h.boot
                )),
                HostEvent::SchemaMismatch(h) => bail!(
                    "the board came back speaking another message schema ({:08x})",
                    h.schema
                ),
                HostEvent::Connected(_) => {}
            }
        }
        let silent = driver.session.silent_for(driver.now()).unwrap_or_default();
        let stalled = driver.now() - last_progress;
        if driver.is_connected() && silent > timeout && stalled > timeout {
            bail!(
                "the board on {} stopped answering ({} s without a frame); {} not acknowledged",
                driver.target(),
                silent.as_secs(),
                driver.session.outstanding()
            );
        }
        // A board that answers but never acknowledges (a line that corrupts every attempt)
        // must not keep us here forever either.
        if driver.is_connected() && stalled > timeout {
            bail!(
                "nothing acknowledged on {} for {} s although the board answers (a line too \
                 noisy?); {} not acknowledged",
                driver.target(),
                stalled.as_secs(),
                driver.session.outstanding()
            );
        }
    }
    Ok(())
}

fn summary(fates: &[Fate], stats: &HostStats, reconnects: u64, records: bool) {
    let what = if records { "records" } else { "digests" };
    let delivered = fates
        .iter()
        .filter(|f| matches!(f, Fate::Delivered))
        .count();
    let missing = fates.len() - delivered;
    eprintln!(
        "{delivered} of {} {what} delivered and acknowledged; {missing} not delivered",
        fates.len()
    );
    // Reasons, grouped, with the first few line numbers each.
    let mut reasons: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, fate) in fates.iter().enumerate() {
        match fate {
            Fate::NotDelivered(why) => reasons.entry(why.clone()).or_default().push(i + 1),
            Fate::Pending => reasons
                .entry("not acknowledged (link failed)".into())
                .or_default()
                .push(i + 1),
            Fate::Delivered => {}
        }
    }
    for (why, lines) in &reasons {
        let shown: Vec<String> = lines.iter().take(10).map(|n| n.to_string()).collect();
        let more = if lines.len() > 10 {
            format!(" and {} more", lines.len() - 10)
        } else {
            String::new()
        };
        eprintln!("  line {}{more}: {why}", shown.join(", "));
    }
    let rx = stats.rx;
    eprintln!(
        "link: {} data frames sent, {} retransmits ({} timeouts, {} gaps reported by the board), \
         {} CRC errors and {} other damaged frames received, {} frames repaired by error \
         correction ({} bytes), {} board resets, {} reconnects",
        stats.data_sent,
        stats.retransmits,
        stats.timeouts,
        stats.gobacks,
        rx.crc,
        rx.faults() - rx.crc,
        rx.corrected,
        rx.fixed_bytes,
        stats.board_resets,
        reconnects
    );
    if let (Some(mean), Some(min), Some(max)) = (stats.rtt_mean(), stats.rtt_min, stats.rtt_max) {
        eprintln!(
            "round trip: mean {:.1} ms, min {:.1} ms, max {:.1} ms ({} samples)",
            ms(mean),
            ms(min),
            ms(max),
            stats.rtt_samples
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A progress bar on a terminal; plain lines every tenth otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    total: u64,
    done: std::cell::Cell<u64>,
}

impl Progress {
    fn new(total: u64) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} acknowledged {msg} [{elapsed}]")
            {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            total,
            done: std::cell::Cell::new(0),
        }
    }

    fn inc(&self) {
        let done = self.done.get() + 1;
        self.done.set(done);
        match &self.bar {
            Some(bar) => bar.inc(1),
            None => {
                let step = (self.total / 10).max(1);
                if done.is_multiple_of(step) || done == self.total {
                    eprintln!("{done}/{} acknowledged", self.total);
                }
            }
        }
    }

    fn note(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_hours_and_offsets_read_as_minutes() {
        assert_eq!(quiet_span("22:00-07:00"), Ok((1320, 420)));
        assert_eq!(quiet_span("00:00-23:59"), Ok((0, 1439)));
        assert_eq!(quiet_span("off"), Ok((0, 0)));
        for bad in ["22:00", "24:00-07:00", "22:60-07:00", "10-12", "a:b-c:d"] {
            assert!(quiet_span(bad).is_err(), "{bad}");
        }
        assert_eq!(utc_offset("+01:00"), Ok(60));
        assert_eq!(utc_offset("-05:30"), Ok(-330));
        assert_eq!(utc_offset("+14:00"), Ok(840));
        for bad in ["01:00", "+15:00", "-13:00", "+1"] {
            assert!(utc_offset(bad).is_err(), "{bad}");
        }
    }

    const NWS: &str = r#"{"id":"nws-1","kind":"weather","headline":"Flood Warning","text":"Heavy rain will continue through the evening. Rivers are rising quickly.","geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4]]]},"@context":"x"}"#;

    #[test]
    fn records_lose_unknown_fields_and_keep_the_rest() {
        let out = compact_record(NWS.as_bytes(), 1024).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["headline", "id", "kind", "text"]);
        assert_eq!(v["headline"], "Flood Warning");
    }

    #[test]
    fn text_is_shortened_to_fit_the_board() {
        let out = compact_record(NWS.as_bytes(), 100).unwrap();
        assert!(out.len() <= 100, "{}", out.len());
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert!(v["text"].as_str().unwrap().starts_with("Heavy rain"));
        // Still a record the board can read.
        let mut scratch = vec![0u8; 1024];
        alert_digest::parse_record(&out, &mut scratch).unwrap();
    }

    #[test]
    fn records_that_cannot_fit_or_parse_are_refused_here() {
        assert!(
            compact_record(NWS.as_bytes(), 40)
                .unwrap_err()
                .contains("40-byte limit")
        );
        assert!(
            compact_record(br#"{"kind":"quake"}"#, 1024)
                .unwrap_err()
                .contains("`id`")
        );
    }
}
