//! Scrolling strips for LED matrices: the 32x8 marquee and the micro:bit's 5x5 scroller.
//!
//! All digests, in order, make one line: each its severity meter, its text, and a gap. The
//! panel is a window sliding along that line one pixel a frame and wrapping around to the
//! start, as LED tickers do; glyphs move through the edges whole rather than being cut. A
//! single digest short enough for the panel stands still.

use embedded_graphics::mono_font::iso_8859_1::FONT_5X8;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;

use crate::display::Item;
use crate::display::area::TextArea;
use crate::display::draw::{Face, Meter, draw_cells, px};
use crate::display::text::{Cells, cell_count};
use crate::display::{Facts, INK, Layout, PAPER};
use crate::vocab::Severity;

/// A scrolling strip on a `width` x `height` panel.
#[derive(Clone, Copy)]
pub struct Strip {
    width: u32,
    height: u32,
    face: Face,
    meter: Meter,
    /// Blank pixels between a meter and its text.
    meter_gap: u32,
    /// Blank pixels after each digest, so consecutive alerts read apart.
    gap: u32,
    /// Glyphs of text a digest may have (its budget).
    cells: u32,
    /// How long a frame stays up: the scrolling speed.
    frame_ms: u32,
}

/// The 32x8 LED matrix (four MAX7219 modules): the 5x8 Latin-1 font fills its height. A digest
/// may have 64 glyphs, WLED's scrolling-text limit on an ESP32: at a usual 30 ms a pixel it
/// takes about 10 s to pass.
pub const LED32X8: Strip = Strip {
    width: 32,
    height: 8,
    face: Face::Mono(&FONT_5X8),
    meter: Meter {
        bar_width: 1,
        gap: 1,
        base: 2,
        step: 2,
    },
    meter_gap: 3,
    gap: 12,
    cells: 64,
    frame_ms: 30,
};

/// The micro:bit's 5x5 LEDs, in the micro:bit's own font (ASCII: accents are
/// transliterated). A digest may have 32 glyphs: at the micro:bit's usual 120 ms a column that
/// is already 23 s of scrolling.
pub const MICROBIT: Strip = Strip {
    width: 5,
    height: 5,
    face: Face::Pendolino,
    meter: Meter {
        bar_width: 1,
        gap: 0,
        base: 2,
        step: 1,
    },
    meter_gap: 2,
    gap: 6,
    cells: 32,
    frame_ms: 120,
};

impl Strip {
    /// How long each frame should stay on the panel, in milliseconds: one pixel of scrolling.
    pub const fn frame_ms(&self) -> u32 {
        self.frame_ms
    }

    /// Pixels one digest takes along the strip, its trailing gap included.
    fn entry_width<I: Item>(&self, digest: &I) -> i32 {
        let text = self
            .face
            .width(cell_count(digest.text(), self.face.charset()));
        px(self.meter.width().saturating_add(self.meter_gap))
            .saturating_add(text)
            .saturating_add(px(self.gap))
    }

    /// Length of the whole strip in pixels.
    pub fn strip_len<I: Item>(&self, digests: &[I]) -> i32 {
        digests
            .iter()
            .fold(0i32, |len, d| len.saturating_add(self.entry_width(d)))
    }

    /// Whether the strip stands still: one digest that fits the panel.
    fn still<I: Item>(&self, digests: &[I]) -> bool {
        match digests {
            [] => true,
            [only] => self.entry_width(only).saturating_sub(px(self.gap)) <= px(self.width),
            _ => false,
        }
    }

    /// Draws the strip with its start at `x0`.
    fn draw_at<D, I: Item>(&self, target: &mut D, digests: &[I], x0: i32) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        let width = px(self.width);
        let advance = px(self.face.advance());
        let mut x = x0;
        for digest in digests {
            if x >= width {
                break;
            }
            let entry = self.entry_width(digest);
            if x.saturating_add(entry) > 0 {
                self.meter
                    .draw(target, digest.severity(), Point::new(x, 0), INK)?;
                let text_x =
                    x.saturating_add(px(self.meter.width().saturating_add(self.meter_gap)));
                // Only the glyphs in the window (and the ones straddling its edges) are drawn.
                let hidden =
                    usize::try_from(text_x.saturating_neg().checked_div(advance).unwrap_or(0))
                        .unwrap_or(0);
                let visible = usize::try_from(width.checked_div(advance).unwrap_or(0))
                    .unwrap_or(0)
                    .saturating_add(2);
                let first_x = text_x.saturating_add(
                    advance.saturating_mul(i32::try_from(hidden).unwrap_or(i32::MAX)),
                );
                let cells = Cells::new(digest.text(), self.face.charset())
                    .skip(hidden)
                    .take(visible);
                draw_cells(target, self.face, cells, Point::new(first_x, 0), INK)?;
            }
            x = x.saturating_add(entry);
        }
        Ok(())
    }
}

impl Strip {
    /// Draws the whole strip once from x = 0, on a target [`Strip::strip_len`] wide: what
    /// passes through the panel in one pass, for previews.
    pub fn draw_line<D, I: Item>(&self, target: &mut D, digests: &[I]) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        target.clear(PAPER)?;
        let wide = Strip {
            width: u32::try_from(self.strip_len(digests)).unwrap_or(0),
            ..*self
        };
        wide.draw_at(target, digests, 0)
    }
}

impl Layout for Strip {
    fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }

    fn text_area(&self) -> TextArea {
        let advance = self.face.advance();
        TextArea::new(
            self.cells.saturating_mul(advance),
            1,
            advance,
            self.face.charset(),
        )
    }

    fn frames<I: Item>(&self, digests: &[I]) -> u32 {
        if self.still(digests) {
            1
        } else {
            u32::try_from(self.strip_len(digests)).unwrap_or(1).max(1)
        }
    }

    fn draw<D, I: Item>(&self, target: &mut D, digests: &[I], facts: &Facts) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        target.clear(PAPER)?;
        if digests.is_empty() {
            // Nothing to say: the meter's empty floor, centred, shows the panel is alive.
            let x = px(self.width.saturating_sub(self.meter.width())) / 2;
            return self
                .meter
                .draw(target, Severity::Unknown, Point::new(x, 0), INK);
        }
        if self.still(digests) {
            return self.draw_at(target, digests, 0);
        }
        let len = self.strip_len(digests).max(1);
        let offset = facts
            .frame
            .checked_rem(u32::try_from(len).unwrap_or(1))
            .map_or(0, px);
        self.draw_at(target, digests, offset.saturating_neg())?;
        // The strip wraps around: its start follows its end into the window.
        self.draw_at(target, digests, len.saturating_sub(offset))
    }
}
