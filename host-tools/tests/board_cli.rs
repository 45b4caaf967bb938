//! `alert-digest board` driven by the real `alert-digest send`: over a unix socket, a TCP port
//! and a pseudo-terminal (the serialport path). The board's JSON lines name what it stored;
//! the PNG it writes on exit is the core layout's rendering of the same digests.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use alert_digest::display::{EPD2IN13, Facts, Layout, OLED128X64};
use alert_digest::store::{Signature, Store};
use alert_digest::{Digest, MAX_BUDGET, condense, parse_record};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;
use serde_json::Value;

const SEED: &str = include_str!("../../tests/fixtures/seed/events.jsonl");
/// The budget the simulated OLED and e-ink boards announce.
const BOARD_BUDGET: usize = 40;
/// Bound on every wait for the board: generous for a loaded CI machine, and a hang fails.
const WAIT: Duration = Duration::from_secs(60);

/// A running board, its JSON lines read as they come.
struct Board {
    child: Child,
    lines: Receiver<Value>,
    seen: Vec<Value>,
}

impl Board {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
            .arg("board")
            .args(args)
            .args(["--scale", "1", "--term", "none"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the board");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let value: Value = serde_json::from_str(&line).expect("a JSON line");
                if tx.send(value).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// The next line with `"event": event`, waiting at most [`WAIT`].
    fn wait_for(&mut self, event: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(v) => {
                    self.seen.push(v.clone());
                    if v["event"] == event {
                        return v;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!("no `{event}` line within {WAIT:?}; saw {:?}", self.seen);
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the board ended without `{event}`; saw {:?}", self.seen)
                }
            }
        }
    }

    /// Waits (bounded) for the board to exit; returns every line it printed.
    fn finish(mut self) -> Vec<Value> {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "the board did not exit within {WAIT:?}; saw {:?}",
                    self.seen
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "board exit status {status}");
        self.seen.extend(self.lines.iter());
        self.seen
    }
}

fn send(args: &[&str], file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alert-digest"))
        .arg("send")
        .args(args)
        .args(["--timeout", "20"])
        .arg(file)
        .output()
        .expect("run send")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("board-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn seed_file(dir: &Path) -> PathBuf {
    let path = dir.join("seed.jsonl");
    std::fs::write(&path, SEED).expect("write the seed");
    path
}

/// The seed condensed as `send` condenses it for the board's budget.
fn seed_digests() -> Vec<Digest<MAX_BUDGET>> {
    let mut scratch = vec![0u8; 4096];
    SEED.lines()
        .map(|l| {
            condense(
                &parse_record(l.as_bytes(), &mut scratch).unwrap(),
                BOARD_BUDGET,
            )
            .unwrap()
        })
        .collect()
}

/// The digests as the board's store ranks them.
fn ranked(digests: &[Digest<MAX_BUDGET>]) -> Store<16, MAX_BUDGET> {
    let mut store = Store::default();
    for d in digests {
        store.insert(d.clone(), Signature::of_digest(d));
    }
    store
}

/// The digest lines: each seed digest once, with its id hash, text and severity.
fn assert_seed_delivered(lines: &[Value]) {
    let got: Vec<(&str, &str, &str)> = lines
        .iter()
        .filter(|v| v["event"] == "digest")
        .map(|v| {
            (
                v["id"].as_str().unwrap(),
                v["text"].as_str().unwrap(),
                v["severity"].as_str().unwrap(),
            )
        })
        .collect();
    let digests = seed_digests();
    let ids: Vec<String> = digests.iter().map(|d| format!("{:08x}", d.id)).collect();
    let want: Vec<(&str, &str, &str)> = digests
        .iter()
        .zip(&ids)
        .map(|(d, id)| (id.as_str(), d.text.as_str(), d.severity.as_str()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(got[0].1, "Drone downed near USS Abraham Lincoln");
    assert_eq!(got[0].2, "severe");
}

/// The facts the board says its screen was drawn with.
fn facts(screen: &Value) -> Facts {
    Facts {
        now: screen["now"].as_i64().unwrap(),
        unread: screen["unread"].as_u64().unwrap() as usize,
        total: screen["total"].as_u64().unwrap() as usize,
        selected: screen["selected"].as_u64().unwrap() as usize,
        ..Facts::default()
    }
}

fn event<'a>(lines: &'a [Value], name: &str) -> &'a Value {
    lines
        .iter()
        .find(|v| v["event"] == name)
        .unwrap_or_else(|| panic!("no `{name}` line in {lines:?}"))
}

/// An OLED board listening on a unix socket in a fresh `dir`, exiting after five digests:
/// (dir, socket, `unix:` address, board).
fn oled_board_on_a_socket(name: &str) -> (PathBuf, PathBuf, String, Board) {
    let dir = tempdir(name);
    let socket = dir.join("board.sock");
    let listen = format!("unix:{}", socket.display());
    let board = Board::start(&[
        "--listen",
        &listen,
        "--exit-after",
        "5",
        "--out",
        dir.to_str().unwrap(),
    ]);
    (dir, socket, listen, board)
}

#[test]
fn send_over_a_unix_socket_reaches_the_board_and_its_oled() {
    let (dir, socket, listen, mut board) = oled_board_on_a_socket("unix");
    let listening = board.wait_for("listening");
    assert_eq!(listening["listen"], listen.as_str());
    assert_eq!(listening["budget"], BOARD_BUDGET);

    let out = send(&["--connect", &listen], &seed_file(&dir));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "send failed: {stderr}");
    assert!(stderr.contains("5 of 5 digests delivered"), "{stderr}");
    assert!(stderr.contains("OLED 128x64, budget 40 bytes"), "{stderr}");

    let lines = board.finish();
    assert_seed_delivered(&lines);
    let stats = event(&lines, "stats");
    assert_eq!(stats["exit"], "exit-after");
    assert_eq!(stats["store"]["added"], 5);
    assert_eq!(stats["link"]["faults"], 0);
    // A clean socket: nothing for the error correction to repair.
    assert_eq!(stats["link"]["corrected"], 0);
    assert!(!socket.exists(), "the socket file is removed on exit");

    // The PNG is the core layout's card for the same digests, ranked by the store, with the
    // facts the board drew it with: the severe drone digest first.
    let screen = event(&lines, "screen");
    let store = ranked(&seed_digests());
    let facts = facts(screen);
    assert_eq!(facts.total, 5);
    let mut expected = SimulatorDisplay::<BinaryColor>::new(OLED128X64.size());
    OLED128X64
        .draw(&mut expected, store.iter().as_slice(), &facts)
        .unwrap();
    let png = SimulatorDisplay::<BinaryColor>::load_png(screen["png"].as_str().unwrap()).unwrap();
    assert!(
        png == expected,
        "the board's screen differs from the layout's"
    );
    let ids: Vec<String> = store
        .iter()
        .map(|e| format!("{:08x}", e.digest.id))
        .collect();
    assert_eq!(screen["alerts"], serde_json::json!(ids));
}

#[test]
fn an_eink_board_on_tcp_refreshes_by_its_policy_and_shows_the_list() {
    let dir = tempdir("tcp");
    let mut board = Board::start(&[
        "--listen",
        "tcp:127.0.0.1:0",
        "--display",
        "epd2in13",
        "--exit-after",
        "5",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let listening = board.wait_for("listening");
    let listen = listening["listen"].as_str().unwrap().to_owned();
    assert!(listen.starts_with("tcp:127.0.0.1:"), "{listen}");
    // The first screen on an e-ink panel in an unknown state is a full refresh.
    let first = board.wait_for("refresh");
    assert_eq!(first["mode"], "full");

    let out = send(&["--connect", &listen], &seed_file(&dir));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = board.finish();
    assert_seed_delivered(&lines);
    let screen = event(&lines, "screen");
    assert_eq!(
        screen["pending"], false,
        "the board waits for its last refresh"
    );
    let refreshes: Vec<&str> = lines
        .iter()
        .filter(|v| v["event"] == "refresh")
        .map(|v| v["mode"].as_str().unwrap())
        .collect();
    // Five digests in a burst: the boot screen, then the severe drone digest at once (a
    // partial refresh, once the full one is done); no refresh per digest.
    assert!(
        refreshes.len() >= 2 && refreshes.len() <= 3,
        "{refreshes:?}"
    );
    assert!(
        refreshes[1..].iter().all(|&m| m == "partial"),
        "{refreshes:?}"
    );

    // The e-ink PNG: ink is dark, so it loads inverted as BinaryColor.
    let store = ranked(&seed_digests());
    let mut expected = SimulatorDisplay::<BinaryColor>::new(EPD2IN13.size());
    EPD2IN13
        .draw(&mut expected, store.iter().as_slice(), &facts(screen))
        .unwrap();
    let png = SimulatorDisplay::<BinaryColor>::load_png(screen["png"].as_str().unwrap()).unwrap();
    assert_eq!(png.size(), expected.size());
    let same = expected
        .bounding_box()
        .points()
        .filter(|&p| png.get_pixel(p) == expected.get_pixel(p))
        .count();
    assert_eq!(same, 0, "pixels differ from the layout's (inverted)");
}

#[test]
fn send_over_the_boards_pseudo_terminal_takes_the_serial_path() {
    let dir = tempdir("pty");
    let mut board = Board::start(&[
        "--listen",
        "pty",
        "--exit-after",
        "5",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let listening = board.wait_for("listening");
    let port = listening["listen"].as_str().unwrap().to_owned();
    assert!(port.starts_with("/dev/"), "a device path: {port}");
    // Raw records this time: the board condenses them itself, to fit its card within the
    // 40 bytes it announced. Every seed digest of 40 bytes wraps into the card's five lines of
    // 21 glyphs, so the text is what `send` would have condensed.
    let out = send(&["--port", &port, "--records"], &seed_file(&dir));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "send failed: {stderr}");
    assert!(stderr.contains("5 of 5 records delivered"), "{stderr}");
    let lines = board.finish();
    assert_seed_delivered(&lines);
    assert_eq!(event(&lines, "stats")["link"]["faults"], 0);
    assert!(Path::new(event(&lines, "screen")["png"].as_str().unwrap()).is_file());
}

#[test]
fn sigterm_ends_the_board_with_its_screen_written() {
    let dir = tempdir("sigterm");
    let socket = dir.join("board.sock");
    let mut board = Board::start(&[
        "--listen",
        &format!("unix:{}", socket.display()),
        "--display",
        "led32x8",
        "--out",
        dir.to_str().unwrap(),
    ]);
    board.wait_for("listening");
    let killed = Command::new("kill")
        .args(["-TERM", &board.child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let lines = board.finish();
    assert_eq!(event(&lines, "stats")["exit"], "signal");
    let png = PathBuf::from(event(&lines, "screen")["png"].as_str().unwrap());
    assert_eq!(png, dir.join("led32x8.png"));
    // An empty strip: the panel's own 32x8.
    let image = SimulatorDisplay::<BinaryColor>::load_png(&png).unwrap();
    assert_eq!(image.size(), Size::new(32, 8));
    assert!(!socket.exists());
}

#[test]
fn in_quiet_hours_the_board_draws_only_a_critical_alert_and_keeps_the_hours() {
    let (dir, _, listen, mut board) = oled_board_on_a_socket("quiet");
    board.wait_for("listening");

    // Quiet from an hour ago to an hour ahead, in UTC, so the test holds at any time of day
    // (a span across midnight wraps).
    let unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let minute = (unix / 60) % (24 * 60);
    let clock = |m: u64| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
    let span = format!("{}-{}", clock(minute + 23 * 60), clock(minute + 60));

    // The seed without its first record, the only severe one.
    let (drone, rest) = SEED.split_once('\n').unwrap();
    let minor = dir.join("minor.jsonl");
    std::fs::write(&minor, rest).unwrap();
    let out = send(
        &[
            "--connect",
            &listen,
            "--quiet",
            &span,
            "--utc-offset",
            "+00:00",
        ],
        &minor,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "send failed: {stderr}");
    assert!(stderr.contains("4 of 4 digests delivered"), "{stderr}");
    assert_eq!(board.wait_for("quiet")["on"], true);

    // A later `send` without --quiet: the board keeps the hours, and the severe alert is drawn.
    let severe = dir.join("severe.jsonl");
    std::fs::write(&severe, drone).unwrap();
    let out = send(&["--connect", &listen], &severe);
    assert!(
        out.status.success(),
        "send failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let lines = board.finish();
    let drawn: Vec<u64> = lines
        .iter()
        .filter(|v| v["event"] == "refresh")
        .map(|v| v["alerts"].as_u64().unwrap())
        .collect();
    // The empty screen at start, then nothing until the severe alert: all five at once.
    assert_eq!(drawn, [0, 5], "{lines:?}");
    assert!(
        !lines
            .iter()
            .any(|v| v["event"] == "quiet" && v["on"] == false)
    );
    let screen = event(&lines, "screen");
    let store = ranked(&seed_digests());
    let shown = &store.iter().as_slice()[screen["selected"].as_u64().unwrap() as usize];
    assert_eq!(shown.digest.text, "Drone downed near USS Abraham Lincoln");
}
