//! A panel in the terminal: two pixels a character with half blocks, or eight with braille.

use std::fmt::Write as _;

use clap::ValueEnum;

/// How to draw a panel in the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Style {
    /// Half blocks up to 128 pixels wide, braille beyond (a 250-pixel e-ink panel then takes
    /// 125 columns).
    Auto,
    /// Half blocks: one character is 1x2 pixels (the panel's proportions kept).
    HalfBlock,
    /// Braille: one character is 2x4 pixels (a quarter of the width).
    Braille,
    /// Don't print the screen.
    None,
}

/// The panel `width` x `height` whose pixel (x, y) is lit when `lit(x, y)`, framed by a box
/// so its edges show. Empty for [`Style::None`].
pub fn render(style: Style, width: u32, height: u32, lit: impl Fn(u32, u32) -> bool) -> String {
    /// Widest panel drawn in half blocks by [`Style::Auto`]: a column a pixel.
    const AUTO_HALF_BLOCK_WIDTH: u32 = 128;
    let style = match style {
        Style::Auto if width <= AUTO_HALF_BLOCK_WIDTH => Style::HalfBlock,
        Style::Auto => Style::Braille,
        other => other,
    };
    let at = |x: u32, y: u32| x < width && y < height && lit(x, y);
    let (cell_w, cell_h) = match style {
        Style::HalfBlock => (1, 2),
        Style::Braille => (2, 4),
        Style::None | Style::Auto => return String::new(),
    };
    let cols = width.div_ceil(cell_w);
    let rows = height.div_ceil(cell_h);
    let mut out = String::new();
    let rule = "─".repeat(cols as usize);
    let _ = writeln!(out, "┌{rule}┐");
    for row in 0..rows {
        out.push('│');
        for col in 0..cols {
            let (x, y) = (col * cell_w, row * cell_h);
            out.push(match style {
                Style::HalfBlock => match (at(x, y), at(x, y + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                },
                _ => braille(|dx, dy| at(x + dx, y + dy)),
            });
        }
        out.push_str("│\n");
    }
    let _ = writeln!(out, "└{rule}┘");
    out
}

/// The braille character whose dots are the lit pixels of a 2x4 cell.
fn braille(lit: impl Fn(u32, u32) -> bool) -> char {
    // Unicode braille dot numbering: bits 0-2 the left column's top three dots, 3-5 the
    // right column's, 6 and 7 the bottom row (left, right).
    const DOTS: [(u32, u32, u32); 8] = [
        (0, 0, 0),
        (0, 1, 1),
        (0, 2, 2),
        (1, 0, 3),
        (1, 1, 4),
        (1, 2, 5),
        (0, 3, 6),
        (1, 3, 7),
    ];
    let bits = DOTS
        .iter()
        .filter(|&&(x, y, _)| lit(x, y))
        .fold(0u32, |bits, &(_, _, bit)| bits | 1 << bit);
    char::from_u32(0x2800 + bits).unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_blocks_pair_rows() {
        // A 2x3 panel: top-left, both of column 1's first two rows, and bottom-left lit.
        let lit = |x: u32, y: u32| matches!((x, y), (0, 0) | (1, 0) | (1, 1) | (0, 2));
        let out = render(Style::HalfBlock, 2, 3, lit);
        assert_eq!(out, "┌──┐\n│▀█│\n│▀ │\n└──┘\n");
    }

    #[test]
    fn braille_maps_each_pixel_to_its_dot() {
        assert_eq!(render(Style::Braille, 2, 4, |_, _| true), "┌─┐\n│⣿│\n└─┘\n");
        assert_eq!(
            render(Style::Braille, 2, 4, |x, y| x == 0 && y == 0),
            "┌─┐\n│⠁│\n└─┘\n"
        );
        assert_eq!(
            render(Style::Braille, 2, 4, |x, y| x == 1 && y == 3),
            "┌─┐\n│⢀│\n└─┘\n"
        );
        assert_eq!(render(Style::None, 2, 4, |_, _| true), "");
        assert_eq!(
            render(Style::Auto, 2, 4, |_, _| true),
            "┌──┐\n│██│\n│██│\n└──┘\n"
        );
        assert!(render(Style::Auto, 250, 4, |_, _| true).contains('⣿'));
    }
}
