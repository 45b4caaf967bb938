//! The fixed-size alert digest: what the board stores, draws and acknowledges.

use crc::{CRC_32_ISCSI, Crc};
use heapless::{String, Vec};
use postcard::experimental::max_size::MaxSize;
use serde::{Deserialize, Serialize};

use crate::record::MAX_REFS;
use crate::vocab::{Certainty, Kind, MsgType, Severity, Urgency};

/// Default text capacity in bytes: two lines of a 128-pixel OLED in a 6x10 font, and under the
/// 64-character scroll text of WLED on an ESP32.
pub const DEFAULT_BUDGET: usize = 48;

/// CRC-32C (Castagnoli): the stable id hash. Chosen for its spread on short strings; the same
/// polynomial checks link frames.
const ID_HASH: Crc<u32> = Crc::<u32>::new(&CRC_32_ISCSI);

/// The stable 32-bit identity of a record id (after unescaping). Update and cancel messages
/// name earlier records by id; both sides hash the same bytes to the same value.
pub fn id_hash(id: &str) -> u32 {
    ID_HASH.checksum(id.as_bytes())
}

/// One condensed alert. `N` is the text capacity in bytes; [`crate::condense`] never writes more
/// than the budget it is given, which is at most `N`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, MaxSize)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Digest<const N: usize = DEFAULT_BUDGET> {
    /// [`id_hash`] of the record's `id`.
    pub id: u32,
    /// When the event happened or was issued, unix seconds.
    pub time: Option<i64>,
    /// When it stops being news (the earlier of `until` and `expires`), unix seconds.
    pub end: Option<i64>,
    pub severity: Severity,
    pub urgency: Urgency,
    pub certainty: Certainty,
    pub kind: Kind,
    pub msg: MsgType,
    /// [`id_hash`]es of the records an update or cancel replaces.
    pub refs: Vec<u32, MAX_REFS>,
    /// How many reports this digest stands for (1 until repeats are merged).
    pub count: u16,
    /// The condensed text: whole words, never over the budget.
    pub text: String<N>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use postcard::experimental::max_size::MaxSize;

    #[test]
    fn id_hash_is_crc32c() {
        // The CRC-32C check value from the CRC catalogue.
        assert_eq!(id_hash("123456789"), 0xE306_9283);
    }

    #[test]
    fn a_full_digest_encodes_within_its_max_size() {
        let mut d: Digest<48> = Digest {
            id: u32::MAX,
            time: Some(i64::MIN),
            end: Some(i64::MAX),
            severity: Severity::Extreme,
            urgency: Urgency::Immediate,
            certainty: Certainty::Observed,
            kind: Kind::Other,
            msg: MsgType::Cancel,
            refs: Vec::new(),
            count: u16::MAX,
            text: String::new(),
        };
        for _ in 0..MAX_REFS {
            d.refs.push(u32::MAX).unwrap();
        }
        for _ in 0..48 {
            d.text.push('x').unwrap();
        }
        let mut buf = [0u8; Digest::<48>::POSTCARD_MAX_SIZE];
        let used = postcard::to_slice(&d, &mut buf).unwrap();
        assert_eq!(used.len(), Digest::<48>::POSTCARD_MAX_SIZE);
        let back: Digest<48> = postcard::from_bytes(used).unwrap();
        assert_eq!(back, d);
    }
}
