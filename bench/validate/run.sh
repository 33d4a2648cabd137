#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `bittern validate` over 10,000 generated recipes against a minidom parse of the same files.
# usage: bench/validate/run.sh [BUILD_DIR]   (default build/release, else build/dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
[[ -x $build/bin/bittern ]] || build=build/dev
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/bin/bench_validate_generate" "$out/recipes" 10000
du -sh "$out/recipes"
# Exit status 1 is expected: about one recipe in ten carries a deliberate mistake.
hyperfine --runs 5 --warmup 1 -i --export-json "$out/result.json" \
    "$build/bin/bittern validate $out/recipes/*.xml > /dev/null" \
    "python3 bench/validate/peer_minidom.py $out/recipes/*.xml"
python3 - "$out/result.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("median %.3f s  (min %.3f, max %.3f, %d runs)  %s"
          % (r["median"], r["min"], r["max"], len(r["times"]), r["command"]))
PY
