//! UART0 at 115200 8N1. Received bytes are moved from the 16-byte hardware FIFO into a RAM queue
//! by the receive interrupt, so none are lost while the main loop renders; sending blocks on the
//! FIFO.

use core::cell::RefCell;
use core::convert::Infallible;

use critical_section::Mutex;
use heapless::Deque;
use lm3s6965::{Interrupt, interrupt};

use crate::mmio::{sysctl, uart0};

/// Bytes held between the interrupt and the main loop: a full-size link frame and then some,
/// so a slow render (a few ms, at most ~60 bytes at 115200 baud) never overflows it.
pub const RX_QUEUE_BYTES: usize = 1024;

static RX: Mutex<RefCell<Deque<u8, RX_QUEUE_BYTES>>> = Mutex::new(RefCell::new(Deque::new()));
/// Bytes the queue had no room for (counted, never silently lost).
static RX_DROPPED: Mutex<RefCell<u32>> = Mutex::new(RefCell::new(0));

/// Baud divisor for 115200 at the 50 MHz system clock: 50e6 / (16 * 115200) = 27.127 ->
/// integer 27, fraction round(0.127 * 64) = 8.
const IBRD_115200: u32 = 27;
const FBRD_115200: u32 = 8;

pub struct Uart;

impl Uart {
    /// Configures UART0 and unmasks its receive interrupt.
    pub fn new() -> Self {
        sysctl::RCGC1.set_bits(sysctl::UART0);
        uart0::CTL.write(0);
        uart0::IBRD.write(IBRD_115200);
        uart0::FBRD.write(FBRD_115200);
        uart0::LCRH.write(uart0::LCRH_8N1_FIFO);
        uart0::IM.write(uart0::RX_INTERRUPTS);
        uart0::CTL.write(uart0::CTL_ENABLE);
        // SAFETY: the handler below only touches the queue through a critical section.
        unsafe { cortex_m::peripheral::NVIC::unmask(Interrupt::UART0) };
        Uart
    }

    /// How many received bytes were dropped because the queue was full.
    pub fn dropped() -> u32 {
        critical_section::with(|cs| *RX_DROPPED.borrow_ref(cs))
    }
}

impl Default for Uart {
    fn default() -> Self {
        Self::new()
    }
}

#[interrupt]
fn UART0() {
    uart0::ICR.write(uart0::RX_INTERRUPTS);
    critical_section::with(|cs| {
        let mut rx = RX.borrow_ref_mut(cs);
        while uart0::FR.read() & uart0::RXFE == 0 {
            let byte = uart0::DR.read() as u8;
            if rx.push_back(byte).is_err() {
                *RX_DROPPED.borrow_ref_mut(cs) += 1;
            }
        }
    });
}

impl embedded_io::ErrorType for Uart {
    type Error = Infallible;
}

impl embedded_io::ReadReady for Uart {
    fn read_ready(&mut self) -> Result<bool, Self::Error> {
        Ok(critical_section::with(|cs| !RX.borrow_ref(cs).is_empty()))
    }
}

impl embedded_io::Read for Uart {
    /// Takes what has arrived; returns 0 when nothing has (callers poll, then sleep).
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        Ok(critical_section::with(|cs| {
            let mut rx = RX.borrow_ref_mut(cs);
            let mut n = 0;
            for slot in buf.iter_mut() {
                match rx.pop_front() {
                    Some(b) => {
                        *slot = b;
                        n += 1;
                    }
                    None => break,
                }
            }
            n
        }))
    }
}

impl embedded_io::Write for Uart {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        for &b in buf {
            while uart0::FR.read() & uart0::TXFF != 0 {}
            uart0::DR.write(u32::from(b));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}
