#!/usr/bin/env bash
# Fuzzes the runtime (runtime/tests/fuzz.rs) for a while and reports its rate:
#   scripts/fuzz.sh [seconds, default 600] [first seed, default from the clock]
# A failure prints `FUZZ_SEED=<seed> fails: ...`; `scripts/fuzz.sh 0 <seed>` replays that campaign.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$repo_root"

export FUZZ_SECONDS="${1:-600}"
export FUZZ_SEED="${2:-$(date +%s)}"
echo "fuzzing for ${FUZZ_SECONDS} s from seed ${FUZZ_SEED}"
# The workspace, not `-p ghostchain-runtime`, so that features unify as in the test suite and
# nothing is rebuilt.
cargo test --release --locked --workspace --test fuzz -- --nocapture
