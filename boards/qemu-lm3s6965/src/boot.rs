//! A boot id that differs from the previous boot's, as the link's handshake needs: a counter
//! in RAM that the startup code does not clear, so a warm reset (or the watchdog) counts on
//! from the last value. After power-up it starts from whatever the RAM held, which is as good.

use core::mem::MaybeUninit;

#[unsafe(link_section = ".uninit.BOOT_ID")]
static mut BOOT_ID: MaybeUninit<u32> = MaybeUninit::uninit();

/// The next boot id. Call once, at boot.
pub fn next_id() -> u32 {
    let slot = (&raw mut BOOT_ID).cast::<u32>();
    // SAFETY: called once from `main`, before anything else can touch the slot. The section is
    // not initialised by the startup code, so the value is whatever the RAM held: a volatile
    // read takes it as the hardware has it (any bit pattern is a valid u32).
    unsafe {
        let id = core::ptr::read_volatile(slot).wrapping_add(1);
        core::ptr::write_volatile(slot, id);
        id
    }
}
