//! Contact sheets: several frames of a scrolling layout side by side in one image, for
//! previews and golden tests of what a strip shows over time.

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::Rectangle;

use super::{Facts, Layout};
use crate::display::Item;

/// Pixels between frames on a sheet (left as background).
pub const SHEET_GAP: u32 = 1;

/// The size of a sheet of `count` frames of `layout`, `columns` frames a row.
pub fn sheet_size(layout: &impl Layout, count: u32, columns: u32) -> Size {
    let frame = layout.size();
    let columns = columns.clamp(1, count.max(1));
    let rows = count.max(1).div_ceil(columns);
    let span = |n: u32, side: u32| {
        n.saturating_mul(side)
            .saturating_add(n.saturating_sub(1).saturating_mul(SHEET_GAP))
    };
    Size::new(span(columns, frame.width), span(rows, frame.height))
}

/// Draws the frames `frames` of `layout` in rows of `columns`, left to right then top to
/// bottom; each frame is clipped to its own cell.
pub fn draw_sheet<L, D, I: Item>(
    layout: &L,
    target: &mut D,
    digests: &[I],
    facts: &Facts,
    frames: impl IntoIterator<Item = u32>,
    columns: u32,
) -> Result<(), D::Error>
where
    L: Layout,
    D: DrawTarget<Color = BinaryColor>,
{
    let frame_size = layout.size();
    let columns = columns.max(1);
    for (index, frame) in (0u32..).zip(frames) {
        let column = index.checked_rem(columns).unwrap_or(0);
        let row = index.checked_div(columns).unwrap_or(0);
        let step = |n: u32, side: u32| {
            i32::try_from(n.saturating_mul(side.saturating_add(SHEET_GAP))).unwrap_or(i32::MAX)
        };
        let offset = Point::new(step(column, frame_size.width), step(row, frame_size.height));
        let mut translated = target.translated(offset);
        let mut cell = translated.clipped(&Rectangle::new(Point::zero(), frame_size));
        let facts = Facts { frame, ..*facts };
        layout.draw(&mut cell, digests, &facts)?;
    }
    Ok(())
}
