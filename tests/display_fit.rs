//! Budgets in pixels: text condensed for a layout fills its area without overflowing, and no
//! layout draws outside its panel, whatever the text.

mod display_support;

use alert_digest::display::wrap::Wrap;
use alert_digest::display::{
    Charset, EPD2IN13, EinkList, Facts, LED32X8, Layout, MICROBIT, OLED128X64, OledCard,
};
use alert_digest::{Fit, MAX_BUDGET, Severity, condense_to_fit, parse_record};
use display_support::*;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;
use proptest::prelude::*;

#[test]
fn areas_are_the_panels_text_space() {
    // Checked by hand against the layouts: 34 glyphs of 6 px between the meter and the age
    // column, two lines an entry; 21 glyphs across the OLED and five lines under its header;
    // one line of 64 glyphs on the LED matrix, 32 on the micro:bit.
    let list = EPD2IN13.text_area();
    assert_eq!((list.cols(), list.lines, list.advance), (34, 2, 6));
    let card = OLED128X64.text_area();
    assert_eq!((card.cols(), card.lines, card.advance), (21, 5, 6));
    assert_eq!(LED32X8.text_area().cols(), 64);
    assert_eq!(MICROBIT.text_area().cols(), 32);
    assert_eq!(MICROBIT.text_area().charset, Charset::Ascii);
    assert_eq!(card.with_max_bytes(48).max_bytes(), 48);
}

#[test]
fn condensing_for_a_layout_fills_its_lines() {
    // Checked by hand: the e-ink entry holds two lines of 34 glyphs, so the drone record keeps
    // its actor; the OLED card's five lines of 21 keep the region too; the micro:bit's 32
    // glyphs hold the bare event.
    let drone = RECORDS[0];
    let list = condense_for(&EPD2IN13, drone);
    assert_eq!(
        list.text,
        "US fighter jet downed Iranian drone near USS Abraham Lincoln"
    );
    let card = condense_for(&OLED128X64, drone);
    assert_eq!(
        card.text,
        "U.S. fighter jet downed Iranian drone near USS Abraham Lincoln, Arabian Sea"
    );
    let microbit = condense_for(&MICROBIT, drone);
    assert_eq!(microbit.text, "Fighter jet downed Iranian drone");
    for layout_text in [list.text.as_str(), card.text.as_str()] {
        let lines: Vec<_> = Wrap::new(layout_text, 34, Charset::Latin1).collect();
        assert!(lines.iter().all(|l| !l.broken));
    }
}

#[test]
fn every_condensed_record_fits_its_layout() {
    let areas = [
        EPD2IN13.text_area(),
        OLED128X64.text_area(),
        LED32X8.text_area(),
        MICROBIT.text_area(),
    ];
    for area in areas {
        for json in RECORDS {
            let mut scratch = [0u8; 1024];
            let record = parse_record(json.as_bytes(), &mut scratch).expect("parses");
            let digest: D = condense_to_fit(&record, &area).expect("condenses");
            assert!(area.fits(&digest.text), "{area:?}: {:?}", digest.text);
            let lines = Wrap::new(&digest.text, area.cols(), area.charset).count();
            assert!(lines <= area.lines as usize);
        }
    }
}

#[test]
fn the_list_counts_what_it_cannot_show() {
    let many = many();
    let shown = EinkList::shown(&many, &facts());
    assert_eq!(
        shown, 6,
        "six one-line entries fit under the header, one of them two lines"
    );
    let all = &many[..3];
    assert_eq!(EinkList::shown(all, &facts()), 3);
    // The store holds more than the slice: the rest count too.
    let f = Facts {
        total: 100,
        ..facts()
    };
    assert_eq!(EinkList::shown(all, &f), 3);
}

/// Frame `f` of a strip is the window of its whole line at `f`, wrapping around.
fn assert_frames_are_windows(strip: &alert_digest::display::Strip, digests: &[D]) {
    let len = strip.strip_len(digests);
    let size = strip.size();
    let mut line = SimulatorDisplay::new(Size::new(len as u32, size.height));
    strip.draw_line(&mut line, digests).expect("infallible");
    let frames = strip.frames(digests);
    assert_eq!(frames as i32, len);
    for frame in (0..frames).step_by(7) {
        let screen = render(strip, digests, &Facts { frame, ..facts() });
        for p in screen.bounding_box().points() {
            let q = Point::new((p.x + frame as i32) % len, p.y);
            assert_eq!(
                screen.get_pixel(p),
                line.get_pixel(q),
                "frame {frame} at {p:?}"
            );
        }
    }
}

#[test]
fn strip_frames_slide_along_the_line() {
    assert_frames_are_windows(&LED32X8, &condensed(&LED32X8));
    assert_frames_are_windows(&MICROBIT, &condensed(&MICROBIT)[..2]);
    assert_frames_are_windows(&MICROBIT, &accented());
}

#[test]
fn long_card_text_pages_without_losing_a_word() {
    let long = [digest(LONG, Severity::Severe, 1, 1)];
    let pages = OledCard::pages(&long[0]);
    // Checked by hand: LONG wraps into 8 lines of 21; pages of 4 lines.
    assert_eq!(pages, 2);
    let lines: Vec<_> = Wrap::new(LONG, 21, Charset::Latin1)
        .map(|l| l.text)
        .collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines.join(" "), LONG);
}

fn text_strategy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[A-Za-z0-9.,:'-]{1,12}",
        "[a-zéèüößłąćžčř]{1,9}",
        "[А-Яа-яЁё]{1,8}",
        "[🔥東京\u{301}\u{200b}]{1,3}",
        "[A-Za-z]{20,40}",
    ];
    proptest::collection::vec(word, 0..30).prop_map(|words| {
        let mut text = String::new();
        for w in words {
            if text.len() + w.len() + 1 > MAX_BUDGET {
                break;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&w);
        }
        text
    })
}

fn severity_strategy() -> impl Strategy<Value = Severity> {
    prop::sample::select(Severity::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn still_layouts_never_draw_outside_the_panel(
        texts in proptest::collection::vec((text_strategy(), severity_strategy(), 0i64..200_000, 1u16..2000), 0..8),
        selected in 0usize..10,
        page in 0usize..4,
        unread in 0usize..100_000,
        total in 0usize..100_000,
    ) {
        let digests: Vec<D> = texts
            .iter()
            .map(|(t, s, age, count)| digest(t, *s, *age, *count))
            .collect();
        let facts = Facts { now: NOW, unread, total, selected, page, frame: 0 };
        let mut list = Bounded::new(EPD2IN13.size());
        EPD2IN13.draw(&mut list, &digests, &facts).unwrap();
        prop_assert_eq!(list.outside, 0);
        let mut card = Bounded::new(OLED128X64.size());
        OLED128X64.draw(&mut card, &digests, &facts).unwrap();
        prop_assert_eq!(card.outside, 0);
    }

    #[test]
    fn wrapping_keeps_every_word_and_the_width(text in text_strategy(), cols in 4usize..50) {
        let lines: Vec<_> = Wrap::new(&text, cols, Charset::Latin1).collect();
        let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.text.split_whitespace()).collect();
        let words: Vec<&str> = text.split_whitespace().collect();
        // Broken words come back in pieces; joined without the breaks they are the words.
        prop_assert_eq!(rejoined.concat(), words.concat());
        for line in &lines {
            prop_assert!(alert_digest::display::text::cell_count(line.text, Charset::Latin1) <= cols);
        }
    }

    #[test]
    fn text_that_fits_an_area_draws_whole(text in text_strategy()) {
        let area = OLED128X64.text_area();
        if area.fits(&text) {
            let lines: Vec<_> = Wrap::new(&text, area.cols(), area.charset).collect();
            prop_assert!(lines.len() <= area.lines as usize);
            prop_assert!(lines.iter().all(|l| !l.broken));
            prop_assert_eq!(OledCard::pages(&digest(&text, Severity::Minor, 0, 1)), 1);
        }
    }
}

#[test]
fn layouts_draw_straight_from_the_store() {
    use alert_digest::store::{Signature, Store};
    let mut store: Store<8, MAX_BUDGET> = Store::default();
    let first = digest(
        "Tornado warning for Oklahoma City",
        Severity::Extreme,
        20,
        1,
    );
    let mut repeat = first.clone();
    repeat.time = Some(NOW - 5 * 60);
    let minor = digest("Fog advisory near Tulsa", Severity::Minor, 10, 1);
    for d in [first, minor.clone(), repeat] {
        let signature = Signature::of_digest(&d);
        store.insert(d, signature);
    }
    let entries = store.iter().as_slice();
    assert_eq!(entries.len(), 2, "the repeat merged");
    // The same screen from plain digests: the merged one counts two reports and is as old as
    // its latest (5 minutes).
    let merged = digest("Tornado warning for Oklahoma City", Severity::Extreme, 5, 2);
    let plain = [merged, minor];
    for layout_facts in [
        facts(),
        Facts {
            selected: 1,
            ..facts()
        },
    ] {
        let from_store = {
            let mut display = SimulatorDisplay::new(EPD2IN13.size());
            EPD2IN13.draw(&mut display, entries, &layout_facts).unwrap();
            display
        };
        assert!(from_store == render(&EPD2IN13, &plain, &layout_facts));
        let mut card = SimulatorDisplay::new(OLED128X64.size());
        OLED128X64.draw(&mut card, entries, &layout_facts).unwrap();
        assert!(card == render(&OLED128X64, &plain, &layout_facts));
    }
}
