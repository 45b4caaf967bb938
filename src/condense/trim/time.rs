//! Rules that strike when the news happened (times, dates) and the places a bulletin lists.

use super::Sentence;
use crate::condense::lexicon::{NOW_PHRASES, TIME_PHRASES};
use crate::condense::word_class::Classes;

/// Words before a day that make it a deadline or a span, not the time of the news: "until
/// Wednesday", "through Friday" (an alert's end stays).
const DEADLINE_WORDS: &[&str] = &[
    "until",
    "through",
    "thru",
    "till",
    "by",
    "before",
    "after",
    "since",
    "from",
    "to",
    "next",
    "last",
    "every",
    "each",
    "starting",
    "beginning",
    "ending",
    "effective",
];

/// Most words of the places a warning lists before when it ends ("including Tulsa OK, Broken
/// Arrow OK and Owasso OK until …"): a longer run is not a list of places.
const PLACE_LIST_MAX_WORDS: usize = 24;

/// Parts of a day that may follow a date ("on Monday night").
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

impl<'a> Sentence<'a> {
    /// "A flash flood warning is in effect for this area until 6:00AM" -> "… warning until
    /// 6:00AM": a warning that is named is in effect, and the alert is for where it is shown.
    pub(super) fn in_effect(&mut self) {
        // Found from "effect", the rarest of its words: one comparison a word.
        for last in 0..self.words.len() {
            if !self.live(last) || !self.is(last, "effect") {
                continue;
            }
            // "A warning is in effect until …", and a bulletin's heading without its verb:
            // "WINTER STORM WARNING IN EFFECT FROM 6 PM …" (after the product's name).
            let verb = self
                .prev_live(last)
                .filter(|&n| self.is(n, "in"))
                .and_then(|n| {
                    let v = self.prev_live(n)?;
                    if self.comma_after(v) || self.comma_after(n) {
                        return None;
                    }
                    if self.in_table(v, &["is", "remains", "are", "remain"]) {
                        Some(v)
                    } else {
                        self.capitalised(v).then_some(n)
                    }
                });
            let Some(i) = verb else {
                continue;
            };
            // "for this area", "for the area".
            let area = self
                .next_live(last)
                .filter(|_| !self.comma_after(last))
                .and_then(|f| {
                    let d = self.next_live(f)?;
                    let a = self.next_live(d)?;
                    (self.is(f, "for")
                        && self.in_table(d, &["this", "the", "your"])
                        && self.is(a, "area")
                        && !self.comma_after(d))
                    .then_some(a)
                });
            let end = area.unwrap_or(last);
            // A time or a place must follow ("until 6:00AM"): "A warning is in effect." says
            // only that, and "you are in effect moving" is "in effect" as "in fact".
            let then = self.next_live(end).is_some_and(|n| {
                self.in_table(
                    n,
                    &[
                        "until", "till", "til", "through", "from", "for", "across", "over",
                    ],
                )
            });
            if !then || !self.begin() {
                continue;
            }
            self.drop_span(i, end);
        }
    }

    /// "Tornado Warning including Tulsa OK, Broken Arrow OK and Owasso OK until 9:15 PM CDT"
    /// -> "Tornado Warning until 9:15 PM CDT": the places a warning includes give way to when
    /// it ends, which a reader of a small display cannot otherwise learn.
    pub(super) fn listed_places(&mut self) {
        for i in 1..self.words.len() {
            if !self.live(i) || !self.is(i, "including") {
                continue;
            }
            let end = (i.saturating_add(1)..self.words.len())
                .take(PLACE_LIST_MAX_WORDS)
                .filter(|&j| self.live(j))
                .find(|&j| self.in_table(j, &["until", "till", "through"]));
            let Some(end) = end else {
                continue;
            };
            let Some(last) = self.prev_live(end).filter(|&l| l > i) else {
                continue;
            };
            if !self.begin() {
                return;
            }
            self.drop_span(i, last);
        }
    }

    /// "on Tuesday, February 3, 2026,", "this morning", "yesterday", "earlier that same day".
    pub(super) fn time_phrases(&mut self) {
        for i in 0..self.words.len() {
            if !self.live(i) {
                continue;
            }
            // A sentence that fits loses only the phrases that say "now".
            if self.fillers_only {
                if let Some(n) = self.phrase_in(i, NOW_PHRASES, Classes::HEDGE_PHRASE_START) {
                    let last = self.nth_live(i, n).unwrap_or(i);
                    if !self.begin() {
                        return;
                    }
                    self.drop_adverbial(i, last);
                }
                continue;
            }
            let next = self.next_live(i).unwrap_or(usize::MAX);
            let end_or_mark = self.comma_after(i) || self.next_live(i).is_none();
            // All of these are time words: a word that is not one is neither.
            let timely = self.has(i, Classes::TIME_WORD);
            let plain = timely
                && self.in_table(
                    i,
                    &["today", "tonight", "yesterday", "tomorrow", "overnight"],
                );
            let relative = timely
                && (end_or_mark
                    || self.in_table(next, &["this", "that", "today", "tonight", "in", "on"]));
            if plain || relative {
                // "earlier that same day", "later this week"; "tomorrow, March 3," with the
                // date it names.
                let last = self
                    .next_live(i)
                    .and_then(|n| self.time_noun_phrase(n))
                    .unwrap_or(i);
                let last = match self.next_live(last) {
                    Some(n) if self.comma_after(last) && self.is_date_start(n) => self.date_end(n),
                    _ => last,
                };
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            // "once again", "at this hour" (their first words share the class of the hedges').
            if let Some(n) = self.phrase_in(i, TIME_PHRASES, Classes::HEDGE_PHRASE_START) {
                let mut last = self.nth_live(i, n).unwrap_or(i);
                let after = self.next_live(last);
                // "so far this year" goes whole.
                if let Some(k) = after.and_then(|a| self.time_noun_phrase(a)) {
                    last = k;
                }
                let after = self.next_live(last);
                // "from the beginning of the year" names a time; "so far" is one only where
                // its clause ends ("burned so far and", not "so far away").
                let names_time = after.is_some_and(|a| self.is(a, "of"));
                let ends = self.comma_after(last)
                    || after.is_none_or(|a| self.in_table(a, &["and", "but"]));
                if names_time || (self.is(i, "so") && !ends) {
                    continue;
                }
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            if let Some(k) = self.time_noun_phrase(i) {
                // "at that time": the preposition goes with its phrase.
                let from = match self.prev_live(i) {
                    Some(p)
                        if self.in_table(
                            p,
                            &[
                                "at", "in", "during", "for", "by", "on", "from", "until", "since",
                                "over",
                            ],
                        ) && !self.comma_after(p) =>
                    {
                        p
                    }
                    _ => i,
                };
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(from, k);
                continue;
            }
            // "at 650 PM CDT", "at 7:45 p.m.": a clock time (not "until 6:00AM", when a
            // warning ends, nor "until October 17 at 9:00AM", the hour of a day named).
            let day_before = || {
                self.prev_live(i)
                    .is_some_and(|p| self.is_date_start(p) || self.has_digit(p))
            };
            if self.is(i, "at")
                && !self.comma_after(i)
                && !day_before()
                && let Some(last) = self.clock_time_end(next)
            {
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            // "Frost Advisory issued October 16 at 12:22PM EDT until …": when a bulletin was
            // issued is the record's time, not its news.
            if self.is(i, "issued") && !self.comma_after(i) && self.is_date_start(next) {
                let mut last = self.date_end(next);
                if let Some(at) = self.next_live(last).filter(|&a| self.is(a, "at"))
                    && let Some(clock) = self.next_live(at).and_then(|c| self.clock_time_end(c))
                {
                    last = clock;
                }
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
                continue;
            }
            // "said Wednesday", "died late Monday": a day named after a verb, as a wire writes
            // it without "on" (not "until Wednesday" nor "through Friday": when a warning
            // ends stays, nor "the Wednesday meeting").
            if self.has(i, Classes::WEEKDAY)
                && let Some(p) = self.prev_live(i)
                && !self.comma_after(p)
                && self.bare(p).bytes().all(|b| b.is_ascii_lowercase())
                && (!self.has(p, Classes::DANGLING) || self.has(p, Classes::ATTRIBUTION_VERB))
                && !self.has(p, Classes::TIME_DETERMINER)
                && !self.in_table(p, DEADLINE_WORDS)
                && !self.capitalised(next)
            {
                let from = if self.in_table(p, &["late", "early"]) {
                    p
                } else {
                    i
                };
                // Only after a word of the clause ("said Wednesday"), not after "Late" alone
                // opening the sentence.
                if from == i || self.prev_live(from).is_some() {
                    let last = self.date_end(i);
                    if !self.begin() {
                        return;
                    }
                    self.drop_adverbial(from, last);
                    continue;
                }
            }
            // "on Tuesday", "on Tuesday, February 3, 2026", "on March 9".
            if self.is(i, "on") && self.is_date_start(next) {
                let last = self.date_end(next);
                if !self.begin() {
                    return;
                }
                self.drop_adverbial(i, last);
            }
        }
    }

    /// The last word of a clock time that starts at word `i`: "650 PM CDT", "7:45 p.m.",
    /// "6:00AM", "10:15 local time". Digits alone are no time ("at 55 mph").
    fn clock_time_end(&self, i: usize) -> Option<usize> {
        let w = self.bare(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let glued = w.get(digits.len()..).unwrap_or_default();
        let clock = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b':');
        if !clock
            || !(glued.is_empty() || ["am", "pm"].iter().any(|m| glued.eq_ignore_ascii_case(m)))
        {
            return None;
        }
        let mut last = i;
        let mut marked = digits.contains(':') || !glued.is_empty();
        if !self.comma_after(last)
            && let Some(n) = self.next_live(last)
            && self.in_table(n, &["am", "pm", "a.m.", "p.m."])
        {
            last = n;
            marked = true;
        }
        if !marked {
            return None;
        }
        // A zone: "CDT", "UTC", "local time".
        if !self.comma_after(last)
            && let Some(n) = self.next_live(last)
        {
            let zone = self.bare(n);
            if (3..=4).contains(&zone.len())
                && zone.bytes().all(|b| b.is_ascii_uppercase())
                && (zone.ends_with('T') || zone == "UTC")
            {
                last = n;
            } else if self.is(n, "local")
                && !self.comma_after(n)
                && let Some(t) = self.next_live(n)
                && self.is(t, "time")
            {
                last = t;
            }
        }
        Some(last)
    }

    /// Whether a date starts at word `i`: "Tuesday", "March".
    pub(super) fn is_date_start(&self, i: usize) -> bool {
        self.has(i, Classes::WEEKDAY) || self.has(i, Classes::MONTH)
    }

    /// The last word of the date that starts at word `i`: "Tuesday, February 3, 2026",
    /// "June 21st".
    fn date_end(&self, i: usize) -> usize {
        let mut last = i;
        while let Some(n) = self.next_live(last) {
            let day = self.bare(n);
            let day = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| day.strip_suffix(s))
                .unwrap_or(day);
            let date_part = self.has(n, Classes::MONTH)
                || day.chars().all(|c| c.is_ascii_digit()) && !day.is_empty();
            if !date_part {
                break;
            }
            last = n;
        }
        // "Monday night", "Tuesday morning": the part of the day belongs to the date.
        if !self.comma_after(last)
            && let Some(n) = self.next_live(last)
            && self.in_table(n, DAY_PARTS)
        {
            return n;
        }
        last
    }

    /// "this morning", "last week", "that same day": the end of the phrase if one starts at `i`.
    fn time_noun_phrase(&self, i: usize) -> Option<usize> {
        if !self.has(i, Classes::TIME_DETERMINER) || self.comma_after(i) {
            return None;
        }
        let mut n = self.next_live(i)?;
        if self.is(n, "same") {
            n = self.next_live(n)?;
        }
        if !self.has(n, Classes::TIME_NOUN) {
            return None;
        }
        // "next Monday morning": a second time noun belongs to the phrase.
        if !self.comma_after(n)
            && let Some(m) = self.next_live(n)
            && self.has(m, Classes::TIME_NOUN)
        {
            n = m;
        }
        // "this year 's pace": a time that owns something is not a time phrase.
        let owner = self.next_live(n).is_some_and(|m| {
            // Spoken transcripts write the mark apart ("last week 's election"), and its
            // bare word is then only the "s".
            self.in_table(m, &["'s", "'"]) || self.text(m).eq_ignore_ascii_case("'s")
        });
        (!owner).then_some(n)
    }
}
