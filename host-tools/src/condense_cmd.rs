//! `alert-digest condense`: JSON Lines of event records in, one digest line per input line out.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use alert_digest::store::{Signature, Store};
use alert_digest::{Digest, EventRecord, MAX_BUDGET, MAX_RECORD_BYTES, condense, parse_record};
use clap::ValueEnum;
use serde_json::json;

use crate::lines::{CappedLines, Line};

const SCHEMA_HELP: &str = "\
Input: JSON Lines, one event record (schema v1, see SCHEMA.md) per line. Fields:
  id (required)   time (RFC 3339 or unix seconds)   kind (military, conflict, diplomacy,
  politics, economy, weather, quake, fire, health, transport, cyber, other)
  severity (extreme|severe|moderate|minor|unknown, or 4..0)   urgency   certainty
  actor action object relation (near|in|at|off|over) place region   magnitude unit
  until expires   headline text   source url   msg (alert|update|cancel) refs
Unknown fields are ignored.

Output: exactly one line per input line, in order. A line that is not a valid record gives
an empty line (text) or {\"line\":N,\"error\":\"...\"} (jsonl), and a message on stderr.

Exit status: 0 every line condensed; 1 some line was rejected; 2 the input could not be read.

Example:
  echo '{\"id\":\"a1\",\"kind\":\"military\",\"actor\":\"U.S. fighter jet\",\"action\":\"downed\",\\
  \"object\":\"Iranian drone\",\"relation\":\"near\",\"place\":\"USS Abraham Lincoln\"}' \\
    | alert-digest condense --budget 40
  Drone downed near USS Abraham Lincoln";

/// Condense event records (JSON Lines) into alert digests.
#[derive(clap::Args)]
#[command(after_help = SCHEMA_HELP)]
pub struct Args {
    /// Most bytes of digest text (16 to 160).
    #[arg(long, short, default_value_t = alert_digest::DEFAULT_BUDGET)]
    budget: usize,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Condense the stream through the store: repeats merged ("x3"), updates and cancels
    /// applied, ended alerts retired; prints what is left, most important first, and the
    /// store's counters on stderr.
    #[arg(long)]
    aggregate: bool,
    /// Input file of JSON Lines, or - for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The digest text alone.
    Text,
    /// One JSON object per digest.
    Jsonl,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(alert_digest::MIN_BUDGET..=MAX_BUDGET).contains(&args.budget) {
        anyhow::bail!(
            "--budget must be from {} to {MAX_BUDGET}",
            alert_digest::MIN_BUDGET
        );
    }
    let input = crate::lines::open(&args.file)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut rejected = 0usize;
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    let mut store = args.aggregate.then(|| Box::new(AggregateStore::default()));
    for (index, line) in CappedLines::new(input, MAX_RECORD_BYTES).enumerate() {
        let number = index + 1;
        let result = match line? {
            Line::Bytes(bytes) => condense_line(&bytes, &mut scratch, args.budget),
            Line::TooLong(len) => Err(alert_digest::Error::RecordTooLong {
                len,
                max: MAX_RECORD_BYTES,
            }),
        };
        if let (Some(store), Ok((digest, _, signature))) = (store.as_mut(), &result) {
            store.insert(digest.clone(), *signature);
            continue;
        }
        match result {
            Ok((digest, id, _)) => match args.format {
                Format::Text => writeln!(out, "{}", digest.text)?,
                Format::Jsonl => writeln!(out, "{}", digest_json(number, &id, &digest))?,
            },
            Err(e) => {
                rejected += 1;
                eprintln!("line {number}: {e}");
                match args.format {
                    Format::Text => writeln!(out)?,
                    Format::Jsonl => {
                        writeln!(out, "{}", json!({"line": number, "error": e.to_string()}))?
                    }
                }
            }
        }
    }
    if let Some(store) = &store {
        print_store(&mut out, store, args.format)?;
    }
    out.flush()?;
    Ok(if rejected == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("{rejected} line(s) rejected");
        ExitCode::from(1)
    })
}

/// Parses and condenses one line; returns the digest, the record's source id and its
/// signature for the store.
fn condense_line(
    bytes: &[u8],
    scratch: &mut [u8],
    budget: usize,
) -> Result<(Digest<MAX_BUDGET>, String, Signature), alert_digest::Error> {
    let record: EventRecord = parse_record(bytes, scratch)?;
    let digest = condense(&record, budget)?;
    Ok((digest, record.id.to_owned(), Signature::of_record(&record)))
}

/// Entries `--aggregate` keeps: more than a screenful of any display in USERS.md (Meshtastic
/// keeps 10 to 20 messages), so what it prints is what a board with room to spare would hold.
const AGGREGATE_CAPACITY: usize = 64;

type AggregateStore = Store<AGGREGATE_CAPACITY, MAX_BUDGET>;

/// The store's entries, most important first, and its counters on stderr.
fn print_store(out: &mut impl Write, store: &AggregateStore, format: Format) -> io::Result<()> {
    for (rank, entry) in store.iter().enumerate() {
        let d = &entry.digest;
        match format {
            Format::Text if d.count > 1 => writeln!(out, "{} (x{})", d.text, d.count)?,
            Format::Text => writeln!(out, "{}", d.text)?,
            Format::Jsonl => {
                let mut v = digest_json(rank + 1, "", d);
                if let Some(map) = v.as_object_mut() {
                    map.remove("line");
                    map.remove("id");
                    map.insert("rank".into(), json!(rank + 1));
                    map.insert("first".into(), json!(entry.first.map(rfc3339)));
                    map.insert("last".into(), json!(entry.last.map(rfc3339)));
                }
                writeln!(out, "{v}")?;
            }
        }
    }
    let c = store.counters();
    eprintln!(
        "store: {} kept of {} received; {} added, {} merged, {} updated, {} cancelled, \
         {} unmatched, {} expired, {} dropped",
        store.len(),
        c.received,
        c.added,
        c.merged,
        c.updated,
        c.cancelled,
        c.unmatched,
        c.expired,
        c.dropped
    );
    Ok(())
}

/// The JSON form of a digest: what `--format jsonl` prints.
pub fn digest_json<const N: usize>(line: usize, id: &str, d: &Digest<N>) -> serde_json::Value {
    json!({
        "line": line,
        "id": id,
        "hash": format!("{:08x}", d.id),
        "text": d.text.as_str(),
        "bytes": d.text.len(),
        "severity": d.severity,
        "urgency": d.urgency,
        "certainty": d.certainty,
        "kind": d.kind,
        "msg": d.msg,
        "time": d.time.map(rfc3339),
        "end": d.end.map(rfc3339),
        "count": d.count,
    })
}

/// Unix seconds as RFC 3339 in UTC.
fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| unix.to_string())
}
