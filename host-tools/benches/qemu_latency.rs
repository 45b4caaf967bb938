//! Time from the first byte sent to the screen captured, on the real firmware in QEMU, for one
//! record and for 100 (`cargo bench -p alert-digest-host --bench qemu_latency`; needs
//! qemu-system-arm and the board's `records` image built in boards/qemu-lm3s6965). Wall-clock
//! time on this machine, so it moves with the load: the median of a few runs is printed.
//!
//! One run: QEMU starts and waits for the UART's client; the clock starts when `alert-digest
//! send --records` is started (it connects, waits for the board's Hello, streams, and exits when
//! every record is acknowledged); it stops at the first QMP capture after that whose screen no
//! longer changes. QEMU's start is not counted.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use alert_digest_host::qemu::{Emulator, Options};

const RUNS: usize = 5;

fn main() {
    if std::env::args().any(|a| a == "--test") {
        // `cargo bench -- --test` (scripts/test) only checks that benches build and start;
        // this one needs QEMU and a firmware, which the end-to-end test covers.
        println!("qemu_latency: skipped under --test");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let firmware = root.join(
        "boards/qemu-lm3s6965/target/thumbv7m-none-eabi/release/alert-digest-qemu-lm3s6965-records",
    );
    let bin = root.join("target/release/alert-digest");
    assert!(
        bin.exists(),
        "build the command first: cargo build --release --bin alert-digest"
    );
    let dir = std::env::temp_dir().join(format!("alert-digest-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut records =
        std::fs::read_to_string(root.join("tests/fixtures/seed/events.jsonl")).unwrap();
    for (feed, file) in [("nws", "nws-sample.jsonl"), ("usgs", "usgs-sample.geojson")] {
        let out = Command::new(&bin)
            .args(["ingest", "--from", feed])
            .arg(root.join("tests/fixtures/samples").join(file))
            .output()
            .unwrap();
        records.push_str(&String::from_utf8(out.stdout).unwrap());
    }
    let lines: Vec<&str> = records.lines().collect();
    for count in [1usize, 100] {
        let file = dir.join(format!("records-{count}.jsonl"));
        std::fs::write(&file, lines[..count].join("\n") + "\n").unwrap();
        let mut times: Vec<Duration> = (0..RUNS).map(|_| run(&firmware, &bin, &file)).collect();
        times.sort();
        println!(
            "qemu_latency: {count} record(s), first byte sent to screen captured: median {:.0} ms (min {:.0}, max {:.0}) over {RUNS} runs",
            times[RUNS / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[RUNS - 1].as_secs_f64() * 1e3
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn run(firmware: &std::path::Path, bin: &std::path::Path, records: &std::path::Path) -> Duration {
    let mut emulator = Emulator::start(firmware, &Options::default()).expect("QEMU starts");
    let start = Instant::now();
    let status = Command::new(bin)
        .args(["send", "--records", "--connect"])
        .arg(format!("unix:{}", emulator.uart_socket().display()))
        .arg(records)
        .output()
        .expect("run send");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut last = emulator.screen().expect("capture");
    loop {
        let next = emulator.screen().expect("capture");
        if next == last && next.0.iter().any(|&p| p) {
            return start.elapsed();
        }
        last = next;
    }
}
