//! The rule that reads a wire's table of results as a headline, and its helpers.

use super::Sentence;
use crate::condense::lexicon::{
    DIVIDEND_LABELS, FIGURE_UNITS, NUMBER_WORDS, RESULTS_PERIODS, TABLE_LABELS,
};

/// A table of results says "vs" within this many words of its start ("Shr 33 cts vs 28
/// cts", "Oper shr loss two cts vs profit seven cts").
const TABLE_VS_WORDS: usize = 8;

impl<'a> Sentence<'a> {
    /// "Shr 33 cts vs 28 cts Net 3,722,000 vs 3,103,000 Sales …" -> "Net 3,722,000 vs
    /// 3,103,000": a table of results is headlined by its net row, as a wire headlines one
    /// ("4TH QTR NET"); a table of a dividend by the dividend ("Qtly div 14 cts vs 14 cts
    /// prior"), its dates of payment and record being detail. A row runs from a capitalised
    /// label after a figure to the next one.
    pub(super) fn results_table(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        if !self.in_table(first, TABLE_LABELS) {
            return;
        }
        let mut j = first;
        let mut compared = false;
        for _ in 0..TABLE_VS_WORDS {
            compared |= self.is(j, "vs");
            match self.next_live(j) {
                Some(n) if !compared => j = n,
                _ => break,
            }
        }
        if !compared {
            return;
        }
        // The row to keep (the net row, else a dividend's first row): its first word, and
        // the first word of the row after it.
        let mut net: Option<(usize, Option<usize>)> = None;
        let mut second = None;
        let mut prev = first;
        let mut at = self.next_live(first);
        while let Some(i) = at {
            if self.capitalised(i) && self.ends_figure(prev) {
                second = second.or(Some(i));
                match net {
                    Some((_, None)) => {
                        net = net.map(|(k, _)| (k, Some(i)));
                        break;
                    }
                    Some(_) => {}
                    None => {
                        let oper = self.is(i, "oper")
                            && self.next_live(i).is_some_and(|n| self.is(n, "net"));
                        if self.is(i, "net") || oper {
                            net = Some((i, None));
                        }
                    }
                }
            }
            prev = i;
            at = self.next_live(i);
        }
        let dividend = self
            .in_table(first, DIVIDEND_LABELS)
            .then_some((first, second));
        let Some((keep, after)) = net.or(dividend) else {
            return;
        };
        if keep == first && after.is_none() {
            return;
        }
        // A later block of the same table says which quarter the first is.
        let period = match net {
            Some((_, Some(a))) => self.quarter_of_table(a),
            _ => None,
        };
        if !self.begin() {
            return;
        }
        if let Some((net_head, oper_head)) = period {
            self.rewrite(
                keep,
                if self.is(keep, "oper") {
                    oper_head
                } else {
                    net_head
                },
            );
        }
        if let Some(a) = after
            && let Some(end) = self.last_live().filter(|&l| l >= a)
        {
            self.drop_span(a, end);
        }
        if let Some(before) = self.prev_live(keep) {
            self.drop_span(first, before);
        }
    }

    /// The headline's quarter for a table of results whose first block is followed, from
    /// word `from` on, by a block of a longer period ("… Net 388,000 vs 328,000 … Year Shr 37
    /// cts …": the first block is the 4th quarter's), as the heads of its net row; see
    /// [`RESULTS_PERIODS`].
    fn quarter_of_table(&self, from: usize) -> Option<(&'static str, &'static str)> {
        let mut prev = self.prev_live(from)?;
        let mut at = Some(from);
        while let Some(i) = at {
            if (self.capitalised(i) || self.has_digit(i)) && self.ends_figure(prev) {
                let heads = RESULTS_PERIODS
                    .iter()
                    .find(|(period, _, _)| self.phrase_at(i, period).is_some())
                    .map(|&(_, net, oper)| (net, oper));
                if heads.is_some() {
                    return heads;
                }
            }
            prev = i;
            at = self.next_live(i);
        }
        None
    }

    /// Whether word `i` ends a figure of a table: a number, or its unit ("cts", "mln",
    /// "prior").
    fn ends_figure(&self, i: usize) -> bool {
        self.has_digit(i) || self.in_table(i, NUMBER_WORDS) || self.in_table(i, FIGURE_UNITS)
    }
}
