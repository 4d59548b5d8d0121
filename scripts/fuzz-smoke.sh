#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cc) with clang, ASan and
# UBSan into build-fuzz/, then runs each for a short while on a copy of its
# seed corpus (tests/fuzz/corpus/<target>/; the repository stays clean).
# Exits non-zero on the first crash, leak or timeout and prints the
# reproducer: rerun it with `build-fuzz/<target> <file>`.
#
# Usage: scripts/fuzz-smoke.sh [SECONDS_PER_TARGET] [TARGET...]
#   FUZZ_SECONDS (default 60) also sets the time per target;
#   FUZZ_BUILD_DIR (default build-fuzz/) the build directory;
#   FUZZ_BUILD_TYPE (default Debug): RelWithDebInfo runs the RE2-heavy
#     targets 100x faster, for campaigns long enough to plateau;
#   FUZZ_CORPUS_DIR: keep each target's corpus in DIR/<target> across runs
#     (seeded from tests/fuzz/corpus) instead of a throwaway copy.
# Long campaign, as measured in the notes:
#   FUZZ_BUILD_TYPE=RelWithDebInfo FUZZ_BUILD_DIR=/tmp/build-fuzz-long \
#     FUZZ_CORPUS_DIR=/tmp/fuzzcorp scripts/fuzz-smoke.sh 300
# Idempotent: missing clang runtimes come from scripts/deps.sh --fuzz; a
# second run only rebuilds what changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

seconds=${FUZZ_SECONDS:-60}
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi

"$root/scripts/deps.sh" --fuzz

build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=$(nproc 2>/dev/null || echo 2)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCROSSCHECK_FUZZ=ON \
  -DCROSSCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE="${FUZZ_BUILD_TYPE:-Debug}" \
  -DCROSSCHECK_BENCH=OFF \
  >/dev/null

if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  targets=()
  for src in "$root"/tests/fuzz/*_fuzz.cc; do
    targets+=("$(basename "$src" .cc)")
  done
fi
cmake --build "$build" -j"$jobs" --target "${targets[@]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=0
for t in "${targets[@]}"; do
  if [[ -n "${FUZZ_CORPUS_DIR:-}" ]]; then
    corpus="$FUZZ_CORPUS_DIR/$t"
  else
    corpus="$work/$t/corpus"
  fi
  artifacts="$work/$t/artifacts"
  mkdir -p "$corpus" "$artifacts"
  if [[ -d "$root/tests/fuzz/corpus/$t" ]]; then
    cp -n "$root/tests/fuzz/corpus/$t"/* "$corpus"/ 2>/dev/null || true
  fi
  # Rule matching costs grow with the input: short inputs explore more.
  case $t in
    extract_fuzz | segment_fuzz | rules_fuzz | normalize_fuzz) max_len=4096 ;;
    *) max_len=65536 ;;
  esac
  log="$work/$t/log"
  echo "== $t (${seconds}s, inputs up to $max_len bytes)"
  if "$build/$t" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
      -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$corpus" >"$log" 2>&1; then
    # The last status line: executions, coverage, features.
    grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true
    grep -E 'stat::number_of_executed_units' "$log" || true
  else
    failed=1
    echo "fuzz-smoke: $t FAILED" >&2
    grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" >&2 || true
    for f in "$artifacts"/*; do
      [[ -e "$f" ]] || continue
      keep="$build/crashes/$t-$(basename "$f")"
      mkdir -p "$build/crashes"
      cp "$f" "$keep"
      echo "fuzz-smoke: reproducer: $keep" >&2
      echo "fuzz-smoke: rerun: $build/$t $keep" >&2
      echo "fuzz-smoke: bytes (base64): $(head -c 2048 "$f" | base64 -w0)" >&2
    done
    tail -40 "$log" >&2
  fi
done
exit $failed
