#!/usr/bin/env bash
# Builds one libFuzzer target and runs it.
#
#   scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options...]   build, seed and fuzz (default 60 s)
#   scripts/fuzz.sh --build TARGET                             build only; prints the binary's path
#   scripts/fuzz.sh --list                                     the targets
#
# Targets: inflate text zip docx pdf rules assess (see docs/fuzzing.md).
# Everything goes under $FUZZ_OUT (default fuzz-out/): build/ (objects and binaries), TARGET/seeds
# (regenerated each run), TARGET/corpus (grows across runs), TARGET/crashes (reproducers: crash-*,
# timeout-*, oom-*). Exit status: 0 when no crash was found, libFuzzer's status otherwise.
#
# The fuzzers are built outside SwiftPM: each package module is compiled with swiftc into one object
# and a .swiftmodule (instrumented with -sanitize=fuzzer,address), then the harness in Fuzz/ is linked
# against those objects and libFuzzer. Modules are rebuilt only when one of their sources changed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${FUZZ_OUT:-$ROOT/fuzz-out}
BUILD=$OUT/build
SHARED_CORPUS=${PIONEER_SHARED_CORPUS:-$ROOT/../shared/corpus}
SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-parse-as-library -O -gline-tables-only -swift-version 6 -enable-testing -sanitize=fuzzer,address -I "$BUILD" -I Sources/CZlib)
TARGETS=(inflate text zip docx pdf rules assess)

die() { echo "fuzz.sh: $*" >&2; exit 2; }
quiet() { grep -v "Cannot export local symbol" >&2 || true; }

# The package modules a target links, in dependency order.
modules_for() {
    case $1 in
        inflate|text|zip|docx|pdf) echo "PioneerDocuments" ;;
        rules) echo "PioneerText PioneerRules" ;;
        assess) echo "PioneerText PioneerRules PioneerDocuments PioneerAssessment" ;;
        *) die "unknown target '$1' (targets: ${TARGETS[*]})" ;;
    esac
}

# The package modules a module imports (as in Package.swift).
dependencies_of() {
    case $1 in
        PioneerRules) echo "PioneerText" ;;
        PioneerAssessment) echo "PioneerText PioneerRules PioneerDocuments" ;;
    esac
}

harness_for() {
    case $1 in
        inflate) echo Fuzz/InflateFuzz.swift ;; text) echo Fuzz/TextFuzz.swift ;;
        zip) echo Fuzz/ZipFuzz.swift ;; docx) echo Fuzz/DOCXFuzz.swift ;;
        pdf) echo Fuzz/PDFFuzz.swift ;; rules) echo Fuzz/RulesFuzz.swift ;;
        assess) echo Fuzz/AssessFuzz.swift ;;
    esac
}

max_len_for() {
    case $1 in
        inflate|text|rules) echo 65536 ;;
        # docx: seeds from real documents run to 300 KiB; at 64 KiB their later parts (styles,
        # numbering, app properties, after the NUL bytes) were cut off.
        zip|docx|assess) echo 262144 ;;
        pdf) echo 131072 ;;
    esac
}

# Compiles module $1 unless its object is newer than its sources and than the modules before it ($2...).
build_module() {
    local name=$1 object=$BUILD/$1.o dep; shift
    local stale=0
    [[ -f $object ]] || stale=1
    [[ -n $(find "Sources/$name" -name '*.swift' -newer "$object" 2>/dev/null) ]] && stale=1
    for dep in "$@"; do [[ $BUILD/$dep.o -nt $object ]] && stale=1; done
    [[ $stale -eq 1 ]] || return 0
    echo "fuzz.sh: compiling $name" >&2
    local sources=(); while IFS= read -r file; do sources+=("$file"); done < <(find "Sources/$name" -name '*.swift' | sort)
    "$SWIFTC" "${FLAGS[@]}" -wmo -c -module-name "$name" -emit-module -emit-module-path "$BUILD/$name.swiftmodule" \
        "${sources[@]}" -o "$object.tmp" 2>&1 | quiet
    [[ ${PIPESTATUS[0]} -eq 0 ]] || die "cannot compile $name"
    mv "$object.tmp" "$object"
}

build_target() {
    local target=$1 objects=() support=()
    mkdir -p "$BUILD"
    # Objects built with other flags or another compiler are stale.
    local stamp; stamp="$("$SWIFTC" --version 2>&1 | head -1) ${FLAGS[*]}"
    if [[ ! -f $BUILD/flags ]] || [[ $(cat "$BUILD/flags") != "$stamp" ]]; then
        rm -f "$BUILD"/*.o; printf '%s' "$stamp" > "$BUILD/flags"
    fi
    for module in $(modules_for "$target"); do
        # shellcheck disable=SC2046
        build_module "$module" $(dependencies_of "$module")
        objects+=("$BUILD/$module.o")
    done
    [[ $target == rules ]] || support=(Fuzz/Support/*.swift)
    echo "fuzz.sh: linking fuzz-$target" >&2
    "$SWIFTC" "${FLAGS[@]}" -module-name "Fuzz_$target" "$(harness_for "$target")" "${support[@]}" "${objects[@]}" \
        -lz -o "$BUILD/fuzz-$target" 2>&1 | quiet
    [[ ${PIPESTATUS[0]} -eq 0 ]] || die "cannot link fuzz-$target"
}

# Copies files matching the globs into the seed folder, prefixing each with byte $prefix when given.
add_seeds() {
    local dir=$1 prefix=$2; shift 2
    local file
    for file in "$@"; do
        [[ -f $file ]] || continue
        local name; name=$(basename "$file")
        if [[ -n $prefix ]]; then { printf "$prefix"; cat "$file"; } > "$dir/$prefix-$name"; else cp "$file" "$dir/$name"; fi
    done
}

make_seeds() {
    local target=$1 dir=$OUT/$1/seeds
    rm -rf "$dir"; mkdir -p "$dir"
    case $target in
        inflate) bash Fuzz/make-seeds.sh inflate "$dir" ;;
        text)
            add_seeds "$dir" '\x00' submissions/*.txt ../shared/seeds/*.txt
            add_seeds "$dir" '\x01' submissions/*.md rules/README.md README.md docs/*.md
            bash Fuzz/make-seeds.sh text "$dir" ;;
        zip) add_seeds "$dir" '' submissions/*.docx "$SHARED_CORPUS"/docx/*.docx
            bash Fuzz/make-seeds.sh zip "$dir" ;;
        docx) bash Fuzz/make-seeds.sh docx "$dir" submissions/*.docx "$SHARED_CORPUS"/docx/*.docx ;;
        pdf) add_seeds "$dir" '' submissions/*.pdf
            find "$SHARED_CORPUS/pdf" -name "*.pdf" -size -128k -exec cp {} "$dir" \; 2>/dev/null || true
            bash Fuzz/make-seeds.sh pdf "$dir" ;;
        rules) add_seeds "$dir" '' rules/*.rules Tests/PioneerRulesTests/Fixtures/*.rules
            bash Fuzz/make-seeds.sh rules "$dir" ;;
        assess) add_seeds "$dir" '' submissions/*.pdf submissions/*.docx submissions/*.txt
            add_seeds "$dir" '#' submissions/*.md
            find "$SHARED_CORPUS/pdf" -name '*.pdf' -size -256k -exec cp {} "$dir" \; 2>/dev/null || true ;;
    esac
    [[ -n $(ls -A "$dir") ]] || printf 'seed\n' > "$dir/minimal"
}

run_target() {
    local target=$1 seconds=$2; shift 2
    build_target "$target"
    make_seeds "$target"
    mkdir -p "$OUT/$target/corpus" "$OUT/$target/crashes"
    local dict=() 
    [[ -f Fuzz/dicts/$target.dict ]] && dict=(-dict="Fuzz/dicts/$target.dict")
    echo "fuzz.sh: fuzzing $target for ${seconds}s; reproducers go to $OUT/$target/crashes/" >&2
    # The Swift runtime's own backtracer trips ASan on a trap; libFuzzer reports the trap instead.
    SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no} ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1} \
    "$BUILD/fuzz-$target" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$(max_len_for "$target")" \
        -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$OUT/$target/crashes/" "${dict[@]}" "$@" \
        "$OUT/$target/corpus" "$OUT/$target/seeds"
}

case ${1:-} in
    ""|-h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --list) printf '%s\n' "${TARGETS[@]}" ;;
    --build) [[ -n ${2:-} ]] || die "--build needs a target"; build_target "$2"; echo "$BUILD/fuzz-$2" ;;
    *) target=$1; seconds=${2:-60}; shift; [[ $# -gt 0 ]] && shift; modules_for "$target" >/dev/null
       run_target "$target" "$seconds" "$@" ;;
esac
