//! A boot id that differs from one boot to the next, on a chip without a random number
//! generator (the STM32F411 has none): the lowest bits of fast conversions of the internal
//! temperature sensor are noise, folded with the chip's unique id so two boards differ too.
//! Thirty-two samples give the host a fresh id on practically every boot; a repeat would only
//! make the host miss one reset (it resynchronises either way).

use embassy_stm32::Peri;
use embassy_stm32::adc::{Adc, SampleTime};
use embassy_stm32::peripherals::ADC1;

/// Conversions folded in.
const SAMPLES: usize = 32;

/// Reads the noise and powers the ADC down again (dropping it).
pub fn boot_id(adc: Peri<'static, ADC1>) -> u32 {
    let mut adc = Adc::new(adc);
    let mut sensor = adc.enable_temperature();
    let mut id = embassy_stm32::uid::uid()
        .chunks_exact(4)
        .fold(0u32, |acc, w| {
            acc ^ u32::from_le_bytes([w[0], w[1], w[2], w[3]])
        });
    for _ in 0..SAMPLES {
        // The shortest sampling time leaves the most noise in the low bits.
        let sample = adc.blocking_read(&mut sensor, SampleTime::CYCLES3);
        id = id.rotate_left(5) ^ u32::from(sample);
    }
    id
}
