//! Golden images: every layout rendered and compared pixel by pixel with a PNG in
//! tests/golden/ (white is ink). How they were checked and how to regenerate them:
//! tests/golden/README.md.

mod display_support;

use std::path::PathBuf;

use alert_digest::Severity;
use alert_digest::display::sheet::{draw_sheet, sheet_size};
use alert_digest::display::{
    EPD2IN13, Facts, LED32X8, Layout, MICROBIT, OLED128X64, OledCard, Strip,
};
use display_support::*;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::{OutputSettingsBuilder, SimulatorDisplay};

/// Set to 1 to write the goldens from the code (then look at every one before committing).
const BLESS: &str = "ALERT_DIGEST_BLESS";

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check(name: &str, actual: &SimulatorDisplay<BinaryColor>) {
    let path = golden_dir().join(format!("{name}.png"));
    let one_to_one = OutputSettingsBuilder::new().scale(1).build();
    if std::env::var(BLESS).as_deref() == Ok("1") {
        actual
            .to_rgb_output_image(&one_to_one)
            .save_png(&path)
            .expect("write golden");
        // A magnified copy to look at.
        let review = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("golden-review");
        std::fs::create_dir_all(&review).expect("review dir");
        let big = OutputSettingsBuilder::new()
            .scale(4)
            .pixel_spacing(1)
            .build();
        folded(actual)
            .to_rgb_output_image(&big)
            .save_png(review.join(format!("{name}.png")))
            .expect("write review copy");
        return;
    }
    let expected = SimulatorDisplay::<BinaryColor>::load_png(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; regenerate deliberately with {BLESS}=1",
            path.display()
        )
    });
    if expected != *actual {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("golden-actual");
        std::fs::create_dir_all(&out).expect("actual dir");
        let actual_path = out.join(format!("{name}.png"));
        actual
            .to_rgb_output_image(&one_to_one)
            .save_png(&actual_path)
            .expect("write actual");
        let differing = if expected.size() == actual.size() {
            let count = expected.diff(actual).map_or(0, |d| {
                d.bounding_box()
                    .points()
                    .filter(|&p| d.get_pixel(p) == BinaryColor::On)
                    .count()
            });
            format!("{count} pixels differ")
        } else {
            format!("size {:?} differs", actual.size())
        };
        panic!(
            "{name}: {differing} from {}; the render is in {}",
            path.display(),
            actual_path.display()
        );
    }
}

/// A long strip cut into bands stacked one under another (for looking at, not comparing).
fn folded(image: &SimulatorDisplay<BinaryColor>) -> SimulatorDisplay<BinaryColor> {
    const BAND: u32 = 120;
    let size = image.size();
    if size.width <= 2 * BAND || size.height > 16 {
        return image.clone();
    }
    let bands = size.width.div_ceil(BAND);
    let mut out = SimulatorDisplay::new(Size::new(BAND, bands * (size.height + 2)));
    for p in image.bounding_box().points() {
        let band = p.x as u32 / BAND;
        let q = Point::new(p.x % BAND as i32, p.y + (band * (size.height + 2)) as i32);
        Pixel(q, image.get_pixel(p))
            .draw(&mut out)
            .expect("infallible");
    }
    out
}

fn screen(name: &str, layout: &impl Layout, digests: &[D], facts: &Facts) {
    check(name, &render(layout, digests, facts));
}

/// Every `step`-th frame of a strip's pass, `columns` a row.
fn sheet(name: &str, layout: &impl Layout, digests: &[D], step: u32, columns: u32) {
    let frames: Vec<u32> = (0..layout.frames(digests)).step_by(step as usize).collect();
    let size = sheet_size(layout, frames.len() as u32, columns);
    let mut display = SimulatorDisplay::new(size);
    draw_sheet(layout, &mut display, digests, &facts(), frames, columns).expect("infallible");
    check(name, &display);
}

/// The whole line a strip scrolls, once.
fn line(name: &str, strip: &Strip, digests: &[D]) {
    let size = Size::new(strip.strip_len(digests) as u32, strip.size().height);
    let mut display = SimulatorDisplay::new(size);
    strip.draw_line(&mut display, digests).expect("infallible");
    check(name, &display);
}

#[test]
fn eink_list() {
    let digests = seeded(&LIST_TEXTS);
    let mut with_count = digests.clone();
    with_count[1].count = 3;
    let f = Facts {
        unread: 2,
        ..facts()
    };
    screen("epd2in13-seed", &EPD2IN13, &with_count, &f);
    screen("epd2in13-empty", &EPD2IN13, &[], &facts());
    screen(
        "epd2in13-full",
        &EPD2IN13,
        &many(),
        &Facts {
            unread: 12,
            ..facts()
        },
    );
    screen("epd2in13-accents", &EPD2IN13, &accented(), &facts());
    let long = [digest(LONG, Severity::Severe, 2, 1)];
    screen("epd2in13-long", &EPD2IN13, &long, &facts());
}

#[test]
fn oled_card() {
    let digests = seeded(&CARD_TEXTS);
    screen(
        "oled128x64-drone",
        &OLED128X64,
        &digests,
        &Facts {
            total: 6,
            ..facts()
        },
    );
    let weather = Facts {
        selected: 1,
        ..facts()
    };
    screen("oled128x64-weather", &OLED128X64, &digests, &weather);
    screen("oled128x64-empty", &OLED128X64, &[], &facts());
    let accents = accented();
    screen("oled128x64-accents", &OLED128X64, &accents, &facts());
    let cyrillic = Facts {
        selected: 2,
        ..facts()
    };
    screen("oled128x64-cyrillic", &OLED128X64, &accents, &cyrillic);
    let long = [digest(LONG, Severity::Extreme, 90, 4)];
    assert_eq!(OledCard::pages(&long[0]), 2);
    screen("oled128x64-long-p1", &OLED128X64, &long, &facts());
    let page2 = Facts { page: 1, ..facts() };
    screen("oled128x64-long-p2", &OLED128X64, &long, &page2);
    // A full store: position 12/12 of many, merged count in the header.
    let many = many();
    let last = Facts {
        selected: 11,
        total: 40,
        ..facts()
    };
    screen("oled128x64-full", &OLED128X64, &many, &last);
}

#[test]
fn led_marquee() {
    let digests = seeded(&LED_TEXTS);
    line("led32x8-line", &LED32X8, &digests[..3]);
    sheet("led32x8-drone", &LED32X8, &digests[..1], 10, 6);
    sheet("led32x8-accents", &LED32X8, &accented()[..2], 10, 6);
    screen("led32x8-empty", &LED32X8, &[], &facts());
    let short = [digest("Fog", Severity::Minor, 5, 1)];
    assert_eq!(LED32X8.frames(&short), 1, "a short digest stands still");
    screen("led32x8-still", &LED32X8, &short, &facts());
}

#[test]
fn microbit_scroller() {
    let digests = seeded(&MICROBIT_TEXTS);
    line("microbit-line", &MICROBIT, &digests[..2]);
    line("microbit-line-accents", &MICROBIT, &accented());
    sheet("microbit-drone", &MICROBIT, &digests[..1], 3, 16);
    sheet("microbit-accents", &MICROBIT, &accented()[..1], 3, 16);
    screen("microbit-empty", &MICROBIT, &[], &facts());
}
