#![no_std]
#![no_main]

use alert_digest_qemu_lm3s6965::oled::Oled;
use cortex_m_rt::entry;
use embedded_graphics::mono_font::MonoTextStyle;
use embedded_graphics::mono_font::ascii::FONT_6X10;
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::text::Text;
use panic_semihosting as _;

#[entry]
fn main() -> ! {
    let mut oled = Oled::new();
    let style = MonoTextStyle::new(&FONT_6X10, BinaryColor::On);
    let _ = Text::new("Drone downed near", Point::new(0, 10), style).draw(&mut oled);
    let _ = Text::new("USS Abraham Lincoln", Point::new(0, 22), style).draw(&mut oled);
    oled.flush();
    loop {
        cortex_m::asm::wfi();
    }
}
