//! A fixed-capacity store of digests: what a stream of alerts condenses to.
//!
//! - Repeats merge: reports with the same [`Signature`] within [`Store::merge_window`] seconds
//!   become one entry with a count and the first and last report time ("x3").
//! - `msg: update` replaces the entries it refers to; `msg: cancel` removes them.
//! - Entries whose end (`until`/`expires`) has passed are retired.
//! - When the store is full, the entry of lowest priority goes (which may be the newcomer), and
//!   the `dropped` counter says so: nothing leaves silently.
//!
//! Entries are kept in priority order (severity, then recency), which is also the order a
//! display shows them in: [`Store::iter`].
//!
//! The store's clock is the latest report time it has seen, moved on by [`Store::advance`] when
//! the caller has a better one. A board without a real-time clock thus still retires alerts, and
//! a replayed feed is judged as of its own time, not the wall clock's.

use crc::{CRC_32_ISCSI, Crc, Digest as Hasher};
use heapless::Vec;

use crate::digest::Digest;
use crate::record::EventRecord;
use crate::vocab::{MsgType, Severity};

/// Repeats this far apart (seconds) still merge: an hour covers a news cycle's rewrites of one
/// event and a GDELT export's fifteen-minute batches, and is shorter than most NWS re-issues.
pub const DEFAULT_MERGE_WINDOW: i64 = 3600;

/// Record ids an entry answers to for update and cancel: its own and those of the newest
/// repeats merged into it. Four covers the NWS habit of updating the latest message of a chain;
/// older ids are forgotten first.
pub const MAX_ALIASES: usize = 4;

/// The signature hash: the same CRC-32C as record ids, so one table serves both.
const SIGNATURE_HASH: Crc<u32> = Crc::<u32>::new(&CRC_32_ISCSI);

/// Separates fields inside a signature, so ("ab", "c") and ("a", "bc") differ. Never produced
/// by [`feed_normalised`], which keeps only letters and digits.
const FIELD_SEPARATOR: u8 = 0x1f;

/// What makes two reports the same event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Signature(pub u32);

impl Signature {
    /// From the record's structure: kind, actor, action, object, place (or region) and the
    /// magnitude as written. Letters are compared without case, and anything that is not a
    /// letter or a digit is ignored, so "U.S." and "US" agree. The time and the wording of
    /// headlines are not part of it: repeats differ there. A record with none of those fields is
    /// signed by its headline, or else its text.
    pub fn of_record(record: &EventRecord) -> Self {
        let mut h = SIGNATURE_HASH.digest();
        h.update(record.kind.as_str().as_bytes());
        let structured = [
            record.actor,
            record.action,
            record.object,
            record.place.or(record.region),
            record.magnitude.map(|m| m.literal()),
        ];
        if structured.iter().any(Option::is_some) {
            for field in structured {
                h.update(&[FIELD_SEPARATOR]);
                feed_normalised(&mut h, field.unwrap_or_default());
            }
        } else {
            h.update(&[FIELD_SEPARATOR]);
            feed_normalised(&mut h, record.headline.or(record.text).unwrap_or(record.id));
        }
        Signature(h.finalize())
    }

    /// From a digest alone (a board that receives digests, not records): its kind and text.
    /// Two digests that read the same are the same alert to whoever looks at the display.
    pub fn of_digest<const N: usize>(digest: &Digest<N>) -> Self {
        let mut h = SIGNATURE_HASH.digest();
        h.update(digest.kind.as_str().as_bytes());
        h.update(&[FIELD_SEPARATOR]);
        feed_normalised(&mut h, digest.text.as_str());
        Signature(h.finalize())
    }
}

/// Feeds the letters and digits of `text`, ASCII lower-cased; other ASCII is skipped, non-ASCII
/// is kept as is.
fn feed_normalised(h: &mut Hasher<'_, u32>, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            h.update(&[b.to_ascii_lowercase()]);
        } else if !b.is_ascii() {
            h.update(&[b]);
        }
    }
}

/// One alert in the store: a digest standing for `digest.count` reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<const N: usize> {
    pub digest: Digest<N>,
    pub signature: Signature,
    /// Time of the earliest report merged in (unix seconds), if any had a time.
    pub first: Option<i64>,
    /// Time of the latest report merged in.
    pub last: Option<i64>,
    /// Record id hashes this entry answers to for update and cancel.
    aliases: Vec<u32, MAX_ALIASES>,
    /// Arrival order: breaks ties between equally severe, equally recent entries.
    seq: u64,
}

impl<const N: usize> Entry<N> {
    /// Whether an update or cancel naming `id` refers to this entry.
    pub fn answers_to(&self, id: u32) -> bool {
        self.digest.id == id || self.aliases.contains(&id)
    }

    /// Priority, higher first: severity, then the latest report time, then arrival.
    fn rank(&self) -> (Severity, i64, u64) {
        (
            self.digest.severity,
            self.last.unwrap_or(i64::MIN),
            self.seq,
        )
    }

    fn add_alias(&mut self, id: u32) {
        if self.answers_to(id) {
            return;
        }
        if self.aliases.is_full() && !self.aliases.is_empty() {
            self.aliases.remove(0);
        }
        let _ = self.aliases.push(id);
    }
}

/// What the store did with a digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Outcome {
    /// Stored as a new entry.
    Added,
    /// Folded into an existing entry, which now stands for `count` reports.
    Merged { count: u16 },
    /// An update that replaced `replaced` entries.
    Updated { replaced: usize },
    /// A cancel that removed `removed` entries.
    Cancelled { removed: usize },
    /// An update or cancel whose references are not in the store (never seen, or already
    /// gone). An update is then stored as a new entry; a cancel has nothing to do.
    Unmatched,
    /// Already over (its end is not after the store's clock): not stored.
    Expired,
    /// Stored, and to make room the entry with this id hash was dropped.
    AddedEvicting { evicted: u32 },
    /// Not stored: the store is full of alerts that rank above it.
    Dropped,
}

/// What the store has done since it was made; every way an entry leaves is counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Counters {
    /// Digests offered.
    pub received: u32,
    /// New entries.
    pub added: u32,
    /// Repeats folded into an entry.
    pub merged: u32,
    /// Entries replaced by updates.
    pub updated: u32,
    /// Entries removed by cancels.
    pub cancelled: u32,
    /// Updates and cancels that referred to nothing stored.
    pub unmatched: u32,
    /// Entries retired (or digests refused) because their end had passed.
    pub expired: u32,
    /// Entries or newcomers dropped for want of room.
    pub dropped: u32,
}

/// A store of at most `C` entries of digests with `N`-byte text.
#[derive(Clone, Debug)]
pub struct Store<const C: usize, const N: usize> {
    /// Highest priority first, always.
    entries: Vec<Entry<N>, C>,
    counters: Counters,
    merge_window: i64,
    clock: Option<i64>,
    next_seq: u64,
}

impl<const C: usize, const N: usize> Default for Store<C, N> {
    fn default() -> Self {
        Self::new(DEFAULT_MERGE_WINDOW)
    }
}

impl<const C: usize, const N: usize> Store<C, N> {
    /// An empty store whose repeats merge when at most `merge_window` seconds apart (negative
    /// values count as 0: only simultaneous repeats merge).
    pub const fn new(merge_window: i64) -> Self {
        Self {
            entries: Vec::new(),
            counters: Counters {
                received: 0,
                added: 0,
                merged: 0,
                updated: 0,
                cancelled: 0,
                unmatched: 0,
                expired: 0,
                dropped: 0,
            },
            merge_window: if merge_window < 0 { 0 } else { merge_window },
            clock: None,
            next_seq: 0,
        }
    }

    pub fn merge_window(&self) -> i64 {
        self.merge_window
    }

    pub fn counters(&self) -> Counters {
        self.counters
    }

    /// The store's notion of now: the latest report time or [`Store::advance`] it has seen.
    pub fn clock(&self) -> Option<i64> {
        self.clock
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub const fn capacity(&self) -> usize {
        C
    }

    /// The entries in priority order: most severe first, and among equals the most recent.
    pub fn iter(&self) -> core::slice::Iter<'_, Entry<N>> {
        self.entries.iter()
    }

    /// The entry at `rank` in priority order (0 is the most important).
    pub fn get(&self, rank: usize) -> Option<&Entry<N>> {
        self.entries.get(rank)
    }

    /// Moves the clock to `now` (never back) and retires the entries that have ended by then.
    /// Returns how many were retired.
    pub fn advance(&mut self, now: i64) -> usize {
        if self.clock.is_none_or(|c| now > c) {
            self.clock = Some(now);
        }
        self.retire_ended()
    }

    /// Offers one digest, signed by `signature` (see [`Signature`]).
    pub fn insert(&mut self, digest: Digest<N>, signature: Signature) -> Outcome {
        self.counters.received = self.counters.received.saturating_add(1);
        if let Some(t) = digest.time {
            self.advance(t);
        }
        if self.has_ended(digest.end) {
            bump(&mut self.counters.expired, 1);
            return Outcome::Expired;
        }
        match digest.msg {
            MsgType::Cancel => self.cancel_refs(&digest.refs),
            MsgType::Update => self.update(digest, signature),
            MsgType::Alert => self.alert(digest, signature),
        }
    }

    /// Removes the entries that answer to any of `ids` (a cancel that came without a digest:
    /// the link's Cancel message).
    pub fn cancel(&mut self, ids: &[u32]) -> Outcome {
        self.counters.received = self.counters.received.saturating_add(1);
        self.cancel_refs(ids)
    }

    /// Removes every entry (the link's Clear message); they count as cancelled. Returns how
    /// many there were.
    pub fn clear(&mut self) -> usize {
        let removed = self.entries.len();
        self.entries.clear();
        bump(&mut self.counters.cancelled, removed);
        removed
    }

    fn cancel_refs(&mut self, ids: &[u32]) -> Outcome {
        let removed = self.remove_referenced(ids).removed;
        if removed == 0 {
            bump(&mut self.counters.unmatched, 1);
            return Outcome::Unmatched;
        }
        bump(&mut self.counters.cancelled, removed);
        Outcome::Cancelled { removed }
    }

    fn update(&mut self, digest: Digest<N>, signature: Signature) -> Outcome {
        let replaced = self.remove_referenced(&digest.refs);
        if replaced.removed == 0 {
            bump(&mut self.counters.unmatched, 1);
            return match self.alert(digest, signature) {
                Outcome::Added => Outcome::Unmatched,
                other => other,
            };
        }
        bump(&mut self.counters.updated, replaced.removed);
        // The update is the same event, revised: it keeps the reports it stands for, the time
        // the event was first reported, and the ids later messages may still refer to.
        let mut entry = self.new_entry(digest, signature);
        entry.first = earliest(entry.first, replaced.first);
        entry.digest.count = entry.digest.count.max(replaced.count);
        for &alias in &replaced.aliases {
            entry.add_alias(alias);
        }
        // Removing made room, so this cannot be refused.
        self.place(entry);
        Outcome::Updated {
            replaced: replaced.removed,
        }
    }

    fn alert(&mut self, digest: Digest<N>, signature: Signature) -> Outcome {
        let window = self.merge_window;
        let time = digest.time;
        let repeat = self.entries.iter_mut().find(|e| {
            e.signature == signature && e.digest.kind == digest.kind && within(e, time, window)
        });
        if let Some(entry) = repeat {
            merge(entry, digest);
            let count = entry.digest.count;
            bump(&mut self.counters.merged, 1);
            self.sort();
            return Outcome::Merged { count };
        }
        let entry = self.new_entry(digest, signature);
        if !self.entries.is_full() {
            self.place(entry);
            bump(&mut self.counters.added, 1);
            return Outcome::Added;
        }
        bump(&mut self.counters.dropped, 1);
        match self.entries.last() {
            Some(lowest) if entry.rank() > lowest.rank() => {
                let evicted = lowest.digest.id;
                self.entries.pop();
                self.place(entry);
                bump(&mut self.counters.added, 1);
                Outcome::AddedEvicting { evicted }
            }
            _ => Outcome::Dropped,
        }
    }

    fn new_entry(&mut self, digest: Digest<N>, signature: Signature) -> Entry<N> {
        let seq = self.next_seq;
        self.next_seq = self.next_seq.saturating_add(1);
        Entry {
            first: digest.time,
            last: digest.time,
            digest,
            signature,
            aliases: Vec::new(),
            seq,
        }
    }

    /// Adds `entry` (the caller has made room) and restores the order.
    fn place(&mut self, entry: Entry<N>) {
        if self.entries.push(entry).is_ok() {
            self.sort();
        }
    }

    /// Removes the entries `refs` names, and sums up what they were.
    fn remove_referenced(&mut self, refs: &[u32]) -> Removed {
        let mut removed = Removed::default();
        let mut i = 0;
        while let Some(entry) = self.entries.get(i) {
            if refs.iter().any(|&r| entry.answers_to(r)) {
                // `remove` shifts the rest down, so the order is kept.
                let old = self.entries.remove(i);
                removed.removed = removed.removed.saturating_add(1);
                removed.first = earliest(removed.first, old.first);
                removed.count = removed.count.max(old.digest.count);
                for id in core::iter::once(old.digest.id).chain(old.aliases) {
                    if removed.aliases.is_full() && !removed.aliases.is_empty() {
                        removed.aliases.remove(0);
                    }
                    let _ = removed.aliases.push(id);
                }
            } else {
                i = i.saturating_add(1);
            }
        }
        removed
    }

    fn has_ended(&self, end: Option<i64>) -> bool {
        matches!((end, self.clock), (Some(end), Some(now)) if end <= now)
    }

    fn retire_ended(&mut self) -> usize {
        let Some(now) = self.clock else {
            return 0;
        };
        let before = self.entries.len();
        self.entries
            .retain(|e| e.digest.end.is_none_or(|end| end > now));
        let retired = before.saturating_sub(self.entries.len());
        bump(&mut self.counters.expired, retired);
        retired
    }

    fn sort(&mut self) {
        // `seq` is unique, so the order is total and the unstable sort deterministic.
        self.entries
            .sort_unstable_by_key(|e| core::cmp::Reverse(e.rank()));
    }
}

/// What the entries an update or cancel removed were, taken together.
#[derive(Default)]
struct Removed {
    removed: usize,
    first: Option<i64>,
    count: u16,
    aliases: Vec<u32, MAX_ALIASES>,
}

/// Whether a report at `time` falls within `window` seconds of the entry's reports. A report
/// or an entry without a time cannot be placed, and is taken as a repeat.
fn within<const N: usize>(entry: &Entry<N>, time: Option<i64>, window: i64) -> bool {
    let (Some(t), Some(first), Some(last)) = (time, entry.first, entry.last) else {
        return true;
    };
    let gap = if t < first {
        first.saturating_sub(t)
    } else {
        t.saturating_sub(last).max(0)
    };
    gap <= window
}

/// Folds a repeat into `entry`: the newer report's wording, the higher severity, the later end.
fn merge<const N: usize>(entry: &mut Entry<N>, repeat: Digest<N>) {
    let count = entry.digest.count.saturating_add(repeat.count.max(1));
    let newer = match (repeat.time, entry.last) {
        (Some(t), Some(last)) => t >= last,
        _ => true,
    };
    let severity = entry.digest.severity.max(repeat.severity);
    let end = match (entry.digest.end, repeat.end) {
        (Some(a), Some(b)) => Some(a.max(b)),
        // An open-ended report keeps the event open.
        _ => None,
    };
    let id = repeat.id;
    entry.first = earliest(entry.first, repeat.time);
    entry.last = latest(entry.last, repeat.time);
    if newer {
        let old_id = entry.digest.id;
        entry.digest = repeat;
        entry.add_alias(old_id);
    } else {
        entry.add_alias(id);
    }
    entry.digest.count = count;
    entry.digest.severity = severity;
    entry.digest.end = end;
}

fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn latest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn bump(counter: &mut u32, by: usize) {
    *counter = counter.saturating_add(u32::try_from(by).unwrap_or(u32::MAX));
}
