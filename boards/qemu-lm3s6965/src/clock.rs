//! The system clock (50 MHz from QEMU's 200 MHz PLL model) and a SysTick millisecond counter.

use core::sync::atomic::{AtomicU32, Ordering};

use cortex_m::peripheral::SYST;
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m_rt::exception;

use crate::mmio::sysctl;

/// QEMU derives the system clock as 200 MHz / (SYSDIV + 1).
const SYSDIV: u32 = 3;
pub const SYSTEM_CLOCK_HZ: u32 = 200_000_000 / (SYSDIV + 1);
/// SysTick reload for one millisecond.
const TICKS_PER_MS: u32 = SYSTEM_CLOCK_HZ / 1000;

static MILLIS: AtomicU32 = AtomicU32::new(0);

/// Sets the system clock to [`SYSTEM_CLOCK_HZ`].
pub fn start_clock_only() {
    let rcc = sysctl::RCC.read() & !sysctl::SYSDIV_MASK;
    sysctl::RCC.write(rcc | sysctl::USESYSDIV | (SYSDIV << sysctl::SYSDIV_SHIFT));
}

/// Sets the system clock and starts the millisecond tick.
pub fn start(mut syst: SYST) {
    start_clock_only();
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(TICKS_PER_MS - 1);
    syst.clear_current();
    syst.enable_counter();
    syst.enable_interrupt();
}

/// Milliseconds since `start`.
pub fn millis() -> u32 {
    MILLIS.load(Ordering::Relaxed)
}

#[exception]
fn SysTick() {
    MILLIS.fetch_add(1, Ordering::Relaxed);
}
