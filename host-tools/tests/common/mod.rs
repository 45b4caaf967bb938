//! Running the `alert-digest` binary from integration tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs `alert-digest ARGS` with `stdin` as its input and returns what it did.
pub fn alert_digest(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start alert-digest");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // Written from a thread so a large input cannot deadlock against the child's output; a
    // child that exits without reading (a usage error) closes the pipe, which is not a fault.
    let writer = std::thread::spawn(move || match input.write_all(&bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    });
    let out = child.wait_with_output().expect("run alert-digest");
    writer.join().expect("writer thread").expect("write stdin");
    out
}

/// The lines `out` wrote on standard output.
#[allow(dead_code)]
pub fn stdout_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The workplace's larger dev data (shared/data beside the checkout), or `$ALERT_DIGEST_DATA`.
#[allow(dead_code)]
pub fn data_dir() -> PathBuf {
    std::env::var_os("ALERT_DIGEST_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"))
}
