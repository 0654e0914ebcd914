#!/usr/bin/env bash
# Smoke-runs every fuzz target briefly (about 30 s of fuzzing in all, plus build time).
#   scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]      default 4
# Skips (exit 0, with a message) when this machine cannot build a libFuzzer binary with swiftc
# (no toolchain, or a toolchain without -sanitize=fuzzer, as on macOS with Xcode's Swift).
# Exits 1 when any target finds a crash, hang or out-of-memory; its reproducer is in fuzz-out/TARGET/crashes/.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
seconds=${1:-4}
SWIFTC=${SWIFTC:-swiftc}

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
cat > "$probe/probe.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput") public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
SWIFT
if ! command -v "$SWIFTC" >/dev/null 2>&1 \
    || ! "$SWIFTC" -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1 \
    || ! "$probe/probe" -runs=1 >/dev/null 2>&1; then
    echo "fuzz-smoke: skipped: $SWIFTC cannot build a libFuzzer binary on this machine (-sanitize=fuzzer,address)"
    exit 0
fi

failed=()
for target in $(scripts/fuzz.sh --list); do
    log=$(mktemp)
    if scripts/fuzz.sh "$target" "$seconds" > "$log" 2>&1; then
        echo "fuzz-smoke: $target: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') executions)"
    else
        echo "fuzz-smoke: $target: FAILED"
        grep -E 'ERROR|Fatal error|fuzz invariant|SUMMARY|Test unit written|fuzz.sh:' "$log" | head -20
        failed+=("$target")
    fi
    rm -f "$log"
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz-smoke: failures in: ${failed[*]}"
    exit 1
fi
echo "fuzz-smoke: all targets ran clean"
