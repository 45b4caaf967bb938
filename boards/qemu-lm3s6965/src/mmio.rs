//! The LM3S6965 registers this firmware touches, at the addresses of its datasheet (and of
//! QEMU's lm3s6965evb model). The only `unsafe` code of the board: each access is a volatile
//! read or write of a device register that exists on this chip.

/// One 32-bit memory-mapped register.
#[derive(Clone, Copy)]
pub struct Reg(usize);

impl Reg {
    pub const fn at(address: usize) -> Self {
        Reg(address)
    }

    /// The register `offset` bytes further on.
    pub const fn offset(self, offset: usize) -> Self {
        Reg(self.0 + offset)
    }

    pub fn read(self) -> u32 {
        // SAFETY: `self.0` is the address of a device register of this chip (see the constants
        // below); reading it has no effect beyond the device's documented one.
        unsafe { core::ptr::read_volatile(self.0 as *const u32) }
    }

    pub fn write(self, value: u32) {
        // SAFETY: as for `read`; the register is writable and the value is the datasheet's.
        unsafe { core::ptr::write_volatile(self.0 as *mut u32, value) }
    }

    pub fn set_bits(self, bits: u32) {
        self.write(self.read() | bits);
    }
}

/// System control: clocks and peripheral clock gates.
pub mod sysctl {
    use super::Reg;
    pub const RCC: Reg = Reg::at(0x400F_E060);
    pub const RCGC1: Reg = Reg::at(0x400F_E104);
    pub const RCGC2: Reg = Reg::at(0x400F_E108);
    /// RCC: use the system divider; SYSDIV in bits 26:23.
    pub const USESYSDIV: u32 = 1 << 22;
    pub const SYSDIV_SHIFT: u32 = 23;
    pub const SYSDIV_MASK: u32 = 0xF << SYSDIV_SHIFT;
    /// RCGC1 gates.
    pub const UART0: u32 = 1 << 0;
    pub const SSI0: u32 = 1 << 4;
    /// RCGC2 gates: GPIO ports A, C, D.
    pub const GPIOA: u32 = 1 << 0;
    pub const GPIOC: u32 = 1 << 2;
    pub const GPIOD: u32 = 1 << 3;
}

/// UART0 (PL011-like).
pub mod uart0 {
    use super::Reg;
    pub const BASE: Reg = Reg::at(0x4000_C000);
    pub const DR: Reg = BASE.offset(0x00);
    pub const FR: Reg = BASE.offset(0x18);
    pub const IBRD: Reg = BASE.offset(0x24);
    pub const FBRD: Reg = BASE.offset(0x28);
    pub const LCRH: Reg = BASE.offset(0x2C);
    pub const CTL: Reg = BASE.offset(0x30);
    pub const IM: Reg = BASE.offset(0x38);
    pub const ICR: Reg = BASE.offset(0x44);
    /// FR: receive FIFO empty, transmit FIFO full.
    pub const RXFE: u32 = 1 << 4;
    pub const TXFF: u32 = 1 << 5;
    /// LCRH: 8 data bits, FIFOs on.
    pub const LCRH_8N1_FIFO: u32 = 0x70;
    /// CTL: UART, transmit and receive enabled.
    pub const CTL_ENABLE: u32 = 0x301;
    /// IM/ICR: receive and receive-timeout interrupts.
    pub const RX_INTERRUPTS: u32 = (1 << 4) | (1 << 6);
}

/// SSI0, the synchronous serial port wired to the OLED.
pub mod ssi0 {
    use super::Reg;
    pub const BASE: Reg = Reg::at(0x4000_8000);
    pub const CR0: Reg = BASE.offset(0x00);
    pub const CR1: Reg = BASE.offset(0x04);
    pub const DR: Reg = BASE.offset(0x08);
    pub const SR: Reg = BASE.offset(0x0C);
    pub const CPSR: Reg = BASE.offset(0x10);
    /// CR0: Freescale SPI, 8-bit frames.
    pub const CR0_8BIT: u32 = 0x07;
    /// CR1: enable.
    pub const CR1_ENABLE: u32 = 0x02;
    /// SR: transmit FIFO not full, receive FIFO not empty.
    pub const TNF: u32 = 1 << 1;
    pub const RNE: u32 = 1 << 2;
}

/// GPIO ports. Data writes are address-masked: only the pins whose bits are in the address
/// (bits 9:2) change.
pub mod gpio {
    use super::Reg;
    pub const PORT_C: Reg = Reg::at(0x4000_6000);
    pub const PORT_D: Reg = Reg::at(0x4000_7000);
    pub const DIR: usize = 0x400;
    pub const DEN: usize = 0x51C;

    /// The data register that reads and writes only `pins` of `port`.
    pub const fn data(port: Reg, pins: u32) -> Reg {
        port.offset((pins as usize) << 2)
    }
}
