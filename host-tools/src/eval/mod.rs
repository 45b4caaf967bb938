//! `alert-digest eval`: condenses the sources of a JSON Lines file and scores the digests
//! against human references with ROUGE, the hard checks, and the names and numbers kept.

mod checks;
pub mod rouge;

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use alert_digest::condense::compress;
use alert_digest::{Digest, EventRecord, MAX_BUDGET, MAX_RECORD_BYTES, condense};
use anyhow::Context as _;
use clap::ValueEnum;
use serde_json::{Value, json};

use checks::Checks;
use rouge::{Scores, Tokenizer};

const AFTER_HELP: &str = "\
Input: JSON Lines, one object a line, with the source text in --source-field and the human
references in --reference-field (a string, or an array of strings: the best F1 is taken).

ROUGE is computed as Google's rouge-score package does with use_stemmer=True (F1 x 100,
averaged over items). Hard checks: within budget, no cut inside a word, nothing dangling at
the end, the same digest twice. Names and numbers: of the source's names and numbers that a
reference also has, the share the digest keeps.

Examples:
  alert-digest eval --budget 64 compression-bnc/pairs.jsonl
  alert-digest eval --budget 48 --source-field lead_sentence --reference-field title \\
    headlines-reuters/title_lead.jsonl";

/// Score condensed free text against human references (ROUGE-1/2/L F1, hard checks).
#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// Most bytes of digest text (16 to 160).
    #[arg(long, short, default_value_t = alert_digest::DEFAULT_BUDGET)]
    budget: usize,
    /// How the digests are made.
    #[arg(long, short, value_enum, default_value_t = Method::Condense)]
    method: Method,
    /// Field holding the source text.
    #[arg(long, default_value = "source")]
    source_field: String,
    /// Field holding the reference (a string or an array of strings).
    #[arg(long, default_value = "references")]
    reference_field: String,
    /// Score the digests in this field (made elsewhere) instead of condensing the sources.
    #[arg(long)]
    digest_field: Option<String>,
    /// Write one JSON object per item (digest, references, scores) to this file.
    #[arg(long)]
    items: Option<PathBuf>,
    /// Print the summary as one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// JSON Lines input, or - for standard input.
    file: PathBuf,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Method {
    /// The core's condensing (`condense` of a record holding the source as its text).
    Condense,
    /// The baseline: the lead sentence cut at a word boundary.
    Lead,
}

/// Totals over all items.
#[derive(Default)]
struct Totals {
    items: usize,
    rouge1: f64,
    rouge2: f64,
    rouge_l: f64,
    within_budget: usize,
    whole_words: usize,
    no_dangling: usize,
    deterministic: usize,
    all_checks: usize,
    names_seen: usize,
    names_kept: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(alert_digest::MIN_BUDGET..=MAX_BUDGET).contains(&args.budget) {
        anyhow::bail!(
            "--budget must be from {} to {MAX_BUDGET}",
            alert_digest::MIN_BUDGET
        );
    }
    let input = crate::lines::open(&args.file)?;
    let mut items_out = match &args.items {
        Some(path) => {
            Some(BufWriter::new(File::create(path).with_context(|| {
                format!("cannot create {}", path.display())
            })?))
        }
        None => None,
    };
    let tokenizer = Tokenizer::default();
    let mut totals = Totals::default();
    for (index, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let item: Value =
            serde_json::from_str(&line).with_context(|| format!("line {number}: not JSON"))?;
        let source = item
            .get(&args.source_field)
            .and_then(Value::as_str)
            .with_context(|| format!("line {number}: no string {:?}", args.source_field))?;
        let references = references(&item, &args.reference_field)
            .with_context(|| format!("line {number}: no {:?}", args.reference_field))?;
        let (digest, again) = match &args.digest_field {
            Some(field) => {
                let given = item
                    .get(field)
                    .and_then(Value::as_str)
                    .with_context(|| format!("line {number}: no string {field:?}"))?;
                (given.to_owned(), given.to_owned())
            }
            None => (
                make(args.method, source, args.budget),
                make(args.method, source, args.budget),
            ),
        };
        let checks = checks::check(source, &digest, &again, args.budget);
        let reference_tokens: Vec<Vec<String>> =
            references.iter().map(|r| tokenizer.tokens(r)).collect();
        let scores = rouge::score_multi(&reference_tokens, &tokenizer.tokens(&digest));
        let (seen, kept) = names_kept(&tokenizer, source, &reference_tokens, &digest);
        totals.add(&scores, checks, seen, kept);
        if let Some(out) = items_out.as_mut() {
            writeln!(
                out,
                "{}",
                item_json(number, &digest, &references, &scores, checks)
            )?;
        }
    }
    if let Some(mut out) = items_out {
        out.flush()?;
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        writeln!(out, "{}", totals.json(args.budget))?;
    } else {
        totals.print(&mut out, args.budget)?;
    }
    Ok(if totals.all_checks == totals.items {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The references of an item: a string or an array of strings.
fn references(item: &Value, field: &str) -> Option<Vec<String>> {
    match item.get(field)? {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(all) => all.iter().map(|r| r.as_str().map(str::to_owned)).collect(),
        _ => None,
    }
}

/// The digest text for `source`. The host hands the core at most a record's worth of text.
fn make(method: Method, source: &str, budget: usize) -> String {
    let source = leading(source, MAX_RECORD_BYTES);
    match method {
        Method::Condense => {
            let record = EventRecord {
                id: "eval",
                text: Some(source),
                ..EventRecord::default()
            };
            condense::<MAX_BUDGET>(&record, budget)
                .map(|d: Digest<MAX_BUDGET>| d.text.as_str().to_owned())
                .unwrap_or_default()
        }
        Method::Lead => {
            // As PROVENANCE.md measured it: marks and clitics of tokenised text (" ,", " 're")
            // join the word before, then the lead is cut at the last space within budget.
            let lead = compress::lead_sentence(source)
                .replace(" ,", ",")
                .replace(" .", ".")
                .replace(" '", "'");
            let spaced = lead.split_whitespace().collect::<Vec<_>>().join(" ");
            lead_cut(&spaced, budget).to_owned()
        }
    }
}

/// The baseline's cut: all of `text` if it fits, else up to the last space within `budget`
/// bytes (a word may end exactly at the budget), with no other trimming.
fn lead_cut(text: &str, budget: usize) -> &str {
    if text.len() <= budget {
        return text;
    }
    let head = leading(text, budget + 1);
    head.rfind(' ').map_or("", |i| &text[..i])
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn leading(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Of the source's names and numbers that some reference has, how many the digest keeps.
fn names_kept(
    tokenizer: &Tokenizer,
    source: &str,
    references: &[Vec<String>],
    digest: &str,
) -> (usize, usize) {
    let digest_tokens = tokenizer.tokens(digest);
    let mut seen = 0;
    let mut kept = 0;
    for name in checks::names_and_numbers(source) {
        let stemmed = tokenizer.tokens(&name);
        let Some(token) = stemmed.first() else {
            continue;
        };
        if references.iter().any(|r| r.contains(token)) {
            seen += 1;
            kept += usize::from(digest_tokens.contains(token));
        }
    }
    (seen, kept)
}

fn item_json(
    line: usize,
    digest: &str,
    references: &[String],
    s: &Scores,
    checks: Checks,
) -> Value {
    let score = |x: &rouge::Score| json!({"p": x.precision, "r": x.recall, "f": x.f1});
    json!({
        "line": line,
        "digest": digest,
        "bytes": digest.len(),
        "references": references,
        "rouge1": score(&s.rouge1),
        "rouge2": score(&s.rouge2),
        "rougeL": score(&s.rouge_l),
        "checks": checks.all(),
    })
}

impl Totals {
    fn add(&mut self, s: &Scores, c: Checks, names_seen: usize, names_kept: usize) {
        self.items += 1;
        self.rouge1 += s.rouge1.f1;
        self.rouge2 += s.rouge2.f1;
        self.rouge_l += s.rouge_l.f1;
        self.within_budget += usize::from(c.within_budget);
        self.whole_words += usize::from(c.whole_words);
        self.no_dangling += usize::from(c.no_dangling);
        self.deterministic += usize::from(c.deterministic);
        self.all_checks += usize::from(c.all());
        self.names_seen += names_seen;
        self.names_kept += names_kept;
    }

    /// `part` of all items, as a percentage.
    fn pct(&self, part: usize) -> f64 {
        100.0 * part as f64 / self.items.max(1) as f64
    }

    /// A mean F1 as ROUGE figures are quoted (x 100).
    fn mean(&self, sum: f64) -> f64 {
        100.0 * sum / self.items.max(1) as f64
    }

    fn names_pct(&self) -> f64 {
        100.0 * self.names_kept as f64 / self.names_seen.max(1) as f64
    }

    fn json(&self, budget: usize) -> Value {
        json!({
            "items": self.items,
            "budget": budget,
            "rouge1_f1": self.mean(self.rouge1),
            "rouge2_f1": self.mean(self.rouge2),
            "rougeL_f1": self.mean(self.rouge_l),
            "within_budget_pct": self.pct(self.within_budget),
            "whole_words_pct": self.pct(self.whole_words),
            "no_dangling_pct": self.pct(self.no_dangling),
            "deterministic_pct": self.pct(self.deterministic),
            "hard_checks_pct": self.pct(self.all_checks),
            "names_numbers_seen": self.names_seen,
            "names_numbers_kept": self.names_kept,
        })
    }

    fn print(&self, out: &mut impl Write, budget: usize) -> io::Result<()> {
        writeln!(out, "items: {}   budget: {budget} bytes", self.items)?;
        writeln!(
            out,
            "ROUGE F1 x100: R-1 {:.2}   R-2 {:.2}   R-L {:.2}",
            self.mean(self.rouge1),
            self.mean(self.rouge2),
            self.mean(self.rouge_l)
        )?;
        writeln!(
            out,
            "hard checks: {:.1}% (within budget {:.1}%, whole words {:.1}%, nothing dangling {:.1}%, deterministic {:.1}%)",
            self.pct(self.all_checks),
            self.pct(self.within_budget),
            self.pct(self.whole_words),
            self.pct(self.no_dangling),
            self.pct(self.deterministic)
        )?;
        writeln!(
            out,
            "names and numbers kept: {:.1}% ({} of {} that a reference has)",
            self.names_pct(),
            self.names_kept,
            self.names_seen
        )
    }
}
