//! `alert-digest`: condense event records, ingest feeds, stream digests to a board.

mod board_cmd;
mod condense_cmd;
mod demo;
mod eval;
mod ingest;
mod lines;
mod ports_cmd;
mod preview;
mod screen;
mod send_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "alert-digest",
    version,
    about = "Condense alerts for tiny displays"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Condense(condense_cmd::Args),
    Ingest(ingest::Args),
    Eval(eval::Args),
    /// Stream digests to a board over a serial port (or an emulator's socket).
    Send(send_cmd::Args),
    /// List serial ports with their USB ids.
    Ports(ports_cmd::Args),
    Preview(preview::Args),
    /// Run a board's application here with a simulated panel, for `send` to talk to.
    Board(board_cmd::Args),
    /// The whole way without a board: records -> digests -> simulated UART -> the board's
    /// application -> its panels, on screen and as PNG.
    Demo(demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Condense(args) => condense_cmd::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Send(args) => send_cmd::run(args),
        Command::Ports(args) => ports_cmd::run(args),
        Command::Preview(args) => preview::run(args),
        Command::Board(args) => board_cmd::run(args),
        Command::Demo(args) => demo::run(args),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("alert-digest: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
