#!/usr/bin/env bash
# Installs the Debian packages crosscheck needs, only those missing.
# Usage: scripts/deps.sh [--browser] [--fuzz]   (--browser adds Chromium +
# Node for the HTML report's browser test; --fuzz adds clang and its
# sanitizer/libFuzzer runtimes for scripts/fuzz-smoke.sh). Idempotent: a
# second run installs nothing.
set -euo pipefail

packages=(cmake g++ make pkg-config libre2-dev libabsl-dev nlohmann-json3-dev
          libgtest-dev libgmock-dev libgumbo-dev libbenchmark-dev
          libgoogle-perftools-dev
          python3 python3-jsonschema)
for arg in "$@"; do
  case "$arg" in
    --browser)
      packages+=(chromium)
      command -v node >/dev/null 2>&1 || packages+=(nodejs)
      command -v npm >/dev/null 2>&1 || packages+=(npm)
      ;;
    --fuzz)
      packages+=(clang libclang-rt-14-dev)
      ;;
    *)
      echo "deps: unknown option '$arg' (--browser, --fuzz)" >&2
      exit 2
      ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if (( ${#missing[@]} )); then
  echo "deps: installing ${missing[*]}" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
