//! The link: the wire protocol between the host and every board, defined once here and imported
//! by both sides (PROTOCOL.md is its prose form for third-party clients).
//!
//! - [`message`]: what is said ([`Message`]), postcard-encoded.
//! - [`frame`]: how it is framed (header, CRC-32C, COBS) and a [`Receiver`] that survives any
//!   byte stream.
//! - [`fec`]: Reed-Solomon parity on every frame, so a few corrupted bytes are repaired
//!   instead of costing a retransmission.
//! - [`session`]: the board's side of a session: sequence numbers, acknowledgements and
//!   credits, duplicate suppression, the handshake after a reset. The host's side is in
//!   host-tools.

pub mod fec;
pub mod frame;
pub mod message;
pub mod session;

pub use frame::{
    DELIMITER, EncodeError, Fault, Frame, MAX_WIRE_FRAME, Received, Receiver, RxStats, encode,
    frame_capacity,
};
pub use message::{
    Ack, DisplayInfo, Hello, MAX_WIRE_RECORD_BYTES, MINUTES_PER_DAY, Message, Nak, NakReason, Ping,
    QuietHours, RecordJson, Resume, SCHEMA, Sync, UTC_OFFSET_MINUTES, Update, WireDigest,
    display_kind,
};
pub use session::{BoardConfig, BoardSession, BoardStats, Event, Verdict};

/// The protocol version in every frame header. A receiver drops frames of other versions
/// (counting them), so mixed versions fail loudly instead of misreading each other.
/// Version 2 added the error-correction parity to every frame.
pub const PROTOCOL_VERSION: u8 = 2;

/// CRC-32C of [`SCHEMA`]: sent in the Hello so a host can refuse a board built from a different
/// message layout before any digest is misread.
pub const SCHEMA_HASH: u32 = frame::FRAME_CRC.checksum(SCHEMA.as_bytes());
