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
# A fresh output directory per run, all deleted only at the end: on ext4 without a journal
# (this VM), creating files right after deleting thousands makes the kernel skip every
# recently deleted inode (recently_deleted() in find_inode_bit), which made runs after
# `rm -rf` 3-8x slower and is not what a user translating into a new directory sees.
for run in 1 2 3 4 5; do
    for target in jenkins buildbot jenkins,buildbot; do
        /usr/bin/time -f "$target run $run: %e s wall, %U s user, %S s sys, %M KiB max RSS" \
            "$bin/bittern" translate --to "$target" -o "$work/out-$run/${target/,/+}" "$work/recipes" \
            2>&1 >/dev/null |
            grep -v '^bittern translate: config-' || true
    done
done
