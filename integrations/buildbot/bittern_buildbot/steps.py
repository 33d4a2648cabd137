# SPDX-License-Identifier: GPL-3.0-or-later
"""Buildbot steps of the Bittern plugin (entry-point group buildbot.steps).

BitternAgentStep runs `bittern-agent step` on the worker with a live stdio log, then pulls the
agent's report.json (and junit.xml, cobertura.xml, issues.json when the report names them) back
through the worker connection and records them as test result sets, build properties, step
URLs, an HTML log, build data and the step/build summary. BitternFailStep stands for a Bitten
step nothing can run (a command someone must port by hand).
"""
import posixpath
import shlex

from twisted.internet import defer

from buildbot.process import buildstep
from buildbot.process.results import CANCELLED, FAILURE, SUCCESS, WARNINGS, Results
from buildbot.steps.worker import CompositeStepMixin

from . import report as reportlib

SOURCE = 'BitternAgentStep'


class _BuildProperties:
    """The build's current property values, as report.merged_properties reads them."""

    def __init__(self, step):
        self._step = step

    def get(self, name):
        return self._step.getProperty(name)


class BitternAgentStep(buildstep.ShellMixin, CompositeStepMixin, buildstep.BuildStep):
    """One Bitten step run by bittern-agent on the worker; see the module docstring."""

    name = 'bittern-agent'
    renderables = ['reportDir', 'bridgeUrl', 'requestId']

    def __init__(self, reportDir, bittenStep=None, bridgeUrl=None, requestId=None, **kwargs):
        self.reportDir = reportDir
        self.bittenStep = bittenStep
        self.bridgeUrl = bridgeUrl
        self.requestId = requestId
        # The stdio header would otherwise list the worker's whole environment (secrets).
        kwargs['logEnviron'] = False
        kwargs.setdefault('warnOnWarnings', True)
        kwargs = self.setupShellMixin(kwargs)
        super().__init__(**kwargs)
        self._summary = None
        self._metrics = False

    @defer.inlineCallbacks
    def run(self):
        # A report dir reused from an earlier build must never be read: it is removed before
        # the agent runs, by the command itself (the translator's scripts start with it) or by
        # a separate remote rmdir; if that fails nothing is read.
        stale = False
        if not self._commandRemovesReportDir():
            stale = yield self.runRmdir(posixpath.join(self.workdir, self.reportDir),
                                        abandonOnFailure=False)
        cmd = yield self.makeRemoteShellCommand()
        yield self.runCommand(cmd)
        if cmd.results() == CANCELLED or self.stopped:
            return CANCELLED
        if stale:
            return (yield self._noReport(cmd, 'the old report directory could not be removed'))
        text = yield self.getFileContentFromWorker(posixpath.join(self.reportDir, 'report.json'),
                                                   abandonOnFailure=False)
        if text is None:
            return (yield self._noReport(cmd, 'the agent wrote no report.json'))
        try:
            report = reportlib.parse_report(text)
        except reportlib.ReportError as error:
            return (yield self._noReport(cmd, str(error)))
        if self.bittenStep and report.get('step') != self.bittenStep:
            return (yield self._noReport(cmd, f"report.json is for step {report.get('step')!r}"))
        yield self._record(report, text)
        if report.get('status') != 'success' or cmd.rc not in (0, None):
            return FAILURE
        return WARNINGS if (report.get('lint') or {}).get('total', 0) else SUCCESS

    def _commandRemovesReportDir(self):
        """Whether the command is `sh -c 'rm -rf REPORTDIR` + newline + …', as the translator
        writes it: the removal then happens on the worker without a separate round trip."""
        command = self.command
        if not isinstance(command, (list, tuple)) or len(command) != 3:
            return False
        if list(command[:2]) != ['sh', '-c'] or not isinstance(command[2], str):
            return False
        return command[2].startswith(f'rm -rf {shlex.quote(self.reportDir)}\n')

    @defer.inlineCallbacks
    def _noReport(self, cmd, why):
        self._summary = f'no report: {why}'
        yield self.addCompleteLog('bittern-error', f'Bitten step {self.bittenStep}: {why}.\n')
        return FAILURE if cmd.results() in (SUCCESS, WARNINGS) else cmd.results()

    @defer.inlineCallbacks
    def _fetch(self, report, kind):
        name = (report.get('files') or {}).get(kind)
        if not name:
            return None
        text = yield self.getFileContentFromWorker(posixpath.join(self.reportDir, name),
                                                   abandonOnFailure=False)
        if isinstance(text, bytes):
            text = text.decode('utf-8', errors='replace')
        return text

    @defer.inlineCallbacks
    def _record(self, report, text):
        yield self._recordTests(report)
        yield self._recordCoverage(report)
        yield self._recordLint(report)
        props = reportlib.merged_properties(_BuildProperties(self), report)
        for name, value in sorted(props.items()):
            self.setProperty(name, value, SOURCE, runtime=True)
        for link in report.get('urls', []):
            yield self.addURL(link.get('name', 'link'), link.get('url', ''))
        if self.bridgeUrl and self.requestId:
            yield self.addURL('Bittern build',
                              f"{self.bridgeUrl.rstrip('/')}/requests/{self.requestId}")
        if reportlib.has_metrics(report) or report.get('errors'):
            # Each log costs several database writes; a bare "success" needs none.
            yield self.addHTMLLog('summary.html', reportlib.summary_html(self.name, report))
        raw = text if isinstance(text, bytes) else text.encode('utf-8')
        yield self.setBuildData(f'bittern-report-{self.name}', raw, SOURCE)
        self._summary = reportlib.summary_text(report) or reportlib.status_text(report)
        self._metrics = reportlib.has_metrics(report)

    @defer.inlineCallbacks
    def _recordTests(self, report):
        if report.get('tests') is None:
            return
        junit = yield self._fetch(report, 'junit')
        try:
            cases = reportlib.tests_from_junit(junit) if junit else None
        except reportlib.ReportError:
            cases = None
        if cases is None:
            cases = reportlib.tests_from_report(report)
        run = [c for c in cases if c['status'] != 'ignore']
        skipped = [c for c in cases if c['status'] == 'ignore']
        setid = yield self.addTestResultSet(f'{self.name}: tests', 'pass_fail', 'boolean')
        for case in run:
            self._addResult(setid, '1' if case['status'] == 'success' else '0', case)
        if skipped:
            setid = yield self.addTestResultSet(f'{self.name}: ignored tests', 'skipped',
                                                'message')
            for case in skipped:
                self._addResult(setid, 'ignored', case)

    @defer.inlineCallbacks
    def _recordCoverage(self, report):
        coverage = report.get('coverage')
        if coverage is None:
            return
        xml = yield self._fetch(report, 'cobertura')
        try:
            files = reportlib.coverage_from_cobertura(xml) if xml else []
        except reportlib.ReportError:
            files = []
        setid = yield self.addTestResultSet(f'{self.name}: coverage', 'coverage', 'percent')
        if not files:
            files = [{'test_name': 'total', 'test_code_path': None,
                      'percent': float(coverage.get('percentage', 0))}]
        for item in files:
            self._addResult(setid, f"{item['percent']:.2f}", item)

    @defer.inlineCallbacks
    def _recordLint(self, report):
        if report.get('lint') is None:
            return
        text = yield self._fetch(report, 'issues')
        try:
            issues = reportlib.issues_from_json(text) if text else []
        except reportlib.ReportError:
            issues = []
        setid = yield self.addTestResultSet(f'{self.name}: lint', 'code_issue', 'message')
        for issue in issues:
            self._addResult(setid, issue['message'] or issue['test_name'], issue)

    def _addResult(self, setid, value, item):
        self.addTestResult(setid, value, test_name=item.get('test_name'),
                           test_code_path=item.get('test_code_path'), line=item.get('line'),
                           duration_ns=item.get('duration_ns'))

    def getResultSummary(self):
        if not self._summary:
            return super().getResultSummary()
        text = self._summary
        if self.results != SUCCESS:
            text += f' ({Results[self.results]})'
        summary = {'step': text}
        if self._metrics:
            summary['build'] = f'{self.name}: {text}'
        return summary


class BitternFailStep(buildstep.BuildStep):
    """A Bitten step that cannot run on Buildbot: fails with the translator's message."""

    name = 'bittern-unsupported'

    def __init__(self, message='', **kwargs):
        self.message = message
        super().__init__(**kwargs)

    @defer.inlineCallbacks
    def run(self):
        yield self.addCompleteLog('unsupported', self.message + '\n')
        self.descriptionDone = [self.message[:200] or 'unsupported']
        return FAILURE
