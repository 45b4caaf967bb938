//! Where the board on the PC waits for a host: a unix socket or a TCP port (the forms
//! `send --connect` takes, as for an emulator), or a pseudo-terminal, whose other end is a
//! real serial device (`/dev/pts/N`) that `send --port` opens with the serialport crate as it
//! opens a USB adapter.
//!
//! One host at a time; when it goes, the board waits for the next, keeping its alerts (a
//! board stays powered while its cable is replugged).

use std::io::{self, ErrorKind, Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::FileTypeExt as _;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use anyhow::{Context as _, bail};
use serialport::{ClearBuffer, SerialPort as _, TTYPort};

/// How long one read waits for bytes: short enough that the board's timers (Hello, refresh,
/// expiry) are served on time, long enough not to spin.
pub const READ_TIMEOUT: Duration = Duration::from_millis(5);

/// With no host heard for this long, nobody reads the pseudo-terminal: what the board said
/// meanwhile (Hellos) is dropped, as a UART with no cable drops it, instead of piling up for
/// the next host to read. Longer than the host's heartbeat (1 s), so a connected host is
/// never cut short.
const PTY_STALE_MS: u64 = 2_000;

/// The `--listen` forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listen {
    Unix(PathBuf),
    Tcp(String),
    Pty,
}

impl FromStr for Listen {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> anyhow::Result<Self> {
        if s == "pty" {
            return Ok(Listen::Pty);
        }
        if let Some(path) = s.strip_prefix("unix:").filter(|p| !p.is_empty()) {
            return Ok(Listen::Unix(PathBuf::from(path)));
        }
        if let Some(addr) = s.strip_prefix("tcp:").filter(|a| a.contains(':')) {
            return Ok(Listen::Tcp(addr.to_owned()));
        }
        bail!("`{s}`: expected unix:PATH, tcp:HOST:PORT or pty")
    }
}

/// What a read gave.
pub enum Got {
    Bytes(usize),
    Nothing,
    /// A host connected (its address, when it has one).
    Connected(String),
    /// The host went away.
    Disconnected,
}

trait Stream: Read + Write + Send {}
impl<T: Read + Write + Send> Stream for T {}

enum Kind {
    Unix {
        listener: UnixListener,
        path: PathBuf,
    },
    Tcp(TcpListener),
    Pty {
        master: TTYPort,
        /// Held open, so the master does not read end-of-file between hosts; and to drop
        /// stale bytes.
        slave: TTYPort,
    },
}

/// The board's end: where it listens, and the host connected now.
pub struct Port {
    kind: Kind,
    conn: Option<Box<dyn Stream>>,
}

impl Port {
    pub fn open(listen: &Listen) -> anyhow::Result<Self> {
        let kind = match listen {
            Listen::Unix(path) => {
                remove_stale_socket(path)?;
                let listener = UnixListener::bind(path)
                    .with_context(|| format!("cannot listen on unix:{}", path.display()))?;
                listener.set_nonblocking(true)?;
                Kind::Unix {
                    listener,
                    path: path.clone(),
                }
            }
            Listen::Tcp(addr) => {
                let listener = TcpListener::bind(addr)
                    .with_context(|| format!("cannot listen on tcp:{addr}"))?;
                listener.set_nonblocking(true)?;
                Kind::Tcp(listener)
            }
            Listen::Pty => {
                let (mut master, slave) =
                    TTYPort::pair().context("cannot open a pseudo-terminal")?;
                master.set_timeout(READ_TIMEOUT)?;
                Kind::Pty { master, slave }
            }
        };
        Ok(Self { kind, conn: None })
    }

    /// Where a host finds the board: `unix:PATH` or `tcp:HOST:PORT` for `send --connect`,
    /// the device path for `send --port`.
    pub fn address(&self) -> String {
        match &self.kind {
            Kind::Unix { path, .. } => format!("unix:{}", path.display()),
            Kind::Tcp(listener) => match listener.local_addr() {
                Ok(addr) => format!("tcp:{addr}"),
                Err(_) => "tcp:?".into(),
            },
            Kind::Pty { slave, .. } => slave.name().unwrap_or_default(),
        }
    }

    /// How a host reaches it: the `send` option.
    pub fn send_option(&self) -> String {
        match &self.kind {
            Kind::Pty { .. } => format!("--port {}", self.address()),
            _ => format!("--connect {}", self.address()),
        }
    }

    /// Waits up to [`READ_TIMEOUT`] for bytes from the host, or for a host.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<Got> {
        if let Kind::Pty { master, .. } = &mut self.kind {
            return match master.read(buf) {
                Ok(n) => Ok(Got::Bytes(n)),
                Err(e) if quiet(&e) => Ok(Got::Nothing),
                Err(e) => Err(e),
            };
        }
        let Some(conn) = self.conn.as_mut() else {
            return self.accept();
        };
        match conn.read(buf) {
            Ok(0) => {
                self.conn = None;
                Ok(Got::Disconnected)
            }
            Ok(n) => Ok(Got::Bytes(n)),
            Err(e) if quiet(&e) => Ok(Got::Nothing),
            Err(_) => {
                self.conn = None;
                Ok(Got::Disconnected)
            }
        }
    }

    fn accept(&mut self) -> io::Result<Got> {
        let accepted: io::Result<(Box<dyn Stream>, String)> = match &self.kind {
            Kind::Unix { listener, path } => listener.accept().and_then(|(stream, _)| {
                prepare_unix(&stream)?;
                Ok((
                    Box::new(stream) as Box<dyn Stream>,
                    path.display().to_string(),
                ))
            }),
            Kind::Tcp(listener) => listener.accept().and_then(|(stream, peer)| {
                stream.set_nonblocking(false)?;
                stream.set_read_timeout(Some(READ_TIMEOUT))?;
                stream.set_nodelay(true)?;
                Ok((Box::new(stream) as Box<dyn Stream>, peer.to_string()))
            }),
            Kind::Pty { .. } => return Ok(Got::Nothing),
        };
        match accepted {
            Ok((stream, peer)) => {
                self.conn = Some(stream);
                Ok(Got::Connected(peer))
            }
            Err(e) if quiet(&e) => {
                // Nobody yet: wait as a read would, so the loop keeps its pace.
                std::thread::sleep(READ_TIMEOUT);
                Ok(Got::Nothing)
            }
            Err(e) => Err(e),
        }
    }

    /// Sends `bytes` to the host, if one is there to hear them (a UART with nobody on the
    /// other end loses what it sends). `host_silent_ms`: since the host was last heard.
    pub fn write(&mut self, bytes: &[u8], host_silent_ms: Option<u64>) {
        if bytes.is_empty() {
            return;
        }
        match &mut self.kind {
            Kind::Pty { master, slave } => {
                if host_silent_ms.is_none_or(|ms| ms >= PTY_STALE_MS) {
                    let _ = slave.clear(ClearBuffer::Input);
                }
                // A full buffer (nobody reading) times out: the bytes are lost, as on a wire.
                let _ = master.write_all(bytes).and_then(|()| master.flush());
            }
            _ => {
                if let Some(conn) = self.conn.as_mut()
                    && conn.write_all(bytes).and_then(|()| conn.flush()).is_err()
                {
                    self.conn = None;
                }
            }
        }
    }

    /// Whether a host is connected (always, for a pseudo-terminal: it cannot tell).
    pub fn is_connected(&self) -> bool {
        matches!(self.kind, Kind::Pty { .. }) || self.conn.is_some()
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        if let Kind::Unix { path, .. } = &self.kind {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn quiet(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
    )
}

fn prepare_unix(stream: &UnixStream) -> io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(READ_TIMEOUT))
}

/// A socket file left by an earlier board that is gone is removed; anything else at `path`
/// (a live board, a regular file) is an error.
fn remove_stale_socket(path: &std::path::Path) -> anyhow::Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if !meta.file_type().is_socket() {
        bail!("{} exists and is not a socket", path.display());
    }
    if UnixStream::connect(path).is_ok() {
        bail!("a board is already listening on unix:{}", path.display());
    }
    std::fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_specs_parse_or_say_what_is_expected() {
        assert_eq!(
            "unix:/tmp/b.sock".parse::<Listen>().unwrap(),
            Listen::Unix("/tmp/b.sock".into())
        );
        assert_eq!(
            "tcp:127.0.0.1:0".parse::<Listen>().unwrap(),
            Listen::Tcp("127.0.0.1:0".into())
        );
        assert_eq!("pty".parse::<Listen>().unwrap(), Listen::Pty);
        for bad in ["unix:", "tcp:localhost", "/dev/ttyUSB0"] {
            let err = bad.parse::<Listen>().unwrap_err().to_string();
            assert!(err.contains("unix:PATH, tcp:HOST:PORT or pty"), "{err}");
        }
    }

    #[test]
    fn a_regular_file_is_not_taken_for_a_stale_socket() {
        let path = std::env::temp_dir().join(format!("alert-digest-listen-{}", std::process::id()));
        std::fs::write(&path, b"keep me").unwrap();
        let err = Port::open(&Listen::Unix(path.clone())).err().unwrap();
        assert!(err.to_string().contains("not a socket"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"keep me");
        std::fs::remove_file(&path).unwrap();
    }
}
