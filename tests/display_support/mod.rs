//! Digests and records shared by the display tests. All text here was written for these tests
//! (the drone record is the seed's, also in the crate docs).
#![allow(dead_code)]

use alert_digest::display::{Facts, Layout};
use alert_digest::{
    Certainty, Digest, Kind, MAX_BUDGET, MsgType, Severity, Urgency, condense_to_fit, parse_record,
};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;

/// 2026-02-03T20:30:00Z: half an hour after the last seed event.
pub const NOW: i64 = 1_770_150_600;

pub type D = Digest<MAX_BUDGET>;

/// A digest with `text` as it is (not condensed), `minutes` old.
pub fn digest(text: &str, severity: Severity, minutes: i64, count: u16) -> D {
    D {
        id: alert_digest::id_hash(text),
        time: Some(NOW - minutes * 60),
        end: None,
        severity,
        urgency: Urgency::Unknown,
        certainty: Certainty::Unknown,
        kind: Kind::Other,
        msg: MsgType::Alert,
        refs: heapless::Vec::new(),
        count,
        text: heapless::String::try_from(text).expect("test text fits MAX_BUDGET"),
    }
}

/// Records written for the tests, in the order a store would rank them (severity, then
/// recency): the seed's five events, and a weather warning.
pub const RECORDS: &[&str] = &[
    r#"{"id":"nextfin-20260203-drone","time":"2026-02-03T12:00:00Z","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","relation":"near","place":"USS Abraham Lincoln","region":"Arabian Sea"}"#,
    r#"{"id":"w1","time":"2026-02-03T19:55:00Z","kind":"weather","severity":"moderate","headline":"Winter Storm Warning issued February 3 at 2:55PM EST until February 4 at 7:00PM EST by NWS Buffalo NY","text":"Heavy snow expected. Total snow accumulations of 8 to 14 inches."}"#,
    r#"{"id":"nextfin-20260203-israel","time":"2026-02-03T20:00:00Z","kind":"diplomacy","severity":"moderate","actor":"Israel","action":"presses","object":"U.S.","text":"Israel is increasing pressure on the U.S. to take more decisive military action against Iran."}"#,
    r#"{"id":"nextfin-20260203-talks","time":"2026-02-03T18:00:00Z","kind":"diplomacy","severity":"moderate","actor":"United States","action":"negotiating with","object":"Iran","headline":"Trump confirms U.S. is negotiating with Iran"}"#,
    r#"{"id":"nextfin-20260203-venue","time":"2026-02-03T19:00:00Z","kind":"diplomacy","severity":"minor","actor":"Iran","action":"proposes","object":"direct talks","place":"Oman","relation":"in"}"#,
    r#"{"id":"nextfin-20260203-witkoff","time":"2026-02-03T18:30:00Z","kind":"diplomacy","severity":"minor","actor":"Steve Witkoff","action":"to meet","object":"Iranian officials"}"#,
];

/// `RECORDS` condensed to fit `layout`.
pub fn condensed(layout: &impl Layout) -> Vec<D> {
    RECORDS
        .iter()
        .map(|json| condense_for(layout, json))
        .collect()
}

pub fn condense_for(layout: &impl Layout, json: &str) -> D {
    let mut scratch = [0u8; 1024];
    let record = parse_record(json.as_bytes(), &mut scratch).expect("test record parses");
    condense_to_fit(&record, &layout.text_area().with_max_bytes(MAX_BUDGET))
        .expect("test record condenses")
}

/// Minutes before `NOW` of each record in `RECORDS`.
const RECORD_AGES: [i64; 6] = [510, 35, 30, 150, 90, 120];
const RECORD_SEVERITIES: [Severity; 6] = [
    Severity::Severe,
    Severity::Moderate,
    Severity::Moderate,
    Severity::Moderate,
    Severity::Minor,
    Severity::Minor,
];

/// `RECORDS` as digests with the given texts: what condensing them for a layout gave when the
/// golden images were checked (2026-11-27). Fixed here so the goldens test the layouts, not
/// the condensing ladders, which go on improving; `tests/display_fit.rs` tests condensing for
/// a layout.
pub fn seeded(texts: &[&str]) -> Vec<D> {
    texts
        .iter()
        .zip(RECORD_SEVERITIES.iter().zip(RECORD_AGES))
        .map(|(text, (&severity, minutes))| digest(text, severity, minutes, 1))
        .collect()
}

/// For the e-ink list (34 glyphs x 2 lines).
pub const LIST_TEXTS: [&str; 6] = [
    "US fighter jet downed Iranian drone near USS Abraham Lincoln",
    "Winter Storm Warning issued Feb. 3 at 2:55PM EST until Feb. 4",
    "Israel presses U.S.",
    "United States negotiating with Iran",
    "Iran proposes direct talks in Oman",
    "Steve Witkoff to meet Iranian officials",
];

/// For the OLED card (21 glyphs x 5 lines); the card goldens show the first two.
pub const CARD_TEXTS: [&str; 6] = [
    "U.S. fighter jet downed Iranian drone near USS Abraham Lincoln, Arabian Sea",
    "Winter Storm Warning issued February 3 at 2:55PM EST until February 4 at 7:00PM EST by NWS Buffalo NY",
    "Israel presses U.S.",
    "United States negotiating with Iran",
    "Iran proposes direct talks in Oman",
    "Steve Witkoff to meet Iranian officials",
];

/// For the LED matrix (64 glyphs); its goldens show the first three.
pub const LED_TEXTS: [&str; 3] = [
    "US fighter jet downed Iranian drone near USS Abraham Lincoln",
    "Winter Storm Warning issued Feb. 3 at 2:55PM EST until Feb. 4",
    "Israel presses U.S.",
];

/// For the micro:bit (32 glyphs); its goldens show the first two.
pub const MICROBIT_TEXTS: [&str; 2] = [
    "Fighter jet downed Iranian drone",
    "Winter Storm Warning issued Feb.",
];

/// Digests with accents, other scripts and characters nothing here can show.
pub fn accented() -> Vec<D> {
    vec![
        digest(
            "Crue de l'Arve à Genève, Zürich en alerte",
            Severity::Severe,
            3,
            1,
        ),
        digest(
            "Łódź: burza, Kraków – ostrzeżenie",
            Severity::Moderate,
            45,
            1,
        ),
        digest("Київ: повітряна тривога", Severity::Extreme, 1, 1),
        digest("Fire 🔥 near 東京 station", Severity::Minor, 300, 1),
    ]
}

/// A text far longer than any layout's area (160 bytes, CAP's headline limit).
pub const LONG: &str = "Flash Flood Warning issued February 3 at 8:15PM EST until February 4 at 2:15AM EST by NWS Charleston WV for Kanawha, Putnam, Boone and Lincoln counties now";

/// Twelve digests: more than the list holds.
pub fn many() -> Vec<D> {
    let severities = [
        Severity::Extreme,
        Severity::Severe,
        Severity::Moderate,
        Severity::Minor,
    ];
    (0..12)
        .map(|i| {
            let text = format!("Alert number {} of a long burst", i + 1);
            digest(
                &text,
                severities[i % 4],
                i as i64 * 7,
                if i == 2 { 3 } else { 1 },
            )
        })
        .collect()
}

/// Renders one screen of `layout`.
pub fn render(layout: &impl Layout, digests: &[D], facts: &Facts) -> SimulatorDisplay<BinaryColor> {
    let mut display = SimulatorDisplay::new(layout.size());
    layout
        .draw(&mut display, digests, facts)
        .expect("drawing is infallible");
    display
}

pub fn facts() -> Facts {
    Facts {
        now: NOW,
        ..Facts::default()
    }
}

/// A draw target that records pixels drawn outside its bounds (a clipped glyph would).
pub struct Bounded {
    pub size: Size,
    pub outside: usize,
}

impl Bounded {
    pub fn new(size: Size) -> Self {
        Self { size, outside: 0 }
    }
}

impl OriginDimensions for Bounded {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for Bounded {
    type Color = BinaryColor;
    type Error = core::convert::Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<BinaryColor>>,
    {
        let area = self.bounding_box();
        for Pixel(point, color) in pixels {
            if color == BinaryColor::On && !area.contains(point) {
                self.outside += 1;
            }
        }
        Ok(())
    }
}
