use super::*;

fn parse(json: &str) -> Result<EventRecord<'_>, Error> {
    // Leaked so the record may borrow it; fine in tests.
    let scratch: &'static mut [u8] = std::vec![0u8; MAX_RECORD_BYTES].leak();
    parse_record(json.as_bytes(), scratch)
}

#[test]
fn the_seed_record_parses_field_by_field() {
    let r = parse(
        r#"{"id":"nextfin-20260203-drone","time":"2026-02-03T12:00:00Z","kind":"military",
        "severity":"severe","certainty":"observed","actor":"U.S. fighter jet","action":"downed",
        "object":"Iranian drone","place":"USS Abraham Lincoln","relation":"near",
        "region":"Arabian Sea","source":"Anadolu Ajansi","text":"A U.S. fighter jet downed it."}"#,
    )
    .unwrap();
    assert_eq!(r.id, "nextfin-20260203-drone");
    // 2026-02-03T12:00:00Z, checked with `date -d 2026-02-03T12:00:00Z +%s`.
    assert_eq!(r.time.unwrap().unix, 1_770_120_000);
    assert_eq!(r.kind, Kind::Military);
    assert_eq!(r.severity, Severity::Severe);
    assert_eq!(r.certainty, Certainty::Observed);
    assert_eq!(r.urgency, Urgency::Unknown);
    assert_eq!(r.actor, Some("U.S. fighter jet"));
    assert_eq!(r.action, Some("downed"));
    assert_eq!(r.object, Some("Iranian drone"));
    assert_eq!(r.place, Some("USS Abraham Lincoln"));
    assert_eq!(r.relation, Some(Relation::Near));
    assert_eq!(r.region, Some("Arabian Sea"));
    assert_eq!(r.msg, MsgType::Alert);
    assert!(r.refs.is_empty());
}

#[test]
fn escaped_strings_are_unescaped() {
    let r = parse(
        r#"{"id":"e","actor":"Drone \"Shahed\"","place":"Caf\u00e9 Z\u00fcrich","text":"a\\b\/c"}"#,
    )
    .unwrap();
    assert_eq!(r.actor, Some("Drone \"Shahed\""));
    assert_eq!(r.place, Some("Café Zürich"));
    assert_eq!(r.text, Some("a\\b/c"));
}

#[test]
fn surrogate_pairs_decode_as_python_writes_them() {
    let r = parse(r#"{"id":"s","headline":"Fire \ud83d\udd25 in town"}"#).unwrap();
    assert_eq!(r.headline, Some("Fire 🔥 in town"));
    assert!(matches!(
        parse(r#"{"id":"s","headline":"lone \ud83d here"}"#),
        Err(Error::Json {
            reason: JsonReason::Escape,
            field: Some(Field::Headline),
            ..
        })
    ));
}

#[test]
fn the_structure_scan_notes_whether_any_string_holds_an_escape() {
    let plain = check_structure(br#"{"id":"a","place":"Oman"}"#).unwrap();
    assert!(!plain.escapes);
    let nested = check_structure(br#"{"id":"a","x":{"y":"\n"},"place":"Oman"}"#).unwrap();
    assert!(nested.escapes);
    // An escaped quote does not close its string: the object ends at the 13th byte.
    let quoted = check_structure(br#"{"id":"a\"}"}  "#).unwrap();
    assert!(quoted.escapes);
    assert_eq!(quoted.end, 13);
}

#[test]
fn an_escape_in_one_field_leaves_the_others_borrowed() {
    let json = br#"{"id":"x","note":"a\"b","place":"Oman","region":"Gulf \u0026 Sea"}"#;
    let mut scratch = [0u8; 16];
    let r = parse_record(json, &mut scratch).unwrap();
    assert_eq!(r.place, Some("Oman"));
    assert_eq!(r.region, Some("Gulf & Sea"));
    let start = json.as_ptr() as usize;
    let place = r.place.unwrap().as_ptr() as usize;
    assert!((start..start + json.len()).contains(&place));
}

#[test]
fn unescaped_strings_borrow_the_input() {
    let json = br#"{"id":"borrowed","place":"Oman"}"#;
    let mut scratch = [0u8; 0];
    let r = parse_record(json, &mut scratch).unwrap();
    assert_eq!(r.place, Some("Oman"));
}

#[test]
fn a_scratch_buffer_too_small_for_the_escapes_is_an_error() {
    let json = br#"{"id":"x","text":"\u00e9\u00e9\u00e9"}"#;
    let mut scratch = [0u8; 4];
    assert_eq!(
        parse_record(json, &mut scratch),
        Err(Error::ScratchTooSmall)
    );
}

#[test]
fn unknown_fields_are_ignored_even_when_nested() {
    let r = parse(
        r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[-149.1,64.7,[1,{"a":null}]]},
        "id":"u","felt":null,"tsunami":0,"flag":true,"headline":"Quake"}"#,
    )
    .unwrap();
    assert_eq!(r.id, "u");
    assert_eq!(r.headline, Some("Quake"));
}

#[test]
fn times_are_rfc3339_or_unix_seconds() {
    let r = parse(r#"{"id":"t","time":1770120000,"until":"2025-10-18T19:15:00-05:00","expires":"1770123600"}"#)
        .unwrap();
    assert_eq!(
        r.time,
        Some(Timestamp {
            unix: 1_770_120_000,
            offset_seconds: 0
        })
    );
    // 2025-10-19T00:15:00Z, checked with `date -d 2025-10-18T19:15:00-05:00 +%s`.
    assert_eq!(
        r.until,
        Some(Timestamp {
            unix: 1_760_832_900,
            offset_seconds: -18_000
        })
    );
    assert_eq!(r.expires.unwrap().unix, 1_770_123_600);
    assert_eq!(r.end().unwrap().unix, 1_760_832_900);
    assert_eq!(
        parse(r#"{"id":"t","time":"yesterday"}"#),
        Err(Error::BadTime(Field::Time))
    );
    assert_eq!(
        parse(r#"{"id":"t","time":1.5}"#),
        Err(Error::BadTime(Field::Time))
    );
    assert_eq!(
        parse(r#"{"id":"t","until":true}"#),
        Err(Error::BadTime(Field::Until))
    );
    assert_eq!(
        parse(r#"{"id":"t","time":99999999999999999999}"#),
        Err(Error::BadTime(Field::Time))
    );
    assert_eq!(parse(r#"{"id":"t","time":null}"#).unwrap().time, None);
}

#[test]
fn severity_is_a_cap_word_or_a_level() {
    assert_eq!(
        parse(r#"{"id":"s","severity":"Extreme"}"#)
            .unwrap()
            .severity,
        Severity::Extreme
    );
    assert_eq!(
        parse(r#"{"id":"s","severity":3}"#).unwrap().severity,
        Severity::Severe
    );
    assert_eq!(
        parse(r#"{"id":"s","severity":"1"}"#).unwrap().severity,
        Severity::Minor
    );
    assert_eq!(
        parse(r#"{"id":"s","severity":7}"#),
        Err(Error::BadSeverityLevel)
    );
    assert_eq!(
        parse(r#"{"id":"s","severity":-1}"#),
        Err(Error::BadWord(Field::Severity))
    );
    assert_eq!(
        parse(r#"{"id":"s","severity":"awful"}"#),
        Err(Error::BadWord(Field::Severity))
    );
}

#[test]
fn enumerated_words_outside_the_vocabulary_are_refused() {
    assert_eq!(
        parse(r#"{"id":"k","kind":"storm"}"#),
        Err(Error::BadWord(Field::Kind))
    );
    assert_eq!(
        parse(r#"{"id":"k","relation":"beside"}"#),
        Err(Error::BadWord(Field::Relation))
    );
    assert_eq!(
        parse(r#"{"id":"k","msg":"Ack"}"#),
        Err(Error::BadWord(Field::Msg))
    );
    assert_eq!(
        parse(r#"{"id":"k","urgency":"soon"}"#),
        Err(Error::BadWord(Field::Urgency))
    );
    assert_eq!(
        parse(r#"{"id":"k","certainty":"sure"}"#),
        Err(Error::BadWord(Field::Certainty))
    );
}

#[test]
fn id_is_required_and_not_empty() {
    assert_eq!(parse(r#"{"headline":"x"}"#), Err(Error::MissingId));
    assert_eq!(
        parse(r#"{"id":"  ","headline":"x"}"#),
        Err(Error::MissingId)
    );
    assert_eq!(
        parse(r#"{"id":5}"#),
        Err(Error::WrongType {
            field: Field::Id,
            expected: "a string"
        })
    );
}

#[test]
fn fields_over_their_limit_are_refused_with_their_name() {
    let long = "x".repeat(MAX_NAME_BYTES + 1);
    let json = std::format!(r#"{{"id":"l","place":"{long}"}}"#);
    assert_eq!(
        parse(&json),
        Err(Error::FieldTooLong {
            field: Field::Place,
            len: MAX_NAME_BYTES + 1,
            max: MAX_NAME_BYTES
        })
    );
}

#[test]
fn wrong_json_types_name_the_field() {
    assert_eq!(
        parse(r#"{"id":"w","actor":{"name":"x"}}"#),
        Err(Error::WrongType {
            field: Field::Actor,
            expected: "a string"
        })
    );
    assert_eq!(
        parse(r#"{"id":"w","headline":["a"]}"#),
        Err(Error::WrongType {
            field: Field::Headline,
            expected: "a string"
        })
    );
    assert_eq!(
        parse(r#"{"id":"w","place":12}"#),
        Err(Error::WrongType {
            field: Field::Place,
            expected: "a string"
        })
    );
    assert_eq!(
        parse(r#"{"id":"w","refs":[1,2]}"#),
        Err(Error::WrongType {
            field: Field::Refs,
            expected: "a string or a list of strings"
        })
    );
}

#[test]
fn a_repeated_key_is_refused() {
    assert_eq!(
        parse(r#"{"id":"a","id":"b"}"#),
        Err(Error::DuplicateField(Field::Id))
    );
}

#[test]
fn refs_are_a_cap_list_or_an_array() {
    let r = parse(r#"{"id":"r","msg":"Update","refs":"NWS,a,2025 NWS,b,2025"}"#).unwrap();
    assert_eq!(r.msg, MsgType::Update);
    assert_eq!(r.refs.as_slice(), ["NWS,a,2025", "NWS,b,2025"]);
    let r = parse(r#"{"id":"r","refs":["x1","x\u00e92"]}"#).unwrap();
    assert_eq!(r.refs.as_slice(), ["x1", "xé2"]);
    let many = r#"{"id":"r","refs":["1","2","3","4","5","6","7","8","9"]}"#;
    assert_eq!(parse(many), Err(Error::TooManyRefs));
    let many = r#"{"id":"r","refs":"1 2 3 4 5 6 7 8 9"}"#;
    assert_eq!(parse(many), Err(Error::TooManyRefs));
}

#[test]
fn magnitude_keeps_its_literal() {
    let r = parse(r#"{"id":"m","magnitude":4.35,"unit":"Mw"}"#).unwrap();
    let m = r.magnitude.unwrap();
    assert_eq!(m.literal(), "4.35");
    assert_eq!(m.tenths(), 44);
    let m = parse(r#"{"id":"m","magnitude":"5.8"}"#)
        .unwrap()
        .magnitude
        .unwrap();
    assert_eq!(m.literal(), "5.8");
    let m = parse(r#"{"id":"m","magnitude":-0.04}"#)
        .unwrap()
        .magnitude
        .unwrap();
    assert!(m.is_negative());
    assert_eq!(m.tenths(), 0);
    let m = parse(r#"{"id":"m","magnitude":1000000}"#)
        .unwrap()
        .magnitude
        .unwrap();
    assert_eq!(m.tenths(), 10_000_000);
    for refused in [
        "5e0",
        "-10.5",
        "1000000.1",
        "\"5.\"",
        "99999999999999999999",
    ] {
        let json = std::format!(r#"{{"id":"m","magnitude":{refused}}}"#);
        assert_eq!(parse(&json), Err(Error::BadMagnitude), "{refused}");
    }
    assert_eq!(
        parse(r#"{"id":"m","magnitude":1e30}"#),
        Err(Error::BadMagnitude)
    );
    assert_eq!(
        parse(r#"{"id":"m","magnitude":"big"}"#),
        Err(Error::BadMagnitude)
    );
}

#[test]
fn structural_faults_are_located() {
    assert_eq!(parse("[1,2]"), Err(Error::NotAnObject));
    assert_eq!(parse(""), Err(Error::NotAnObject));
    assert_eq!(
        parse(r#"{"id":"x","text":"cut off"#),
        Err(Error::Json {
            reason: JsonReason::Truncated,
            at: 25,
            field: None
        })
    );
    assert_eq!(
        parse(r#"{"id":"x"} {"id":"y"}"#),
        Err(Error::Json {
            reason: JsonReason::TrailingCharacters,
            at: 10,
            field: None
        })
    );
    let deep = std::format!(r#"{{"id":"d","x":{}{}}}"#, "[".repeat(100), "]".repeat(100));
    // The object is depth 1; the 16th `[` (byte 14 + 15) is depth 17.
    assert_eq!(parse(&deep), Err(Error::TooDeep { at: 29 }));
}

#[test]
fn syntax_errors_name_the_field_being_read() {
    match parse(r#"{"id":"x","place":"Oman" "kind":"x"}"#) {
        Err(Error::Json {
            reason: JsonReason::Syntax,
            field: Some(Field::Place),
            at: 11,
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_utf8_in_a_string_is_refused() {
    let json = b"{\"id\":\"x\",\"place\":\"\xff\xfe\"}";
    let mut scratch = [0u8; 64];
    assert!(matches!(
        parse_record(json, &mut scratch),
        Err(Error::Json {
            reason: JsonReason::Utf8,
            ..
        })
    ));
}

#[test]
fn records_over_the_limit_are_refused_before_parsing() {
    let json = std::vec![b' '; MAX_RECORD_BYTES + 1];
    let mut scratch = [0u8; 0];
    assert_eq!(
        parse_record(&json, &mut scratch),
        Err(Error::RecordTooLong {
            len: MAX_RECORD_BYTES + 1,
            max: MAX_RECORD_BYTES
        })
    );
}

/// [`parse_record`] and [`parse_pre_scanned`] (the order of checks before serde-json-core was
/// allowed to go first), each with its own scratch buffer, as debug text to compare.
fn both_orders(json: &[u8]) -> (std::string::String, std::string::String) {
    let mut a = std::vec![0u8; json.len()];
    let mut b = std::vec![0u8; json.len()];
    (
        std::format!("{:?}", parse_record(json, &mut a)),
        std::format!("{:?}", parse_pre_scanned(json, &mut b)),
    )
}

#[test]
fn scalars_that_the_pre_scan_reads_as_strings_or_nesting_get_its_errors() {
    // serde-json-core takes `1"` as a scalar; the pre-scan sees a string left open.
    let open = br#"{"id":"a","x":1"}"#;
    assert_eq!(
        parse(core::str::from_utf8(open).unwrap()),
        Err(Error::Json {
            reason: JsonReason::Truncated,
            at: open.len(),
            field: None
        })
    );
    // Brackets inside a scalar: the pre-scan counts them. `{"x":1` is bytes 0 to 5; the
    // bracket at byte 6 is depth 2, so byte 21 is depth 17.
    let deep = std::format!(r#"{{"x":1{},"id":"a"}}"#, "[".repeat(20));
    assert_eq!(parse(&deep), Err(Error::TooDeep { at: 21 }));
    // Two quotes in scalars hide a nesting from the pre-scan: it accepts the record, and the
    // deep list is skipped as before (no id: the record has none).
    let hidden = std::format!(
        r#"{{"a":1","b":{}1{},"c":2"}}"#,
        "[".repeat(20),
        "]".repeat(20)
    );
    assert_eq!(parse(&hidden), Err(Error::MissingId));
    // The same inside an unknown list, where the pass does not look at scalars.
    let nested = br#"{"id":"a","x":[1"]}"#;
    assert_eq!(
        parse(core::str::from_utf8(nested).unwrap()),
        Err(Error::Json {
            reason: JsonReason::Truncated,
            at: nested.len(),
            field: None
        })
    );
    for json in [&open[..], &nested[..], deep.as_bytes(), hidden.as_bytes()] {
        let (fast, reference) = both_orders(json);
        assert_eq!(fast, reference);
    }
}

#[test]
fn unknown_nested_values_are_skipped_and_bounded() {
    let r = parse(r#"{"id":"a","geo":{"t":[1,{"u":null}],"v":"w"},"place":"Oman"}"#).unwrap();
    assert_eq!(r.place, Some("Oman"));
    // The pre-scan's depth: the record is 1, so the 16th `[` of the value is depth 17.
    let deep = std::format!(r#"{{"id":"a","x":{}1{}}}"#, "[".repeat(16), "]".repeat(16));
    let at = deep.find('[').unwrap() + 15;
    assert_eq!(parse(&deep), Err(Error::TooDeep { at }));
    let fits = std::format!(r#"{{"id":"a","x":{}1{}}}"#, "[".repeat(15), "]".repeat(15));
    assert_eq!(parse(&fits).map(|r| r.id), Ok("a"));
    // Trailing characters are reported at the end the pre-scan finds.
    assert_eq!(
        parse(r#"{"id":"a"} x"#),
        Err(Error::Json {
            reason: JsonReason::TrailingCharacters,
            at: 10,
            field: None
        })
    );
}

proptest::proptest! {
    /// Records made of fields (some with scalars that hold quotes or brackets, some nested) and
    /// of JSON's structural pieces, good and broken: whichever check fails first, both orders
    /// give the same record or the same error.
    #[test]
    fn serde_first_gives_what_the_pre_scan_first_gave(
        pieces in proptest::collection::vec(
            proptest::sample::select(std::vec![
                r#""id":"a""#, r#""place":"Oman""#, r#""x":1"#, r#""x":1""#, r#""x":1["#,
                r#""x":1{"#, r#""x":[[1]]"#, r#""x":{"y":[1"]}"#, r#""x":"a\"b""#,
                r#""magnitude":4.5"#, r#""magnitude":4"5"#, r#""refs":["a","b"]"#,
                r#""refs":[["a"]]"#, r#""time":1700000000"#, "{", "}", "[", "]", ":", ",",
                "\"", "\\", " ", "1", "null", "\u{e9}",
            ]),
            0..12,
        ),
        close in proptest::bool::ANY,
    ) {
        let json = std::format!("{{{}{}", pieces.join(","), if close { "}" } else { "" });
        let (fast, reference) = both_orders(json.as_bytes());
        proptest::prop_assert_eq!(fast, reference);
    }
}
