#!/bin/sh
# Builds every product in release mode (pioneer-bench times the release `pioneer` next to it),
# then runs the benchmark from the package root. Arguments go to pioneer-bench, e.g.
#   scripts/bench.sh --quick --json bench.json
set -eu
cd "$(dirname "$0")/.."
swift build -c release
exec .build/release/pioneer-bench "$@"
