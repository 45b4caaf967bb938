//! The real firmware in QEMU, end to end: `alert-digest send` (the real host link code) streams
//! records over the emulated UART0 of boards/qemu-lm3s6965, the firmware condenses and stores
//! them and draws its OLED, and the screen captured through QMP must equal, pixel for pixel,
//! what `alert-digest preview --display oled128x64` renders for the same records. A second run
//! puts garbage and corrupted frames on the wire and must end with the same screen.
//!
//! Needs qemu-system-arm and the board's `records` image built (`scripts/test` does both), so it
//! is ignored in a plain `cargo test`: `cargo test -p alert-digest-host --test qemu_e2e --
//! --ignored`.

mod common;

use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use alert_digest_host::qemu::{Emulator, Options, Screen, read_capture};

/// How long `send` may take to deliver everything, faults included.
const SEND_TIMEOUT_S: &str = "60";

/// Where the QEMU board's release images are.
const IMAGES: &str = "../boards/qemu-lm3s6965/target/thumbv7m-none-eabi/release";

/// The image that condenses raw records on the board (the board's feature `records`; its default
/// image leaves condensing to the host), since `send --records` streams raw records.
fn firmware() -> PathBuf {
    std::env::var_os("ALERT_DIGEST_FIRMWARE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(IMAGES)
                .join("alert-digest-qemu-lm3s6965-records")
        })
}

/// The board's default image, what a user gets: digests condensed by the host.
fn default_firmware() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(IMAGES)
        .join("alert-digest-qemu-lm3s6965")
}

/// The records streamed: the seed, and real NWS alerts and USGS events from the samples (15 in
/// all, within the board's 16 alerts, so board and preview keep the same ones).
fn records(dir: &Path) -> PathBuf {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut lines: Vec<String> = std::fs::read_to_string(fixtures.join("seed/events.jsonl"))
        .expect("seed")
        .lines()
        .map(str::to_owned)
        .collect();
    for (feed, file) in [
        ("nws", "samples/nws-sample.jsonl"),
        ("usgs", "samples/usgs-sample.geojson"),
    ] {
        let path = fixtures.join(file);
        let out = common::alert_digest(&["ingest", "--from", feed, path.to_str().unwrap()], b"");
        assert!(out.status.success(), "ingest {feed}");
        lines.extend(
            String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .take(5)
                .map(str::to_owned),
        );
    }
    let path = dir.join("records.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

/// What `preview` draws on the OLED for the records, as of `now`: its first card, the alert
/// that ranks first, which is what the board shows after a stream (a critical alert takes the
/// screen, and the card has not had time to rotate).
fn previewed(records: &Path, dir: &Path, now: u64) -> Screen {
    let out_dir = dir.join("preview");
    let out = common::alert_digest(
        &[
            "preview",
            "--display",
            "oled128x64",
            "--scale",
            "4",
            "--term",
            "none",
            "--now",
            &now.to_string(),
            "--out",
            out_dir.to_str().unwrap(),
            records.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    read_capture(&out_dir.join("oled128x64-01.png")).expect("preview PNG")
}

fn send(socket: &Path, records: &Path) -> String {
    let out = common::alert_digest(
        &[
            "send",
            "--connect",
            &format!("unix:{}", socket.display()),
            "--records",
            "--timeout",
            SEND_TIMEOUT_S,
            records.to_str().unwrap(),
        ],
        b"",
    );
    let summary =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "send failed: {summary}");
    summary
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Waits for the board to draw what the last frame brought (it draws within a loop turn of
/// acknowledging; QEMU runs the guest in real time).
fn settled(emulator: &mut Emulator) -> Screen {
    let mut last = emulator.screen().expect("capture");
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(50));
        let next = emulator.screen().expect("capture");
        if next == last {
            return next;
        }
        last = next;
    }
    last
}

fn assert_same(captured: &Screen, expected: &Screen) {
    assert!(
        captured == expected,
        "the firmware's OLED differs from the preview:\n{}\nexpected:\n{}",
        captured.to_text(),
        expected.to_text()
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("alert-digest-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[ignore = "needs qemu-system-arm and the firmware; run by scripts/test"]
fn the_firmware_draws_what_the_preview_draws() {
    let dir = temp_dir("clean");
    let records = records(&dir);
    let mut emulator = Emulator::start(&firmware(), &Options::default()).expect("QEMU starts");
    let summary = send(&emulator.uart_socket(), &records);
    assert!(summary.contains("15 of 15 records delivered"), "{summary}");
    let captured = settled(&mut emulator);
    assert_same(&captured, &previewed(&records, &dir, now()));
    assert!(
        captured.0.iter().filter(|&&p| p).count() > 200,
        "a screen was drawn"
    );
}

#[test]
#[ignore = "needs qemu-system-arm and the firmware; run by scripts/test"]
fn garbage_and_corrupted_frames_on_the_wire_do_not_change_the_screen() {
    let dir = temp_dir("noisy");
    let records = records(&dir);
    let mut emulator = Emulator::start(&firmware(), &Options::default()).expect("QEMU starts");
    let proxy = dir.join("noisy.sock");
    let wire = NoisyWire::start(&proxy, &emulator.uart_socket());
    let summary = send(&proxy, &records);
    assert!(summary.contains("15 of 15 records delivered"), "{summary}");
    let (garbage, corrupted) = wire.faults();
    assert!(
        garbage > 0 && corrupted > 0,
        "faults were injected: {garbage} garbage, {corrupted} corrupted"
    );
    assert!(
        !summary.contains(" 0 retransmits"),
        "corrupted frames were sent again: {summary}"
    );
    let captured = settled(&mut emulator);
    assert_same(&captured, &previewed(&records, &dir, now()));
}

/// A wire between `send` and the board that, host to board, puts a burst of garbage before a
/// third of the frames and flips a bit in a quarter of them, chosen by a seeded generator so a
/// frame sent again meets other luck. Board to host it is clean.
struct NoisyWire {
    faults: std::sync::Arc<std::sync::Mutex<(u32, u32)>>,
}

impl NoisyWire {
    fn start(listen: &Path, board: &Path) -> Self {
        let listener = UnixListener::bind(listen).expect("bind the noisy wire");
        let board = board.to_owned();
        let faults = std::sync::Arc::new(std::sync::Mutex::new((0, 0)));
        let counted = faults.clone();
        std::thread::spawn(move || {
            let Ok((host, _)) = listener.accept() else {
                return;
            };
            let Ok(board) = UnixStream::connect(&board) else {
                return;
            };
            let (mut host_rx, mut board_tx) =
                (host.try_clone().unwrap(), board.try_clone().unwrap());
            let (mut board_rx, mut host_tx) = (board, host);
            std::thread::spawn(move || std::io::copy(&mut board_rx, &mut host_tx));
            let mut luck = fastrand::Rng::with_seed(7);
            let (mut corrupt, mut pos) = (false, 0usize);
            let mut buf = [0u8; 512];
            while let Ok(n) = host_rx.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut out = Vec::with_capacity(n + 16);
                for &b in &buf[..n] {
                    if b == 0 {
                        pos = 0;
                        corrupt = luck.u32(0..4) == 0;
                        if luck.u32(0..3) == 0 {
                            // Not a frame: no delimiter inside, so the receiver drops it whole.
                            out.extend_from_slice(b"\x55\xaa\xff\x13\x37 garbage");
                            counted.lock().unwrap().0 += 1;
                        }
                        out.push(b);
                        continue;
                    }
                    pos += 1;
                    // A byte inside the frame, so its CRC (not its framing) catches it.
                    let flip = corrupt && pos == 5;
                    if flip {
                        counted.lock().unwrap().1 += 1;
                    }
                    out.push(if flip { b ^ 0x10 } else { b });
                }
                if board_tx.write_all(&out).is_err() {
                    break;
                }
            }
        });
        NoisyWire { faults }
    }

    fn faults(&self) -> (u32, u32) {
        *self.faults.lock().unwrap()
    }
}

#[test]
#[ignore = "needs qemu-system-arm and the firmware; run by scripts/test"]
fn the_demo_streams_to_the_firmware_in_qemu_too() {
    // The demo sends digests, so it runs the default image: CI runs both images end to end.
    let dir = temp_dir("demo");
    let out = common::alert_digest(
        &[
            "demo",
            "--qemu",
            "--firmware",
            default_firmware().to_str().unwrap(),
            "--term",
            "none",
            "--out",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("real firmware in QEMU over a unix socket: 20 data frames"),
        "{stdout}"
    );
    let last = read_capture(&dir.join("qemu-oled128x64.png")).expect("the QEMU board's PNG");
    assert!(
        last.0.iter().filter(|&&p| p).count() > 200,
        "the firmware drew its last screen"
    );
}
