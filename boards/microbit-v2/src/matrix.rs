//! The micro:bit v2's 5x5 LED matrix: five row lines (anodes, high lights) and five column lines
//! (cathodes, low lights), one row lit at a time. A task scans the rows continuously from the
//! last frame the main loop drew; the frame is 25 bits in one atomic word, so the two never
//! need a lock and the scan never waits for the link. In quiet hours the scan lights each row
//! for a part of its time only: the matrix has no brightness control but its duty cycle.

use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};

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

/// Microseconds each row has: five rows make a 10 ms scan, 100 Hz, above what the eye sees
/// flicker at.
const ROW_US: u64 = 2_000;
const ROW_TIME: Duration = Duration::from_micros(ROW_US);

/// Microseconds a row is lit in quiet hours: an eighth of its time, dim enough for a dark
/// bedroom and still readable. Eight ticks of the 32,768 Hz clock, so the timer can keep it.
const QUIET_ROW_US: u64 = 250;
const QUIET_ROW_ON: Duration = Duration::from_micros(QUIET_ROW_US);
const QUIET_ROW_OFF: Duration = Duration::from_micros(ROW_US - QUIET_ROW_US);

/// The lit LEDs, bit `SIDE * row + column`.
static LIT: AtomicU32 = AtomicU32::new(0);

/// Whether the scan runs dimmed (quiet hours).
static DIM: AtomicBool = AtomicBool::new(false);

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

/// Dims the LEDs for quiet hours, or brings them back (from the next row scanned).
pub fn dim(quiet: bool) {
    DIM.store(quiet, Ordering::Relaxed);
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
            if DIM.load(Ordering::Relaxed) {
                Timer::after(QUIET_ROW_ON).await;
                row.set_low();
                // The rest of the row's time dark, so the scan keeps its 100 Hz.
                Timer::after(QUIET_ROW_OFF).await;
            } else {
                Timer::after(ROW_TIME).await;
                // Off before the columns change, so no LED of the next row flashes in this one.
                row.set_low();
            }
        }
    }
}
