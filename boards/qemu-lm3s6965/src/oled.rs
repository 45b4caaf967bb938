//! The SSD0323 128x64 OLED of the lm3s6965evb, on SSI0, as an embedded-graphics target.
//!
//! Drawing goes to a 1-bit frame buffer in RAM (1 KiB); `flush` streams it to the panel as the
//! SSD0323 wants it: 4 bits a pixel, the high nibble the left pixel, two pixels a byte.

use core::convert::Infallible;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;

use crate::mmio::{gpio, ssi0, sysctl};

pub const WIDTH: usize = 128;
pub const HEIGHT: usize = 64;
const FRAME_BYTES: usize = WIDTH * HEIGHT / 8;
/// A lit pixel at full brightness (4-bit gray).
const ON: u8 = 0xF;

/// PC7 selects data (high) or commands (low); PD0 high selects the OLED rather than the SD card.
const DATA_COMMAND_PIN: u32 = 1 << 7;
const OLED_SELECT_PIN: u32 = 1 << 0;

/// Display off; segment remap 0 (columns left to right); normal display; display on.
const INIT: [u8; 5] = [0xAE, 0xA0, 0x00, 0xA4, 0xAF];
/// Column address 0..63 (two pixels a column byte), row address 0..63.
const WINDOW: [u8; 6] = [0x15, 0x00, 0x3F, 0x75, 0x00, 0x3F];

pub struct Oled {
    frame: [u8; FRAME_BYTES],
}

impl Oled {
    /// Powers SSI0 and the two GPIO lines, and initialises the controller.
    pub fn new() -> Self {
        sysctl::RCGC1.set_bits(sysctl::SSI0);
        sysctl::RCGC2.set_bits(sysctl::GPIOA | sysctl::GPIOC | sysctl::GPIOD);
        for (port, pin) in [
            (gpio::PORT_C, DATA_COMMAND_PIN),
            (gpio::PORT_D, OLED_SELECT_PIN),
        ] {
            port.offset(gpio::DIR).set_bits(pin);
            port.offset(gpio::DEN).set_bits(pin);
        }
        gpio::data(gpio::PORT_D, OLED_SELECT_PIN).write(OLED_SELECT_PIN);
        ssi0::CR1.write(0);
        ssi0::CPSR.write(2);
        ssi0::CR0.write(ssi0::CR0_8BIT);
        ssi0::CR1.write(ssi0::CR1_ENABLE);
        let mut oled = Oled {
            frame: [0; FRAME_BYTES],
        };
        oled.commands(&INIT);
        oled
    }

    /// Sends the frame buffer to the panel.
    pub fn flush(&mut self) {
        self.commands(&WINDOW);
        gpio::data(gpio::PORT_C, DATA_COMMAND_PIN).write(DATA_COMMAND_PIN);
        for y in 0..HEIGHT {
            for x in (0..WIDTH).step_by(2) {
                let left = if self.lit(x, y) { ON } else { 0 };
                let right = if self.lit(x + 1, y) { ON } else { 0 };
                send(left << 4 | right);
            }
        }
    }

    fn commands(&mut self, bytes: &[u8]) {
        gpio::data(gpio::PORT_C, DATA_COMMAND_PIN).write(0);
        for &b in bytes {
            send(b);
        }
    }

    fn lit(&self, x: usize, y: usize) -> bool {
        let i = y * WIDTH + x;
        self.frame
            .get(i / 8)
            .is_some_and(|byte| byte & (0x80 >> (i % 8)) != 0)
    }
}

impl Default for Oled {
    fn default() -> Self {
        Self::new()
    }
}

/// Shifts one byte out, and reads the byte shifted in: QEMU stops shifting once its 8-entry
/// receive FIFO is full.
fn send(byte: u8) {
    while ssi0::SR.read() & ssi0::TNF == 0 {}
    ssi0::DR.write(u32::from(byte));
    while ssi0::SR.read() & ssi0::RNE == 0 {}
    let _ = ssi0::DR.read();
}

impl OriginDimensions for Oled {
    fn size(&self) -> Size {
        Size::new(WIDTH as u32, HEIGHT as u32)
    }
}

impl DrawTarget for Oled {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(p, color) in pixels {
            let (Ok(x), Ok(y)) = (usize::try_from(p.x), usize::try_from(p.y)) else {
                continue;
            };
            if x >= WIDTH || y >= HEIGHT {
                continue;
            }
            let i = y * WIDTH + x;
            if let Some(byte) = self.frame.get_mut(i / 8) {
                let bit = 0x80 >> (i % 8);
                match color {
                    BinaryColor::On => *byte |= bit,
                    BinaryColor::Off => *byte &= !bit,
                }
            }
        }
        Ok(())
    }

    fn clear(&mut self, color: Self::Color) -> Result<(), Self::Error> {
        self.frame.fill(match color {
            BinaryColor::On => 0xFF,
            BinaryColor::Off => 0x00,
        });
        Ok(())
    }
}
