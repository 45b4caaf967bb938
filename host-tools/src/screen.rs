//! Panels on the PC, shared by `preview`, `board` and `demo`: which panel, the core's layout
//! for it drawn into memory (embedded-graphics-simulator built without SDL2), PNG files in the
//! panel's own colours, and the screen in the terminal.

pub mod term;

use std::path::Path;

use alert_digest::display::{
    EPD2IN13, Facts, Item, LED32X8, Layout, MICROBIT, OLED128X64, Strip, TextArea,
};
use alert_digest::link::{DisplayInfo, display_kind};
use anyhow::Context as _;
use clap::ValueEnum;
use embedded_graphics::pixelcolor::{BinaryColor, Rgb888};
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::{OutputSettingsBuilder, SimulatorDisplay};

/// A panel's pixels in memory, lit (ink) or not.
pub type Image = SimulatorDisplay<BinaryColor>;

/// The digest budget the simulated boards announce, in bytes: the README's headline budget.
/// A line breaks only before a word that does not fit, so with words of at most W letters the
/// first of two lines of C glyphs holds at least C - W bytes, and the second takes the rest of
/// any text of at most 2C - W + 1 bytes: 40 bytes fill at most the e-ink list's two lines of
/// 34 glyphs for words of up to 29 letters. They take two of the OLED card's five lines, and a
/// 64-glyph LED strip entry holds them whole.
const HEADLINE_BUDGET: u8 = 40;
/// The micro:bit's strip holds 32 glyphs a digest (see [`MICROBIT`]).
const MICROBIT_BUDGET: u8 = 32;

/// A panel the PC can stand in for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Display {
    /// Waveshare 2.13" e-ink, 250x122: a list.
    Epd2in13,
    /// 128x64 OLED (SSD1306, SSD0323...): one card per digest.
    Oled128x64,
    /// 32x8 LED matrix (four MAX7219): a scrolling line.
    Led32x8,
    /// micro:bit 5x5 LEDs: a scrolling line.
    Microbit,
}

impl Display {
    /// Its name on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Display::Epd2in13 => "epd2in13",
            Display::Oled128x64 => "oled128x64",
            Display::Led32x8 => "led32x8",
            Display::Microbit => "microbit",
        }
    }

    /// Pixels of PNG per panel pixel, so each panel comes out at a size that reads on a
    /// screen: 2 e-ink, 4 OLED (as QEMU's capture of the lm3s6965 OLED), 4 LED matrix, 8
    /// micro:bit.
    pub fn default_scale(self) -> u32 {
        match self {
            Display::Epd2in13 => 2,
            Display::Oled128x64 | Display::Led32x8 => 4,
            Display::Microbit => 8,
        }
    }

    /// The PNG colours, (off, on): the panel's own look.
    pub fn colors(self) -> (Rgb888, Rgb888) {
        match self {
            // Black ink on grey-white paper.
            Display::Epd2in13 => (Rgb888::new(235, 235, 228), Rgb888::new(24, 24, 24)),
            Display::Oled128x64 => (Rgb888::new(8, 8, 16), Rgb888::new(210, 235, 255)),
            // Red LEDs, the unlit ones faintly visible.
            Display::Led32x8 | Display::Microbit => {
                (Rgb888::new(40, 8, 8), Rgb888::new(255, 48, 32))
            }
        }
    }

    /// The panel's size in pixels.
    pub fn size(self) -> Size {
        match self {
            Display::Epd2in13 => EPD2IN13.size(),
            Display::Oled128x64 => OLED128X64.size(),
            Display::Led32x8 => LED32X8.size(),
            Display::Microbit => MICROBIT.size(),
        }
    }

    /// The text area of one digest in the panel's layout.
    pub fn text_area(self) -> TextArea {
        match self {
            Display::Epd2in13 => EPD2IN13.text_area(),
            Display::Oled128x64 => OLED128X64.text_area(),
            Display::Led32x8 => LED32X8.text_area(),
            Display::Microbit => MICROBIT.text_area(),
        }
    }

    /// The scrolling strip, for the LED panels.
    pub fn strip(self) -> Option<&'static Strip> {
        match self {
            Display::Led32x8 => Some(&LED32X8),
            Display::Microbit => Some(&MICROBIT),
            Display::Epd2in13 | Display::Oled128x64 => None,
        }
    }

    /// Whether it is e-ink (slow refreshes, a refresh policy).
    pub fn is_eink(self) -> bool {
        self == Display::Epd2in13
    }

    /// The digest budget a board with this panel asks for, in bytes.
    pub fn budget(self) -> u8 {
        match self {
            Display::Microbit => MICROBIT_BUDGET,
            _ => HEADLINE_BUDGET,
        }
    }

    /// What a board with this panel says about it in its Hello.
    pub fn info(self) -> DisplayInfo {
        let size = self.size();
        DisplayInfo {
            kind: match self {
                Display::Epd2in13 => display_kind::EINK,
                Display::Oled128x64 => display_kind::OLED,
                Display::Led32x8 => display_kind::LED_MATRIX,
                Display::Microbit => display_kind::LED_GRID,
            },
            width: u16::try_from(size.width).unwrap_or(u16::MAX),
            height: u16::try_from(size.height).unwrap_or(u16::MAX),
            budget: self.budget(),
        }
    }
}

/// The whole line of a strip: what passes through the panel in one pass.
pub fn strip_line(strip: &Strip, items: &[impl Item]) -> Image {
    let width = u32::try_from(strip.strip_len(items))
        .unwrap_or(0)
        .max(strip.size().width);
    let mut line = Image::new(Size::new(width, strip.size().height));
    if items.is_empty() {
        let Ok(()) = strip.draw(&mut line, items, &Facts::default());
    } else {
        let Ok(()) = strip.draw_line(&mut line, items);
    }
    line
}

/// The pixels of `image` packed a bit each, rows padded to a byte: the frame a panel driver
/// would send, and what the e-ink refresh policy identifies frames by.
pub fn packed(image: &Image) -> Vec<u8> {
    image.to_be_bytes()
}

/// Copies `image` in `colors` (off, on) into `out` at `origin`.
pub fn paint(
    image: &Image,
    colors: (Rgb888, Rgb888),
    out: &mut SimulatorDisplay<Rgb888>,
    origin: Point,
) {
    let (off, on) = colors;
    let pixels = image.bounding_box().points().map(|p| {
        let color = if image.get_pixel(p) == BinaryColor::On {
            on
        } else {
            off
        };
        Pixel(p + origin, color)
    });
    let Ok(()) = out.draw_iter(pixels);
}

/// Writes `image` as a PNG in `display`'s colours, `scale` PNG pixels a panel pixel.
pub fn save_png(display: Display, image: &Image, scale: u32, path: &Path) -> anyhow::Result<()> {
    let mut colored = SimulatorDisplay::with_default_color(image.size(), Rgb888::new(0, 0, 0));
    paint(image, display.colors(), &mut colored, Point::zero());
    save_rgb(&colored, scale, path)
}

/// Writes an RGB image as a PNG, `scale` PNG pixels a pixel.
pub fn save_rgb(image: &SimulatorDisplay<Rgb888>, scale: u32, path: &Path) -> anyhow::Result<()> {
    let settings = OutputSettingsBuilder::new().scale(scale).build();
    image
        .to_rgb_output_image(&settings)
        .save_png(path)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// `image` drawn in the terminal, in bands at most `band` pixels wide (a long strip line
/// would not fit a terminal otherwise).
pub fn to_terminal(style: term::Style, image: &Image, band: u32) -> String {
    let size = image.size();
    let band = band.max(1);
    let mut out = String::new();
    for start in (0..size.width.max(1)).step_by(band as usize) {
        let width = band.min(size.width - start);
        out.push_str(&term::render(style, width, size.height, |x, y| {
            image.get_pixel(Point::new((start + x) as i32, y as i32)) == BinaryColor::On
        }));
    }
    out
}

/// Terminal bands for strip lines: as wide as a usual terminal allows.
pub const TERMINAL_BAND: u32 = 96;

/// Panel screens fit a terminal whole (the 250-pixel e-ink in braille is 125 columns).
pub const TERMINAL_WHOLE: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_panel_announces_its_kind_size_and_a_budget_the_core_accepts() {
        for display in Display::value_variants() {
            let info = display.info();
            assert_eq!(
                (u32::from(info.width), u32::from(info.height)),
                (display.size().width, display.size().height)
            );
            let budget = usize::from(info.budget);
            assert!(
                (alert_digest::MIN_BUDGET..=alert_digest::MAX_BUDGET).contains(&budget),
                "{display:?}"
            );
            // A digest of the budget fits one digest's cells (the strips' own capacity).
            let area = display.text_area();
            assert!(area.cols() * area.lines as usize >= budget, "{display:?}");
        }
        assert_ne!(
            Display::Epd2in13.info().kind,
            Display::Oled128x64.info().kind
        );
    }

    #[test]
    fn any_headline_of_the_budget_wraps_into_the_eink_entry() {
        // The list's entries have two lines; the budget must never need a third, whatever
        // the word lengths up to the 29 letters the budget's reasoning allows. Splits of 40
        // bytes into such words, sampled.
        use alert_digest::condense::Fit as _;
        let area = Display::Epd2in13.text_area();
        let budget = usize::from(Display::Epd2in13.budget());
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..20_000 {
            let mut text = String::new();
            while text.len() < budget {
                let word = rng.usize(1..=29).min(budget - text.len());
                text.extend(std::iter::repeat_n('w', word));
                if text.len() < budget {
                    text.push(' ');
                }
            }
            let text = text.trim_end();
            assert!(area.with_max_bytes(budget).fits(text), "{text:?}");
        }
    }

    #[test]
    fn packed_frames_tell_screens_apart() {
        let mut image = Image::new(Size::new(9, 2));
        let blank = packed(&image);
        assert_eq!(blank.len(), 4, "two bytes a row of nine pixels");
        let _ = Pixel(Point::new(8, 1), BinaryColor::On).draw(&mut image);
        assert_ne!(packed(&image), blank);
    }
}
