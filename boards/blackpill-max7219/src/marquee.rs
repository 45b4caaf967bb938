//! Four MAX7219 8x8 LED modules in a chain, a 32x8 marquee, on SPI1 through the max7219 crate.
//!
//! The layouts draw into a 32x8 one-bit framebuffer whose rows are four bytes, leftmost pixel in
//! the top bit; each byte is one row of one module. How a module maps rows and columns to its
//! digit registers depends on how it was built: the constants below suit the common "FC-16"
//! four-in-one boards (input on the right as seen from the front, one digit register per row);
//! other boards may need them flipped.

use embassy_stm32::gpio::Output;
use embassy_stm32::mode::Blocking;
use embassy_stm32::spi::Spi;
use embassy_stm32::spi::mode::Master;
use embedded_graphics::framebuffer::{Framebuffer, buffer_size};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::pixelcolor::raw::{BigEndian, RawU1};
use embedded_hal_bus::spi::{ExclusiveDevice, NoDelay};
use max7219::connectors::SpiConnector;
use max7219::{DataError, MAX7219};

/// Modules in the chain.
pub const MODULES: usize = 4;
/// Pixels along a module's side.
const SIDE: usize = 8;
const WIDTH: usize = MODULES * SIDE;

/// What the layouts draw into: 32x8 pixels, one bit each.
pub type Screen = Framebuffer<
    BinaryColor,
    RawU1,
    BigEndian,
    WIDTH,
    SIDE,
    { buffer_size::<BinaryColor>(WIDTH, SIDE) },
>;

/// The max7219 crate numbers modules from the end of the chain (the first 16 bits shifted in
/// travel furthest); with the input on the right, that is the leftmost module.
const FIRST_MODULE_IS_LEFTMOST: bool = true;
/// FC-16 modules light column 0 (their left) from a digit's lowest bit, the reverse of the
/// framebuffer's bit order.
const REVERSE_COLUMNS: bool = true;
/// Brightness, 0 to 15: 2 is readable indoors and keeps four modules under 100 mA.
const INTENSITY: u8 = 2;
/// Brightness in quiet hours: the lowest step, still readable in a dark room.
const QUIET_INTENSITY: u8 = 0;

type Bus = ExclusiveDevice<Spi<'static, Blocking, Master>, Output<'static>, NoDelay>;

/// The chain of modules.
pub struct Marquee {
    max: MAX7219<SpiConnector<Bus>>,
}

impl Marquee {
    /// Wakes the modules, blank, at [`INTENSITY`].
    pub fn new(bus: Bus) -> Result<Self, DataError> {
        let mut max = MAX7219::from_spi(MODULES, bus)?;
        for module in 0..MODULES {
            max.set_intensity(module, INTENSITY)?;
        }
        max.power_on()?;
        Ok(Self { max })
    }

    /// Dims the modules for quiet hours, or brings them back.
    pub fn dim(&mut self, quiet: bool) -> Result<(), DataError> {
        let level = if quiet { QUIET_INTENSITY } else { INTENSITY };
        for module in 0..MODULES {
            self.max.set_intensity(module, level)?;
        }
        Ok(())
    }

    /// Puts `screen` on the modules.
    pub fn show(&mut self, screen: &Screen) -> Result<(), DataError> {
        let data = screen.data();
        for module in 0..MODULES {
            let mut rows = [0u8; SIDE];
            for (r, row) in rows.iter_mut().enumerate() {
                let byte = data.get(r * MODULES + module).copied().unwrap_or(0);
                *row = if REVERSE_COLUMNS {
                    byte.reverse_bits()
                } else {
                    byte
                };
            }
            let addr = if FIRST_MODULE_IS_LEFTMOST {
                module
            } else {
                MODULES - 1 - module
            };
            self.max.write_raw(addr, &rows)?;
        }
        Ok(())
    }
}
