//! `alert-digest ingest`: real feeds in, event records (schema v1, JSON Lines) out.
//!
//! Every feed maps to the same record fields (see SCHEMA.md). An item that cannot be read is
//! named on stderr with where it is in the feed and why, and the items around it are still
//! written; the exit status is then 1. Items that are well formed but say nothing a digest
//! could use (a GDELT row without an acting party) are counted, not treated as errors.

mod cameo;
mod cap;
mod gdelt;
pub(crate) mod nws;
mod rss;
mod text;
pub(crate) mod usgs;
mod xml_chunks;

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
    /// CAP 1.2 XML: one <alert>, or several one after another.
    Cap,
    /// The USGS earthquake GeoJSON summary feed.
    Usgs,
    /// A GDELT 2.0 events export (tab-separated, 61 columns, no header).
    Gdelt,
    /// An RSS 2.0 or Atom feed.
    Rss,
    /// A news article in plain text: one record per salient event it reports.
    Text,
}

/// What ingesting a feed gave: records, the items that could not be read, and those passed
/// over.
#[derive(Default)]
pub struct Outcome {
    pub records: Vec<Map<String, Value>>,
    /// (where in the feed, why) for every item that could not be read.
    pub skipped: Vec<(String, String)>,
    /// Well-formed items that gave no record, and why (one reason for them all).
    pub ignored: usize,
    pub ignored_why: &'static str,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bytes = crate::lines::read_all(&args.file)?;
    let outcome = match args.from {
        Feed::Nws => nws::ingest(&bytes),
        Feed::Cap => cap::ingest(&bytes)?,
        Feed::Usgs => usgs::ingest(&bytes)?,
        Feed::Gdelt => gdelt::ingest(&bytes),
        Feed::Rss => rss::ingest(&bytes)?,
        Feed::Text => text::ingest(&bytes)?,
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
    if outcome.ignored > 0 {
        eprintln!(
            "{} item(s) passed over: {}",
            outcome.ignored, outcome.ignored_why
        );
    }
    eprintln!(
        "{} record(s) written, {} item(s) skipped",
        outcome.records.len(),
        outcome.skipped.len()
    );
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

/// Text a feed gives as HTML (RSS descriptions, Atom summaries) as plain text: tags dropped,
/// entities decoded, runs of white space made one space.
fn plain_text(html: &str) -> String {
    let mut stripped = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => in_tag = true,
            (true, '>') => {
                in_tag = false;
                stripped.push(' ');
            }
            (false, c) => stripped.push(c),
            (true, _) => {}
        }
    }
    let decoded = html_escape::decode_html_entities(&stripped);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>Storms &amp; hail<br/>near <b>Tulsa</b></p>"),
            "Storms & hail near Tulsa"
        );
    }

    #[test]
    fn shorten_ends_at_a_separator() {
        assert_eq!(shorten("Creek, OK; Tulsa, OK", 12, &[';']), "Creek, OK");
        assert_eq!(shorten("short", 12, &[';']), "short");
    }
}
