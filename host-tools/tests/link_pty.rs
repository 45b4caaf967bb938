//! `alert-digest send` over a real pseudo-terminal: the binary opens the slave side through
//! the `serialport` crate exactly as it opens a USB adapter; the real board session answers on
//! the master side.

mod link_support;

use std::io::Write as _;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alert_digest::link::{BoardConfig, BoardSession};
use alert_digest::{condense, parse_record};
use link_support::{BOARD_BUDGET, Log, RECORDS, config, digests, serve};
use serialport::{SerialPort, TTYPort};

/// Runs `send` with `args` against a board on a fresh pseudo-terminal; returns the process
/// output and what the board received.
fn send_over_pty(input: &str, args: &[&str]) -> (Output, Log) {
    send_over_pty_to(config(), input, args)
}

/// [`send_over_pty`] to a board with the given configuration.
fn send_over_pty_to(board_config: BoardConfig, input: &str, args: &[&str]) -> (Output, Log) {
    let (mut master, slave) = TTYPort::pair().expect("openpty");
    master.set_timeout(Duration::from_millis(5)).unwrap();
    let path = slave.name().expect("pty slave has a path");
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let board_thread = {
        let (log, stop) = (log.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut board: BoardSession = BoardSession::new(board_config, 0xB007_0001, None);
            serve(&mut master, &mut board, &log, &stop);
            board.stats()
        })
    };
    let mut file = tempfile();
    file.1.write_all(input.as_bytes()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
        .args(["send", "--port", &path, "--timeout", "5"])
        .args(args)
        .arg(&file.0)
        .output()
        .expect("run alert-digest");
    stop.store(true, Ordering::Relaxed);
    let stats = board_thread.join().unwrap();
    assert_eq!(
        stats.rx.faults(),
        0,
        "a clean pty damaged frames: {stats:?}"
    );
    drop(slave);
    let _ = std::fs::remove_file(&file.0);
    (output, log)
}

fn tempfile() -> (std::path::PathBuf, std::fs::File) {
    let path = std::env::temp_dir().join(format!(
        "alert-digest-link-pty-{}-{}.jsonl",
        std::process::id(),
        fastrand::u64(..)
    ));
    let file = std::fs::File::create(&path).unwrap();
    (path, file)
}

fn expected(budget: usize) -> Vec<alert_digest::link::WireDigest> {
    let mut scratch = vec![0u8; 4096];
    RECORDS
        .iter()
        .map(|r| condense(&parse_record(r.as_bytes(), &mut scratch).unwrap(), budget).unwrap())
        .collect()
}

#[test]
fn digests_sent_over_a_pseudo_terminal_arrive_intact() {
    let input = RECORDS.join("\n") + "\n";
    let (output, log) = send_over_pty(&input, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "send failed: {stderr}");
    // The host condensed with the budget the board announced, and the board got exactly that.
    assert_eq!(digests(&log), expected(usize::from(BOARD_BUDGET)));
    assert!(stderr.contains("5 of 5 digests delivered"), "{stderr}");
    assert!(stderr.contains("budget 40 bytes"), "{stderr}");
}

#[test]
fn records_sent_raw_are_condensed_by_the_board() {
    let input = RECORDS.join("\n") + "\n";
    let (output, log) = send_over_pty(&input, &["--records"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "send failed: {stderr}");
    assert_eq!(digests(&log), expected(usize::from(BOARD_BUDGET)));
}

#[test]
fn records_for_a_board_that_condenses_none_are_condensed_by_the_host() {
    let input = RECORDS.join("\n") + "\n";
    let board = BoardConfig {
        max_record: 0,
        ..config()
    };
    let (output, log) = send_over_pty_to(board, &input, &["--records"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "send failed: {stderr}");
    assert!(stderr.contains("condensing here at 40 bytes"), "{stderr}");
    assert!(stderr.contains("5 of 5 digests delivered"), "{stderr}");
    assert_eq!(digests(&log), expected(usize::from(BOARD_BUDGET)));
}

#[test]
fn a_bad_line_is_reported_and_the_rest_delivered() {
    let input = format!(
        "{}\n{{\"kind\":\"quake\"}}\nnot json\n{}\n",
        RECORDS[0], RECORDS[1]
    );
    let (output, log) = send_over_pty(&input, &["--budget", "60"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("2 of 4 digests delivered"), "{stderr}");
    assert!(stderr.contains("line 2: missing or empty `id`"), "{stderr}");
    assert!(stderr.contains("line 3: "), "{stderr}");
    let want: Vec<_> = expected(60).into_iter().take(2).collect();
    assert_eq!(digests(&log), want);
}
