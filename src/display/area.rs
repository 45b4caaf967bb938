//! Budgets in pixels: the text area of a layout, as a [`Fit`] that condensing can fill.

use crate::condense::{Fit, MAX_BUDGET};

use super::text::Charset;
use super::wrap;

/// Bytes of UTF-8 one glyph cell may stand for when bounding a digest's size: two covers
/// Latin-1 and the Greek and Cyrillic letters, so an area never asks for fewer bytes than a
/// text filling it in those scripts has. Text of wider characters simply fits less.
const BYTES_PER_CELL: usize = 2;

/// `lines` lines of `width` pixels in a monospaced font advancing `advance` pixels a glyph,
/// wrapped on word boundaries. Text fits when it wraps into the lines without breaking a word
/// and has at most [`TextArea::max_bytes`] bytes (the digest's capacity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TextArea {
    /// Width of a line in pixels.
    pub width: u32,
    /// Lines of text.
    pub lines: u32,
    /// Pixels from one glyph to the next (the font's width plus its spacing).
    pub advance: u32,
    /// What the font draws (the rest is transliterated or shown as the placeholder).
    pub charset: Charset,
    max_bytes: usize,
}

impl TextArea {
    /// An area whose byte bound is what its cells can hold, at most [`MAX_BUDGET`].
    pub const fn new(width: u32, lines: u32, advance: u32, charset: Charset) -> Self {
        let mut area = Self {
            width,
            lines,
            advance,
            charset,
            max_bytes: 0,
        };
        let cells = area.cols().saturating_mul(lines as usize);
        let bound = cells.saturating_mul(BYTES_PER_CELL);
        area.max_bytes = if bound < MAX_BUDGET {
            bound
        } else {
            MAX_BUDGET
        };
        area
    }

    /// The same area for digests holding at most `bytes` bytes of text (`Digest<N>`: `N`).
    #[must_use]
    pub const fn with_max_bytes(mut self, bytes: usize) -> Self {
        if bytes < self.max_bytes {
            self.max_bytes = bytes;
        }
        self
    }

    /// Glyphs a line holds.
    pub const fn cols(&self) -> usize {
        match self.width.checked_div(self.advance) {
            Some(cols) => cols as usize,
            None => 0,
        }
    }
}

impl Fit for TextArea {
    fn fits(&self, text: &str) -> bool {
        text.len() <= self.max_bytes
            && wrap::fits(text, self.cols(), self.lines as usize, self.charset)
    }

    fn max_bytes(&self) -> usize {
        self.max_bytes
    }
}
