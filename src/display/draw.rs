//! Drawing shown text and severity marks: the pieces every layout is made of.

use embedded_graphics::mono_font::{MonoFont, MonoTextStyle};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::primitives::{PrimitiveStyle, Rectangle};
use embedded_graphics::text::{Baseline, Text};
use heapless::String;
use tiny_led_matrix::Render;

use super::text::{Cell, Cells, Charset};
use crate::vocab::Severity;

/// Bytes of text drawn in one call to the font renderer: a run is flushed when full, so this
/// only trades calls for stack (a 250-pixel line is at most 50 glyphs).
const RUN_BYTES: usize = 64;

/// Side of the micro:bit font's glyphs, in pixels.
pub const PENDOLINO_SIZE: u32 = 5;
/// Blank columns between micro:bit glyphs, as the micro:bit runtime scrolls them.
const PENDOLINO_SPACING: u32 = 1;

/// A typeface: a monospaced font and the characters it has.
#[derive(Clone, Copy)]
pub enum Face {
    /// An embedded-graphics ISO 8859-1 font.
    Mono(&'static MonoFont<'static>),
    /// The micro:bit runtime's 5x5 "pendolino" font (ASCII), from the microbit-text crate.
    Pendolino,
}

impl Face {
    /// Pixels from one glyph to the next.
    pub const fn advance(self) -> u32 {
        match self {
            Face::Mono(font) => font
                .character_size
                .width
                .saturating_add(font.character_spacing),
            Face::Pendolino => PENDOLINO_SIZE.saturating_add(PENDOLINO_SPACING),
        }
    }

    /// Height of a line of glyphs.
    pub const fn height(self) -> u32 {
        match self {
            Face::Mono(font) => font.character_size.height,
            Face::Pendolino => PENDOLINO_SIZE,
        }
    }

    pub const fn charset(self) -> Charset {
        match self {
            Face::Mono(_) => Charset::Latin1,
            Face::Pendolino => Charset::Ascii,
        }
    }

    /// Width in pixels of `cells` glyphs.
    pub fn width(self, cells: usize) -> i32 {
        px(u32::try_from(cells)
            .unwrap_or(u32::MAX)
            .saturating_mul(self.advance()))
    }
}

/// A pixel count as a coordinate.
pub fn px(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Draws `text` from `at` (the top left of its first glyph), in `face` and `color`. Returns
/// the number of cells drawn.
pub fn draw_text<D>(
    target: &mut D,
    face: Face,
    text: &str,
    at: Point,
    color: BinaryColor,
) -> Result<usize, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
{
    draw_cells(target, face, Cells::new(text, face.charset()), at, color)
}

/// Draws glyph cells from `at`, one advance apart. Returns the number of cells drawn.
pub fn draw_cells<D, I>(
    target: &mut D,
    face: Face,
    cells: I,
    at: Point,
    color: BinaryColor,
) -> Result<usize, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
    I: IntoIterator<Item = Cell>,
{
    match face {
        Face::Mono(font) => draw_mono(target, font, cells, at, color),
        Face::Pendolino => draw_pendolino(target, cells, at, color),
    }
}

fn draw_mono<D, I>(
    target: &mut D,
    font: &'static MonoFont<'static>,
    cells: I,
    at: Point,
    color: BinaryColor,
) -> Result<usize, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
    I: IntoIterator<Item = Cell>,
{
    let style = MonoTextStyle::new(font, color);
    let advance = px(Face::Mono(font).advance());
    let mut run: String<RUN_BYTES> = String::new();
    let mut run_x = at.x;
    let mut x = at.x;
    let mut count = 0usize;
    for cell in cells {
        match cell {
            Cell::Char(c) => {
                if run.push(c).is_err() {
                    flush(target, &mut run, Point::new(run_x, at.y), style)?;
                    run_x = x;
                    // An empty run holds any one character.
                    run.push(c).ok();
                }
            }
            Cell::Placeholder => {
                flush(target, &mut run, Point::new(run_x, at.y), style)?;
                placeholder_box(font, Point::new(x, at.y))
                    .into_styled(PrimitiveStyle::with_stroke(color, 1))
                    .draw(target)?;
                run_x = x.saturating_add(advance);
            }
        }
        x = x.saturating_add(advance);
        count = count.saturating_add(1);
    }
    flush(target, &mut run, Point::new(run_x, at.y), style)?;
    Ok(count)
}

fn flush<D>(
    target: &mut D,
    run: &mut String<RUN_BYTES>,
    at: Point,
    style: MonoTextStyle<'static, BinaryColor>,
) -> Result<(), D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
{
    if !run.is_empty() {
        Text::with_baseline(run, at, style, Baseline::Top).draw(target)?;
        run.clear();
    }
    Ok(())
}

/// The placeholder in a monospaced font: a hollow box from the top of a capital to the
/// baseline, one pixel narrower than the cell so neighbours stay apart.
pub fn placeholder_box(font: &MonoFont, cell_top_left: Point) -> Rectangle {
    Rectangle::new(
        Point::new(cell_top_left.x, cell_top_left.y.saturating_add(1)),
        Size::new(
            font.character_size.width.saturating_sub(1),
            font.baseline
                .min(font.character_size.height.saturating_sub(1)),
        ),
    )
}

fn draw_pendolino<D, I>(
    target: &mut D,
    cells: I,
    at: Point,
    color: BinaryColor,
) -> Result<usize, D::Error>
where
    D: DrawTarget<Color = BinaryColor>,
    I: IntoIterator<Item = Cell>,
{
    let advance = px(Face::Pendolino.advance());
    let mut x = at.x;
    let mut count = 0usize;
    for cell in cells {
        // microbit-text draws anything outside printable ASCII as a hollow square: the same
        // placeholder the other faces draw.
        let code = match cell {
            Cell::Char(c) => u8::try_from(c).unwrap_or(0),
            Cell::Placeholder => 0,
        };
        let glyph = microbit_text::font::character(code);
        let origin = Point::new(x, at.y);
        let size = PENDOLINO_SIZE as usize;
        let pixels = (0..size).flat_map(|row| (0..size).map(move |col| (col, row)));
        target.draw_iter(
            pixels
                .filter(|&(col, row)| glyph.brightness_at(col, row) > 0)
                .map(|(col, row)| {
                    let x = origin.x.saturating_add(px(col as u32));
                    let y = origin.y.saturating_add(px(row as u32));
                    Pixel(Point::new(x, y), color)
                }),
        )?;
        x = x.saturating_add(advance);
        count = count.saturating_add(1);
    }
    Ok(count)
}

/// The shape of a severity meter: four bars, as many lit as the level (unknown 0 to extreme 4),
/// the unlit ones a one-pixel floor so the meter's extent shows.
#[derive(Clone, Copy, Debug)]
pub struct Meter {
    pub bar_width: u32,
    pub gap: u32,
    /// Height of the first bar; each next one is `step` taller.
    pub base: u32,
    pub step: u32,
}

/// Bars of a meter: one per severity above unknown.
const METER_BARS: u32 = 4;

impl Meter {
    /// Width of the whole meter.
    pub const fn width(self) -> u32 {
        self.bar_width
            .saturating_mul(METER_BARS)
            .saturating_add(self.gap.saturating_mul(METER_BARS.saturating_sub(1)))
    }

    /// Height of the tallest bar.
    pub const fn height(self) -> u32 {
        self.base
            .saturating_add(self.step.saturating_mul(METER_BARS.saturating_sub(1)))
    }

    /// Draws the meter for `severity` with its top left at `at`.
    pub fn draw<D>(
        self,
        target: &mut D,
        severity: Severity,
        at: Point,
        color: BinaryColor,
    ) -> Result<(), D::Error>
    where
        D: DrawTarget<Color = BinaryColor>,
    {
        let bottom = at.y.saturating_add(px(self.height()));
        for bar in 0..METER_BARS {
            let lit = bar < u32::from(severity.level());
            let height = if lit {
                self.base.saturating_add(self.step.saturating_mul(bar))
            } else {
                1
            };
            let x = at.x.saturating_add(px(
                bar.saturating_mul(self.bar_width.saturating_add(self.gap))
            ));
            Rectangle::new(
                Point::new(x, bottom.saturating_sub(px(height))),
                Size::new(self.bar_width, height),
            )
            .into_styled(PrimitiveStyle::with_fill(color))
            .draw(target)?;
        }
        Ok(())
    }
}
