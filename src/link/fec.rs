//! Forward error correction: Reed-Solomon parity over a frame's COBS bytes, so a frame with a
//! few corrupted bytes is repaired instead of sent again.
//!
//! ```text
//! on the wire:  [0x00]  cobs bytes (n)  COBS( parity of block 1 | parity of block 2 | … )  0x00
//! ```
//!
//! The COBS bytes are cut into blocks of at most [`BLOCK_DATA`] bytes; each block gets
//! [`PARITY_BYTES`] of RS(255) parity (GF(2^8), polynomial 0x11D, generator roots 2^0..2^5),
//! correcting up to [`CORRECTABLE`] wrong bytes anywhere in the block or its parity. The parity
//! of all blocks, concatenated, is COBS-encoded after the frame's own COBS bytes, so no 0x00
//! appears before the delimiter. It is always exactly one byte longer than the parity
//! ([`MAX_BLOCKS`] blocks of parity stay under COBS's 254-byte run), so a receiver finds the
//! split from the length alone ([`split`]).
//!
//! Why over the COBS bytes and not under them: a corrupted COBS code byte moves where the
//! decoder puts zeros, which turns one wrong byte into many (or an undecodable frame); repaired
//! before COBS decoding, it is one wrong byte like any other (a digest frame has 3.4 code bytes
//! on average: `benches/link.rs` in host-tools counts them). Only the parity's own COBS code
//! bytes (usually one) stay unprotected, and when the parity is unusable the frame's bytes are
//! still tried as they are. A byte corrupted into 0x00 splits
//! the frame at the receiver; no code over one frame can undo that (about 1 corruption in 255).
//!
//! Why six parity bytes: at 1% of bytes corrupted, a 76-byte digest frame (48-byte text) has
//! more than three wrong bytes in 0.7% of frames, a 172-byte one (160-byte text) in 9.5%
//! (binomial); four parity bytes would leave 3.8% and 24%, eight would push a short frame's
//! share of a clean line below 90% (69 of 78 bytes). The CRC-32C inside the frame stays the last word: a block with more than three
//! wrong bytes can be "corrected" into another codeword, and the CRC rejects what that makes.
//!
//! The crate: `reed-solomon` 0.2.1 (2017) is the only Reed-Solomon crate found that corrects
//! byte errors in `no_std` without an allocator (`reed-solomon-32` works in GF(2^5), 31-symbol
//! codewords; `gf256`'s `rs` module decodes into `Vec`s; `reed-solomon-erasure` and
//! `reed-solomon-novelpoly` repair erasures only). Its asserts fire on lengths only (a codeword
//! of 256 bytes or more, shorter than its parity); [`protect`] and [`repair`] never pass such
//! lengths (blocks are at most 255 bytes and at least `PARITY_BYTES + 1`). Fed 300,000 words
//! of 3 to 255 bytes with 2 to 16 parity bytes (a third random bytes, the rest valid codewords
//! with up to parity + 3 bytes corrupted; 200,000 in a release build, 100,000 in a debug build
//! with overflow checks) it never panicked; it "corrected" some into wrong codewords, as any
//! RS decoder beyond its power does, hence the CRC. The frame receiver's fuzz target
//! (`scripts/fuzz-link.sh`) drives it through [`repair`] with frames a few bytes from valid.

use reed_solomon::{Decoder, Encoder};

/// Parity bytes per block: corrects [`CORRECTABLE`] wrong bytes per block (see the module doc
/// for why six).
pub const PARITY_BYTES: usize = 6;
/// Wrong bytes per block that are always corrected.
pub const CORRECTABLE: usize = PARITY_BYTES / 2;
/// An RS codeword over GF(2^8) is at most 255 symbols.
const CODEWORD_MAX: usize = 255;
/// COBS bytes per block, so that a block and its parity make one codeword.
pub const BLOCK_DATA: usize = CODEWORD_MAX - PARITY_BYTES;
/// The most blocks a frame may have: enough for the longest frame of the protocol (checked in
/// `frame.rs`), and few enough that their parity is one COBS run (under 254 bytes).
pub const MAX_BLOCKS: usize = 24;
/// The most parity bytes of a frame.
pub const MAX_PARITY: usize = MAX_BLOCKS * PARITY_BYTES;

const _: () = assert!(MAX_PARITY < 254, "parity must stay one COBS run");

/// Blocks for `data` COBS bytes.
pub const fn blocks(data: usize) -> usize {
    data.div_ceil(BLOCK_DATA)
}

/// Bytes added after `data` COBS bytes: the parity and its COBS code byte.
pub const fn overhead(data: usize) -> usize {
    blocks(data).saturating_mul(PARITY_BYTES).saturating_add(1)
}

/// For `len` bytes between delimiters, the number of COBS bytes of the frame (the rest is the
/// encoded parity), if some frame has that length. At most one does: each extra block takes
/// [`PARITY_BYTES`] more of the length and can only need fewer blocks for the rest.
pub fn split(len: usize) -> Option<usize> {
    (1..=MAX_BLOCKS).find_map(|k| {
        let data = len.checked_sub(k.saturating_mul(PARITY_BYTES).saturating_add(1))?;
        (data > 0 && blocks(data) == k).then_some(data)
    })
}

/// Why parity could not be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong;

/// Appends the encoded parity of `out[..data]` (a frame's COBS bytes) after them. Returns the
/// new length. Fails when `out` has no room or the frame needs more than [`MAX_BLOCKS`].
pub fn protect(out: &mut [u8], data: usize) -> Result<usize, TooLong> {
    let count = blocks(data);
    if count == 0 || count > MAX_BLOCKS {
        return Err(TooLong);
    }
    let mut parity = [0u8; MAX_PARITY];
    let encoder = Encoder::new(PARITY_BYTES);
    let bytes = out.get(..data).ok_or(TooLong)?;
    for (block, slot) in bytes
        .chunks(BLOCK_DATA)
        .zip(parity.chunks_exact_mut(PARITY_BYTES))
    {
        slot.copy_from_slice(encoder.encode(block).ecc());
    }
    let parity = parity
        .get(..count.saturating_mul(PARITY_BYTES))
        .ok_or(TooLong)?;
    let dest = out.get_mut(data..).ok_or(TooLong)?;
    let written = cobs::try_encode(parity, dest).map_err(|_| TooLong)?;
    Ok(data.saturating_add(written))
}

/// What [`repair`] did to a frame's bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repair {
    /// The frame's COBS bytes are `buf[..data]`.
    pub data: usize,
    /// Bytes corrected in them (and in the parity).
    pub fixed: usize,
    /// The bytes were not as sent, but some could not be corrected (too many wrong bytes in a
    /// block, or the parity itself unreadable): they are left as they arrived.
    pub gave_up: bool,
}

impl Repair {
    /// Whether the bytes showed any damage at all.
    pub fn damaged(&self) -> bool {
        self.fixed > 0 || self.gave_up
    }
}

/// Corrects in place the bytes between two delimiters, `buf`, and says where the frame's COBS
/// bytes end. `None` when no frame has this length (the bytes are then whatever they are).
pub fn repair(buf: &mut [u8]) -> Option<Repair> {
    let data = split(buf.len())?;
    let (bytes, encoded) = buf.split_at_mut(data);
    let mut repair = Repair {
        data,
        ..Repair::default()
    };
    let mut parity = [0u8; MAX_PARITY];
    let count = blocks(data);
    let want = count.saturating_mul(PARITY_BYTES);
    let parity = parity.get_mut(..encoded.len()).and_then(|room| {
        room.copy_from_slice(encoded);
        match cobs::decode_in_place(room) {
            Ok(n) if n == want => room.get(..n),
            _ => None,
        }
    });
    let Some(parity) = parity else {
        repair.gave_up = true;
        return Some(repair);
    };
    let decoder = Decoder::new(PARITY_BYTES);
    let mut codeword = [0u8; CODEWORD_MAX];
    for (block, check) in bytes
        .chunks_mut(BLOCK_DATA)
        .zip(parity.chunks_exact(PARITY_BYTES))
    {
        let len = block.len().saturating_add(PARITY_BYTES);
        let Some(word) = codeword.get_mut(..len) else {
            repair.gave_up = true;
            continue;
        };
        let (head, tail) = word.split_at_mut(block.len());
        head.copy_from_slice(block);
        tail.copy_from_slice(check);
        match decoder.correct_err_count(word, None) {
            Ok((_, 0)) => {}
            Ok((fixed, n)) => {
                block.copy_from_slice(fixed.data());
                repair.fixed = repair.fixed.saturating_add(n);
            }
            Err(_) => repair.gave_up = true,
        }
    }
    Some(repair)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_inverts_overhead_for_every_length() {
        for data in 1..=MAX_BLOCKS * BLOCK_DATA {
            assert_eq!(split(data + overhead(data)), Some(data), "data {data}");
        }
    }

    #[test]
    fn up_to_three_wrong_bytes_per_block_are_corrected_and_counted() {
        let mut buf = [0u8; 600];
        for (i, b) in buf.iter_mut().enumerate().take(500) {
            *b = (i % 251) as u8 + 1;
        }
        let len = protect(&mut buf, 500).unwrap();
        assert_eq!(len, 500 + 3 * PARITY_BYTES + 1);
        let sent = buf;
        for at in [0, 100, 248, 249, 300, 400, 498, 499] {
            buf[at] ^= 0x5a;
        }
        let r = repair(&mut buf[..len]).unwrap();
        assert_eq!(r.fixed, 8);
        assert!(!r.gave_up);
        assert_eq!(buf[..500], sent[..500]);
    }

    #[test]
    fn four_wrong_bytes_in_a_block_are_left_alone() {
        let mut buf = [7u8; 80];
        let len = protect(&mut buf, 60).unwrap();
        for at in [1, 2, 3, 4] {
            buf[at] = 0x33;
        }
        let arrived = buf;
        let r = repair(&mut buf[..len]).unwrap();
        // Either the decoder sees too many errors, or it "corrects" into another codeword
        // (the frame's CRC catches that); it must never claim success with the same bytes.
        assert!(r.gave_up || buf != arrived);
    }
}
