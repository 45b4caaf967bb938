//! The messages of the link and their postcard encoding: the one definition both sides import.
//!
//! Each message is one variant of [`Message`]; its variant index is the frame's type byte (see
//! [`super::frame`]), so the order of the variants is part of the wire format and never changes
//! within a protocol version.

use postcard::experimental::max_size::MaxSize;
use serde::{Deserialize, Serialize};

use crate::condense::MAX_BUDGET;
use crate::digest::Digest;
use crate::record::MAX_RECORD_BYTES;

/// The digest as it travels: room for the largest budget. postcard sends only the bytes used,
/// so a 40-byte digest costs 40 bytes of text on the wire, not 160.
pub type WireDigest = Digest<MAX_BUDGET>;

/// The longest raw record the protocol can carry. A board may accept less and says how much in
/// [`Hello::max_record`]; the host never sends a record longer than that.
pub const MAX_WIRE_RECORD_BYTES: usize = MAX_RECORD_BYTES;

/// Codes for [`DisplayInfo::kind`]. Plain numbers rather than a display type, so the protocol
/// does not depend on the display module and a third-party client can read them from PROTOCOL.md.
pub mod display_kind {
    /// No display, or one the board does not describe.
    pub const NONE: u8 = 0;
    /// A monochrome OLED (SSD1306, SH1106).
    pub const OLED: u8 = 1;
    /// An e-ink panel (slow full refreshes).
    pub const EINK: u8 = 2;
    /// A scrolling LED matrix (MAX7219 chains).
    pub const LED_MATRIX: u8 = 3;
    /// A 5x5 LED grid (micro:bit).
    pub const LED_GRID: u8 = 4;
    /// A character display or a text console (the emulator).
    pub const TEXT: u8 = 5;
}

/// What the board shows alerts on, and the digest budget it wants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DisplayInfo {
    /// One of [`display_kind`]; unknown codes mean "some display".
    pub kind: u8,
    /// Width in pixels (characters for [`display_kind::TEXT`]).
    pub width: u16,
    /// Height in pixels (lines for [`display_kind::TEXT`]).
    pub height: u16,
    /// The byte budget for digest text, [`crate::MIN_BUDGET`]..=[`crate::MAX_BUDGET`].
    pub budget: u8,
}

/// Where the board had got to before a reset, kept in memory that survives a warm reset
/// (RP2040 watchdog scratch, nRF52 GPREGRET, STM32 backup registers). Without it the board
/// cannot tell the host which unacknowledged frames it had already delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Resume {
    /// The host stream the board was following ([`Sync::stream`]).
    pub stream: u32,
    /// The last data sequence number it delivered on that stream.
    pub seq: u16,
}

/// Board to host, at boot and whenever it is not synchronised: who it is and what it can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Hello {
    /// [`super::SCHEMA_HASH`] of the board's build: equal hashes mean equal message layouts.
    pub schema: u32,
    /// A value that differs on every boot (a random number, or a boot counter). A new value
    /// tells the host the board has reset and lost what it was not acknowledged for.
    pub boot: u32,
    pub display: DisplayInfo,
    /// The longest raw record (bytes of JSON) the board accepts in a [`Message::Record`].
    pub max_record: u16,
    /// The most data frames the board lets the host have unacknowledged.
    pub window: u8,
    /// Retained progress from before a warm reset, if the board keeps one.
    pub resume: Option<Resume>,
}

/// Host to board, answering a [`Hello`]: start (or resume) the host's stream on this boot. The
/// frame's sequence number is the sequence number of the next data frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Sync {
    /// Chosen at random by the host each time it starts; names its sequence numbers.
    pub stream: u32,
    /// The [`Hello::boot`] this answers; a board ignores a Sync meant for an earlier boot.
    pub boot: u32,
}

/// Replace the digest with id `id` by `digest` (CAP "Update").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Update {
    pub id: u32,
    pub digest: WireDigest,
}

/// Minutes in a day: quiet hours are minutes of the local day.
pub const MINUTES_PER_DAY: u16 = 24 * 60;
/// The widest offsets of local time from UTC in use: UTC-12:00 to UTC+14:00.
pub const UTC_OFFSET_MINUTES: core::ops::RangeInclusive<i16> = -12 * 60..=14 * 60;

/// Quiet hours (night mode), in the board's local time: while they last a panel drawn on
/// change (OLED, e-ink) is not redrawn for alerts below [`crate::device::CRITICAL`] (they are
/// kept, counted as unread and drawn when the hours end) and does not rotate; a scrolling LED
/// board dims instead. A critical alert still breaks through at once. Hours that wrap midnight
/// (22:00 to 07:00) are one span. `start == end` means no quiet hours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuietHours {
    /// Minute of the local day the quiet begins, below [`MINUTES_PER_DAY`].
    pub start: u16,
    /// Minute of the local day it ends (exclusive), below [`MINUTES_PER_DAY`].
    pub end: u16,
    /// Local time minus UTC in minutes, within [`UTC_OFFSET_MINUTES`].
    pub utc_offset: i16,
}

impl QuietHours {
    /// Whether the fields are in range (a board refuses quiet hours that are not).
    pub fn is_valid(&self) -> bool {
        self.start < MINUTES_PER_DAY
            && self.end < MINUTES_PER_DAY
            && UTC_OFFSET_MINUTES.contains(&self.utc_offset)
    }

    /// Whether `unix` (seconds) falls within the quiet hours.
    pub fn contains(&self, unix: i64) -> bool {
        if !self.is_valid() || self.start == self.end {
            return false;
        }
        let local = unix.saturating_add(i64::from(self.utc_offset).saturating_mul(60));
        let minute = local.div_euclid(60).rem_euclid(i64::from(MINUTES_PER_DAY));
        let (start, end) = (i64::from(self.start), i64::from(self.end));
        if start < end {
            (start..end).contains(&minute)
        } else {
            minute >= start || minute < end
        }
    }
}

/// Acknowledges every data frame up to and including `seq`, grants `credits` more after it,
/// and says which later frames the board already holds (selective repeat).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Ack {
    pub seq: u16,
    pub credits: u8,
    /// Bit i set: frame `seq + 2 + i` arrived and is held (frame `seq + 1` is missing).
    pub held: u8,
}

/// Why a board refused a data frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum NakReason {
    /// Frames from `seq` on are missing (a gap or a damaged frame): send them again.
    Gap,
    /// The content was read but refused (a record that does not parse or condense). The
    /// sequence number is used up; sending it again would be refused again.
    Rejected,
    /// The board does not handle this message (a board without a condenser gets a Record).
    Unsupported,
}

/// Reports a problem with data frame `seq`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Nak {
    pub seq: u16,
    pub reason: NakReason,
}

/// Host to board heartbeat. It names the host's stream so that a board following another
/// stream (or none) answers with a [`Hello`] as well as the [`Pong`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Ping {
    pub stream: u32,
    pub nonce: u32,
}

/// A raw JSON event record (schema v1) for the board to condense itself, at most
/// [`MAX_WIRE_RECORD_BYTES`] long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordJson<'a>(#[serde(borrow)] pub &'a [u8]);

impl MaxSize for RecordJson<'_> {
    // A varint length (two bytes for up to 16383) and the bytes; the encoder refuses longer.
    const POSTCARD_MAX_SIZE: usize = varint_len(MAX_WIRE_RECORD_BYTES) + MAX_WIRE_RECORD_BYTES;
}

/// Bytes of a postcard varint holding `n`.
const fn varint_len(mut n: usize) -> usize {
    let mut len: usize = 1;
    while n >= 0x80 {
        n >>= 7;
        len = len.saturating_add(1);
    }
    len
}

/// Every message of the protocol. Variants 0..=1 set up a session, 2..=7 and 12 are data
/// (sequenced, acknowledged, delivered once in order), 8..=11 are control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
pub enum Message<'a> {
    /// 0, board to host.
    Hello(Hello),
    /// 1, host to board.
    Sync(Sync),
    /// 2, data: a condensed alert.
    Digest(WireDigest),
    /// 3, data: a raw record to condense on the board.
    #[serde(borrow)]
    Record(RecordJson<'a>),
    /// 4, data: replace digest `id`.
    Update(Update),
    /// 5, data: remove digest `id` (CAP "Cancel").
    Cancel(u32),
    /// 6, data: remove every digest.
    Clear,
    /// 7, data: the host's clock, unix seconds, so the board can age and expire digests.
    TimeSync(i64),
    /// 8, host to board heartbeat.
    Ping(Ping),
    /// 9, board to host, answering a Ping with its nonce.
    Pong(u32),
    /// 10, board to host.
    Ack(Ack),
    /// 11, board to host.
    Nak(Nak),
    /// 12, data: quiet hours (added after the control messages, so no code above moved).
    Quiet(QuietHours),
}

impl Message<'_> {
    /// The type byte of this message on the wire (its variant index).
    pub const fn type_code(&self) -> u8 {
        match self {
            Message::Hello(_) => 0,
            Message::Sync(_) => 1,
            Message::Digest(_) => 2,
            Message::Record(_) => 3,
            Message::Update(_) => 4,
            Message::Cancel(_) => 5,
            Message::Clear => 6,
            Message::TimeSync(_) => 7,
            Message::Ping(_) => 8,
            Message::Pong(_) => 9,
            Message::Ack(_) => 10,
            Message::Nak(_) => 11,
            Message::Quiet(_) => 12,
        }
    }

    /// Data messages carry a sequence number the board acknowledges; the rest do not.
    pub const fn is_data(&self) -> bool {
        matches!(
            self,
            Message::Digest(_)
                | Message::Record(_)
                | Message::Update(_)
                | Message::Cancel(_)
                | Message::Clear
                | Message::TimeSync(_)
                | Message::Quiet(_)
        )
    }
}

/// The highest type code of this protocol version.
pub const LAST_TYPE_CODE: u8 = 12;

/// The message layouts in words. [`super::SCHEMA_HASH`] is its CRC, so boards and hosts built
/// from different layouts see different hashes in the Hello. Change it with every change to the
/// types above (the wire-format tests in `tests/link_frame.rs` fail until the two agree again).
pub const SCHEMA: &str = "alert-digest link v1: \
Hello(schema:u32,boot:u32,display:(kind:u8,width:u16,height:u16,budget:u8),max_record:u16,window:u8,resume:option(stream:u32,seq:u16)) \
Sync(stream:u32,boot:u32) \
Digest(id:u32,time:option(i64),end:option(i64),severity:u8,urgency:u8,certainty:u8,kind:u8,msg:u8,refs:seq<=8(u32),count:u16,text:str<=160) \
Record(bytes<=4096) Update(id:u32,digest) Cancel(u32) Clear TimeSync(i64) Ping(stream:u32,nonce:u32) Pong(u32) \
Ack(seq:u16,credits:u8,held:u8) Nak(seq:u16,reason:(gap|rejected|unsupported)) \
Quiet(start:u16,end:u16,utc_offset:i16)";
