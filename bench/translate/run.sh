#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end benchmark of `bittern translate` on 10,000 recipe files (release build):
#   cmake --preset release && cmake --build build/release --target bittern bench_translate
#   bench/translate/run.sh [build/release]
set -euo pipefail
build=${1:-build/release}
bin=$build/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/recipes"
"$bin/bench_translate"
"$bin/bench_translate" --write "$work/recipes"
for target in jenkins buildbot; do
    for run in 1 2 3; do
        rm -rf "$work/out"
        /usr/bin/time -f "$target run $run: %e s wall, %M KiB max RSS" \
            "$bin/bittern" translate --to "$target" -o "$work/out" "$work/recipes" 2>&1 >/dev/null |
            grep -v '^bittern translate: config-' || true
    done
done
