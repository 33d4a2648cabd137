#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer of the registration-poll benchmark: a Debian Buildbot master on 127.0.0.1 with
12 builders (as in peer-baselines.md §5), its REST API answering anonymous reads.

usage: peer_buildbot.py start DIR   creates and starts the master in DIR, prints its HTTP port
       peer_buildbot.py stop DIR    stops it (TERM, then KILL after 15 s)
"""
import os
import signal
import socket
import subprocess
import sys
import time

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

MASTER_CFG = """
from buildbot.plugins import schedulers, steps, util, worker
c = BuildmasterConfig = {{}}
c['buildbotURL'] = 'http://127.0.0.1:{http}/'
c['db'] = {{'db_url': 'sqlite:///state.sqlite'}}
c['buildbotNetUsageData'] = None
c['protocols'] = {{'pb': {{'port': 'tcp:{pb}:interface=127.0.0.1'}}}}
c['workers'] = [worker.Worker('w1', 'w1pass')]
c['builders'] = [util.BuilderConfig(name='builder%02d' % i, workernames=['w1'], tags=['bench'],
    factory=util.BuildFactory([steps.ShellCommand(command=['true'])])) for i in range(12)]
c['schedulers'] = [schedulers.ForceScheduler(name='force',
    builderNames=[b.name for b in c['builders']])]
c['www'] = {{'port': 'tcp:{http}:interface=127.0.0.1', 'plugins': {{}}}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def environment():
    plugin = os.path.join(SOURCE, 'integrations', 'buildbot')
    return dict(os.environ, PYTHONPATH=f'{plugin}/stub_www', PYTHONDONTWRITEBYTECODE='1')


def start(scratch):
    master = os.path.join(scratch, 'master')
    http, pb = free_port(), free_port()
    quiet = {'stdout': subprocess.DEVNULL, 'stderr': subprocess.DEVNULL, 'check': True}
    subprocess.run(['/usr/bin/buildbot', 'create-master', '-r', master], env=environment(), **quiet)
    with open(os.path.join(master, 'master.cfg'), 'w') as f:
        f.write(MASTER_CFG.format(http=http, pb=pb))
    subprocess.run(['/usr/bin/buildbot', 'start', master], env=environment(), **quiet)
    print(http)


def stop_daemon(directory):
    """Stops the twistd daemon (master or worker) whose twistd.pid is in @p directory."""
    try:
        with open(os.path.join(directory, 'twistd.pid')) as f:
            pid = int(f.read().strip())
    except (OSError, ValueError):
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


def stop(scratch):
    stop_daemon(os.path.join(scratch, 'master'))


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('start', 'stop'):
        sys.exit(__doc__)
    {'start': start, 'stop': stop}[sys.argv[1]](sys.argv[2])
