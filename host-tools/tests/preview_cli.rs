//! `alert-digest preview` run as a user would: records in, PNG files and terminal screens out,
//! the PNGs exactly the core layout's pixels, the digests through the board's store.

use std::io::Write;
use std::process::{Command, Stdio};

use alert_digest::display::{Facts, Layout, OLED128X64};
use alert_digest::{Digest, MAX_BUDGET, condense_to_fit, parse_record};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics_simulator::SimulatorDisplay;

/// Written for this test; the first is the seed's drone record.
const RECORDS: &str = concat!(
    r#"{"id":"d1","time":"2026-02-03T12:00:00Z","kind":"military","severity":"severe","actor":"U.S. fighter jet","action":"downed","object":"Iranian drone","relation":"near","place":"USS Abraham Lincoln"}"#,
    "\n",
    r#"{"id":"g1","time":"2026-02-03T20:10:00Z","kind":"weather","severity":"minor","headline":"Crue de l'Arve à Genève"}"#,
    "\n",
    "not a record\n",
);
const NOW: &str = "2026-02-03T20:30:00Z";

fn preview(display: &str, out: &std::path::Path, extra: &[&str]) -> (i32, String) {
    let (code, stdout, stderr) = preview_input(display, out, extra, RECORDS);
    assert!(
        stderr.contains("line 3:"),
        "the bad line is reported: {stderr}"
    );
    (code, stdout)
}

fn preview_input(
    display: &str,
    out: &std::path::Path,
    extra: &[&str],
    input: &str,
) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alert-digest"))
        .args(["preview", "--display", display, "--now", NOW, "--out"])
        .arg(out)
        .args(extra)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run alert-digest");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write records");
    let output = child.wait_with_output().expect("wait");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("utf-8"),
        String::from_utf8(output.stderr).expect("utf-8"),
    )
}

#[test]
fn every_display_writes_its_pngs_and_prints_its_screen() {
    let dir = tempdir("every-display");
    for (display, files) in [
        ("epd2in13", &["epd2in13.png"][..]),
        ("oled128x64", &["oled128x64-01.png", "oled128x64-02.png"]),
        ("led32x8", &["led32x8.png", "led32x8-frames.png"]),
        ("microbit", &["microbit.png", "microbit-frames.png"]),
    ] {
        let (code, stdout) = preview(display, &dir, &[]);
        // One line was not a record: exit status 1, the rest still shown.
        assert_eq!(code, 1, "{display}");
        for file in files {
            let path = dir.join(file);
            assert!(path.is_file(), "{display}: {} missing", path.display());
            assert!(
                stdout.contains(path.to_str().expect("utf-8 path")),
                "{display}"
            );
        }
        assert!(
            stdout.contains('┌') && stdout.contains('┘'),
            "{display}: no screen printed"
        );
    }
}

#[test]
fn the_oled_png_is_the_core_layouts_pixels() {
    let dir = tempdir("oled-pixels");
    let (_, stdout) = preview("oled128x64", &dir, &["--scale", "1", "--term", "none"]);
    assert!(!stdout.contains('┌'));
    // The first card is the severe drone digest (the store's order), condensed for the card.
    let mut scratch = [0u8; 1024];
    let line = RECORDS.lines().next().expect("first record");
    let record = parse_record(line.as_bytes(), &mut scratch).expect("parses");
    let area = OLED128X64.text_area().with_max_bytes(MAX_BUDGET);
    let drone: Digest<MAX_BUDGET> = condense_to_fit(&record, &area).expect("condenses");
    let mut expected = SimulatorDisplay::<BinaryColor>::new(OLED128X64.size());
    let facts = Facts {
        now: 1_770_150_600,
        unread: 2,
        total: 2,
        ..Facts::default()
    };
    let second = drone.clone();
    OLED128X64
        .draw(&mut expected, &[drone, second], &facts)
        .expect("infallible");
    let png =
        SimulatorDisplay::<BinaryColor>::load_png(dir.join("oled128x64-01.png")).expect("png");
    assert!(
        png == expected,
        "the preview's card differs from the layout's"
    );
}

#[test]
fn digests_go_through_the_boards_store() {
    let dir = tempdir("store");
    // The drone reported again half an hour later: one alert standing for two reports.
    let first = RECORDS.lines().next().expect("first record");
    let again = first
        .replace("\"d1\"", "\"d2\"")
        .replace("12:00:00Z", "12:30:00Z");
    let input = format!("{first}\n{again}\n");
    let (code, stdout, stderr) = preview_input("oled128x64", &dir, &["--term", "none"], &input);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("store: 1 merged"), "{stderr}");
    assert!(dir.join("oled128x64-01.png").is_file());
    assert!(
        !stdout.contains("oled128x64-02"),
        "one card, not two: {stdout}"
    );
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
