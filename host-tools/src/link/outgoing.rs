//! What the host queues for the board: the data messages, owned.

use alert_digest::link::{Message, QuietHours, RecordJson, Update, WireDigest};

/// One data message waiting to be sent (and kept until acknowledged).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outgoing {
    Digest(WireDigest),
    /// Raw record JSON, at most the board's `max_record` bytes.
    Record(Vec<u8>),
    Update {
        id: u32,
        digest: WireDigest,
    },
    Cancel(u32),
    Clear,
    TimeSync(i64),
    Quiet(QuietHours),
}

impl Outgoing {
    pub fn message(&self) -> Message<'_> {
        match self {
            Outgoing::Digest(d) => Message::Digest(d.clone()),
            Outgoing::Record(json) => Message::Record(RecordJson(json)),
            Outgoing::Update { id, digest } => Message::Update(Update {
                id: *id,
                digest: digest.clone(),
            }),
            Outgoing::Cancel(id) => Message::Cancel(*id),
            Outgoing::Clear => Message::Clear,
            Outgoing::TimeSync(unix) => Message::TimeSync(*unix),
            Outgoing::Quiet(hours) => Message::Quiet(*hours),
        }
    }
}
