//! Digests on small panels (feature `graphics`): layouts over any embedded-graphics
//! `DrawTarget<Color = BinaryColor>`, their text budgets in pixels, and the e-ink refresh
//! policy.
//!
//! | panel | layout | font | what it shows |
//! | --- | --- | --- | --- |
//! | 250x122 e-ink (Waveshare 2.13") | [`EinkList`] | 6x10 Latin-1 | the latest digests, severity meter, age, "x3", unread badge, "+N more" |
//! | 128x64 OLED | [`OledCard`] | 6x10 Latin-1 | one digest: severity, position i/n and age, the text wrapped (paged when long) |
//! | 32x8 LED matrix | [`Strip`] [`LED32X8`] | 5x8 Latin-1 | a scrolling line of all digests, one frame per pixel |
//! | 5x5 micro:bit | [`Strip`] [`MICROBIT`] | 5x5 ASCII | the same, in the micro:bit's own font |
//!
//! A screen is a pure function of the alerts (a plain slice of digests or of store entries,
//! anything that is an [`Item`], in the order to show them: the store ranks them) and the
//! [`Facts`] around them: layouts read no clock and keep no state, so a board,
//! `alert-digest preview` and the tests draw the same pixels.
//!
//! `BinaryColor::On` is ink: a lit pixel on an OLED or LED, a black one on e-ink.
//!
//! Text is never clipped mid-glyph at a panel edge: the list and the card wrap on word
//! boundaries inside their text areas and end a text too long for them with "..." (the card
//! pages instead); the strips scroll whole glyphs through the window, which is what a marquee
//! is. Characters beyond the font are transliterated or drawn as a visible placeholder box
//! ([`text`]). Condensing a record with a layout's [`Layout::text_area`] as the budget
//! ([`crate::condense_to_fit`]) gives text that fills the area without overflowing it.

pub mod area;
pub mod draw;
pub mod layouts;
pub mod refresh;
pub mod scroll;
pub mod sheet;
pub mod text;
pub mod wrap;

use core::fmt::Write as _;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use heapless::String;

pub use area::TextArea;
pub use layouts::{EPD2IN13, EinkList, LED32X8, MICROBIT, OLED128X64, OledCard, Strip};
pub use refresh::{Decision, RefreshPolicy, Refresher};
pub use scroll::Scroll;
pub use text::{Cell, Charset};

use crate::digest::Digest;
use crate::store::Entry;
use crate::vocab::Severity;

/// Ink: a lit pixel (OLED, LED) or a black one (e-ink).
pub const INK: BinaryColor = BinaryColor::On;
/// Background.
pub const PAPER: BinaryColor = BinaryColor::Off;

/// What a layout reads of one alert. Implemented for a bare [`Digest`] and for a store
/// [`Entry`], so a board draws straight from its store (`store.iter().as_slice()`) and a
/// preview from a `Vec` of digests.
pub trait Item {
    /// The text to show.
    fn text(&self) -> &str;
    fn severity(&self) -> Severity;
    /// When it happened (unix seconds), for its age.
    fn time(&self) -> Option<i64>;
    /// How many reports it stands for ("x3" when more than one).
    fn count(&self) -> u16;
}

impl<const N: usize> Item for Digest<N> {
    fn text(&self) -> &str {
        self.text.as_str()
    }

    fn severity(&self) -> Severity {
        self.severity
    }

    fn time(&self) -> Option<i64> {
        self.time
    }

    fn count(&self) -> u16 {
        self.count
    }
}

impl<const N: usize> Item for Entry<N> {
    fn text(&self) -> &str {
        self.digest.text.as_str()
    }

    fn severity(&self) -> Severity {
        self.digest.severity
    }

    /// The latest report merged in: a repeat makes an alert news again.
    fn time(&self) -> Option<i64> {
        self.last.or(self.digest.time)
    }

    fn count(&self) -> u16 {
        self.digest.count
    }
}

/// What a screen shows besides the digests themselves. The device keeps these; the layouts
/// read what they need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Facts {
    /// Now, in unix seconds: ages ("12m") are counted from it. The core has no clock.
    pub now: i64,
    /// Digests not yet read (the list's badge).
    pub unread: usize,
    /// Digests in the store. When it exceeds the slice given, the rest count as "+N more"
    /// and in the card's "i/n"; when smaller, the slice's length is used.
    pub total: usize,
    /// Index in the slice of the digest the card shows.
    pub selected: usize,
    /// Page of the card's text, when it is longer than the card.
    pub page: usize,
    /// Frame of a scrolling layout, from 0 to [`Layout::frames`] (later frames wrap around).
    pub frame: u32,
}

impl Facts {
    /// The digests in the store: `total`, or `shown` when that is more.
    pub fn total_with(&self, shown: usize) -> usize {
        self.total.max(shown)
    }
}

/// A way of drawing digests on one kind of panel.
pub trait Layout {
    /// The panel's size in pixels.
    fn size(&self) -> Size;

    /// The text area one digest is shown in: condense with it (`condense_to_fit`) for text
    /// that fills the area whole. Limit it to the digest's capacity with
    /// [`TextArea::with_max_bytes`].
    fn text_area(&self) -> TextArea;

    /// How many frames one pass of the screen takes: 1 for still layouts, one per pixel of
    /// scrolling for the strips.
    fn frames<I: Item>(&self, digests: &[I]) -> u32 {
        let _ = digests;
        1
    }

    /// Draws the whole screen (it clears the target first).
    fn draw<D, I: Item>(
        &self,
        target: &mut D,
        digests: &[I],
        facts: &Facts,
    ) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>;
}

/// Most glyphs an age takes ("59m", ">99d").
pub const AGE_CELLS: usize = 4;

/// How long ago `time` was, in at most [`AGE_CELLS`] ASCII characters: "now" under a minute
/// (and for times ahead of `now`: a clock a little behind the sender's), then "12m", "5h",
/// "3d", and ">99d" beyond. Empty when the digest has no time.
pub fn age(now: i64, time: Option<i64>) -> String<AGE_CELLS> {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    /// Beyond 99 days the number would need a fifth glyph; such an alert is simply old.
    const MAX_DAYS: i64 = 99;
    let mut out = String::new();
    let Some(time) = time else { return out };
    let ago = now.saturating_sub(time);
    // Each branch writes at most four ASCII characters, so the writes cannot fail.
    let _ = if ago < MINUTE {
        out.write_str("now")
    } else if ago < HOUR {
        write!(out, "{}m", ago.checked_div(MINUTE).unwrap_or(0))
    } else if ago < DAY {
        write!(out, "{}h", ago.checked_div(HOUR).unwrap_or(0))
    } else if ago < MAX_DAYS.saturating_add(1).saturating_mul(DAY) {
        write!(out, "{}d", ago.checked_div(DAY).unwrap_or(0))
    } else {
        out.write_str(">99d")
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_short_and_round_down() {
        let now = 1_000_000;
        assert_eq!(age(now, None), "");
        assert_eq!(age(now, Some(now)), "now");
        assert_eq!(age(now, Some(now + 30)), "now");
        assert_eq!(age(now, Some(now - 59)), "now");
        assert_eq!(age(now, Some(now - 60)), "1m");
        assert_eq!(age(now, Some(now - 12 * 60 - 59)), "12m");
        assert_eq!(age(now, Some(now - 3600)), "1h");
        assert_eq!(age(now, Some(now - 86_399)), "23h");
        assert_eq!(age(now, Some(now - 86_400 * 99)), "99d");
        assert_eq!(age(now, Some(now - 86_400 * 100)), ">99d");
        assert_eq!(age(i64::MAX, Some(i64::MIN)), ">99d");
        assert_eq!(age(i64::MIN, Some(i64::MAX)), "now");
    }
}
