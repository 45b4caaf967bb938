//! The host's end of the link: its session, its transports (serial, unix, tcp) and the driver
//! that runs a session over one, and a simulated wire for tests and benchmarks.

pub mod outgoing;
pub mod session;
pub mod sim;
pub mod transport;

pub use outgoing::Outgoing;
pub use session::{HostConfig, HostEvent, HostSession, HostStats};
