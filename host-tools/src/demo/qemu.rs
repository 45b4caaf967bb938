//! The demo's board in QEMU: the real firmware (boards/qemu-lm3s6965) on an emulated
//! lm3s6965evb, fed over its UART0 socket by the same host code `send --connect unix:` uses
//! (the `Driver`), its OLED captured through QMP. Real time, not simulated.

use std::path::{Path, PathBuf};
use std::time::Duration;

use alert_digest_host::link::transport::{Driver, Target};
use alert_digest_host::link::{HostConfig, HostSession};
use alert_digest_host::qemu::{Emulator, OLED_HEIGHT, OLED_WIDTH, Options};
use anyhow::Context as _;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;

use super::board::Board;
use crate::screen::{Display, Image};

/// The firmware as `scripts/test` (or `cargo build --release` in its folder) leaves it.
pub fn default_firmware() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
        "../boards/qemu-lm3s6965/target/thumbv7m-none-eabi/release/alert-digest-qemu-lm3s6965",
    )
}

pub struct QemuBoard {
    // Dropped after the driver (fields drop in order): QEMU is killed last.
    driver: Driver,
    emulator: Emulator,
}

impl QemuBoard {
    pub fn start(firmware: &Path, stream: u32) -> anyhow::Result<Self> {
        if !firmware.exists() {
            anyhow::bail!(
                "no firmware at {}: build it with `cd boards/qemu-lm3s6965 && cargo build --release`",
                firmware.display()
            );
        }
        let emulator = Emulator::start(firmware, &Options::default())?;
        let session = HostSession::new(HostConfig::socket(), stream);
        let driver = Driver::connect(Target::Unix(emulator.uart_socket()), session)
            .context("cannot connect to the emulated UART")?;
        Ok(Self { driver, emulator })
    }
}

impl Board for QemuBoard {
    fn name(&self) -> String {
        "qemu-oled128x64".into()
    }

    fn host(&mut self) -> &mut HostSession {
        &mut self.driver.session
    }

    fn now(&self) -> Duration {
        self.driver.now()
    }

    fn turn(&mut self) -> anyhow::Result<()> {
        self.driver.turn()
    }

    fn real_time(&self) -> bool {
        true
    }

    fn notes(&mut self) -> Vec<String> {
        Vec::new()
    }

    fn screen(&mut self) -> anyhow::Result<(Image, Display)> {
        let screen = self.emulator.screen()?;
        let mut image = Image::new(Size::new(OLED_WIDTH as u32, OLED_HEIGHT as u32));
        for y in 0..OLED_HEIGHT {
            for x in 0..OLED_WIDTH {
                let color = BinaryColor::from(screen.lit(x, y));
                let _ = Pixel(Point::new(x as i32, y as i32), color).draw(&mut image);
            }
        }
        Ok((image, Display::Oled128x64))
    }

    fn link_report(&self) -> Vec<String> {
        let host = self.driver.session.stats();
        let mut lines = vec![format!(
            "real firmware in QEMU over a unix socket: {} data frames, {} retransmits",
            host.data_sent, host.retransmits
        )];
        if let Some(mean) = host.rtt_mean() {
            lines.push(format!(
                "round trip: mean {:.1} ms over {} samples",
                mean.as_secs_f64() * 1000.0,
                host.rtt_samples
            ));
        }
        lines
    }
}
