//! The 250x122 e-ink list (Waveshare 2.13"): a header with the number of alerts and an unread
//! badge, then the digests one under another (severity meter, text in up to two lines, age,
//! "x3" for merged reports), and "+N more" when they do not all fit.

use core::fmt::Write as _;

use embedded_graphics::mono_font::{MonoFont, iso_8859_1::FONT_6X10};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::{Line, PrimitiveStyle, Rectangle};
use heapless::String;

use super::{Block, line_count, right_aligned};
use crate::display::Item;
use crate::display::area::TextArea;
use crate::display::draw::{Face, Meter, draw_text, px};
use crate::display::{AGE_CELLS, Facts, INK, Layout, PAPER, age};

/// The 250x122 e-ink list.
#[derive(Clone, Copy, Debug, Default)]
pub struct EinkList;

/// The Waveshare 2.13" panel's list layout.
pub const EPD2IN13: EinkList = EinkList;

const WIDTH: u32 = 250;
const HEIGHT: u32 = 122;
/// 6x10: 41 glyphs across, the smallest of the Latin-1 fonts that reads comfortably at the
/// panel's 130 dpi.
const FONT: &MonoFont<'static> = &FONT_6X10;
const FACE: Face = Face::Mono(FONT);
const LINE_HEIGHT: u32 = 10;
const MARGIN: i32 = 2;
const HEADER_HEIGHT: u32 = 12;
/// Gap under the header before the first entry.
const HEADER_GAP: i32 = 2;
/// Between entries: a blank pixel, a rule, a blank pixel.
const ENTRY_GAP: u32 = 3;
/// Room kept at the bottom for "+N more".
const FOOTER_HEIGHT: u32 = 11;
/// Lines of text an entry may take: two keep four entries on the panel.
const ENTRY_LINES: u32 = 2;
/// The severity meter: four bars, the tallest a glyph high.
const METER: Meter = Meter {
    bar_width: 2,
    gap: 1,
    base: 3,
    step: 2,
};
const TEXT_X: i32 = MARGIN + METER.width() as i32 + 3;
/// Right column: the age, and under it the count of merged reports.
const RIGHT_X: i32 = WIDTH as i32 - MARGIN;
const RIGHT_WIDTH: u32 = AGE_CELLS as u32 * 6;
const TEXT_WIDTH: u32 = (RIGHT_X - RIGHT_WIDTH as i32 - 3 - TEXT_X) as u32;
/// Largest merged count shown; more still reads "x999".
const MAX_COUNT: u16 = 999;

impl EinkList {
    /// The text area of one entry.
    pub const TEXT: TextArea =
        TextArea::new(TEXT_WIDTH, ENTRY_LINES, FACE.advance(), FACE.charset());

    /// Lines an entry for `digest` takes: its text's lines (at most two), and two when a
    /// merged count needs the second line of the right column.
    fn entry_lines<I: Item>(digest: &I) -> u32 {
        let text = line_count(digest.text(), Self::TEXT.cols(), FACE);
        let lines = u32::try_from(text)
            .unwrap_or(ENTRY_LINES)
            .clamp(1, ENTRY_LINES);
        if digest.count() > 1 {
            ENTRY_LINES
        } else {
            lines
        }
    }

    /// How many of `digests` the list shows (the rest are "+N more").
    pub fn shown<I: Item>(digests: &[I], facts: &Facts) -> usize {
        Self::layout(digests, facts, |_, _| Ok::<(), ()>(())).unwrap_or(0)
    }

    /// Places the entries, calling `entry(index, top)` for each that fits; returns how many.
    fn layout<I: Item, E>(
        digests: &[I],
        facts: &Facts,
        mut entry: impl FnMut(usize, i32) -> Result<(), E>,
    ) -> Result<usize, E> {
        let total = facts.total_with(digests.len());
        let mut y = px(HEADER_HEIGHT).saturating_add(HEADER_GAP);
        let mut shown = 0usize;
        for (index, digest) in digests.iter().enumerate() {
            let last = index.saturating_add(1) >= total;
            let bottom = px(if last {
                HEIGHT
            } else {
                HEIGHT.saturating_sub(FOOTER_HEIGHT)
            });
            let height = px(Self::entry_lines(digest).saturating_mul(LINE_HEIGHT));
            if y.saturating_add(height) > bottom {
                break;
            }
            entry(index, y)?;
            shown = shown.saturating_add(1);
            y = y.saturating_add(height).saturating_add(px(ENTRY_GAP));
        }
        Ok(shown)
    }

    fn draw_header<D>(target: &mut D, total: usize, unread: usize) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        Rectangle::new(Point::zero(), Size::new(WIDTH, HEADER_HEIGHT))
            .into_styled(PrimitiveStyle::with_fill(INK))
            .draw(target)?;
        let mut title: String<24> = String::new();
        let _ = write!(title, "ALERTS {total}");
        draw_text(target, FACE, &title, Point::new(MARGIN, 1), PAPER)?;
        if unread > 0 {
            let mut badge: String<24> = String::new();
            let _ = write!(badge, "{unread} NEW");
            let cells = badge.len();
            let x = right_aligned(RIGHT_X, cells, FACE);
            // A paper-coloured badge in the ink bar, one pixel of padding around the text.
            Rectangle::new(
                Point::new(x.saturating_sub(2), 1),
                Size::new(
                    u32::try_from(FACE.width(cells))
                        .unwrap_or(0)
                        .saturating_add(3),
                    LINE_HEIGHT,
                ),
            )
            .into_styled(PrimitiveStyle::with_fill(PAPER))
            .draw(target)?;
            draw_text(target, FACE, &badge, Point::new(x, 1), INK)?;
        }
        Ok(())
    }

    fn draw_entry<D, I: Item>(
        target: &mut D,
        digest: &I,
        top: i32,
        now: i64,
    ) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        METER.draw(target, digest.severity(), Point::new(MARGIN, top), INK)?;
        let lines = usize::try_from(Self::entry_lines(digest)).unwrap_or(1);
        let block = Block {
            face: FACE,
            cols: Self::TEXT.cols(),
            lines,
            line_height: px(LINE_HEIGHT),
            color: INK,
            ellipsis: true,
        };
        block.draw(target, digest.text(), Point::new(TEXT_X, top))?;
        let age = age(now, digest.time());
        let x = right_aligned(RIGHT_X, age.len(), FACE);
        draw_text(target, FACE, &age, Point::new(x, top), INK)?;
        if digest.count() > 1 {
            let mut count: String<8> = String::new();
            let _ = write!(count, "x{}", digest.count().min(MAX_COUNT));
            let x = right_aligned(RIGHT_X, count.len(), FACE);
            let y = top.saturating_add(px(LINE_HEIGHT));
            draw_text(target, FACE, &count, Point::new(x, y), INK)?;
        }
        Ok(())
    }
}

impl Layout for EinkList {
    fn size(&self) -> Size {
        Size::new(WIDTH, HEIGHT)
    }

    fn text_area(&self) -> TextArea {
        Self::TEXT
    }

    fn draw<D, I: Item>(&self, target: &mut D, digests: &[I], facts: &Facts) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        target.clear(PAPER)?;
        let total = facts.total_with(digests.len());
        Self::draw_header(target, total, facts.unread)?;
        if digests.is_empty() {
            let message = "No alerts";
            let x = px(WIDTH).saturating_sub(FACE.width(message.len())) / 2;
            let y = px(HEIGHT
                .saturating_add(HEADER_HEIGHT)
                .saturating_sub(LINE_HEIGHT))
                / 2;
            draw_text(target, FACE, message, Point::new(x, y), INK)?;
            return Ok(());
        }
        let shown = Self::layout(digests, facts, |index, top| {
            if index > 0 {
                // A rule in the middle of the gap above every entry but the first.
                let y = top.saturating_sub(2);
                Line::new(
                    Point::new(TEXT_X, y),
                    Point::new(RIGHT_X.saturating_sub(1), y),
                )
                .into_styled(PrimitiveStyle::with_stroke(INK, 1))
                .draw(target)?;
            }
            match digests.get(index) {
                Some(digest) => Self::draw_entry(target, digest, top, facts.now),
                None => Ok(()),
            }
        })?;
        let more = total.saturating_sub(shown);
        if more > 0 {
            let mut footer: String<24> = String::new();
            let _ = write!(footer, "+{more} more");
            let y = px(HEIGHT.saturating_sub(LINE_HEIGHT));
            draw_text(target, FACE, &footer, Point::new(TEXT_X, y), INK)?;
        }
        Ok(())
    }
}
