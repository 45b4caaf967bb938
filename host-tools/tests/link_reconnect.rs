//! `alert-digest send --connect unix:PATH` to a board that goes away mid-stream and comes
//! back, as a USB adapter does when unplugged and plugged in again: the host reopens the
//! transport and finishes, losing nothing and repeating nothing.

mod link_support;

use std::os::unix::net::{UnixListener, UnixStream};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alert_digest::link::BoardSession;
use alert_digest::{condense, parse_record};
use link_support::{BOARD_BUDGET, Log, RECORDS, config, digests, serve};

/// Serves until `log` holds `n` messages, or forever when `n` is None.
fn serve_until(
    mut conn: UnixStream,
    board: &mut BoardSession,
    log: &Log,
    n: Option<usize>,
    stop: &Arc<AtomicBool>,
) {
    conn.set_read_timeout(Some(Duration::from_millis(5)))
        .unwrap();
    let local = Arc::new(AtomicBool::new(false));
    let watcher = n.map(|n| {
        let (log, local, stop) = (log.clone(), local.clone(), stop.clone());
        std::thread::spawn(move || {
            let start = Instant::now();
            while log.lock().unwrap().len() < n
                && !stop.load(Ordering::Relaxed)
                && start.elapsed() < Duration::from_secs(20)
            {
                std::thread::sleep(Duration::from_millis(1));
            }
            local.store(true, Ordering::Relaxed);
        })
    });
    // Stop on the global flag, or (first connection) once n messages are in.
    let flag = if n.is_some() {
        local.clone()
    } else {
        stop.clone()
    };
    serve(&mut conn, board, log, &flag);
    if let Some(w) = watcher {
        w.join().unwrap();
    }
}

fn run(reset_on_return: bool) -> (std::process::Output, Log, u32) {
    let dir = std::env::temp_dir().join(format!(
        "alert-digest-reconnect-{}-{}",
        std::process::id(),
        reset_on_return
    ));
    let _ = std::fs::create_dir_all(&dir);
    let sock = dir.join("board.sock");
    let _ = std::fs::remove_file(&sock);
    let input = dir.join("in.jsonl");
    // Enough lines that the stream is still going when the board goes away.
    let lines: Vec<String> = (0..200)
        .map(|i| RECORDS[i % RECORDS.len()].replacen("\"id\":\"", &format!("\"id\":\"{i}-"), 1))
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();

    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let listener = UnixListener::bind(&sock).unwrap();
    let board_thread = {
        let (log, stop, sock) = (log.clone(), stop.clone(), sock.clone());
        std::thread::spawn(move || {
            let mut board: BoardSession = BoardSession::new(config(), 1, None);
            let (conn, _) = listener.accept().unwrap();
            // Gone: the socket file disappears before the connection drops, so the host's
            // first attempt to reconnect cannot reach a listener that is about to close
            // (which would count as a second reconnect). Attempts fail for a while.
            drop(listener);
            std::fs::remove_file(&sock).unwrap();
            serve_until(conn, &mut board, &log, Some(60), &stop);
            std::thread::sleep(Duration::from_millis(600));
            let listener = UnixListener::bind(&sock).unwrap();
            let mut resets = 0;
            if reset_on_return {
                // A board that re-enumerates on USB resets; this one keeps a resume point.
                let resume = board.resume_point();
                board = BoardSession::new(config(), 2, resume);
                resets = 1;
            }
            let (conn, _) = listener.accept().unwrap();
            serve_until(conn, &mut board, &log, None, &stop);
            resets
        })
    };
    let output = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
        .args([
            "send",
            "--connect",
            &format!("unix:{}", sock.display()),
            "--timeout",
            "5",
            "--reconnect",
            "5",
        ])
        .arg(&input)
        .output()
        .expect("run alert-digest");
    stop.store(true, Ordering::Relaxed);
    let resets = board_thread.join().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (output, log, resets)
}

fn expected() -> Vec<alert_digest::link::WireDigest> {
    let mut scratch = vec![0u8; 4096];
    (0..200)
        .map(|i| {
            let line =
                RECORDS[i % RECORDS.len()].replacen("\"id\":\"", &format!("\"id\":\"{i}-"), 1);
            let r = parse_record(line.as_bytes(), &mut scratch).unwrap();
            condense(&r, usize::from(BOARD_BUDGET)).unwrap()
        })
        .collect()
}

#[test]
fn a_transport_that_goes_away_and_comes_back_is_reopened() {
    let (output, log, _) = run(false);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(digests(&log), expected());
    assert!(stderr.contains("1 reconnects"), "{stderr}");
}

#[test]
fn a_board_that_resets_while_away_is_resumed() {
    let (output, log, resets) = run(true);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(resets, 1);
    assert_eq!(digests(&log), expected());
    assert!(stderr.contains("board reset"), "{stderr}");
}
