//! Free-text condensing: headline rules on sentences written for these tests (the expected
//! headlines were checked by hand against what a wire editor would write), and the hard rules
//! on any input.

use alert_digest::{Digest, EventRecord, MAX_BUDGET, condense};
use proptest::prelude::*;

fn headline(text: &str, budget: usize) -> String {
    let record = EventRecord {
        id: "t",
        text: Some(text),
        ..EventRecord::default()
    };
    let digest: Digest<MAX_BUDGET> = condense(&record, budget).unwrap();
    digest.text.as_str().to_owned()
}

#[test]
fn the_object_of_a_downing_becomes_the_subject_near_the_nearer_place() {
    let text = "A Navy fighter jet downed a Syrian drone in the Red Sea after the craft approached \
                the USS Carl Vinson aircraft carrier.";
    assert_eq!(headline(text, 40), "Drone downed near USS Carl Vinson");
    assert_eq!(
        headline(text, 64),
        "Syrian drone downed in Red Sea near USS Carl Vinson"
    );
}

#[test]
fn an_event_noun_inside_a_frame_becomes_the_headline() {
    let text = "According to state media, this announcement follows weeks of tension, including \
                the downing of a Turkish drone by a Syrian jet near the border.";
    assert_eq!(headline(text, 40), "Turkish drone downed near border");
    assert_eq!(
        headline(text, 48),
        "Turkish drone downed by Syrian jet near border"
    );
}

#[test]
fn attribution_plans_and_articles_give_way_when_room_is_short() {
    let text = "Acme Corp said it plans to build a new plant in Ohio.";
    assert_eq!(
        headline(text, 48),
        "Acme Corp plans to build a new plant in Ohio"
    );
    assert_eq!(headline(text, 32), "Acme to build new plant in Ohio");
}

#[test]
fn datelines_time_phrases_and_trailing_attributions_go_numbers_stay() {
    let text = "RIVERTON (Wire) - Heavy rain has flooded 1,200 homes in Riverton on Tuesday, \
                officials said.";
    assert_eq!(
        headline(text, 48),
        "Heavy rain has flooded 1,200 homes in Riverton"
    );
    assert_eq!(headline(text, 32), "Heavy rain flooded 1,200 homes");
}

#[test]
fn negations_are_kept() {
    let text = "Well, the mayor said the school will not reopen this week.";
    assert_eq!(
        headline(text, 48),
        "The mayor said the school will not reopen"
    );
}

#[test]
fn openers_asides_and_hedges_go_first() {
    let text = "But, as you can see, the crews are just now starting to clear the road.";
    assert_eq!(
        headline(text, 64),
        "The crews are starting to clear the road"
    );
}

#[test]
fn a_reporting_verb_turns_present_and_its_clause_keeps_the_news() {
    let text = "Governor Jane Smith confirmed on Monday, March 2, that the state is actively \
                negotiating with the teachers union, signaling an end to the strike.";
    assert_eq!(headline(text, 40), "Jane Smith confirms state negotiating");
}

#[test]
fn a_whole_article_of_several_kilobytes_still_gives_a_digest() {
    let mut article =
        String::from("Officials said a storm has closed the harbor at Port Elm for two days. ");
    while article.len() < 6000 {
        article.push_str("Crews worked through the night to clear debris from the docks. ");
    }
    let text = headline(&article, 48);
    assert!(text.len() <= 48);
    assert!(text.contains("harbor"), "{text}");
}

proptest! {
    #[test]
    fn any_text_fits_whole_words_nothing_dangling_same_twice(
        text in "[A-Za-z0-9 ,.;:'\"()\\-é]{0,600}",
        budget in 16usize..=160,
    ) {
        let record = EventRecord { id: "p", text: Some(&text), ..EventRecord::default() };
        let first: Result<Digest<MAX_BUDGET>, _> = condense(&record, budget);
        let second: Result<Digest<MAX_BUDGET>, _> = condense(&record, budget);
        prop_assert_eq!(&first, &second);
        if let Ok(d) = first {
            let out = d.text.as_str();
            prop_assert!(out.len() <= budget);
            prop_assert_eq!(alert_digest::condense::fit::trim_dangling(out), out);
            for word in out.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                let known = text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.to_lowercase() == word.to_lowercase())
                    || alert_digest::condense::compress::writes_word(word);
                prop_assert!(known, "{:?} is not a word of the input", word);
            }
        }
    }
}
