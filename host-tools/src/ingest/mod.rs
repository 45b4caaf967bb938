//! `alert-digest ingest`: real feeds in, event records (schema v1, JSON Lines) out.

mod nws;
mod usgs;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{Map, Value};

/// Turn a feed into event records (JSON Lines) for `condense` and `send`.
#[derive(clap::Args)]
pub struct Args {
    /// The feed's format.
    #[arg(long, value_enum)]
    from: Feed,
    /// The feed file, or - for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum Feed {
    /// api.weather.gov alerts: a GeoJSON FeatureCollection, one Feature, or one properties
    /// object per line.
    Nws,
    /// The USGS earthquake GeoJSON summary feed.
    Usgs,
}

/// What ingesting a feed gave: records, and the items that could not be used.
pub struct Outcome {
    pub records: Vec<Map<String, Value>>,
    /// (where in the feed, why) for every item skipped.
    pub skipped: Vec<(String, String)>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bytes = crate::lines::read_all(&args.file)?;
    let outcome = match args.from {
        Feed::Nws => nws::ingest(&bytes),
        Feed::Usgs => usgs::ingest(&bytes)?,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for record in &outcome.records {
        serde_json::to_writer(&mut out, record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    for (at, why) in &outcome.skipped {
        eprintln!("{at}: skipped: {why}");
    }
    Ok(if outcome.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Inserts `value` under `key` when it is a non-empty string.
fn put_str(record: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        record.insert(key.into(), Value::String(v.into()));
    }
}

/// The longest prefix of `text` within `max` bytes that ends at one of `separators` (or a
/// character boundary when none is found), for fields the schema limits.
fn shorten<'t>(text: &'t str, max: usize, separators: &[char]) -> &'t str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(separators) {
        Some(i) if i > 0 => head[..i].trim_end(),
        _ => head,
    }
}
