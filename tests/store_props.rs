//! Properties of the store over arbitrary streams: it never holds more than its capacity, is
//! always in priority order, never keeps an ended entry, and accounts for every digest.

use alert_digest::store::{Outcome, Signature, Store};
use alert_digest::{Digest, MsgType, Severity, id_hash};
use proptest::prelude::*;

const CAPACITY: usize = 6;

/// A small space of events so that repeats, updates and cancels hit each other often.
fn arb_digest() -> impl Strategy<Value = (Digest<16>, Signature)> {
    (
        0u32..12,
        0u8..5,
        prop::option::of(0i64..20_000),
        prop::option::of(0i64..25_000),
        0u8..3,
        prop::collection::vec(0u32..12, 0..3),
        0u32..4,
    )
        .prop_map(|(id, severity, time, end, msg, refs, sig)| {
            let digest = Digest {
                id: id_hash(&id.to_string()),
                time,
                end,
                severity: Severity::from_level(severity).unwrap_or_default(),
                urgency: Default::default(),
                certainty: Default::default(),
                kind: Default::default(),
                msg: [MsgType::Alert, MsgType::Update, MsgType::Cancel][usize::from(msg)],
                refs: refs.iter().map(|r| id_hash(&r.to_string())).collect(),
                count: 1,
                text: heapless::String::try_from("x").unwrap_or_default(),
            };
            (digest, Signature(sig))
        })
}

proptest! {
    #[test]
    fn store_invariants_hold(stream in prop::collection::vec(arb_digest(), 0..60)) {
        let mut store: Store<CAPACITY, 16> = Store::new(600);
        let mut stored_or_merged = 0u32;
        for (digest, signature) in stream.iter().cloned() {
            let outcome = store.insert(digest, signature);
            if matches!(outcome, Outcome::Added | Outcome::AddedEvicting { .. }) {
                stored_or_merged += 1;
            }
            prop_assert!(store.len() <= CAPACITY);
            let ranks: Vec<_> = store
                .iter()
                .map(|e| (e.digest.severity, e.last.unwrap_or(i64::MIN)))
                .collect();
            prop_assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "out of order: {ranks:?}");
            if let Some(now) = store.clock() {
                prop_assert!(store.iter().all(|e| e.digest.end.is_none_or(|end| end > now)));
            }
            for e in store.iter() {
                prop_assert!(e.first <= e.last || e.first.is_none() || e.last.is_none());
                prop_assert!(e.digest.count >= 1);
            }
        }
        let c = store.counters();
        prop_assert_eq!(c.received as usize, stream.len());
        prop_assert!(c.added >= stored_or_merged);
    }
}
