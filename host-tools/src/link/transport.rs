//! Transports for the host session: a serial port (the `serialport` crate), or a unix or TCP
//! socket to an emulator; and the [`Driver`] that runs a [`HostSession`] over one, reopening
//! it when it disappears (a USB adapter unplugged and plugged back).

use std::fmt;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use serialport::{SerialPortType, available_ports};

use super::HostSession;

/// How long one read waits for bytes: short enough that timeouts and heartbeats are served
/// on time, long enough not to spin.
pub const READ_TIMEOUT: Duration = Duration::from_millis(5);
/// Spacing of attempts to reopen a lost transport.
pub const RECONNECT_INTERVAL: Duration = Duration::from_millis(250);

/// Where the board is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A serial port by path; `dtr`/`rts` set those lines when given, else they are left alone.
    Serial {
        path: String,
        baud: u32,
        dtr: Option<bool>,
        rts: Option<bool>,
    },
    Unix(PathBuf),
    Tcp(String),
}

impl FromStr for Target {
    type Err = anyhow::Error;

    /// `unix:PATH` or `tcp:HOST:PORT` (the `--connect` forms).
    fn from_str(s: &str) -> anyhow::Result<Self> {
        if let Some(path) = s.strip_prefix("unix:") {
            return Ok(Target::Unix(PathBuf::from(path)));
        }
        if let Some(addr) = s.strip_prefix("tcp:") {
            if !addr.contains(':') {
                bail!("`{s}`: expected tcp:HOST:PORT");
            }
            return Ok(Target::Tcp(addr.to_owned()));
        }
        bail!("`{s}`: expected unix:PATH or tcp:HOST:PORT")
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Serial { path, baud, .. } => write!(f, "{path} at {baud} baud"),
            Target::Unix(path) => write!(f, "unix:{}", path.display()),
            Target::Tcp(addr) => write!(f, "tcp:{addr}"),
        }
    }
}

/// A byte stream to the board.
pub trait Link: Read + Write + Send {}
impl<T: Read + Write + Send> Link for T {}

/// Opens the transport; the error says which and why.
pub fn open(target: &Target) -> anyhow::Result<Box<dyn Link>> {
    match target {
        Target::Serial {
            path,
            baud,
            dtr,
            rts,
        } => {
            let mut port = serialport::new(path, *baud)
                .data_bits(serialport::DataBits::Eight)
                .parity(serialport::Parity::None)
                .stop_bits(serialport::StopBits::One)
                .flow_control(serialport::FlowControl::None)
                .timeout(READ_TIMEOUT)
                .open_native()
                .with_context(|| format!("cannot open serial port {target}"))?;
            if let Some(level) = dtr {
                serialport::SerialPort::write_data_terminal_ready(&mut port, *level)
                    .with_context(|| format!("cannot set DTR on {path}"))?;
            }
            if let Some(level) = rts {
                serialport::SerialPort::write_request_to_send(&mut port, *level)
                    .with_context(|| format!("cannot set RTS on {path}"))?;
            }
            Ok(Box::new(port))
        }
        Target::Unix(path) => {
            let stream = std::os::unix::net::UnixStream::connect(path)
                .with_context(|| format!("cannot connect to {target}"))?;
            stream.set_read_timeout(Some(READ_TIMEOUT))?;
            Ok(Box::new(stream))
        }
        Target::Tcp(addr) => {
            let stream =
                TcpStream::connect(addr).with_context(|| format!("cannot connect to {target}"))?;
            stream.set_read_timeout(Some(READ_TIMEOUT))?;
            stream.set_nodelay(true)?;
            Ok(Box::new(stream))
        }
    }
}

/// Resolves `usb:VID:PID[:SERIAL]` (hex ids) to the path of the one matching port.
pub fn find_usb_port(spec: &str) -> anyhow::Result<String> {
    let mut parts = spec.split(':');
    let (vid, pid) = match (parts.next(), parts.next()) {
        (Some(v), Some(p)) => (
            u16::from_str_radix(v, 16).with_context(|| format!("bad USB vendor id `{v}`"))?,
            u16::from_str_radix(p, 16).with_context(|| format!("bad USB product id `{p}`"))?,
        ),
        _ => bail!("`usb:{spec}`: expected usb:VID:PID or usb:VID:PID:SERIAL"),
    };
    let serial = parts.next();
    let ports = available_ports().context("cannot list serial ports")?;
    let matches: Vec<String> = ports
        .into_iter()
        .filter(|p| match &p.port_type {
            SerialPortType::UsbPort(usb) => {
                usb.vid == vid
                    && usb.pid == pid
                    && serial.is_none_or(|s| usb.serial_number.as_deref() == Some(s))
            }
            _ => false,
        })
        .map(|p| p.port_name)
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(anyhow!("no serial port with USB id {vid:04x}:{pid:04x}")),
        many => Err(anyhow!(
            "{} ports with USB id {vid:04x}:{pid:04x} ({}); add :SERIAL",
            many.len(),
            many.join(", ")
        )),
    }
}

/// Runs a [`HostSession`] over a transport with the real clock.
pub struct Driver {
    pub session: HostSession,
    target: Target,
    link: Option<Box<dyn Link>>,
    epoch: Instant,
    lost_at: Option<Instant>,
    last_attempt: Option<Instant>,
    /// Give up when a lost transport has not come back within this long.
    pub reconnect_for: Duration,
    /// Times the transport was lost and reopened.
    pub reconnects: u64,
    buf: Vec<u8>,
}

impl Driver {
    /// Opens `target`; failing to open it the first time is an error, not a retry.
    pub fn connect(target: Target, session: HostSession) -> anyhow::Result<Self> {
        let link = open(&target)?;
        Ok(Self {
            session,
            target,
            link: Some(link),
            epoch: Instant::now(),
            lost_at: None,
            last_attempt: None,
            reconnect_for: Duration::from_secs(30),
            reconnects: 0,
            buf: vec![0; 4096],
        })
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The session's clock.
    pub fn now(&self) -> Duration {
        self.epoch.elapsed()
    }

    /// Whether the transport is open now.
    pub fn is_connected(&self) -> bool {
        self.link.is_some()
    }

    /// One turn: wait up to [`READ_TIMEOUT`] for bytes, feed them, write what is due. A lost
    /// transport is reopened; an error means it stayed lost for [`Driver::reconnect_for`].
    pub fn turn(&mut self) -> anyhow::Result<()> {
        let Some(link) = self.link.as_mut() else {
            return self.reopen();
        };
        let got = match link.read(&mut self.buf) {
            Ok(0) => Err(io::Error::from(io::ErrorKind::UnexpectedEof)),
            Ok(n) => Ok(n),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
                ) =>
            {
                Ok(0)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(0),
            Err(e) => Err(e),
        };
        let n = match got {
            Ok(n) => n,
            Err(_) => {
                self.lose();
                return Ok(());
            }
        };
        let now = self.epoch.elapsed();
        self.session.receive(&self.buf[..n], now);
        let mut out = Vec::new();
        self.session.transmit(now, &mut out);
        if !out.is_empty() {
            let written = link.write_all(&out).and_then(|()| link.flush());
            if written.is_err() {
                self.lose();
            }
        }
        Ok(())
    }

    fn lose(&mut self) {
        self.link = None;
        self.lost_at = Some(Instant::now());
    }

    fn reopen(&mut self) -> anyhow::Result<()> {
        let lost_at = *self.lost_at.get_or_insert_with(Instant::now);
        if self
            .last_attempt
            .is_some_and(|t| t.elapsed() < RECONNECT_INTERVAL)
        {
            std::thread::sleep(READ_TIMEOUT);
            return Ok(());
        }
        self.last_attempt = Some(Instant::now());
        match open(&self.target) {
            Ok(link) => {
                self.link = Some(link);
                self.lost_at = None;
                self.reconnects += 1;
                self.session.reconnected();
                Ok(())
            }
            Err(e) if lost_at.elapsed() >= self.reconnect_for => Err(e.context(format!(
                "{} went away and did not come back within {} s",
                self.target,
                self.reconnect_for.as_secs()
            ))),
            Err(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_specs_parse_or_say_what_is_expected() {
        assert_eq!(
            "unix:/tmp/board.sock".parse::<Target>().unwrap(),
            Target::Unix(PathBuf::from("/tmp/board.sock"))
        );
        assert_eq!(
            "tcp:127.0.0.1:4000".parse::<Target>().unwrap(),
            Target::Tcp("127.0.0.1:4000".into())
        );
        let err = "tcp:localhost".parse::<Target>().unwrap_err().to_string();
        assert!(err.contains("tcp:HOST:PORT"), "{err}");
        let err = "/dev/ttyUSB0".parse::<Target>().unwrap_err().to_string();
        assert!(err.contains("unix:PATH or tcp:HOST:PORT"), "{err}");
    }

    #[test]
    fn usb_specs_need_hex_ids() {
        let err = find_usb_port("zz:0001").unwrap_err().to_string();
        assert!(err.contains("bad USB vendor id"), "{err}");
        let err = find_usb_port("2e8a").unwrap_err().to_string();
        assert!(err.contains("usb:VID:PID"), "{err}");
    }

    #[test]
    fn a_missing_port_is_a_clear_error() {
        let target = Target::Serial {
            path: "/dev/alert-digest-no-such-port".into(),
            baud: 115_200,
            dtr: None,
            rts: None,
        };
        let err = format!("{:#}", open(&target).err().unwrap());
        assert!(
            err.contains("cannot open serial port /dev/alert-digest-no-such-port at 115200 baud"),
            "{err}"
        );
    }
}
