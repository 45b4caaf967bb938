//! alert-digest on an STM32F411 "Black Pill" with four MAX7219 8x8 modules: alerts scroll along
//! a 32x8 LED marquee.
//!
//! The core's [`Device`](alert_digest::device::Device) is the application; this file only
//! connects it: the link's bytes from USART1 (interrupt-fed ring buffer), the monotonic clock,
//! and the modules ([`marquee`]), along which the core's LED32X8 strip scrolls one pixel per
//! frame.

#![no_std]
#![no_main]

#[cfg(not(target_os = "none"))]
compile_error!(
    "this is STM32F411 firmware: build it from its folder (cd boards/blackpill-max7219 && cargo \
     build --release) so cargo reads .cargo/config.toml and targets thumbv7em-none-eabihf"
);

mod boot_id;
mod marquee;

use alert_digest::MIN_BUDGET;
use alert_digest::display::{LED32X8, Layout, Scroll, TextArea};
use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{BoardConfig, DisplayInfo, display_kind};
use defmt::{info, warn};
use embassy_executor::Spawner;
use embassy_futures::select::{Either, select};
use embassy_stm32::gpio::{Level, Output, Speed};
use embassy_stm32::spi::{self, Spi};
use embassy_stm32::time::Hertz;
use embassy_stm32::usart::{self, BufferedUart};
use embassy_stm32::{bind_interrupts, peripherals};
use embassy_time::{Instant, Timer};
use embedded_hal_bus::spi::ExclusiveDevice;
use embedded_io_async::{Read as _, Write as _};
use static_cell::StaticCell;
use {defmt_rtt as _, panic_probe as _};

use marquee::{Marquee, Screen};

/// Alerts kept: the strip scrolls through all of them, and eight of 64 glyphs take about a
/// minute and a half to pass.
const ALERTS: usize = 8;
/// Bytes of text a digest may have: the LED32X8 strip's 64 glyphs of ASCII.
const TEXT_BYTES: usize = 64;
/// The application: the store, the link session and what the strip shows.
type Board = alert_digest::device::Device<TextArea, ALERTS, TEXT_BYTES>;

/// The link's line rate on USART1 (the host's `send --baud` default).
const BAUD: u32 = 115_200;
/// USART1's receive ring, filled byte by byte from its interrupt: the loop empties it every
/// few milliseconds, so this holds a whole raw-record frame with room to spare.
const UART_RX_BYTES: usize = 1024;
/// USART1's transmit ring: a burst of acknowledgements and a Hello.
const UART_TX_BYTES: usize = 256;
/// Bytes taken from the UART per turn of the loop.
const RX_CHUNK: usize = 64;
/// Longest sleep between turns when nothing arrives: the session's timers (Hello every 500 ms,
/// a Nak held off 5 ms) need no finer grain.
const TICK_MS: u64 = 20;
/// SPI clock for the modules: the MAX7219 takes up to 10 MHz; 1 MHz tolerates long jumper
/// wires and still sends a frame (32 register writes to the chain) in about 3 ms.
const SPI_HZ: u32 = 1_000_000;

bind_interrupts!(struct Irqs {
    USART1 => usart::BufferedInterruptHandler<peripherals::USART1>;
});

fn now_ms() -> u64 {
    Instant::now().as_millis()
}

#[embassy_executor::main]
async fn main(_spawner: Spawner) {
    // The internal 16 MHz oscillator: enough for 115200 baud and the SPI, and no dependence on
    // the board's crystal.
    let p = embassy_stm32::init(Default::default());
    info!("alert-digest blackpill-max7219");

    let boot = boot_id::boot_id(p.ADC1);

    // USART1: PA9 sends, PA10 receives; 115200 8N1, to a 3.3 V USB-serial adapter.
    static UART_TX: StaticCell<[u8; UART_TX_BYTES]> = StaticCell::new();
    static UART_RX: StaticCell<[u8; UART_RX_BYTES]> = StaticCell::new();
    let mut config = usart::Config::default();
    config.baudrate = BAUD;
    let uart = match BufferedUart::new(
        p.USART1,
        p.PA10,
        p.PA9,
        UART_TX.init([0; UART_TX_BYTES]),
        UART_RX.init([0; UART_RX_BYTES]),
        Irqs,
        config,
    ) {
        Ok(uart) => uart,
        // Only an unreachable baud rate fails, and 115200 is reachable from 16 MHz.
        Err(e) => defmt::panic!("usart: {}", e),
    };
    let (mut uart_tx, mut uart_rx) = uart.split();

    // SPI1: PA5 clock, PA7 data to the first module's DIN, PA4 its CS (LOAD).
    let mut spi_config = spi::Config::default();
    spi_config.frequency = Hertz(SPI_HZ);
    let spi = Spi::new_blocking_txonly(p.SPI1, p.PA5, p.PA7, spi_config);
    let cs = Output::new(p.PA4, Level::High, Speed::Medium);
    // Infallible: embassy-stm32's output pins cannot fail.
    let Ok(bus) = ExclusiveDevice::new_no_delay(spi, cs);
    let mut marquee = match Marquee::new(bus) {
        Ok(marquee) => Some(marquee),
        Err(_) => {
            warn!("marquee: init failed");
            None
        }
    };

    let area = LED32X8.text_area().with_max_bytes(TEXT_BYTES);
    let config = BoardConfig {
        display: display_info(&area),
        max_record: BOARD_MAX_RECORD_BYTES as u16,
        window: DEFAULT_WINDOW,
    };
    let mut device = Board::new(config, boot, None, area);
    info!(
        "boot {=u32:08x}, budget {} bytes",
        boot, config.display.budget
    );

    let mut scroll = Scroll::new(&LED32X8);
    let mut screen = Screen::new();
    let mut rx = [0u8; RX_CHUNK];
    let mut tx = [0u8; BOARD_TX_BYTES];
    let mut wake = 0u64;
    let mut dimmed = false;
    loop {
        // The read is cancel-safe: bytes not taken now stay in the ring.
        let got = select(uart_rx.read(&mut rx), Timer::at(Instant::from_millis(wake))).await;
        let now = now_ms();
        match got {
            Either::First(Ok(n)) => device.receive(rx.get(..n).unwrap_or_default(), now),
            // An overrun, framing or noise error: the damaged frame fails its CRC and is sent
            // again.
            Either::First(Err(e)) => warn!("usart: {}", e),
            Either::Second(()) => {}
        }
        loop {
            let n = device.transmit(now, &mut tx);
            let Some(bytes) = tx.get(..n).filter(|b| !b.is_empty()) else {
                break;
            };
            if let Err(e) = uart_tx.write_all(bytes).await {
                warn!("usart: {}", e);
            }
        }
        device.tick(now);
        if device.is_quiet() != dimmed {
            dimmed = device.is_quiet();
            if let Some(m) = marquee.as_mut()
                && m.dim(dimmed).is_err()
            {
                warn!("marquee: dimming failed");
            }
        }
        if scroll.is_due(now) {
            // A critical alert starts the strip over, so it passes first and at once.
            let frame = scroll.take(now, device.drawn(now));
            // The framebuffer cannot fail to draw (its error type is Infallible).
            let _ = device.draw(&LED32X8, &mut screen, now, frame);
            if let Some(m) = marquee.as_mut()
                && m.show(&screen).is_err()
            {
                warn!("marquee: write failed");
            }
        }
        wake = scroll.next_ms().min(now_ms().saturating_add(TICK_MS));
    }
}

/// What the board tells the host: a 32x8 LED matrix, and a budget of one byte per glyph of
/// the strip, so ASCII text condensed by the host scrolls in full.
fn display_info(area: &TextArea) -> DisplayInfo {
    let size = LED32X8.size();
    let cells = area.cols().saturating_mul(area.lines as usize);
    DisplayInfo {
        kind: display_kind::LED_MATRIX,
        width: u16::try_from(size.width).unwrap_or(u16::MAX),
        height: u16::try_from(size.height).unwrap_or(u16::MAX),
        budget: u8::try_from(cells.clamp(MIN_BUDGET, TEXT_BYTES)).unwrap_or(u8::MAX),
    }
}
