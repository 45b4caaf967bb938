//! The board end of the demo, behind one trait so the same stream can go to other boards.
//!
//! [`SimBoard`] is the board's application (the core's device with a simulated panel, as in
//! `alert-digest board`) on the link simulator's UART wire, both in simulated time. Another
//! board, such as the firmware in QEMU, implements [`Board`] over the host tools' `Driver`
//! (the code path of `send --connect unix:PATH`): its `host()` is the driver's session, `turn()`
//! the driver's turn, `now()` its clock, and `screen()` a capture of the emulated panel.

use std::time::Duration;

use alert_digest::link::Hello;
use alert_digest_host::link::sim::{Wire, WireConfig};
use alert_digest_host::link::{HostConfig, HostSession, HostStats};

use crate::board_cmd::panel::Refresh;
use crate::board_cmd::simulated::SimulatedBoard;
use crate::board_cmd::watch::Change;
use crate::screen::{Display, Image};

/// A board the demo streams to.
pub trait Board {
    /// Its name in headings and file names.
    fn name(&self) -> String;
    /// The host's session to it: the demo queues messages there and reads its events.
    fn host(&mut self) -> &mut HostSession;
    /// The link's clock (simulated time on a simulated wire).
    fn now(&self) -> Duration;
    /// One turn of the link: bytes both ways, and the board's own work.
    fn turn(&mut self) -> anyhow::Result<()>;
    /// Whether its time is real (an emulator) rather than simulated: the demo then waits
    /// for moments, not for the seconds a feed and an e-ink panel would take.
    fn real_time(&self) -> bool {
        false
    }
    /// What the board did since the last call, in words (a board that cannot tell says
    /// nothing).
    fn notes(&mut self) -> Vec<String>;
    /// The panel now, and the panel it is (for the PNG's colours and scale).
    fn screen(&mut self) -> anyhow::Result<(Image, Display)>;
    /// Lines about the link, for the summary.
    fn link_report(&self) -> Vec<String>;
}

/// Simulated time per turn: the board's poll period.
const TICK: Duration = Duration::from_millis(1);

/// The board's application on a simulated UART.
pub struct SimBoard {
    board: SimulatedBoard,
    host: HostSession,
    to_board: Wire,
    to_host: Wire,
    baud: u32,
    rng: fastrand::Rng,
    now: Duration,
    notes: Vec<String>,
}

impl SimBoard {
    /// A board with `display` that has just booted, on a clean 8N1 line at `baud`; `seed`
    /// makes its boot id and the host's stream id repeatable.
    pub fn new(display: Display, baud: u32, seed: u64) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed);
        let host = HostSession::new(HostConfig::serial(baud), rng.u32(..));
        Self {
            board: SimulatedBoard::new(display, rng.u32(..)),
            host,
            to_board: Wire::new(WireConfig::clean(baud)),
            to_host: Wire::new(WireConfig::clean(baud)),
            baud,
            rng,
            now: Duration::ZERO,
            notes: Vec::new(),
        }
    }

    fn note_change(&mut self, change: &Change) {
        let text = match change {
            Change::Added(_) | Change::Merged { .. } | Change::Updated { .. } => return,
            Change::Cancelled(ids) => format!("{} alert(s) cleared", ids.len()),
            Change::Expired(ids) => format!("{} alert(s) ended", ids.len()),
            Change::Evicted(ids) => format!("{} alert(s) dropped for room", ids.len()),
            Change::NotStored { expired, dropped } => {
                format!("not stored: {expired} already over, {dropped} for want of room")
            }
            Change::Rejected { records, digests } => {
                format!("rejected: {records} record(s), {digests} digest(s) too long")
            }
            Change::Quiet(true) => "quiet hours: only critical alerts are drawn".into(),
            Change::Quiet(false) => "quiet hours over".into(),
        };
        self.notes.push(text);
    }
}

impl Board for SimBoard {
    fn name(&self) -> String {
        self.board.display().name().to_owned()
    }

    fn host(&mut self) -> &mut HostSession {
        &mut self.host
    }

    fn now(&self) -> Duration {
        self.now
    }

    fn turn(&mut self) -> anyhow::Result<()> {
        self.now += TICK;
        let now_ns = u64::try_from(self.now.as_nanos()).unwrap_or(u64::MAX);
        let now_ms = u64::try_from(self.now.as_millis()).unwrap_or(u64::MAX);

        let arrived = self.to_board.arrived(now_ns);
        let mut changes = self.board.receive(&arrived, now_ms);
        let mut out = Vec::new();
        self.board.transmit(now_ms, &mut out);
        self.to_host.send(now_ns, &out, &mut self.rng);
        let (more, refresh) = self.board.tick(now_ms);
        changes.extend(more);
        for change in &changes {
            self.note_change(change);
        }
        if let Some(refresh) = refresh
            && refresh != Refresh::Draw
        {
            self.notes.push(format!(
                "e-ink {} refresh at {:.1} s",
                refresh.name(),
                self.now.as_secs_f64()
            ));
        }

        let arrived = self.to_host.arrived(now_ns);
        self.host.receive(&arrived, self.now);
        out.clear();
        self.host.transmit(self.now, &mut out);
        self.to_board.send(now_ns, &out, &mut self.rng);
        Ok(())
    }

    fn notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    fn screen(&mut self) -> anyhow::Result<(Image, Display)> {
        let panel = self.board.panel();
        Ok((panel.picture(self.board.device()), self.board.display()))
    }

    fn link_report(&self) -> Vec<String> {
        let host: HostStats = self.host.stats();
        let board = self.board.device().link_stats();
        let (down, up) = (self.to_board.stats(), self.to_host.stats());
        let counts = self.board.panel().counts();
        let mut lines = vec![
            format!(
                "{:.1} s of simulated time on a {} baud 8N1 line: {} bytes to the board in {} \
                 frames, {} back in {}",
                self.now.as_secs_f64(),
                self.baud,
                down.bytes,
                down.frames,
                up.bytes,
                up.frames
            ),
            format!(
                "host: {} data frames, {} retransmits; board: {} delivered, {} damaged frames, \
                 {} acks",
                host.data_sent,
                host.retransmits,
                board.delivered,
                board.rx.faults(),
                board.acks_sent
            ),
        ];
        if let Some(mean) = host.rtt_mean() {
            lines.push(format!(
                "round trip: mean {:.1} ms over {} samples",
                mean.as_secs_f64() * 1000.0,
                host.rtt_samples
            ));
        }
        lines.push(if self.board.panel().policy().is_some() {
            format!(
                "panel: {} full and {} partial refreshes, {} identical screens skipped",
                counts.full, counts.partial, counts.skipped
            )
        } else {
            format!("panel: {} screens drawn", counts.draws)
        });
        lines
    }
}

/// The board's Hello, once the host has it.
pub fn hello(board: &mut dyn Board) -> Option<Hello> {
    board.host().board().copied()
}
