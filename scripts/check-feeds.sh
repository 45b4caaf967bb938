#!/usr/bin/env bash
# Data-check for issue 6 (feeds and store) over the development data in ../shared/data:
# records produced per feed, digests within budget, NWS event name / first area / end time kept
# at 48 bytes, USGS digests identical to the feed's title, and the seed article's digests.
# Prints the figures (as in BENCHMARKS.md) and fails if any falls below what was reached.
# Skips cleanly (exit 0) when the data folder is absent, as in a fresh clone.
#
# Usage: scripts/check-feeds.sh [DATA_DIR]   (default: ../shared/data beside the repository)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${ALERT_DIGEST_DATA:-$repo/../shared/data}}"
if [ ! -d "$data" ]; then
    echo "check-feeds: no development data at $data; skipped"
    exit 0
fi
export ALERT_DIGEST_DATA="$(cd "$data" && pwd)"
cd "$repo"
nice -n 10 cargo test -p alert-digest-host --test ingest_devdata -- --nocapture --test-threads 1
