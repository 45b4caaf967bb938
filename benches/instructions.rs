//! One pass of one stage over the bench records, for counting host instructions under
//! callgrind (scripts/instructions): deterministic where criterion's times move with the load
//! of a shared machine. The stage is `$ALERT_DIGEST_STAGE`: `pipeline` (parse + condense at 48
//! bytes), `parse`, `serde_json` (the typed parse, the yardstick) or `load` (reading the
//! records only, subtracted from the others). Run through `cargo bench`, it does one pass of
//! each and prints how many records condensed, so it stays a working target.

use std::hint::black_box;

use alert_digest::{Digest, MAX_BUDGET, MAX_RECORD_BYTES, condense, parse_record};

mod yardstick;
use yardstick::{Typed, load};

const BUDGET: usize = 48;

fn pipeline(records: &[Vec<u8>], scratch: &mut [u8]) -> usize {
    let mut ok = 0usize;
    for r in records {
        if let Ok(rec) = parse_record(black_box(r), scratch) {
            let d: Result<Digest<MAX_BUDGET>, _> = condense(&rec, BUDGET);
            ok += usize::from(black_box(&d).is_ok());
        }
    }
    ok
}

fn parse(records: &[Vec<u8>], scratch: &mut [u8]) {
    for r in records {
        black_box(&parse_record(black_box(r), scratch));
    }
}

fn serde_json_typed(records: &[Vec<u8>]) {
    for r in records {
        black_box(&serde_json::from_slice::<Typed>(black_box(r)));
    }
}

fn main() {
    let (source, records) = load();
    let mut scratch = vec![0u8; MAX_RECORD_BYTES];
    match std::env::var("ALERT_DIGEST_STAGE").as_deref() {
        Ok("pipeline") => {
            pipeline(&records, &mut scratch);
        }
        Ok("parse") => parse(&records, &mut scratch),
        Ok("serde_json") => serde_json_typed(&records),
        Ok("load") => {}
        _ => {
            let ok = pipeline(&records, &mut scratch);
            parse(&records, &mut scratch);
            serde_json_typed(&records);
            println!("{} records from {source}, {ok} condensed", records.len());
        }
    }
    black_box(&records);
}
