#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks of bittern-agent (docs/PERFORMANCE.md), each beside its reference in the same run:
#   (a) a step printing SIZE bytes (default 1 GiB) vs the same command piped through `tee FILE`;
#   (b) STEPS trivial sh:exec steps vs a shell loop running the same command;
#   (c) the agent's peak RSS during (a).
# usage: bench/agent/bench-agent.sh [AGENT] [RUNS]   (AGENT default: build/release/bin/bittern-agent)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
agent=${1:-$here/build/release/bin/bittern-agent}
runs=${2:-3}
size=${SIZE:-1073741824}
steps=${STEPS:-1000}
work=$(mktemp -d /tmp/bittern-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

line=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde # 64-byte lines, as in peer-baselines §2
producer="yes $line | head -c $size"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }

cat >"$work/output.xml" <<XML
<build xmlns:sh="http://bitten.edgewall.org/tools/sh">
  <step id="print"><sh:exec executable="sh" args="-c '$producer'"/></step>
</build>
XML

{
    echo '<build xmlns:sh="http://bitten.edgewall.org/tools/sh">'
    for i in $(seq "$steps"); do echo "  <step id=\"s$i\"><sh:exec executable=\"true\"/></step>"; done
    echo '</build>'
} >"$work/steps.xml"

echo "machine: $(nproc) CPUs, $(uname -sr); agent: $agent; runs: $runs; size: $size bytes"
tee_times=() agent_times=() agent_rss=() loop_times=() steps_times=() shm_times=()
shm=$(mktemp -d /dev/shm/bittern-bench-XXXXXX)
trap 'rm -rf "$work" "$shm"' EXIT
for run in $(seq "$runs"); do
    read -r t _ < <(seconds sh -c "$producer | tee $work/tee.out >/dev/null")
    tee_times+=("$t")
    read -r t rss < <(seconds "$agent" run "$work/output.xml" --work-dir "$work/w" \
        --report-dir "$work/r")
    agent_times+=("$t") agent_rss+=("$rss")
    rm -rf "$work/w" "$work/r" "$work/tee.out"
    read -r t _ < <(seconds sh -c "for i in \$(seq $steps); do /bin/true; done")
    loop_times+=("$t")
    # Fresh directories per run, deleted only at the end: on ext4 without a journal (this VM)
    # creating files right after deleting thousands makes the kernel skip every recently
    # deleted inode, which is not what a build directory on a normal disk sees.
    read -r t _ < <(seconds "$agent" run "$work/steps.xml" --work-dir "$work/steps-w$run" \
        --report-dir "$work/steps-r$run")
    steps_times+=("$t")
    # The same with work and report directories on tmpfs: most of a step's cost on ext4 is
    # creating the four report files.
    read -r t _ < <(seconds "$agent" run "$work/steps.xml" --work-dir "$shm/w" --report-dir "$shm/r")
    shm_times+=("$t")
    rm -rf "$shm/w" "$shm/r"
    echo "run $run: tee ${tee_times[-1]} s, agent ${agent_times[-1]} s (${agent_rss[-1]} KiB)," \
        "loop ${loop_times[-1]} s, $steps steps ${steps_times[-1]} s (tmpfs ${shm_times[-1]} s)"
done
tee_m=$(printf '%s\n' "${tee_times[@]}" | median)
agent_m=$(printf '%s\n' "${agent_times[@]}" | median)
rss_m=$(printf '%s\n' "${agent_rss[@]}" | sort -n | tail -1)
loop_m=$(printf '%s\n' "${loop_times[@]}" | median)
steps_m=$(printf '%s\n' "${steps_times[@]}" | median)
shm_m=$(printf '%s\n' "${shm_times[@]}" | median)
echo "(a) output: agent $agent_m s vs tee $tee_m s = $(echo "$agent_m / $tee_m" | bc -l | cut -c1-5)x (target <= 1.2x)"
echo "(b) steps: agent $steps_m s vs loop $loop_m s = $(echo "($steps_m - $loop_m) * 1000 / $steps" | bc -l | cut -c1-5) ms per step (target <= 2 ms)"
echo "(b) on tmpfs: agent $shm_m s = $(echo "($shm_m - $loop_m) * 1000 / $steps" | bc -l | cut -c1-5) ms per step"
echo "(c) peak RSS during (a): $rss_m KiB (target <= 30 MB)"
