//! The firmware's main loop: the core's device application between UART0 and the OLED. Both
//! images run it: `alert-digest-qemu-lm3s6965` (the default, the host condenses) and
//! `alert-digest-qemu-lm3s6965-records` (feature `records`: raw records condensed on the board).

use alert_digest::device::Device;
use alert_digest::display::{Layout, OLED128X64, OledCard, TextArea};
use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{BoardConfig, DisplayInfo, display_kind};
use embedded_io::ReadReady;

use crate::{boot, clock, oled::Oled, uart::Uart};

/// Alerts kept: a few screens' worth of rotation on the card.
pub const ALERTS: usize = 16;
/// Text capacity of a digest: the card's five lines of 20 glyphs.
pub const TEXT_BYTES: usize = 100;

/// Boots the board and serves the link forever. Inline: compiled in the image that calls it, not
/// in this library, so the drawing code it instantiates does not change how the `icount`
/// image's own copy is compiled (it did: rendering measured 50,000 instructions more).
#[inline]
pub fn run() -> ! {
    let core = cortex_m::Peripherals::take().unwrap_or_else(|| unreachable!("taken once, at boot"));
    clock::start(core.SYST);
    let mut uart = Uart::new();
    let mut oled = Oled::new();
    let area: TextArea = OledCard::TEXT.with_max_bytes(TEXT_BYTES);
    let size = OLED128X64.size();
    let config = BoardConfig {
        display: DisplayInfo {
            kind: display_kind::OLED,
            width: size.width as u16,
            height: size.height as u16,
            budget: TEXT_BYTES as u8,
        },
        // The device offers no record room unless it condenses records (feature `records`).
        max_record: BOARD_MAX_RECORD_BYTES as u16,
        window: DEFAULT_WINDOW,
    };
    let mut device: Device<TextArea, ALERTS, TEXT_BYTES> =
        Device::new(config, boot::next_id(), None, area);
    loop {
        let now = u64::from(clock::millis());
        // The UART cannot fail (its error type is Infallible).
        let _ = device.poll(&mut uart, now);
        device.tick(now);
        if device.needs_draw() {
            let _ = device.draw(&OLED128X64, &mut oled, now, 0);
            oled.flush();
            device.drawn(now);
        }
        // Sleep until the next byte or the next millisecond tick.
        if !uart.read_ready().unwrap_or(true) {
            cortex_m::asm::wfi();
        }
    }
}
