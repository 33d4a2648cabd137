# SPDX-License-Identifier: GPL-3.0-or-later
"""Builders, a force scheduler and a data-file watcher from Bittern's Buildbot data files.

master.cfg calls configure(c, DATA_DIR) after it has set c['workers']. Each DATA_DIR/*.json file
(schema bittern.buildbot/1, written by `bittern translate --to buildbot` or `bittern push`)
describes one Bitten configuration; every target platform becomes one builder whose workers are
the ones whose properties match all the platform's rules (Bitten's re.match, case-insensitive).
The files are data only, so `buildbot reconfig` (or the watcher, which calls the master's
reconfig when the directory changes) picks up new and changed files.
"""
import glob
import json
import os
import re

from twisted.internet import task
from twisted.python import log

from buildbot.plugins import schedulers, steps, util
from buildbot.process.results import SUCCESS
from buildbot.util import service

from .steps import BitternAgentStep, BitternFailStep

SCHEMA = 'bittern.buildbot/1'
#: The builder added while the data directory has no usable file.
PLACEHOLDER = 'bittern-no-configurations'
FLAG_NAMES = ('haltOnFailure', 'flunkOnFailure', 'warnOnFailure', 'warnOnWarnings')


def load_data_files(data_dir):
    """[(path, data)] for every readable data file in data_dir, sorted by name; files that
    can't be used are logged and skipped so one bad file doesn't block the others."""
    loaded = []
    for path in sorted(glob.glob(os.path.join(data_dir, '*.json'))):
        try:
            with open(path, encoding='utf-8') as f:
                data = json.load(f)
        except (OSError, ValueError) as error:
            log.msg(f'bittern: skipping data file {path}: {error}')
            continue
        if not isinstance(data, dict) or data.get('schema') != SCHEMA:
            log.msg(f'bittern: skipping data file {path}: its schema is not {SCHEMA}')
            continue
        loaded.append((path, data))
    return loaded


def signature(data_dir):
    """What changes when a data file is added, removed or rewritten."""
    entries = []
    for path in sorted(glob.glob(os.path.join(data_dir, '*.json'))):
        try:
            st = os.stat(path)
        except OSError:
            continue
        entries.append(f'{os.path.basename(path)}:{st.st_mtime_ns}:{st.st_size}')
    return '|'.join(entries)


def platform_matches(rules, properties):
    """Bitten's rule: every rule's property exists, is non-empty and re.match(pattern, value,
    re.I) succeeds; an invalid pattern never matches; no rules match every worker."""
    for rule in rules:
        value = properties.get(rule.get('property', ''))
        if value is None or str(value) == '':
            return False
        try:
            if not re.match(rule.get('pattern', ''), str(value), re.I):
                return False
        except re.error:
            return False
    return True


def worker_properties(worker):
    """The worker's properties for rule matching; `name` defaults to the worker's name, as a
    Bitten slave's name property does."""
    props = getattr(worker, 'properties', None)
    values = {} if props is None else {
        name: value for name, (value, _source) in props.asDict().items()}
    values.setdefault('name', worker.workername)
    return values


@util.renderer
def _request_id(props):
    return str(props.getProperty('bittern_request_id') or
               f"buildbot-{props.getProperty('buildnumber')}")


@util.renderer
def _revision(props):
    return str(props.getProperty('revision') or '')


def _flags(step):
    flags = step.get('flags') or {}
    return {name: bool(flags[name]) for name in FLAG_NAMES if name in flags}


def make_step(step, env, bridge_url=None):
    """One Buildbot step for one step object of a data file."""
    common = dict(name=step['name'], **_flags(step))
    if step.get('description'):
        common['description'] = step['description'][:200]
    kind = step.get('type', 'shell')
    if kind == 'fail':
        return BitternFailStep(message=step.get('message', ''), **common)
    if kind == 'agent':
        return BitternAgentStep(reportDir=step['reportDir'], bittenStep=step.get('bittenStep'),
                                bridgeUrl=bridge_url,
                                requestId=util.Property('bittern_request_id', default=''),
                                command=step['command'], env=env, **common)
    return steps.ShellCommand(command=step['command'], env=env, logEnviron=False, **common)


def make_factory(data, builder, bridge_url=None):
    env = dict(data.get('env') or {})
    env.update(builder.get('env') or {})
    env['REVISION'] = _revision
    env['BITTERN_REQUEST_ID'] = _request_id
    factory = util.BuildFactory()
    recipe = data.get('recipe') or {}
    if recipe.get('file'):
        factory.addStep(steps.StringDownload(
            recipe.get('text', ''), workerdest=recipe['file'], name='bittern-recipe',
            hideStepIf=lambda results, _step: results == SUCCESS))
    for step in data.get('steps', []):
        factory.addStep(make_step(step, env, bridge_url))
    return factory


def make_builders(loaded, workers, bridge_url=None):
    """BuilderConfigs for every builder whose platform some worker matches."""
    builders = []
    seen = set()
    for path, data in loaded:
        for builder in data.get('builders', []):
            if builder['name'] in seen:
                log.msg(f"bittern: builder {builder['name']} of {path} is defined twice; "
                        "the later one is left out")
                continue
            seen.add(builder['name'])
            names = [w.workername for w in workers
                     if platform_matches(builder.get('rules', []), worker_properties(w))]
            if not names:
                log.msg(f"bittern: no worker matches platform {builder.get('platform')!r} of "
                        f"{path}; builder {builder['name']} is left out")
                continue
            builders.append(util.BuilderConfig(
                name=builder['name'], workernames=names,
                factory=make_factory(data, builder, bridge_url),
                tags=['bittern', f"bittern-config:{data.get('configuration', '')}"],
                description=data.get('description') or None,
                properties={'bittern_config': data.get('configuration', ''),
                            'bittern_platform': builder.get('platform', '')}))
    return builders


def force_scheduler(name, builder_names):
    return schedulers.ForceScheduler(
        name=name, builderNames=builder_names, buttonName='Build with Bittern',
        reason=util.StringParameter(name='reason', default='forced by Bittern', size=40),
        codebases=[util.CodebaseParameter(
            '', branch=util.StringParameter(name='branch', default=''),
            revision=util.StringParameter(name='revision', label='Revision', default=''),
            repository=util.FixedParameter(name='repository', default=''),
            project=util.FixedParameter(name='project', default=''))],
        properties=[util.StringParameter(name='bittern_request_id',
                                         label='Bittern request id', default='')])


class DataDirWatcher(service.BuildbotService):
    """Asks the master to reconfigure when the data directory differs from the loaded one."""

    name = 'bittern-data-watcher'

    def checkConfig(self, data_dir, loaded, interval=2.0):
        pass

    def reconfigService(self, data_dir, loaded, interval=2.0):
        self.data_dir = data_dir
        self.loaded = loaded
        self.requested = False
        if getattr(self, '_loop', None) is None or self._interval != interval:
            self._stopLoop()
            self._interval = interval
            self._loop = task.LoopingCall(self._check)
            self._loop.start(interval, now=False)

    def _check(self):
        if self.requested or signature(self.data_dir) == self.loaded:
            return
        self.requested = True
        log.msg(f'bittern: {self.data_dir} changed; reconfiguring')
        self.master.reconfig()

    def _stopLoop(self):
        loop = getattr(self, '_loop', None)
        if loop is not None and loop.running:
            loop.stop()
        self._loop = None

    def stopService(self):
        self._stopLoop()
        return super().stopService()


def configure(c, data_dir, scheduler='bittern', bridge_url=None, watch_interval=2.0):
    """Adds the builders of data_dir's files, a force scheduler `scheduler` over them and
    (watch_interval > 0) the watcher to BuildmasterConfig c; returns the builder names."""
    loaded_signature = signature(data_dir)
    builders = make_builders(load_data_files(data_dir), c.get('workers', []), bridge_url)
    names = [b.name for b in builders]
    workers = c.get('workers', [])
    if not builders and not c.get('builders') and workers:
        # Buildbot refuses to start without builders; this one lets a master with an empty
        # data directory start, so the watcher can load the first pushed file.
        builders.append(util.BuilderConfig(
            name=PLACEHOLDER, workernames=[workers[0].workername], tags=['bittern'],
            factory=util.BuildFactory([steps.ShellCommand(command=['true'], logEnviron=False)])))
    c.setdefault('builders', []).extend(builders)
    if builders:
        c.setdefault('schedulers', []).append(
            force_scheduler(scheduler, [b.name for b in builders]))
    if watch_interval:
        c.setdefault('services', []).append(
            DataDirWatcher(data_dir=data_dir, loaded=loaded_signature, interval=watch_interval))
    return names
