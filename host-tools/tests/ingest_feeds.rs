//! `alert-digest ingest` on the feed fixtures (tests/fixtures/feeds, see its README), through
//! the real command: records produced, digests as a person would read them, broken items named
//! with the good ones around them still written. Expected digests were checked by hand against
//! the fixtures.

mod common;

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/feeds")
        .join(name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::alert_digest(args, stdin.unwrap_or_default())
}

/// Ingests a fixture: (records, stderr, exit code).
fn ingest(feed: &str, name: &str) -> (Vec<Value>, String, i32) {
    let path = fixture(name);
    let out = run(
        &["ingest", "--from", feed, path.to_str().expect("utf-8 path")],
        None,
    );
    let records = String::from_utf8(out.stdout.clone())
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (records, stderr, out.status.code().unwrap_or(-1))
}

/// Condenses JSON Lines of records: one digest text per line.
fn condense(records: &[Value], extra: &[&str]) -> (Vec<String>, String) {
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let mut args = vec!["condense"];
    args.extend_from_slice(extra);
    let out = run(&args, Some(input.as_bytes()));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    (
        text.lines().map(str::to_owned).collect(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn field<'a>(r: &'a Value, k: &str) -> Option<&'a str> {
    r.get(k).and_then(Value::as_str)
}

#[test]
fn nws_alerts_become_wea_style_digests() {
    let (records, _, code) = ingest("nws", "nws-alerts.jsonl");
    assert_eq!(code, 0);
    assert_eq!(records.len(), 13);
    let tornado = records
        .iter()
        .find(|r| field(r, "object") == Some("Tornado Warning"))
        .expect("a tornado warning");
    assert_eq!(field(tornado, "kind"), Some("weather"));
    // As the NWS wrote it (this warning was issued as Minor).
    assert_eq!(field(tornado, "severity"), Some("Minor"));
    let (digests, _) = condense(&records, &[]);
    assert!(digests.iter().all(|d| !d.is_empty() && d.len() <= 48));
    for expected in [
        "Tornado Warning, Clark AR, til 4:00 PM",
        "Severe Thunderstorm Warning, Creek OK til 7:15PM",
        "Small Craft Advisory, Ripley til 11PM Mon",
        "Small Craft Advisory, Montauk NY til 8PM",
        "Frost Advisory, Trego +11, til 10:00 AM",
        "Special Weather Statement, Gentry and Harrison",
    ] {
        assert!(
            digests.iter().any(|d| d == expected),
            "{expected} not in {digests:?}"
        );
    }
}

#[test]
fn nws_feature_collections_carry_updates_and_references() {
    let doc = r#"{"type":"FeatureCollection","features":[
      {"properties":{"id":"urn:a1","event":"Flood Warning","areaDesc":"Lake, FL","sent":"2025-10-18T10:00:00-04:00","ends":"2025-10-19T10:00:00-04:00","messageType":"Alert","severity":"Severe"}},
      {"properties":{"id":"urn:a2","event":"Flood Warning","areaDesc":"Lake, FL","sent":"2025-10-18T16:00:00-04:00","ends":"2025-10-20T10:00:00-04:00","messageType":"Update","severity":"Severe",
        "references":[{"identifier":"urn:a1","sender":"w-nws.webmaster@noaa.gov","sent":"2025-10-18T10:00:00-04:00"}]}},
      {"properties":{"event":"Flood Warning"}}]}"#;
    let out = run(&["ingest", "--from", "nws"], Some(doc.as_bytes()));
    assert_eq!(
        out.status.code(),
        Some(1),
        "the item without an id is reported"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("feature 3: skipped: alert has no identifier"),
        "{stderr}"
    );
    let records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(field(&records[1], "msg"), Some("Update"));
    assert_eq!(records[1]["refs"], serde_json::json!(["urn:a1"]));
    // Through the store, the update replaces the alert.
    let (digests, stderr) = condense(&records, &["--aggregate"]);
    assert_eq!(digests, ["Flood Warning, Lake FL, til 10:00 AM Mon"]);
    assert!(stderr.contains("1 updated"), "{stderr}");
}

#[test]
fn cap_xml_maps_like_nws_and_the_store_applies_update_and_cancel() {
    let (records, _, code) = ingest("cap", "cap-stream.xml");
    assert_eq!(code, 0);
    assert_eq!(records.len(), 4);
    let first = &records[0];
    assert_eq!(
        field(first, "id"),
        Some("urn:oid:2.49.0.1.840.0.example.tor.001.1")
    );
    assert_eq!(field(first, "until"), Some("2025-10-18T16:45:00-05:00"));
    // The English <info> block is the one read.
    assert_eq!(field(first, "object"), Some("Tornado Warning"));
    assert_eq!(
        field(&records[1], "place"),
        Some("Jefferson, AL; Shelby, AL")
    );
    assert_eq!(
        records[1]["refs"],
        serde_json::json!(["urn:oid:2.49.0.1.840.0.example.tor.001.1"])
    );
    assert_eq!(field(&records[3], "msg"), Some("Cancel"));
    let (digests, _) = condense(&records, &[]);
    assert_eq!(digests[0], "Tornado Warning, Jefferson AL, til 4:45 PM");
    let (kept, stderr) = condense(&records, &["--aggregate"]);
    assert_eq!(kept, ["Tornado Warning, Jefferson AL +1, til 5:15 PM"]);
    assert!(stderr.contains("1 updated, 1 cancelled"), "{stderr}");
}

#[test]
fn a_broken_cap_alert_is_named_and_the_others_are_kept() {
    let (records, stderr, code) = ingest("cap", "cap-broken.xml");
    assert_eq!(code, 1);
    assert_eq!(records.len(), 2);
    assert!(
        stderr.contains("alert 2 (line 36): skipped: not well-formed XML"),
        "{stderr}"
    );
}

#[test]
fn usgs_digests_are_the_feeds_titles_when_they_fit() {
    let (records, _, code) = ingest("usgs", "usgs-week.geojson");
    assert_eq!(code, 0);
    assert_eq!(records.len(), 15);
    let (digests, _) = condense(&records, &[]);
    let mut identical = 0;
    for (r, d) in records.iter().zip(&digests) {
        let title = field(r, "headline").expect("title");
        if title.len() <= 48 {
            assert_eq!(d, title);
            identical += 1;
        }
    }
    assert_eq!(identical, 11);
    // Longer titles, shortened as documented (checked by hand).
    for expected in [
        "M 2.4 - Andreanof Islands, Alaska",
        "M 3.6 - 108 km NNE of Cruz Bay, VI",
        "M 4.9 - 27 km SW of La Esperanza, Mexico",
        "M 3.9 - La Romana, Dominican Republic",
    ] {
        assert!(
            digests.iter().any(|d| d == expected),
            "{expected} not in {digests:?}"
        );
    }
    let (small, _) = condense(&records, &["--budget", "24"]);
    // The curly apostrophe is three bytes: the title style's spaces give way first.
    assert!(
        small.contains(&"M5.8 Severo-Kuril’sk".to_string()),
        "{small:?}"
    );
    assert!(
        small.contains(&"M 1.9 - Pāhala, HI".to_string()),
        "{small:?}"
    );
    let alerted = records.iter().filter(|r| r.get("alert").is_some()).count();
    // Two fixture events carry a PAGER level (green), the others none.
    assert_eq!(alerted, 2);
    assert!(records.iter().any(|r| r["tsunami"] == Value::Bool(true)));
}

#[test]
fn gdelt_rows_become_actor_action_target_records_ranked_by_mentions() {
    let (records, stderr, code) = ingest("gdelt", "gdelt-export.CSV");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(records.len(), 5);
    assert!(stderr.contains("5 item(s) passed over"), "{stderr}");
    let mentions: Vec<u64> = records
        .iter()
        .map(|r| r["mentions"].as_u64().expect("mentions"))
        .collect();
    let roots: Vec<bool> = records.iter().map(|r| r["cameo"].is_string()).collect();
    assert!(roots.iter().all(|&r| r));
    let police = &records[0];
    assert_eq!(field(police, "actor"), Some("Police"));
    assert_eq!(field(police, "action"), Some("fought"));
    assert_eq!(field(police, "object"), Some("German"));
    assert_eq!(field(police, "place"), Some("Berlin"));
    assert_eq!(field(police, "region"), Some("Germany"));
    assert_eq!(field(police, "time"), Some("2019-10-24T14:30:00Z"));
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]) || mentions[0] >= mentions[1]);
    let (digests, _) = condense(&records, &[]);
    assert_eq!(digests[0], "Police fought German in Berlin, Germany");
    assert!(digests.contains(&"EU consulted in Minsk, Belarus".to_string()));
}

#[test]
fn a_gdelt_row_with_the_wrong_column_count_is_named() {
    let row = "1\t2\t3\n";
    let out = run(&["ingest", "--from", "gdelt"], Some(row.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 1: skipped: expected 61 tab-separated columns, found 3"),
        "{stderr}"
    );
}

#[test]
fn rss_and_atom_items_give_headline_text_time_and_url() {
    let (records, stderr, code) = ingest("rss", "rss-news.xml");
    assert_eq!(code, 1, "the empty item is reported");
    assert!(stderr.contains("item 3: skipped: item has neither a title nor a description"));
    assert_eq!(records.len(), 2);
    let storm = &records[0];
    assert_eq!(field(storm, "id"), Some("example-wire-0001"));
    assert_eq!(field(storm, "time"), Some("2025-10-18T23:40:00+00:00"));
    assert_eq!(
        field(storm, "text"),
        Some(
            "Severe storms with 60 mph gusts swept through Tulsa & Creek counties on Saturday evening."
        )
    );
    assert_eq!(
        field(storm, "url"),
        Some("https://news.example.org/2025/10/18/storms-tulsa")
    );
    assert_eq!(field(storm, "source"), Some("Example Wire"));

    let (atom, _, code) = ingest("rss", "atom-news.xml");
    assert_eq!(code, 0);
    assert_eq!(
        field(&atom[0], "headline"),
        Some("Volcano alert raised to orange")
    );
    assert_eq!(field(&atom[0], "time"), Some("2025-10-19T07:00:00+00:00"));
    assert_eq!(
        field(&atom[1], "text"),
        Some("Twelve aftershocks above magnitude 3 were recorded since midnight.")
    );
    let (digests, _) = condense(&atom, &[]);
    assert_eq!(
        digests,
        [
            "Volcano alert raised to orange",
            "Aftershock sequence continues"
        ]
    );
}

#[test]
fn a_broken_rss_item_is_named_and_the_others_are_kept() {
    let (records, stderr, code) = ingest("rss", "rss-broken.xml");
    assert_eq!(code, 1);
    assert_eq!(records.len(), 1);
    assert!(
        stderr.contains("item 2 (line 15): skipped: not well formed"),
        "{stderr}"
    );
}

#[test]
fn news_text_gives_structured_records_lead_first() {
    let (records, _, code) = ingest("text", "article.txt");
    assert_eq!(code, 0);
    assert_eq!(records.len(), 2);
    let attack = &records[0];
    assert_eq!(field(attack, "actor"), Some("rebels"));
    assert_eq!(field(attack, "action"), Some("attacked"));
    assert_eq!(field(attack, "object"), Some("cargo ship"));
    assert_eq!(field(attack, "relation"), Some("off"));
    assert_eq!(field(attack, "place"), Some("Horn of Africa"));
    assert_eq!(field(attack, "time"), Some("2026-03-09T00:00:00Z"));
    assert_eq!(field(attack, "source"), Some("Example Wire"));
    assert_eq!(field(&records[1], "source"), Some("the ministry"));
    let (digests, _) = condense(&records, &[]);
    assert_eq!(
        digests,
        [
            "Rebels attacked cargo ship off Horn of Africa",
            "Government negotiating with shipping insurers"
        ]
    );
}

#[test]
fn ingest_pipes_into_condense_from_standard_input() {
    let feed = std::fs::read(fixture("usgs-week.geojson")).expect("fixture");
    let out = run(&["ingest", "--from", "usgs", "-"], Some(&feed));
    assert_eq!(out.status.code(), Some(0));
    let condensed = run(&["condense", "--budget", "32"], Some(&out.stdout));
    let text = String::from_utf8(condensed.stdout).expect("utf-8");
    assert_eq!(text.lines().count(), 15);
    assert!(text.lines().all(|l| !l.is_empty() && l.len() <= 32));
}
