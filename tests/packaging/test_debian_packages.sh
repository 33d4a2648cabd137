#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb packages of a build tree with cpack, installs bittern and bittern-agent with apt
# into a fresh Debian 12 root (debootstrap --variant=minbase, cached under CACHE_DIR) and checks,
# inside a chroot: bittern --version, bittern-agent run on an installed example recipe, and
# bittern serve answering on 127.0.0.1. Needs root; exits 77 (skipped) without it.
#   test_debian_packages.sh BUILD_DIR CACHE_DIR SOURCE_DIR
# Every mount and process it starts is undone by the EXIT trap, also on failure.
set -euo pipefail

build_dir=$(cd "$1" && pwd)
cache_dir=$2
source_dir=$3
suite=bookworm
start=$(date +%s)

log() { printf '[%3ds] %s\n' $(($(date +%s) - start)) "$*"; }
fail() { log "FAIL: $*"; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: needs root for debootstrap and chroot"
    exit 77
fi
for tool in debootstrap cpack dpkg-deb dpkg-shlibdeps fakeroot chroot; do
    command -v "$tool" >/dev/null || fail "$tool is missing (./dev.sh test installs it)"
done

# The Debian mirror apt uses on this machine (deb822 sources or the one-line format).
mirror() {
    local files=(/etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list)
    local uri
    uri=$(grep -hsE '^URIs:' "${files[@]}" | awk '{print $2}' | grep -v security | head -n1 || true)
    [[ -n $uri ]] || uri=$(grep -hsE '^deb ' "${files[@]}" | awk '{print $2}' \
        | grep -v security | head -n1 || true)
    echo "${uri:-http://deb.debian.org/debian}"
}

# Leftovers of a run that could not clean up (SIGKILL on a ctest timeout): roots untouched for
# longer than the test's timeout are unmounted and removed.
for stale in "${TMPDIR:-/tmp}"/bittern-packaging.*; do
    [[ -d $stale && -n $(find "$stale" -maxdepth 0 -mmin +15) ]] || continue
    umount -l "$stale/root/proc" 2>/dev/null || true
    grep -q " $stale/" /proc/mounts || rm -rf "$stale"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/bittern-packaging.XXXXXX")
root=$work/root
serve_pid=
cleanup() {
    local status=$?
    if [[ -n $serve_pid ]]; then
        kill -TERM "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
    fi
    # Anything else still running inside the chroot (apt's helpers, a stray agent).
    local proc
    for proc in /proc/[0-9]*; do
        if [[ $(readlink "$proc/root" 2>/dev/null) == "$root" ]]; then
            kill -KILL "${proc#/proc/}" 2>/dev/null || true
        fi
    done
    for mount in "$root/proc" "$root/dev/pts"; do
        if mountpoint -q "$mount" 2>/dev/null; then
            umount -l "$mount" || true
        fi
    done
    if grep -q " $root/" /proc/mounts; then
        echo "cleanup: mounts left under $root; not removing it" >&2
    else
        rm -rf "$work"
    fi
    log "done (exit status $status)"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

chroot_command=(chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)
in_root() { "${chroot_command[@]}" "$@"; }

log "cpack: packages of $build_dir into $work/packages"
[[ -f $build_dir/CPackConfig.cmake ]] || fail "$build_dir has no CPackConfig.cmake"
cpack --config "$build_dir/CPackConfig.cmake" -B "$work/packages" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack failed"; }
for package in bittern bittern-agent bittern-buildbot bittern-jenkins-library; do
    ls "$work/packages/${package}_"*.deb >/dev/null 2>&1 || fail "cpack made no $package package"
done
dpkg-deb --field "$work"/packages/bittern_*.deb Depends | tee "$work/depends.txt"
for dependency in libqt5core5a libqt5network5 libqt5sql5 libqt5sql5-sqlite libkf5archive5 \
    libxml2 libhttp-parser2.9 adduser; do
    grep -q "$dependency" "$work/depends.txt" || fail "bittern does not depend on $dependency"
done
dpkg-deb --field "$work"/packages/bittern-agent_*.deb Depends | grep libxslt1.1 >/dev/null \
    || fail "bittern-agent does not depend on libxslt1.1"
dpkg-deb --field "$work"/packages/bittern-buildbot_*.deb Depends | grep buildbot >/dev/null \
    || fail "bittern-buildbot does not depend on buildbot"
for package in "$work"/packages/*.deb; do
    dpkg-deb --contents "$package" >"$package.contents"
done
grep ' ./usr/share/bittern/jenkins-library/vars/bittenRecipe.groovy$' \
    "$work"/packages/bittern-jenkins-library_*.contents >/dev/null \
    || fail "bittern-jenkins-library lacks vars/bittenRecipe.groovy"

log "the Buildbot plugin: its entry points load from the packaged dist-packages"
dpkg-deb -x "$work"/packages/bittern-buildbot_*.deb "$work/buildbot"
PYTHONPATH=$work/buildbot/usr/lib/python3/dist-packages PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -c '
import importlib.metadata as m
steps = {e.name: e for e in m.entry_points(group="buildbot.steps") if e.value.startswith("bittern_buildbot")}
assert set(steps) == {"BitternAgentStep", "BitternFailStep"}, steps
for entry in steps.values():
    entry.load()
print("entry points:", ", ".join(sorted(steps)))' || fail "the bittern_buildbot entry points do not load"

base=$cache_dir/$suite-minbase
if [[ ! -x $base/bin/sh ]]; then
    log "debootstrap $suite (minbase) from $(mirror) into the cache $base"
    mkdir -p "$cache_dir"
    rm -rf "$base.new"
    debootstrap --variant=minbase "$suite" "$base.new" "$(mirror)" >"$work/debootstrap.log" 2>&1 \
        || { tail -n 30 "$work/debootstrap.log"; fail "debootstrap failed"; }
    rm -rf "$base"
    mv "$base.new" "$base"
fi
log "fresh root: a copy of the cached $suite root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/tmp/debs" "$cache_dir/archives"
cp "$work"/packages/*.deb "$root/tmp/debs/"
cp "$cache_dir"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
mount -t proc proc "$root/proc"

log "apt install ./bittern_*.deb ./bittern-agent_*.deb ./bittern-jenkins-library_*.deb"
in_root apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update failed"; }
in_root sh -c 'cd /tmp/debs && apt-get install -y -q --no-install-recommends \
    ./bittern_*.deb ./bittern-agent_*.deb ./bittern-jenkins-library_*.deb' >>"$work/apt.log" 2>&1 \
    || { tail -n 40 "$work/apt.log"; fail "apt install of the packages failed"; }
cp -n "$root"/var/cache/apt/archives/*.deb "$cache_dir/archives/" 2>/dev/null || true

log "bittern --version, bittern-agent --version, the man pages, the postinst"
version=$(in_root bittern --version)
[[ $version == "bittern "* ]] || fail "bittern --version printed '$version'"
in_root bittern-agent --version | grep '^bittern-agent ' >/dev/null || fail "bittern-agent --version"
for page in bittern bittern-agent; do
    [[ -f $root/usr/share/man/man1/$page.1.gz ]] || fail "$page.1.gz is not installed"
    [[ $(zcat "$root/usr/share/man/man1/$page.1.gz") == .TH\ * ]] || fail "$page.1.gz is no man page"
done
for package in bittern bittern-agent; do
    for doc in copyright changelog.Debian.gz; do
        [[ -f $root/usr/share/doc/$package/$doc ]] || fail "$package has no $doc"
    done
done
in_root getent passwd bittern >/dev/null || fail "the postinst did not create the bittern user"
in_root getent passwd bittern-agent >/dev/null \
    || fail "the postinst did not create the bittern-agent user"
[[ $(in_root stat -c %U /var/lib/bittern) == bittern ]] || fail "/var/lib/bittern is not bittern's"
if [[ -f $source_dir/packaging/bittern.ini ]]; then
    [[ $(in_root stat -c %a:%G /etc/bittern/bittern.ini) == 640:bittern ]] \
        || fail "/etc/bittern/bittern.ini is not 0640 root:bittern"
fi
# (installed once packaging/ has them: cmake/Packaging.cmake)
for pair in systemd/bittern.service:/lib/systemd/system/bittern.service \
    systemd/bittern-agent@.service:/lib/systemd/system/bittern-agent@.service \
    bittern.ini:/etc/bittern/bittern.ini; do
    if [[ -f $source_dir/packaging/${pair%%:*} ]]; then
        [[ -f $root${pair#*:} ]] || fail "${pair#*:} is not installed"
    fi
done

log "bittern-agent run /usr/share/doc/bittern/examples/onerror.xml (fails on purpose: status 1)"
status=0
in_root bittern-agent run /usr/share/doc/bittern/examples/onerror.xml \
    -f /usr/share/doc/bittern/examples/slave.ini --report-dir /tmp/reports >"$work/agent.log" 2>&1 \
    || status=$?
cat "$work/agent.log"
[[ $status -eq 1 ]] || fail "bittern-agent run exited with $status, expected 1 (build failed)"
grep -q 'summary' "$work/agent.log" || fail "the agent did not run the last step"

log "bittern serve on 127.0.0.1 inside the root"
# (a plain command, not in_root: $! must be the server's own pid)
"${chroot_command[@]}" bittern serve --db sqlite:/tmp/bittern.db --listen 127.0.0.1:0 --data-dir /tmp/data \
    >"$work/serve.log" 2>&1 &
serve_pid=$!
url=
for _ in $(seq 100); do
    url=$(sed -n 's/^bittern serve: listening on \([^ ]*\).*/\1/p' "$work/serve.log")
    [[ -n $url ]] && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.1
done
[[ -n $url ]] || { cat "$work/serve.log"; fail "bittern serve did not start listening"; }
[[ $url == http://127.0.0.1:* ]] || fail "bittern serve listens on $url, not on 127.0.0.1"
/usr/bin/python3 - "$url" <<'PY' || fail "bittern serve did not answer on $url"
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1] + "/", timeout=10) as reply:
    assert reply.status == 200, reply.status
    print("GET", sys.argv[1] + "/", "->", reply.status)
PY
kill -TERM "$serve_pid"
status=0
wait "$serve_pid" || status=$?
serve_pid=
[[ $status -eq 0 ]] || { cat "$work/serve.log"; fail "bittern serve exited with $status on SIGTERM"; }
log "PASS"
