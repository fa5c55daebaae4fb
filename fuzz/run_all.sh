#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), JOBS at a time (default 2),
# at low priority, after seeding the corpora from fixtures/. Logs go to
# fuzz/logs/<target>.log; crashes land in fuzz/artifacts/<target>/.
# Needs a nightly toolchain and cargo-fuzz. Run from anywhere: fuzz/run_all.sh 600 4
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
jobs="${2:-2}"
./seed.sh
mkdir -p logs
cargo +nightly fuzz build
run() {
    local target="$1"
    nice -n 19 cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -timeout=10 \
        > "logs/$target.log" 2>&1 && echo "ok     $target" || echo "FAILED $target (see fuzz/logs/$target.log)"
}
export -f run
export seconds
xargs -P "$jobs" -I{} bash -c 'run {}' < targets.txt
