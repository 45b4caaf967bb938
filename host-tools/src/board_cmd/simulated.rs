//! A board on the PC: the core's [`Device`] (the link's board session, the store, what to
//! draw, acknowledgements out), exactly as firmware runs it, with a simulated panel. Only the
//! panel is simulated (there is none here): it is an image in memory, and an e-ink one
//! refreshes when the core's [`Refresher`](alert_digest::display::Refresher) says so.

use alert_digest::MAX_BUDGET;
use alert_digest::device::Device;
use alert_digest::display::TextArea;
use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{BoardConfig, DELIMITER};

use super::panel::{Panel, Refresh};
use super::watch::{Change, Snapshot};
use crate::screen::Display;

/// Alerts the board keeps: what a board with a few KiB to spare holds (each entry is about
/// 200 bytes), more than any of its panels shows at once, and within the 10 to 20 messages
/// Meshtastic keeps (USERS.md).
pub const BOARD_STORE: usize = 16;

/// The board's application: alerts of up to [`MAX_BUDGET`] bytes (the most any budget asks),
/// raw records condensed to fit the panel's text area.
pub type BoardDevice = Device<TextArea, BOARD_STORE, MAX_BUDGET>;

/// The board's application and its panel.
pub struct SimulatedBoard {
    device: Box<BoardDevice>,
    panel: Panel,
}

impl SimulatedBoard {
    /// A board with `display` that has just booted; `boot` differs on every boot (the link
    /// tells resets apart by it).
    pub fn new(display: Display, boot: u32) -> Self {
        let config = BoardConfig {
            display: display.info(),
            max_record: u16::try_from(BOARD_MAX_RECORD_BYTES).unwrap_or(u16::MAX),
            window: DEFAULT_WINDOW,
        };
        // Records the board condenses itself fill its text area, within the budget it
        // announced (so they are the size of the digests a host sends).
        let fit = display
            .text_area()
            .with_max_bytes(usize::from(display.budget()));
        Self {
            device: Box::new(Device::new(config, boot, None, fit)),
            panel: Panel::new(display),
        }
    }

    pub fn display(&self) -> Display {
        self.panel.display()
    }

    pub fn device(&self) -> &BoardDevice {
        &self.device
    }

    pub fn panel(&self) -> &Panel {
        &self.panel
    }

    /// Bytes from the UART at `now_ms`; returns what the store did with them. Fed a frame at
    /// a time, so each change is told apart.
    pub fn receive(&mut self, bytes: &[u8], now_ms: u64) -> Vec<Change> {
        let mut changes = Vec::new();
        for frame in bytes.split_inclusive(|&b| b == DELIMITER) {
            let before = Snapshot::of(&self.device);
            self.device.receive(frame, now_ms);
            before.changes(&self.device, &mut changes);
        }
        changes
    }

    /// Appends the bytes due on the UART (acknowledgements, Hello) to `out`.
    pub fn transmit(&mut self, now_ms: u64, out: &mut Vec<u8>) {
        let mut buf = [0u8; BOARD_TX_BYTES];
        loop {
            let n = self.device.transmit(now_ms, &mut buf);
            if n == 0 {
                break;
            }
            out.extend_from_slice(buf.get(..n).unwrap_or_default());
        }
    }

    /// Time passing: alerts ending, the card rotating, ages moving; and the panel brought up
    /// to date if it should be. Returns what the store did and how the panel refreshed.
    pub fn tick(&mut self, now_ms: u64) -> (Vec<Change>, Option<Refresh>) {
        let before = Snapshot::of(&self.device);
        self.device.tick(now_ms);
        let mut changes = Vec::new();
        before.changes(&self.device, &mut changes);
        let refresh = self.panel.update(&mut self.device, now_ms);
        (changes, refresh)
    }
}
