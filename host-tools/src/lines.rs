//! Reading JSON Lines input with a bound on the memory one line may take.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use anyhow::Context as _;

/// Opens FILE, or standard input for `-`.
pub fn open(path: &Path) -> anyhow::Result<Box<dyn BufRead>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Ok(Box::new(BufReader::new(file)))
}

/// Reads all of `input` (for whole-document formats such as GeoJSON).
pub fn read_all(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(path)?
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(bytes)
}

/// One input line: its bytes (without the line ending), or how long it was when over the cap.
pub enum Line {
    Bytes(Vec<u8>),
    TooLong(usize),
}

/// Reads lines of at most `cap` bytes; longer lines are consumed whole but not kept, so a
/// gigabyte without a newline cannot exhaust memory.
pub struct CappedLines<R> {
    input: R,
    cap: usize,
}

impl<R: BufRead> CappedLines<R> {
    pub fn new(input: R, cap: usize) -> Self {
        Self { input, cap }
    }
}

impl<R: BufRead> Iterator for CappedLines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut kept = Vec::new();
        let mut len = 0usize;
        let mut seen_any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if chunk.is_empty() {
                if !seen_any {
                    return None;
                }
                break;
            }
            seen_any = true;
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], true),
                None => (chunk, false),
            };
            len += part.len();
            if kept.len() <= self.cap {
                let room = (self.cap + 1).saturating_sub(kept.len());
                kept.extend_from_slice(&part[..part.len().min(room)]);
            }
            let consumed = part.len() + usize::from(done);
            self.input.consume(consumed);
            if done {
                break;
            }
        }
        if kept.last() == Some(&b'\r') && len <= self.cap + 1 {
            kept.pop();
            len -= 1;
        }
        Some(Ok(if len > self.cap {
            Line::TooLong(len)
        } else {
            Line::Bytes(kept)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], cap: usize) -> Vec<String> {
        CappedLines::new(input, cap)
            .map(|l| match l.unwrap() {
                Line::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
                Line::TooLong(n) => format!("<{n}>"),
            })
            .collect()
    }

    #[test]
    fn lines_split_on_newlines_with_or_without_carriage_returns() {
        assert_eq!(read(b"a\nbb\r\n\nc", 10), ["a", "bb", "", "c"]);
        assert_eq!(read(b"a\n", 10), ["a"]);
        assert!(read(b"", 10).is_empty());
    }

    #[test]
    fn long_lines_are_measured_not_kept() {
        let mut input = vec![b'x'; 100_000];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(read(&input, 10), ["<100000>", "ok"]);
    }
}
