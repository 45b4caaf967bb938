//! The schema's enumerated words: kind, severity, urgency, certainty, message type, relation.
//!
//! Words are matched without regard to ASCII case, because CAP feeds write `Severe` and
//! hand-written records `severe`. Each enum is one byte on the wire (postcard varint).

use postcard::experimental::max_size::MaxSize;
use serde::{Deserialize, Serialize};

macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $word:literal $(| $alias:literal)* ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, MaxSize)]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The schema word for this value.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Parses a schema word (or one of its documented aliases), ignoring ASCII case.
            pub fn from_word(word: &str) -> Option<Self> {
                let word = word.trim();
                $(
                    if word.eq_ignore_ascii_case($word) $(|| word.eq_ignore_ascii_case($alias))* {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum! {
    /// What sort of event a record reports; it picks the template.
    Kind {
        Military = "military",
        Conflict = "conflict",
        Diplomacy = "diplomacy",
        Politics = "politics",
        Economy = "economy",
        Weather = "weather",
        Quake = "quake" | "earthquake",
        Fire = "fire",
        Health = "health",
        Transport = "transport",
        Cyber = "cyber",
        #[default]
        Other = "other",
    }
}

word_enum! {
    /// CAP 1.2 severity, least to most severe (so `Ord` ranks priority).
    Severity {
        #[default]
        Unknown = "unknown",
        Minor = "minor",
        Moderate = "moderate",
        Severe = "severe",
        Extreme = "extreme",
    }
}

word_enum! {
    /// CAP 1.2 urgency, least to most urgent.
    Urgency {
        #[default]
        Unknown = "unknown",
        Past = "past",
        Future = "future",
        Expected = "expected",
        Immediate = "immediate",
    }
}

word_enum! {
    /// CAP 1.2 certainty, least to most certain.
    Certainty {
        #[default]
        Unknown = "unknown",
        Unlikely = "unlikely",
        Possible = "possible",
        Likely = "likely",
        Observed = "observed",
    }
}

word_enum! {
    /// CAP 1.2 message type: a new alert, an update of earlier ones (`refs`), or their cancellation.
    MsgType {
        #[default]
        Alert = "alert",
        Update = "update",
        Cancel = "cancel",
    }
}

word_enum! {
    /// How the event stands to its `place`: "Drone downed *near* USS Abraham Lincoln".
    Relation {
        Near = "near",
        #[default]
        In = "in",
        At = "at",
        Off = "off",
        Over = "over",
    }
}

impl Severity {
    /// The schema's numeric scale: 0 unknown, 1 minor, 2 moderate, 3 severe, 4 extreme.
    pub fn from_level(level: u8) -> Option<Self> {
        Self::ALL.get(usize::from(level)).copied()
    }

    /// The numeric level of [`Severity::from_level`].
    pub const fn level(self) -> u8 {
        self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_parse_in_any_ascii_case() {
        assert_eq!(Severity::from_word("Severe"), Some(Severity::Severe));
        assert_eq!(Severity::from_word("EXTREME"), Some(Severity::Extreme));
        assert_eq!(Kind::from_word("Earthquake"), Some(Kind::Quake));
        assert_eq!(MsgType::from_word("Cancel"), Some(MsgType::Cancel));
        assert_eq!(Relation::from_word("bogus"), None);
    }

    #[test]
    fn severity_levels_round_trip_and_rank() {
        for s in Severity::ALL {
            assert_eq!(Severity::from_level(s.level()), Some(*s));
        }
        assert_eq!(Severity::from_level(5), None);
        assert!(Severity::Extreme > Severity::Minor);
    }
}
