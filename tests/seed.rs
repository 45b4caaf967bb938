//! The seed: the five records of the report the project grew from, condensed at the budgets the
//! README shows. Every expected digest here was read and judged by a person as a headline a
//! reader would accept; the 40-byte drone digest is fixed by the foundation issue.

use alert_digest::{Digest, MAX_BUDGET, MAX_RECORD_BYTES, condense, parse_record};

const SEED: &str = include_str!("fixtures/seed/events.jsonl");

fn digests(budget: usize) -> Vec<String> {
    SEED.lines()
        .map(|line| {
            let mut scratch = [0u8; MAX_RECORD_BYTES];
            let record = parse_record(line.as_bytes(), &mut scratch).expect("seed record parses");
            let digest: Digest<MAX_BUDGET> = condense(&record, budget).expect("seed condenses");
            assert!(digest.text.len() <= budget);
            digest.text.as_str().to_owned()
        })
        .collect()
}

#[test]
fn the_drone_record_condenses_to_the_headline_at_40_bytes() {
    assert_eq!(digests(40)[0], "Drone downed near USS Abraham Lincoln");
}

#[test]
fn seed_at_32_bytes() {
    assert_eq!(
        digests(32),
        [
            "Fighter jet downed Iranian drone",
            "US negotiating with Iran",
            "Steve Witkoff to meet officials",
            "Iran proposes direct talks",
            "Israel presses U.S.",
        ]
    );
}

#[test]
fn seed_at_48_bytes() {
    assert_eq!(
        digests(48),
        [
            "Iranian drone downed near USS Abraham Lincoln",
            "United States negotiating with Iran",
            "Steve Witkoff to meet Iranian officials",
            "Iran proposes direct talks in Oman",
            "Israel presses U.S.",
        ]
    );
}

#[test]
fn seed_at_64_bytes() {
    assert_eq!(
        digests(64),
        [
            "US fighter jet downed Iranian drone near USS Abraham Lincoln",
            "United States negotiating with Iran",
            "Steve Witkoff to meet Iranian officials",
            "Iran proposes direct talks in Oman",
            "Israel presses U.S.",
        ]
    );
}

#[test]
fn digests_carry_the_records_facts() {
    let line = SEED.lines().next().expect("seed has a first line");
    let mut scratch = [0u8; MAX_RECORD_BYTES];
    let record = parse_record(line.as_bytes(), &mut scratch).expect("parses");
    let d: Digest = condense(&record, 48).expect("condenses");
    assert_eq!(d.id, alert_digest::id_hash("nextfin-20260203-drone"));
    assert_eq!(d.time, Some(1_770_120_000));
    assert_eq!(d.severity, alert_digest::Severity::Severe);
    assert_eq!(d.kind, alert_digest::Kind::Military);
    assert_eq!(d.count, 1);
}
