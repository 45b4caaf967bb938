//! Guest instructions per digest on the Cortex-M3, for BENCHMARKS.md. Run under QEMU with
//! `-icount shift=0,align=off,sleep=off`: each guest instruction then advances virtual time by
//! exactly 1 ns, and SysTick counts virtual time at the system clock, so instructions = ticks x
//! (1e9 / clock). Prints one line per measurement over semihosting and exits.
#![no_std]
#![no_main]

use alert_digest::device::Device;
use alert_digest::display::{Facts, Layout, OLED128X64, OledCard, TextArea};
use alert_digest::link::session::BOARD_FRAME_BYTES;
use alert_digest::link::{Message, fec, frame};
use alert_digest::{ByteBudget, Digest, Fit, MAX_BUDGET, condense_to_fit, parse_record};
use alert_digest_qemu_lm3s6965::clock::SYSTEM_CLOCK_HZ;
// The firmware's alerts and digest capacity.
use alert_digest_qemu_lm3s6965::firmware::{ALERTS, TEXT_BYTES};
use alert_digest_qemu_lm3s6965::oled::Oled;
use cortex_m::peripheral::SYST;
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m_rt::entry;
use cortex_m_semihosting::{debug, hprintln};
use panic_semihosting as _;

/// Runs of each measurement; the mean hides SysTick's resolution (one tick is 20 instructions).
const RUNS: u32 = 20;
/// SysTick is a 24-bit down-counter.
const SYST_MAX: u32 = 0x00FF_FFFF;
const NS_PER_TICK: u32 = 1_000_000_000 / SYSTEM_CLOCK_HZ;

/// A structured record: the seed's first.
const STRUCTURED: &[u8] = br#"{"id":"nextfin-20260203-drone","time":"2026-02-03T12:00:00Z","kind":"military","severity":"severe","certainty":"observed","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","place":"USS Abraham Lincoln","relation":"near","region":"Arabian Sea","source":"Anadolu Ajansi"}"#;

/// A text-only record of 300 bytes of prose (written for this benchmark).
const TEXT: &[u8] = br#"{"id":"bench-text","text":"Officials in Tulsa County said on Monday that a line of severe thunderstorms had brought down power lines across the northern suburbs overnight, leaving about 12,000 homes without electricity, and that repair crews from two neighbouring states were on their way to help restore service before temperatures fall again."}"#;

fn instructions(syst: &mut SYST, mut work: impl FnMut()) -> u32 {
    let mut total: u64 = 0;
    for _ in 0..RUNS {
        syst.clear_current();
        let start = SYST::get_current();
        work();
        let end = SYST::get_current();
        total += u64::from(start.wrapping_sub(end) & SYST_MAX);
    }
    (total * u64::from(NS_PER_TICK) / u64::from(RUNS)) as u32
}

/// Marks where `scripts/icount-profile` starts counting: one parse and condense of the
/// structured record at 48 bytes runs between this and [`profile_end`], outside the timed runs.
/// The two differ so that the linker cannot merge them.
#[unsafe(no_mangle)]
#[inline(never)]
extern "C" fn icount_profile_start() {
    cortex_m::asm::nop();
}

#[unsafe(no_mangle)]
#[inline(never)]
extern "C" fn icount_profile_end() {
    cortex_m::asm::nop();
    cortex_m::asm::nop();
}

fn condense_record(json: &[u8], fit: &impl Fit) {
    let mut scratch = [0u8; 512];
    if let Ok(record) = parse_record(json, &mut scratch) {
        let digest: Result<Digest<MAX_BUDGET>, _> = condense_to_fit(&record, fit);
        core::hint::black_box(&digest);
    }
}

#[entry]
fn main() -> ! {
    let mut p = cortex_m::Peripherals::take().expect("first take");
    alert_digest_qemu_lm3s6965::clock::start_clock_only();
    p.SYST.set_clock_source(SystClkSource::Core);
    p.SYST.set_reload(SYST_MAX);
    p.SYST.enable_counter();

    let empty = instructions(&mut p.SYST, || {});
    let report =
        |name: &str, n: u32| hprintln!("icount {}: {} instructions", name, n.saturating_sub(empty));
    let card = OledCard::TEXT.with_max_bytes(TEXT_BYTES);
    report(
        "structured record, parse",
        instructions(&mut p.SYST, || {
            let mut scratch = [0u8; 512];
            core::hint::black_box(&parse_record(STRUCTURED, &mut scratch));
        }),
    );
    report(
        "structured record, parse+condense to 48 bytes",
        instructions(&mut p.SYST, || condense_record(STRUCTURED, &ByteBudget(48))),
    );
    report(
        "structured record, parse+condense to the OLED card",
        instructions(&mut p.SYST, || condense_record(STRUCTURED, &card)),
    );
    report(
        "300-byte text record, parse+condense to 48 bytes",
        instructions(&mut p.SYST, || condense_record(TEXT, &ByteBudget(48))),
    );
    let mut oled = Oled::new();
    let mut scratch = [0u8; 512];
    let digests: heapless::Vec<Digest<TEXT_BYTES>, 1> = parse_record(STRUCTURED, &mut scratch)
        .and_then(|r| condense_to_fit(&r, &card))
        .into_iter()
        .collect();
    let facts = Facts {
        now: 1_770_120_720,
        total: 1,
        ..Facts::default()
    };
    report(
        "OLED card, render one digest",
        instructions(&mut p.SYST, || {
            let _ = OLED128X64.draw(&mut oled, &digests, &facts);
        }),
    );
    report(
        "OLED card, flush 4 KiB to the SSD0323",
        instructions(&mut p.SYST, || oled.flush()),
    );
    // The link: one frame of a 48-byte digest, as the host sends it, taken in by the board's
    // receiver (parity check, COBS, CRC, postcard), and the parity check on its own.
    let mut wire = [0u8; 256];
    let mut scratch = [0u8; 512];
    let sent = parse_record(STRUCTURED, &mut scratch)
        .and_then(|r| condense_to_fit(&r, &ByteBudget(48)))
        .ok()
        .and_then(|digest| frame::encode(1, &Message::Digest(digest), &mut wire).ok())
        .unwrap_or(0);
    let wire = &mut wire[..sent];
    let mut receiver = frame::Receiver::<BOARD_FRAME_BYTES>::new();
    report(
        "link, receive one 48-byte digest's frame",
        instructions(&mut p.SYST, || {
            core::hint::black_box(receiver.feed(wire));
        }),
    );
    // Without its delimiter, the frame is what the receiver hands to the parity check.
    let body = sent.saturating_sub(1);
    report(
        "link, of which the parity check",
        instructions(&mut p.SYST, || {
            core::hint::black_box(fec::repair(&mut wire[..body]));
        }),
    );
    hprintln!("link: the 48-byte digest's frame is {} bytes", sent);
    icount_profile_start();
    condense_record(STRUCTURED, &ByteBudget(48));
    icount_profile_end();
    hprintln!(
        "ram device: {} bytes, the firmware's application state (on its stack)",
        core::mem::size_of::<Device<TextArea, ALERTS, TEXT_BYTES>>()
    );
    debug::exit(debug::EXIT_SUCCESS);
    loop {
        cortex_m::asm::wfi();
    }
}
