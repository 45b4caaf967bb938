//! When an e-ink panel should refresh, and how.
//!
//! E-ink is slow and wears: a full refresh (about 2 s on the 2.13" panel, with a flash) clears
//! ghosting; a partial one (about 0.3 s) does not, and ghosts build up after a few in a row.
//! The policy: the first refresh is full (the panel's state is unknown), then partial ones with
//! a full one every [`RefreshPolicy::full_every`]; never two refreshes closer than
//! [`RefreshPolicy::min_interval_ms`], so a burst of alerts costs a few refreshes, not one
//! each; a frame identical to the one shown is skipped; and a frame bringing a critical alert
//! is drawn at once, as soon as the panel has finished any refresh under way.
//!
//! The caller owns the clock (milliseconds from any fixed start) and the frame: it renders,
//! identifies the frame ([`frame_id`]), asks [`Refresher::decide`], and when told to wait,
//! asks again at that time with whatever frame is current then, or sooner when the frame
//! changes (a critical alert arriving meanwhile is drawn at once).

use crc::{CRC_32_ISCSI, Crc};

use crate::display::Item;
use crate::vocab::Severity;

/// The identity of a frame: CRC-32C of its pixel buffer. Two different frames colliding
/// would cost one skipped refresh, a one-in-four-billion chance.
pub fn frame_id(pixels: &[u8]) -> u32 {
    FRAME_CRC.checksum(pixels)
}

/// A `static`, so the table is built once, at compile time, and shared.
static FRAME_CRC: Crc<u32> = Crc::<u32>::new(&CRC_32_ISCSI);

/// The least severity that is critical: shown at once, whatever the interval. CAP's "Severe"
/// is a significant threat to life or property.
pub const CRITICAL: Severity = Severity::Severe;

/// Whether `digest` is critical.
pub fn is_critical<I: Item>(digest: &I) -> bool {
    digest.severity() >= CRITICAL
}

/// Timing of a panel and the limits put on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RefreshPolicy {
    /// Partial refreshes between full ones.
    pub full_every: u16,
    /// Least time from one refresh's start to the next, unless the next is critical.
    pub min_interval_ms: u32,
    /// How long a partial refresh keeps the panel busy.
    pub partial_ms: u32,
    /// How long a full refresh keeps the panel busy.
    pub full_ms: u32,
}

/// The Waveshare 2.13" panel: full about 2 s, partial about 0.3 s (its datasheet). A full
/// refresh every 8 partial ones, as TRMNL does (Meshtastic allows about 10). At most one
/// ordinary refresh every 10 s: a reader cannot take in a list faster, and a burst of 50
/// alerts then costs a handful of refreshes.
pub const EPD2IN13_POLICY: RefreshPolicy = RefreshPolicy {
    full_every: 8,
    min_interval_ms: 10_000,
    partial_ms: 300,
    full_ms: 2_000,
};

/// What to do with a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Decision {
    /// The frame is what the panel shows: nothing to do.
    Skip,
    /// Not yet: ask again at this time (milliseconds) with the frame current then.
    WaitUntil(u64),
    /// Draw it now with a partial refresh.
    Partial,
    /// Draw it now with a full refresh.
    Full,
}

/// The refresh policy's state: what the panel shows and when it last refreshed.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Refresher {
    policy: RefreshPolicy,
    /// The frame on the panel, once there is one.
    shown: Option<u32>,
    /// When the last refresh started.
    last_start: Option<u64>,
    /// When the panel finishes the last refresh.
    busy_until: u64,
    /// Partial refreshes since the last full one.
    partials: u16,
}

impl Refresher {
    pub const fn new(policy: RefreshPolicy) -> Self {
        Self {
            policy,
            shown: None,
            last_start: None,
            busy_until: 0,
            partials: 0,
        }
    }

    /// Decides what to do at `now_ms` with the frame `frame` (a [`frame_id`]); `critical`
    /// says the frame brings a critical alert the panel does not show yet. A refresh decided
    /// here is taken as done: the frame becomes the one shown.
    pub fn decide(&mut self, now_ms: u64, frame: u32, critical: bool) -> Decision {
        if self.shown == Some(frame) {
            return Decision::Skip;
        }
        if now_ms < self.busy_until {
            return Decision::WaitUntil(self.busy_until);
        }
        if let Some(last) = self.last_start {
            let earliest = last.saturating_add(u64::from(self.policy.min_interval_ms));
            if !critical && now_ms < earliest {
                return Decision::WaitUntil(earliest);
            }
        }
        let full = self.shown.is_none() || self.partials >= self.policy.full_every;
        let (decision, busy_ms) = if full {
            self.partials = 0;
            (Decision::Full, self.policy.full_ms)
        } else {
            self.partials = self.partials.saturating_add(1);
            (Decision::Partial, self.policy.partial_ms)
        };
        self.shown = Some(frame);
        self.last_start = Some(now_ms);
        self.busy_until = now_ms.saturating_add(u64::from(busy_ms));
        decision
    }

    /// The frame the panel shows, if any.
    pub fn shown(&self) -> Option<u32> {
        self.shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: RefreshPolicy = EPD2IN13_POLICY;

    #[test]
    fn first_refresh_is_full_then_partial_with_a_full_every_n() {
        let mut r = Refresher::new(POLICY);
        let mut t = 0u64;
        assert_eq!(r.decide(t, 1, false), Decision::Full);
        for frame in 2..=u32::from(POLICY.full_every) + 1 {
            t += u64::from(POLICY.min_interval_ms);
            assert_eq!(
                r.decide(t, frame, false),
                Decision::Partial,
                "frame {frame}"
            );
        }
        t += u64::from(POLICY.min_interval_ms);
        assert_eq!(r.decide(t, 100, false), Decision::Full);
        t += u64::from(POLICY.min_interval_ms);
        assert_eq!(r.decide(t, 101, false), Decision::Partial);
    }

    #[test]
    fn identical_frames_are_skipped() {
        let mut r = Refresher::new(POLICY);
        assert_eq!(r.decide(0, 7, false), Decision::Full);
        assert_eq!(r.decide(1, 7, true), Decision::Skip);
        assert_eq!(r.decide(60_000, 7, false), Decision::Skip);
    }

    #[test]
    fn refreshes_keep_the_minimum_interval() {
        let mut r = Refresher::new(POLICY);
        assert_eq!(r.decide(1_000, 1, false), Decision::Full);
        assert_eq!(r.decide(5_000, 2, false), Decision::WaitUntil(11_000));
        assert_eq!(r.decide(10_999, 3, false), Decision::WaitUntil(11_000));
        assert_eq!(r.decide(11_000, 3, false), Decision::Partial);
    }

    #[test]
    fn critical_frames_skip_the_interval_but_wait_for_a_busy_panel() {
        let mut r = Refresher::new(POLICY);
        assert_eq!(r.decide(0, 1, false), Decision::Full);
        // The full refresh keeps the panel busy for 2 s.
        assert_eq!(r.decide(500, 2, true), Decision::WaitUntil(2_000));
        assert_eq!(r.decide(2_000, 2, true), Decision::Partial);
        assert_eq!(r.decide(2_100, 3, true), Decision::WaitUntil(2_300));
    }

    #[test]
    fn frame_ids_tell_frames_apart() {
        assert_eq!(frame_id(&[0, 1, 2]), frame_id(&[0, 1, 2]));
        assert_ne!(frame_id(&[0, 1, 2]), frame_id(&[0, 1, 3]));
    }
}
