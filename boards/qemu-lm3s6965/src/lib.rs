//! Drivers of QEMU's lm3s6965evb for the alert-digest firmware: UART0, the SSD0323 OLED, the
//! clock. The application itself is the core's; this crate only wires it to the board.
#![no_std]

#[cfg(not(target_os = "none"))]
compile_error!(
    "this crate builds for the board: `cd boards/qemu-lm3s6965 && cargo build --release`"
);

pub mod boot;
pub mod clock;
pub mod firmware;
pub mod mmio;
pub mod oled;
pub mod uart;

// The interrupt vector table comes from the device crate.
use lm3s6965 as _;
