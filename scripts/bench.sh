#!/usr/bin/env bash
# Throughput figures: builds Release, generates a corpus, prints the
# end-to-end `crosscheck extract --stats` figures on 1 and 2 threads (and
# checks that both outputs are byte-identical), then the benchmark tables.
#
#   scripts/bench.sh                 # 200 MB corpus, benchmarks at defaults
#   CORPUS_MB=20 BENCH_MB=5 scripts/bench.sh     # a quick run
#
# Environment: BUILD_DIR (default build-release), CORPUS_DIR (default
# $TMPDIR/crosscheck-corpus-<MB>, kept between runs), CORPUS_MB (200),
# CHECK_IDENTICAL (1: also compare the 1- and 2-thread outputs),
# BENCH_MB (sets CROSSCHECK_BENCH_MB for the benchmarks; unset = their own
# defaults: 100 MB for ingest, 20 MB for extract).
# The machine's load average is printed with each figure: on a shared
# machine, wall-clock throughput is only comparable at similar load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-release}
mb=${CORPUS_MB:-200}
corpus=${CORPUS_DIR:-${TMPDIR:-/tmp}/crosscheck-corpus-$mb}
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$jobs" --target crosscheck make_corpus \
  ingest_bench extract_bench

if [[ ! -f "$corpus/.complete" ]]; then
  rm -rf "$corpus"
  "$build/make_corpus" "$corpus" "$mb"
  touch "$corpus/.complete"
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
# Timed runs write to /dev/null (hashing would compete for the cores); the
# identity check runs again, hashing the output.
for threads in 1 2; do
  echo "== extract --threads $threads (load average $(load))"
  "$build/crosscheck" extract "$corpus" --threads "$threads" --stats >/dev/null
done
if [[ "${CHECK_IDENTICAL:-1}" == 1 ]]; then
  declare -A sums
  for threads in 1 2; do
    sums[$threads]=$("$build/crosscheck" extract "$corpus" \
                       --threads "$threads" | sha256sum | cut -d' ' -f1)
  done
  if [[ "${sums[1]}" == "${sums[2]}" ]]; then
    echo "outputs on 1 and 2 threads are byte-identical (sha256 ${sums[1]})"
  else
    echo "ERROR: outputs differ between 1 and 2 threads" >&2
    exit 1
  fi
fi

if [[ -n "${BENCH_MB:-}" ]]; then export CROSSCHECK_BENCH_MB=$BENCH_MB; fi
echo "== ingest_bench (load average $(load))"
"$build/ingest_bench"
echo "== extract_bench (load average $(load))"
"$build/extract_bench"
