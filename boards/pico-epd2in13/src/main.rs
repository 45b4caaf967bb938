//! alert-digest on a Raspberry Pi Pico (RP2040) with a Waveshare 2.13" e-paper.
//!
//! The core's [`Device`] is the application; this file only connects it: the link's bytes from
//! UART0 (interrupt-fed ring buffer) and, with the `usb` feature, from the USB port (CDC ACM);
//! the monotonic clock; and the panel ([`panel`]), which draws the core's e-ink list and lets the
//! core's refresh policy choose partial or full refreshes.

#![no_std]
#![no_main]

#[cfg(not(target_os = "none"))]
compile_error!(
    "this is RP2040 firmware: build it from its folder (cd boards/pico-epd2in13 && cargo build \
     --release) so cargo reads .cargo/config.toml and targets thumbv6m-none-eabi"
);

mod panel;
#[cfg(feature = "usb")]
mod usb;

use alert_digest::MIN_BUDGET;
use alert_digest::display::{EPD2IN13, EinkList, Layout, TextArea};
use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{BoardConfig, DisplayInfo, display_kind};
use defmt::{info, warn};
use embassy_executor::Spawner;
use embassy_futures::select::{Either3, select3};
use embassy_rp::bind_interrupts;
use embassy_rp::clocks::RoscRng;
use embassy_rp::gpio::{Input, Level, Output, Pull};
use embassy_rp::peripherals::UART0;
use embassy_rp::spi::{self, Spi};
use embassy_rp::uart::{self, BufferedInterruptHandler, BufferedUart};
use embassy_time::{Delay, Instant, Timer};
use embedded_io_async::{Read as _, Write as _};
use static_cell::StaticCell;
use {defmt_rtt as _, panic_probe as _};

use panel::Panel;

/// Alerts kept: the list shows about four and counts the rest as "+N more"; eight let that
/// count mean something in 2 KiB of store.
const ALERTS: usize = 8;
/// Bytes of text a digest may have: one per glyph cell of a list entry (two lines of 34), the
/// budget the board announces. Text the host condenses to it fits an entry; text of accented
/// letters (two bytes each) fills less of it.
const TEXT_BYTES: usize = EinkList::TEXT.cols() * EinkList::TEXT.lines as usize;
/// The application: the store, the link session and what the list shows.
pub type Board = alert_digest::device::Device<TextArea, ALERTS, TEXT_BYTES>;

/// The link's line rate on UART0 (the host's `send --baud` default).
const BAUD: u32 = 115_200;
/// UART0's receive ring: it fills while a refresh blocks the loop (about 0.3 s partial, 2 s
/// full). The host has at most a window of eight frames unacknowledged, and eight digest frames
/// take about 1 KiB, so 2 KiB holds a window and its repetition; bytes beyond it (bursts of raw
/// records) are lost and the link sends their frames again.
const UART_RX_BYTES: usize = 2048;
/// UART0's transmit ring: a burst of acknowledgements and a Hello.
const UART_TX_BYTES: usize = 256;
/// Bytes taken from a transport per turn of the loop.
const RX_CHUNK: usize = 64;
/// Longest sleep between turns when nothing arrives: the session's timers (Hello every 500 ms,
/// a Nak held off 5 ms) and the device's clock (rotation, ages) need no finer grain.
const TICK_MS: u64 = 20;

/// SPI clock for the panel: the SSD1680 takes writes up to 20 MHz; 4 MHz is safe over jumper
/// wires and sends a frame in about 8 ms.
const SPI_HZ: u32 = 4_000_000;

bind_interrupts!(struct Irqs {
    UART0_IRQ => BufferedInterruptHandler<UART0>;
});

fn now_ms() -> u64 {
    Instant::now().as_millis()
}

#[embassy_executor::main(
    executor = "embassy_rp::executor::Executor",
    entry = "cortex_m_rt::entry"
)]
async fn main(spawner: Spawner) {
    let p = embassy_rp::init(Default::default());
    info!("alert-digest pico-epd2in13");

    // UART0 on GP0 (TX) and GP1 (RX), 115200 8N1.
    static UART_TX: StaticCell<[u8; UART_TX_BYTES]> = StaticCell::new();
    static UART_RX: StaticCell<[u8; UART_RX_BYTES]> = StaticCell::new();
    let mut config = uart::Config::default();
    config.baudrate = BAUD;
    let uart = BufferedUart::new(
        p.UART0,
        p.PIN_0,
        p.PIN_1,
        Irqs,
        UART_TX.init([0; UART_TX_BYTES]),
        UART_RX.init([0; UART_RX_BYTES]),
        config,
    );
    let (mut uart_tx, mut uart_rx) = uart.split();

    #[cfg(feature = "usb")]
    usb::start(&spawner, p.USB);
    #[cfg(not(feature = "usb"))]
    let _ = spawner;

    // The panel on SPI1, wired as Waveshare's Pico-ePaper-2.13 plugs onto a Pico.
    let mut spi_config = spi::Config::default();
    spi_config.frequency = SPI_HZ;
    let spi = Spi::new_blocking_txonly(p.SPI1, p.PIN_10, p.PIN_11, spi_config);
    let pins = panel::Pins {
        cs: Output::new(p.PIN_9, Level::High),
        dc: Output::new(p.PIN_8, Level::Low),
        rst: Output::new(p.PIN_12, Level::High),
        busy: Input::new(p.PIN_13, Pull::None),
    };
    let mut panel = Panel::new(spi, pins, Delay);

    let area = EinkList::TEXT.with_max_bytes(TEXT_BYTES);
    let config = BoardConfig {
        display: display_info(&area),
        max_record: BOARD_MAX_RECORD_BYTES as u16,
        window: DEFAULT_WINDOW,
    };
    // A fresh boot id from the ring oscillator's jitter, so the host can tell a reset.
    let boot = RoscRng.next_u32();
    let mut device = Board::new(config, boot, None, area);
    info!(
        "boot {=u32:08x}, budget {} bytes",
        boot, config.display.budget
    );

    let mut rx = [0u8; RX_CHUNK];
    #[cfg(feature = "usb")]
    let mut usb_rx = [0u8; RX_CHUNK];
    let mut tx = [0u8; BOARD_TX_BYTES];
    let mut wake = 0u64;
    loop {
        #[cfg(feature = "usb")]
        let usb_read = usb::INBOX.read(&mut usb_rx);
        #[cfg(not(feature = "usb"))]
        let usb_read = core::future::pending::<usize>();
        // Reads and the pipe's read are cancel-safe: a byte not taken now stays buffered.
        let got = select3(
            uart_rx.read(&mut rx),
            usb_read,
            Timer::at(Instant::from_millis(wake)),
        )
        .await;
        let now = now_ms();
        match got {
            Either3::First(Ok(n)) => device.receive(rx.get(..n).unwrap_or_default(), now),
            // An overrun, framing or parity error: the damaged frame is dropped by its CRC
            // and sent again.
            Either3::First(Err(e)) => warn!("uart: {}", e),
            #[cfg(feature = "usb")]
            Either3::Second(n) => device.receive(usb_rx.get(..n).unwrap_or_default(), now),
            #[cfg(not(feature = "usb"))]
            Either3::Second(_) => {}
            Either3::Third(()) => {}
        }
        loop {
            let n = device.transmit(now, &mut tx);
            let Some(frame) = tx.get(..n).filter(|f| !f.is_empty()) else {
                break;
            };
            if let Err(e) = uart_tx.write_all(frame).await {
                warn!("uart: {}", e);
            }
            #[cfg(feature = "usb")]
            usb::send(frame);
        }
        device.tick(now);
        let retry = panel.update(&mut device, now);
        let now = now_ms();
        let tick = now.saturating_add(TICK_MS);
        wake = retry.map_or(tick, |at| at.clamp(now, tick));
    }
}

/// What the board tells the host: an e-ink panel of the list's size, and its budget.
fn display_info(area: &TextArea) -> DisplayInfo {
    let size = EPD2IN13.size();
    let cells = area.cols().saturating_mul(area.lines as usize);
    DisplayInfo {
        kind: display_kind::EINK,
        width: u16::try_from(size.width).unwrap_or(u16::MAX),
        height: u16::try_from(size.height).unwrap_or(u16::MAX),
        budget: u8::try_from(cells.clamp(MIN_BUDGET, TEXT_BYTES)).unwrap_or(u8::MAX),
    }
}
