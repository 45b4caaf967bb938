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
    // 40 bytes hold the nationality; 39 do not, and only then does it go.
    assert_eq!(
        headline(text, 40),
        "Syrian drone downed near USS Carl Vinson"
    );
    assert_eq!(headline(text, 39), "Drone downed near USS Carl Vinson");
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
fn openers_asides_and_hedges_go_first_and_only_as_far_as_needed() {
    let text = "But, as you can see, the crews are just now starting to clear the road.";
    // The opener and the aside make room enough at 64 bytes; each hedge goes only when the
    // budget asks for it.
    assert_eq!(
        headline(text, 64),
        "The crews are just now starting to clear the road"
    );
    assert_eq!(
        headline(text, 48),
        "The crews are now starting to clear the road"
    );
    assert_eq!(
        headline(text, 40),
        "The crews are starting to clear the road"
    );
}

#[test]
fn a_sentence_that_fits_comes_out_as_it_is_but_for_its_fillers() {
    // Nothing of the news is struck from a sentence that fits: not its date, time phrase,
    // attribution or "allegedly" (only the closing full stop goes, as in every headline).
    assert_eq!(
        headline("On June 14, they voted.", 40),
        "On June 14, they voted"
    );
    // A last word that may not end a digest keeps the stop that shows the sentence ended.
    assert_eq!(
        headline("On June 14, they did.", 40),
        "On June 14, they did."
    );
    let text = "The man allegedly stole a car on Monday.";
    assert_eq!(headline(text, 64), &text[..text.len() - 1]);
    // Its spoken opener and intensifiers go ("Well,", "Oh,", "really", "quite").
    assert_eq!(
        headline(
            "Well, the mayor said the school will not reopen this week.",
            64
        ),
        "The mayor said the school will not reopen this week"
    );
    assert_eq!(
        headline(
            "Oh, it was really quite a nice day at the fair on Sunday.",
            64
        ),
        "It was a nice day at the fair on Sunday"
    );
    // "Here" before a form of "be" is no hedge.
    assert_eq!(
        headline("Here 's the latest from the river.", 64),
        "Here's the latest from the river"
    );
}

#[test]
fn a_frame_that_announces_its_clause_goes() {
    // Headlines checked by hand: what the frame announces, with the headline forms.
    let text = "The good news is that the bridge reopened after two days of repairs and careful \
                inspections by engineers.";
    assert_eq!(
        headline(text, 48),
        "Bridge reopened after two days of repairs"
    );
    let text = "The second thing is, the county has run out of sandbags and is asking the state \
                for more help.";
    assert_eq!(headline(text, 40), "County has run out of sandbags");
    let text = "We have late word that the governor has signed the emergency spending bill into \
                law at the state capitol.";
    assert_eq!(
        headline(text, 48),
        "Governor signed emergency spending bill into law"
    );
    // A frame of certainty goes; one of doubt stays.
    let text = "It was no accident that the new levee held through the spring floods this year.";
    assert_eq!(
        headline(text, 48),
        "The new levee held through the spring floods"
    );
    let text = "It is not clear that the new levee will hold through the spring floods this year.";
    assert!(headline(text, 48).starts_with("It is not clear"));
    // A speaker's stance after a conjunction goes too, when a clause follows it.
    let text = "The levee held through the night and I think the town will be spared the worst \
                of the flooding.";
    let digest = headline(text, 64);
    assert!(!digest.contains("I think"), "{digest}");
    assert!(digest.contains("and town"), "{digest}");
    let text = "I was going to say, I can not imagine how anyone could drive through that much \
                water.";
    assert_eq!(
        headline(text, 48),
        "I can not imagine how anyone could drive through"
    );
}

#[test]
fn a_speaker_named_by_a_pronoun_goes_only_from_what_is_said_of_the_speaker() {
    let text = "She says she will run again for the Senate seat she lost two years ago to her \
                longtime rival.";
    assert_eq!(
        headline(text, 64),
        "She will run again for the Senate seat she lost two years ago"
    );
    // What he says of another is a claim: its source stays.
    let text = "He says the mayor is hiding the true cost of the new stadium from the voters and \
                the council.";
    assert_eq!(
        headline(text, 48),
        "He says mayor hiding true cost of new stadium"
    );
}

#[test]
fn a_reporter_is_named_without_the_initials_of_her_network() {
    let text = "NPR 's Jane Doe reports from the flooded town where hundreds of homes were lost \
                overnight.";
    assert_eq!(
        headline(text, 40),
        // Not "… town where": a subordinating word does not end a digest.
        "Jane Doe reports from the flooded town"
    );
}

#[test]
fn hedges_asides_and_time_phrases_go_with_their_commas() {
    let text = "The pilot, reportedly, had reached the point where he began his lift-off from the \
                runway at the airport.";
    assert_eq!(
        headline(text, 48),
        "Pilot reached point where he began his lift-off"
    );
    let text = "The new bridge, by the way, opens to traffic on June 21st after three years of \
                construction work.";
    assert_eq!(
        headline(text, 48),
        "New bridge opens to traffic after three years"
    );
    let text = "Roads to the smaller villages are completely cratered with bomb holes and \
                impassable to traffic.";
    assert_eq!(
        headline(text, 64),
        "Roads to the smaller villages are cratered with bomb holes"
    );
    let text = "The river has once again flooded the lower town, and residents are leaving their \
                homes by boat.";
    assert_eq!(
        headline(text, 64),
        "River flooded lower town, and residents leaving homes by boat"
    );
}

#[test]
fn the_headline_forms_stay_out_of_a_clause_of_its_own() {
    // "will" stays in a clause after a word of certainty, which loses its "that" (not
    // "confident new levee to hold"); an auxiliary stays after a pronoun (not "She charged
    // with arson").
    let text = "Officials are confident that the new levee will hold back the river through the \
                spring floods.";
    assert_eq!(
        headline(text, 48),
        "Officials are confident new levee will hold back"
    );
    let text = "Residents hope that a new levee will hold back the river.";
    assert_eq!(
        headline(text, 48),
        "Residents hope new levee will hold back river"
    );
    let text = "She has been charged with arson after a fire destroyed the old church on Main \
                Street last week.";
    assert_eq!(headline(text, 40), "She has been charged with arson");
}

#[test]
fn a_source_that_names_no_one_goes_unless_the_news_refers_back_to_it() {
    let text = "Experts say the new levee will hold back the river until the spring.";
    assert_eq!(
        headline(text, 64),
        "The new levee will hold back the river until the spring"
    );
    // "they" is the analysts: their verb goes, they stay.
    let text = "Several analysts said they do not believe another suitor will top the bid.";
    assert_eq!(
        headline(text, 64),
        "Several analysts do not believe another suitor will top the bid"
    );
}

#[test]
fn time_phrases_and_quantities_go_whole() {
    // "next Monday morning" goes as one phrase; "plan to" stays after a pronoun (a headline's
    // "X to reopen" needs a subject that is a name or a noun).
    let text = "They plan to reopen the bridge next Monday morning.";
    assert_eq!(headline(text, 40), "They plan to reopen the bridge");
    // "a lot of homes" is "homes", never "of homes".
    let text = "Officials said the storm has destroyed a lot of homes in the valley.";
    assert_eq!(
        headline(text, 48),
        "The storm has destroyed homes in the valley"
    );
}

#[test]
fn a_sentence_that_must_be_cut_shows_the_most_news() {
    // Too long at 32 bytes however it is trimmed: cut after the headline forms ("to build")
    // and the articles, which bring "in Ohio" into the room.
    let text = "Acme Corp said it will build a new plant in Ohio next year, creating 300 jobs, a \
                company spokeswoman said.";
    assert_eq!(headline(text, 32), "Acme to build new plant in Ohio");
}

#[test]
fn a_reporting_verb_turns_present_and_its_clause_keeps_the_news() {
    let text = "Governor Jane Smith confirmed on Monday, March 2, that the state is actively \
                negotiating with the teachers union, signaling an end to the strike.";
    assert_eq!(headline(text, 40), "Jane Smith confirms state negotiating");
}

#[test]
fn a_reporting_verb_agrees_with_its_subject_and_an_infinitive_keeps_be() {
    let text = "Union leaders said the strike at the Elm River plant had ended after talks with \
                the owners.";
    // (Cut at 64 bytes: striking "the", "the" and "had" would bring in "after talks", one
    // word of substance for two articles, so the articles stay.)
    assert_eq!(
        headline(text, 64),
        "Union leaders say the strike at the Elm River plant had ended"
    );
    // The head of the subject is "leaders", not the "County" before the verb. (Officials in
    // the county would be a source that names no one, and go.)
    let text = "Union leaders in Tulsa County said on Monday that a line of severe thunderstorms \
                had brought down power lines.";
    assert_eq!(
        headline(text, 48),
        "Union leaders in Tulsa County say line of severe"
    );
    let text = "He is said to be consulting with the FBI about the case.";
    assert_eq!(
        headline(text, 48),
        "He is said to be consulting with FBI about case"
    );
}

#[test]
fn a_company_reporting_its_own_news_is_the_subject_of_the_headline() {
    // Headlines checked by hand: the company and what its board did, with no verb of saying.
    let text = "Acme Corp said its board approved a two-for-one stock split of its common shares.";
    assert_eq!(
        headline(text, 48),
        "Acme board approved a two-for-one stock split"
    );
    // Once its appositive goes, "X said it is cutting" is "X cutting", and no comma is left
    // where the appositive was.
    let text = "Magma Copper Co, a unit of Newmont Mining Corp, said it is cutting its copper \
                price by two cents.";
    assert_eq!(
        headline(text, 48),
        "Magma Copper cutting copper price by two cents"
    );
    // Only a verb of saying goes: "announced its offensive" is the news itself.
    let text = "Iran announced its offensive against Iraq had begun in the north.";
    assert!(headline(text, 40).contains("offensive against Iraq"));
    assert!(headline(text, 40).starts_with("Iran announce"));
}

#[test]
fn an_opening_subordinate_clause_gives_way_to_the_main_clause_but_a_condition_stays() {
    // Checked by hand: the main clause is the news.
    let text = "As far as we can determine, nothing was done with that information.";
    assert_eq!(headline(text, 40), "Nothing was done with that information");
    // The clause's comma was on a time word struck before it ("overnight,").
    let text = "Although the storm weakened overnight, flooding closed 40 roads across the county.";
    assert_eq!(
        headline(text, 48),
        "Flooding closed 40 roads across the county"
    );
    // A speaker's frame of opinion goes before the clause it frames is cut (checked by hand).
    let text = "It appears the party there is headed for a showdown at the state convention.";
    assert_eq!(
        headline(text, 64),
        "The party there is headed for a showdown at the state convention"
    );
    // Without its condition the news would say what it does not.
    let text = "If talks fail on Monday, the union will strike at every plant in the state.";
    assert!(headline(text, 48).starts_with("If talks fail"));
}

#[test]
fn units_are_short_only_after_a_number_and_a_counted_a_stays() {
    let text = "More than a million people voted on Sunday, up 12 percent from 1.5 million in \
                the last election.";
    let at_64 = headline(text, 64);
    assert!(at_64.starts_with("More than a million people"), "{at_64}");
    assert!(at_64.contains("12 pct from 1.5 mln"), "{at_64}");
    // No office short forms: "Government" is spelled out.
    let text = "The International Monetary Fund said the Government of Peru must cut its deficit.";
    assert!(headline(text, 64).contains("Government of Peru"));
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

// The sentences below are written for these tests in the style of wire leads; each expected
// headline was checked by hand against what a wire editor would write.

#[test]
fn a_name_followed_by_its_initials_is_written_as_the_initials() {
    let text = "The Chicago Board Options Exchange (CBOE) sold a membership seat for a record \
                342,000 dlrs on Friday, the exchange said.";
    assert_eq!(
        headline(text, 48),
        "CBOE sold a membership seat for a record 342,000"
    );
    let text = "Chicago Mercantile Exchange, CME, directors have postponed action on a membership \
                petition calling for a ban on dual trading.";
    assert!(headline(text, 40).starts_with("CME directors"));
    // Initials that do not spell the name are a name of their own, and stay.
    let text = "Acme Steel Works (ASW) and Bolt Industries (XYZ) said they will merge their mills \
                in Ohio next year.";
    let at_40 = headline(text, 40);
    assert!(at_40.starts_with("ASW and Bolt Industries"), "{at_40}");
}

#[test]
fn an_agreement_to_act_is_written_as_the_act() {
    let text = "Acme Corp said it has signed a letter of intent to acquire Ajax Inc for \
                undisclosed terms.";
    assert_eq!(
        headline(text, 48),
        "Acme to acquire Ajax for undisclosed terms"
    );
    let text = "Morton Thiokol Inc said it has a tentative agreement to sell its downtown Chicago \
                headquarters building.";
    assert!(headline(text, 48).starts_with("Morton Thiokol to sell"));
    // What is agreed to is not an act: the verb stays.
    let text = "Lebanese President Amin Gemayel has agreed to three key points in a new plan aimed \
                at ending the civil war, official sources said.";
    assert!(headline(text, 48).contains("agreed to three key points"));
}

#[test]
fn a_table_of_results_is_headlined_by_its_net_row_a_dividend_by_its_dividend() {
    let text = "Shr 33 cts vs 28 cts Net 3,722,000 vs 3,103,000 Sales 33.0 mln vs 31.8 mln";
    assert_eq!(headline(text, 48), "Net 3,722,000 vs 3,103,000");
    let text = "Qtly div 14 cts vs 14 cts prior Payable March 31 Record March 16";
    assert_eq!(headline(text, 32), "Qtly div 14 cts vs 14 cts prior");
    // Prose with a "vs" is no table.
    let text = "Shares of Acme rose to 14 dlrs vs 12 dlrs a week ago on talk of a takeover bid.";
    assert!(headline(text, 40).starts_with("Shares of Acme"));
}

#[test]
fn a_clause_between_a_name_and_its_verb_goes_with_its_commas() {
    let text = "Chrysler Canada Ltd, wholly owned by Chrysler Corp, said February car sales fell \
                to 9,640 units from 11,967 units.";
    assert_eq!(
        headline(text, 48),
        "Chrysler Canada says February car sales fall"
    );
    let text = "Outboard Marine Corp, whose stock is trading higher, said there were no corporate \
                developments to account for the rise.";
    assert_eq!(
        headline(text, 48),
        "Outboard Marine says there were no corporate"
    );
    let text = "KLM Royal Dutch Airlines, in a move following similar steps by TWA, said it is \
                cutting its fares on transatlantic flights from April 1.";
    assert_eq!(headline(text, 40), "KLM Royal Dutch Airlines cutting fares");
    let text = "Canada's real gross domestic product, seasonally adjusted, rose 1.1 pct in the \
                fourth quarter of 1986, Statistics Canada said.";
    // A figure's change is written in the headline's present.
    assert_eq!(headline(text, 32), "Canada's real GDP rises 1.1 pct");
}

#[test]
fn headline_verbs_keep_a_forecast_and_drop_the_perfect() {
    let text = "The Federal Reserve is expected to enter the government securities market to add \
                temporary reserves, economists said.";
    assert_eq!(headline(text, 40), "Fed expected to enter the government");
    let text = "Calny Inc said it has filed a multi-million-dlr suit against PepsiCo Inc and its La \
                Petite Boulangerie unit.";
    assert_eq!(headline(text, 40), "Calny filed a multi-million-dlr suit");
    // An irregular participle after a pronoun keeps its auxiliary ("they thrown" is no verb).
    let text = "They have thrown up roadblocks all around the area, but they have not found \
                anything further.";
    assert!(headline(text, 48).starts_with("They have thrown up roadblocks"));
}

#[test]
fn an_owned_subject_or_a_level_reached_is_not_written_object_first() {
    let text = "Taiwan's foreign exchange reserves hit a new high of more than 51 billion U.S. \
                dlrs.";
    assert_eq!(
        headline(text, 48),
        "Taiwan's foreign exchange reserves hit new high"
    );
    let text = "Pan Am Corp said its Pan American World Airways unit will reduce management costs \
                by 20 pct through job cuts.";
    assert_eq!(
        headline(text, 48),
        "Pan Am unit to reduce management costs by 20 pct"
    );
}

#[test]
fn wire_headline_forms_short_names_quarters_quote_codes_and_the_progressive() {
    // A quote code with its exchange goes, and so does a plain ticker after its name.
    let text = "Hutchison Whampoa Ltd <HWHH.HK> expects satisfactory profits this year and a \
                higher dividend, chairman Li Ka-shing said.";
    assert_eq!(
        headline(text, 48),
        "Hutchison Whampoa expects satisfactory profits"
    );
    let text = "Coca-Cola Co <KO> said it will buy a stake in a film company.";
    assert_eq!(
        headline(text, 48),
        "Coca-Cola Co will buy a stake in a film company"
    );
    // A body by its short form, a quarter as a financial wire writes it.
    let text = "The Securities and Exchange Commission has approved new rules for trading in \
                options on foreign currencies.";
    assert_eq!(headline(text, 40), "SEC approved new rules for trading");
    let text = "Telxon Corp said it expects per-share earnings for its fourth quarter to be \
                slightly higher than a year ago.";
    assert_eq!(
        headline(text, 48),
        "Telxon expects per-share earnings for 4th qtr"
    );
    // The main verb's progressive without its auxiliary; a company's own figures.
    let text = "Gunma Bank is issuing a 50 mln dlr convertible eurobond due 2002 paying an \
                indicated two pct, lead manager Nomura said.";
    assert!(headline(text, 48).starts_with("Gunma Bank issuing a 50 mln dlr"));
    let text = "General Motors Corp said car sales for February 21 through 28 fell 8.6 pct from a \
                year earlier.";
    assert!(headline(text, 48).starts_with("General Motors car sales for February 21"));
}

#[test]
fn a_company_named_by_its_owner_is_the_owners_unit() {
    let text = "Ajax Corp's Bolt Freight Lines said it will buy 12 new diesel locomotives for its \
                western routes.";
    assert_eq!(
        headline(text, 48),
        "Ajax unit to buy 12 new diesel locomotives"
    );
    // A word that says what the unit does goes with its name.
    let text = "Acme Energy Inc's Delta Gas Co pipeline subsidiary said it is cutting the rates it \
                charges for gas carried in Texas.";
    let at_48 = headline(text, 48);
    assert!(
        at_48.starts_with("Acme Energy unit cutting the rates"),
        "{at_48}"
    );
    // "General" before an owner's name is part of it, not a title.
    let text = "General Widgets Corp's Apex Credit Services said it plans to offer five billion \
                dlrs of loans.";
    assert!(headline(text, 48).starts_with("General Widgets unit to offer"));
    // Only an owner with a company suffix; nor a name joined by "and".
    let text = "Smith's Delta Airlines said it will fly to Boston, Denver, Houston and Seattle \
                from April.";
    assert!(headline(text, 48).starts_with("Smith's Delta Airlines"));
    let text = "Ajax Corp's Bolt Freight Lines and Acme Inc said they will merge their freight \
                businesses in Ohio.";
    assert!(!headline(text, 48).contains("unit"));
}

#[test]
fn the_rating_agency_and_an_agreement_in_principle_as_wires_write_them() {
    let text = "Standard and Poor's Corp said it downgraded 200 mln dlrs of debt of Acme Steel \
                Inc.";
    assert!(headline(text, 48).starts_with("S&P downgraded 200 mln dlrs of debt"));
    let text = "Acme Corp said it agreed in principle to acquire Ajax Inc for about 40 mln dlrs in \
                cash and stock.";
    assert!(headline(text, 48).starts_with("Acme to acquire Ajax"));
}

#[test]
fn a_table_of_results_is_headed_by_its_quarter_when_a_later_block_gives_it() {
    // Beside the fiscal year's block, the first block is the 4th quarter's.
    let text = "Shr 12 cts vs ten cts Net 410,000 vs 350,000 Revs 5.1 mln vs 4.7 mln Year Shr 40 \
                cts vs 31 cts Net 1,390,000 vs 1,080,000";
    assert_eq!(headline(text, 48), "4th qtr net 410,000 vs 350,000");
    let text = "Oper shr loss two cts vs profit five cts Oper net loss 61,000 vs profit 150,000 \
                Six mths Oper shr profit one ct vs profit eight cts";
    assert_eq!(
        headline(text, 48),
        "2nd qtr oper net loss 61,000 vs profit 150,000"
    );
    let text = "Shr 20 cts vs 18 cts Net 2,100,000 vs 1,900,000 Nine mths Shr 61 cts vs 50 cts";
    assert_eq!(headline(text, 48), "3rd qtr net 2,100,000 vs 1,900,000");
    // The trailing 12 months follow a month's figures as well as a quarter's: no quarter.
    let text = "Shr 27 cts vs 29 cts Net 13,500,000 vs 14,600,000 12 mths Shr 4.10 dlrs vs 3.66 \
                dlrs";
    let at_48 = headline(text, 48);
    assert!(at_48.starts_with("Net 13,500,000 vs 14,600,000"), "{at_48}");
}

/// A text-only record condensed twice: the same both times, within `budget`, nothing
/// dangling at the end, and every word one of the text's or one a rule writes.
fn fits_whole_words_nothing_dangling_same_twice(
    text: &str,
    budget: usize,
) -> Result<(), TestCaseError> {
    let record = EventRecord {
        id: "p",
        text: Some(text),
        ..EventRecord::default()
    };
    let first: Result<Digest<MAX_BUDGET>, _> = condense(&record, budget);
    let second: Result<Digest<MAX_BUDGET>, _> = condense(&record, budget);
    prop_assert_eq!(&first, &second);
    if let Ok(d) = first {
        let out = d.text.as_str();
        prop_assert!(out.len() <= budget);
        prop_assert_eq!(alert_digest::condense::fit::trim_dangling(out), out);
        for word in out
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let known = text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.to_lowercase() == word.to_lowercase())
                || alert_digest::condense::compress::writes_word(word);
            prop_assert!(known, "{:?} is not a word of the input", word);
        }
    }
    Ok(())
}

/// The words and marks the rules look for, so that random sentences made of them reach the
/// rules' edge cases (random letters rarely spell "will be" or "on Friday,").
const RULE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "The",
    "A",
    "will",
    "be",
    "been",
    "has",
    "have",
    "is",
    "are",
    "was",
    "not",
    "n't",
    "to",
    "that",
    "said",
    "says",
    "told",
    "officials",
    "forecasters",
    "he",
    "she",
    "it",
    "they",
    "I",
    "we",
    "think",
    "on",
    "Friday",
    "Friday,",
    "March",
    "3,",
    "today,",
    "tomorrow",
    "so",
    "far",
    "now",
    "for",
    "the first time",
    "at this hour",
    "General",
    "Motors",
    "Special",
    "Colin",
    "Powell",
    "Prices",
    "prices",
    "rose",
    "fell",
    "of",
    "in",
    "and",
    "but",
    "however,",
    "Well,",
    "you know,",
    "really",
    "very",
    "just",
    "CNN 's",
    "Jeff",
    "Flock",
    "reports",
    "word",
    "late",
    "thing",
    "is,",
    "part",
    "according to",
    "Reuters",
    "Inc",
    "Corp",
    ",",
    ".",
    "?",
    "(",
    ")",
    "-",
    "Shr",
    "Net",
    "vs",
    "1.05",
    "dlrs",
    "12,000",
    "storm",
    "hit",
    "Washington",
    "downing",
    "drone",
    "near",
    "USS",
    "Abraham",
    "Lincoln",
    "é",
    // Session 5's rules: clitics, dashes, days after a verb, lead-ins, titles, names, tickers.
    "'re",
    "'s",
    "ca",
    "wo",
    "would",
    "Wednesday",
    "night",
    "--",
    "—",
    "Former",
    "Director",
    "FBI",
    "Finance",
    "Ministry",
    "Facing",
    "Despite",
    "In a statement",
    "allegedly",
    "southern",
    "central",
    "when",
    "where",
    "<GEOX>",
    "iRobot",
    "killing",
    "announced",
    "New",
    "York",
    "by",
    "NWS",
    "issued",
    "has issued",
    "including",
    "until",
    "9:15",
    "PM",
    "...",
    "UPDATE 2-",
    "BREAKING:",
    "in effect",
    "2%",
];

proptest! {
    #[test]
    fn sentences_of_the_rules_words_fit_whole_words_nothing_dangling_same_twice(
        words in prop::collection::vec(prop::sample::select(RULE_WORDS), 0..60),
        budget in 16usize..=160,
    ) {
        let text = words.join(" ");
        fits_whole_words_nothing_dangling_same_twice(&text, budget)?;
    }

    #[test]
    fn any_text_fits_whole_words_nothing_dangling_same_twice(
        text in "[A-Za-z0-9 ,.;:'\"()\\-é]{0,600}",
        budget in 16usize..=160,
    ) {
        fits_whole_words_nothing_dangling_same_twice(&text, budget)?;
    }
}

#[test]
fn a_future_passive_keeps_its_future() {
    // "will be spared" is headlined "to be spared": "spared" alone would read as done. The
    // expected text worked out by hand: no leading article, "will" as "to", the articles of
    // the object struck to fit 48 bytes.
    let text = "The Jones family will be spared the ordeal of a second trial.";
    assert_eq!(
        headline(text, 48),
        "Jones family to be spared ordeal of second trial"
    );
    let text = "The rebels will be given two weeks to leave the city, officials said on Monday.";
    assert!(headline(text, 48).starts_with("Rebels to be given"));
}

#[test]
fn a_struck_phrase_of_time_leaves_the_comma_that_ended_its_clause() {
    // Worked out by hand: "today," goes, its comma stays to close "rallied".
    let text = "Crude oil prices rallied today, moving over 17 dollars a barrel on Saudi support.";
    assert_eq!(
        headline(text, 48),
        "Crude oil prices rallied, moving over 17 dollars"
    );
    // A date set off by its own pair of commas goes with both: no comma is left after "off".
    let text = "The American Pork Congress kicks off tomorrow, March 3, in Indianapolis with 160 \
                pork producers.";
    assert_eq!(
        headline(text, 48),
        "American Pork Congress kicks off in Indianapolis"
    );
    // Nor does a comma move onto a word that joins what follows.
    let text = "Police said that on Friday, the storm hit Washington and moved north along the \
                coast.";
    assert!(!headline(text, 48).contains("that,"));
}

#[test]
fn an_attribution_between_commas_goes_but_not_the_sentence_s_own_verb() {
    // Worked out by hand: ", forecasters said," is struck with its first comma, then "on
    // Friday", and the 44 bytes left fit 48 with no headline forms.
    let text = "The storm, forecasters said, will hit Washington on Friday and move north.";
    assert_eq!(
        headline(text, 48),
        "The storm will hit Washington and move north"
    );
    // "says" is the verb of "Ken Kachigian" here; only the appositive goes.
    let text = "Ken Kachigian, a former Reagan operative in charge of the California effort, \
                says, step one is showing up.";
    assert!(headline(text, 64).starts_with("Ken Kachigian says"));
}

// Seventh round: spoken run-ups, hedges of degree and phrases of time a headline drops. Each
// sentence below is longer than the room, so the rules must run; what is asserted is the
// rule's own edit, worked out by hand (not the whole digest, which other rules also shape).

#[test]
fn spoken_run_ups_go_from_before_a_clause_only() {
    let text = "All right, the county board voted to close the old bridge on Main Street for \
                repairs next spring.";
    assert!(headline(text, 64).starts_with("County board voted to close"));
    let text = "First of all, can you confirm that the mayor signed the order before the \
                council met?";
    assert!(headline(text, 64).starts_with("Can you confirm"));
    // Nothing but a name follows: the run-up is all there is to say, and it fits as it is.
    assert_eq!(headline("All right, Carl.", 64), "All right, Carl");
}

#[test]
fn fixed_phrases_of_time_go_but_not_a_time_they_name() {
    let digest = headline(
        "From the very beginning, state police were convinced they could find the missing \
         hikers in the canyon.",
        64,
    );
    assert!(digest.starts_with("State police"), "{digest}");
    let digest = headline(
        "Crews have cleared 40 miles of road so far this year and expect to reopen the pass by \
         June.",
        64,
    );
    assert!(digest.contains("40 miles of road and expect"), "{digest}");
    // "from the beginning of the year" names when; "so far above" is a distance.
    let digest = headline(
        "The plant will run at half speed from the beginning of the year until the new boilers \
         arrive.",
        64,
    );
    assert!(
        digest.contains("from the beginning of the year"),
        "{digest}"
    );
    let digest = headline(
        "The river is so far above flood stage that the bridge on Main Street is closed to all \
         traffic.",
        64,
    );
    assert!(digest.contains("so far above flood stage"), "{digest}");
}

#[test]
fn hedges_and_contrasts_between_commas_go_with_their_first_comma() {
    let digest = headline(
        "The senator, in particular, pressed the agency for a full account of the missing \
         equipment and funds.",
        64,
    );
    assert!(digest.starts_with("Senator pressed the agency"), "{digest}");
    let digest = headline(
        "The governor conceded, however, that the levee repairs would not be finished before \
         the flood season.",
        64,
    );
    assert!(digest.starts_with("Governor conceded that"), "{digest}");
    // Without its comma "however" opens a clause of its own and stays.
    let digest = headline(
        "However high the water rises, the town says the new levee on the river will hold \
         through the spring.",
        64,
    );
    assert!(
        digest.starts_with("However high the water rises"),
        "{digest}"
    );
    // "a little bit of" goes whole: no "of" is left behind.
    let digest = headline(
        "If there's a little bit of rain tomorrow, the county fair will move indoors to the \
         exhibition hall.",
        64,
    );
    assert!(digest.starts_with("If there's rain"), "{digest}");
}

#[test]
fn what_a_negation_or_an_owner_holds_stays_with_it() {
    // "not just" says less than "not": the hedge stays after a negation.
    let digest = headline(
        "The political fallout of this storm will not just be felt along the coast of the \
         state.",
        64,
    );
    assert!(digest.contains("not just be felt"), "{digest}");
    // "not even" denies all the same, and goes.
    let digest = headline(
        "The county officials said they were not even told about the flooding on the north \
         side of town.",
        64,
    );
    assert!(!digest.contains("even"), "{digest}");
    // A time that owns something stays, its mark written apart as transcripts do; it was
    // "to win 's closely-contested".
    let digest = headline(
        "Benjamin Netanyahu needed a lot of support to win last week 's closely-contested \
         election .",
        64,
    );
    assert!(!digest.contains("win 's"), "{digest}");
    // "especially" after a comma opens a list of examples; struck alone it left "Companies
    // media, telecommunications and cable, need money".
    let digest = headline(
        "Companies , especially media , telecommunications and cable , need money to fund \
         growth .",
        64,
    );
    assert!(
        digest.starts_with("Companies, especially media"),
        "{digest}"
    );
}

#[test]
fn a_moved_comma_stays_when_an_article_after_it_goes_too() {
    // "tomorrow," goes and leaves its comma on "rain"; the article struck after it no longer
    // takes the comma away (it was "If there's rain county fair will move").
    let digest = headline(
        "If there's rain tomorrow, the county fair will move indoors to the exhibition hall \
         next to the old arena.",
        64,
    );
    assert!(digest.starts_with("If there's rain, "), "{digest}");
}

#[test]
fn a_comma_stays_when_only_an_article_after_it_goes() {
    // The leading article goes with the headline forms; the opener's own comma stays (it was
    // "In April county board came close").
    let digest = headline(
        "In April, the county board came close to its spending limit on road repairs and \
         bridge work in the old downtown.",
        64,
    );
    assert!(digest.starts_with("In April, county board"), "{digest}");
}

#[test]
fn a_sentence_that_fits_loses_a_phrase_that_only_says_now_and_keeps_its_question() {
    // Worked out by hand: both fit 64 bytes as they are; "at this point" and "for now" say
    // what "now" says, and go as "now" does; the question mark stays with the question.
    assert_eq!(
        headline("Are the villages habitable at this point?", 64),
        "Are the villages habitable?"
    );
    assert_eq!(
        headline("That's what the county knows for now.", 64),
        "That's what the county knows"
    );
    // A time that is not "now" stays in a sentence that fits.
    assert_eq!(
        headline("The council met for the first time on Tuesday.", 64),
        "The council met for the first time on Tuesday"
    );
}

#[test]
fn in_a_way_is_a_hedge_where_its_clause_ends_and_a_manner_before_that() {
    // Worked out by hand: fits 64 as it is; "in a way" ends the sentence and goes.
    assert_eq!(
        headline("The ruling was welcome in a way.", 64),
        "The ruling was welcome"
    );
    let digest = headline(
        "The agency handled the claims in a way that left many of the flooded families without \
         help.",
        64,
    );
    assert!(digest.contains("in a way that"), "{digest}");
}

#[test]
fn a_figure_s_verb_turns_present_only_when_its_subject_s_number_is_known() {
    // "Prices" opens the sentence: its capital could be a name's ("Jones rose"), so the past
    // stays, which is a headline too. Expected texts worked out by hand.
    let text = "Prices rose for fuel and food, the statistics office said on Monday in Berlin.";
    assert!(headline(text, 48).starts_with("Prices rose for fuel"));
    let text = "Oil prices rose for a third day on worries about supplies from the Gulf region.";
    assert!(headline(text, 48).starts_with("Oil prices rise for a third day"));
    let text = "The price of oil rose for a third day on worries about supplies from the Gulf.";
    assert!(headline(text, 48).starts_with("Price of oil rises"));
}

#[test]
fn a_title_word_alone_before_one_capitalised_word_is_part_of_a_name() {
    let text = "General Motors hopes to sell between 7,000 and 8,000 North American-made cars in \
                Europe.";
    assert!(headline(text, 48).starts_with("General Motors hopes"));
    // Before a full name it is a rank, and goes as titles do.
    let text = "General Colin Powell said on Tuesday that the troops would stay in the region for \
                months.";
    assert!(headline(text, 48).starts_with("Colin Powell"));
}

#[test]
fn a_bulletin_s_field_label_is_not_the_headline() {
    // An NWS description (public domain) opens with its fields' labels; the first field is
    // the news. Worked out by hand: the label goes, the sentence fits 64 bytes as it is.
    let text = "* WHAT...West winds 30 to 35 mph with gusts up to 55 to 60 mph expected.  * \
                WHERE...Southwest Wyoming.  * WHEN...Until 3 AM MDT Monday.";
    assert_eq!(
        headline(text, 64),
        "West winds 30 to 35 mph with gusts up to 55 to 60 mph expected"
    );
    // However short the first field, it is the news, not the "WHERE" after it (an NWS Beach
    // Hazards Statement's description, public domain).
    let text = "* WHAT...Sneaker waves possible.\n\n* WHERE...North and Central Coast of Oregon, \
                and South\nWashington Coast.\n\n* WHEN...From this afternoon through Saturday \
                evening.";
    assert_eq!(headline(text, 48), "Sneaker waves possible");
}

#[test]
fn a_source_s_tag_and_in_effect_give_way_to_the_warning_and_its_end() {
    // A Wireless Emergency Alert's text (NWS, public domain); worked out by hand: the tag
    // "National Weather Service:" and "is in effect for this area" go, and the 48 bytes then
    // hold the warning and when it ends.
    let text = "National Weather Service: A FLASH FLOOD WARNING is in effect for this area until \
                6:00AM EDT. This is a dangerous and life-threatening situation.";
    assert_eq!(headline(text, 48), "A FLASH FLOOD WARNING until 6:00AM EDT");
    // "in effect" as "in fact" stays.
    let text = "If you are in effect moving cigarettes or alcohol around inside the country, you \
                pay duty.";
    assert!(headline(text, 40).starts_with("If you are in effect"));
    // A sentence that fits keeps its tag.
    let text = "NWS: Flash Flood Warning this area til 11:00AM CST.";
    assert_eq!(
        headline(text, 64),
        "NWS: Flash Flood Warning this area til 11:00AM CST"
    );
}

#[test]
fn a_clock_time_goes_as_other_phrases_of_time_do_but_not_a_warning_s_end() {
    // Worked out by hand: "At 650 PM CDT," goes with its comma (the sentence's start).
    let text = "At 650 PM CDT, Doppler radar was tracking a strong thunderstorm near Texarkana, \
                moving northeast at 55 mph.";
    assert_eq!(
        headline(text, 64),
        "Doppler radar was tracking a strong thunderstorm near Texarkana"
    );
    let text = "The quake struck at 10:15 local time about 40 km south of the capital, the agency \
                said.";
    assert!(headline(text, 48).starts_with("Quake struck about 40 km south"));
    // "until 6:00AM EDT" is when the warning ends: it stays. Digits alone are no time.
    let text = "A Flash Flood Warning is in effect until 6:00AM EDT for the county.";
    assert!(headline(text, 48).contains("until 6:00AM EDT"));
    let text = "Police arrived at 5 and found the building empty after the alarm went off.";
    assert!(headline(text, 48).contains("at 5"));
}

#[test]
fn when_a_bulletin_was_issued_gives_way_to_when_it_ends() {
    // An NWS headline (public domain); worked out by hand: "issued October 16 at 12:22PM EDT"
    // goes, the hour of the day it ends stays, and 48 bytes then hold the warning's end.
    let text = "Frost Advisory issued October 16 at 12:22PM EDT until October 17 at 9:00AM EDT by \
                NWS Baltimore MD/Washington DC";
    assert_eq!(
        headline(text, 48),
        "Frost Advisory until October 17 at 9:00AM EDT"
    );
}

#[test]
fn a_transcripts_clitics_are_written_joined_and_go_with_their_word() {
    // Spoken-news transcripts come tokenised: "they 're", "Dole 's". A person writes them
    // joined; "n't" stays as it came ("is n't" has no joined form that keeps its words).
    assert_eq!(
        headline("They 're confident it 's going to last .", 64),
        "They're confident it's going to last"
    );
    assert_eq!(
        headline("Dole 's campaign is n't finished .", 64),
        "Dole's campaign is n't finished"
    );
    // Joined, the words take less room: one more fits at 40 bytes.
    // ("They 're sure Dole 's aides will win vote" would be 41.)
    assert_eq!(
        headline(
            "They 're sure Dole 's aides will win the vote in Ohio .",
            40
        ),
        "They're sure Dole's aides will win vote"
    );
    // A word struck takes its clitic with it: never "'s departures".
    let digest = headline(
        "Today 's departures may signal that the tactic of increasing the pressure on the \
         Freemen may be starting to pay off .",
        48,
    );
    assert!(!digest.starts_with('\''), "{digest}");
    assert!(!digest.contains(" '"), "{digest}");
    // A run of clitics goes with the word it follows, however long.
    let text = format!(
        "Today{} departures may signal that the tactic of increasing the pressure is working .",
        " 's".repeat(90)
    );
    let digest = headline(&text, 48);
    assert!(!digest.starts_with('\''), "{digest}");
    assert!(digest.len() <= 48, "{digest}");
}

#[test]
fn a_title_that_ties_a_name_to_what_it_heads_stays_and_a_struck_title_keeps_the_comma() {
    // "Commerce Malcolm Baldrige" or "FBI Louis Freeh" would not say how the name belongs.
    assert_eq!(
        headline(
            "Commerce Secretary Malcolm Baldrige said on Tuesday that the proposed takeover \
             of the company would hurt the economy.",
            64
        ),
        "Commerce Secretary Malcolm Baldrige says the proposed takeover"
    );
    // A title alone before the name still goes, and so does the country before it.
    assert_eq!(
        headline(
            "U.S. President Bill Clinton said on Tuesday that the proposed takeover of the \
             company would hurt the economy.",
            64
        ),
        "Bill Clinton says the proposed takeover of the company"
    );
    // The comma before a struck title closes the clause before it, and stays.
    assert_eq!(
        headline(
            "The letter was addressed to Attorney General Janet Reno, Senator Orrin Hatch and \
             the chairmen of both intelligence committees.",
            48
        ),
        "Letter was addressed to Janet Reno, Orrin Hatch"
    );
    // "In a letter to …," is the frame of what is said, and goes.
    assert_eq!(
        headline(
            "In a letter to FBI Director Louis Freeh, Senator Charles Grassley says his staff \
             discovered IRS documents.",
            64
        ),
        "Senator Charles Grassley says his staff discovered IRS documents"
    );
}

// Sentences in the style of written news leads (not in the dev data): the rules a wire editor
// applies to them.

#[test]
fn an_aside_between_dashes_goes_and_a_second_verb_keeps_its_will() {
    let text = "Serge Ibaka -- the Oklahoma City Thunder forward who was born in the Congo but \
                played in Spain -- has been granted Spanish citizenship and will play for the \
                country in EuroBasket this summer, the event's organizers announced on Tuesday.";
    assert_eq!(
        headline(text, 48),
        "Serge Ibaka has been granted Spanish citizenship"
    );
    // "and will play", not "and to play": the headline's "to" is for the main verb only.
    assert_eq!(
        headline(text, 64),
        "Serge Ibaka granted Spanish citizenship and will play"
    );
}

#[test]
fn a_part_of_the_day_goes_with_its_date_and_allegedly_stays() {
    assert_eq!(
        headline(
            "The city council voted 7-2 on Monday night to approve a new budget that includes \
             raises for police officers and firefighters.",
            48
        ),
        "City council voted 7-2 to approve a new budget"
    );
    // A charge is not a fact: "allegedly" stays even when room is short.
    assert_eq!(
        headline(
            "A man was arrested on Sunday after he allegedly stabbed his neighbor during an \
             argument over a parking space in the Bronx, police said.",
            64
        ),
        "Man arrested after he allegedly stabbed his neighbor"
    );
}

#[test]
fn a_former_goes_with_the_title_and_a_region_does_not_end_a_digest() {
    assert_eq!(
        headline(
            "Former Vice President Dick Cheney, who has had five heart attacks, underwent a \
             heart transplant on Saturday at a hospital in Virginia, his office said.",
            48
        ),
        "Dick Cheney underwent a heart transplant"
    );
    // Not "27 people in southern".
    assert_eq!(
        headline(
            "Heavy rains and flooding have killed at least 27 people in southern Brazil, \
             authorities said on Thursday, as rescue teams searched for dozens of missing \
             residents.",
            64
        ),
        "Heavy rains and flooding killed at least 27 people"
    );
}

#[test]
fn a_company_said_it_would_is_the_company_to_and_a_ticker_goes() {
    assert_eq!(
        headline(
            "Microsoft Corp <MSFT> said on Thursday it would cut 10,000 jobs by the end of the \
             third quarter, joining a wave of layoffs sweeping the technology sector.",
            32
        ),
        "Microsoft to cut 10,000 jobs"
    );
    // "says it would" is a condition, not a report of the future: it stays.
    assert_eq!(
        headline(
            "Acme says it would build a plant in Ohio if taxes were cut.",
            64
        ),
        "Acme says it would build a plant in Ohio if taxes were cut"
    );
}

#[test]
fn a_phrase_before_a_struck_trailing_attribution_is_not_an_aside() {
    // Once ", the companies announced on Friday" goes, "for about $1.7 billion," ends the
    // sentence: its comma sets nothing off, and the price stays.
    assert_eq!(
        headline(
            "Amazon.com Inc. has agreed to buy iRobot Corp., the maker of the Roomba vacuum \
             cleaner, for about $1.7 billion, the companies announced on Friday.",
            64
        ),
        "Amazon.com has agreed to buy iRobot for about $1.7 billion"
    );
}

#[test]
fn an_auxiliary_cut_from_its_verb_does_not_end_a_digest() {
    // Not "… what you ca" (of "ca n't") nor "… Bendectin did" (of "did not cause").
    let digest = headline(
        "Critics say it is a typical tactic of the left to try to win in court what you ca n't \
         win at the ballot box .",
        64,
    );
    assert_eq!(
        digest,
        "Critics say it is a typical tactic of the left to try to win"
    );
    let digest = headline(
        "Dow Chemical Co said a jury found that the drug Bendectin did not cause the birth \
         defects of a child in Washington.",
        48,
    );
    assert!(!digest.ends_with(" did"), "{digest}");
}

#[test]
fn a_day_after_a_verb_goes_and_a_company_that_said_it_would_is_to() {
    // "said Wednesday that it would halt" -> "to halt": the day named without "on" is a time
    // phrase, and "that" does not stop the company's "it" from being the company.
    assert_eq!(
        headline(
            "Boeing Co. said Wednesday that it would halt production of its 737 MAX jetliner \
             in January, the biggest assembly-line shutdown in more than two decades.",
            48
        ),
        "Boeing to halt production of 737 MAX in January"
    );
    // When a warning ends stays.
    assert_eq!(
        headline("A flood watch remains in effect through Wednesday.", 48),
        "A flood watch through Wednesday"
    );
    // "but said it would continue" -> "but would continue", not "but to continue".
    assert_eq!(
        headline(
            "The Bank of Japan kept interest rates unchanged on Thursday but said it would \
             continue to monitor the yen's sharp fall against the dollar.",
            64
        ),
        "Bank of Japan kept interest rates unchanged but would continue"
    );
}

#[test]
fn a_modal_keeps_its_perfect_and_a_cut_does_not_end_on_a_names_first_word() {
    // Not "a ruling that would required".
    let digest = headline(
        "An appeals court on Monday blocked a lower court ruling that would have required the \
         administration to restore funding to hundreds of research programs.",
        64,
    );
    assert!(!digest.contains("would required"), "{digest}");
    // Not "… agreement with General" (of General Motors).
    assert_eq!(
        headline(
            "Striking auto workers reached a tentative agreement with General Motors late \
             Monday, ending a six-week walkout that cost the company an estimated $800 million.",
            64
        ),
        "Striking auto workers reached a tentative agreement"
    );
}

#[test]
fn a_lead_in_goes_before_the_main_clause_and_a_cut_does_not_end_on_its_participle() {
    // A participle's phrase, "Despite …" and "In a statement …" lead up to the news.
    assert_eq!(
        headline(
            "Facing mounting pressure from investors, the chief executive of Unilever \
             announced on Thursday that he would step down at the end of the year.",
            64
        ),
        "Chief executive of Unilever to step down at the end of the year"
    );
    assert_eq!(
        headline(
            "In a statement released late Tuesday, the Pentagon said two U.S. service members \
             were wounded in a rocket attack on a base in northeastern Syria.",
            64
        ),
        "Pentagon says two U.S. service members wounded in rocket attack"
    );
    // A participle with a verb of its own is the sentence.
    assert_eq!(
        headline(
            "Joining us by telephone is Geoffrey Fieger, Kevorkian 's attorney, who spoke with \
             reporters in Detroit this morning about the charges .",
            64
        ),
        "Joining us by telephone is Geoffrey Fieger, Kevorkian's attorney"
    );
    // Not "…, Texas, killing": what the participle did was cut away.
    assert_eq!(
        headline(
            "Police said a gunman opened fire at a shopping mall in Allen, Texas, on Saturday \
             afternoon, killing eight people before being shot dead by an officer.",
            64
        ),
        "Gunman opened fire at a shopping mall in Allen, Texas"
    );
}

#[test]
fn a_possessive_is_no_tie_to_a_title_and_a_body_is_no_persons_name() {
    // "Europe's largest carmaker" is what Volkswagen is: an appositive.
    assert_eq!(
        headline(
            "Volkswagen, Europe's largest carmaker, will invest 180 billion euros over the next \
             five years, with more than two thirds of the money going to electric vehicles.",
            48
        ),
        "Volkswagen to invest 180 bln euros over next"
    );
    // A country's possessive is no tie: the title goes.
    assert_eq!(
        headline(
            "Ukraine's President Volodymyr Zelenskiy on Sunday urged Western allies to speed up \
             deliveries of long-range missiles and tanks.",
            48
        ),
        "Ukraine's Volodymyr Zelenskiy urged"
    );
    // "Finance" opens a body's name here, not a title before a person's.
    assert_eq!(
        headline(
            "Spain's Finance Ministry deregulated bank deposit rates on Monday in a move to \
             increase competition among the country's banks.",
            48
        ),
        "Spain's Finance Ministry deregulated bank"
    );
}

#[test]
fn a_source_that_names_no_one_goes_with_where_it_serves_and_its_that() {
    // Not "That the death toll …": "on Friday" and the "that" after it go with the source.
    assert_eq!(
        headline(
            "Officials said on Friday that the death toll from the wildfire had risen to 111.",
            48
        ),
        "Death toll from the wildfire had risen to 111"
    );
    assert_eq!(
        headline(
            "Officials in Maui County said on Friday that the death toll from the wildfire had \
             risen to 111.",
            48
        ),
        "Death toll from the wildfire had risen to 111"
    );
}

#[test]
fn a_feeds_kicker_goes_and_a_comma_follows_a_words_own_mark() {
    assert_eq!(
        headline(
            "UPDATE 2-Oil prices jump 3% after OPEC+ agrees surprise output cut",
            40
        ),
        "Oil prices jump 3% after OPEC+ agrees"
    );
    // The comma that closed the struck "on Monday," is written after "2%", not inside it.
    assert_eq!(
        headline(
            "Japan's Nikkei share average fell 2% on Monday, tracking losses on Wall Street.",
            56
        ),
        "Japan's Nikkei share average falls 2%, tracking losses"
    );
}

#[test]
fn a_bulletin_loses_its_issuer_its_heading_dots_and_its_list_of_places_before_its_end() {
    // NWS texts (public domain), as an alert feed's text or headline gives them.
    assert_eq!(
        headline(
            "...WINTER STORM WARNING IN EFFECT FROM 6 PM THIS EVENING TO 6 AM EST SATURDAY...",
            48
        ),
        "Winter Storm Warning from 6 PM to 6 AM EST"
    );
    assert_eq!(
        headline(
            "The National Weather Service has issued a Heat Advisory for Maricopa County until \
             8 PM Sunday, with highs up to 115 degrees expected.",
            48
        ),
        "Heat Advisory for Maricopa County until 8 PM"
    );
    assert_eq!(
        headline(
            "Tornado Warning including Tulsa OK, Broken Arrow OK and Owasso OK until 9:15 PM CDT",
            48
        ),
        "Tornado Warning until 9:15 PM CDT"
    );
    // Not "… 8:00AM EDT by NWS": the issuing office goes whole.
    assert_eq!(
        headline(
            "Small Craft Advisory issued October 20 at 2:35PM EDT until October 21 at 8:00AM \
             EDT by NWS Boston/Norton MA",
            64
        ),
        "Small Craft Advisory until October 21 at 8:00AM EDT"
    );
}

#[test]
fn a_source_saying_what_it_did_and_a_told_refusal_read_as_headlines() {
    // "would not" told in the past is the headline's "not to".
    assert_eq!(
        headline(
            "Former President Donald Trump, who is seeking the Republican nomination, said on \
             Tuesday that he would not participate in the first primary debate next week.",
            64
        ),
        "Donald Trump not to participate in the first primary debate"
    );
    // What researchers say they did is their news.
    assert_eq!(
        headline(
            "Researchers at Stanford University say they have developed a blood test that can \
             detect more than 50 types of cancer before symptoms appear.",
            64
        ),
        "Researchers at Stanford University developed a blood test"
    );
    // After an amount, "an" is "per", and stays; a body by its short form.
    assert_eq!(
        headline(
            "Gold prices hit a record high of $2,135 an ounce on Monday as investors bet the \
             Federal Reserve will start cutting interest rates early next year.",
            48
        ),
        "Gold prices hit a record high of $2,135 an ounce"
    );
    assert_eq!(
        headline(
            "Meridian Diagnostics Inc said it received approval from the Food and Drug \
             Administration to market a new test.",
            48
        ),
        "Meridian Diagnostics received approval from FDA"
    );
}
