//! Any bytes, in any pieces, into the frame receiver and into a synchronised board session:
//! no panic, memory within the buffer, one outcome per delimited stretch, and the board stays
//! answerable (its output fits its buffer and is bounded per poll). The same bytes are also
//! sent as the inside of frames with a correct CRC and parity, so the fuzzer reaches the message
//! decoder and the session's handling of every message, not only the CRC check; and those
//! frames again with bytes corrupted by the input, so it reaches the Reed-Solomon decoder with
//! codewords near valid ones (random bytes are far from every codeword).
#![no_main]

use alert_digest::link::session::{BOARD_FRAME_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::frame::FRAME_CRC;
use alert_digest::link::{
    BoardConfig, BoardSession, DisplayInfo, Message, Receiver, Sync, Verdict, encode,
};
use alert_digest::link::{MAX_WIRE_FRAME, Received, fec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the piece size, so the same bytes arrive split differently.
    let Some((&split, bytes)) = data.split_first() else {
        return;
    };
    if bytes.is_empty() {
        return;
    }
    let piece = usize::from(split % 64) + 1;

    let mut rx: Receiver<BOARD_FRAME_BYTES> = Receiver::new();
    let mut outcomes = 0u32;
    for chunk in bytes.chunks(piece) {
        let mut rest = chunk;
        while !rest.is_empty() {
            let (used, got) = rx.feed(rest);
            assert!(used >= 1 && used <= rest.len());
            outcomes += u32::from(got.is_some());
            rest = &rest[used..];
            assert!(rx.pending() <= BOARD_FRAME_BYTES);
        }
    }
    assert_eq!(outcomes, rx.stats().frames + rx.stats().faults());
    let stretches = bytes.split(|&b| b == 0).rev().skip(1).filter(|s| !s.is_empty()).count();
    assert_eq!(outcomes as usize, stretches);

    // A board synchronised to a stream whose next sequence number is 0, then the same bytes:
    // well-formed data frames among them are delivered, everything else counted.
    let config = BoardConfig {
        display: DisplayInfo { kind: 1, width: 128, height: 64, budget: 48 },
        max_record: 1024,
        window: DEFAULT_WINDOW,
    };
    let mut board: BoardSession = BoardSession::new(config, 1, None);
    let mut sync = [0u8; 64];
    let n = encode(0, &Message::Sync(Sync { stream: 2, boot: 1 }), &mut sync).unwrap_or(0);
    board.receive(&sync[..n], 0, 4, &mut |_| Verdict::Accepted);
    let mut out = [0u8; BOARD_TX_BYTES];
    for (i, chunk) in bytes.chunks(piece).enumerate() {
        let now = i as u64;
        board.receive(chunk, now, (i % 5) as u8, &mut |_| {
            if i % 7 == 0 { Verdict::Rejected } else { Verdict::Accepted }
        });
        let mut polls = 0;
        while board.transmit(now, (i % 5) as u8, &mut out) > 0 {
            polls += 1;
            assert!(polls < 8, "transmit never runs dry");
        }
    }

    // The bytes, cut at 0xFF markers, each piece sealed as a frame with a valid CRC: version,
    // sequence number, type and body are the fuzzer's to choose.
    let mut sealed = Vec::new();
    for inside in bytes.split(|&b| b == 0xff) {
        let mut raw = inside.to_vec();
        raw.extend_from_slice(&FRAME_CRC.checksum(inside).to_le_bytes());
        let cobs_len = cobs::max_encoding_length(raw.len());
        let mut cobs_out = vec![0u8; cobs_len + fec::overhead(cobs_len) + 1];
        if let Ok(n) = cobs::try_encode(&raw, &mut cobs_out)
            && let Ok(n) = fec::protect(&mut cobs_out, n)
        {
            sealed.extend_from_slice(&cobs_out[..n]);
            sealed.push(0);
        }
    }

    // Those frames with every byte whose input byte (cycled) has its low three bits clear
    // XORed with another input byte: a few wrong bytes a frame, sometimes many.
    let mut damaged = sealed.clone();
    for (i, b) in damaged.iter_mut().enumerate() {
        let pick = bytes[i % bytes.len()];
        if pick & 0x07 == 0 && *b != 0 {
            *b ^= bytes[(i * 7 + 3) % bytes.len()] | 1;
        }
    }
    let mut rx: Receiver<MAX_WIRE_FRAME> = Receiver::new();
    let mut rest = &damaged[..];
    let mut outcomes = 0u32;
    while !rest.is_empty() {
        let (used, got) = rx.feed(rest);
        assert!(used >= 1 && used <= rest.len());
        if let Some(Received::Frame(f)) = &got {
            // Whatever is accepted re-encodes to a frame (it is a real message).
            let mut again = vec![0u8; MAX_WIRE_FRAME];
            assert!(encode(f.seq, &f.msg, &mut again).is_ok());
        }
        outcomes += u32::from(got.is_some());
        rest = &rest[used..];
    }
    assert_eq!(outcomes, rx.stats().frames + rx.stats().faults());
    assert!(rx.stats().corrected <= rx.stats().frames);
    board.receive(&sealed, 1_000, 4, &mut |_| Verdict::Accepted);
    while board.transmit(1_000, 4, &mut out) > 0 {}
    let stats = board.stats();
    assert!(stats.delivered <= stats.rx.frames);
});
