//! The clock of a scrolling layout ([`super::Strip`]): which frame to draw, and when. Boards
//! with a marquee share it, so their loops only wait, draw and show.

use super::Strip;

/// Frames of a scrolling strip over time: one every [`Strip::frame_ms`], starting over when a
/// critical alert arrives (so it passes first, and at once). Frames that run late are not
/// caught up: the strip slows rather than jumps.
#[derive(Clone, Copy, Debug)]
pub struct Scroll {
    frame_ms: u64,
    frame: u32,
    next_ms: u64,
}

impl Scroll {
    pub const fn new(strip: &Strip) -> Self {
        Self {
            frame_ms: strip.frame_ms() as u64,
            frame: 0,
            next_ms: 0,
        }
    }

    /// Whether a frame is due at `now_ms`.
    pub fn is_due(&self, now_ms: u64) -> bool {
        now_ms >= self.next_ms
    }

    /// When the next frame is due: a board sleeps until then (or until a byte arrives).
    pub fn next_ms(&self) -> u64 {
        self.next_ms
    }

    /// The frame to draw now, and the next one scheduled; `restart` starts the strip over
    /// (pass what [`crate::device::Device::drawn`] says about a critical alert).
    pub fn take(&mut self, now_ms: u64, restart: bool) -> u32 {
        if restart {
            self.frame = 0;
        }
        let frame = self.frame;
        self.frame = self.frame.wrapping_add(1);
        let due = self.next_ms.saturating_add(self.frame_ms);
        self.next_ms = if due > now_ms {
            due
        } else {
            now_ms.saturating_add(self.frame_ms)
        };
        frame
    }
}

#[cfg(test)]
mod tests {
    use super::super::LED32X8;
    use super::*;

    #[test]
    fn frames_come_on_time_restart_on_a_critical_alert_and_are_not_caught_up() {
        let mut scroll = Scroll::new(&LED32X8);
        let step = u64::from(LED32X8.frame_ms());
        assert!(scroll.is_due(0));
        assert_eq!(scroll.take(0, false), 0);
        assert!(!scroll.is_due(step - 1));
        assert_eq!(scroll.next_ms(), step);
        assert_eq!(scroll.take(step, false), 1);
        assert_eq!(
            scroll.take(2 * step, true),
            0,
            "a critical alert starts over"
        );
        // Five frames late: the next frame is one step after now, not in the past.
        assert_eq!(scroll.take(8 * step, false), 1);
        assert_eq!(scroll.next_ms(), 9 * step);
    }
}
