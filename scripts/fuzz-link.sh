#!/usr/bin/env bash
# Fuzzes the link's frame receiver and board session (fuzz/fuzz_targets/frame_receiver.rs)
# for a bounded time. Needs the nightly toolchain (cargo-fuzz uses sanitizer flags stable
# does not take); installs it, and cargo-fuzz from crates.io, when missing.
#
#   scripts/fuzz-link.sh [SECONDS]     default 60
#
# Exit status: 0 no crash found; non-zero a crash (the input is in fuzz/artifacts/) or a
# missing toolchain.
set -euo pipefail

seconds="${1:-60}"
cd "$(dirname "$0")/.."

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz-link: installing the nightly toolchain" >&2
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz-link: installing cargo-fuzz" >&2
    cargo +nightly install cargo-fuzz --locked
fi

# Seeds: a few valid frames, so the fuzzer starts inside the format instead of outside it.
corpus=fuzz/corpus/frame_receiver
mkdir -p "$corpus"
# (The bytes of tests/link_frame.rs's worked examples, protocol version 2 with parity.)
printf '\x00\x09\x02\x02\x01\x06\xd4\x45\x6c\x8d\x07\x22\x76\x97\xc0\x48\x35\x00' >"$corpus/seed-clear"
printf '\x02\x02\x01\x05\x0a\x84\x06\x04\x05\x0a\xf3\xac\x1d\x07\xa4\x06\x8b\xa1\x5d\x10\x00' >"$corpus/seed-ack"

cd fuzz
exec cargo +nightly fuzz run frame_receiver -- \
    -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 -print_final_stats=1
