#!/usr/bin/env bash
# Every test: install what is missing (Chromium and Node packages for the
# browser test included), build, run the CTest suites, then the browser test.
# Usage: scripts/test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh" --browser
"$root/scripts/build.sh" "$root/build"
# Node packages first: the SARIF tests validate against the official schema
# shipped in one of them.
"$root/scripts/browser-test.sh" --install-only
(cd "$root/build" && ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)")
if [[ -f "$root/tests/browser/package.json" ]]; then
  "$root/scripts/browser-test.sh" "$root/build/crosscheck"
fi
