#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Bittern developer entry point. Works as root on a fresh Debian 12 machine.
#   ./dev.sh demo   install what is missing, build, run the main job on the embedded default
#   ./dev.sh test   install what is missing, build, run the whole suite (dev preset, then asan)
#   ./dev.sh build  install what is missing and build the dev preset only
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD

# Packages needed to build Bittern.
build_packages=(
    ca-certificates git cmake ninja-build pkg-config g++ clang libclang-rt-14-dev clang-format
    qtbase5-dev libqt5sql5-sqlite libqt5sql5-psql libkf5archive-dev extra-cmake-modules
    libxslt1-dev libxml2-dev libhttp-parser-dev libsqlite3-dev
)
# Packages the demo runs (the tools its example recipes drive).
demo_packages=(make gcc python3)
# Packages the test suite drives: the real tools behind every recipe command, servers and peers.
test_packages=(
    make gcc autoconf automake python3 python3-coverage pylint subversion mercurial
    xsltproc procps groovy python3-jenkins
    python3-setuptools openjdk-17-jdk-headless ant ant-optional junit4 mono-devel nunit-console
    php-cli phpunit php-pcov php-codesniffer
    postgresql
    chromium
    buildbot buildbot-worker
    debootstrap dpkg-dev fakeroot groff-base man-db
    systemd
)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
    done
}

install_packages() {
    local missing
    missing=$(missing_packages "$@" | sort -u | tr '\n' ' ')
    [[ -z ${missing// /} ]] && return 0
    if [[ $(id -u) -ne 0 ]]; then
        echo "dev.sh: these Debian packages are missing and installing them needs root: $missing" >&2
        exit 2
    fi
    log "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing >/dev/null
}

build_preset() {
    local preset=$1
    if [[ ! -f build/$preset/build.ninja ]]; then
        log "Configuring ($preset)"
        # Warnings are errors in CI only (HOUSE-STYLE rule 6).
        cmake --preset "$preset" -DCMAKE_COMPILE_WARNING_AS_ERROR="${CI:+ON}" >/dev/null
    fi
    log "Building ($preset)"
    cmake --build --preset "$preset"
}

run_demo() {
    local bin=$here/build/dev/bin
    log "Validating the example recipes"
    "$bin/bittern" validate --steps examples/*.xml
    local recipe status
    for recipe in examples/*.xml; do
        log "Running $recipe with bittern-agent (reports in build/demo/$(basename "$recipe" .xml))"
        status=0
        "$bin/bittern-agent" run "$recipe" -f examples/slave.ini -D "examples.dir=$here/examples" \
            --report-dir "build/demo/$(basename "$recipe" .xml)" || status=$?
        echo "exit status $status (0 success, 1 build failed; onerror.xml fails on purpose)"
    done
    # The main job: the bridge on a temporary SQLite store, the examples imported, one build of
    # hello-c taken and run by a local `bittern-agent poll` over the Bitten protocol.
    local demo_dir db url="" build_id page
    demo_dir=$(mktemp -d "${TMPDIR:-/tmp}/bittern-demo.XXXXXX")
    db="sqlite:$demo_dir/bittern.db"
    log "Starting bittern serve on a free port (store $db)"
    "$bin/bittern" serve --db "$db" --listen 127.0.0.1:0 --data-dir "$demo_dir/data" \
        >"$demo_dir/serve.log" 2>&1 &
    demo_serve_pid=$!
    demo_dir_to_remove=$demo_dir
    trap 'kill -TERM "$demo_serve_pid" 2>/dev/null && wait "$demo_serve_pid" 2>/dev/null; rm -rf "$demo_dir_to_remove"' EXIT
    for _ in $(seq 100); do
        url=$(sed -n 's/^bittern serve: listening on \([^ ]*\).*/\1/p' "$demo_dir/serve.log")
        [ -n "$url" ] || ! kill -0 "$demo_serve_pid" 2>/dev/null || { sleep 0.1; continue; }
        break
    done
    [ -n "$url" ] || { cat "$demo_dir/serve.log" >&2; return 1; }
    log "Importing examples/ and queueing a build of hello-c"
    "$bin/bittern" import recipes examples/ --db "$db"
    # (each imported configuration gets the target platform `any`, which matches every slave)
    "$bin/bittern" build hello-c --rev 1 --db "$db"
    log "Running the build with bittern-agent poll $url --single"
    "$bin/bittern-agent" poll "$url" --single --name demo-agent -f examples/slave.ini \
        -D "examples.dir=$here/examples" --interval 5 | tee "$demo_dir/agent.log"
    build_id=$(sed -n 's|.*Build pending at .*/builds/\([0-9]*\)$|\1|p' "$demo_dir/agent.log" | head -n1)
    page="$url/build/hello-c/$build_id"
    log "Result of build $build_id"
    python3 -c 'import re, sys, urllib.request; html = urllib.request.urlopen(sys.argv[1]).read().decode(); print(re.sub(r"<[^>]+>", "", re.search(r"Status</th>\s*<td>(.*?)</td>", html).group(1)))' "$page"
    echo "Status page: $page"
}

run_tests() {
    log "Checking formatting (clang-format 14)"
    git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
    log "Running the test suite (dev)"
    ctest --preset dev -j2
    build_preset asan
    log "Running the test suite (asan: AddressSanitizer + UndefinedBehaviorSanitizer)"
    ctest --preset asan -j2
}

case ${1:-} in
demo)
    install_packages "${build_packages[@]}" "${demo_packages[@]}"
    build_preset dev
    run_demo
    ;;
test)
    install_packages "${build_packages[@]}" "${test_packages[@]}"
    build_preset dev
    run_tests
    ;;
build)
    install_packages "${build_packages[@]}"
    build_preset dev
    ;;
*)
    echo "usage: ./dev.sh demo|test|build" >&2
    exit 2
    ;;
esac
