//! The board's application: frames in through the real board session, the store, what to draw,
//! acknowledgements out; and the facts it keeps (time, unread, the card's alert, preemption).

mod link_support;

use alert_digest::device::{CRITICAL, Device, READ_AFTER_MS, ROTATE_MS};
#[cfg(feature = "records")]
use alert_digest::link::RecordJson;
use alert_digest::link::session::DEFAULT_WINDOW;
use alert_digest::link::{
    BoardConfig, DisplayInfo, Event, Message, QuietHours, Sync, Update, Verdict, WireDigest,
    display_kind,
};
use alert_digest::{ByteBudget, Certainty, Digest, Kind, MsgType, Severity, Urgency, id_hash};
use link_support::{Uart, decode_all, wire};

type TestDevice = Device<ByteBudget, 8, 48>;

const BOOT: u32 = 0xB007;
const DRONE: &[u8] = br#"{"id":"nextfin-20260203-drone","time":"2026-02-03T12:00:00Z","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","place":"USS Abraham Lincoln","relation":"near","region":"Arabian Sea"}"#;
/// 2026-02-03T12:00:00Z.
const NOON: i64 = 1_770_120_000;

fn device() -> TestDevice {
    let config = BoardConfig {
        display: DisplayInfo {
            kind: display_kind::OLED,
            width: 128,
            height: 64,
            budget: 40,
        },
        max_record: 1024,
        window: DEFAULT_WINDOW,
    };
    Device::new(config, BOOT, None, ByteBudget(40))
}

fn digest(id: &str, text: &str, severity: Severity, time: i64) -> WireDigest {
    Digest {
        id: id_hash(id),
        time: Some(time),
        end: None,
        severity,
        urgency: Urgency::Unknown,
        certainty: Certainty::Unknown,
        kind: Kind::Other,
        msg: MsgType::Alert,
        refs: heapless::Vec::new(),
        count: 1,
        text: heapless::String::try_from(text).unwrap(),
    }
}

fn texts(device: &TestDevice) -> Vec<&str> {
    device
        .alerts()
        .iter()
        .map(|e| e.digest.text.as_str())
        .collect()
}

#[cfg(feature = "records")]
#[test]
fn a_record_over_the_link_is_condensed_stored_and_acknowledged() {
    let mut device = device();
    let mut uart = Uart::default();
    device.poll(&mut uart, 0).unwrap();
    assert!(matches!(decode_all(&uart.tx).as_slice(), [Message::Hello(h)] if h.boot == BOOT));
    uart.tx.clear();

    uart.rx.extend(wire(
        7,
        &Message::Sync(Sync {
            stream: 1,
            boot: BOOT,
        }),
    ));
    uart.rx.extend(wire(7, &Message::Record(RecordJson(DRONE))));
    uart.rx.extend(wire(
        8,
        &Message::Record(RecordJson(b"{\"id\":\"bad\",\"severity\":9}")),
    ));
    device.poll(&mut uart, 10).unwrap();

    assert_eq!(texts(&device), ["Drone downed near USS Abraham Lincoln"]);
    assert_eq!(device.stats().records_rejected, 1);
    let said = decode_all(&uart.tx);
    assert!(
        said.iter().any(|m| matches!(
            m,
            Message::Ack(alert_digest::link::Ack {
                seq: 8,
                held: 0,
                ..
            })
        )),
        "both frames are acknowledged: {said:?}"
    );
    assert!(
        said.iter()
            .any(|m| matches!(m, Message::Nak(n) if n.seq == 8)),
        "the bad record is refused by name: {said:?}"
    );
    assert_eq!(device.link_stats().delivered, 2);
    assert!(device.needs_draw());
}

#[cfg(not(feature = "records"))]
#[test]
fn without_the_records_feature_a_board_offers_no_record_room_and_refuses_records() {
    let mut device = device();
    let mut uart = Uart::default();
    device.poll(&mut uart, 0).unwrap();
    assert!(matches!(decode_all(&uart.tx).as_slice(), [Message::Hello(h)] if h.max_record == 0));
    assert_eq!(device.apply(Event::Record(DRONE), 1), Verdict::Unsupported);
    assert!(device.alerts().is_empty());
}

/// Without the free-text rules (a board's smaller build) a text-only record is cut at the last
/// word boundary within the budget (40 bytes; cut by hand: "valleys" ends at byte 39, "tonight,"
/// would end at 48), while a structured record condenses as it does with them.
#[cfg(all(feature = "records", not(feature = "freetext")))]
#[test]
fn without_the_freetext_feature_a_text_record_is_cut_at_a_word_boundary() {
    const TEXT: &[u8] = br#"{"id":"rain-1","time":"2026-02-03T12:00:00Z","severity":"moderate","text":"Heavy rain expected in northern valleys tonight, flooding likely near rivers."}"#;
    let mut device = device();
    assert_eq!(device.apply(Event::Record(TEXT), 0), Verdict::Accepted);
    assert_eq!(device.apply(Event::Record(DRONE), 1), Verdict::Accepted);
    assert_eq!(
        texts(&device),
        [
            "Drone downed near USS Abraham Lincoln",
            "Heavy rain expected in northern valleys"
        ]
    );
}

#[test]
fn digests_rank_by_severity_and_a_critical_one_takes_the_screen() {
    let mut device = device();
    let minor = digest("a", "Minor thing", Severity::Minor, NOON);
    let moderate = digest("b", "Moderate thing", Severity::Moderate, NOON + 1);
    assert_eq!(device.apply(Event::Digest(&minor), 0), Verdict::Accepted);
    assert_eq!(device.apply(Event::Digest(&moderate), 1), Verdict::Accepted);
    assert_eq!(texts(&device), ["Moderate thing", "Minor thing"]);
    assert!(!device.drawn(1), "nothing critical yet");

    // The card has moved on to the second alert when a critical one arrives.
    device.tick(ROTATE_MS + 1);
    assert_eq!(device.selected(), 1);
    let severe = digest("c", "Tornado Warning", CRITICAL, NOON + 2);
    device.apply(Event::Digest(&severe), ROTATE_MS + 2);
    assert_eq!(texts(&device)[0], "Tornado Warning");
    assert_eq!(device.selected(), 0, "the critical alert is shown at once");
    assert!(device.needs_draw());
    assert!(
        device.drawn(ROTATE_MS + 3),
        "and the panel is told it is urgent"
    );
    assert!(!device.drawn(ROTATE_MS + 4), "once");
    assert_eq!(device.stats().preemptions, 1);
    // It keeps the screen for a whole turn before the card rotates on.
    device.tick(2 * ROTATE_MS);
    assert_eq!(device.selected(), 0);
    device.tick(2 * ROTATE_MS + 3);
    assert_eq!(device.selected(), 1);
}

#[test]
fn update_cancel_and_clear_act_on_what_is_stored() {
    let mut device = device();
    let first = digest("w1", "Flood Watch, Tulsa", Severity::Moderate, NOON);
    device.apply(Event::Digest(&first), 0);
    let revised = digest("w2", "Flood Warning, Tulsa", Severity::Moderate, NOON + 60);
    device.apply(
        Event::Update {
            id: id_hash("w1"),
            digest: &revised,
        },
        1,
    );
    assert_eq!(texts(&device), ["Flood Warning, Tulsa"]);
    assert_eq!(device.store().counters().updated, 1);

    let other = digest("x", "Other", Severity::Minor, NOON);
    device.apply(Event::Digest(&other), 2);
    device.apply(Event::Cancel { id: id_hash("w2") }, 3);
    assert_eq!(texts(&device), ["Other"]);
    device.apply(Event::Clear, 4);
    assert!(device.alerts().is_empty());
    assert_eq!(device.unread(), 0);
}

#[test]
fn the_update_message_survives_its_postcard_round_trip() {
    // An Update frame through the session reaches the store as an update of the id it names.
    let mut device = device();
    let mut uart = Uart::default();
    let first = digest("w1", "Flood Watch", Severity::Minor, NOON);
    let revised = digest("w1b", "Flood Warning", Severity::Moderate, NOON + 5);
    uart.rx.extend(wire(
        0,
        &Message::Sync(Sync {
            stream: 2,
            boot: BOOT,
        }),
    ));
    uart.rx.extend(wire(0, &Message::Digest(first)));
    uart.rx.extend(wire(
        1,
        &Message::Update(Update {
            id: id_hash("w1"),
            digest: revised,
        }),
    ));
    device.poll(&mut uart, 0).unwrap();
    assert_eq!(texts(&device), ["Flood Warning"]);
}

#[test]
fn a_digest_longer_than_the_board_holds_is_refused() {
    let mut device = device();
    let long = digest("l", &"word ".repeat(12), Severity::Minor, NOON);
    assert_eq!(device.apply(Event::Digest(&long), 0), Verdict::Rejected);
    assert_eq!(device.stats().digests_rejected, 1);
    assert!(device.alerts().is_empty());
}

#[test]
fn time_comes_from_the_host_and_ended_alerts_go() {
    let mut device = device();
    assert_eq!(device.now(0), None);
    device.apply(Event::TimeSync { unix: NOON }, 1_000);
    assert_eq!(device.now(61_000), Some(NOON + 60));
    let mut brief = digest("b", "Brief", Severity::Minor, NOON);
    brief.end = Some(NOON + 120);
    device.apply(Event::Digest(&brief), 1_000);
    device.tick(100_000);
    assert_eq!(texts(&device), ["Brief"]);
    device.tick(121_000);
    assert!(device.alerts().is_empty(), "retired at its end");
    assert_eq!(device.store().counters().expired, 1);
}

#[test]
fn new_alerts_are_counted_until_read_and_ages_redraw_the_screen() {
    let mut device = device();
    device.apply(Event::TimeSync { unix: NOON }, 0);
    for (i, id) in ["a", "b", "c"].iter().enumerate() {
        let d = digest(id, id, Severity::Minor, NOON);
        device.apply(Event::Digest(&d), i as u64);
    }
    assert_eq!(device.unread(), 3);
    device.drawn(10);
    device.tick(READ_AFTER_MS - 1);
    assert_eq!(device.unread(), 3);
    device.tick(READ_AFTER_MS + 2);
    assert_eq!(device.unread(), 0, "seen after a quiet minute");
    assert!(device.needs_draw());

    let mut quiet = Device::<ByteBudget, 8, 48>::new(
        BoardConfig {
            display: DisplayInfo::default(),
            max_record: 1024,
            window: DEFAULT_WINDOW,
        },
        1,
        None,
        ByteBudget(40),
    );
    quiet.apply(Event::TimeSync { unix: NOON }, 0);
    quiet.drawn(0);
    quiet.tick(59_000);
    assert!(!quiet.needs_draw(), "nothing changes within the minute");
    quiet.tick(60_000);
    assert!(quiet.needs_draw(), "ages move on the minute");
    quiet.mark_read();
}

#[cfg(feature = "graphics")]
#[test]
fn the_device_draws_what_the_layout_draws_for_its_alerts_and_facts() {
    use alert_digest::display::{Layout, OLED128X64};
    use embedded_graphics::pixelcolor::BinaryColor;
    use embedded_graphics::prelude::*;

    /// The OLED's pixels, lit or not.
    struct Canvas(Vec<bool>);
    impl OriginDimensions for Canvas {
        fn size(&self) -> Size {
            Size::new(128, 64)
        }
    }
    impl DrawTarget for Canvas {
        type Color = BinaryColor;
        type Error = core::convert::Infallible;
        fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
            &mut self,
            pixels: I,
        ) -> Result<(), Self::Error> {
            for Pixel(p, c) in pixels {
                if let Some(px) = self.0.get_mut((p.y * 128 + p.x) as usize) {
                    *px = c.is_on();
                }
            }
            Ok(())
        }
    }

    let mut device = device();
    device.apply(Event::TimeSync { unix: NOON + 720 }, 0);
    let d = digest(
        "d",
        "Drone downed near USS Abraham Lincoln",
        Severity::Severe,
        NOON,
    );
    device.apply(Event::Digest(&d), 0);
    let mut drawn = Canvas(vec![false; 128 * 64]);
    device.draw(&OLED128X64, &mut drawn, 0, 0).unwrap();
    let facts = device.facts(0, 0);
    assert_eq!((facts.now, facts.total, facts.unread), (NOON + 720, 1, 1));
    let mut expected = Canvas(vec![false; 128 * 64]);
    OLED128X64
        .draw(&mut expected, device.alerts(), &facts)
        .unwrap();
    assert!(drawn.0 == expected.0);
    assert!(
        drawn.0.iter().filter(|&&p| p).count() > 100,
        "something is drawn"
    );
}

/// Quiet hours 22:00 to 07:00 local time at UTC+01:00, that is 21:00 to 06:00 UTC.
const NIGHT: QuietHours = QuietHours {
    start: 22 * 60,
    end: 7 * 60,
    utc_offset: 60,
};
const HOUR: i64 = 3600;

#[test]
fn quiet_hours_are_local_time_and_span_midnight() {
    // Worked out by hand: NOON is 12:00 UTC, 13:00 at UTC+01:00.
    assert!(!NIGHT.contains(NOON), "13:00 local");
    assert!(!NIGHT.contains(NOON + 9 * HOUR - 1), "21:59:59 local");
    assert!(NIGHT.contains(NOON + 9 * HOUR), "22:00 local");
    assert!(
        NIGHT.contains(NOON + 12 * HOUR),
        "01:00 local, the next day"
    );
    assert!(NIGHT.contains(NOON + 18 * HOUR - 1), "06:59:59 local");
    assert!(
        !NIGHT.contains(NOON + 18 * HOUR),
        "07:00 local: the end is not quiet"
    );
    let off = QuietHours {
        end: NIGHT.start,
        ..NIGHT
    };
    assert!(
        !(0..24).any(|h| off.contains(NOON + h * HOUR)),
        "start == end: never quiet"
    );
    let day = QuietHours {
        start: 9 * 60,
        end: 17 * 60,
        utc_offset: -5 * 60,
    };
    assert!(!day.contains(NOON), "12:00 UTC is 07:00 at UTC-05:00");
    assert!(day.contains(NOON + 3 * HOUR), "10:00 at UTC-05:00");
}

#[test]
fn in_quiet_hours_only_a_critical_alert_is_drawn_and_the_rest_wait_for_their_end() {
    let mut device = device();
    let night = NOON + 12 * HOUR; // 01:00 local
    device.apply(Event::TimeSync { unix: night }, 0);
    assert_eq!(device.apply(Event::Quiet(NIGHT), 0), Verdict::Accepted);
    assert!(device.is_quiet());
    device.drawn(0);

    for (i, id) in ["a", "b"].iter().enumerate() {
        let minor = digest(id, id, Severity::Minor, night);
        device.apply(Event::Digest(&minor), 1_000 + i as u64);
    }
    device.tick(2_000);
    assert!(!device.needs_draw(), "minor alerts wait");
    let shown = device.selected();
    device.tick(3 * READ_AFTER_MS + ROTATE_MS);
    assert!(!device.needs_draw(), "no redraw for ages or rotation");
    assert_eq!(device.selected(), shown, "the card does not rotate");
    assert_eq!(device.unread(), 2, "what was not shown is not read");

    let at = 4 * READ_AFTER_MS;
    let tornado = digest("t", "Tornado Warning", CRITICAL, night);
    device.apply(Event::Digest(&tornado), at);
    assert!(device.needs_draw(), "a critical alert breaks through");
    assert_eq!(
        device.alerts()[device.selected()].digest.text.as_str(),
        "Tornado Warning"
    );
    assert!(
        device.drawn(at),
        "and an e-ink panel refreshes for it at once"
    );

    let late = digest("c", "c", Severity::Minor, night);
    device.apply(Event::Digest(&late), at + 1);
    let to_end = 6 * HOUR as u64 * 1000; // 01:00 to 07:00 local
    device.tick(to_end - 1000);
    assert!(device.is_quiet());
    assert!(!device.needs_draw());
    device.tick(to_end);
    assert!(!device.is_quiet());
    assert!(
        device.needs_draw(),
        "what waited is drawn when the quiet ends"
    );
    assert_eq!(device.unread(), 4);
    device.tick(to_end + READ_AFTER_MS);
    assert_eq!(device.unread(), 0, "read a minute after it was shown");
}

#[test]
fn quiet_hours_out_of_range_are_refused_and_change_nothing() {
    let mut device = device();
    device.apply(Event::TimeSync { unix: NOON }, 0);
    for bad in [
        QuietHours {
            start: 24 * 60,
            ..NIGHT
        },
        QuietHours {
            end: 24 * 60,
            ..NIGHT
        },
        QuietHours {
            utc_offset: 15 * 60,
            ..NIGHT
        },
        QuietHours {
            utc_offset: -13 * 60,
            ..NIGHT
        },
    ] {
        assert_eq!(device.apply(Event::Quiet(bad), 0), Verdict::Rejected);
    }
    let all_day = QuietHours {
        start: 0,
        end: 24 * 60 - 1,
        utc_offset: 0,
    };
    assert_eq!(device.apply(Event::Quiet(all_day), 0), Verdict::Accepted);
    assert!(device.is_quiet());
    let off = QuietHours::default();
    assert_eq!(device.apply(Event::Quiet(off), 0), Verdict::Accepted);
    assert!(!device.is_quiet(), "start == end turns them off");
    assert!(device.needs_draw());
}
