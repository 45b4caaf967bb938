//! The display layouts over the larger dev data in the workplace's shared/data (not in the
//! repository): every NWS alert and USGS event, condensed with each layout's text area as the
//! budget, fits the area (wrapped on word boundaries), and drawing it stays inside the panel.
//! Beside it, how often a byte budget of the same number of glyphs would overflow the area.
//! Run by scripts/check-display-data (which skips when the data is absent):
//! `cargo test -p alert-digest-host --test display_data -- --ignored --nocapture`.

mod common;

use alert_digest::display::wrap::Wrap;
use alert_digest::display::{EPD2IN13, Facts, LED32X8, Layout, MICROBIT, OLED128X64, TextArea};
use alert_digest::{ByteBudget, Digest, Fit, MAX_BUDGET, condense_to_fit, parse_record};
use common::{alert_digest, data_dir};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;

/// Counts lit pixels drawn outside the panel.
struct Bounded(Size, usize);

impl OriginDimensions for Bounded {
    fn size(&self) -> Size {
        self.0
    }
}

impl DrawTarget for Bounded {
    type Color = BinaryColor;
    type Error = core::convert::Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        p: I,
    ) -> Result<(), Self::Error> {
        let area = self.bounding_box();
        self.1 += p
            .into_iter()
            .filter(|Pixel(q, c)| *c == BinaryColor::On && !area.contains(*q))
            .count();
        Ok(())
    }
}

/// Draws a digest on a panel; returns the pixels drawn outside it.
type Draw = dyn Fn(&Digest<MAX_BUDGET>) -> usize;

fn cells(area: &TextArea, text: &str) -> usize {
    alert_digest::display::text::cell_count(text, area.charset)
}

#[test]
#[ignore = "needs shared/data; run by scripts/check-display-data"]
fn every_dev_record_fits_every_layout() {
    let dir = data_dir();
    assert!(dir.is_dir(), "no dev data at {}", dir.display());
    let feeds = [
        ("NWS alerts", "nws", dir.join("nws-alerts/alerts.jsonl")),
        (
            "USGS quakes",
            "usgs",
            dir.join("usgs-quakes/all_week_2023-04-07.geojson"),
        ),
    ];
    println!(
        "| input | layout (area) | digests | fit the area | mean fill | drawn outside | byte budget of the same glyphs: overflows |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (name, feed, path) in feeds {
        let ingest = alert_digest(
            &["ingest", "--from", feed, path.to_str().expect("utf-8")],
            b"",
        );
        let text = String::from_utf8(ingest.stdout).expect("utf-8 records");
        let records: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        let layouts: [(&str, TextArea, Option<&Draw>); 4] = [
            (
                "epd2in13 list entry",
                EPD2IN13.text_area(),
                Some(&|d| outside(&EPD2IN13, d)),
            ),
            (
                "oled128x64 card",
                OLED128X64.text_area(),
                Some(&|d| outside(&OLED128X64, d)),
            ),
            ("led32x8 line", LED32X8.text_area(), None),
            ("microbit line", MICROBIT.text_area(), None),
        ];
        for (layout, area, draw) in layouts {
            let capacity = area.cols() * area.lines as usize;
            let (mut digests, mut fit, mut fill, mut out, mut byte_over) = (0, 0, 0.0, 0, 0);
            for line in &records {
                let mut scratch = vec![0u8; alert_digest::MAX_RECORD_BYTES];
                let Ok(record) = parse_record(line.as_bytes(), &mut scratch) else {
                    continue;
                };
                let Ok(digest) = condense_to_fit::<MAX_BUDGET>(&record, &area) else {
                    continue;
                };
                digests += 1;
                fit += usize::from(area.fits(&digest.text));
                fill += cells(&area, &digest.text) as f64 / capacity as f64;
                out += draw.map_or(0, |f| f(&digest));
                // The same record at a byte budget of the area's glyph count.
                let bytes = capacity.clamp(alert_digest::MIN_BUDGET, MAX_BUDGET);
                if let Ok(d) = condense_to_fit::<MAX_BUDGET>(&record, &ByteBudget(bytes)) {
                    let lines = Wrap::new(&d.text, area.cols(), area.charset).collect::<Vec<_>>();
                    byte_over += usize::from(
                        lines.len() > area.lines as usize || lines.iter().any(|l| l.broken),
                    );
                }
            }
            println!(
                "| {name} | {layout} ({}x{}) | {digests} | {fit} | {:.0}% | {out} px | {byte_over} |",
                area.cols(),
                area.lines,
                100.0 * fill / digests.max(1) as f64
            );
            assert_eq!(
                fit, digests,
                "{name}, {layout}: a digest overflows its area"
            );
            assert_eq!(out, 0, "{name}, {layout}: drawn outside the panel");
            assert!(
                digests * 100 >= records.len() * 99,
                "{name}, {layout}: too few digests"
            );
        }
    }
}

fn outside(layout: &impl Layout, digest: &Digest<MAX_BUDGET>) -> usize {
    let mut target = Bounded(layout.size(), 0);
    let facts = Facts {
        now: digest.time.unwrap_or(0) + 3600,
        unread: 1,
        total: 1,
        ..Facts::default()
    };
    let Ok(()) = layout.draw(&mut target, std::slice::from_ref(digest), &facts);
    target.1
}
