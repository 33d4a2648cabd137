#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Force-to-complete latency: a 3-step Bitten recipe through the Bittern plugin vs the same
three plain ShellCommand steps, in one Debian Buildbot master with one worker on 127.0.0.1.

usage: bench/buildbot/bench_buildbot.py [--runs N] [--build-dir build/dev]

Starts its own master and worker in a temporary directory and stops them at the end. Each
measurement is POST force → build request complete, polled every 20 ms over REST.
"""
import argparse
import base64
import http.cookiejar
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from peer_buildbot import stop_daemon

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

RECIPE = """<build xmlns:sh="http://bitten.edgewall.org/tools/sh">
  <step id="one"><sh:exec executable="echo" args="one"/></step>
  <step id="two"><sh:exec executable="echo" args="two"/></step>
  <step id="three"><sh:exec executable="echo" args="three"/></step>
</build>
"""

# The translator passes build variables as -D name=value; the agent of this tree takes only
# slave properties there, so the wrapper drops them (see docs/BUILDBOT.md, "Known gaps").
AGENT_WRAPPER = """#!/bin/sh
skip=0
for a do
  shift
  if [ "$skip" = 1 ]; then
    skip=0
    case "$a" in revision=*|build=*|config=*|path=*|platform=*) continue;; esac
    set -- "$@" -D "$a"; continue
  fi
  if [ "$a" = -D ]; then skip=1; continue; fi
  set -- "$@" "$a"
done
exec '{agent}' "$@"
"""

MASTER_CFG = """
import os
from buildbot.plugins import schedulers, steps, util, worker
import bittern_buildbot
c = BuildmasterConfig = {{}}
c['buildbotURL'] = 'http://127.0.0.1:{http}/'
c['db'] = {{'db_url': 'sqlite:///state.sqlite'}}
c['buildbotNetUsageData'] = None
c['protocols'] = {{'pb': {{'port': 'tcp:{pb}:interface=127.0.0.1'}}}}
c['workers'] = [worker.Worker('w1', 'w1pass', max_builds=1)]
bittern_buildbot.configure(c, os.path.join(basedir, 'bittern'), watch_interval=0)
c['builders'].append(util.BuilderConfig(name='plain3', workernames=['w1'],
    factory=util.BuildFactory([steps.ShellCommand(name=n, command=['echo', n], logEnviron=False)
                               for n in ('one', 'two', 'three')])))
c['schedulers'].append(schedulers.ForceScheduler(name='plain', builderNames=['plain3']))
c['www'] = {{'port': 'tcp:{http}:interface=127.0.0.1', 'plugins': {{}},
    'auth': util.UserPasswordAuth({{'bench': 'bench'}}),
    'authz': util.Authz(allowRules=[util.AnyControlEndpointMatcher(role='bench')],
        roleMatchers=[util.RolesFromUsername(roles=['bench'], usernames=['bench'])])}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Master:
    def __init__(self, scratch, build_dir):
        self.scratch = scratch
        self.http, self.pb = free_port(), free_port()
        self.url = f'http://127.0.0.1:{self.http}/'
        plugin = os.path.join(SOURCE, 'integrations', 'buildbot')
        self.env = dict(os.environ, PYTHONPATH=f'{plugin}:{plugin}/stub_www',
                        PYTHONDONTWRITEBYTECODE='1',
                        PATH=os.path.join(scratch, 'bin') + ':' + os.environ['PATH'])
        os.makedirs(os.path.join(scratch, 'bin'))
        wrapper = os.path.join(scratch, 'bin', 'bittern-agent')
        with open(wrapper, 'w') as f:
            f.write(AGENT_WRAPPER.format(agent=os.path.join(build_dir, 'bin', 'bittern-agent')))
        os.chmod(wrapper, 0o755)
        self.bittern = os.path.join(build_dir, 'bin', 'bittern')
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def run(self, *args):
        subprocess.run(['/usr/bin/python3', *args], env=self.env, cwd=self.scratch, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        master = os.path.join(self.scratch, 'master')
        self.run('/usr/bin/buildbot', 'create-master', '-r', master)
        data = os.path.join(master, 'bittern')
        os.makedirs(data)
        recipes = os.path.join(self.scratch, 'recipes')
        os.makedirs(recipes)
        for strategy in ('agent', 'native'):
            with open(os.path.join(recipes, f'three-{strategy}.xml'), 'w') as f:
                f.write(RECIPE)
            subprocess.run([self.bittern, 'translate', '--to', 'buildbot', '--strategy', strategy,
                            '-o', data, os.path.join(recipes, f'three-{strategy}.xml')],
                           check=True, stderr=subprocess.DEVNULL)
        with open(os.path.join(master, 'master.cfg'), 'w') as f:
            f.write(MASTER_CFG.format(http=self.http, pb=self.pb))
        self.run('/usr/bin/buildbot', 'start', master)
        worker = os.path.join(self.scratch, 'worker')
        self.run('/usr/bin/buildbot-worker', 'create-worker', worker, f'127.0.0.1:{self.pb}',
                 'w1', 'w1pass')
        self.run('/usr/bin/buildbot-worker', 'start', worker)
        request = urllib.request.Request(self.url + 'auth/login')
        request.add_header('Authorization', 'Basic ' + base64.b64encode(b'bench:bench').decode())
        self.opener.open(request).read()

    def stop(self):
        for name in ('worker', 'master'):
            stop_daemon(os.path.join(self.scratch, name))

    def get(self, path):
        return json.load(self.opener.open(self.url + 'api/v2/' + path))

    def force(self, scheduler, builder):
        body = json.dumps({'jsonrpc': '2.0', 'method': 'force', 'id': 1,
                           'params': {'builderNames': [builder]}}).encode()
        request = urllib.request.Request(self.url + 'api/v2/forceschedulers/' + scheduler, body,
                                         {'Content-Type': 'application/json'})
        start = time.monotonic()
        result = json.load(self.opener.open(request))['result']
        brid = list(result[1].values())[0]
        while True:
            br = self.get(f'buildrequests/{brid}')['buildrequests'][0]
            if br['complete']:
                return time.monotonic() - start, br['results']
            time.sleep(0.02)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--runs', type=int, default=10)
    parser.add_argument('--build-dir', default=os.path.join(SOURCE, 'build', 'dev'))
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix='bench-buildbot-')
    master = Master(scratch, os.path.abspath(args.build_dir))
    cases = [('plain', 'plain3'), ('bittern', 'bitten-three-agent-any'),
             ('bittern', 'bitten-three-native-any')]
    times = {builder: [] for _, builder in cases}
    try:
        master.start()
        for scheduler, builder in cases:  # warm-up
            master.force(scheduler, builder)
        for _ in range(args.runs):
            for scheduler, builder in cases:
                seconds, results = master.force(scheduler, builder)
                if results != 0:
                    sys.exit(f'{builder} ended with result {results}')
                times[builder].append(seconds)
    finally:
        master.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    plain = statistics.median(times['plain3'])
    print(f'{"builder":28} {"median s":>9} {"min s":>7} {"max s":>7} {"× plain":>8}')
    for _, builder in cases:
        values = times[builder]
        median = statistics.median(values)
        print(f'{builder:28} {median:9.3f} {min(values):7.3f} {max(values):7.3f} '
              f'{median / plain:8.2f}')


if __name__ == '__main__':
    main()
