//! Frames: a header, a postcard message and a CRC, COBS-encoded, then Reed-Solomon parity
//! ([`super::fec`]), between 0x00 delimiters.
//!
//! ```text
//! on the wire:  [0x00]  COBS( version | seq lo | seq hi | type | body… | crc32c (4, LE) )
//!                       COBS( RS parity of those COBS bytes )  0x00
//! ```
//!
//! The leading 0x00 is optional: a sender puts one before a frame when the line may have been
//! idle, so whatever noise the receiver collected is cut off before the frame starts. Runs of
//! delimiters are empty frames and are ignored. The CRC is CRC-32C over the decoded header and
//! body; 16 bits would save two bytes a frame, but with 1% of bytes corrupted about half of all
//! digest frames are hit, and a 16-bit check would pass one in 65,536 of those (a wrong digest on
//! the screen every few hours of such a line); 32 bits make it one in four billion, and CRC-32C
//! is already the crate's id hash, so boards carry one table.

use crc::{CRC_32_ISCSI, Crc};
use postcard::experimental::max_size::MaxSize;
use postcard::ser_flavors::{Cobs, Slice, crc::CrcModifier};
use serde::{Deserialize, Serialize};

use super::PROTOCOL_VERSION;
use super::fec;
use super::message::{LAST_TYPE_CODE, Message};

/// The frame delimiter. COBS guarantees it appears nowhere else.
pub const DELIMITER: u8 = 0x00;
/// Version, sequence number (two bytes, little-endian) and type.
pub const HEADER_BYTES: usize = 4;
/// The CRC-32C trailer.
pub const CRC_BYTES: usize = 4;
/// The smallest decoded frame: a header and a CRC (a message without a body, such as Clear).
pub const MIN_DECODED: usize = HEADER_BYTES + CRC_BYTES;

/// CRC-32C (Castagnoli), the same polynomial as [`crate::id_hash`].
pub const FRAME_CRC: Crc<u32> = Crc::<u32>::new(&CRC_32_ISCSI);

/// Decoded size (header, body, CRC) of a frame whose body is at most `body` bytes.
pub const fn decoded_len(body: usize) -> usize {
    // The type byte is counted in HEADER_BYTES and in the body's MaxSize: one byte of slack.
    HEADER_BYTES.saturating_add(body).saturating_add(CRC_BYTES)
}

/// COBS bytes (at most) of a decoded frame of `decoded` bytes: one code byte per 254 and one
/// at the start.
pub const fn cobs_len(decoded: usize) -> usize {
    decoded
        .saturating_add(decoded.div_ceil(254))
        .saturating_add(1) // COBS's first code byte when decoded < 254
}

/// Encoded size on the wire (COBS, the error-correction parity and the trailing delimiter) of a
/// decoded frame of `decoded` bytes.
pub const fn wire_len(decoded: usize) -> usize {
    let cobs = cobs_len(decoded);
    cobs.saturating_add(fec::overhead(cobs)).saturating_add(1) // the trailing delimiter
}

/// The longest frame of the protocol on the wire (a record of
/// [`super::MAX_WIRE_RECORD_BYTES`]); buffers sized to this take any frame.
pub const MAX_WIRE_FRAME: usize = wire_len(decoded_len(Message::POSTCARD_MAX_SIZE));

const _: () = assert!(
    fec::blocks(cobs_len(decoded_len(Message::POSTCARD_MAX_SIZE))) <= fec::MAX_BLOCKS,
    "the longest frame needs more parity blocks than fec allows"
);

/// The longest frame on the wire carrying a record of at most `max_record` bytes: the receive
/// buffer a board needs when it announces that `max_record` in its Hello.
pub const fn frame_capacity(max_record: usize) -> usize {
    // A record's body: the type byte, a varint length of at most 3 bytes, the JSON.
    let record = wire_len(decoded_len(max_record.saturating_add(4)));
    let other = wire_len(decoded_len(NON_RECORD_MAX));
    if record > other { record } else { other }
}

/// The largest body of any message other than Record (an Update: id and a full digest).
const NON_RECORD_MAX: usize = 1 + <super::message::Update as MaxSize>::POSTCARD_MAX_SIZE;

#[derive(Serialize)]
struct FrameOut<'m, 'a> {
    version: u8,
    #[serde(with = "postcard::fixint::le")]
    seq: u16,
    msg: &'m Message<'a>,
}

#[derive(Deserialize)]
struct FrameIn<'a> {
    // Checked before decoding, from the raw bytes.
    _version: u8,
    #[serde(with = "postcard::fixint::le")]
    seq: u16,
    #[serde(borrow)]
    msg: Message<'a>,
}

/// Why a frame could not be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum EncodeError {
    /// The output buffer is too small for this frame.
    BufferTooSmall,
    /// A record longer than [`super::MAX_WIRE_RECORD_BYTES`].
    RecordTooLong,
}

/// Encodes `msg` with sequence number `seq` into `out`: COBS bytes, their parity and the
/// trailing delimiter, no leading delimiter. Returns the number of bytes written.
pub fn encode(seq: u16, msg: &Message, out: &mut [u8]) -> Result<usize, EncodeError> {
    if let Message::Record(json) = msg
        && json.0.len() > super::MAX_WIRE_RECORD_BYTES
    {
        return Err(EncodeError::RecordTooLong);
    }
    let frame = FrameOut {
        version: PROTOCOL_VERSION,
        seq,
        msg,
    };
    // The CRC sees the plain bytes first, then hands them (and itself) to COBS.
    let cobs = Cobs::try_new(Slice::new(out)).map_err(|_| EncodeError::BufferTooSmall)?;
    let flavor = CrcModifier::new(cobs, FRAME_CRC.digest());
    let written = postcard::serialize_with_flavor(&frame, flavor)
        .map(|written| written.len())
        .map_err(|_| EncodeError::BufferTooSmall)?;
    // postcard ended the COBS bytes with a delimiter: the parity goes in its place.
    let cobs = written.saturating_sub(1);
    let len = fec::protect(out, cobs).map_err(|_| EncodeError::BufferTooSmall)?;
    let end = out.get_mut(len).ok_or(EncodeError::BufferTooSmall)?;
    *end = DELIMITER;
    Ok(len.saturating_add(1))
}

/// A frame that arrived whole and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame<'a> {
    pub seq: u16,
    pub msg: Message<'a>,
}

/// Why bytes between two delimiters were not a frame. Each has a counter in [`RxStats`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Fault {
    /// Longer than the receive buffer: dropped up to the next delimiter.
    Oversize,
    /// Not valid COBS (a code byte pointing past the delimiter).
    Cobs,
    /// Shorter than a header and a CRC.
    Runt,
    /// The CRC does not match: bytes were corrupted, dropped or inserted.
    Crc,
    /// A protocol version this build does not speak.
    Version,
    /// A type code this version does not define.
    UnknownType,
    /// The right type, but the body does not decode as that message (or has bytes left over).
    Malformed,
}

/// Counters of everything the receiver saw. They only grow (wrapping after 2^32).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RxStats {
    /// Bytes fed in.
    pub bytes: u32,
    /// Frames that decoded and checked.
    pub frames: u32,
    pub oversize: u32,
    pub cobs: u32,
    pub runt: u32,
    pub crc: u32,
    pub version: u32,
    pub unknown_type: u32,
    pub malformed: u32,
    /// Frames accepted after error correction repaired them (also counted in `frames`).
    pub corrected: u32,
    /// Bytes the error correction repaired in those frames.
    pub fixed_bytes: u32,
}

impl RxStats {
    /// Every fault, summed.
    pub fn faults(&self) -> u32 {
        [
            self.oversize,
            self.cobs,
            self.runt,
            self.crc,
            self.version,
            self.unknown_type,
            self.malformed,
        ]
        .iter()
        .fold(0u32, |sum, n| sum.wrapping_add(*n))
    }

    fn count(&mut self, fault: Fault) {
        let counter = match fault {
            Fault::Oversize => &mut self.oversize,
            Fault::Cobs => &mut self.cobs,
            Fault::Runt => &mut self.runt,
            Fault::Crc => &mut self.crc,
            Fault::Version => &mut self.version,
            Fault::UnknownType => &mut self.unknown_type,
            Fault::Malformed => &mut self.malformed,
        };
        *counter = counter.wrapping_add(1);
    }
}

/// What one call to [`Receiver::feed`] produced.
// A frame is returned, not stored: its size on the stack is fleeting, and boxing needs an
// allocator.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq, Eq)]
pub enum Received<'a> {
    Frame(Frame<'a>),
    Fault(Fault),
}

/// Collects bytes into frames in a fixed buffer of `N` bytes (use [`frame_capacity`] or
/// [`MAX_WIRE_FRAME`]). Any byte stream is accepted: garbage becomes counted faults, and the
/// receiver is back in step at the next delimiter. Work per byte is constant.
#[derive(Clone, Debug)]
pub struct Receiver<const N: usize> {
    buf: [u8; N],
    len: usize,
    /// The current frame outgrew the buffer; skip to the next delimiter.
    discarding: bool,
    stats: RxStats,
}

impl<const N: usize> Default for Receiver<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> Receiver<N> {
    pub const fn new() -> Self {
        Self {
            buf: [0; N],
            len: 0,
            discarding: false,
            stats: RxStats {
                bytes: 0,
                frames: 0,
                oversize: 0,
                cobs: 0,
                runt: 0,
                crc: 0,
                version: 0,
                unknown_type: 0,
                malformed: 0,
                corrected: 0,
                fixed_bytes: 0,
            },
        }
    }

    pub fn stats(&self) -> &RxStats {
        &self.stats
    }

    /// Bytes of an unfinished frame held now (never more than `N`).
    pub fn pending(&self) -> usize {
        self.len
    }

    /// Whether the receiver is between frames (nothing held, nothing being skipped).
    pub fn is_idle(&self) -> bool {
        self.len == 0 && !self.discarding
    }

    /// Forgets a partial frame, as after a line break; counters are kept.
    pub fn reset(&mut self) {
        self.len = 0;
        self.discarding = false;
    }

    /// Consumes bytes from `input` up to and including the delimiter that ends a frame.
    /// Returns how many bytes were consumed, and the frame or fault found (if a delimiter was
    /// reached). Call again with the rest of the input until it is used up.
    pub fn feed<'r>(&'r mut self, input: &[u8]) -> (usize, Option<Received<'r>>) {
        let mut used = 0usize;
        for &byte in input {
            used = used.saturating_add(1);
            self.stats.bytes = self.stats.bytes.wrapping_add(1);
            if byte != DELIMITER {
                self.push(byte);
                continue;
            }
            if self.discarding {
                self.reset();
                self.stats.count(Fault::Oversize);
                return (used, Some(Received::Fault(Fault::Oversize)));
            }
            if self.len == 0 {
                continue; // a leading delimiter, or idle line
            }
            let len = core::mem::take(&mut self.len);
            return (used, Some(self.finish(len)));
        }
        (used, None)
    }

    fn push(&mut self, byte: u8) {
        if self.discarding {
            return;
        }
        match self.buf.get_mut(self.len) {
            Some(slot) => {
                *slot = byte;
                self.len = self.len.saturating_add(1);
            }
            None => {
                self.discarding = true;
                self.len = 0;
            }
        }
    }

    fn finish(&mut self, len: usize) -> Received<'_> {
        let bytes = self.buf.get_mut(..len).unwrap_or_default();
        // Bytes of no frame's length are tried whole: they fail one of the checks below.
        let repair = fec::repair(bytes).unwrap_or(fec::Repair {
            data: len,
            ..fec::Repair::default()
        });
        let cobs = self.buf.get_mut(..repair.data).unwrap_or_default();
        match decode_in_place(cobs) {
            Ok(frame) => {
                self.stats.frames = self.stats.frames.wrapping_add(1);
                if repair.damaged() {
                    self.stats.corrected = self.stats.corrected.wrapping_add(1);
                    let fixed = u32::try_from(repair.fixed).unwrap_or(u32::MAX);
                    self.stats.fixed_bytes = self.stats.fixed_bytes.wrapping_add(fixed);
                }
                Received::Frame(frame)
            }
            Err(fault) => {
                self.stats.count(fault);
                Received::Fault(fault)
            }
        }
    }
}

/// Decodes one frame's COBS bytes (without delimiters and parity: see [`fec::repair`]) in place
/// and checks it.
pub fn decode_in_place(cobs_bytes: &mut [u8]) -> Result<Frame<'_>, Fault> {
    let decoded_len = cobs::decode_in_place(cobs_bytes).map_err(|_| Fault::Cobs)?;
    let decoded = cobs_bytes.get(..decoded_len).ok_or(Fault::Cobs)?;
    if decoded.len() < MIN_DECODED {
        return Err(Fault::Runt);
    }
    let (body, crc) = decoded.split_at(decoded.len().saturating_sub(CRC_BYTES));
    let mut expected = [0u8; CRC_BYTES];
    expected.copy_from_slice(crc);
    if FRAME_CRC.checksum(body) != u32::from_le_bytes(expected) {
        return Err(Fault::Crc);
    }
    match body {
        [version, ..] if *version != PROTOCOL_VERSION => return Err(Fault::Version),
        [_, _, _, code, ..] if *code > LAST_TYPE_CODE => return Err(Fault::UnknownType),
        _ => {}
    }
    match postcard::take_from_bytes::<FrameIn>(body) {
        Ok((frame, [])) => Ok(Frame {
            seq: frame.seq,
            msg: frame.msg,
        }),
        _ => Err(Fault::Malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::message::{Ack, RecordJson};

    fn round_trip(msg: &Message) -> Message<'static> {
        let mut wire = [0u8; MAX_WIRE_FRAME];
        let n = encode(7, msg, &mut wire).unwrap();
        assert_eq!(wire[n - 1], DELIMITER);
        assert!(!wire[..n - 1].contains(&DELIMITER));
        let mut rx: Receiver<MAX_WIRE_FRAME> = Receiver::new();
        let (used, got) = rx.feed(&wire[..n]);
        assert_eq!(used, n);
        match got {
            Some(Received::Frame(f)) => {
                assert_eq!(f.seq, 7);
                assert_eq!(&f.msg, msg);
            }
            other => panic!("{other:?}"),
        }
        Message::Clear
    }

    #[test]
    fn small_messages_round_trip() {
        round_trip(&Message::Clear);
        round_trip(&Message::Ack(Ack {
            seq: 65535,
            credits: 4,
            held: 0b101,
        }));
        round_trip(&Message::Record(RecordJson(b"{\"id\":\"a\"}\0\0")));
    }

    #[test]
    fn a_flipped_bit_is_corrected_and_counted() {
        let mut wire = [0u8; 64];
        let n = encode(1, &Message::TimeSync(1_700_000_000), &mut wire).unwrap();
        wire[3] ^= 0x10;
        let mut rx: Receiver<64> = Receiver::new();
        let (_, got) = rx.feed(&wire[..n]);
        assert!(matches!(got, Some(Received::Frame(Frame { seq: 1, .. }))));
        assert_eq!(rx.stats().faults(), 0);
        assert_eq!((rx.stats().corrected, rx.stats().fixed_bytes), (1, 1));
    }

    #[test]
    fn more_wrong_bytes_than_the_parity_corrects_are_a_fault() {
        let mut wire = [0u8; 64];
        let n = encode(1, &Message::TimeSync(1_700_000_000), &mut wire).unwrap();
        for b in &mut wire[1..5] {
            *b ^= 0x10;
        }
        let mut rx: Receiver<64> = Receiver::new();
        let (_, got) = rx.feed(&wire[..n]);
        assert!(matches!(
            got,
            Some(Received::Fault(Fault::Crc | Fault::Cobs | Fault::Runt))
        ));
        assert_eq!(rx.stats().faults(), 1);
        assert_eq!(rx.stats().corrected, 0);
    }

    #[test]
    fn a_frame_longer_than_the_buffer_is_dropped_to_the_delimiter() {
        let mut wire = [0u8; 64];
        let n = encode(1, &Message::Record(RecordJson(&[b'x'; 40])), &mut wire).unwrap();
        let mut rx: Receiver<16> = Receiver::new();
        let (used, got) = rx.feed(&wire[..n]);
        assert_eq!(used, n);
        assert_eq!(got, Some(Received::Fault(Fault::Oversize)));
        assert!(rx.is_idle());
    }
}
