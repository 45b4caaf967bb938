//! A board's UART in memory, and frames to feed it, for the link and device tests.
#![allow(dead_code)]

use alert_digest::link::{MAX_WIRE_FRAME, Message, Received, Receiver, encode};

/// Bytes for the board to read (`rx`) and what it wrote (`tx`).
#[derive(Default)]
pub struct Uart {
    pub rx: Vec<u8>,
    pub tx: Vec<u8>,
}

impl embedded_io::ErrorType for Uart {
    type Error = core::convert::Infallible;
}

impl embedded_io::Read for Uart {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Self::Error> {
        let n = buf.len().min(self.rx.len());
        buf[..n].copy_from_slice(&self.rx[..n]);
        self.rx.drain(..n);
        Ok(n)
    }
}

impl embedded_io::ReadReady for Uart {
    fn read_ready(&mut self) -> Result<bool, Self::Error> {
        Ok(!self.rx.is_empty())
    }
}

impl embedded_io::Write for Uart {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Self::Error> {
        self.tx.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

pub fn decode_all(bytes: &[u8]) -> Vec<Message<'static>> {
    let mut rx: Receiver<MAX_WIRE_FRAME> = Receiver::new();
    let mut rest = bytes;
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (used, got) = rx.feed(rest);
        rest = &rest[used..];
        if let Some(Received::Frame(f)) = got {
            // Board-to-host messages own nothing borrowed.
            out.push(match f.msg {
                Message::Hello(h) => Message::Hello(h),
                Message::Ack(a) => Message::Ack(a),
                Message::Nak(n) => Message::Nak(n),
                Message::Pong(p) => Message::Pong(p),
                other => panic!("board sent {other:?}"),
            });
        }
    }
    out
}

/// One frame as the host sends it.
pub fn wire(seq: u16, msg: &Message) -> Vec<u8> {
    let mut buf = vec![0u8; MAX_WIRE_FRAME];
    let n = encode(seq, msg, &mut buf).unwrap();
    buf.truncate(n);
    buf
}
