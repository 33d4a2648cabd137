#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Registration polls per second against a release `bittern serve` (docs/PERFORMANCE.md, Bridge):
# wrk, 64 keep-alive connections, 10 s, RUNS runs (default 5), each followed in the same run by
# the peer of peer-baselines.md §5 — Debian's Buildbot master answering GET /api/v2/builders
# (wrk -t2 -c32 -d10s, 12 builders; bench/buildbot/peer_buildbot.py) — unless BUILDBOT_PEER=0. Prints each rate and the medians.
# Usage: bench/bridge/run.sh [BUILD_DIR]   (default build/release; needs its `bittern` target)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$src/build/release}/bin/bittern
runs=${RUNS:-5}
peer=${BUILDBOT_PEER:-1}
shared=${BITTERN_SHARED:-/work/shared}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 69; }
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "sqlite:$tmp/bench.db" --listen "127.0.0.1:$port" --data-dir "$tmp/data" \
    >"$tmp/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null; "$src/bench/buildbot/peer_buildbot.py" stop "$tmp"; rm -rf "$tmp"' EXIT INT TERM
until grep -q "listening on" "$tmp/serve.log"; do sleep 0.1; done
if [ "$peer" = 1 ]; then
    bbport=$("$src/bench/buildbot/peer_buildbot.py" start "$tmp")
    until curl -sf "http://127.0.0.1:$bbport/api/v2/builders" >/dev/null; do sleep 0.2; done
fi
export BITTERN_REGISTRATION="$shared/corpus/samples/proto_slave_registration.xml"
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
summary() { grep -E "Requests/sec|Non-2xx|Socket errors|50%|99%" "$1" | tr -s ' ' | paste -sd ' '; }
for i in $(seq "$runs"); do
    wrk -t2 -c64 -d10s --latency -s "$src/bench/bridge/register.lua" \
        "http://127.0.0.1:$port/builds" >"$tmp/wrk$i.txt"
    echo "bittern run $i: $(summary "$tmp/wrk$i.txt")"
    awk '/Requests\/sec/ { print $2 }' "$tmp/wrk$i.txt" >>"$tmp/rates"
    [ "$peer" = 1 ] || continue
    wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$bbport/api/v2/builders" >"$tmp/bb$i.txt"
    echo "buildbot run $i: $(summary "$tmp/bb$i.txt")"
    awk '/Requests\/sec/ { print $2 }' "$tmp/bb$i.txt" >>"$tmp/bbrates"
done
echo "median req/s: bittern registration polls $(median "$tmp/rates")"
[ "$peer" = 1 ] && echo "median req/s: buildbot GET /api/v2/builders $(median "$tmp/bbrates")"
exit 0
