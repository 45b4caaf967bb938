//! The link over the Pico's own USB port: a CDC ACM serial port (`/dev/ttyACM0` on Linux), so
//! the Pico needs only its USB cable. Bytes the host sends land in [`INBOX`], which the main
//! loop reads like the UART; frames the board sends are queued whole with [`send`].
//!
//! USB has flow control of its own: while the main loop is busy (an e-paper refresh), the
//! receive task stops taking packets and the host waits, so nothing is lost on this path.

use defmt::{info, unwrap};
use embassy_executor::Spawner;
use embassy_rp::Peri;
use embassy_rp::bind_interrupts;
use embassy_rp::peripherals::USB;
use embassy_rp::usb::{Driver, InterruptHandler};
use embassy_sync::blocking_mutex::raw::CriticalSectionRawMutex;
use embassy_sync::pipe::Pipe;
use embassy_usb::class::cdc_acm::{CdcAcmClass, Receiver, Sender, State};
use embassy_usb::{Builder, UsbDevice};
use static_cell::StaticCell;

bind_interrupts!(struct Irqs {
    USBCTRL_IRQ => InterruptHandler<USB>;
});

/// pid.codes' test vendor and product ids: free for private use, to be replaced by an
/// allocated pair before boards are given to others.
const VID: u16 = 0x1209;
const PID: u16 = 0x0001;
/// The configuration descriptor of one CDC ACM function is 75 bytes (configuration,
/// association, two interfaces, four functional descriptors, three endpoints).
const CONFIG_DESCRIPTOR_BYTES: usize = 128;
/// The BOS descriptor is 12 bytes (header and USB 2.0 extension); CDC ACM adds none.
const BOS_DESCRIPTOR_BYTES: usize = 32;
/// Full-speed bulk packets.
const MAX_PACKET: u16 = 64;
/// What the host sent, not yet read by the main loop: two packets.
const INBOX_BYTES: usize = 128;
/// What the board sends, not yet taken by the host: a few Acks and a Hello. When no host has
/// the port open it fills, and further frames are dropped whole (the link repeats what
/// matters).
const OUTBOX_BYTES: usize = 256;

type UsbDriver = Driver<'static, USB>;

/// Bytes from the host, for the main loop.
pub static INBOX: Pipe<CriticalSectionRawMutex, INBOX_BYTES> = Pipe::new();
static OUTBOX: Pipe<CriticalSectionRawMutex, OUTBOX_BYTES> = Pipe::new();

/// Starts the USB device and the tasks that move bytes between it and the pipes.
pub fn start(spawner: &Spawner, usb: Peri<'static, USB>) {
    let mut config = embassy_usb::Config::new(VID, PID);
    config.manufacturer = Some("alert-digest");
    config.product = Some("alert-digest pico-epd2in13");
    config.max_power = 100;
    config.max_packet_size_0 = 64;

    static CONFIG_DESCRIPTOR: StaticCell<[u8; CONFIG_DESCRIPTOR_BYTES]> = StaticCell::new();
    static BOS_DESCRIPTOR: StaticCell<[u8; BOS_DESCRIPTOR_BYTES]> = StaticCell::new();
    static CONTROL_BUF: StaticCell<[u8; 64]> = StaticCell::new();
    static STATE: StaticCell<State> = StaticCell::new();
    let mut builder = Builder::new(
        Driver::new(usb, Irqs),
        config,
        CONFIG_DESCRIPTOR.init([0; CONFIG_DESCRIPTOR_BYTES]),
        BOS_DESCRIPTOR.init([0; BOS_DESCRIPTOR_BYTES]),
        &mut [],
        CONTROL_BUF.init([0; 64]),
    );
    let class = CdcAcmClass::new(&mut builder, STATE.init(State::new()), MAX_PACKET);
    let (sender, receiver) = class.split();
    spawner.spawn(unwrap!(run(builder.build())));
    spawner.spawn(unwrap!(receive(receiver)));
    spawner.spawn(unwrap!(transmit(sender)));
}

/// Queues one frame for the host, whole or not at all (a cut frame would only be noise).
pub fn send(frame: &[u8]) {
    if OUTBOX.free_capacity() < frame.len() {
        return;
    }
    let mut rest = frame;
    while let Ok(n) = OUTBOX.try_write(rest) {
        rest = rest.get(n..).unwrap_or_default();
        if rest.is_empty() {
            break;
        }
    }
}

#[embassy_executor::task]
async fn run(mut usb: UsbDevice<'static, UsbDriver>) -> ! {
    usb.run().await
}

#[embassy_executor::task]
async fn receive(mut receiver: Receiver<'static, UsbDriver>) -> ! {
    let mut packet = [0u8; MAX_PACKET as usize];
    loop {
        receiver.wait_connection().await;
        info!("usb: connected");
        while let Ok(n) = receiver.read_packet(&mut packet).await {
            INBOX.write_all(packet.get(..n).unwrap_or_default()).await;
        }
        info!("usb: disconnected");
    }
}

#[embassy_executor::task]
async fn transmit(mut sender: Sender<'static, UsbDriver>) -> ! {
    let mut packet = [0u8; MAX_PACKET as usize];
    loop {
        sender.wait_connection().await;
        // What was queued while no host listened is stale (Hellos, old Acks).
        OUTBOX.clear();
        loop {
            let n = OUTBOX.read(&mut packet).await;
            if sender
                .write_packet(packet.get(..n).unwrap_or_default())
                .await
                .is_err()
            {
                break;
            }
            // A full packet with nothing after it must be ended by an empty one, or the host
            // holds it back until more data comes.
            if n == packet.len() && OUTBOX.is_empty() && sender.write_packet(&[]).await.is_err() {
                break;
            }
        }
    }
}
