//! Rules that shorten names: titles, company suffixes, quote codes, units, acronyms.

use super::{ACRONYM_MAX_LETTERS, NAME_MAX_WORDS, Sentence, Word, ends_clause};
use crate::condense::lexicon::{
    self, COMPANY_SUFFIXES, HEADLINE_SHORT_FORMS, NUMBER_WORDS, OWNED_UNIT, TEXT_ABBREVIATIONS,
    TEXT_UNITS, UNIT_NOUNS,
};
use crate::condense::word_class::Classes;

/// Title words that are also ordinary words of a company's or a thing's name ("General
/// Motors", "Special Olympics", "Chief Auto Parts"): alone, a title only before a full name.
const TITLES_ONLY_IN_A_NAME: &[&str] = &["general", "special", "chief", "deputy"];

/// Most letters of a plain stock ticker ("<GEOX>"): exchanges list up to five.
const TICKER_MAX_LETTERS: usize = 5;

/// Words of a body's name that a title word may open ("Finance Ministry", "Executive
/// Commission"): what follows such a title is no person's name.
const INSTITUTION_NOUNS: &[&str] = &[
    "ministry",
    "commission",
    "committee",
    "department",
    "council",
    "board",
    "office",
    "agency",
    "bureau",
    "service",
    "authority",
    "court",
    "cabinet",
    "directorate",
];

/// Words that qualify a title and go with it ("Former Vice President Dick Cheney").
const TITLE_QUALIFIERS: &[&str] = &["former", "ex", "acting", "outgoing", "late"];

impl<'a> Sentence<'a> {
    /// "the Chicago Board Options Exchange (CBOE) sold" -> "the CBOE sold", "Chicago
    /// Mercantile Exchange, CME, directors" -> "CME directors": a name followed by its
    /// initials is written as the initials, as a headline writes "OECD" or "FDIC". The
    /// initials must spell the capitalised words of the name (a company suffix at its end may
    /// be left out: "Nippon Telegraph and Telephone Corp (NTT)").
    pub(super) fn acronyms(&mut self) {
        let mut from = 1usize;
        // Most words are passed over by a scan for their shape: a few capital letters.
        let shape = |w: &Word| {
            (2..=ACRONYM_MAX_LETTERS).contains(&w.bare.len())
                && w.bare.bytes().all(|b| b.is_ascii_uppercase())
        };
        while let Some(a) = self.next_word_from(from, shape) {
            from = a.saturating_add(1);
            let Some((short, comma_form)) = self.initials_word(a) else {
                continue;
            };
            let Some(end) = self.prev_live(a) else {
                continue;
            };
            let Some(start) = self.name_spelt(end, short, comma_form) else {
                continue;
            };
            if !self.begin() {
                return;
            }
            // A clause mark after the parenthesis belongs to the sentence: it moves to the
            // name. In ", CME," the commas only set the initials off.
            let mark = !comma_form && ends_clause(self.marks_after(a));
            for j in start.saturating_add(1)..=a {
                self.drop(j);
            }
            self.rewrite(start, short);
            if mark {
                self.append_mark(start);
            }
        }
    }

    /// The initials word `a` holds, if it is one ("(CBOE)", "(ICO),", or "CME," after a word
    /// with a comma), and whether it is set off by commas rather than parentheses.
    fn initials_word(&self, a: usize) -> Option<(&'a str, bool)> {
        let w = self.words.get(a)?;
        let letters = w.bare;
        if !(2..=ACRONYM_MAX_LETTERS).contains(&letters.len())
            || !letters.bytes().all(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        let (lead, rest) = w.split();
        let prev = self.prev_live(a)?;
        if lead == "(" && matches!(rest, ")" | ")," | ");" | ").") {
            // The name runs right up to the parenthesis.
            return self
                .marks_after(prev)
                .is_empty()
                .then_some((letters, false));
        }
        (lead.is_empty() && rest == "," && self.marks_after(prev) == ",").then_some((letters, true))
    }

    /// The first word of a name ending at word `end` whose capitalised words' initials (parts
    /// of a hyphenated word counted apart) spell `short`, if there is one. Joining words
    /// ("of", "and", "the", "for") may stand inside the name; no word but the last may carry
    /// a mark, and that only the comma that sets the initials off.
    fn name_spelt(&self, end: usize, short: &str, comma_form: bool) -> Option<usize> {
        let short = short.as_bytes();
        // Spelt backwards from the end: `got` counts the initials matched from the right.
        let spell = |skip_suffix: bool| -> Option<usize> {
            let mut got = 0usize;
            let mut j = end;
            let mut first = true;
            loop {
                let w = self.words.get(j)?;
                let (lead, rest) = w.split();
                let marked =
                    !lead.is_empty() || !(rest.is_empty() || (first && comma_form && rest == ","));
                if marked || w.bare.is_empty() {
                    return None;
                }
                let suffix = first && skip_suffix && self.has(j, Classes::COMPANY_SUFFIX);
                if self.capitalised(j) && !suffix {
                    // The initials of the word's parts, last part first.
                    for part in w.bare.rsplit('-') {
                        let initial = part.as_bytes().first()?;
                        if !initial.is_ascii_uppercase() {
                            return None;
                        }
                        let want = short.len().checked_sub(got.saturating_add(1))?;
                        if short.get(want) != Some(initial) {
                            return None;
                        }
                        got = got.saturating_add(1);
                    }
                    if got == short.len() {
                        return Some(j);
                    }
                } else if !suffix && !self.in_table(j, &["of", "and", "the", "for", "&"]) {
                    return None;
                }
                first = false;
                j = self.prev_live(j)?;
            }
        };
        spell(false).or_else(|| spell(true))
    }

    /// "KLM Royal Dutch Airlines <KLM.AS> said" -> "KLM Royal Dutch Airlines said": a quote
    /// code with its exchange ("<KLM.AS>", "[DAIG.F]") is for a market screen, not a headline.
    /// (A plain ticker, "<KO>", is how a wire headline names a company, and stays.)
    pub(super) fn quote_codes(&mut self) {
        // Most words are passed over by a scan for an opening bracket.
        let mut from = 1usize;
        let bracket = |w: &Word| w.text.starts_with(['<', '[']);
        while let Some(i) = self.next_word_from(from, bracket) {
            from = i.saturating_add(1);
            if !self.is_quote_code(i) {
                continue;
            }
            let Some(p) = self.prev_live(i) else {
                continue;
            };
            if self.comma_after(p) {
                continue;
            }
            if !self.begin() {
                return;
            }
            let mark = self.keeps_mark(i);
            self.drop(i);
            if mark && !self.comma_after(p) {
                self.append_mark(p);
            }
        }
    }

    /// Whether word `i` is a quote code: capitals and digits, a full stop and an exchange of
    /// one or two capitals, in angle or square brackets.
    fn is_quote_code(&self, i: usize) -> bool {
        let t = self.text(i).trim_end_matches([',', '.', ';', ':']);
        let Some(inner) = t
            .strip_prefix('<')
            .and_then(|r| r.strip_suffix('>'))
            .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        else {
            return false;
        };
        let Some((code, exchange)) = inner.rsplit_once('.') else {
            // A plain ticker after the name it stands for ("Geonex Corp <GEOX>").
            return (1..=TICKER_MAX_LETTERS).contains(&inner.len())
                && inner.bytes().all(|b| b.is_ascii_uppercase())
                && self.prev_live(i).is_some_and(|p| self.capitalised(p));
        };
        !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
            && (1..=2).contains(&exchange.len())
            && exchange.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// "AMR Corp's American Airlines said …" -> "AMR unit said …": a company the sentence
    /// opens with by its owner's name is, in a wire headline, the owner's unit. Only an owner
    /// whose possessive is a company suffix ("Corp's", "Inc's"): "Pan Am's" may own a plane.
    pub(super) fn owned_units(&mut self) {
        let Some(first) = self.first_live() else {
            return;
        };
        // The owner: capitalised words from the first, ending in a suffix with "'s".
        let mut j = first;
        let mut possessive = None;
        for _ in 0..NAME_MAX_WORDS {
            if !self.capitalised(j) || !self.marks_after(j).is_empty() {
                return;
            }
            if self
                .bare(j)
                .strip_suffix("'s")
                .is_some_and(|suffix| lexicon::contains(COMPANY_SUFFIXES, suffix))
            {
                possessive = Some(j);
                break;
            }
            match self.next_live(j) {
                Some(n) => j = n,
                None => return,
            }
        }
        let Some(possessive) = possessive else {
            return;
        };
        let Some(owner) = self.prev_live(possessive) else {
            return;
        };
        // The unit's name: capitalised words, then perhaps a unit noun with a word that says
        // what the unit does ("Trunkline Gas Co pipeline subsidiary"), then its verb in lower
        // case ("said", "will", "was").
        let Some(start) = self.next_live(possessive) else {
            return;
        };
        let mut end = None;
        let mut j = start;
        for _ in 0..NAME_MAX_WORDS {
            if !self.capitalised(j) {
                break;
            }
            // A comma may only be the first of a pair around a clause struck after the name.
            if !self.marks_after(j).is_empty() && self.keeps_mark(j) {
                return;
            }
            end = Some(j);
            match self.next_live(j) {
                Some(n) => j = n,
                None => return,
            }
        }
        let noun = if self.in_table(j, UNIT_NOUNS) {
            Some(j)
        } else {
            self.next_live(j)
                .filter(|&n| self.marks_after(j).is_empty() && self.in_table(n, UNIT_NOUNS))
        };
        if let Some(noun) = noun.filter(|_| end.is_some()) {
            if !self.marks_after(noun).is_empty() && self.keeps_mark(noun) {
                return;
            }
            end = Some(noun);
            match self.next_live(noun) {
                Some(n) => j = n,
                None => return,
            }
        }
        let Some(end) = end else {
            return;
        };
        // The verb: a word in lower case that neither joins a second name nor qualifies the
        // first ("Chrysler Corp's Chrysler Motors and …", "… Airlines of …").
        if self.capitalised(j)
            || self.in_table(
                j,
                &[
                    "and", "or", "&", "of", "in", "at", "for", "from", "with", "on",
                ],
            )
        {
            return;
        }
        if !self.begin() {
            return;
        }
        self.drop(possessive);
        self.append(owner, OWNED_UNIT);
        for k in start..=end {
            self.drop(k);
        }
    }

    /// "Standard Oil Co" -> "Standard Oil".
    pub(super) fn company_suffixes(&mut self) {
        for i in 1..self.words.len() {
            if self.live(i)
                && self.has(i, Classes::COMPANY_SUFFIX)
                && self.capitalised(i)
                && self
                    .prev_live(i)
                    .is_some_and(|p| self.capitalised(p) && !self.comma_after(p))
            {
                // Its mark stays with the name: "Inc," closes a clause. A bracket that closes
                // the name ("(Ivaco Inc)", "<Qantas Airways Ltd>") keeps its suffix, so the
                // brackets still pair.
                let mark = self.marks_after(i);
                if mark.contains([')', '>']) {
                    continue;
                }
                if !self.begin() {
                    return;
                }
                self.drop(i);
                // Not a comma that went with a clause struck after the name ("Outboard
                // Marine Corp, whose stock is up, said").
                if let Some(p) = self.prev_live(i)
                    && self.keeps_mark(i)
                    && !self.comma_after(p)
                {
                    self.append_mark(p);
                }
            }
        }
    }

    /// "U.S. President Trump" -> "Trump", "special envoy Steve Witkoff" -> "Steve Witkoff".
    pub(super) fn titles(&mut self) {
        let mut i = 0usize;
        while i < self.words.len() {
            if !self.live(i) || !self.has(i, Classes::TITLE) {
                i = i.saturating_add(1);
                continue;
            }
            // A run of title words, then a name.
            let mut last = i;
            while let Some(n) = self.next_live(last) {
                if self.comma_after(last) || !self.has(n, Classes::TITLE) {
                    break;
                }
                last = n;
            }
            // "General Motors Corp", "Executive Telecommunications Inc": a company's name.
            let name = self
                .next_live(last)
                .filter(|&n| !self.comma_after(last) && self.capitalised(n))
                .filter(|&n| !self.names_company(n))
                // "Finance Ministry", "Executive Commission": a body, not a person titled.
                .filter(|&n| !self.in_table(n, INSTITUTION_NOUNS));
            let titled = (i..=last).any(|j| {
                self.live(j)
                    && self.capitalised(j)
                    && !self.in_table(j, &["white", "house", "state"])
            });
            // "General Motors hopes", "General Products division": a word that is a title
            // only beside another ("Attorney General") is a name's first word unless a
            // person's full name follows ("General Colin Powell").
            let lone_word = last == i && self.in_table(i, TITLES_ONLY_IN_A_NAME);
            let full_name = name
                .and_then(|n| self.next_live(n).filter(|_| !self.comma_after(n)))
                .is_some_and(|m| self.capitalised(m));
            let titled = titled && (!lone_word || full_name);
            // "FBI Director Louis Freeh", "Republican Senator Charles Grassley": a title that
            // ties a name to what it heads or belongs to stays ("FBI Louis Freeh" would not
            // say how).
            // A country or nationality, or a "former", before the title goes with it ("U.S.
            // President", "Former Vice President").
            let from = match self.prev_live(i) {
                Some(p)
                    if (self.has(p, Classes::MODIFIER) || self.in_table(p, TITLE_QUALIFIERS))
                        && !self.comma_after(p) =>
                {
                    p
                }
                _ => i,
            };
            // (A country's possessive is no tie: "Ukraine's President Volodymyr Zelenskiy" ->
            // "Ukraine's Volodymyr Zelenskiy".)
            let tied = self.prev_live(from).is_some_and(|p| {
                !self.comma_after(p)
                    && self.capitalised(p)
                    && !self.has(p, Classes::MODIFIER)
                    && !self.in_table(p, &["the", "a", "an"])
                    && !self.text(p).ends_with("'s")
            });
            if let (Some(_), true, false) = (name, titled, tied) {
                if !self.begin() {
                    return;
                }
                self.drop_span(from, last);
            }
            i = last.saturating_add(1);
        }
    }

    /// Whether the run of capitalised words from word `n` ends in a company suffix (struck or
    /// not): "Motors Corp".
    fn names_company(&self, n: usize) -> bool {
        for j in n..self.words.len().min(n.saturating_add(NAME_MAX_WORDS)) {
            if !self.capitalised(j) {
                return false;
            }
            // "General Motors Corp's GMAC": the owner's suffix is possessive.
            if self.has(j, Classes::COMPANY_SUFFIX)
                || self
                    .bare(j)
                    .strip_suffix("'s")
                    .is_some_and(|suffix| lexicon::contains(COMPANY_SUFFIXES, suffix))
            {
                return true;
            }
            if self.comma_after(j) {
                return false;
            }
        }
        false
    }

    /// "United States" -> "US", "percent" -> "pct".
    pub(super) fn abbreviations(&mut self, headline_only: bool) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            if !self.has(i, Classes::TEXT_ABBREVIATION_START) {
                continue;
            }
            if let Some((n, short)) = TEXT_ABBREVIATIONS
                .iter()
                .find_map(|(long, short)| self.phrase_at(i, long).map(|n| (n, *short)))
            {
                // A body's short form is the headline's name for it ("SEC", "Fed"), as "4th
                // qtr" is a quarter's: written with the headline forms; the rest only when
                // room is short.
                if headline_only != lexicon::contains(HEADLINE_SHORT_FORMS, short) {
                    continue;
                }
                if lexicon::contains(TEXT_UNITS, short) && !self.after_number(i) {
                    continue;
                }
                if !self.begin() {
                    return;
                }
                let last = self.nth_live(i, n).unwrap_or(i);
                for j in i.saturating_add(1)..=last {
                    self.drop(j);
                }
                if last > i {
                    // The phrase's mark is on its last word.
                    if self.keeps_mark(last) {
                        self.append_mark(i);
                    }
                }
                self.rewrite(i, short);
            }
        }
    }

    /// Whether the live word before word `i` is a number ("1.5", "two").
    fn after_number(&self, i: usize) -> bool {
        self.prev_live(i)
            .is_some_and(|p| self.has_digit(p) || self.in_table(p, NUMBER_WORDS))
    }
}
