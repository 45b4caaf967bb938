//! alert-digest core: condense event records into fixed-size alert digests.
//!
//! `no_std`, no allocator, fixed memory. Every function that takes input returns a typed
//! [`Error`] instead of panicking; the crate's clippy lints deny `unwrap`, `expect`, `panic!`,
//! panicking indexing and unchecked arithmetic so the compiler holds that line.
//!
//! ```
//! use alert_digest::{condense, parse_record, Digest};
//! let json = br#"{"id":"x1","kind":"military","actor":"U.S. fighter jet","action":"downed",
//!   "object":"Iranian drone","relation":"near","place":"USS Abraham Lincoln"}"#;
//! let mut scratch = [0u8; 256];
//! let record = parse_record(json, &mut scratch).unwrap();
//! let digest: Digest<48> = condense(&record, 40).unwrap();
//! assert_eq!(digest.text.as_str(), "Drone downed near USS Abraham Lincoln");
//! ```
#![no_std]
#![forbid(unsafe_code)]
// No input may panic the core: let the compiler hold the line (unit tests may unwrap).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::todo,
        clippy::unimplemented,
        clippy::unreachable
    )
)]

#[cfg(any(feature = "std", test))]
extern crate std;

#[macro_use]
mod fmt;

pub mod condense;
pub mod device;
pub mod digest;
#[cfg(feature = "graphics")]
pub mod display;
pub mod error;
pub mod link;
pub mod record;
pub mod store;
pub mod vocab;

pub use condense::{ByteBudget, Fit, MAX_BUDGET, MIN_BUDGET, condense, condense_to_fit};
pub use digest::{DEFAULT_BUDGET, Digest, id_hash};
pub use error::{Error, Field, JsonReason};
pub use record::{EventRecord, MAX_RECORD_BYTES, Timestamp, parse_record};
pub use vocab::{Certainty, Kind, MsgType, Relation, Severity, Urgency};
