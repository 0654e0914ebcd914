#!/bin/sh
# Builds every product in release mode (Swift runtime linked statically) (pioneer-bench times the release `pioneer` next to it),
# then runs the benchmark from the package root. Arguments go to pioneer-bench, e.g.
#   scripts/bench.sh --quick --json bench.json
set -eu
cd "$(dirname "$0")/.."
# --static-swift-stdlib: the whole-process figures time `pioneer` as installed (README), without the
# dynamic loader's symbol resolution for Foundation.
swift build -c release --static-swift-stdlib
exec .build/release/pioneer-bench "$@"
