//! The same firmware with on-board condensing of raw records (feature `records`, about 80 KB more
//! flash): `alert-digest send --records` streams raw records and the board condenses them to its
//! card. CI's end-to-end test runs this image. Built by name, so the default image keeps its
//! features: `cargo build --release --features records --bin alert-digest-qemu-lm3s6965-records`.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use panic_semihosting as _;

#[entry]
fn main() -> ! {
    alert_digest_qemu_lm3s6965::firmware::run()
}
