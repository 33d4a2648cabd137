#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Registration polls per second against a release `bittern serve` (docs/PERFORMANCE.md, Bridge):
# wrk, 64 keep-alive connections, 10 s, RUNS runs (default 5); prints each rate and the median.
# Usage: bench/bridge/run.sh [BUILD_DIR]   (default build/release; needs its `bittern` target)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$src/build/release}/bin/bittern
runs=${RUNS:-5}
shared=${BITTERN_SHARED:-/work/shared}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 69; }
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "sqlite:$tmp/bench.db" --listen "127.0.0.1:$port" --data-dir "$tmp/data" \
    >"$tmp/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
until grep -q "listening on" "$tmp/serve.log"; do sleep 0.1; done
export BITTERN_REGISTRATION="$shared/corpus/samples/proto_slave_registration.xml"
for i in $(seq "$runs"); do
    wrk -t2 -c64 -d10s --latency -s "$src/bench/bridge/register.lua" \
        "http://127.0.0.1:$port/builds" >"$tmp/wrk$i.txt"
    grep -E "Requests/sec|Non-2xx|Socket errors|50%|99%" "$tmp/wrk$i.txt" | tr -s ' ' | paste -sd ' '
    awk '/Requests\/sec/ { print $2 }' "$tmp/wrk$i.txt" >>"$tmp/rates"
done
echo "median req/s: $(sort -n "$tmp/rates" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
