//! A corpus of malformed records: each gives its typed error, none panics, and a good record
//! after a bad one is unaffected.

use alert_digest::{Error, Field, JsonReason, MAX_RECORD_BYTES, condense, parse_record};

const GOOD: &str = r#"{"id":"nextfin-20260203-drone","time":"2026-02-03T12:00:00Z","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","place":"USS Abraham Lincoln","relation":"near"}"#;

fn parse(bytes: &[u8]) -> Result<String, Error> {
    let mut scratch = [0u8; MAX_RECORD_BYTES];
    let record = parse_record(bytes, &mut scratch)?;
    let digest: alert_digest::Digest = condense(&record, 48)?;
    Ok(digest.text.as_str().to_owned())
}

#[test]
fn every_truncation_of_a_good_record_is_an_error() {
    for end in 0..GOOD.len() {
        let result = parse(&GOOD.as_bytes()[..end]);
        assert!(
            result.is_err(),
            "prefix of {end} bytes was accepted: {result:?}"
        );
    }
    assert!(parse(GOOD.as_bytes()).is_ok());
}

#[test]
fn a_truncated_line_reports_truncation() {
    assert!(matches!(
        parse(&GOOD.as_bytes()[..100]),
        Err(Error::Json {
            reason: JsonReason::Truncated,
            ..
        })
    ));
}

#[test]
fn wrong_types_give_wrong_type_errors() {
    let cases: [(&str, Field); 6] = [
        (r#"{"id":["a"]}"#, Field::Id),
        (r#"{"id":"x","actor":42}"#, Field::Actor),
        (r#"{"id":"x","action":{"verb":"downed"}}"#, Field::Action),
        (r#"{"id":"x","region":false}"#, Field::Region),
        (r#"{"id":"x","text":[]}"#, Field::Text),
        (r#"{"id":"x","magnitude":{"value":5}}"#, Field::Magnitude),
    ];
    for (json, field) in cases {
        match parse(json.as_bytes()) {
            Err(Error::WrongType { field: f, .. }) => assert_eq!(f, field, "{json}"),
            other => panic!("{json}: {other:?}"),
        }
    }
}

#[test]
fn huge_numbers_are_refused() {
    let cases = [
        r#"{"id":"x","time":123456789012345678901234567890}"#,
        r#"{"id":"x","time":-99999999999999}"#,
        r#"{"id":"x","severity":300}"#,
        r#"{"id":"x","magnitude":1e309}"#,
        r#"{"id":"x","magnitude":-1e39}"#,
    ];
    for json in cases {
        assert!(
            matches!(
                parse(json.as_bytes()),
                Err(Error::BadTime(_) | Error::BadSeverityLevel | Error::BadMagnitude)
            ),
            "{json}"
        );
    }
}

#[test]
fn deep_nesting_is_refused_before_it_can_exhaust_the_stack() {
    for depth in [17, 1000, 100_000] {
        let json = format!(r#"{{"id":"x","junk":{}}}"#, "[".repeat(depth));
        if json.len() > MAX_RECORD_BYTES {
            assert!(matches!(
                parse(json.as_bytes()),
                Err(Error::RecordTooLong { .. })
            ));
        } else {
            assert!(
                matches!(parse(json.as_bytes()), Err(Error::TooDeep { .. })),
                "{depth}"
            );
        }
    }
    let objects = format!(
        r#"{{"id":"x","junk":{}1{}}}"#,
        r#"{"a":"#.repeat(40),
        "}".repeat(40)
    );
    assert!(matches!(
        parse(objects.as_bytes()),
        Err(Error::TooDeep { .. })
    ));
}

#[test]
fn invalid_utf8_is_refused_inside_and_outside_strings() {
    let inside = b"{\"id\":\"x\",\"headline\":\"caf\xe9\"}";
    assert!(matches!(
        parse(inside),
        Err(Error::Json {
            reason: JsonReason::Utf8,
            ..
        })
    ));
    let outside = b"{\"id\":\"x\",\xff:1}";
    assert!(matches!(parse(outside), Err(Error::Json { .. })));
}

#[test]
fn a_one_megabyte_line_is_refused_by_length() {
    let mut line = String::from(r#"{"id":"x","text":""#);
    line.push_str(&"a".repeat(1 << 20));
    line.push_str(r#""}"#);
    assert_eq!(
        parse(line.as_bytes()),
        Err(Error::RecordTooLong {
            len: line.len(),
            max: MAX_RECORD_BYTES
        })
    );
}

#[test]
fn other_faults_each_have_their_error() {
    assert_eq!(parse(b"null"), Err(Error::NotAnObject));
    assert_eq!(parse(b"   "), Err(Error::NotAnObject));
    assert_eq!(parse(br#"{"id":"x"}"#), Err(Error::NothingToCondense));
    assert_eq!(
        parse(br#"{"id":"x","text":"Telecommunications"}"#).map(|_| ()),
        Ok(())
    );
    assert_eq!(
        parse(br#"{"id":"x","text":"Supercalifragilisticexpialidocious-Telecommunications-Infrastructure-Megaproject"}"#),
        Err(Error::DoesNotFit)
    );
    assert!(matches!(
        parse(br#"{"id":"x","headline":"bad \q escape"}"#),
        Err(Error::Json {
            reason: JsonReason::Escape,
            ..
        })
    ));
    assert!(matches!(
        parse(br#"{"id":"x",,"headline":"y"}"#),
        Err(Error::Json { .. })
    ));
    assert!(matches!(
        parse(br#"{"id":"x","headline":"y",}"#),
        Err(Error::Json { .. })
    ));
}

#[test]
fn a_bad_record_does_not_disturb_the_next() {
    let bad = parse(br#"{"id":"x","severity":"awful","headline":"Storm"}"#);
    assert_eq!(bad, Err(Error::BadWord(Field::Severity)));
    assert_eq!(
        parse(GOOD.as_bytes()).as_deref(),
        Ok("Iranian drone downed near USS Abraham Lincoln")
    );
}
