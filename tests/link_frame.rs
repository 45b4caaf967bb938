//! The frame layer and the board session against hand-checked bytes and arbitrary input.

mod link_support;

use alert_digest::link::frame::{Fault, MAX_WIRE_FRAME, RxStats};
use alert_digest::link::session::{BOARD_FRAME_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{
    Ack, BoardConfig, BoardSession, DisplayInfo, Event, Message, QuietHours, Received, Receiver,
    RecordJson, SCHEMA, SCHEMA_HASH, Sync, Verdict, WireDigest, display_kind, encode,
    frame_capacity,
};
use alert_digest::link::{PROTOCOL_VERSION, fec};
use alert_digest::{Certainty, Kind, MsgType, Severity, Urgency};
use link_support::{Uart, decode_all, wire};
use proptest::prelude::*;

#[test]
fn frames_match_hand_checked_bytes() {
    // Worked out independently by tests/link_support/reference_frames.py (a bitwise CRC-32C,
    // COBS and a Reed-Solomon encoder written from PROTOCOL.md, its CRC checked against the
    // check value 0xE3069283 for "123456789").
    // Clear, seq 0x0102: version 02, seq 02 01, type 06, CRC d4456c8d; COBS code 09; then
    // COBS(parity 22 76 97 c0 48 35).
    assert_eq!(
        wire(0x0102, &Message::Clear),
        [
            0x09, 0x02, 0x02, 0x01, 0x06, 0xd4, 0x45, 0x6c, 0x8d, 0x07, 0x22, 0x76, 0x97, 0xc0,
            0x48, 0x35, 0x00
        ]
    );
    // Ack{seq 772, credits 4, held 0}, seq 0: the zero bytes exercise COBS; 772 is varint
    // 84 06; CRC 0af3ac1d; parity a4 06 8b a1 5d 10.
    assert_eq!(
        wire(
            0,
            &Message::Ack(Ack {
                seq: 772,
                credits: 4,
                held: 0
            })
        ),
        [
            0x02, 0x02, 0x01, 0x05, 0x0a, 0x84, 0x06, 0x04, 0x05, 0x0a, 0xf3, 0xac, 0x1d, 0x07,
            0xa4, 0x06, 0x8b, 0xa1, 0x5d, 0x10, 0x00
        ]
    );
    // Quiet{22:00 to 07:00 at UTC+01:00}, seq 3: 1320 is varint a8 0a, 420 a4 03, +60 zigzag
    // 78; CRC 28bd969d; parity 6e 52 65 87 9d a5.
    assert_eq!(
        wire(
            3,
            &Message::Quiet(QuietHours {
                start: 22 * 60,
                end: 7 * 60,
                utc_offset: 60
            })
        ),
        [
            0x03, 0x02, 0x03, 0x0b, 0x0c, 0xa8, 0x0a, 0xa4, 0x03, 0x78, 0x28, 0xbd, 0x96, 0x9d,
            0x07, 0x6e, 0x52, 0x65, 0x87, 0x9d, 0xa5, 0x00
        ]
    );
}

#[test]
fn a_digest_frame_matches_hand_checked_bytes() {
    // The Digest layout is part of the wire format (and of SCHEMA): worked out by hand from
    // postcard's rules in Python (LEB128 varints, zigzag for i64, Option as 00/01, enums as
    // their index, strings as length and bytes), then CRC-32C, COBS and parity as above.
    let d = WireDigest {
        id: 0x0102_0304,
        time: Some(1_780_000_000),
        end: None,
        severity: Severity::Severe,
        urgency: Urgency::Immediate,
        certainty: Certainty::Observed,
        kind: Kind::Quake,
        msg: MsgType::Alert,
        refs: heapless::Vec::new(),
        count: 1,
        text: heapless::String::try_from("M5.9 quake").unwrap(),
    };
    assert_eq!(
        wire(0x1234, &Message::Digest(d)),
        [
            0x0f, 0x02, 0x34, 0x12, 0x02, 0x84, 0x86, 0x88, 0x08, 0x01, 0x80, 0x94, 0xc5, 0xa1,
            0x0d, 0x05, 0x03, 0x04, 0x04, 0x06, 0x01, 0x11, 0x01, 0x0a, 0x4d, 0x35, 0x2e, 0x39,
            0x20, 0x71, 0x75, 0x61, 0x6b, 0x65, 0xb5, 0x78, 0x3c, 0x65, 0x07, 0xc5, 0xa2, 0xfb,
            0x5a, 0x78, 0xc2, 0x00
        ]
    );
}

#[test]
fn the_schema_hash_is_the_crc_of_the_schema_text() {
    let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
    assert_eq!(SCHEMA_HASH, crc.checksum(SCHEMA.as_bytes()));
}

fn digest(text_len: usize, refs: usize) -> WireDigest {
    WireDigest {
        id: u32::MAX,
        time: Some(i64::MIN),
        end: Some(i64::MAX),
        severity: Severity::Extreme,
        urgency: Urgency::Immediate,
        certainty: Certainty::Observed,
        kind: Kind::Other,
        msg: MsgType::Cancel,
        refs: (0..refs).map(|_| u32::MAX).collect(),
        count: u16::MAX,
        text: core::iter::repeat_n('x', text_len).collect(),
    }
}

#[test]
fn the_largest_messages_fit_the_buffers_sized_for_them() {
    let update = Message::Update(alert_digest::link::Update {
        id: u32::MAX,
        digest: digest(160, 8),
    });
    assert!(wire(u16::MAX, &update).len() <= BOARD_FRAME_BYTES);
    assert!(wire(u16::MAX, &update).len() <= frame_capacity(0));
    let record = vec![b'x'; 1024];
    assert!(wire(u16::MAX, &Message::Record(RecordJson(&record))).len() <= BOARD_FRAME_BYTES);
    let record = vec![b'x'; alert_digest::link::MAX_WIRE_RECORD_BYTES];
    assert!(wire(u16::MAX, &Message::Record(RecordJson(&record))).len() <= MAX_WIRE_FRAME);
    let too_long = vec![b'x'; alert_digest::link::MAX_WIRE_RECORD_BYTES + 1];
    let mut buf = vec![0u8; MAX_WIRE_FRAME * 2];
    assert!(encode(0, &Message::Record(RecordJson(&too_long)), &mut buf).is_err());
}

#[test]
fn each_fault_has_its_counter() {
    let mut rx: Receiver<64> = Receiver::new();
    let mut feed = |bytes: &[u8]| -> Vec<Fault> {
        let mut rest = bytes;
        let mut faults = Vec::new();
        while !rest.is_empty() {
            let (used, got) = rx.feed(rest);
            rest = &rest[used..];
            if let Some(Received::Fault(f)) = got {
                faults.push(f);
            }
        }
        faults
    };
    assert_eq!(feed(&[0x05, 0x01, 0x00]), [Fault::Cobs]); // code byte points past the end
    assert_eq!(feed(&[0x03, 0x01, 0x02, 0x00]), [Fault::Runt]);
    assert_eq!(feed(&[0x7f; 100]), []);
    assert_eq!(feed(&[0x00]), [Fault::Oversize]);
    // Wrong CRC, or right CRC and wrong version / type / body: built by hand, with valid
    // error-correction parity so that only the check named fails.
    let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
    let framed_with = |raw: &[u8], check: u32| {
        let mut full = raw.to_vec();
        full.extend_from_slice(&check.to_le_bytes());
        let mut out = vec![0u8; cobs::max_encoding_length(full.len()) + 16];
        let n = cobs::try_encode(&full, &mut out).unwrap();
        let n = fec::protect(&mut out, n).unwrap();
        out.truncate(n);
        out.push(0);
        out
    };
    let framed = |raw: &[u8]| framed_with(raw, crc.checksum(raw));
    let clear = [PROTOCOL_VERSION, 1, 0, 6];
    assert_eq!(
        feed(&framed_with(&clear, crc.checksum(&clear) ^ 1)),
        [Fault::Crc]
    );
    assert_eq!(feed(&framed(&[1, 0, 0, 6])), [Fault::Version]); // version 1: no parity
    assert_eq!(feed(&framed(&[2, 0, 0, 13])), [Fault::UnknownType]);
    assert_eq!(feed(&framed(&[2, 0, 0, 10, 0x80])), [Fault::Malformed]); // Ack cut short
    assert_eq!(feed(&framed(&[2, 0, 0, 6, 0x33])), [Fault::Malformed]); // bytes left over
    let bytes = rx.stats().bytes;
    assert_eq!(
        *rx.stats(),
        RxStats {
            bytes,
            frames: 0,
            oversize: 1,
            cobs: 1,
            runt: 1,
            crc: 1,
            version: 1,
            unknown_type: 1,
            malformed: 2,
            corrected: 0,
            fixed_bytes: 0,
        }
    );
}

fn chunked(bytes: &[u8], cuts: &[usize]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = bytes;
    for &c in cuts {
        let (a, b) = rest.split_at(c.min(rest.len()));
        out.push(a.to_vec());
        rest = b;
    }
    out.push(rest.to_vec());
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever bytes arrive, in whatever pieces: no panic, memory within the buffer, one
    /// outcome per non-empty stretch between delimiters, and the next frame after a delimiter
    /// is received intact.
    #[test]
    fn any_byte_stream_leaves_the_receiver_sane(
        garbage in proptest::collection::vec(any::<u8>(), 0..3000),
        cuts in proptest::collection::vec(0usize..400, 0..8),
        seq in any::<u16>(),
    ) {
        let mut rx: Receiver<BOARD_FRAME_BYTES> = Receiver::new();
        let mut outcomes = 0u32;
        for piece in chunked(&garbage, &cuts) {
            let mut rest = &piece[..];
            while !rest.is_empty() {
                let (used, got) = rx.feed(rest);
                prop_assert!(used >= 1 && used <= rest.len());
                rest = &rest[used..];
                outcomes += u32::from(got.is_some());
                prop_assert!(rx.pending() <= BOARD_FRAME_BYTES);
            }
        }
        let stretches = garbage
            .split(|&b| b == 0)
            .rev()
            .skip(1) // the last stretch has no delimiter yet
            .filter(|s| !s.is_empty())
            .count() as u32;
        prop_assert_eq!(outcomes, stretches);
        prop_assert_eq!(rx.stats().frames + rx.stats().faults(), stretches);
        prop_assert_eq!(rx.stats().bytes as usize, garbage.len());

        // A delimiter, then a frame: whatever was pending ends as one fault, then the frame.
        let was_idle = rx.is_idle();
        let mut frame = vec![0u8];
        frame.extend(wire(seq, &Message::TimeSync(1_780_000_000)));
        let (used, got) = rx.feed(&frame);
        let rest = if was_idle {
            &frame[..]
        } else {
            prop_assert_eq!(used, 1);
            prop_assert!(matches!(got, Some(Received::Fault(_))));
            &frame[1..]
        };
        let (used, got) = rx.feed(rest);
        prop_assert_eq!(used, rest.len());
        match got {
            Some(Received::Frame(f)) => {
                prop_assert_eq!(f.seq, seq);
                prop_assert_eq!(f.msg, Message::TimeSync(1_780_000_000));
            }
            other => prop_assert!(false, "{:?}", other),
        }
        prop_assert!(rx.is_idle());
    }

    #[test]
    fn digests_survive_the_round_trip(
        id in any::<u32>(), time in any::<Option<i64>>(), end in any::<Option<i64>>(),
        count in any::<u16>(), refs in proptest::collection::vec(any::<u32>(), 0..=8),
        text in "\\PC{0,40}", seq in any::<u16>(),
    ) {
        let mut d = digest(0, 0);
        d.id = id;
        d.time = time;
        d.end = end;
        d.count = count;
        d.refs = refs.into_iter().collect();
        let mut t = heapless::String::new();
        for c in text.chars() {
            if t.push(c).is_err() { break; }
        }
        d.text = t;
        let msg = Message::Digest(d);
        let bytes = wire(seq, &msg);
        prop_assert!(bytes.len() <= BOARD_FRAME_BYTES);
        prop_assert!(!bytes[..bytes.len() - 1].contains(&0));
        let mut rx: Receiver<BOARD_FRAME_BYTES> = Receiver::new();
        let (_, got) = rx.feed(&bytes);
        prop_assert_eq!(got, Some(Received::Frame(alert_digest::link::Frame { seq, msg })));
    }

    /// Up to three corrupted bytes in each 249-byte block of a frame's COBS bytes are repaired:
    /// the frame arrives as sent and is counted as corrected, with the bytes it fixed.
    #[test]
    fn a_frame_with_few_corrupted_bytes_is_repaired_and_counted(
        text_len in 0usize..=160,
        record_len in 0usize..1024,
        use_record in any::<bool>(),
        picks in proptest::collection::vec((any::<proptest::sample::Index>(), 1u8..=255), 1..=3),
        seq in any::<u16>(),
    ) {
        let json = vec![b'r'; record_len];
        let msg = if use_record {
            Message::Record(RecordJson(&json))
        } else {
            Message::Digest(digest(text_len, 8))
        };
        let mut bytes = wire(seq, &msg);
        let data = fec::split(bytes.len() - 1).unwrap();
        // At most three distinct positions, all in one block's share of the COBS bytes (the
        // block of the first pick), none turned into a delimiter.
        let block = picks[0].0.index(data) / fec::BLOCK_DATA;
        let start = block * fec::BLOCK_DATA;
        let end = data.min(start + fec::BLOCK_DATA);
        let mut hit = std::collections::BTreeSet::new();
        for (at, flip) in &picks {
            let i = start + at.index(end - start);
            if bytes[i] ^ flip != 0 && hit.insert(i) {
                bytes[i] ^= flip;
            }
        }
        let mut rx: Receiver<MAX_WIRE_FRAME> = Receiver::new();
        let (_, got) = rx.feed(&bytes);
        prop_assert_eq!(got, Some(Received::Frame(alert_digest::link::Frame { seq, msg: msg.clone() })));
        let stats = *rx.stats();
        prop_assert_eq!(stats.faults(), 0);
        prop_assert_eq!(stats.corrected, u32::from(!hit.is_empty()));
        prop_assert_eq!(stats.fixed_bytes as usize, hit.len());
    }

    /// More corrupted bytes than the parity can repair, anywhere in the frame: the frame is
    /// rejected and counted as one fault, or (when the damage happens to be repairable: spread
    /// over blocks, or only in the parity) arrives exactly as sent. Never anything else.
    #[test]
    fn a_frame_beyond_repair_is_rejected_never_accepted_wrong(
        text_len in 0usize..=160,
        picks in proptest::collection::vec((any::<proptest::sample::Index>(), 1u8..=255), 4..=16),
        seq in any::<u16>(),
    ) {
        let msg = Message::Digest(digest(text_len, 3));
        let mut bytes = wire(seq, &msg);
        let body = bytes.len() - 1;
        for (at, flip) in &picks {
            let i = at.index(body);
            if bytes[i] ^ flip != 0 {
                bytes[i] ^= flip;
            }
        }
        let mut rx: Receiver<MAX_WIRE_FRAME> = Receiver::new();
        let (used, got) = rx.feed(&bytes);
        prop_assert_eq!(used, bytes.len());
        match got {
            Some(Received::Frame(f)) => {
                prop_assert_eq!(f, alert_digest::link::Frame { seq, msg: msg.clone() });
                prop_assert_eq!(rx.stats().corrected, 1);
            }
            Some(Received::Fault(_)) => prop_assert_eq!(rx.stats().faults(), 1),
            None => prop_assert!(false, "no outcome"),
        }
    }

    /// A board fed anything never panics, never delivers data before a Sync, and never says
    /// more than a bounded amount per poll.
    #[test]
    fn any_byte_stream_leaves_the_board_session_sane(
        garbage in proptest::collection::vec(any::<u8>(), 0..2000),
        room in 0u8..10,
    ) {
        let mut board: BoardSession = BoardSession::new(board_config(), 7, None);
        let mut events = 0u32;
        board.receive(&garbage, 0, room, &mut |_| { events += 1; Verdict::Accepted });
        prop_assert_eq!(events, 0);
        let mut out = [0u8; BOARD_TX_BYTES];
        let n = board.transmit(1, room, &mut out);
        prop_assert!(n <= BOARD_TX_BYTES);
        prop_assert_eq!(board.transmit(2, room, &mut out), 0);
    }
}

fn board_config() -> BoardConfig {
    BoardConfig {
        display: DisplayInfo {
            kind: display_kind::EINK,
            width: 250,
            height: 122,
            budget: 60,
        },
        max_record: 1024,
        window: DEFAULT_WINDOW,
    }
}

/// An in-memory UART for the embedded-io poll loop: bytes to read, bytes written.

#[test]
fn a_board_polled_over_embedded_io_says_hello_syncs_delivers_and_acks() {
    let mut uart = Uart {
        rx: Vec::new(),
        tx: Vec::new(),
    };
    let mut board: BoardSession = BoardSession::new(board_config(), 0xB0, None);
    let mut log = Vec::new();
    let mut app = |e: Event<'_>| {
        log.push(format!("{e:?}"));
        Verdict::Accepted
    };
    board.poll(&mut uart, 0, 4, &mut app).unwrap();
    let said = decode_all(&std::mem::take(&mut uart.tx));
    assert!(matches!(said.as_slice(),
        [Message::Hello(h)] if h.boot == 0xB0 && h.display.budget == 60 && h.schema == SCHEMA_HASH));

    // Data before the Sync is not delivered.
    uart.rx.extend(wire(40, &Message::Clear));
    board.poll(&mut uart, 30, 4, &mut app).unwrap();
    assert_eq!(board.stats().unsynced, 1);

    uart.rx.push(0);
    uart.rx.extend(wire(
        40,
        &Message::Sync(Sync {
            stream: 9,
            boot: 0xB0,
        }),
    ));
    uart.rx.extend(wire(40, &Message::Clear));
    uart.rx.extend(wire(41, &Message::Cancel(5)));
    uart.rx.extend(wire(41, &Message::Cancel(5))); // a duplicate
    board.poll(&mut uart, 60, 4, &mut app).unwrap();
    let said = decode_all(&std::mem::take(&mut uart.tx));
    assert_eq!(
        said.last(),
        Some(&Message::Ack(Ack {
            seq: 41,
            credits: 2,
            held: 0
        }))
    );
    assert_eq!(board.stats().duplicates, 1);
    assert_eq!(
        board.resume_point().map(|r| (r.stream, r.seq)),
        Some((9, 41))
    );

    assert_eq!(log, ["Synced { stream: 9 }", "Clear", "Cancel { id: 5 }"]);
}

#[test]
fn frames_after_a_gap_are_held_and_released_in_order() {
    let mut board: BoardSession = BoardSession::new(board_config(), 1, None);
    let mut log = Vec::new();
    let mut app = |e: Event<'_>| {
        log.push(format!("{e:?}"));
        Verdict::Accepted
    };
    let mut out = [0u8; BOARD_TX_BYTES];
    board.receive(
        &wire(10, &Message::Sync(Sync { stream: 3, boot: 1 })),
        0,
        8,
        &mut app,
    );
    board.transmit(0, 8, &mut out);
    // 10 is lost; 11 and 12 arrive and are held; 13 is a record and cannot be held.
    board.receive(&wire(11, &Message::Cancel(11)), 1, 8, &mut app);
    board.receive(&wire(12, &Message::Cancel(12)), 2, 8, &mut app);
    board.receive(&wire(12, &Message::Cancel(12)), 2, 8, &mut app);
    board.receive(
        &wire(13, &Message::Record(RecordJson(b"{}"))),
        3,
        8,
        &mut app,
    );
    let n = board.transmit(3, 8, &mut out);
    let said = decode_all(&out[..n]);
    assert!(said.contains(&Message::Nak(alert_digest::link::Nak {
        seq: 10,
        reason: alert_digest::link::NakReason::Gap
    })));
    // Ack 9: frames 11 and 12 (bits 0 and 1) are held.
    assert_eq!(
        said.last(),
        Some(&Message::Ack(Ack {
            seq: 9,
            credits: 8,
            held: 0b11
        }))
    );
    let stats = board.stats();
    assert_eq!(
        (stats.held, stats.duplicates, stats.out_of_order),
        (2, 1, 1)
    );
    // 10 arrives: 10, 11, 12 are delivered at once, in order.
    let handed = board.receive(&wire(10, &Message::Cancel(10)), 4, 8, &mut app);
    assert_eq!(handed, 3);
    let n = board.transmit(4, 8, &mut out);
    assert_eq!(
        decode_all(&out[..n]).last(),
        Some(&Message::Ack(Ack {
            seq: 12,
            credits: 8,
            held: 0
        }))
    );

    assert_eq!(
        log,
        [
            "Synced { stream: 3 }",
            "Cancel { id: 10 }",
            "Cancel { id: 11 }",
            "Cancel { id: 12 }"
        ]
    );
}

#[test]
fn held_frames_wait_for_room() {
    let mut board: BoardSession = BoardSession::new(board_config(), 1, None);
    let mut count = 0;
    let mut app = |_: Event<'_>| {
        count += 1;
        Verdict::Accepted
    };
    board.receive(
        &wire(0, &Message::Sync(Sync { stream: 3, boot: 1 })),
        0,
        8,
        &mut app,
    );
    board.receive(&wire(1, &Message::Clear), 1, 8, &mut app);
    board.receive(&wire(2, &Message::Clear), 1, 8, &mut app);
    // Room for one: frame 0 goes, 1 and 2 stay held.
    assert_eq!(board.receive(&wire(0, &Message::Clear), 2, 1, &mut app), 1);
    // Later, with room and no new bytes, the held frames follow.
    assert_eq!(board.receive(&[], 3, 8, &mut app), 2);

    assert_eq!(count, 1 + 3);
}

#[test]
fn a_synchronised_board_introduces_itself_to_a_new_host() {
    // A host that restarted pings with a new stream; the board answers Hello, and follows the
    // new stream once it syncs, from the sequence number the new host names.
    let mut board: BoardSession = BoardSession::new(board_config(), 1, None);
    let mut app = |_: Event<'_>| Verdict::Accepted;
    let mut out = [0u8; BOARD_TX_BYTES];
    board.receive(
        &wire(100, &Message::Sync(Sync { stream: 9, boot: 1 })),
        0,
        8,
        &mut app,
    );
    board.receive(&wire(100, &Message::Clear), 0, 8, &mut app);
    board.transmit(0, 8, &mut out);
    let ping = Message::Ping(alert_digest::link::Ping {
        stream: 5,
        nonce: 77,
    });
    board.receive(&wire(0, &ping), 600, 8, &mut app);
    let n = board.transmit(600, 8, &mut out);
    let said = decode_all(&out[..n]);
    assert!(matches!(said.as_slice(),
        [Message::Hello(h), Message::Pong(77)] if h.resume.map(|r| (r.stream, r.seq)) == Some((9, 100))));
    board.receive(
        &wire(0, &Message::Sync(Sync { stream: 5, boot: 1 })),
        601,
        8,
        &mut app,
    );
    assert_eq!(board.stream(), Some(5));
    assert_eq!(
        board.receive(&wire(0, &Message::Clear), 602, 8, &mut app),
        1
    );
}

#[test]
fn a_board_announces_only_the_records_its_buffer_holds() {
    let hello = |config: BoardConfig| {
        let mut board: BoardSession<300, 0> = BoardSession::new(config, 1, None);
        let mut out = [0u8; BOARD_TX_BYTES];
        let n = board.transmit(0, 1, &mut out);
        match decode_all(&out[..n]).as_slice() {
            [Message::Hello(h)] => h.max_record,
            other => panic!("{other:?}"),
        }
    };
    let max = hello(BoardConfig {
        max_record: 1024,
        ..board_config()
    });
    assert!(max > 0 && frame_capacity(usize::from(max)) <= 300, "{max}");
    assert!(frame_capacity(usize::from(max) + 1) > 300, "{max}");
    assert_eq!(
        hello(BoardConfig {
            max_record: 100,
            ..board_config()
        }),
        100
    );
}
