//! The `condense` command as a user runs it: lines in, lines out, errors on stderr, exit status.

mod common;

use std::process::Command;

use common::{alert_digest as run, stdout_lines};

const SEED: &str = include_str!("../../tests/fixtures/seed/events.jsonl");

#[test]
fn the_seed_condenses_line_for_line() {
    let out = run(&["condense", "--budget", "40"], SEED.as_bytes());
    assert!(out.status.success());
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0], "Drone downed near USS Abraham Lincoln");
    assert!(lines.iter().all(|l| !l.is_empty() && l.len() <= 40));
}

#[test]
fn bad_lines_give_empty_lines_a_message_and_exit_status_1() {
    let first = SEED.lines().next().unwrap();
    let input = format!("{first}\nnot json\n\n{{\"id\":\"x\",\"severity\":\"awful\"}}\n{first}\n");
    let out = run(&["condense", "--budget", "40"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout_lines(&out);
    assert_eq!(
        lines,
        [
            "Drone downed near USS Abraham Lincoln",
            "",
            "",
            "",
            "Drone downed near USS Abraham Lincoln"
        ]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2: record is not a JSON object"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 3: record is not a JSON object"),
        "{stderr}"
    );
    assert!(stderr.contains("line 4: `severity`"), "{stderr}");
    assert!(
        !stderr.contains("line 1:") && !stderr.contains("line 5:"),
        "{stderr}"
    );
}

#[test]
fn jsonl_carries_the_digest_fields_and_error_objects() {
    let first = SEED.lines().next().unwrap();
    let input = format!("{first}\n{{\"id\":\"x\",\"time\":\"soon\",\"headline\":\"h\"}}\n");
    let out = run(&["condense", "--format", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 2);
    let d: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(d["id"], "nextfin-20260203-drone");
    assert_eq!(d["text"], "Iranian drone downed near USS Abraham Lincoln");
    assert_eq!(d["bytes"], 45);
    assert_eq!(d["severity"], "severe");
    assert_eq!(d["kind"], "military");
    assert_eq!(d["time"], "2026-02-03T12:00:00Z");
    assert_eq!(d["line"], 1);
    let e: serde_json::Value = serde_json::from_str(&lines[1]).unwrap();
    assert_eq!(e["line"], 2);
    assert!(e["error"].as_str().unwrap().contains("`time`"), "{e}");
}

#[test]
fn an_oversized_line_is_rejected_and_the_next_one_still_condenses() {
    let first = SEED.lines().next().unwrap();
    let input = format!("{}\n{first}\n", "x".repeat(5 << 20));
    let out = run(&["condense", "--budget", "40"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout_lines(&out),
        ["", "Drone downed near USS Abraham Lincoln"]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 1: record is 5242880 bytes"),
        "{stderr}"
    );
}

#[test]
fn a_budget_out_of_range_is_a_usage_error() {
    let out = run(&["condense", "--budget", "8"], SEED.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn help_explains_the_schema_with_an_example() {
    let out = run(&["condense", "--help"], b"");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "id (required)",
        "severity",
        "Exit status",
        "Example",
        "--budget",
    ] {
        assert!(help.contains(needle), "help lacks {needle}: {help}");
    }
}

#[test]
fn usgs_and_nws_samples_pass_through_ingest_and_condense_within_budget() {
    for (feed, file) in [
        ("usgs", "../tests/fixtures/samples/usgs-sample.geojson"),
        ("nws", "../tests/fixtures/samples/nws-sample.jsonl"),
    ] {
        let ingest = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
            .args(["ingest", "--from", feed, file])
            .output()
            .expect("run ingest");
        assert!(
            ingest.status.success(),
            "{feed}: {}",
            String::from_utf8_lossy(&ingest.stderr)
        );
        let records = String::from_utf8_lossy(&ingest.stdout).lines().count();
        assert!(records > 30, "{feed}: only {records} records");
        for budget in ["16", "48", "160"] {
            let out = run(&["condense", "--budget", budget], &ingest.stdout);
            assert!(
                out.status.success(),
                "{feed} at {budget}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let lines = stdout_lines(&out);
            assert_eq!(lines.len(), records);
            let budget: usize = budget.parse().unwrap();
            assert!(lines.iter().all(|l| !l.is_empty() && l.len() <= budget));
        }
    }
}
