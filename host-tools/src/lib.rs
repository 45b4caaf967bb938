//! Library side of the `alert-digest` command: the parts integration tests and benchmarks use.

pub mod link;
pub mod qemu;
