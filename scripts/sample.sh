#!/usr/bin/env bash
# The main job: install what is missing, build, and check the bundled sample
# corpus, writing every report format to out/sample/.
# Usage: scripts/sample.sh [CORPUS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh" "$root/build"
corpus=("$@")
(( ${#corpus[@]} )) || corpus=("$root/fixtures/corpus")
out="$root/out/sample"
set +e
"$root/build/crosscheck" check "${corpus[@]}" --out "$out" \
  --format json,html,sarif,md,text --fail-on never
rc=$?
set -e
echo "reports written to $out (crosscheck.json, .html, .sarif, .md, .txt)" >&2
exit $rc
