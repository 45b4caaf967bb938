//! `alert-digest demo`, run as the README's first command runs it, from a folder with nothing
//! of the repository in it: it names its PNG folder, prints the seed's drone digest, and its
//! OLED and e-ink PNGs are the core layouts' pixels for the digests the board received.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use alert_digest::display::{EPD2IN13, Facts, Layout, OLED128X64};
use alert_digest::store::{Signature, Store};
use alert_digest::{Digest, MAX_BUDGET, condense, parse_record};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::SimulatorDisplay;

const SEED: &str = include_str!("../../tests/fixtures/seed/events.jsonl");
const README: &str = include_str!("../../README.md");
/// The demo's clock in the seed scene: 2026-02-03T20:30:00Z, half an hour after the last
/// report (its panels are a few simulated seconds later, which changes no age on them).
const SEED_NOW: i64 = 1_770_150_600;
/// The simulated boards' budget.
const BUDGET: usize = 40;
/// The demo must finish well within this (it takes about a second); a hang fails.
const BOUND: Duration = Duration::from_secs(60);

/// Runs the demo in `cwd` with `args`, waiting at most [`BOUND`].
fn demo(cwd: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
        .arg("demo")
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the demo");
    // Drained from threads, so a full pipe cannot stall the demo.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).map(|_| buf)
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buf).map(|_| buf)
    });
    let deadline = Instant::now() + BOUND;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the demo did not finish within {BOUND:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    }
}

fn tempdir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("demo-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn seed_digests() -> Vec<Digest<MAX_BUDGET>> {
    let mut scratch = vec![0u8; 4096];
    SEED.lines()
        .map(|l| condense(&parse_record(l.as_bytes(), &mut scratch).unwrap(), BUDGET).unwrap())
        .collect()
}

fn load(path: &Path) -> SimulatorDisplay<BinaryColor> {
    SimulatorDisplay::load_png(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The PNGs of one board, in the order the panel showed them.
fn screens(dir: &Path, board: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.starts_with(&format!("{board}-")) && name.ends_with(".png")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_demo_shows_the_drone_on_the_oled_and_the_eink_panels() {
    let cwd = tempdir("run");
    let out = demo(&cwd, &["--scale", "1", "--term", "none"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // It says where the PNGs go: target/demo under the folder it runs in.
    assert!(stdout.contains("PNG files go to target/demo/"), "{stdout}");
    let dir = cwd.join("target/demo");
    assert!(stdout.contains("Drone downed near USS Abraham Lincoln"));
    // The README quotes the last scene: every quoted line is printed as it stands (bar the
    // one in parentheses, which stands for the screens).
    let quote = README
        .split("Its last scene:\n\n```\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README quotes the demo's last scene");
    assert!(quote.lines().count() >= 8, "{quote}");
    let printed: Vec<&str> = stdout.lines().collect();
    for line in quote.lines().filter(|l| !l.trim_start().starts_with('(')) {
        assert!(printed.contains(&line), "README line not printed: {line:?}");
    }
    // Real samples went through as well.
    assert!(stdout.contains("Tornado Watch, Columbia AR"), "{stdout}");
    assert!(
        stdout.contains("M 7.0 - Ambunti, Papua New Guinea"),
        "{stdout}"
    );

    // The card the OLED showed when the severe drone digest took the screen: the core's card
    // for that digest alone (the panel was cleared for the scene), first of one.
    let drone = seed_digests().swap_remove(0);
    assert_eq!(drone.text.as_str(), "Drone downed near USS Abraham Lincoln");
    let mut card = SimulatorDisplay::<BinaryColor>::new(OLED128X64.size());
    let facts = Facts {
        now: SEED_NOW,
        unread: 1,
        total: 1,
        ..Facts::default()
    };
    OLED128X64.draw(&mut card, &[drone], &facts).unwrap();
    let oled = screens(&dir, "oled128x64");
    assert!(oled.len() > 3, "{oled:?}");
    assert!(
        oled.iter().any(|p| load(p) == card),
        "no OLED screen is the drone card: {oled:?}"
    );

    // The e-ink list at the end: the five seed digests as the board's store ranks them, all
    // new. Ink is dark, so the PNG loads inverted as BinaryColor.
    let mut store = Store::<16, MAX_BUDGET>::default();
    for d in seed_digests() {
        let signature = Signature::of_digest(&d);
        store.insert(d, signature);
    }
    assert_eq!(
        store.iter().next().unwrap().digest.text.as_str(),
        "Drone downed near USS Abraham Lincoln"
    );
    let mut list = SimulatorDisplay::<BinaryColor>::new(EPD2IN13.size());
    let facts = Facts {
        now: SEED_NOW,
        unread: 5,
        total: 5,
        ..Facts::default()
    };
    EPD2IN13
        .draw(&mut list, store.iter().as_slice(), &facts)
        .unwrap();
    let eink = load(&dir.join("epd2in13.png"));
    assert_eq!(eink.size(), list.size());
    let same = list
        .bounding_box()
        .points()
        .filter(|&p| eink.get_pixel(p) == list.get_pixel(p))
        .count();
    assert_eq!(
        same, 0,
        "the e-ink list differs from the layout's (inverted)"
    );
}

#[test]
fn the_demo_takes_other_panels_and_baud_rates() {
    let cwd = tempdir("options");
    let out = demo(
        &cwd,
        &[
            "--display",
            "led32x8,microbit",
            "--baud",
            "9600",
            "--out",
            "screens",
            "--term",
            "half-block",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("PNG files go to screens/"), "{stdout}");
    assert!(stdout.contains("simulated 9600 baud UART"), "{stdout}");
    // The micro:bit asks for 32-byte digests, so its text differs where 40 bytes do not fit.
    assert!(stdout.contains("board microbit: 5x5 panel, asks for 32-byte digests"));
    assert!(
        stdout.contains('▀') || stdout.contains('▄'),
        "screens drawn"
    );
    for board in ["led32x8", "microbit"] {
        assert!(cwd.join(format!("screens/{board}.png")).is_file());
    }
    // At 9600 baud a 40-byte digest frame (about 70 bytes on the wire) takes some 70 ms each
    // way and back: the delivery times say so.
    let deliveries: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("-> led32x8 "))
        .collect();
    assert_eq!(
        deliveries.len(),
        14,
        "every record of the three scenes: {stdout}"
    );
    let slow = deliveries.iter().all(|l| {
        let ms: f64 = l
            .split("-> led32x8 ")
            .nth(1)
            .and_then(|t| t.split(" ms").next())
            .and_then(|t| t.parse().ok())
            .unwrap_or(0.0);
        ms > 40.0
    });
    assert!(slow, "{stdout}");
}
