#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Streaming report readers vs Python's iterparse on the same files (docs/PERFORMANCE.md,
# Reports). Generates the files once into a scratch directory (deleted at the end), then runs
# ours and the peer alternately RUNS times (default 5) per file and prints the medians of wall
# time, the ratio of the medians and the range of the per-round ratios, and peak RSS.
# usage: bench/reports/run.sh [BUILD_DIR]   (default build/release; needs bench_reports)
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$src/build/release}/bin/bench_reports
runs=${RUNS:-5}
work=${REPORTS_DIR:-}
if [[ -z $work ]]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
[[ -f $work/junit-big.xml && -f $work/cobertura-big.xml ]] ||
    python3 "$src/bench/reports/gen_reports.py" "$work"
measure() { /usr/bin/time -f '%e %U %M' "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for kind in junit cobertura; do
    file=$work/$kind-big.xml
    ours=() peer=() ratios=() rss_ours=0 rss_peer=0
    for run in $(seq "$runs"); do
        read -r t u m < <(measure "$bin" "$kind" "$file")
        ours+=("$t") rss_ours=$((m > rss_ours ? m : rss_ours))
        read -r tp up mp < <(measure python3 "$src/bench/reports/parse_iter.py" "$kind" "$file")
        peer+=("$tp") rss_peer=$((mp > rss_peer ? mp : rss_peer))
        ratios+=("$(echo "$tp / $t" | bc -l)")
        echo "$kind round $run: ours $t s (user $u s), iterparse $tp s (user $up s)"
    done
    o=$(printf '%s\n' "${ours[@]}" | median)
    p=$(printf '%s\n' "${peer[@]}" | median)
    lo=$(printf '%s\n' "${ratios[@]}" | sort -n | head -1)
    hi=$(printf '%s\n' "${ratios[@]}" | sort -n | tail -1)
    printf '%s %s B: ours %s s, iterparse %s s, ratio %.2fx (rounds %.2f-%.2f), peak RSS %s / %s KiB\n' \
        "$kind" "$(stat -c %s "$file")" "$o" "$p" "$(echo "$p / $o" | bc -l)" "$lo" "$hi" \
        "$rss_ours" "$rss_peer"
done
