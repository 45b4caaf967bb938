//! The simulated panel: an image in memory that the device draws into, as it would into a
//! panel's frame buffer. OLED and LED panels show a new screen at once; an e-ink panel only
//! when the core's refresh policy allows (full or partial, a minimum interval, identical
//! frames skipped, critical alerts at once), so what it shows can lag the store, as on the
//! real panel.

use alert_digest::display::refresh::{EPD2IN13_POLICY, frame_id};
use alert_digest::display::{
    Decision, EPD2IN13, Facts, LED32X8, MICROBIT, OLED128X64, RefreshPolicy, Refresher,
};
use serde_json::{Value, json};

use super::simulated::BoardDevice;
use crate::screen::{self, Display, Image};

/// How a new screen reached the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// An OLED or LED panel: drawn at once.
    Draw,
    /// E-ink, partial (about 0.3 s, ghosts build up).
    Partial,
    /// E-ink, full (about 2 s, with a flash).
    Full,
}

impl Refresh {
    pub fn name(self) -> &'static str {
        match self {
            Refresh::Draw => "draw",
            Refresh::Partial => "partial",
            Refresh::Full => "full",
        }
    }
}

/// Screens put on the panel, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub draws: u32,
    pub partial: u32,
    pub full: u32,
    /// Screens the policy skipped because the panel already showed them.
    pub skipped: u32,
}

/// A refresh the policy put off: ask again at `at`.
#[derive(Clone, Copy, Debug)]
struct Pending {
    at: u64,
    /// The screen brings a critical alert the panel does not show yet.
    urgent: bool,
}

pub struct Panel {
    display: Display,
    /// What the panel shows.
    shown: Image,
    /// The facts it was drawn with, and the alerts it showed (the store may have moved on).
    facts: Facts,
    alerts: usize,
    refresher: Option<Refresher>,
    pending: Option<Pending>,
    counts: Counts,
}

impl Panel {
    pub fn new(display: Display) -> Self {
        Self {
            display,
            shown: Image::new(display.size()),
            facts: Facts::default(),
            alerts: 0,
            refresher: display.is_eink().then(|| Refresher::new(EPD2IN13_POLICY)),
            pending: None,
            counts: Counts::default(),
        }
    }

    pub fn display(&self) -> Display {
        self.display
    }

    /// The facts the screen on the panel was drawn with.
    pub fn facts(&self) -> Facts {
        self.facts
    }

    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// The e-ink timing, if it is e-ink.
    pub fn policy(&self) -> Option<RefreshPolicy> {
        self.refresher.as_ref().map(|_| EPD2IN13_POLICY)
    }

    /// Whether a screen is waiting for the refresh policy.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// A still picture of what the panel shows (for a scrolling strip, the line that passes
    /// through it).
    pub fn picture(&self, device: &BoardDevice) -> Image {
        match self.display.strip() {
            Some(strip) => screen::strip_line(strip, device.alerts()),
            None => self.shown.clone(),
        }
    }

    /// Brings the panel up to date with the device at `now_ms`, when the device has a new
    /// screen or a put-off refresh is due. Returns how the panel changed, if it did.
    pub fn update(&mut self, device: &mut BoardDevice, now_ms: u64) -> Option<Refresh> {
        let due = self.pending.is_some_and(|p| now_ms >= p.at);
        if !device.needs_draw() && !due {
            return None;
        }
        let image = draw(self.display, device, now_ms);
        let facts = device.facts(now_ms, 0);
        let urgent = device.drawn(now_ms) || self.pending.is_some_and(|p| p.urgent);
        let refresh = match &mut self.refresher {
            None => Refresh::Draw,
            Some(refresher) => {
                let frame = frame_id(&screen::packed(&image));
                match refresher.decide(now_ms, frame, urgent) {
                    Decision::Skip => {
                        self.pending = None;
                        self.counts.skipped += 1;
                        return None;
                    }
                    Decision::WaitUntil(at) => {
                        self.pending = Some(Pending { at, urgent });
                        return None;
                    }
                    Decision::Partial => Refresh::Partial,
                    Decision::Full => Refresh::Full,
                }
            }
        };
        self.pending = None;
        match refresh {
            Refresh::Draw => self.counts.draws += 1,
            Refresh::Partial => self.counts.partial += 1,
            Refresh::Full => self.counts.full += 1,
        }
        self.shown = image;
        self.facts = facts;
        self.alerts = device.alerts().len();
        Some(refresh)
    }

    /// The JSON line for a refresh.
    pub fn refresh_json(&self, refresh: Refresh, now_ms: u64) -> Value {
        let busy = self.policy().map(|p| match refresh {
            Refresh::Full => p.full_ms,
            _ => p.partial_ms,
        });
        json!({
            "event": "refresh",
            "mode": refresh.name(),
            "at_ms": now_ms,
            "busy_ms": busy,
            "alerts": self.alerts,
        })
    }
}

/// The device draws its screen with the panel's layout (frame 0 of a scrolling strip).
fn draw(display: Display, device: &BoardDevice, now_ms: u64) -> Image {
    let mut image = Image::new(display.size());
    let Ok(()) = match display {
        Display::Epd2in13 => device.draw(&EPD2IN13, &mut image, now_ms, 0),
        Display::Oled128x64 => device.draw(&OLED128X64, &mut image, now_ms, 0),
        Display::Led32x8 => device.draw(&LED32X8, &mut image, now_ms, 0),
        Display::Microbit => device.draw(&MICROBIT, &mut image, now_ms, 0),
    };
    image
}
