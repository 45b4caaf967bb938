//! Running the real firmware in QEMU's lm3s6965evb: its UART0 on a unix socket (the link's
//! `unix:` transport connects to it), its SSD0323 OLED captured through QMP. QEMU is killed
//! when the [`Emulator`] is dropped, whatever happened.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use serde_json::Value;

/// The emulator binary; `scripts/test` installs it from Debian's qemu-system-arm.
pub const QEMU: &str = "qemu-system-arm";
/// The OLED of the lm3s6965evb.
pub const OLED_WIDTH: usize = 128;
pub const OLED_HEIGHT: usize = 64;
/// QEMU's screendump draws each OLED pixel as a 4x4 block.
const CAPTURE_SCALE: usize = 4;
/// How long QEMU may take to open its sockets or answer QMP.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(10);

/// What the OLED showed: one bool a pixel, row by row, `true` lit.
#[derive(Clone, PartialEq, Eq)]
pub struct Screen(pub Vec<bool>);

impl Screen {
    pub fn lit(&self, x: usize, y: usize) -> bool {
        self.0.get(y * OLED_WIDTH + x).copied().unwrap_or(false)
    }

    /// The screen in the terminal, two pixel rows a line with half blocks.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for y in (0..OLED_HEIGHT).step_by(2) {
            for x in 0..OLED_WIDTH {
                out.push(match (self.lit(x, y), self.lit(x, y + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
            out.push('\n');
        }
        out
    }
}

/// How to run the firmware.
#[derive(Clone, Default)]
pub struct Options {
    /// `-icount shift=0,align=off,sleep=off`: one guest instruction is one nanosecond of
    /// virtual time, so SysTick counts instructions and runs are repeatable.
    pub icount: bool,
}

/// A running QEMU.
pub struct Emulator {
    child: Child,
    dir: PathBuf,
    qmp: Option<Qmp>,
}

impl Emulator {
    /// Starts `firmware` (an ELF). QEMU listens on `uart_socket()` and waits for a client
    /// before the guest runs, so no byte the firmware sends is lost.
    pub fn start(firmware: &Path, options: &Options) -> anyhow::Result<Self> {
        let dir = unique_dir()?;
        let uart = dir.join("uart.sock");
        let qmp = dir.join("qmp.sock");
        let mut cmd = Command::new(QEMU);
        cmd.args([
            "-M",
            "lm3s6965evb",
            "-cpu",
            "cortex-m3",
            "-display",
            "none",
            "-nodefaults",
        ])
        .arg("-chardev")
        .arg(format!(
            "socket,id=qmp,path={},server=on,wait=off",
            qmp.display()
        ))
        .args(["-mon", "chardev=qmp,mode=control"])
        .arg("-chardev")
        .arg(format!(
            "socket,id=uart0,path={},server=on,wait=on",
            uart.display()
        ))
        .args(["-serial", "chardev:uart0"])
        .args(["-semihosting-config", "enable=on,target=native"])
        .arg("-kernel")
        .arg(firmware)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        if options.icount {
            cmd.args(["-icount", "shift=0,align=off,sleep=off"]);
        }
        let child = cmd
            .spawn()
            .with_context(|| format!("cannot start {QEMU} (install Debian's qemu-system-arm)"))?;
        let mut emulator = Emulator {
            child,
            dir,
            qmp: None,
        };
        emulator.wait_for(&uart)?;
        Ok(emulator)
    }

    /// The socket that is the board's UART0.
    pub fn uart_socket(&self) -> PathBuf {
        self.dir.join("uart.sock")
    }

    /// What the OLED shows now.
    pub fn screen(&mut self) -> anyhow::Result<Screen> {
        let file = self.dir.join("screen.png");
        let _ = std::fs::remove_file(&file);
        let qmp = match &mut self.qmp {
            Some(q) => q,
            None => self.qmp.insert(Qmp::connect(&self.dir.join("qmp.sock"))?),
        };
        qmp.execute(
            "screendump",
            serde_json::json!({"filename": file, "format": "png"}),
        )?;
        read_capture(&file)
    }

    /// Waits for QEMU to exit (the firmware ends with a semihosting exit) and returns its
    /// standard output (semihosting prints there).
    pub fn wait_output(mut self, timeout: Duration) -> anyhow::Result<String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait()? {
                let mut out = String::new();
                if let Some(mut stdout) = self.child.stdout.take() {
                    std::io::Read::read_to_string(&mut stdout, &mut out)?;
                }
                if !status.success() {
                    bail!("QEMU exited with {status}: {out}");
                }
                return Ok(out);
            }
            if Instant::now() > deadline {
                bail!("QEMU still running after {timeout:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&mut self, socket: &Path) -> anyhow::Result<()> {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        while !socket.exists() {
            if let Some(status) = self.child.try_wait()? {
                let mut err = String::new();
                if let Some(mut stderr) = self.child.stderr.take() {
                    std::io::Read::read_to_string(&mut stderr, &mut err)?;
                }
                bail!("QEMU exited at start ({status}): {err}");
            }
            if Instant::now() > deadline {
                bail!(
                    "QEMU did not open {} in {STARTUP_TIMEOUT:?}",
                    socket.display()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A private folder for the sockets (unix socket paths must stay short, so not under target/).
fn unique_dir() -> anyhow::Result<PathBuf> {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("alert-digest-qemu-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

/// The QEMU Machine Protocol, just enough to ask for a screendump.
struct Qmp {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl Qmp {
    fn connect(path: &Path) -> anyhow::Result<Self> {
        let stream = UnixStream::connect(path)
            .with_context(|| format!("cannot connect to QMP at {}", path.display()))?;
        stream.set_read_timeout(Some(STARTUP_TIMEOUT))?;
        let mut qmp = Qmp {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        };
        let greeting = qmp.message()?;
        if greeting.get("QMP").is_none() {
            bail!("QMP greeting expected, got {greeting}");
        }
        qmp.execute("qmp_capabilities", serde_json::json!({}))?;
        Ok(qmp)
    }

    /// Runs a command and waits for its answer, skipping the events QEMU interleaves.
    fn execute(&mut self, command: &str, arguments: Value) -> anyhow::Result<Value> {
        let request = serde_json::json!({"execute": command, "arguments": arguments});
        writeln!(self.writer, "{request}")?;
        loop {
            let message = self.message()?;
            if message.get("event").is_some() {
                continue;
            }
            if let Some(error) = message.get("error") {
                bail!("QMP {command}: {error}");
            }
            if let Some(result) = message.get("return") {
                return Ok(result.clone());
            }
        }
    }

    fn message(&mut self) -> anyhow::Result<Value> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            bail!("QMP connection closed");
        }
        serde_json::from_str(&line).with_context(|| format!("QMP sent {line:?}"))
    }
}

/// Reads a 512x256 capture (QEMU's, or a preview at scale 4) back into 128x64 pixels,
/// sampling the middle of each block.
pub fn read_capture(file: &Path) -> anyhow::Result<Screen> {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(file).with_context(|| format!("no capture at {}", file.display()))?,
    ));
    let mut reader = decoder.read_info()?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader.next_frame(&mut buf)?;
    let (width, height) = (info.width as usize, info.height as usize);
    if width != OLED_WIDTH * CAPTURE_SCALE || height != OLED_HEIGHT * CAPTURE_SCALE {
        bail!("capture is {width}x{height}, expected the OLED's 512x256");
    }
    let channels = info.color_type.samples();
    let mut pixels = Vec::with_capacity(OLED_WIDTH * OLED_HEIGHT);
    for y in 0..OLED_HEIGHT {
        for x in 0..OLED_WIDTH {
            let (px, py) = (x * CAPTURE_SCALE + 1, y * CAPTURE_SCALE + 1);
            let at = (py * width + px) * channels;
            // Lit pixels are drawn at the OLED's full gray level; unlit ones are black.
            pixels.push(buf.get(at).is_some_and(|&v| v > 0x40));
        }
    }
    Ok(Screen(pixels))
}
