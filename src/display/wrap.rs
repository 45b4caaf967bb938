//! Word wrapping in glyph cells: every layout's fonts are monospaced, so a line's width in
//! pixels is its cell count times the font's advance.

use super::text::{Charset, Shown, cell_count, shown};

/// One wrapped line: a slice of the source text, without the spaces around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    /// Where the line starts in the source text, in bytes.
    pub start: usize,
    /// The line ends inside a word longer than a whole line (the rest of the word follows on
    /// the next line). Text condensed for the layout never has one.
    pub broken: bool,
}

/// The lines of `text` at most `cols` cells wide, broken at whitespace.
#[derive(Clone, Debug)]
pub struct Wrap<'a> {
    rest: &'a str,
    /// Length of the whole source text.
    len: usize,
    cols: usize,
    charset: Charset,
}

impl<'a> Wrap<'a> {
    pub fn new(text: &'a str, cols: usize, charset: Charset) -> Self {
        Self {
            rest: text,
            len: text.len(),
            cols,
            charset,
        }
    }
}

impl<'a> Iterator for Wrap<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let rest = self.rest.trim_start_matches(char::is_whitespace);
        self.rest = rest;
        if rest.is_empty() {
            return None;
        }
        let mut used = 0usize;
        let mut words = 0usize;
        let mut end = 0usize;
        let mut broken = false;
        loop {
            let after = rest.get(end..).unwrap_or_default();
            let word_text = after.trim_start_matches(char::is_whitespace);
            if word_text.is_empty() {
                break;
            }
            let start = end.saturating_add(after.len().saturating_sub(word_text.len()));
            let word_len = word_text
                .find(char::is_whitespace)
                .unwrap_or(word_text.len());
            let word = word_text.get(..word_len).unwrap_or_default();
            let cells = cell_count(word, self.charset);
            let need = if words == 0 {
                cells
            } else {
                used.saturating_add(1).saturating_add(cells)
            };
            if need <= self.cols {
                used = need;
                words = words.saturating_add(1);
                end = start.saturating_add(word_len);
                continue;
            }
            if words == 0 {
                // A word longer than a line: as much of it as fits, at least one character so
                // wrapping always advances.
                end = start.saturating_add(prefix_fitting(word, self.cols, self.charset));
                broken = true;
            }
            break;
        }
        let line = rest.get(..end).unwrap_or_default();
        self.rest = rest.get(end..).unwrap_or_default();
        Some(Line {
            text: line,
            start: self.len.saturating_sub(rest.len()),
            broken,
        })
    }
}

/// Bytes of the longest prefix of `word` within `cols` cells (at least one character).
fn prefix_fitting(word: &str, cols: usize, charset: Charset) -> usize {
    let mut used = 0usize;
    let mut end = 0usize;
    for (i, c) in word.char_indices() {
        let cells = match shown(c, charset) {
            Shown::Nothing => 0,
            Shown::Str(s) => s.chars().count(),
            Shown::Char(_) | Shown::Placeholder => 1,
        };
        used = used.saturating_add(cells);
        if used > cols && i > 0 {
            break;
        }
        end = i.saturating_add(c.len_utf8());
    }
    end
}

/// Whether `text` wraps into at most `lines` lines of `cols` cells without breaking a word.
pub fn fits(text: &str, cols: usize, lines: usize, charset: Charset) -> bool {
    let mut count = 0usize;
    for line in Wrap::new(text, cols, charset) {
        count = count.saturating_add(1);
        if line.broken || count > lines {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    fn lines(text: &str, cols: usize) -> Vec<&str> {
        Wrap::new(text, cols, Charset::Latin1)
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn wraps_on_word_boundaries_within_the_width() {
        // Checked by hand: 21 columns is the OLED card's line.
        assert_eq!(
            lines("Drone downed near USS Abraham Lincoln", 21),
            ["Drone downed near USS", "Abraham Lincoln"]
        );
        assert_eq!(lines("  a  b  ", 1), ["a", "b"]);
        assert!(lines("   ", 5).is_empty());
    }

    #[test]
    fn widths_count_cells_not_bytes() {
        // "Genève" is 7 bytes but 6 cells; "Київ" is 8 bytes and 5 cells ("Kiyiv").
        assert_eq!(lines("Genève Genève", 13), ["Genève Genève"]);
        assert_eq!(lines("Київ Київ", 11), ["Київ Київ"]);
        assert_eq!(lines("Київ Київ", 10), ["Київ", "Київ"]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_and_marked() {
        let all: Vec<_> = Wrap::new("Taumatawhakatangihanga hill", 8, Charset::Latin1).collect();
        let texts: Vec<_> = all.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Taumataw", "hakatang", "ihanga", "hill"]);
        assert_eq!(
            all.iter().map(|l| l.broken).collect::<Vec<_>>(),
            [true, true, false, false]
        );
        assert!(!fits("Taumatawhakatangihanga", 8, 9, Charset::Latin1));
    }

    #[test]
    fn invisible_words_still_take_their_space() {
        // Zero-width characters are a word of no cells: the space after them still counts.
        let text = "\u{200b} abcdefgh";
        let all: Vec<_> = Wrap::new(text, 8, Charset::Latin1).collect();
        assert_eq!(
            all.iter().map(|l| l.text).collect::<Vec<_>>(),
            ["\u{200b}", "abcdefgh"]
        );
    }

    #[test]
    fn fits_counts_lines() {
        let text = "Drone downed near USS Abraham Lincoln";
        assert!(fits(text, 21, 2, Charset::Latin1));
        assert!(!fits(text, 21, 1, Charset::Latin1));
        assert!(fits("", 21, 0, Charset::Latin1));
    }
}
