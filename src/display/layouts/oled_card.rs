//! The 128x64 OLED card: one digest at a time. A header bar with the severity (meter and
//! word, and "x3" for merged reports), the position "i/n" and the age; under it the text
//! wrapped on word boundaries, paged when it is longer than the card.
//!
//! The card is what the QEMU board (SSD0323, 128x64) draws, compared pixel by pixel with
//! `alert-digest preview --display oled128x64`: it depends on nothing but its arguments.

use core::fmt::Write as _;

use embedded_graphics::mono_font::{MonoFont, iso_8859_1::FONT_6X10};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::{PrimitiveStyle, Rectangle};
use heapless::String;

use super::{Block, line_count, right_aligned};
use crate::display::Item;
use crate::display::area::TextArea;
use crate::display::draw::{Face, Meter, draw_text, px};
use crate::display::{Facts, INK, Layout, PAPER, age};
use crate::vocab::Severity;

/// The 128x64 OLED card.
#[derive(Clone, Copy, Debug, Default)]
pub struct OledCard;

/// The 128x64 OLED's card layout.
pub const OLED128X64: OledCard = OledCard;

const WIDTH: u32 = 128;
const HEIGHT: u32 = 64;
/// 6x10: 21 glyphs across and five lines under the header.
const FONT: &MonoFont<'static> = &FONT_6X10;
const FACE: Face = Face::Mono(FONT);
const LINE_HEIGHT: u32 = 10;
const MARGIN: i32 = 1;
const HEADER_HEIGHT: u32 = 11;
const TEXT_TOP: i32 = HEADER_HEIGHT as i32 + 2;
/// Lines of text under the header.
const TEXT_LINES: u32 = (HEIGHT - TEXT_TOP as u32) / LINE_HEIGHT;
const METER: Meter = Meter {
    bar_width: 2,
    gap: 1,
    base: 3,
    step: 2,
};
const HEADER_TEXT_X: i32 = MARGIN + METER.width() as i32 + 2;
const RIGHT_X: i32 = WIDTH as i32 - MARGIN;
/// Positions beyond this read as this: four digits would crowd the header out.
const MAX_POSITION: usize = 999;
const MAX_COUNT: u16 = 99;

/// Severity words for the header, and the short forms used when the header is crowded.
fn severity_word(severity: Severity, short: bool) -> &'static str {
    match (severity, short) {
        (Severity::Extreme, false) => "EXTREME",
        (Severity::Severe, false) => "SEVERE",
        (Severity::Moderate, false) => "MODERATE",
        (Severity::Minor, false) => "MINOR",
        (Severity::Unknown, false) => "ALERT",
        (Severity::Extreme, true) => "EXT",
        (Severity::Severe, true) => "SEV",
        (Severity::Moderate, true) => "MOD",
        (Severity::Minor, true) => "MIN",
        (Severity::Unknown, true) => "ALR",
    }
}

impl OledCard {
    /// The card's text area: every line under the header.
    pub const TEXT: TextArea = TextArea::new(
        WIDTH - 2 * MARGIN as u32,
        TEXT_LINES,
        FACE.advance(),
        FACE.charset(),
    );

    /// Pages `digest`'s text takes: 1 when it fits the card, else pages of one line fewer
    /// (the last line of each shows "page p/n").
    pub fn pages<I: Item>(digest: &I) -> usize {
        let lines = line_count(digest.text(), Self::TEXT.cols(), FACE);
        let all = TEXT_LINES as usize;
        if lines <= all {
            1
        } else {
            lines.div_ceil(all.saturating_sub(1).max(1))
        }
    }

    fn draw_header<D, I: Item>(
        target: &mut D,
        digest: &I,
        position: usize,
        total: usize,
        now: i64,
    ) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        Rectangle::new(Point::zero(), Size::new(WIDTH, HEADER_HEIGHT))
            .into_styled(PrimitiveStyle::with_fill(INK))
            .draw(target)?;
        METER.draw(target, digest.severity(), Point::new(MARGIN, 1), PAPER)?;
        let mut right: String<16> = String::new();
        let _ = write!(
            right,
            "{}/{} {}",
            position.min(MAX_POSITION),
            total.min(MAX_POSITION),
            age(now, digest.time())
        );
        let right = right.trim_end();
        let room = usize::try_from(RIGHT_X.saturating_sub(HEADER_TEXT_X))
            .unwrap_or(0)
            .checked_div(usize::try_from(FACE.advance()).unwrap_or(1))
            .unwrap_or(0)
            .saturating_sub(right.len())
            .saturating_sub(1);
        let mut left: String<16> = String::new();
        for (short, count) in [(false, true), (true, true), (true, false)] {
            left.clear();
            let _ = left.push_str(severity_word(digest.severity(), short));
            if count && digest.count() > 1 {
                let _ = write!(left, " x{}", digest.count().min(MAX_COUNT));
            }
            if left.len() <= room {
                break;
            }
        }
        draw_text(target, FACE, &left, Point::new(HEADER_TEXT_X, 1), PAPER)?;
        let x = right_aligned(RIGHT_X, right.len(), FACE);
        draw_text(target, FACE, right, Point::new(x, 1), PAPER)?;
        Ok(())
    }

    fn draw_text_page<D, I: Item>(target: &mut D, digest: &I, page: usize) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        let cols = Self::TEXT.cols();
        let pages = Self::pages(digest);
        let text = digest.text();
        let at = Point::new(MARGIN, TEXT_TOP);
        let mut block = Block {
            face: FACE,
            cols,
            lines: TEXT_LINES as usize,
            line_height: px(LINE_HEIGHT),
            color: INK,
            ellipsis: true,
        };
        if pages <= 1 {
            block.draw(target, text, at)?;
            return Ok(());
        }
        let per_page = (TEXT_LINES as usize).saturating_sub(1);
        let page = page.min(pages.saturating_sub(1));
        // The page's lines start where the earlier pages' lines end.
        let skip = page.saturating_mul(per_page);
        let start = crate::display::wrap::Wrap::new(text, cols, FACE.charset())
            .nth(skip)
            .map(|line| line.start)
            .unwrap_or(text.len());
        let rest = text.get(start..).unwrap_or_default();
        block.lines = per_page;
        block.ellipsis = false;
        block.draw(target, rest, at)?;
        let mut marker: String<16> = String::new();
        let _ = write!(marker, "page {}/{}", page.saturating_add(1), pages);
        let x = right_aligned(RIGHT_X, marker.len(), FACE);
        let y = TEXT_TOP.saturating_add(px(LINE_HEIGHT.saturating_mul(per_page as u32)));
        draw_text(target, FACE, &marker, Point::new(x, y), INK)?;
        Ok(())
    }
}

impl Layout for OledCard {
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
        let index = facts.selected.min(digests.len().saturating_sub(1));
        let Some(digest) = digests.get(index) else {
            Rectangle::new(Point::zero(), Size::new(WIDTH, HEADER_HEIGHT))
                .into_styled(PrimitiveStyle::with_fill(INK))
                .draw(target)?;
            draw_text(target, FACE, "ALERTS 0", Point::new(MARGIN, 1), PAPER)?;
            let message = "No alerts";
            let x = px(WIDTH).saturating_sub(FACE.width(message.len())) / 2;
            let y = TEXT_TOP.saturating_add(px(LINE_HEIGHT));
            draw_text(target, FACE, message, Point::new(x, y), INK)?;
            return Ok(());
        };
        Self::draw_header(target, digest, index.saturating_add(1), total, facts.now)?;
        Self::draw_text_page(target, digest, facts.page)
    }
}
