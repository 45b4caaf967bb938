//! What the board's store did with each message, told from the outside: the core's device
//! keeps the store's outcomes to itself, so the store is compared before and after each frame
//! (the link's frames carry one message each), with its counters saying which way entries
//! went.

use alert_digest::device::DeviceStats;
use alert_digest::store::Counters;
use alert_digest::{Kind, Severity};
use serde_json::{Value, json};

use super::simulated::BoardDevice;

/// An alert as the board holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    /// The digest's id: the hash of its record's id (`hash` in `condense --format jsonl`).
    pub id: u32,
    pub text: String,
    pub severity: Severity,
    pub kind: Kind,
    /// Reports it stands for.
    pub count: u16,
    pub time: Option<i64>,
}

/// One change to what the board holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new alert.
    Added(Alert),
    /// A repeat folded into an alert, which now stands for `count` reports and goes by the
    /// latest report's id (it still answers to the ids in `was`).
    Merged { alert: Alert, was: Vec<u32> },
    /// An update replaced the alerts with these ids.
    Updated { alert: Alert, replaced: Vec<u32> },
    /// Alerts removed by a cancel (or a clear).
    Cancelled(Vec<u32>),
    /// Alerts whose end passed.
    Expired(Vec<u32>),
    /// Alerts dropped for room by more important ones.
    Evicted(Vec<u32>),
    /// Digests the store did not keep: already over, or less important than a full store.
    NotStored { expired: u32, dropped: u32 },
    /// Records that did not parse or condense, digests longer than the board holds.
    Rejected { records: u32, digests: u32 },
    /// Quiet hours began (true) or ended.
    Quiet(bool),
}

impl Change {
    /// Whether it is a digest accepted into the store (what `--exit-after` counts).
    pub fn is_accepted_digest(&self) -> bool {
        matches!(
            self,
            Change::Added(_) | Change::Merged { .. } | Change::Updated { .. }
        )
    }

    /// The JSON line `alert-digest board` prints for it.
    pub fn to_json(&self) -> Value {
        match self {
            Change::Added(a) => alert_json("digest", a),
            Change::Merged { alert, was } => {
                let mut v = alert_json("merged", alert);
                v["was"] = json!(ids(was));
                v
            }
            Change::Updated { alert, replaced } => {
                let mut v = alert_json("updated", alert);
                v["replaces"] = json!(ids(replaced));
                v
            }
            Change::Cancelled(gone) => json!({"event": "cancelled", "ids": ids(gone)}),
            Change::Expired(gone) => json!({"event": "expired", "ids": ids(gone)}),
            Change::Evicted(gone) => json!({"event": "evicted", "ids": ids(gone)}),
            Change::NotStored { expired, dropped } => {
                json!({"event": "not-stored", "already_over": expired, "store_full": dropped})
            }
            Change::Quiet(on) => json!({"event": "quiet", "on": on}),
            Change::Rejected { records, digests } => {
                json!({"event": "rejected", "records": records, "digests_too_long": digests})
            }
        }
    }
}

fn alert_json(event: &str, a: &Alert) -> Value {
    json!({
        "event": event,
        "id": hex(a.id),
        "text": a.text,
        "severity": a.severity,
        "kind": a.kind,
        "count": a.count,
        "time": a.time.map(rfc3339),
    })
}

/// Unix seconds as RFC 3339 in UTC (as `condense --format jsonl` writes times).
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| unix.to_string())
}

/// Ids as `condense --format jsonl` writes its `hash`.
pub fn hex(id: u32) -> String {
    format!("{id:08x}")
}

fn ids(list: &[u32]) -> Vec<String> {
    list.iter().map(|&id| hex(id)).collect()
}

/// The store as it was before a message.
pub struct Snapshot {
    alerts: Vec<Alert>,
    counters: Counters,
    stats: DeviceStats,
    quiet: bool,
}

impl Snapshot {
    pub fn of(device: &BoardDevice) -> Self {
        Self {
            alerts: alerts(device),
            counters: device.store().counters(),
            stats: device.stats(),
            quiet: device.is_quiet(),
        }
    }

    /// What changed since the snapshot, appended to `out`.
    pub fn changes(&self, device: &BoardDevice, out: &mut Vec<Change>) {
        if device.is_quiet() != self.quiet {
            out.push(Change::Quiet(device.is_quiet()));
        }
        let counters = device.store().counters();
        let stats = device.stats();
        if counters == self.counters && stats == self.stats {
            return;
        }
        let now = alerts(device);
        let had = |id: u32| self.alerts.iter().find(|a| a.id == id);
        let mut removed: Vec<u32> = self
            .alerts
            .iter()
            .filter(|a| !now.iter().any(|n| n.id == a.id))
            .map(|a| a.id)
            .collect();
        let delta = |now: u32, before: u32| now.wrapping_sub(before);
        let updated = delta(counters.updated, self.counters.updated) > 0;
        for (alert, entry) in now.iter().zip(device.alerts()) {
            match had(alert.id) {
                None => {
                    // An alert under a new id may be an old one carried on: a repeat merged
                    // in, or an update, goes by the latest report's id and answers to the old.
                    let (was, rest): (Vec<u32>, Vec<u32>) =
                        removed.iter().partition(|&&id| entry.answers_to(id));
                    removed = rest;
                    out.push(if updated {
                        Change::Updated {
                            alert: alert.clone(),
                            replaced: if was.is_empty() {
                                std::mem::take(&mut removed)
                            } else {
                                was
                            },
                        }
                    } else if was.is_empty() {
                        Change::Added(alert.clone())
                    } else {
                        Change::Merged {
                            alert: alert.clone(),
                            was,
                        }
                    });
                }
                Some(old) if old.count < alert.count && !updated => out.push(Change::Merged {
                    alert: alert.clone(),
                    was: Vec::new(),
                }),
                // An update under the same id.
                Some(old) if old.text != alert.text => out.push(Change::Updated {
                    alert: alert.clone(),
                    replaced: vec![alert.id],
                }),
                Some(_) => {}
            }
        }
        let cancelled = delta(counters.cancelled, self.counters.cancelled);
        let expired = delta(counters.expired, self.counters.expired);
        let dropped = delta(counters.dropped, self.counters.dropped);
        // One message moves entries one way; which way, its counter says.
        let (gone_expired, gone_dropped) = if removed.is_empty() {
            (0, 0)
        } else if cancelled > 0 {
            out.push(Change::Cancelled(removed));
            (0, 0)
        } else if expired > 0 {
            let n = u32::try_from(removed.len()).unwrap_or(u32::MAX);
            out.push(Change::Expired(removed));
            (n, 0)
        } else {
            let n = u32::try_from(removed.len()).unwrap_or(u32::MAX);
            out.push(Change::Evicted(removed));
            (0, n)
        };
        let (expired, dropped) = (
            expired.saturating_sub(gone_expired),
            dropped.saturating_sub(gone_dropped),
        );
        if expired > 0 || dropped > 0 {
            out.push(Change::NotStored { expired, dropped });
        }
        let records = delta(stats.records_rejected, self.stats.records_rejected);
        let digests = delta(stats.digests_rejected, self.stats.digests_rejected);
        if records > 0 || digests > 0 {
            out.push(Change::Rejected { records, digests });
        }
    }
}

fn alerts(device: &BoardDevice) -> Vec<Alert> {
    device
        .alerts()
        .iter()
        .map(|e| Alert {
            id: e.digest.id,
            text: e.digest.text.as_str().to_owned(),
            severity: e.digest.severity,
            kind: e.digest.kind,
            count: e.digest.count,
            time: e.last.or(e.digest.time),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use alert_digest::link::session::DEFAULT_WINDOW;
    use alert_digest::link::{BoardConfig, Event, WireDigest};
    use alert_digest::{Certainty, Digest, MsgType, Urgency, id_hash};

    use super::*;
    use crate::screen::Display;

    /// 2026-02-03T12:00:00Z.
    const NOON: i64 = 1_770_120_000;

    fn device() -> Box<BoardDevice> {
        let display = Display::Oled128x64;
        let config = BoardConfig {
            display: display.info(),
            max_record: 1024,
            window: DEFAULT_WINDOW,
        };
        Box::new(BoardDevice::new(config, 1, None, display.text_area()))
    }

    fn digest(id: &str, text: &str, time: i64, end: Option<i64>) -> WireDigest {
        Digest {
            id: id_hash(id),
            time: Some(time),
            end,
            severity: Severity::Moderate,
            urgency: Urgency::Unknown,
            certainty: Certainty::Unknown,
            kind: Kind::Weather,
            msg: MsgType::Alert,
            refs: heapless::Vec::new(),
            count: 1,
            text: heapless::String::try_from(text).unwrap(),
        }
    }

    /// What `event` did to the device's store.
    fn apply(device: &mut BoardDevice, event: Event<'_>) -> Vec<Change> {
        let before = Snapshot::of(device);
        device.apply(event, 0);
        let mut out = Vec::new();
        before.changes(device, &mut out);
        out
    }

    #[test]
    fn each_way_the_store_changes_is_told_apart() {
        let mut device = device();
        let first = digest("w1", "Flood Watch, Tulsa", NOON, Some(NOON + 3600));
        let added = apply(&mut device, Event::Digest(&first));
        assert!(
            matches!(added.as_slice(), [Change::Added(a)] if a.id == id_hash("w1") && a.count == 1),
            "{added:?}"
        );
        assert!(added[0].is_accepted_digest());
        assert_eq!(added[0].to_json()["event"], "digest");
        assert_eq!(added[0].to_json()["id"], hex(id_hash("w1")));

        // The same report again, from another source a minute later: one alert, two reports.
        let again = digest(
            "w1-again",
            "Flood Watch, Tulsa",
            NOON + 60,
            Some(NOON + 3600),
        );
        let merged = apply(&mut device, Event::Digest(&again));
        assert!(
            matches!(merged.as_slice(), [Change::Merged { alert, was }]
                if alert.count == 2 && alert.id == id_hash("w1-again") && was == &[id_hash("w1")]),
            "{merged:?}"
        );

        let revised = digest("w2", "Flood Warning, Tulsa", NOON + 120, Some(NOON + 3600));
        let updated = apply(
            &mut device,
            Event::Update {
                id: id_hash("w1"),
                digest: &revised,
            },
        );
        assert!(
            // The update names the first report; the alert it replaces went by the latest.
            matches!(updated.as_slice(), [Change::Updated { alert, replaced }]
                if alert.id == id_hash("w2") && alert.count == 2
                    && replaced == &[id_hash("w1-again")]),
            "{updated:?}"
        );
        assert_eq!(
            updated[0].to_json()["replaces"][0],
            hex(id_hash("w1-again"))
        );

        let other = digest("x", "Wind Advisory", NOON + 130, None);
        apply(&mut device, Event::Digest(&other));
        let cancelled = apply(&mut device, Event::Cancel { id: id_hash("x") });
        assert_eq!(cancelled, [Change::Cancelled(vec![id_hash("x")])]);
        assert!(!cancelled[0].is_accepted_digest());

        // Time passes beyond the warning's end.
        let expired = apply(&mut device, Event::TimeSync { unix: NOON + 4000 });
        assert_eq!(expired, [Change::Expired(vec![id_hash("w2")])]);

        let late = digest("old", "Frost Advisory", NOON, Some(NOON + 60));
        let not_stored = apply(&mut device, Event::Digest(&late));
        assert_eq!(
            not_stored,
            [Change::NotStored {
                expired: 1,
                dropped: 0
            }]
        );

        let rejected = apply(
            &mut device,
            Event::Record(b"{\"id\":\"bad\",\"severity\":9}"),
        );
        assert_eq!(
            rejected,
            [Change::Rejected {
                records: 1,
                digests: 0
            }]
        );
        assert_eq!(rejected[0].to_json()["event"], "rejected");
    }

    #[test]
    fn a_clear_cancels_every_alert() {
        let mut device = device();
        for id in ["a", "b"] {
            apply(&mut device, Event::Digest(&digest(id, id, NOON, None)));
        }
        let cleared = apply(&mut device, Event::Clear);
        assert!(
            matches!(cleared.as_slice(), [Change::Cancelled(ids)] if ids.len() == 2),
            "{cleared:?}"
        );
        assert!(apply(&mut device, Event::Clear).is_empty(), "nothing left");
    }
}
