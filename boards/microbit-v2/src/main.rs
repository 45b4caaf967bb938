//! alert-digest on a BBC micro:bit v2 (nRF52833): alerts scroll across its 5x5 LEDs.
//!
//! The core's [`Device`](alert_digest::device::Device) is the application; this file only
//! connects it: the link's bytes from the micro:bit's USB serial port (UARTE0 to the interface
//! chip, received by DMA into a ring buffer, so no byte is lost while the LEDs scroll), the
//! monotonic clock, and the LED matrix ([`matrix`]), on which the core's MICROBIT strip scrolls
//! one column per frame.

#![no_std]
#![no_main]

#[cfg(not(target_os = "none"))]
compile_error!(
    "this is nRF52833 firmware: build it from its folder (cd boards/microbit-v2 && cargo build \
     --release) so cargo reads .cargo/config.toml and targets thumbv7em-none-eabihf"
);

mod matrix;

use alert_digest::MIN_BUDGET;
use alert_digest::display::{Layout, MICROBIT, Scroll, TextArea};
use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{BoardConfig, DisplayInfo, display_kind};
use defmt::{info, unwrap, warn};
use embassy_executor::Spawner;
use embassy_futures::select::{Either, select};
use embassy_nrf::buffered_uarte::{self, BufferedUarte};
use embassy_nrf::gpio::{Level, Output, OutputDrive};
use embassy_nrf::rng::Rng;
use embassy_nrf::{bind_interrupts, peripherals, uarte};
use embassy_time::{Instant, Timer};
use embedded_io_async::Write as _;
use static_cell::StaticCell;
use {defmt_rtt as _, panic_probe as _};

use matrix::Screen;

/// Alerts kept: the strip scrolls through all of them, and four of 32 glyphs already take
/// about a minute and a half to pass at the micro:bit's usual speed.
const ALERTS: usize = 4;
/// Bytes of text a digest may have: the MICROBIT strip's 32 glyphs of ASCII.
const TEXT_BYTES: usize = 32;
/// The application: the store, the link session and what the strip shows.
type Board = alert_digest::device::Device<TextArea, ALERTS, TEXT_BYTES>;

/// UARTE0's receive ring, filled by DMA: the loop empties it every few milliseconds, so this
/// holds a whole raw-record frame with room to spare.
const UART_RX_BYTES: usize = 1024;
/// UARTE0's transmit ring: a burst of acknowledgements and a Hello.
const UART_TX_BYTES: usize = 256;
/// Bytes taken from the UART per turn of the loop.
const RX_CHUNK: usize = 64;
/// Longest sleep between turns when nothing arrives: the session's timers (Hello every 500 ms,
/// a Nak held off 5 ms) need no finer grain.
const TICK_MS: u64 = 20;

bind_interrupts!(struct Irqs {
    UARTE0 => buffered_uarte::InterruptHandler<peripherals::UARTE0>;
});

fn now_ms() -> u64 {
    Instant::now().as_millis()
}

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    let p = embassy_nrf::init(Default::default());
    info!("alert-digest microbit-v2");

    let drive = OutputDrive::Standard;
    let pins = matrix::Pins {
        rows: [
            Output::new(p.P0_21, Level::Low, drive),
            Output::new(p.P0_22, Level::Low, drive),
            Output::new(p.P0_15, Level::Low, drive),
            Output::new(p.P0_24, Level::Low, drive),
            Output::new(p.P0_19, Level::Low, drive),
        ],
        cols: [
            Output::new(p.P0_28, Level::High, drive),
            Output::new(p.P0_11, Level::High, drive),
            Output::new(p.P0_31, Level::High, drive),
            Output::new(p.P1_05, Level::High, drive),
            Output::new(p.P0_30, Level::High, drive),
        ],
    };
    spawner.spawn(unwrap!(matrix::scan(pins)));

    // The interface chip's serial port: nRF P1.08 receives, P0.06 sends; 115200 8N1. TIMER0
    // counts received bytes through PPI, so the ring fills without an interrupt per byte.
    static UART_TX: StaticCell<[u8; UART_TX_BYTES]> = StaticCell::new();
    static UART_RX: StaticCell<[u8; UART_RX_BYTES]> = StaticCell::new();
    let uart = BufferedUarte::new(
        p.UARTE0,
        p.TIMER0,
        p.PPI_CH0,
        p.PPI_CH1,
        p.PPI_GROUP0,
        p.P1_08,
        p.P0_06,
        Irqs,
        uarte::Config::default(),
        UART_RX.init([0; UART_RX_BYTES]),
        UART_TX.init([0; UART_TX_BYTES]),
    );
    let (mut uart_rx, mut uart_tx) = uart.split();

    let area = MICROBIT.text_area().with_max_bytes(TEXT_BYTES);
    let config = BoardConfig {
        display: display_info(&area),
        max_record: BOARD_MAX_RECORD_BYTES as u16,
        window: DEFAULT_WINDOW,
    };
    // A fresh boot id from the hardware random number generator, so the host can tell a reset.
    let mut boot = [0u8; 4];
    Rng::new_blocking(p.RNG).blocking_fill_bytes(&mut boot);
    let boot = u32::from_le_bytes(boot);
    let mut device = Board::new(config, boot, None, area);
    info!(
        "boot {=u32:08x}, budget {} bytes",
        boot, config.display.budget
    );

    let mut scroll = Scroll::new(&MICROBIT);
    let mut screen = Screen::new();
    let mut rx = [0u8; RX_CHUNK];
    let mut tx = [0u8; BOARD_TX_BYTES];
    let mut wake = 0u64;
    loop {
        // The read is cancel-safe: bytes not taken now stay in the ring.
        let got = select(uart_rx.read(&mut rx), Timer::at(Instant::from_millis(wake))).await;
        let now = now_ms();
        match got {
            Either::First(Ok(n)) => device.receive(rx.get(..n).unwrap_or_default(), now),
            // An overrun or framing error: the damaged frame fails its CRC and is sent again.
            Either::First(Err(e)) => warn!("uart: {}", e),
            Either::Second(()) => {}
        }
        loop {
            let n = device.transmit(now, &mut tx);
            let Some(bytes) = tx.get(..n).filter(|b| !b.is_empty()) else {
                break;
            };
            if let Err(e) = uart_tx.write_all(bytes).await {
                warn!("uart: {}", e);
            }
        }
        device.tick(now);
        matrix::dim(device.is_quiet());
        if scroll.is_due(now) {
            // A critical alert starts the strip over, so it passes first and at once.
            let frame = scroll.take(now, device.drawn(now));
            // The framebuffer cannot fail to draw (its error type is Infallible).
            let _ = device.draw(&MICROBIT, &mut screen, now, frame);
            matrix::show(&screen);
        }
        wake = scroll.next_ms().min(now_ms().saturating_add(TICK_MS));
    }
}

/// What the board tells the host: a 5x5 LED grid, and a budget of one byte per glyph of the
/// strip, so ASCII text condensed by the host scrolls in full.
fn display_info(area: &TextArea) -> DisplayInfo {
    let size = MICROBIT.size();
    let cells = area.cols().saturating_mul(area.lines as usize);
    DisplayInfo {
        kind: display_kind::LED_GRID,
        width: u16::try_from(size.width).unwrap_or(u16::MAX),
        height: u16::try_from(size.height).unwrap_or(u16::MAX),
        budget: u8::try_from(cells.clamp(MIN_BUDGET, TEXT_BYTES)).unwrap_or(u8::MAX),
    }
}
