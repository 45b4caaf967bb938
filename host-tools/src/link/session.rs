//! The host's side of a link session, as a state machine without I/O or a clock: the caller
//! feeds received bytes and the time, and collects bytes to send. The same code runs over a
//! serial port, a socket (see [`super::transport`]) and the simulated wire ([`super::sim`]).
//!
//! Selective repeat over cumulative acknowledgements: the host keeps every data frame until the
//! board acknowledges it; a Nak (gap) or a timeout sends again from the first unacknowledged
//! frame, skipping those the board's Ack says it holds, and each timeout doubles the next
//! (backoff), up to [`HostConfig::max_rto`]. The window is
//! the smaller of the board's window and the credits of its last Ack. After a board reset (a
//! Hello with a new boot id) the host drops what the board's retained [`Resume`] says was
//! delivered, synchronises, and sends the rest again under the same sequence numbers.

use std::collections::VecDeque;
use std::time::Duration;

use alert_digest::link::frame::{Receiver, RxStats};
use alert_digest::link::session::seq_after;
use alert_digest::link::{
    Ack, DELIMITER, Hello, MAX_WIRE_FRAME, Message, Nak, NakReason, Ping, Received, Resume,
    SCHEMA_HASH, Sync, encode,
};

use super::Outgoing;

/// Ping interval while no board has said Hello: quick, so a board that is already running and
/// synchronised to an earlier host answers at once.
const WAITING_PING: Duration = Duration::from_millis(200);
/// Frames assumed in flight when the first timeout is set from the line rate.
const RTO_FRAMES: u32 = 8;
/// Bytes of a typical digest frame, for the same estimate.
const RTO_FRAME_BYTES: u32 = 100;

/// On a line of known rate, frames are handed to the transport only this far ahead of the
/// wire (or two frames' time, if longer), so a go-back takes effect at once instead of after
/// a window of stale frames queued in the operating system's buffer.
const PACE_AHEAD: Duration = Duration::from_millis(10);

/// Timing of the host's side.
#[derive(Clone, Copy, Debug)]
pub struct HostConfig {
    /// Bytes per second the line carries (baud / 10 for 8N1), when known. It sets the first
    /// timeout and tells when the line has gone idle (then a frame gets a leading delimiter).
    pub line_rate: Option<u32>,
    /// Send a Ping after this long without sending anything.
    pub heartbeat: Duration,
    /// Bounds of the retransmission timeout.
    pub min_rto: Duration,
    pub max_rto: Duration,
}

impl HostConfig {
    /// A UART at `baud` (8N1: ten bits a byte).
    pub fn serial(baud: u32) -> Self {
        let rate = (baud / 10).max(1);
        // Four maximal digest frames must fit in the smallest timeout, or a full window on a
        // slow line would time out while still being sent.
        let four_frames = Duration::from_secs_f64(4.0 * 220.0 / f64::from(rate));
        let min_rto = four_frames.max(Duration::from_millis(20));
        Self {
            line_rate: Some(rate),
            heartbeat: Duration::from_secs(1),
            min_rto,
            // Two seconds, unless the line is so slow that four frames take longer (below
            // about 4400 baud): the bounds must stay ordered.
            max_rto: Duration::from_secs(2).max(min_rto),
        }
    }

    /// A socket to an emulator: no line rate, latency unknown.
    pub fn socket() -> Self {
        Self {
            line_rate: None,
            heartbeat: Duration::from_secs(1),
            min_rto: Duration::from_millis(100),
            max_rto: Duration::from_secs(2),
        }
    }

    fn first_rto(&self) -> Duration {
        let estimate = match self.line_rate {
            Some(rate) => Duration::from_secs_f64(
                f64::from(2 * RTO_FRAMES * RTO_FRAME_BYTES) / f64::from(rate),
            ),
            None => Duration::from_millis(250),
        };
        estimate.clamp(self.min_rto, self.max_rto)
    }
}

/// What happened, for the caller to report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// The first Hello from a board.
    Connected(Hello),
    /// A Hello with a new boot id: the board reset.
    BoardReset(Hello),
    /// The board was built from another message layout; nothing will be sent to it.
    SchemaMismatch(Hello),
    /// The message queued with this tag was acknowledged.
    Delivered(u64),
    /// The board refused the message queued with this tag.
    Refused(u64, NakReason),
}

/// Counters of the host's side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HostStats {
    pub queued: u64,
    /// Every frame written, data or control.
    pub frames_sent: u64,
    /// Data frames written for the first time.
    pub data_sent: u64,
    /// Data frames written again.
    pub retransmits: u64,
    /// Timeouts (each one backs off).
    pub timeouts: u64,
    /// Go-backs on a Nak (gap).
    pub gobacks: u64,
    pub delivered: u64,
    pub refused: u64,
    /// Frames the board's Resume showed delivered though never acknowledged.
    pub resumed: u64,
    pub board_resets: u64,
    pub syncs_sent: u64,
    pub pings_sent: u64,
    pub pongs: u64,
    /// Acks for frames never sent (from an earlier host, or damaged in a way the CRC missed).
    pub stray_acks: u64,
    /// Frames only a host sends, arriving at the host.
    pub unexpected: u64,
    pub bytes_sent: u64,
    pub rtt_samples: u64,
    pub rtt_total: Duration,
    pub rtt_min: Option<Duration>,
    pub rtt_max: Option<Duration>,
    /// Frame-level faults seen on the board-to-host direction.
    pub rx: RxStats,
}

impl HostStats {
    pub fn rtt_mean(&self) -> Option<Duration> {
        u32::try_from(self.rtt_samples)
            .ok()
            .filter(|&n| n > 0)
            .map(|n| self.rtt_total / n)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// No Hello yet (or the board speaks another schema).
    Waiting,
    /// A Sync is due or sent, not yet acknowledged.
    Syncing {
        sent: Option<Duration>,
    },
    Ready,
}

#[derive(Debug)]
struct InFlight {
    seq: u16,
    tag: u64,
    /// The encoded frame (COBS and trailing delimiter).
    wire: Vec<u8>,
    last_sent: Duration,
    /// When the last copy will have left the host's end of the line (by the line model).
    left_at: Duration,
    sends: u32,
    refused: bool,
    /// The board holds it (Ack's `held` bits): do not send it again.
    held: bool,
}

/// The host's end of one link session.
pub struct HostSession {
    config: HostConfig,
    stream: u32,
    board: Option<Hello>,
    phase: Phase,
    waiting: VecDeque<(u64, Outgoing)>,
    unacked: VecDeque<InFlight>,
    /// Index into `unacked` of the next frame to send; `unacked.len()` when all are out.
    resend_from: usize,
    next_seq: u16,
    acked: u16,
    credits: u8,
    rto: Duration,
    srtt: Option<Duration>,
    rttvar: Duration,
    last_tx: Option<Duration>,
    line_busy_until: Duration,
    last_rx: Option<Duration>,
    ping: Option<(u32, Duration)>,
    nonce: u32,
    rx: Box<Receiver<MAX_WIRE_FRAME>>,
    events: VecDeque<HostEvent>,
    stats: HostStats,
}

impl HostSession {
    /// `stream` names this host's sequence numbers; pick it at random on every start.
    pub fn new(config: HostConfig, stream: u32) -> Self {
        Self {
            config,
            stream,
            board: None,
            phase: Phase::Waiting,
            waiting: VecDeque::new(),
            unacked: VecDeque::new(),
            resend_from: 0,
            next_seq: 0,
            acked: u16::MAX,
            credits: 0,
            rto: config.first_rto(),
            srtt: None,
            rttvar: Duration::ZERO,
            last_tx: None,
            line_busy_until: Duration::ZERO,
            last_rx: None,
            ping: None,
            nonce: 0,
            rx: Box::new(Receiver::new()),
            events: VecDeque::new(),
            stats: HostStats::default(),
        }
    }

    /// Queues a data message; [`HostEvent::Delivered`] with `tag` follows its acknowledgement.
    pub fn push(&mut self, tag: u64, msg: Outgoing) {
        self.stats.queued += 1;
        self.waiting.push_back((tag, msg));
    }

    /// The board's Hello, once one has arrived.
    pub fn board(&self) -> Option<&Hello> {
        self.board.as_ref()
    }

    pub fn is_ready(&self) -> bool {
        self.phase == Phase::Ready
    }

    /// Everything queued has been acknowledged or refused.
    pub fn is_idle(&self) -> bool {
        self.waiting.is_empty() && self.unacked.is_empty()
    }

    /// Messages not yet acknowledged (queued or in flight).
    pub fn outstanding(&self) -> usize {
        self.waiting.len() + self.unacked.len()
    }

    pub fn stats(&self) -> HostStats {
        HostStats {
            rx: *self.rx.stats(),
            ..self.stats
        }
    }

    pub fn rto(&self) -> Duration {
        self.rto
    }

    /// Time since the last good frame from the board.
    pub fn silent_for(&self, now: Duration) -> Option<Duration> {
        self.last_rx.map(|t| now.saturating_sub(t))
    }

    pub fn next_event(&mut self) -> Option<HostEvent> {
        self.events.pop_front()
    }

    /// The transport was reopened: forget a partial frame, and find out at once whether the
    /// board is still following us (Pong and Ack) or has reset (Hello).
    pub fn reconnected(&mut self) {
        self.rx.reset();
        self.ping = None;
        self.last_tx = None;
        self.line_busy_until = Duration::ZERO;
        self.resend_from = 0;
    }

    /// Feeds bytes received from the board.
    pub fn receive(&mut self, bytes: &[u8], now: Duration) {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (used, got) = self.rx.feed(rest);
            rest = rest.get(used..).unwrap_or_default();
            let msg = match got {
                Some(Received::Frame(frame)) => match frame.msg {
                    Message::Hello(h) => In::Hello(h),
                    Message::Ack(a) => In::Ack(a),
                    Message::Nak(n) => In::Nak(n),
                    Message::Pong(nonce) => In::Pong(nonce),
                    _ => In::Unexpected,
                },
                _ => continue,
            };
            self.last_rx = Some(now);
            match msg {
                In::Hello(h) => self.on_hello(h),
                In::Ack(a) => self.on_ack(a, now),
                In::Nak(n) => self.on_nak(n, now),
                In::Pong(nonce) => self.on_pong(nonce, now),
                In::Unexpected => self.stats.unexpected += 1,
            }
        }
    }

    /// Appends the bytes due now to `out`.
    pub fn transmit(&mut self, now: Duration, out: &mut Vec<u8>) {
        let start = out.len();
        match self.phase {
            Phase::Waiting => {
                let due = self
                    .ping
                    .is_none_or(|(_, at)| now.saturating_sub(at) >= WAITING_PING);
                if due && !matches!(self.board, Some(h) if h.schema != SCHEMA_HASH) {
                    self.send_ping(now, start, out);
                }
            }
            Phase::Syncing { sent } => {
                if sent.is_none_or(|at| now.saturating_sub(at) >= self.rto) {
                    self.send_sync(now, start, out);
                }
            }
            Phase::Ready => {
                self.check_timeout(now);
                self.send_data(now, start, out);
                let quiet = self
                    .last_tx
                    .is_none_or(|t| now.saturating_sub(t) >= self.config.heartbeat);
                // Out of credits with work waiting: probe, so a lost window update cannot stall.
                let blocked = self.next_to_send().is_some_and(|seq| !self.may_send(seq));
                let starved = blocked
                    && self
                        .last_tx
                        .is_none_or(|t| now.saturating_sub(t) >= self.rto);
                if quiet || starved {
                    self.send_ping(now, start, out);
                }
            }
        }
    }

    fn on_hello(&mut self, hello: Hello) {
        if hello.schema != SCHEMA_HASH {
            if self.board != Some(hello) {
                self.events.push_back(HostEvent::SchemaMismatch(hello));
            }
            self.board = Some(hello);
            self.phase = Phase::Waiting;
            return;
        }
        match self.board {
            Some(known) if known.boot == hello.boot => {
                // Our Sync was lost, or the board lost track of us: synchronise again.
                self.board = Some(hello);
                self.phase = Phase::Syncing { sent: None };
                return;
            }
            Some(_) => {
                self.stats.board_resets += 1;
                self.events.push_back(HostEvent::BoardReset(hello));
            }
            None => self.events.push_back(HostEvent::Connected(hello)),
        }
        self.board = Some(hello);
        if let Some(Resume { stream, seq }) = hello.resume
            && stream == self.stream
        {
            // Delivered before the reset, acknowledgement lost with it.
            let before = self.stats.delivered;
            self.pop_acked(seq, None);
            self.stats.resumed += self.stats.delivered - before;
        }
        self.phase = Phase::Syncing { sent: None };
        self.resend_from = 0;
        self.credits = 0;
        self.acked = self.first_unacked_seq().wrapping_sub(1);
        // The reset emptied the board's reorder slots.
        self.unacked.iter_mut().for_each(|f| f.held = false);
    }

    fn on_ack(&mut self, ack: Ack, now: Duration) {
        let last_sent = self.next_seq.wrapping_sub(1);
        if seq_after(ack.seq, last_sent) {
            self.stats.stray_acks += 1;
            return;
        }
        if matches!(self.phase, Phase::Syncing { sent: Some(_) }) {
            self.phase = Phase::Ready;
            self.resend_from = 0;
        }
        self.pop_acked(ack.seq, Some(now));
        if !seq_after(self.acked, ack.seq) {
            self.acked = ack.seq;
        }
        self.credits = ack.credits;
        let first_held = ack.seq.wrapping_add(2);
        for f in &mut self.unacked {
            let bit = f.seq.wrapping_sub(first_held);
            if bit < 8 && ack.held & (1 << bit) != 0 {
                f.held = true;
            }
        }
    }

    fn on_nak(&mut self, nak: Nak, now: Duration) {
        match nak.reason {
            NakReason::Gap => {
                // The board expects `seq`: everything before it arrived.
                self.pop_acked(nak.seq.wrapping_sub(1), Some(now));
                let Some(front) = self.unacked.front() else {
                    return;
                };
                // Ignore a Nak sent before our last copy of that frame had left (frames sent
                // before the go-back were still arriving out of order); one arriving later
                // can only be about that copy, since those frames left a whole frame earlier.
                let fresh = front.seq == nak.seq && self.resend_from > 0 && now >= front.left_at;
                if fresh {
                    self.resend_from = 0;
                    self.stats.gobacks += 1;
                }
            }
            reason @ (NakReason::Rejected | NakReason::Unsupported) => {
                if let Some(f) = self
                    .unacked
                    .iter_mut()
                    .find(|f| f.seq == nak.seq && !f.refused)
                {
                    f.refused = true;
                    self.stats.refused += 1;
                    self.events.push_back(HostEvent::Refused(f.tag, reason));
                }
            }
        }
    }

    fn on_pong(&mut self, nonce: u32, now: Duration) {
        self.stats.pongs += 1;
        if let Some((sent_nonce, at)) = self.ping
            && sent_nonce == nonce
        {
            self.sample_rtt(now.saturating_sub(at));
        }
    }

    /// Drops frames up to and including `seq` as delivered.
    fn pop_acked(&mut self, seq: u16, now: Option<Duration>) {
        let mut popped = 0usize;
        while let Some(front) = self.unacked.front() {
            if seq_after(front.seq, seq) {
                break;
            }
            let Some(done) = self.unacked.pop_front() else {
                break;
            };
            popped += 1;
            if let (Some(now), 1) = (now, done.sends) {
                // Karn: only frames sent once give a clean sample.
                self.sample_rtt(now.saturating_sub(done.last_sent));
            }
            if !done.refused {
                self.stats.delivered += 1;
                self.events.push_back(HostEvent::Delivered(done.tag));
            }
        }
        if popped > 0 {
            self.resend_from = self.resend_from.saturating_sub(popped);
            self.rto = self.computed_rto();
        }
    }

    fn sample_rtt(&mut self, rtt: Duration) {
        self.stats.rtt_samples += 1;
        self.stats.rtt_total += rtt;
        self.stats.rtt_min = Some(self.stats.rtt_min.map_or(rtt, |m| m.min(rtt)));
        self.stats.rtt_max = Some(self.stats.rtt_max.map_or(rtt, |m| m.max(rtt)));
        // RFC 6298.
        match self.srtt {
            None => {
                self.srtt = Some(rtt);
                self.rttvar = rtt / 2;
            }
            Some(srtt) => {
                let diff = srtt.abs_diff(rtt);
                self.rttvar = (self.rttvar * 3 + diff) / 4;
                self.srtt = Some((srtt * 7 + rtt) / 8);
            }
        }
        self.rto = self.computed_rto();
    }

    fn computed_rto(&self) -> Duration {
        match self.srtt {
            Some(srtt) => (srtt + self.rttvar * 4).clamp(self.config.min_rto, self.config.max_rto),
            None => self.config.first_rto(),
        }
    }

    fn check_timeout(&mut self, now: Duration) {
        let Some(front) = self.unacked.front() else {
            return;
        };
        if self.resend_from > 0 && now.saturating_sub(front.last_sent) >= self.rto {
            self.resend_from = 0;
            self.stats.timeouts += 1;
            // Trust nothing after a timeout: send everything unacknowledged again.
            self.unacked.iter_mut().for_each(|f| f.held = false);
            self.rto = (self.rto * 2).min(self.config.max_rto);
        }
    }

    fn first_unacked_seq(&self) -> u16 {
        self.unacked.front().map_or(self.next_seq, |f| f.seq)
    }

    /// The board's credits allow frame `seq` to be in flight now.
    fn may_send(&self, seq: u16) -> bool {
        let window = self.board.map_or(1, |h| h.window).min(self.credits);
        let ahead = seq.wrapping_sub(self.acked);
        ahead >= 1 && ahead <= u16::from(window)
    }

    /// The next frame to send: the first at or after `resend_from` the board does not hold,
    /// or a new one.
    fn next_to_send(&mut self) -> Option<u16> {
        while let Some(f) = self.unacked.get(self.resend_from) {
            if !f.held {
                return Some(f.seq);
            }
            self.resend_from += 1;
        }
        (!self.waiting.is_empty()).then_some(self.next_seq)
    }

    fn send_data(&mut self, now: Duration, start: usize, out: &mut Vec<u8>) {
        while let Some(seq) = self.next_to_send() {
            if !self.may_send(seq) || self.paced(now) {
                break;
            }
            if self.resend_from < self.unacked.len() {
                let lead = self.lead(now, start, out);
                let Some(f) = self.unacked.get_mut(self.resend_from) else {
                    break;
                };
                out.extend_from_slice(&f.wire);
                f.sends += 1;
                f.last_sent = now;
                let len = f.wire.len();
                self.resend_from += 1;
                self.stats.retransmits += 1;
                let left_at = self.sent(now, len + lead);
                if let Some(f) = self.unacked.get_mut(self.resend_from - 1) {
                    f.left_at = left_at;
                }
                continue;
            }
            let Some((tag, msg)) = self.waiting.pop_front() else {
                break;
            };
            let seq = self.next_seq;
            let mut wire = vec![0u8; MAX_WIRE_FRAME];
            let Ok(len) = encode(seq, &msg.message(), &mut wire) else {
                // Only a record over the protocol's limit can fail; the caller checks first.
                self.stats.refused += 1;
                self.events
                    .push_back(HostEvent::Refused(tag, NakReason::Rejected));
                continue;
            };
            wire.truncate(len);
            let lead = self.lead(now, start, out);
            out.extend_from_slice(&wire);
            self.next_seq = seq.wrapping_add(1);
            let left_at = self.sent(now, len + lead);
            self.unacked.push_back(InFlight {
                seq,
                tag,
                wire,
                last_sent: now,
                left_at,
                sends: 1,
                refused: false,
                held: false,
            });
            self.resend_from = self.unacked.len();
            self.stats.data_sent += 1;
        }
    }

    fn send_sync(&mut self, now: Duration, start: usize, out: &mut Vec<u8>) {
        let Some(board) = self.board else {
            return;
        };
        let sync = Message::Sync(Sync {
            stream: self.stream,
            boot: board.boot,
        });
        self.control(now, start, out, self.first_unacked_seq(), &sync);
        self.stats.syncs_sent += 1;
        self.phase = Phase::Syncing { sent: Some(now) };
    }

    fn send_ping(&mut self, now: Duration, start: usize, out: &mut Vec<u8>) {
        self.nonce = self.nonce.wrapping_add(1);
        let ping = Message::Ping(Ping {
            stream: self.stream,
            nonce: self.nonce,
        });
        self.control(now, start, out, self.next_seq, &ping);
        self.ping = Some((self.nonce, now));
        self.stats.pings_sent += 1;
    }

    fn control(&mut self, now: Duration, start: usize, out: &mut Vec<u8>, seq: u16, msg: &Message) {
        let mut buf = [0u8; 64];
        if let Ok(len) = encode(seq, msg, &mut buf) {
            let lead = self.lead(now, start, out);
            out.extend_from_slice(buf.get(..len).unwrap_or_default());
            self.sent(now, len + lead);
        }
    }

    /// Puts a delimiter before the first frame of a batch when the line may have been idle
    /// (so noise the board picked up meanwhile is cut off). Returns the bytes written.
    fn lead(&self, now: Duration, start: usize, out: &mut Vec<u8>) -> usize {
        let idle = self.config.line_rate.is_none() || now >= self.line_busy_until;
        if out.len() == start && idle {
            out.push(DELIMITER);
            1
        } else {
            0
        }
    }

    /// Books `bytes` written now; returns when they will have left (by the line model).
    fn sent(&mut self, now: Duration, bytes: usize) -> Duration {
        self.stats.frames_sent += 1;
        self.stats.bytes_sent += bytes as u64;
        self.last_tx = Some(now);
        if let Some(rate) = self.config.line_rate {
            let busy = Duration::from_secs_f64(bytes as f64 / f64::from(rate));
            self.line_busy_until = self.line_busy_until.max(now) + busy;
            self.line_busy_until
        } else {
            now
        }
    }

    /// The line already has enough queued: hold further frames back (see [`PACE_AHEAD`]).
    fn paced(&self, now: Duration) -> bool {
        let Some(rate) = self.config.line_rate else {
            return false;
        };
        let two_frames =
            Duration::from_secs_f64(2.0 * f64::from(RTO_FRAME_BYTES) / f64::from(rate));
        self.line_busy_until > now + PACE_AHEAD.max(two_frames)
    }
}

enum In {
    Hello(Hello),
    Ack(Ack),
    Nak(Nak),
    Pong(u32),
    Unexpected,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_lines_keep_their_timeout_bounds_ordered() {
        // Below about 4400 baud four frames take longer than the usual 2 s upper bound.
        for baud in [300, 1200, 2400, 4800, 9600, 115_200] {
            let config = HostConfig::serial(baud);
            assert!(config.min_rto <= config.max_rto, "{baud} baud");
            let rto = config.first_rto();
            assert!(
                rto >= config.min_rto && rto <= config.max_rto,
                "{baud} baud"
            );
        }
    }
}
