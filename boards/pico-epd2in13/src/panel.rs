//! The Waveshare 2.13" e-paper (V3, SSD1680, 250x122) on SPI1: draws the device's screen with the
//! core's e-ink list and refreshes the panel when the core's [`Refresher`] says so.
//!
//! epd-waveshare waits for the panel's BUSY line by polling it, so a refresh blocks this loop
//! (about 0.3 s partial, 2 s full); the UART keeps receiving into its ring meanwhile, and the
//! refresh policy keeps such pauses to one every ten seconds at most.
//!
//! embassy-rp's blocking SPI has no errors (its error type is empty), so the failures logged
//! here are for a future HAL that has some.

use alert_digest::display::refresh::{EPD2IN13_POLICY, frame_id};
use alert_digest::display::{Decision, EPD2IN13, Refresher};
use defmt::{info, warn};
use embassy_rp::gpio::{Input, Output};
use embassy_rp::peripherals::SPI1;
use embassy_rp::spi::{Blocking, Spi};
use embassy_time::Delay;
use embedded_graphics::prelude::DrawTargetExt;
use embedded_hal_bus::spi::ExclusiveDevice;
use epd_waveshare::epd2in13_v2::{Display2in13, Epd2in13};
use epd_waveshare::prelude::{DisplayRotation, RefreshLut, WaveshareDisplay};

use crate::Board;

type PanelSpi = ExclusiveDevice<Spi<'static, SPI1, Blocking>, Output<'static>, Delay>;
type Epd = Epd2in13<PanelSpi, Input<'static>, Output<'static>, Output<'static>, Delay>;

/// The panel's control lines.
pub struct Pins {
    pub cs: Output<'static>,
    pub dc: Output<'static>,
    pub rst: Output<'static>,
    pub busy: Input<'static>,
}

/// The panel, its frame buffer, and the refresh policy's state.
pub struct Panel {
    spi: PanelSpi,
    delay: Delay,
    /// None when the panel did not answer at start: the board then runs without a screen.
    epd: Option<Epd>,
    frame: Display2in13,
    refresher: Refresher,
    /// When the policy asked to be asked again.
    retry_at: Option<u64>,
    /// A critical alert arrived since the panel last refreshed.
    critical: bool,
}

impl Panel {
    /// Resets and initialises the panel (a full refresh's worth of BUSY waits).
    pub fn new(spi: Spi<'static, SPI1, Blocking>, pins: Pins, mut delay: Delay) -> Self {
        // Infallible: embassy-rp's output pins cannot fail.
        let Ok(mut spi) = ExclusiveDevice::new(spi, pins.cs, Delay);
        let epd = match Epd::new(&mut spi, pins.busy, pins.dc, pins.rst, &mut delay, None) {
            Ok(mut epd) => {
                if epd.sleep(&mut spi, &mut delay).is_err() {
                    warn!("panel: sleep failed");
                }
                Some(epd)
            }
            Err(_) => {
                warn!("panel: init failed");
                None
            }
        };
        let mut frame = Display2in13::default();
        // Landscape, 250x122, with the panel's flex cable on the left.
        frame.set_rotation(DisplayRotation::Rotate90);
        Self {
            spi,
            delay,
            epd,
            frame,
            refresher: Refresher::new(EPD2IN13_POLICY),
            retry_at: None,
            critical: false,
        }
    }

    /// Draws the device's screen when it has changed or the policy's wait is over, refreshing
    /// the panel if the policy says so. Returns when to call again at the latest (None: when the
    /// screen next changes).
    pub fn update(&mut self, device: &mut Board, now_ms: u64) -> Option<u64> {
        let due = device.needs_draw() || self.retry_at.is_some_and(|at| now_ms >= at);
        if !due {
            return self.retry_at;
        }
        // The buffer cannot fail to draw (its error type is Infallible).
        let _ = device.draw(&EPD2IN13, &mut self.frame.color_converted(), now_ms, 0);
        self.critical |= device.drawn(now_ms);
        let id = frame_id(self.frame.buffer());
        self.retry_at = None;
        match self.refresher.decide(now_ms, id, self.critical) {
            Decision::Skip => self.critical = false,
            Decision::WaitUntil(at) => self.retry_at = Some(at),
            Decision::Partial => self.refresh(RefreshLut::Quick),
            Decision::Full => self.refresh(RefreshLut::Full),
        }
        self.retry_at
    }

    /// Sends the frame and waits for the panel (epd-waveshare polls BUSY).
    fn refresh(&mut self, lut: RefreshLut) {
        self.critical = false;
        let Some(epd) = self.epd.as_mut() else {
            return;
        };
        let quick = matches!(lut, RefreshLut::Quick);
        let (spi, delay) = (&mut self.spi, &mut self.delay);
        // The panel sleeps between refreshes (Waveshare: never leave it powered); its deep
        // sleep mode 1 keeps the controller's RAM, where the quick LUT finds the previous
        // frame to compare with. Waking re-initialises it, and so does changing the LUT.
        let done = epd
            .wake_up(spi, delay)
            .and_then(|()| epd.set_refresh(spi, delay, lut))
            .and_then(|()| epd.update_and_display_frame(spi, self.frame.buffer(), delay))
            .and_then(|()| epd.sleep(spi, delay));
        match done {
            Ok(()) => info!("panel: {} refresh", if quick { "partial" } else { "full" }),
            Err(_) => warn!("panel: refresh failed"),
        }
    }
}
