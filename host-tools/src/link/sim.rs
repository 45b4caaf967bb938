//! A simulated UART link, for tests and benchmarks: what a bench of real boards, noisy cables
//! and reset buttons cannot give in CI. Both ends run the real session code ([`HostSession`],
//! [`BoardSession`]); only the wire and the board's timing are modelled:
//!
//! - each direction: a baud rate (ten bits a byte), a latency, and per-byte probabilities of
//!   corruption (the byte XORed with a random non-zero value), loss and duplication;
//! - the board: a UART receive ring of fixed size that overruns (drops bytes) when the board
//!   does not poll in time, a poll period, a stall after each delivered event (drawing on a
//!   slow display), an application queue that frees room at a set pace, and resets at chosen
//!   moments (warm: retained [`Resume`] survives; cold: it does not).
//!
//! Every byte sent carries a tag (which frame, which position); an [`Oracle`] at each receiver
//! watches the bytes that actually arrive and counts the frames that arrived whole and the
//! stretches between delimiters that did not, and among those the frames that arrived with
//! every byte in place but some corrupted (which error correction may repair) and those whose
//! corruption is within the parity's power (which it must repair). A correct receiver accepts
//! the whole frames and the repaired ones and counts every other stretch as a fault, so tests
//! can hold the receivers' counters to the faults injected. Deterministic for a seed.

use std::collections::VecDeque;
use std::time::Duration;

use alert_digest::link::session::{BOARD_MAX_RECORD_BYTES, BOARD_TX_BYTES, DEFAULT_WINDOW};
use alert_digest::link::{
    BoardConfig, BoardSession, BoardStats, DELIMITER, DisplayInfo, Event, Resume, Verdict,
    display_kind, fec,
};

use super::{HostConfig, HostEvent, HostSession, Outgoing};

/// Per-byte fault probabilities of one direction.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Faults {
    pub corrupt: f64,
    pub drop: f64,
    pub duplicate: f64,
}

/// One direction of the wire.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WireConfig {
    pub baud: u32,
    pub latency: Duration,
    pub faults: Faults,
}

impl WireConfig {
    /// A clean 8N1 line at `baud` with 100 µs of latency (a USB-serial adapter's buffering).
    pub fn clean(baud: u32) -> Self {
        Self {
            baud,
            latency: Duration::from_micros(100),
            faults: Faults::default(),
        }
    }
}

/// A board reset at `at`; `warm` keeps the retained resume point. It lands at the worst
/// moment: in the first poll from `at` on in which the board delivers a frame, after the
/// delivery and before the Ack leaves (or [`RESET_GRACE`] after `at` if no frame comes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reset {
    pub at: Duration,
    pub warm: bool,
}

/// How long a due reset waits for a poll that delivers a frame.
pub const RESET_GRACE: Duration = Duration::from_secs(2);

/// Everything the simulation models.
#[derive(Clone, Debug)]
pub struct SimConfig {
    pub seed: u64,
    pub to_board: WireConfig,
    pub to_host: WireConfig,
    /// The board's poll period, and the step of the simulation.
    pub tick: Duration,
    pub board: BoardConfig,
    /// The board's UART receive ring, bytes.
    pub board_rx_ring: usize,
    /// Events the board's application can hold before it has processed them.
    pub app_queue: u8,
    /// Time the application takes per event (zero: at once).
    pub app_work: Duration,
    /// Time the board does not poll after each delivered event (drawing).
    pub stall_per_event: Duration,
    pub resets: Vec<Reset>,
    pub host: HostConfig,
    /// Give up after this much simulated time.
    pub time_limit: Duration,
}

impl SimConfig {
    /// A clean 115,200-baud link to a quick board.
    pub fn clean(seed: u64, board: BoardConfig) -> Self {
        Self {
            seed,
            to_board: WireConfig::clean(115_200),
            to_host: WireConfig::clean(115_200),
            tick: Duration::from_millis(1),
            board,
            board_rx_ring: 256,
            app_queue: 8,
            app_work: Duration::ZERO,
            stall_per_event: Duration::ZERO,
            resets: Vec::new(),
            host: HostConfig::serial(115_200),
            time_limit: Duration::from_secs(3600),
        }
    }
}

/// Where a byte came from in the sender's stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    /// A delimiter with no frame before it (a leading delimiter).
    Lead,
    /// Byte `index` of frame `frame`, which has `len` bytes before its delimiter.
    Data { frame: u64, index: u32, len: u32 },
    /// The delimiter ending a frame.
    End,
}

#[derive(Clone, Copy, Debug)]
struct Arrival {
    at_ns: u64,
    value: u8,
    tag: Tag,
    modified: bool,
}

/// Bytes and faults of one direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WireStats {
    pub bytes: u64,
    /// Frames the sender wrote.
    pub frames: u64,
    pub corrupted: u64,
    pub dropped: u64,
    pub duplicated: u64,
}

impl WireStats {
    pub fn faults(&self) -> u64 {
        self.corrupted + self.dropped + self.duplicated
    }
}

/// One direction of the wire: bytes leave at the line rate and arrive after the latency, some
/// damaged as configured. [`Sim`] joins two of them; a caller with its own board end (the
/// `demo` command's board application) can use them directly.
pub struct Wire {
    byte_ns: u64,
    latency_ns: u64,
    faults: Faults,
    free_at_ns: u64,
    frame: u64,
    index: u32,
    queue: VecDeque<Arrival>,
    stats: WireStats,
}

impl Wire {
    pub fn new(config: WireConfig) -> Self {
        Self {
            byte_ns: 10_000_000_000 / u64::from(config.baud.max(1)),
            latency_ns: duration_ns(config.latency),
            faults: config.faults,
            free_at_ns: 0,
            frame: 0,
            index: 0,
            queue: VecDeque::new(),
            stats: WireStats::default(),
        }
    }

    /// Tags `byte`; `len` is the length of the frame it belongs to (its bytes before the
    /// delimiter), known because senders write whole frames.
    fn tag(&mut self, byte: u8, len: u32) -> Tag {
        if byte != DELIMITER {
            let tag = Tag::Data {
                frame: self.frame,
                index: self.index,
                len,
            };
            self.index += 1;
            tag
        } else if self.index == 0 {
            Tag::Lead
        } else {
            self.frame += 1;
            self.stats.frames += 1;
            self.index = 0;
            Tag::End
        }
    }

    /// Puts `bytes` on the wire at `now_ns` (nanoseconds of simulated time), behind whatever
    /// is still being sent.
    pub fn send(&mut self, now_ns: u64, bytes: &[u8], rng: &mut fastrand::Rng) {
        for (at, &byte) in bytes.iter().enumerate() {
            let rest = bytes.get(at..).unwrap_or_default();
            let to_end = rest.iter().position(|&b| b == DELIMITER);
            let len = to_end.map_or(u32::MAX, |n| self.index + n as u32);
            let tag = self.tag(byte, len);
            self.stats.bytes += 1;
            self.free_at_ns = self.free_at_ns.max(now_ns) + self.byte_ns;
            if rng.f64() < self.faults.drop {
                self.stats.dropped += 1;
                continue;
            }
            let (value, modified) = if rng.f64() < self.faults.corrupt {
                self.stats.corrupted += 1;
                (byte ^ rng.u8(1..=255), true)
            } else {
                (byte, false)
            };
            let arrival = Arrival {
                at_ns: self.free_at_ns + self.latency_ns,
                value,
                tag,
                modified,
            };
            self.queue.push_back(arrival);
            if rng.f64() < self.faults.duplicate {
                self.stats.duplicated += 1;
                self.free_at_ns += self.byte_ns;
                self.queue.push_back(Arrival {
                    at_ns: self.free_at_ns + self.latency_ns,
                    ..arrival
                });
            }
        }
    }

    /// The bytes that have arrived by `now_ns`, for a receiver outside [`Sim`].
    pub fn arrived(&mut self, now_ns: u64) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.deliver(now_ns, |a| bytes.push(a.value));
        bytes
    }

    pub fn stats(&self) -> WireStats {
        self.stats
    }

    fn deliver(&mut self, now_ns: u64, mut sink: impl FnMut(Arrival)) {
        while self.queue.front().is_some_and(|a| a.at_ns <= now_ns) {
            if let Some(a) = self.queue.pop_front() {
                sink(a);
            }
        }
    }
}

/// Counts, from the tags of the bytes a receiver actually got, the frames that arrived whole
/// and the non-empty stretches between delimiters that did not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Oracle {
    seg: Seg,
    /// Frames that arrived whole: a receiver must accept exactly these.
    pub intact: u64,
    /// Damaged stretches: a receiver must count each of these as a fault, or repair it.
    pub damaged: u64,
    /// Damaged stretches that are one whole frame with some bytes corrupted (none lost or
    /// added): the most a receiver can repair.
    pub repairable: u64,
    /// Of those, the frames with at most [`fec::CORRECTABLE`] corrupted bytes in each block of
    /// their COBS bytes and none in the parity: a receiver must repair all of these.
    pub surely_repairable: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Seg {
    #[default]
    Empty,
    Tracking {
        frame: u64,
        next: u32,
        len: u32,
        hits: Hits,
    },
    Broken,
}

/// Where the corrupted bytes of a frame that is otherwise arriving whole fell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Hits {
    /// Corrupted bytes in each parity block's share of the COBS bytes.
    per_block: [u8; fec::MAX_BLOCKS],
    /// Any in the encoded parity after them.
    in_parity: bool,
    any: bool,
}

impl Hits {
    fn add(mut self, index: u32, len: u32) -> Self {
        self.any = true;
        let data = fec::split(len as usize).unwrap_or(0);
        let at = index as usize;
        match self.per_block.get_mut(at / fec::BLOCK_DATA) {
            Some(n) if at < data => *n = n.saturating_add(1),
            _ => self.in_parity = true,
        }
        self
    }

    fn surely_repairable(&self) -> bool {
        !self.in_parity
            && self
                .per_block
                .iter()
                .all(|&n| usize::from(n) <= fec::CORRECTABLE)
    }
}

impl Oracle {
    fn see(&mut self, a: &Arrival) {
        if a.value == DELIMITER {
            // Any zero ends what came before, whichever frame's delimiter it was (or a byte
            // corrupted to zero): the receiver cannot tell, and need not.
            match self.seg {
                Seg::Empty => {}
                Seg::Tracking {
                    next, len, hits, ..
                } if next == len => {
                    if !hits.any {
                        self.intact += 1;
                    } else {
                        self.damaged += 1;
                        self.repairable += 1;
                        if hits.surely_repairable() {
                            self.surely_repairable += 1;
                        }
                    }
                }
                _ => self.damaged += 1,
            }
            self.seg = Seg::Empty;
            return;
        }
        let hit = |hits: Hits, index: u32, len: u32| {
            if a.modified {
                hits.add(index, len)
            } else {
                hits
            }
        };
        self.seg = match (self.seg, a.tag) {
            (
                Seg::Empty,
                Tag::Data {
                    frame,
                    index: 0,
                    len,
                },
            ) => Seg::Tracking {
                frame,
                next: 1,
                len,
                hits: hit(Hits::default(), 0, len),
            },
            (
                Seg::Tracking {
                    frame,
                    next,
                    len,
                    hits,
                },
                Tag::Data {
                    frame: f, index, ..
                },
            ) if f == frame && index == next => Seg::Tracking {
                frame,
                next: next + 1,
                len,
                hits: hit(hits, index, len),
            },
            _ => Seg::Broken,
        };
    }

    /// The receiver restarted (a board reset): whatever it held is gone.
    fn reset(&mut self) {
        self.seg = Seg::Empty;
    }
}

/// A data message as the board's application received it, and in which boot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivered {
    pub boot: usize,
    pub msg: Outgoing,
}

/// The simulation: a host session and a board session joined by two wires.
pub struct Sim {
    config: SimConfig,
    rng: fastrand::Rng,
    now_ns: u64,
    pub host: HostSession,
    pub board: BoardSession,
    to_board: Wire,
    to_host: Wire,
    /// At the board's session (after the ring): what it should accept.
    pub board_oracle: Oracle,
    /// At the host's session.
    pub host_oracle: Oracle,
    ring: VecDeque<Arrival>,
    /// Bytes lost because the board's receive ring was full.
    pub overruns: u64,
    busy_until_ns: u64,
    app: VecDeque<u64>,
    next_reset: usize,
    /// Stats of boots that ended in a reset; the current boot's are `board.stats()`.
    pub past_boots: Vec<BoardStats>,
    pub delivered: Vec<Delivered>,
    pub host_events: Vec<HostEvent>,
}

impl Sim {
    pub fn new(config: SimConfig) -> Self {
        let mut rng = fastrand::Rng::with_seed(config.seed);
        let host = HostSession::new(config.host, rng.u32(..));
        let board = BoardSession::new(config.board, rng.u32(..), None);
        Self {
            to_board: Wire::new(config.to_board),
            to_host: Wire::new(config.to_host),
            rng,
            now_ns: 0,
            host,
            board,
            board_oracle: Oracle::default(),
            host_oracle: Oracle::default(),
            ring: VecDeque::new(),
            overruns: 0,
            busy_until_ns: 0,
            app: VecDeque::new(),
            next_reset: 0,
            past_boots: Vec::new(),
            delivered: Vec::new(),
            host_events: Vec::new(),
            config,
        }
    }

    pub fn now(&self) -> Duration {
        Duration::from_nanos(self.now_ns)
    }

    pub fn push(&mut self, tag: u64, msg: Outgoing) {
        self.host.push(tag, msg);
    }

    pub fn to_board_stats(&self) -> WireStats {
        self.to_board.stats
    }

    pub fn to_host_stats(&self) -> WireStats {
        self.to_host.stats
    }

    /// Every boot's stats, the current one last.
    pub fn boots(&self) -> Vec<BoardStats> {
        let mut all = self.past_boots.clone();
        all.push(self.board.stats());
        all
    }

    /// Runs until everything queued is acknowledged or refused (true), or the time limit.
    pub fn run_until_idle(&mut self) -> bool {
        let limit = duration_ns(self.config.time_limit);
        while self.now_ns < limit {
            self.step();
            if self.host.is_idle() && self.host.is_ready() {
                return true;
            }
        }
        false
    }

    /// Runs for `span` of simulated time.
    pub fn run_for(&mut self, span: Duration) {
        let end = self.now_ns + duration_ns(span);
        while self.now_ns < end {
            self.step();
        }
    }

    /// One tick: resets due, the wire to the board, the board's poll, the wire to the host,
    /// the host's turn.
    pub fn step(&mut self) {
        self.now_ns += duration_ns(self.config.tick).max(1);
        let now_ns = self.now_ns;
        let now = Duration::from_nanos(now_ns);
        let now_ms = now_ns / 1_000_000;

        let capacity = self.config.board_rx_ring;
        let (ring, overruns) = (&mut self.ring, &mut self.overruns);
        self.to_board.deliver(now_ns, |a| {
            if ring.len() < capacity {
                ring.push_back(a);
            } else {
                *overruns += 1;
            }
        });

        while self.app.front().is_some_and(|&done| done <= now_ns) {
            self.app.pop_front();
        }
        if now_ns >= self.busy_until_ns {
            self.poll_board(now_ns, now_ms);
        }

        let mut bytes = Vec::new();
        let oracle = &mut self.host_oracle;
        self.to_host.deliver(now_ns, |a| {
            oracle.see(&a);
            bytes.push(a.value);
        });
        self.host.receive(&bytes, now);
        let mut out = Vec::new();
        self.host.transmit(now, &mut out);
        self.to_board.send(now_ns, &out, &mut self.rng);
        while let Some(event) = self.host.next_event() {
            self.host_events.push(event);
        }
    }

    fn room(&self) -> u8 {
        let used = u8::try_from(self.app.len()).unwrap_or(u8::MAX);
        self.config.app_queue.saturating_sub(used)
    }

    fn poll_board(&mut self, now_ns: u64, now_ms: u64) {
        let arrivals: Vec<Arrival> = self.ring.drain(..).collect();
        for a in &arrivals {
            self.board_oracle.see(a);
        }
        let bytes: Vec<u8> = arrivals.iter().map(|a| a.value).collect();
        let room = self.room();
        let boot = self.past_boots.len();
        let work = duration_ns(self.config.app_work);
        let (delivered, app) = (&mut self.delivered, &mut self.app);
        let handed = self.board.receive(&bytes, now_ms, room, &mut |event| {
            let msg = match event {
                Event::Synced { .. } => return Verdict::Accepted,
                Event::Digest(d) => Outgoing::Digest(d.clone()),
                Event::Record(json) => Outgoing::Record(json.to_vec()),
                Event::Update { id, digest } => Outgoing::Update {
                    id,
                    digest: digest.clone(),
                },
                Event::Cancel { id } => Outgoing::Cancel(id),
                Event::Clear => Outgoing::Clear,
                Event::TimeSync { unix } => Outgoing::TimeSync(unix),
                Event::Quiet(hours) => Outgoing::Quiet(hours),
            };
            delivered.push(Delivered { boot, msg });
            if work > 0 {
                let start = app.back().copied().unwrap_or(now_ns).max(now_ns);
                app.push_back(start + work);
            }
            Verdict::Accepted
        });
        if let Some(reset) = self.config.resets.get(self.next_reset).copied() {
            let at = duration_ns(reset.at);
            if at <= now_ns && (handed > 0 || now_ns >= at + duration_ns(RESET_GRACE)) {
                // Reset before transmitting: whatever Ack was due is never sent.
                self.next_reset += 1;
                self.reset_board(reset.warm);
                return;
            }
        }
        let stall = duration_ns(self.config.stall_per_event) * u64::from(handed);
        self.busy_until_ns = now_ns + stall;
        let room = self.room();
        let mut out = [0u8; BOARD_TX_BYTES];
        loop {
            let n = self.board.transmit(now_ms, room, &mut out);
            if n == 0 {
                break;
            }
            self.to_host.send(now_ns, &out[..n], &mut self.rng);
        }
    }

    fn reset_board(&mut self, warm: bool) {
        self.past_boots.push(self.board.stats());
        let resume: Option<Resume> = if warm {
            self.board.resume_point()
        } else {
            None
        };
        self.board = BoardSession::new(self.config.board, self.rng.u32(..), resume);
        self.ring.clear();
        self.board_oracle.reset();
        self.app.clear();
        self.busy_until_ns = self.now_ns;
    }
}

fn duration_ns(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// The board the link tests and benchmarks simulate: a 128x64 OLED with a 48-byte budget, the
/// default window and record room.
pub fn oled_board() -> BoardConfig {
    BoardConfig {
        display: DisplayInfo {
            kind: display_kind::OLED,
            width: 128,
            height: 64,
            budget: 48,
        },
        max_record: BOARD_MAX_RECORD_BYTES as u16,
        window: DEFAULT_WINDOW,
    }
}

/// `count` digests with distinct ids and text of `min_len..=max_len` bytes of words, for link
/// tests and benchmarks (the link does not care what the words say; the length matters).
pub fn synthetic_digests(
    count: usize,
    min_len: usize,
    max_len: usize,
    seed: u64,
) -> Vec<alert_digest::link::WireDigest> {
    use alert_digest::{Certainty, Kind, MsgType, Severity, Urgency, id_hash};
    const WORDS: [&str; 12] = [
        "Drone",
        "downed",
        "near",
        "USS",
        "Abraham",
        "Lincoln",
        "M5.9",
        "quake",
        "Severe",
        "thunderstorm",
        "warning",
        "til",
    ];
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..count)
        .map(|i| {
            let want = rng.usize(min_len..=max_len.max(min_len));
            let mut text = heapless::String::new();
            while text.len() < want {
                let word = WORDS[rng.usize(..WORDS.len())];
                let sep = usize::from(!text.is_empty());
                if text.len() + sep + word.len() > want {
                    // Pad to the exact length so sizes follow the distribution asked for.
                    while text.len() < want && text.push('.').is_ok() {}
                    break;
                }
                if sep == 1 {
                    let _ = text.push(' ');
                }
                let _ = text.push_str(word);
            }
            alert_digest::Digest {
                id: id_hash(&format!("synthetic-{seed}-{i}")),
                time: Some(1_780_000_000 + i as i64),
                end: Some(1_780_003_600 + i as i64),
                severity: Severity::ALL[i % Severity::ALL.len()],
                urgency: Urgency::Immediate,
                certainty: Certainty::Observed,
                kind: Kind::ALL[i % Kind::ALL.len()],
                msg: MsgType::Alert,
                refs: heapless::Vec::new(),
                count: 1,
                text,
            }
        })
        .collect()
}
