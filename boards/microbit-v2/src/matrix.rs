//! The micro:bit v2's 5x5 LED matrix: five row lines (anodes, high lights) and five column lines
//! (cathodes, low lights), one row lit at a time. A task scans the rows continuously from the
//! last frame the main loop drew; the frame is 25 bits in one atomic word, so the two never
//! need a lock and the scan never waits for the link.

use core::sync::atomic::{AtomicU32, Ordering};

use embassy_nrf::gpio::{Level, Output};
use embassy_time::{Duration, Timer};
use embedded_graphics::framebuffer::{Framebuffer, buffer_size};
use embedded_graphics::image::GetPixel;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::pixelcolor::raw::{BigEndian, RawU1};
use embedded_graphics::prelude::Point;

/// LEDs along a side.
pub const SIDE: usize = 5;

/// What the layouts draw into: 5x5 pixels, one bit each.
pub type Screen = Framebuffer<
    BinaryColor,
    RawU1,
    BigEndian,
    SIDE,
    SIDE,
    { buffer_size::<BinaryColor>(SIDE, SIDE) },
>;

/// How long each row stays lit: five rows make a 10 ms scan, 100 Hz, above what the eye sees
/// flicker at.
const ROW_TIME: Duration = Duration::from_millis(2);

/// The lit LEDs, bit `SIDE * row + column`.
static LIT: AtomicU32 = AtomicU32::new(0);

/// Puts `screen` on the LEDs (from the next row scanned).
pub fn show(screen: &Screen) {
    let mut lit = 0u32;
    for row in 0..SIDE {
        for col in 0..SIDE {
            let at = Point::new(col as i32, row as i32);
            if screen.pixel(at) == Some(BinaryColor::On) {
                lit |= 1 << (SIDE * row + col);
            }
        }
    }
    LIT.store(lit, Ordering::Relaxed);
}

/// The matrix's pins: rows top to bottom, columns left to right.
pub struct Pins {
    pub rows: [Output<'static>; SIDE],
    pub cols: [Output<'static>; SIDE],
}

/// Scans the rows for ever.
#[embassy_executor::task]
pub async fn scan(mut pins: Pins) -> ! {
    loop {
        for (r, row) in pins.rows.iter_mut().enumerate() {
            let lit = LIT.load(Ordering::Relaxed) >> (SIDE * r);
            for (c, col) in pins.cols.iter_mut().enumerate() {
                let on = lit & (1 << c) != 0;
                col.set_level(if on { Level::Low } else { Level::High });
            }
            row.set_high();
            Timer::after(ROW_TIME).await;
            // Off before the columns change, so no LED of the next row flashes in this one.
            row.set_low();
        }
    }
}
