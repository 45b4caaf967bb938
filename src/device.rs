//! The board's application: bytes from the UART -> the link's board session -> the store ->
//! what to draw; acknowledgements back. A board crate only connects its UART, its clock and its
//! panel:
//!
//! ```text
//! loop {
//!     device.poll(&mut uart, now_ms)?;        // frames in, acks out, store updated
//!     device.tick(now_ms);                    // expiry, rotation, ages
//!     if device.needs_draw() {
//!         device.draw(&LAYOUT, &mut panel, now_ms, frame);   // feature `graphics`
//!         panel.flush();
//!     }
//!     sleep until the next byte or tick
//! }
//! ```
//!
//! The device keeps the facts around the digests that the layouts show: the time (from the
//! host's TimeSync, else the latest report's), the unread count, which alert the card shows,
//! and whether a critical alert has just arrived (it is shown at once, and an e-ink panel
//! refreshes for it without waiting).

use embedded_io::{Read, ReadReady, Write};

use crate::condense::Fit;
#[cfg(feature = "records")]
use crate::condense::condense_to_fit;
use crate::digest::Digest;
#[cfg(feature = "records")]
use crate::link::session::BOARD_MAX_RECORD_BYTES;
use crate::link::session::{BOARD_FRAME_BYTES, DEFAULT_WINDOW};
use crate::link::{
    BoardConfig, BoardSession, BoardStats, Event, QuietHours, Resume, Verdict, WireDigest,
};
#[cfg(feature = "records")]
use crate::record::parse_record;
use crate::store::{Entry, Outcome, Signature, Store};
use crate::vocab::{MsgType, Severity};

/// How long the card shows one alert before the next: long enough to read two lines twice.
pub const ROTATE_MS: u64 = 8_000;
/// New alerts count as read once none has arrived for this long: a reader glancing at the
/// panel has seen them by then (boards without a button have no other way to say so).
pub const READ_AFTER_MS: u64 = 60_000;
/// An alert this severe or more preempts what is shown (and the e-ink refresh interval).
pub const CRITICAL: Severity = Severity::Severe;
/// Ages on screen change at most once a minute ("12m"), so the screen is redrawn for them once
/// a minute too.
const AGE_STEP_S: i64 = 60;

/// Whether this build condenses raw records on the board (feature `records`).
pub const CONDENSES_RECORDS: bool = cfg!(feature = "records");

/// What the device did besides the link's and the store's own counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DeviceStats {
    /// Raw records that did not parse or condense (the host is told with a Nak).
    pub records_rejected: u32,
    /// Digests refused: longer than this board's text capacity.
    pub digests_rejected: u32,
    /// Critical alerts that took the screen.
    pub preemptions: u32,
}

/// The application: everything but the session, so the session can call into it.
struct App<F, const C: usize, const N: usize> {
    store: Store<C, N>,
    /// What raw records are condensed to (feature `records`).
    #[cfg_attr(not(feature = "records"), allow(dead_code))]
    fit: F,
    /// Unescaped strings of the record being condensed.
    #[cfg(feature = "records")]
    scratch: [u8; BOARD_MAX_RECORD_BYTES],
    /// The host's unix time and our millisecond clock when it was sent.
    synced: Option<(i64, u64)>,
    unread: usize,
    last_arrival_ms: u64,
    selected: usize,
    rotated_ms: u64,
    urgent: bool,
    dirty: bool,
    /// The host's quiet hours (none until it sends some).
    quiet: QuietHours,
    /// Whether they held at the last tick: changes wait for their end, rotation stops.
    quiet_now: bool,
    drawn_minute: Option<i64>,
    stats: DeviceStats,
}

/// A board's application: `C` alerts of up to `N` bytes of text, condensing raw records to
/// `fit` (a byte budget, or a layout's text area), over a link session with `B`-byte frames.
pub struct Device<F, const C: usize, const N: usize, const B: usize = BOARD_FRAME_BYTES> {
    session: BoardSession<B>,
    app: App<F, C, N>,
}

impl<F: Fit, const C: usize, const N: usize, const B: usize> Device<F, C, N, B> {
    /// A device that just booted (see [`BoardSession::new`] for `boot` and `resume`).
    pub fn new(config: BoardConfig, boot: u32, resume: Option<Resume>, fit: F) -> Self {
        // A build that condenses no records offers no room for them, so the host condenses.
        let config = BoardConfig {
            max_record: if CONDENSES_RECORDS {
                config.max_record
            } else {
                0
            },
            ..config
        };
        Self {
            session: BoardSession::new(config, boot, resume),
            app: App {
                store: Store::default(),
                fit,
                #[cfg(feature = "records")]
                scratch: [0; BOARD_MAX_RECORD_BYTES],
                synced: None,
                unread: 0,
                last_arrival_ms: 0,
                selected: 0,
                rotated_ms: 0,
                urgent: false,
                dirty: true,
                quiet: QuietHours::default(),
                quiet_now: false,
                drawn_minute: None,
                stats: DeviceStats::default(),
            },
        }
    }

    /// One turn of the link: reads what the UART has (a bounded amount), applies what arrived,
    /// writes what is due. Returns the bytes read.
    pub fn poll<IO>(&mut self, io: &mut IO, now_ms: u64) -> Result<usize, IO::Error>
    where
        IO: Read + ReadReady + Write,
    {
        let app = &mut self.app;
        // The store always takes what it is given (it evicts to make room), so the board can
        // take a whole window at any time.
        self.session.poll(io, now_ms, DEFAULT_WINDOW, &mut |event| {
            app.apply(event, now_ms)
        })
    }

    /// Bytes received some other way (an async task's read): as [`Device::poll`].
    pub fn receive(&mut self, bytes: &[u8], now_ms: u64) {
        let app = &mut self.app;
        self.session
            .receive(bytes, now_ms, DEFAULT_WINDOW, &mut |event| {
                app.apply(event, now_ms)
            });
    }

    /// The frames now due, for a board that writes itself: as [`BoardSession::transmit`].
    pub fn transmit(&mut self, now_ms: u64, out: &mut [u8]) -> usize {
        self.session.transmit(now_ms, DEFAULT_WINDOW, out)
    }

    /// Applies one link event directly (tests, and hosts that are their own link).
    pub fn apply(&mut self, event: Event<'_>, now_ms: u64) -> Verdict {
        self.app.apply(event, now_ms)
    }

    /// Time passing: retires ended alerts, rotates the card, ages the screen, forgets that
    /// alerts were new. Call it every loop.
    pub fn tick(&mut self, now_ms: u64) {
        self.app.tick(now_ms);
    }

    /// Whether the screen has changed since [`Device::drawn`] and should be drawn now: during
    /// quiet hours only for a critical alert (the rest waits for their end).
    pub fn needs_draw(&self) -> bool {
        self.app.dirty && (!self.app.quiet_now || self.app.urgent)
    }

    /// Whether quiet hours hold (as of the last tick or message): a board with lights to dim
    /// dims them.
    pub fn is_quiet(&self) -> bool {
        self.app.quiet_now
    }

    /// Says the current screen is on the panel. Returns whether a critical alert arrived since
    /// the last draw (an e-ink panel then refreshes without waiting; see
    /// [`crate::display::Refresher`]).
    pub fn drawn(&mut self, now_ms: u64) -> bool {
        self.app.dirty = false;
        self.app.drawn_minute = self.now(now_ms).map(|t| t.div_euclid(AGE_STEP_S));
        core::mem::take(&mut self.app.urgent)
    }

    /// The alerts to show, most important first.
    pub fn alerts(&self) -> &[Entry<N>] {
        self.app.store.iter().as_slice()
    }

    /// Index in [`Device::alerts`] of the alert the card shows.
    pub fn selected(&self) -> usize {
        self.app.selected
    }

    /// Alerts that arrived since they were last seen.
    pub fn unread(&self) -> usize {
        self.app.unread
    }

    /// Unix seconds now: the host's clock when it has sent one, else the latest report time.
    pub fn now(&self, now_ms: u64) -> Option<i64> {
        self.app.now(now_ms)
    }

    /// The reader has seen the alerts (a button press).
    pub fn mark_read(&mut self) {
        if self.app.unread > 0 {
            self.app.unread = 0;
            self.app.dirty = true;
        }
    }

    pub fn store(&self) -> &Store<C, N> {
        &self.app.store
    }

    pub fn link_stats(&self) -> BoardStats {
        self.session.stats()
    }

    pub fn stats(&self) -> DeviceStats {
        self.app.stats
    }

    /// What to keep in retained memory so a warm reset resumes without loss or duplicates.
    pub fn resume_point(&self) -> Option<Resume> {
        self.session.resume_point()
    }

    /// Milliseconds since the host was last heard (for a "link lost" mark).
    pub fn host_silent_ms(&self, now_ms: u64) -> Option<u64> {
        self.session.host_silent_ms(now_ms)
    }
}

impl<F: Fit, const C: usize, const N: usize> App<F, C, N> {
    fn now(&self, now_ms: u64) -> Option<i64> {
        match self.synced {
            Some((unix, at_ms)) => {
                let elapsed =
                    i64::try_from(now_ms.saturating_sub(at_ms) / 1000).unwrap_or(i64::MAX);
                Some(unix.saturating_add(elapsed))
            }
            None => self.store.clock(),
        }
    }

    fn apply(&mut self, event: Event<'_>, now_ms: u64) -> Verdict {
        match event {
            Event::Synced { .. } => Verdict::Accepted,
            Event::TimeSync { unix } => {
                self.synced = Some((unix, now_ms));
                if self.store.advance(unix) > 0 {
                    self.dirty = true;
                }
                self.update_quiet(now_ms);
                Verdict::Accepted
            }
            Event::Quiet(hours) if hours.is_valid() => {
                self.quiet = hours;
                self.update_quiet(now_ms);
                Verdict::Accepted
            }
            Event::Quiet(_) => Verdict::Rejected,
            Event::Digest(wire) => match narrow::<N>(wire) {
                Some(digest) => {
                    let signature = Signature::of_digest(&digest);
                    self.store_digest(digest, signature, now_ms)
                }
                None => self.reject_digest(),
            },
            Event::Update { id, digest } => match narrow::<N>(digest) {
                Some(mut digest) => {
                    digest.msg = MsgType::Update;
                    if !digest.refs.contains(&id) && digest.refs.push(id).is_err() {
                        // Full of other references: the one the message names matters most.
                        digest.refs.pop();
                        let _ = digest.refs.push(id);
                    }
                    let signature = Signature::of_digest(&digest);
                    self.store_digest(digest, signature, now_ms)
                }
                None => self.reject_digest(),
            },
            Event::Cancel { id } => {
                if let Outcome::Cancelled { .. } = self.store.cancel(&[id]) {
                    self.changed();
                }
                Verdict::Accepted
            }
            Event::Clear => {
                if self.store.clear() > 0 {
                    self.changed();
                }
                self.unread = 0;
                Verdict::Accepted
            }
            #[cfg(feature = "records")]
            Event::Record(json) => self.condense_record(json, now_ms),
            // This build condenses no records: its Hello says so (no record room), and the
            // host is told should one come anyway.
            #[cfg(not(feature = "records"))]
            Event::Record(_) => Verdict::Unsupported,
        }
    }

    #[cfg(feature = "records")]
    fn condense_record(&mut self, json: &[u8], now_ms: u64) -> Verdict {
        let condensed = parse_record(json, &mut self.scratch).and_then(|record| {
            let digest = condense_to_fit::<N>(&record, &self.fit)?;
            Ok((digest, Signature::of_record(&record)))
        });
        match condensed {
            Ok((digest, signature)) => self.store_digest(digest, signature, now_ms),
            Err(_) => {
                warn!("record rejected");
                self.stats.records_rejected = self.stats.records_rejected.wrapping_add(1);
                Verdict::Rejected
            }
        }
    }

    fn reject_digest(&mut self) -> Verdict {
        self.stats.digests_rejected = self.stats.digests_rejected.wrapping_add(1);
        Verdict::Rejected
    }

    fn store_digest(&mut self, digest: Digest<N>, signature: Signature, now_ms: u64) -> Verdict {
        let (id, critical) = (digest.id, digest.severity >= CRITICAL);
        let outcome = self.store.insert(digest, signature);
        let stored = matches!(
            outcome,
            Outcome::Added
                | Outcome::Merged { .. }
                | Outcome::Updated { .. }
                | Outcome::Unmatched
                | Outcome::AddedEvicting { .. }
        );
        if matches!(outcome, Outcome::Cancelled { .. }) {
            self.changed();
        }
        if stored {
            self.changed();
            self.unread = self.unread.saturating_add(1);
            self.last_arrival_ms = now_ms;
            if critical {
                // Shown at once, and for a full turn before the card rotates on.
                if let Some(rank) = self.store.iter().position(|e| e.answers_to(id)) {
                    self.selected = rank;
                }
                self.rotated_ms = now_ms;
                self.urgent = true;
                self.stats.preemptions = self.stats.preemptions.wrapping_add(1);
            }
        }
        Verdict::Accepted
    }

    /// The store changed: keep the card on a valid alert, and redraw.
    fn changed(&mut self) {
        self.dirty = true;
        if self.selected >= self.store.len() {
            self.selected = 0;
        }
    }

    /// Whether quiet hours hold now; when they end, what waited is drawn.
    fn update_quiet(&mut self, now_ms: u64) {
        let quiet = self.now(now_ms).is_some_and(|t| self.quiet.contains(t));
        if self.quiet_now && !quiet {
            self.dirty = true;
            // The card shows the first alert for a full turn, as on arrival.
            self.rotated_ms = now_ms;
        }
        self.quiet_now = quiet;
    }

    fn tick(&mut self, now_ms: u64) {
        self.update_quiet(now_ms);
        if let Some(now) = self.now(now_ms) {
            if self.store.advance(now) > 0 {
                self.changed();
            }
            if self
                .drawn_minute
                .is_some_and(|m| m != now.div_euclid(AGE_STEP_S))
            {
                self.dirty = true;
            }
        }
        if self.quiet_now {
            // Nothing new is shown, so nothing counts as read, and the card stays put; the
            // clock of both starts again when the quiet ends.
            self.last_arrival_ms = now_ms;
            self.rotated_ms = now_ms;
            return;
        }
        if self.unread > 0 && now_ms.saturating_sub(self.last_arrival_ms) >= READ_AFTER_MS {
            self.unread = 0;
            self.dirty = true;
        }
        if now_ms.saturating_sub(self.rotated_ms) >= ROTATE_MS {
            self.rotated_ms = now_ms;
            if self.store.len() > 1 {
                self.selected = self
                    .selected
                    .saturating_add(1)
                    .checked_rem(self.store.len())
                    .unwrap_or(0);
                self.dirty = true;
            }
        }
    }
}

/// A wire digest as this board's digest: refused when its text is longer than `N` bytes (the
/// host condenses to the budget the board announced, so that is a host's fault).
fn narrow<const N: usize>(wire: &WireDigest) -> Option<Digest<N>> {
    let mut text = heapless::String::new();
    text.push_str(&wire.text).ok()?;
    Some(Digest {
        id: wire.id,
        time: wire.time,
        end: wire.end,
        severity: wire.severity,
        urgency: wire.urgency,
        certainty: wire.certainty,
        kind: wire.kind,
        msg: wire.msg,
        refs: wire.refs.clone(),
        count: wire.count,
        text,
    })
}

#[cfg(feature = "graphics")]
mod draw {
    use embedded_graphics::pixelcolor::BinaryColor;
    use embedded_graphics::prelude::DrawTarget;

    use super::Device;
    use crate::condense::Fit;
    use crate::display::{Facts, Layout};

    impl<F: Fit, const C: usize, const N: usize, const B: usize> Device<F, C, N, B> {
        /// The facts a layout shows beside the alerts; `frame` is a scrolling layout's frame.
        pub fn facts(&self, now_ms: u64, frame: u32) -> Facts {
            Facts {
                now: self.now(now_ms).unwrap_or(0),
                unread: self.unread(),
                total: self.alerts().len(),
                selected: self.selected(),
                page: 0,
                frame,
            }
        }

        /// Draws the screen with `layout` (the caller flushes the panel and calls
        /// [`Device::drawn`]).
        pub fn draw<L: Layout, D: DrawTarget<Color = BinaryColor>>(
            &self,
            layout: &L,
            target: &mut D,
            now_ms: u64,
            frame: u32,
        ) -> Result<(), D::Error> {
            layout.draw(target, self.alerts(), &self.facts(now_ms, frame))
        }
    }
}
