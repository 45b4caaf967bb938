//! The layouts, one module each, and the pieces they share.

mod eink_list;
mod oled_card;
mod strip;

pub use eink_list::{EPD2IN13, EinkList};
pub use oled_card::{OLED128X64, OledCard};
pub use strip::{LED32X8, MICROBIT, Strip};

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;

use super::draw::{Face, draw_text};
use super::text::cell_count;
use super::wrap::Wrap;
use crate::condense::fit::trim_dangling;

/// What ends a text cut short for lack of lines.
const ELLIPSIS: &str = "...";

/// A block of wrapped text: at most `lines` lines of `cols` glyphs, `line_height` apart.
#[derive(Clone, Copy)]
struct Block {
    face: Face,
    cols: usize,
    lines: usize,
    line_height: i32,
    color: BinaryColor,
    /// End with "..." when the text needs more lines (else the next page shows the rest).
    ellipsis: bool,
}

impl Block {
    /// Draws `text` wrapped from `at`. When more lines would be needed, the last one ends with
    /// "..." after its last whole word that may end a text (not "of", "at", ","), if so asked.
    /// Returns the lines drawn.
    fn draw<D>(self, target: &mut D, text: &str, at: Point) -> Result<usize, D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        let Self {
            face,
            cols,
            lines: max_lines,
            line_height,
            color,
            ellipsis,
        } = self;
        let charset = face.charset();
        let mut lines = Wrap::new(text, cols, charset).peekable();
        let mut drawn = 0usize;
        let mut y = at.y;
        while drawn < max_lines {
            let Some(line) = lines.next() else { break };
            let last = drawn.saturating_add(1) == max_lines;
            if ellipsis && last && lines.peek().is_some() {
                let room = cols.saturating_sub(cell_count(ELLIPSIS, charset));
                let head = Wrap::new(line.text, room, charset)
                    .next()
                    .map(|l| trim_dangling(l.text))
                    .unwrap_or_default();
                let cells = draw_text(target, face, head, Point::new(at.x, y), color)?;
                let x = at.x.saturating_add(face.width(cells));
                draw_text(target, face, ELLIPSIS, Point::new(x, y), color)?;
            } else {
                draw_text(target, face, line.text, Point::new(at.x, y), color)?;
            }
            drawn = drawn.saturating_add(1);
            y = y.saturating_add(line_height);
        }
        Ok(drawn)
    }
}

/// Lines `text` takes wrapped at `cols` glyphs.
fn line_count(text: &str, cols: usize, face: Face) -> usize {
    Wrap::new(text, cols, face.charset()).count()
}

/// The x at which `cells` glyphs end at `right` (exclusive).
fn right_aligned(right: i32, cells: usize, face: Face) -> i32 {
    right.saturating_sub(face.width(cells))
}
