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
    /// A repeat folded into an alert, which now stands for `count` reports.
    Merged(Alert),
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
}

impl Change {
    /// Whether it is a digest accepted into the store (what `--exit-after` counts).
    pub fn is_accepted_digest(&self) -> bool {
        matches!(
            self,
            Change::Added(_) | Change::Merged(_) | Change::Updated { .. }
        )
    }

    /// The JSON line `alert-digest board` prints for it.
    pub fn to_json(&self) -> Value {
        match self {
            Change::Added(a) => alert_json("digest", a),
            Change::Merged(a) => alert_json("merged", a),
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
}

impl Snapshot {
    pub fn of(device: &BoardDevice) -> Self {
        Self {
            alerts: alerts(device),
            counters: device.store().counters(),
            stats: device.stats(),
        }
    }

    /// What changed since the snapshot, appended to `out`.
    pub fn changes(&self, device: &BoardDevice, out: &mut Vec<Change>) {
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
        for alert in &now {
            match had(alert.id) {
                None if updated => out.push(Change::Updated {
                    alert: alert.clone(),
                    replaced: std::mem::take(&mut removed),
                }),
                None => out.push(Change::Added(alert.clone())),
                Some(old) if old.count < alert.count && !updated => {
                    out.push(Change::Merged(alert.clone()));
                }
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
