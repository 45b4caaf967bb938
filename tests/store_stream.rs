//! The store on streams of real-shaped records: merge, update, cancel, expiry and eviction,
//! each with its counter, and the priority order a display reads.

use alert_digest::store::{Counters, Outcome, Signature, Store};
use alert_digest::{Digest, condense, parse_record};

const BUDGET: usize = 48;

/// Condenses one record (JSON) and signs it the way the host does.
fn report(json: &str) -> (Digest<BUDGET>, Signature) {
    let mut scratch = [0u8; 1024];
    let record = parse_record(json.as_bytes(), &mut scratch).expect("valid record");
    let digest = condense(&record, BUDGET).expect("condenses");
    (digest, Signature::of_record(&record))
}

fn offer<const C: usize>(store: &mut Store<C, BUDGET>, json: &str) -> Outcome {
    let (digest, signature) = report(json);
    store.insert(digest, signature)
}

fn texts<const C: usize>(store: &Store<C, BUDGET>) -> Vec<String> {
    store.iter().map(|e| e.digest.text.to_string()).collect()
}

fn drone(id: &str, time: &str) -> String {
    format!(
        r#"{{"id":"{id}","time":"{time}","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","relation":"near","place":"USS Abraham Lincoln"}}"#
    )
}

#[test]
fn repeats_within_the_window_merge_with_count_and_first_and_last_time() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    assert_eq!(
        offer(&mut store, &drone("a", "2026-02-03T12:00:00Z")),
        Outcome::Added
    );
    // Another outlet's wording of the same event: the signature ignores case and punctuation.
    let other = r#"{"id":"b","time":"2026-02-03T12:20:00Z","kind":"military","severity":"severe","actor":"US FIGHTER JET","action":"downed","object":"iranian drone","relation":"near","place":"USS Abraham Lincoln"}"#;
    assert_eq!(offer(&mut store, other), Outcome::Merged { count: 2 });
    assert_eq!(
        offer(&mut store, &drone("c", "2026-02-03T12:50:00Z")),
        Outcome::Merged { count: 3 }
    );

    assert_eq!(store.len(), 1);
    let entry = store.get(0).expect("one entry");
    assert_eq!(entry.digest.count, 3);
    assert_eq!(entry.first, Some(1_770_120_000)); // 12:00Z
    assert_eq!(entry.last, Some(1_770_123_000)); // 12:50Z
    assert_eq!(
        entry.digest.text.as_str(),
        "Iranian drone downed near USS Abraham Lincoln"
    );
    let c = store.counters();
    assert_eq!((c.received, c.added, c.merged), (3, 1, 2));
}

#[test]
fn a_repeat_outside_the_window_is_a_new_entry() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    offer(&mut store, &drone("a", "2026-02-03T12:00:00Z"));
    // One hour and one second after the last report.
    assert_eq!(
        offer(&mut store, &drone("b", "2026-02-03T13:00:01Z")),
        Outcome::Added
    );
    assert_eq!(store.len(), 2);
    assert_eq!(store.counters().merged, 0);
    // The newer one ranks first (same severity, more recent).
    assert_eq!(store.get(0).map(|e| e.last), Some(Some(1_770_123_601)));
}

#[test]
fn different_places_do_not_merge() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    offer(&mut store, &drone("a", "2026-02-03T12:00:00Z"));
    let elsewhere = r#"{"id":"b","time":"2026-02-03T12:10:00Z","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","relation":"near","place":"USS Carl Vinson"}"#;
    assert_eq!(offer(&mut store, elsewhere), Outcome::Added);
    assert_eq!(store.len(), 2);
}

fn warning(id: &str, msg: &str, refs: &str, sent: &str, ends: &str, area: &str) -> String {
    format!(
        r#"{{"id":"{id}","time":"{sent}","kind":"weather","severity":"severe","urgency":"immediate","object":"Tornado Warning","place":"{area}","until":"{ends}","msg":"{msg}","refs":[{refs}]}}"#
    )
}

#[test]
fn an_update_replaces_what_it_refers_to_and_keeps_its_history() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    let first = warning(
        "w1",
        "alert",
        "",
        "2025-10-18T18:26:00-05:00",
        "2025-10-18T19:15:00-05:00",
        "Jefferson, AL",
    );
    offer(&mut store, &first);
    // Extended by half an hour: the same alert, a new message naming the old one.
    let update = warning(
        "w2",
        "update",
        r#""w1""#,
        "2025-10-18T18:50:00-05:00",
        "2025-10-18T19:45:00-05:00",
        "Jefferson, AL",
    );
    assert_eq!(offer(&mut store, &update), Outcome::Updated { replaced: 1 });
    assert_eq!(store.len(), 1);
    let entry = store.get(0).expect("one entry");
    assert_eq!(
        entry.digest.text.as_str(),
        "Tornado Warning, Jefferson AL, til 7:45 PM"
    );
    assert_eq!(entry.first, Some(1_760_829_960)); // 18:26 CDT, from the replaced message
    assert_eq!(entry.last, Some(1_760_831_400)); // 18:50 CDT
    // A later message may name either the first or the second: both still answer.
    assert!(entry.answers_to(alert_digest::id_hash("w1")));
    assert!(entry.answers_to(alert_digest::id_hash("w2")));
    assert_eq!(store.counters().updated, 1);
}

#[test]
fn an_update_of_something_unknown_is_stored_and_counted_as_unmatched() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    let update = warning(
        "w2",
        "update",
        r#""never-seen""#,
        "2025-10-18T18:50:00-05:00",
        "2025-10-18T19:45:00-05:00",
        "Jefferson, AL",
    );
    assert_eq!(offer(&mut store, &update), Outcome::Unmatched);
    assert_eq!(store.len(), 1);
    assert_eq!(store.counters().unmatched, 1);
    assert_eq!(store.counters().added, 1);
}

#[test]
fn a_cancel_removes_what_it_refers_to_and_is_not_stored() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    let sent = "2025-10-18T18:26:00-05:00";
    let ends = "2025-10-18T19:15:00-05:00";
    offer(
        &mut store,
        &warning("w1", "alert", "", sent, ends, "Jefferson, AL"),
    );
    offer(
        &mut store,
        &warning("w3", "alert", "", sent, ends, "Shelby, AL"),
    );
    let cancel = warning(
        "w4",
        "cancel",
        r#""w1""#,
        "2025-10-18T18:40:00-05:00",
        ends,
        "Jefferson, AL",
    );
    assert_eq!(
        offer(&mut store, &cancel),
        Outcome::Cancelled { removed: 1 }
    );
    assert_eq!(texts(&store), ["Tornado Warning, Shelby AL, til 7:15 PM"]);
    assert_eq!(store.counters().cancelled, 1);
    // Cancelling it again finds nothing.
    assert_eq!(offer(&mut store, &cancel), Outcome::Unmatched);
    assert_eq!(store.counters().unmatched, 1);
    assert_eq!(store.len(), 1);
}

#[test]
fn a_cancel_reaches_a_merged_repeat_by_any_of_its_ids() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    offer(&mut store, &drone("a", "2026-02-03T12:00:00Z"));
    offer(&mut store, &drone("b", "2026-02-03T12:10:00Z"));
    let retraction =
        r#"{"id":"r","kind":"military","msg":"cancel","refs":["a"],"headline":"Retracted"}"#;
    assert_eq!(
        offer(&mut store, retraction),
        Outcome::Cancelled { removed: 1 }
    );
    assert!(store.is_empty());
}

#[test]
fn ended_alerts_are_retired_as_the_clock_moves_and_stale_ones_refused() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    offer(
        &mut store,
        &warning(
            "w1",
            "alert",
            "",
            "2025-10-18T18:26:00-05:00",
            "2025-10-18T19:15:00-05:00",
            "Jefferson, AL",
        ),
    );
    // A later report moves the store's clock past the first one's end.
    offer(&mut store, &drone("d", "2025-10-19T00:30:00Z")); // 19:30 CDT
    assert_eq!(
        texts(&store),
        ["Iranian drone downed near USS Abraham Lincoln"]
    );
    assert_eq!(store.counters().expired, 1);
    // A report that has already ended when it arrives is refused, and counted.
    let stale = warning(
        "w5",
        "alert",
        "",
        "2025-10-18T17:00:00-05:00",
        "2025-10-18T18:00:00-05:00",
        "Shelby, AL",
    );
    assert_eq!(offer(&mut store, &stale), Outcome::Expired);
    assert_eq!(store.counters().expired, 2);
    // The caller's clock retires too, and never goes back.
    assert_eq!(store.advance(0), 0);
    assert_eq!(store.clock(), Some(1_760_833_800));
}

#[test]
fn advance_retires_exactly_at_the_end_time() {
    let mut store: Store<4, BUDGET> = Store::new(3600);
    offer(
        &mut store,
        &warning(
            "w1",
            "alert",
            "",
            "2025-10-18T18:26:00-05:00",
            "2025-10-18T19:15:00-05:00",
            "Jefferson, AL",
        ),
    );
    let end = 1_760_832_900; // 19:15 CDT
    assert_eq!(store.advance(end - 1), 0);
    assert_eq!(store.len(), 1);
    assert_eq!(store.advance(end), 1);
    assert!(store.is_empty());
}

fn ranked(id: &str, severity: &str, time: &str) -> String {
    format!(
        r#"{{"id":"{id}","time":"{time}","kind":"conflict","severity":"{severity}","actor":"Rebels","action":"attacked","object":"convoy {id}1"}}"#
    )
}

#[test]
fn entries_are_ordered_by_severity_then_recency() {
    let mut store: Store<8, BUDGET> = Store::new(3600);
    offer(&mut store, &ranked("a", "minor", "2026-01-01T10:00:00Z"));
    offer(&mut store, &ranked("b", "extreme", "2026-01-01T09:00:00Z"));
    offer(&mut store, &ranked("c", "minor", "2026-01-01T11:00:00Z"));
    offer(&mut store, &ranked("d", "severe", "2026-01-01T08:00:00Z"));
    assert_eq!(
        texts(&store),
        [
            "Rebels attacked convoy b1",
            "Rebels attacked convoy d1",
            "Rebels attacked convoy c1",
            "Rebels attacked convoy a1",
        ]
    );
}

#[test]
fn when_full_the_lowest_priority_goes_and_the_dropped_counter_says_so() {
    let mut store: Store<3, BUDGET> = Store::new(3600);
    offer(&mut store, &ranked("a", "minor", "2026-01-01T10:00:00Z"));
    offer(&mut store, &ranked("b", "severe", "2026-01-01T10:00:00Z"));
    offer(&mut store, &ranked("c", "moderate", "2026-01-01T10:00:00Z"));
    // A severe newcomer evicts the minor entry.
    let outcome = offer(&mut store, &ranked("d", "severe", "2026-01-01T10:05:00Z"));
    assert_eq!(
        outcome,
        Outcome::AddedEvicting {
            evicted: alert_digest::id_hash("a")
        }
    );
    // A minor newcomer ranks below everything stored: it is the one dropped.
    assert_eq!(
        offer(&mut store, &ranked("e", "minor", "2026-01-01T10:06:00Z")),
        Outcome::Dropped
    );
    assert_eq!(
        texts(&store),
        [
            "Rebels attacked convoy d1",
            "Rebels attacked convoy b1",
            "Rebels attacked convoy c1",
        ]
    );
    assert_eq!(store.counters().dropped, 2);
    assert_eq!(store.len(), store.capacity());
}

#[test]
fn a_merge_raises_severity_and_extends_the_end() {
    let mut store: Store<4, BUDGET> = Store::new(3600);
    let sent = "2025-10-18T18:26:00-05:00";
    let mut low = warning(
        "w1",
        "alert",
        "",
        sent,
        "2025-10-18T19:15:00-05:00",
        "Shelby, AL",
    );
    low = low.replace(r#""severe""#, r#""moderate""#);
    offer(&mut store, &low);
    let high = warning(
        "w2",
        "alert",
        "",
        "2025-10-18T18:30:00-05:00",
        "2025-10-18T19:45:00-05:00",
        "Shelby, AL",
    );
    assert_eq!(offer(&mut store, &high), Outcome::Merged { count: 2 });
    let entry = store.get(0).expect("one entry");
    assert_eq!(entry.digest.severity, alert_digest::Severity::Severe);
    assert_eq!(entry.digest.end, Some(1_760_834_700)); // 19:45 CDT
}

#[test]
fn digests_without_records_sign_by_kind_and_text() {
    let (a, _) = report(&drone("a", "2026-02-03T12:00:00Z"));
    let (b, _) = report(&drone("b", "2026-02-03T12:30:00Z"));
    assert_eq!(Signature::of_digest(&a), Signature::of_digest(&b));
    let mut store: Store<4, BUDGET> = Store::new(3600);
    store.insert(a.clone(), Signature::of_digest(&a));
    assert_eq!(
        store.insert(b.clone(), Signature::of_digest(&b)),
        Outcome::Merged { count: 2 }
    );
}

#[test]
fn counters_start_at_zero() {
    let store: Store<4, BUDGET> = Store::default();
    assert_eq!(store.counters(), Counters::default());
    assert_eq!(
        store.merge_window(),
        alert_digest::store::DEFAULT_MERGE_WINDOW
    );
}
