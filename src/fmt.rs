//! The one logging shim: defmt on boards (feature `defmt`), nothing elsewhere.
//!
//! defmt's macros do not link on a host (`_defmt_acquire`), so nothing in the core calls them
//! directly; everything goes through these macros, which compile to nothing without the feature.
#![allow(unused_macros)]

macro_rules! debug {
    ($($arg:tt)*) => {{
        #[cfg(feature = "defmt")]
        ::defmt::debug!($($arg)*);
    }};
}

macro_rules! warn {
    ($($arg:tt)*) => {{
        #[cfg(feature = "defmt")]
        ::defmt::warn!($($arg)*);
    }};
}
