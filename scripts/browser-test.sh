#!/usr/bin/env bash
# The HTML report's browser test: runs CROSSCHECK_BIN on fixtures/corpus and
# fixtures/xss, opens the reports in headless Chromium and checks filters,
# anchors and escaping; saves reports/screenshot.png from the sample report.
# Usage: scripts/browser-test.sh [CROSSCHECK_BIN]   (default: build/crosscheck)
# Idempotent: Chromium and Node come from scripts/deps.sh --browser (installs
# only what is missing); node_modules is reinstalled from the lock file only
# when package.json or package-lock.json changed since the last install.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
install_only=0
if [[ "${1:-}" == "--install-only" ]]; then
  install_only=1
  shift
fi
bin=${1:-${CROSSCHECK_BIN:-$root/build/crosscheck}}
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [[ $install_only -eq 0 && ! -x "$bin" ]]; then
  echo "browser-test: no crosscheck binary at $bin (run scripts/build.sh)" >&2
  exit 2
fi

# Chromium and Node; a no-op when they are present.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 ||
   [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  "$root/scripts/deps.sh" --browser
fi

cd "$root/tests/browser"
# The lock file pins exact versions and integrity hashes; a download address,
# if one is ever recorded, must be the public npm registry.
if grep -o '"resolved": *"[^"]*"' package-lock.json 2>/dev/null |
   grep -v '"https://registry.npmjs.org/' >&2; then
  echo "browser-test: package-lock.json records a non-registry address" >&2
  exit 2
fi
# The stamp records which manifest the installed node_modules came from.
stamp=node_modules/.crosscheck-install-stamp
want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund >&2
  else
    npm install --no-audit --no-fund >&2
    want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  fi
  echo "$want" >"$stamp"
fi

# --install-only: the C++ suites read the SARIF schema from node_modules.
(( install_only )) && exit 0
CROSSCHECK_BIN="$bin" node --test report.test.mjs
