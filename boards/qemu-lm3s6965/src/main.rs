//! The alert-digest firmware for QEMU's lm3s6965evb, as users get it by default: digests
//! condensed by the host (`alert-digest send`), stored and drawn on the OLED. Everything it does
//! is the core's; the loop is in src/firmware.rs.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use panic_semihosting as _;

#[entry]
fn main() -> ! {
    alert_digest_qemu_lm3s6965::firmware::run()
}
