//! The board's side of a link session: a poll-driven state machine, bytes in, events out, bytes
//! out. No clock, no allocator, no async runtime: the caller passes the time and the bytes, so
//! it runs in a bare loop, in an interrupt-fed ring buffer's consumer, or in an embassy task.
//!
//! Delivery: data frames (Digest, Record, Update, Cancel, Clear, TimeSync) carry sequence
//! numbers; the board hands each to the application once, in order, and acknowledges
//! cumulatively. A frame after a gap is held in one of `R` reorder slots (selective repeat: the
//! Ack tells the host which are held, so only the missing frame is sent again) and the gap is
//! reported at once; a frame beyond the slots, or a raw record (too big to hold), is dropped
//! and sent again after the gap. A frame already delivered or held is suppressed and
//! acknowledged again. The application's free room sets the credits the board grants, so a
//! slow board is never sent more than it can take.
//!
//! Reset: a board starts unsynchronised, sends [`Hello`] with a fresh boot id until the host
//! answers with [`Sync`], and only then accepts data. If the board keeps [`Resume`] in memory
//! that survives a warm reset, the host learns which unacknowledged frames were delivered before
//! the reset and sends only the rest: nothing lost, nothing twice.

use embedded_io::{Read, ReadReady, Write};

use super::SCHEMA_HASH;
use super::frame::{self, DELIMITER, Fault, Frame, Received, Receiver, RxStats};
use super::message::{
    Ack, DisplayInfo, Hello, Message, Nak, NakReason, QuietHours, Resume, Sync, Update, WireDigest,
};

/// The largest raw record (JSON bytes) a board accepts by default. Records are condensed from
/// the front (template fields, headline, the first sentences of text), so 1 KiB holds every
/// field the condenser reads at its limit except a long `text`, which the host trims first;
/// and the receive buffer for it plus a same-sized unescape scratch is about 2 KiB, a quarter
/// of the RAM of the smallest Cortex-M0 parts. The core's 4 KiB limit would be 8 KiB there.
pub const BOARD_MAX_RECORD_BYTES: usize = 1024;

/// Receive buffer for a board that accepts records of up to [`BOARD_MAX_RECORD_BYTES`].
pub const BOARD_FRAME_BYTES: usize = frame::frame_capacity(BOARD_MAX_RECORD_BYTES);

/// Data frames a board lets the host have in flight by default. On a clean line two or three
/// keep it busy (the host paces what it hands the port); the rest is for a noisy one, where
/// the frames sent while a damaged one is repeated are held rather than wasted. Measured with
/// the link simulator at 1% byte corruption: 8 moves 16–22% more digests a second than 4.
pub const DEFAULT_WINDOW: u8 = 8;

/// Out-of-order frames a board holds by default: the window less the one missing frame. Each
/// slot is one digest-sized message (about 260 bytes, so 1.8 KiB in all); with 1% of bytes
/// corrupted, holding them moves about 40% more digests than dropping them (go-back-N). A
/// board short of RAM can choose 0 slots, which is go-back-N.
pub const REORDER_SLOTS: usize = DEFAULT_WINDOW as usize - 1;

/// How often an unsynchronised board repeats its Hello. The host also provokes one at once
/// (any data or ping to an unsynchronised board is answered with a Hello), so this only
/// matters when the host is silent.
pub const HELLO_INTERVAL_MS: u64 = 500;

/// Shortest spacing between two Hellos, so a stream of data frames to an unsynchronised board
/// does not turn into a stream of Hellos.
pub const HELLO_MIN_SPACING_MS: u64 = 20;

/// Shortest spacing between two Naks for the same missing frame: frames already on their way
/// behind a damaged one would each ask again; the host ignores Naks older than its last copy,
/// so this only saves the return line from a burst. Short, so that a lost retransmission is
/// asked for again well before the host's timeout.
pub const NAK_HOLDOFF_MS: u64 = 5;

/// Bytes for one [`BoardSession::transmit`] call: a leading delimiter, a Hello, a Pong, a Nak
/// and an Ack together.
pub const BOARD_TX_BYTES: usize = 128;

/// Bytes read from the UART per read call in [`BoardSession::poll`].
const POLL_CHUNK: usize = 64;
/// Read calls per [`BoardSession::poll`]: bounds the time one poll takes on a babbling line,
/// so the application's own work is never starved.
const POLL_READS: usize = 16;

/// What a board announces about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BoardConfig {
    pub display: DisplayInfo,
    /// The longest raw record the board takes; at most the receive buffer allows.
    pub max_record: u16,
    /// Most data frames in flight, 1..=127.
    pub window: u8,
}

/// What the application is told. Borrowed data lives until the callback returns.
#[derive(Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// The host (re)started its stream on this boot.
    Synced {
        stream: u32,
    },
    Digest(&'a WireDigest),
    /// A raw record to condense (`parse_record`, then `condense` with the board's budget).
    Record(&'a [u8]),
    Update {
        id: u32,
        digest: &'a WireDigest,
    },
    Cancel {
        id: u32,
    },
    Clear,
    TimeSync {
        unix: i64,
    },
    Quiet(QuietHours),
}

/// The application's answer to a data event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Verdict {
    Accepted,
    /// Read but refused (a record that does not parse or condense): the host is told, and
    /// does not send it again.
    Rejected,
    /// This board does not handle that message.
    Unsupported,
}

/// Every counter of the board's side. They only grow (wrapping after 2^32).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BoardStats {
    /// Frame-level faults: CRC, COBS, oversize, version, type, malformed.
    pub rx: RxStats,
    /// Data frames handed to the application (accepted, rejected or unsupported).
    pub delivered: u32,
    pub rejected: u32,
    pub unsupported: u32,
    /// Data frames already delivered or held, received again (suppressed).
    pub duplicates: u32,
    /// Data frames after a gap, held until the gap is filled.
    pub held: u32,
    /// Data frames after a gap that could not be held (beyond the slots, or a record):
    /// dropped, to be sent again.
    pub out_of_order: u32,
    /// Data frames dropped because the application had no room (a host ignoring credits).
    pub no_room: u32,
    /// Data frames before any Sync on this boot.
    pub unsynced: u32,
    /// Syncs naming an earlier boot.
    pub stale_syncs: u32,
    /// Frames only a board sends (Hello, Ack, Nak, Pong) arriving at the board: an echo or a
    /// loop-back.
    pub unexpected: u32,
    pub syncs: u32,
    pub pings: u32,
    pub hellos_sent: u32,
    pub acks_sent: u32,
    pub naks_sent: u32,
    pub pongs_sent: u32,
}

/// Sequence number `a` comes after `b` (serial arithmetic, RFC 1982: half the space ahead).
pub fn seq_after(a: u16, b: u16) -> bool {
    let d = a.wrapping_sub(b);
    d != 0 && d < 0x8000
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Sending Hellos, waiting for a Sync for this boot.
    Unsynced,
    /// Following `stream`; the next data frame to deliver is `expected`.
    Synced { stream: u32, expected: u16 },
}

/// An out-of-order data message kept until the frames before it arrive. Records are not held:
/// a slot sized for one would cost a kilobyte.
#[derive(Clone, Debug)]
enum Held {
    Digest(WireDigest),
    Update(Update),
    Cancel(u32),
    Clear,
    TimeSync(i64),
    Quiet(QuietHours),
}

impl Held {
    fn of(msg: &Message<'_>) -> Option<Held> {
        Some(match msg {
            Message::Digest(d) => Held::Digest(d.clone()),
            Message::Update(u) => Held::Update(u.clone()),
            Message::Cancel(id) => Held::Cancel(*id),
            Message::Clear => Held::Clear,
            Message::TimeSync(unix) => Held::TimeSync(*unix),
            Message::Quiet(hours) => Held::Quiet(*hours),
            _ => return None,
        })
    }

    fn event(&self) -> Event<'_> {
        match self {
            Held::Digest(d) => Event::Digest(d),
            Held::Update(Update { id, digest }) => Event::Update { id: *id, digest },
            Held::Cancel(id) => Event::Cancel { id: *id },
            Held::Clear => Event::Clear,
            Held::TimeSync(unix) => Event::TimeSync { unix: *unix },
            Held::Quiet(hours) => Event::Quiet(*hours),
        }
    }
}

/// The protocol state apart from the receive buffer (so a decoded frame can borrow the buffer
/// while the state changes).
#[derive(Clone, Debug)]
struct Core<const R: usize> {
    slots: [Option<(u16, Held)>; R],
    config: BoardConfig,
    boot: u32,
    state: State,
    resume: Option<Resume>,
    tx_seq: u16,
    hello_due: bool,
    last_hello: Option<u64>,
    ack_due: bool,
    advertised: u8,
    nak: Option<Nak>,
    last_gap_nak: Option<(u16, u64)>,
    pong: Option<u32>,
    dropped_for_room: bool,
    last_frame: Option<u64>,
    stats: BoardStats,
}

/// The board's end of the link. `N` is the receive buffer: [`BOARD_FRAME_BYTES`] for the
/// default record limit, or [`frame::frame_capacity`] of the board's own. `R` is the number of
/// reorder slots ([`REORDER_SLOTS`]; 0 for the least memory).
#[derive(Clone, Debug)]
pub struct BoardSession<const N: usize = BOARD_FRAME_BYTES, const R: usize = REORDER_SLOTS> {
    rx: Receiver<N>,
    core: Core<R>,
}

impl<const N: usize, const R: usize> BoardSession<N, R> {
    /// A session for a board that just booted. `boot` must differ from the previous boot's
    /// (a hardware random number, or a counter in retained memory); `resume` is the
    /// [`BoardSession::resume_point`] saved before a warm reset, if any.
    pub fn new(config: BoardConfig, boot: u32, resume: Option<Resume>) -> Self {
        let config = BoardConfig {
            // Announce no more than the buffer can hold, and a window the host can use.
            max_record: fitting_record(config.max_record, N),
            window: config.window.clamp(1, 127),
            ..config
        };
        Self {
            rx: Receiver::new(),
            core: Core {
                slots: core::array::from_fn(|_| None),
                config,
                boot,
                state: State::Unsynced,
                resume,
                tx_seq: 0,
                hello_due: true,
                last_hello: None,
                ack_due: false,
                advertised: 0,
                nak: None,
                last_gap_nak: None,
                pong: None,
                dropped_for_room: false,
                last_frame: None,
                stats: BoardStats::default(),
            },
        }
    }

    pub fn stats(&self) -> BoardStats {
        BoardStats {
            rx: *self.rx.stats(),
            ..self.core.stats
        }
    }

    pub fn boot(&self) -> u32 {
        self.core.boot
    }

    /// The stream being followed, once the host has synchronised.
    pub fn stream(&self) -> Option<u32> {
        match self.core.state {
            State::Synced { stream, .. } => Some(stream),
            State::Unsynced => None,
        }
    }

    /// What to keep in retained memory after each poll, so a warm reset resumes exactly.
    pub fn resume_point(&self) -> Option<Resume> {
        self.core.resume
    }

    /// Milliseconds since the last good frame from the host (None before the first): the
    /// application can mark its screen stale when the host has been silent too long.
    pub fn host_silent_ms(&self, now_ms: u64) -> Option<u64> {
        self.core.last_frame.map(|t| now_ms.saturating_sub(t))
    }

    /// Feeds received bytes. Complete data frames become events for `app`, in order; `room`
    /// is how many more events the application can take now. Returns how many data events
    /// were handed over.
    pub fn receive(
        &mut self,
        bytes: &[u8],
        now_ms: u64,
        room: u8,
        app: &mut impl FnMut(Event<'_>) -> Verdict,
    ) -> u8 {
        let mut rest = bytes;
        // Held frames the application had no room for before.
        let mut handed = self.core.release(room, app);
        let mut room = room.saturating_sub(handed);
        while !rest.is_empty() {
            let (used, got) = self.rx.feed(rest);
            rest = rest.get(used..).unwrap_or_default();
            let n = match got {
                Some(Received::Frame(frame)) => self.core.frame(&frame, now_ms, room, app),
                Some(Received::Fault(fault)) => {
                    self.core.fault(fault, now_ms);
                    0
                }
                None => 0,
            };
            room = room.saturating_sub(n);
            handed = handed.saturating_add(n);
        }
        handed
    }

    /// Writes the frames now due (Hello, Pong, Nak, Ack) into `out` and returns the number of
    /// bytes to send; 0 when nothing is due. `room` is as for [`BoardSession::receive`].
    /// Frames that do not fit stay due for the next call.
    pub fn transmit(&mut self, now_ms: u64, room: u8, out: &mut [u8]) -> usize {
        self.core.transmit(now_ms, room, out)
    }

    /// One turn of a poll loop over a blocking-style `embedded-io` UART: reads what is ready
    /// (a bounded amount), hands data events to `app`, writes what is due. Returns the bytes
    /// read. An async task does the same with [`BoardSession::receive`] and
    /// [`BoardSession::transmit`] around its own reads and writes.
    pub fn poll<IO>(
        &mut self,
        io: &mut IO,
        now_ms: u64,
        room: u8,
        app: &mut impl FnMut(Event<'_>) -> Verdict,
    ) -> Result<usize, IO::Error>
    where
        IO: Read + ReadReady + Write,
    {
        let mut chunk = [0u8; POLL_CHUNK];
        let mut room = room;
        let mut total = 0usize;
        for _ in 0..POLL_READS {
            if !io.read_ready()? {
                break;
            }
            let n = io.read(&mut chunk)?;
            if n == 0 {
                break;
            }
            let handed = self.receive(chunk.get(..n).unwrap_or_default(), now_ms, room, app);
            room = room.saturating_sub(handed);
            total = total.saturating_add(n);
        }
        let mut out = [0u8; BOARD_TX_BYTES];
        loop {
            let n = self.transmit(now_ms, room, &mut out);
            if n == 0 {
                break;
            }
            io.write_all(out.get(..n).unwrap_or_default())?;
        }
        io.flush()?;
        Ok(total)
    }
}

impl<const R: usize> Core<R> {
    /// Handles one good frame; returns how many data events were handed to the application.
    fn frame(
        &mut self,
        frame: &Frame<'_>,
        now_ms: u64,
        room: u8,
        app: &mut impl FnMut(Event<'_>) -> Verdict,
    ) -> u8 {
        self.last_frame = Some(now_ms);
        let seq = frame.seq;
        match &frame.msg {
            Message::Sync(sync) => {
                self.sync(seq, *sync, app);
                0
            }
            Message::Ping(ping) => {
                bump(&mut self.stats.pings);
                self.pong = Some(ping.nonce);
                match self.state {
                    State::Synced { stream, .. } if stream == ping.stream => self.ack_due = true,
                    _ => self.hello_due = true,
                }
                0
            }
            Message::Hello(_) | Message::Pong(_) | Message::Ack(_) | Message::Nak(_) => {
                bump(&mut self.stats.unexpected);
                0
            }
            data => self.data(seq, data, now_ms, room, app),
        }
    }

    fn sync(&mut self, seq: u16, sync: Sync, app: &mut impl FnMut(Event<'_>) -> Verdict) {
        if sync.boot != self.boot {
            bump(&mut self.stats.stale_syncs);
            self.hello_due = true;
            return;
        }
        bump(&mut self.stats.syncs);
        self.ack_due = true;
        // Whatever asked for a Hello before (data ahead of the Sync) is answered.
        self.hello_due = false;
        if let State::Synced { stream, .. } = self.state
            && stream == sync.stream
        {
            // A repeated Sync (our Ack was lost): never move backwards over delivered frames.
            return;
        }
        self.state = State::Synced {
            stream: sync.stream,
            expected: seq,
        };
        self.resume = Some(Resume {
            stream: sync.stream,
            seq: seq.wrapping_sub(1),
        });
        self.last_gap_nak = None;
        self.slots = core::array::from_fn(|_| None);
        app(Event::Synced {
            stream: sync.stream,
        });
    }

    fn data(
        &mut self,
        seq: u16,
        msg: &Message<'_>,
        now_ms: u64,
        room: u8,
        app: &mut impl FnMut(Event<'_>) -> Verdict,
    ) -> u8 {
        let State::Synced { expected, .. } = self.state else {
            bump(&mut self.stats.unsynced);
            self.hello_due = true;
            return 0;
        };
        self.ack_due = true;
        if seq != expected {
            if !seq_after(seq, expected) {
                bump(&mut self.stats.duplicates);
            } else {
                self.hold(seq, expected, msg);
                self.gap(expected, now_ms);
            }
            return 0;
        }
        if room == 0 {
            bump(&mut self.stats.no_room);
            self.dropped_for_room = true;
            return 0;
        }
        let verdict = match msg {
            Message::Record(json) => app(Event::Record(json.0)),
            other => match Held::of(other) {
                Some(held) => app(held.event()),
                None => Verdict::Unsupported,
            },
        };
        self.delivered(seq, verdict);
        self.release(room.saturating_sub(1), app).saturating_add(1)
    }

    /// Keeps an out-of-order frame in a free slot, if it is within reach and can be held.
    fn hold(&mut self, seq: u16, expected: u16, msg: &Message<'_>) {
        let ahead = usize::from(seq.wrapping_sub(expected));
        if self.slots.iter().flatten().any(|(q, _)| *q == seq) {
            bump(&mut self.stats.duplicates);
            return;
        }
        let free = self.slots.iter_mut().find(|s| s.is_none());
        match (ahead <= R, free, Held::of(msg)) {
            (true, Some(slot), Some(held)) => {
                *slot = Some((seq, held));
                bump(&mut self.stats.held);
            }
            _ => bump(&mut self.stats.out_of_order),
        }
    }

    /// Hands held frames that are now in order to the application, while it has room.
    fn release(&mut self, room: u8, app: &mut impl FnMut(Event<'_>) -> Verdict) -> u8 {
        let mut handed = 0u8;
        while handed < room {
            let State::Synced { expected, .. } = self.state else {
                break;
            };
            let Some(slot) = self
                .slots
                .iter_mut()
                .find(|s| matches!(s, Some((q, _)) if *q == expected))
            else {
                break;
            };
            let Some((seq, held)) = slot.take() else {
                break;
            };
            let verdict = app(held.event());
            self.delivered(seq, verdict);
            self.ack_due = true;
            handed = handed.saturating_add(1);
        }
        handed
    }

    /// Books frame `seq` (the expected one) as handed over with `verdict`.
    fn delivered(&mut self, seq: u16, verdict: Verdict) {
        let State::Synced { stream, .. } = self.state else {
            return;
        };
        bump(&mut self.stats.delivered);
        let reason = match verdict {
            Verdict::Accepted => None,
            Verdict::Rejected => {
                bump(&mut self.stats.rejected);
                Some(NakReason::Rejected)
            }
            Verdict::Unsupported => {
                bump(&mut self.stats.unsupported);
                Some(NakReason::Unsupported)
            }
        };
        if let Some(reason) = reason {
            // A refusal outranks a pending gap report: it is news the host cannot recover.
            self.nak = Some(Nak { seq, reason });
        }
        self.state = State::Synced {
            stream,
            expected: seq.wrapping_add(1),
        };
        self.resume = Some(Resume { stream, seq });
    }

    /// Bit i set: the frame `expected + 1 + i` is held.
    fn held_bits(&self, expected: u16) -> u8 {
        self.slots
            .iter()
            .flatten()
            .map(|(q, _)| q.wrapping_sub(expected))
            .filter(|off| (1..=8).contains(off))
            .fold(0u8, |bits, off| bits | (1u8 << off.saturating_sub(1)))
    }

    /// Something arrived damaged. If it was the frame we wait for, asking now saves the host a
    /// timeout.
    fn fault(&mut self, _fault: Fault, now_ms: u64) {
        if let State::Synced { expected, .. } = self.state {
            self.gap(expected, now_ms);
        }
    }

    fn gap(&mut self, expected: u16, now_ms: u64) {
        let recent = matches!(self.last_gap_nak,
            Some((seq, at)) if seq == expected && now_ms.saturating_sub(at) < NAK_HOLDOFF_MS);
        if !recent && self.nak.is_none() {
            self.nak = Some(Nak {
                seq: expected,
                reason: NakReason::Gap,
            });
            self.last_gap_nak = Some((expected, now_ms));
        }
    }

    fn transmit(&mut self, now_ms: u64, room: u8, out: &mut [u8]) -> usize {
        let credits = room.min(self.config.window);
        if credits > 0 && self.dropped_for_room {
            // The window reopened after frames were dropped: ask for them again.
            if let State::Synced { expected, .. } = self.state {
                self.dropped_for_room = false;
                self.nak.get_or_insert(Nak {
                    seq: expected,
                    reason: NakReason::Gap,
                });
            }
        }
        if credits > 0 && self.advertised == 0 && matches!(self.state, State::Synced { .. }) {
            self.ack_due = true; // a window update
        }
        let since = self.last_hello.map(|at| now_ms.saturating_sub(at));
        let asked = self.hello_due && since.is_none_or(|s| s >= HELLO_MIN_SPACING_MS);
        let send_hello = match self.state {
            // Unprompted while unsynchronised; when synchronised, only if asked (a Ping from
            // another host, or a Sync for an earlier boot).
            State::Unsynced => asked || since.is_none_or(|s| s >= HELLO_INTERVAL_MS),
            State::Synced { .. } => asked,
        };
        let mut w = Writer { out, len: 0 };
        if send_hello {
            let hello = Message::Hello(Hello {
                schema: SCHEMA_HASH,
                boot: self.boot,
                display: self.config.display,
                max_record: self.config.max_record,
                window: self.config.window,
                resume: self.resume,
            });
            if w.frame(&mut self.tx_seq, &hello) {
                self.hello_due = false;
                self.last_hello = Some(now_ms);
                bump(&mut self.stats.hellos_sent);
            }
        }
        if let Some(nonce) = self.pong
            && w.frame(&mut self.tx_seq, &Message::Pong(nonce))
        {
            self.pong = None;
            bump(&mut self.stats.pongs_sent);
        }
        if let Some(nak) = self.nak
            && w.frame(&mut self.tx_seq, &Message::Nak(nak))
        {
            self.nak = None;
            bump(&mut self.stats.naks_sent);
        }
        if let (true, State::Synced { expected, .. }) = (self.ack_due, self.state) {
            let ack = Ack {
                seq: expected.wrapping_sub(1),
                credits,
                held: self.held_bits(expected),
            };
            if w.frame(&mut self.tx_seq, &Message::Ack(ack)) {
                self.ack_due = false;
                self.advertised = credits;
                bump(&mut self.stats.acks_sent);
            }
        }
        w.len
    }
}

/// Appends frames to an output buffer, with one leading delimiter before the first.
struct Writer<'o> {
    out: &'o mut [u8],
    len: usize,
}

impl Writer<'_> {
    fn frame(&mut self, tx_seq: &mut u16, msg: &Message<'_>) -> bool {
        let start = if self.len == 0 {
            match self.out.first_mut() {
                Some(lead) => *lead = DELIMITER,
                None => return false,
            }
            1
        } else {
            self.len
        };
        let Some(dest) = self.out.get_mut(start..) else {
            return false;
        };
        match frame::encode(*tx_seq, msg, dest) {
            Ok(n) => {
                self.len = start.saturating_add(n);
                *tx_seq = tx_seq.wrapping_add(1);
                true
            }
            Err(_) => false,
        }
    }
}

/// The longest record, at most `wanted`, whose frame fits a receive buffer of `buffer` bytes
/// (0 if not even an empty one does).
fn fitting_record(wanted: u16, buffer: usize) -> u16 {
    let fits = |r: u16| frame::frame_capacity(usize::from(r)) <= buffer;
    let mut record = wanted;
    // Each step removes at least the excess, so this ends within a few rounds...
    while record > 0 && !fits(record) {
        let excess = frame::frame_capacity(usize::from(record)).saturating_sub(buffer);
        record = record.saturating_sub(u16::try_from(excess).unwrap_or(u16::MAX));
    }
    // ...and may overshoot by COBS's per-254-byte byte: take back what still fits.
    while record > 0 && record < wanted && fits(record.saturating_add(1)) {
        record = record.saturating_add(1);
    }
    if fits(record) { record } else { 0 }
}

fn bump(counter: &mut u32) {
    *counter = counter.wrapping_add(1);
}
