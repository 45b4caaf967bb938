//! What each character of a digest looks like on a panel whose font covers a [`Charset`].
//!
//! A character is shown as itself when the font has it; otherwise as a transliteration into
//! the font's characters ("ł" as "l", "Москва" as "Moskva", "…" as "..."); otherwise as the
//! [placeholder](Cell::Placeholder): a hollow box the size of a glyph, drawn by the layouts,
//! so a reader sees that something was there. Nothing is dropped silently. The only characters
//! that take no cell are those invisible by definition: combining marks (the base letter before
//! them stands for the accented letter, as a transliteration would), the soft hyphen, and
//! zero-width format characters (joiners, the byte-order mark).
//!
//! The table is written here rather than taken from a transliteration crate: those carry the
//! whole of Unicode (hundreds of kilobytes), more than a micro:bit has flash for. It covers the
//! scripts news alerts mostly use: Latin-1, Latin Extended-A and Romanian, Greek, Cyrillic
//! (Russian and Ukrainian letters, not told apart: "Київ" reads "Kiyiv"), and the common typographic marks.

/// The characters a panel's font can draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Charset {
    /// Printable ASCII (U+0020..=U+007E): the micro:bit's 5x5 font.
    Ascii,
    /// ISO 8859-1: printable ASCII and U+00A0..=U+00FF, the embedded-graphics `iso_8859_1`
    /// fonts used by the e-ink, OLED and LED-matrix layouts.
    Latin1,
}

impl Charset {
    /// Whether the font draws `c` itself.
    pub fn has(self, c: char) -> bool {
        match self {
            Charset::Ascii => (' '..='~').contains(&c),
            // U+00AD, the soft hyphen, is invisible by definition (see `shown`).
            Charset::Latin1 => (' '..='~').contains(&c) || ('\u{A0}'..='\u{FF}').contains(&c),
        }
    }
}

/// One glyph cell of shown text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// A character the font draws.
    Char(char),
    /// A character nothing here can show (Arabic, Hebrew, CJK, emoji, control codes...):
    /// drawn as a hollow box filling the glyph cell, like a font's "missing glyph".
    Placeholder,
}

/// How one source character is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// As this character of the charset.
    Char(char),
    /// As these characters of the charset (a transliteration; never empty).
    Str(&'static str),
    /// As the placeholder box.
    Placeholder,
    /// Not at all: the character is invisible by definition.
    Nothing,
}

/// How `c` is shown with a font covering `charset`. Whitespace is shown as a space: text is
/// wrapped on it, so a tab or a line break in a digest is a word break like any other.
pub fn shown(c: char, charset: Charset) -> Shown {
    if c.is_whitespace() {
        return Shown::Char(' ');
    }
    if is_invisible(c) {
        return Shown::Nothing;
    }
    if charset.has(c) {
        return Shown::Char(c);
    }
    match transliteration(c) {
        Some(s) => Shown::Str(s),
        None => Shown::Placeholder,
    }
}

/// Combining marks, the soft hyphen and zero-width format characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}'
        | '\u{300}'..='\u{36F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}')
}

/// ASCII for Latin-1's U+00A0..=U+00FF, in order (used when the font is ASCII only).
const LATIN1: [&str; 96] = [
    " ", "!", "c", "GBP", "*", "JPY", "|", "S", "\"", "(C)", "a", "<<", "-", "-", "(R)",
    "-", //
    "deg", "+/-", "2", "3", "'", "u", "P", ".", ",", "1", "o", ">>", "1/4", "1/2", "3/4",
    "?", //
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", //
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss", //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", //
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y", //
];

/// Latin Extended-A, U+0100..=U+017F (Polish, Czech, Hungarian, Turkish, Baltic...), in order.
const LATIN_EXT_A: [&str; 128] = [
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", //
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", //
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", //
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", //
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "NG", "ng", "O", "o", "O", "o", //
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", //
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", //
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s", //
];

/// Greek capitals U+0391..=U+03A9 (ELOT 743, simplified); U+03A2 is unassigned.
const GREEK_UPPER: [&str; 25] = [
    "A", "V", "G", "D", "E", "Z", "I", "Th", "I", "K", "L", "M", "N", "X", "O", "P", "R", "S", "S",
    "T", "Y", "F", "Ch", "Ps", "O",
];
/// Greek small letters U+03B1..=U+03C9 (U+03C2 is the final sigma).
const GREEK_LOWER: [&str; 25] = [
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
    "t", "y", "f", "ch", "ps", "o",
];

/// Cyrillic capitals U+0410..=U+042F (BGN/PCGN-like, Russian).
const CYRILLIC_UPPER: [&str; 32] = [
    "A", "B", "V", "G", "D", "E", "Zh", "Z", "I", "Y", "K", "L", "M", "N", "O", "P", "R", "S", "T",
    "U", "F", "Kh", "Ts", "Ch", "Sh", "Shch", "\"", "Y", "'", "E", "Yu", "Ya",
];
/// Cyrillic small letters U+0430..=U+044F.
const CYRILLIC_LOWER: [&str; 32] = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "\"", "y", "'", "e", "yu", "ya",
];

/// Everything else with a transliteration, sorted by character for a binary search.
const SPARSE: &[(char, &str)] = &[
    ('\u{218}', "S"),
    ('\u{219}', "s"),
    ('\u{21A}', "T"),
    ('\u{21B}', "t"),
    ('\u{386}', "A"),
    ('\u{388}', "E"),
    ('\u{389}', "I"),
    ('\u{38A}', "I"),
    ('\u{38C}', "O"),
    ('\u{38E}', "Y"),
    ('\u{38F}', "O"),
    ('\u{3AC}', "a"),
    ('\u{3AD}', "e"),
    ('\u{3AE}', "i"),
    ('\u{3AF}', "i"),
    ('\u{3CC}', "o"),
    ('\u{3CD}', "y"),
    ('\u{3CE}', "o"),
    ('\u{401}', "Yo"),
    ('\u{404}', "Ye"),
    ('\u{406}', "I"),
    ('\u{407}', "Yi"),
    ('\u{451}', "yo"),
    ('\u{454}', "ye"),
    ('\u{456}', "i"),
    ('\u{457}', "yi"),
    ('\u{490}', "G"),
    ('\u{491}', "g"),
    ('\u{2010}', "-"),
    ('\u{2011}', "-"),
    ('\u{2012}', "-"),
    ('\u{2013}', "-"),
    ('\u{2014}', "-"),
    ('\u{2015}', "-"),
    ('\u{2018}', "'"),
    ('\u{2019}', "'"),
    ('\u{201A}', ","),
    ('\u{201B}', "'"),
    ('\u{201C}', "\""),
    ('\u{201D}', "\""),
    ('\u{201E}', "\""),
    ('\u{2020}', "+"),
    ('\u{2022}', "*"),
    ('\u{2026}', "..."),
    ('\u{2032}', "'"),
    ('\u{2033}', "\""),
    ('\u{2039}', "<"),
    ('\u{203A}', ">"),
    ('\u{2044}', "/"),
    ('\u{20AC}', "EUR"),
    ('\u{2116}', "No"),
    ('\u{2122}', "TM"),
    ('\u{2190}', "<-"),
    ('\u{2192}', "->"),
    ('\u{2212}', "-"),
];

/// A transliteration of `c` into printable ASCII, if the table has one.
pub fn transliteration(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    let from = |table: &'static [&'static str], start: u32| {
        let index = usize::try_from(code.checked_sub(start)?).ok()?;
        table.get(index).copied()
    };
    match c {
        '\u{A0}'..='\u{FF}' => from(&LATIN1, 0xA0),
        '\u{100}'..='\u{17F}' => from(&LATIN_EXT_A, 0x100),
        '\u{391}'..='\u{3A1}' | '\u{3A3}'..='\u{3A9}' => from(&GREEK_UPPER, 0x391),
        '\u{3B1}'..='\u{3C9}' => from(&GREEK_LOWER, 0x3B1),
        '\u{410}'..='\u{42F}' => from(&CYRILLIC_UPPER, 0x410),
        '\u{430}'..='\u{44F}' => from(&CYRILLIC_LOWER, 0x430),
        _ => SPARSE
            .binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .and_then(|i| SPARSE.get(i))
            .map(|&(_, s)| s),
    }
}

/// The glyph cells of `text` as shown with `charset`, in order.
#[derive(Clone, Debug)]
pub struct Cells<'a> {
    chars: core::str::Chars<'a>,
    /// The rest of a transliteration being shown.
    pending: core::str::Chars<'static>,
    charset: Charset,
}

impl<'a> Cells<'a> {
    pub fn new(text: &'a str, charset: Charset) -> Self {
        Self {
            chars: text.chars(),
            pending: "".chars(),
            charset,
        }
    }
}

impl Iterator for Cells<'_> {
    type Item = Cell;

    fn next(&mut self) -> Option<Cell> {
        if let Some(c) = self.pending.next() {
            return Some(Cell::Char(c));
        }
        loop {
            match shown(self.chars.next()?, self.charset) {
                Shown::Char(c) => return Some(Cell::Char(c)),
                Shown::Placeholder => return Some(Cell::Placeholder),
                Shown::Nothing => {}
                Shown::Str(s) => {
                    self.pending = s.chars();
                    if let Some(c) = self.pending.next() {
                        return Some(Cell::Char(c));
                    }
                }
            }
        }
    }
}

/// How many glyph cells `text` takes.
pub fn cell_count(text: &str, charset: Charset) -> usize {
    Cells::new(text, charset).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::String;

    fn show(text: &str, charset: Charset) -> String {
        Cells::new(text, charset)
            .map(|c| match c {
                Cell::Char(c) => c,
                Cell::Placeholder => '#',
            })
            .collect()
    }

    #[test]
    fn latin1_fonts_keep_latin1_accents_and_transliterate_the_rest() {
        assert_eq!(
            show("Genève, Zürich, Ærø", Charset::Latin1),
            "Genève, Zürich, Ærø"
        );
        assert_eq!(
            show("Łódź – “Gdańsk”…", Charset::Latin1),
            "Lódz - \"Gdansk\"..."
        );
        assert_eq!(show("Київ, Москва", Charset::Latin1), "Kiyiv, Moskva");
        assert_eq!(show("Αθήνα", Charset::Latin1), "Athina");
        assert_eq!(
            show("Brașov, Timișoara", Charset::Latin1),
            "Brasov, Timisoara"
        );
    }

    #[test]
    fn ascii_fonts_transliterate_latin1_too() {
        assert_eq!(
            show("Genève, Zürich, Ærø, Straße", Charset::Ascii),
            "Geneve, Zurich, AEro, Strasse"
        );
    }

    #[test]
    fn what_nothing_can_show_becomes_one_placeholder_per_character() {
        assert_eq!(show("Fire 🔥 in 東京", Charset::Latin1), "Fire # in ##");
        assert_eq!(show("bell\u{7}", Charset::Latin1), "bell#");
        assert_eq!(show("תל אביב", Charset::Ascii), "## ####");
    }

    #[test]
    fn invisible_characters_take_no_cell_and_whitespace_is_a_space() {
        // "e" + combining acute: the base letter stands for the accented one.
        assert_eq!(show("Cafe\u{301} co\u{AD}op", Charset::Latin1), "Cafe coop");
        assert_eq!(show("a\tb\nc\u{200B}d", Charset::Latin1), "a b cd");
    }

    #[test]
    fn every_transliteration_is_printable_ascii_and_not_empty() {
        for code in 0..0x3000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if let Some(s) = transliteration(c) {
                assert!(!s.is_empty(), "{c:?}");
                assert!(s.chars().all(|t| Charset::Ascii.has(t)), "{c:?} -> {s:?}");
            }
        }
    }

    #[test]
    fn sparse_table_is_sorted_for_binary_search() {
        assert!(SPARSE.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
