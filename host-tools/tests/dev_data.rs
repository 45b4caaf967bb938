//! Checks over the larger dev data in the workplace's shared/data (not in the repository):
//! every NWS alert and USGS event goes through `ingest` and `condense` at every budget, and
//! every digest is within its budget. Run by scripts/check-data (which skips when the data is
//! absent): `cargo test -p alert-digest-host --test dev_data -- --ignored --nocapture`.

mod common;

use common::{alert_digest, data_dir};

const BUDGETS: [usize; 6] = [16, 32, 40, 48, 64, 160];

#[test]
#[ignore = "needs shared/data; run by scripts/check-data"]
fn every_dev_record_condenses_within_budget() {
    let dir = data_dir();
    assert!(dir.is_dir(), "no dev data at {}", dir.display());
    let feeds = [
        ("NWS alerts", "nws", dir.join("nws-alerts/alerts.jsonl")),
        (
            "USGS quakes",
            "usgs",
            dir.join("usgs-quakes/all_week_2023-04-07.geojson"),
        ),
    ];
    println!(
        "| input | items | records | usable digests at 16 / 32 / 40 / 48 / 64 / 160 bytes | within budget |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for (name, feed, path) in feeds {
        let path = path.to_str().expect("utf-8 path");
        let ingest = alert_digest(&["ingest", "--from", feed, path], b"");
        let skipped = String::from_utf8_lossy(&ingest.stderr).lines().count();
        let records = ingest
            .stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count();
        let mut usable = Vec::new();
        let mut within = 0usize;
        let mut total = 0usize;
        for budget in BUDGETS {
            let out = alert_digest(
                &["condense", "--budget", &budget.to_string()],
                &ingest.stdout,
            );
            let text = String::from_utf8(out.stdout).expect("utf-8 digests");
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(
                lines.len(),
                records,
                "{name} at {budget}: one line per record"
            );
            usable.push(lines.iter().filter(|l| !l.is_empty()).count());
            within += lines.iter().filter(|l| l.len() <= budget).count();
            total += lines.len();
        }
        let usable: Vec<String> = usable.iter().map(usize::to_string).collect();
        println!(
            "| {name} | {} | {records} | {} | {within}/{total} |",
            records + skipped,
            usable.join(" / ")
        );
        assert_eq!(within, total, "{name}: a digest over its budget");
    }
}
