# SPDX-License-Identifier: GPL-3.0-or-later
"""Unit tests of bittern_buildbot.report and the pure parts of the configurator
(run by ctest: /usr/bin/python3 -m unittest, PYTHONPATH=integrations/buildbot)."""
import json
import unittest

from bittern_buildbot import report
from bittern_buildbot.configurator import platform_matches, worker_properties

REPORT = {
    'schema': 'bittern-report', 'version': '1.3', 'step': 'test', 'status': 'failure',
    'onerror': 'continue', 'duration': 1.5, 'errors': ['1 of 4 tests failed'],
    'tests': {'total': 5, 'passed': 3, 'failed': 1, 'errors': 0, 'ignored': 1, 'other': 0,
              'cases': [{'fixture': 'a.B', 'name': 't1', 'status': 'failure', 'duration': 0.25},
                        {'fixture': 'a.B', 'name': 't2', 'status': 'success', 'file': 'b.py'}]},
    'coverage': {'percentage': 75.0, 'lines': 200, 'coveredLines': 150, 'files': 2},
    'lint': {'total': 3, 'byCategory': {'convention': 2, 'refactor': 0, 'warning': 0,
                                        'error': 1, 'other': 0}},
    'properties': {'agent': 'x'}, 'urls': [], 'files': {'junit': 'junit.xml'},
}

JUNIT = """<testsuites><testsuite name="a.B">
<testcase classname="a.B" name="t1" time="0.25" file="a/b.py" line="12"><failure message="x">boom</failure></testcase>
<testcase classname="a.B" name="t2" time="0.5"/>
<testcase classname="a.B" name="t3"><skipped message="later"/></testcase>
<testcase classname="a.B" name="t4"><error message="y"/></testcase>
</testsuite></testsuites>"""

COBERTURA = """<coverage><packages><package name="."><classes>
<class name="calc" filename="calc.py"><lines><line number="1" hits="1"/><line number="2" hits="0"/>
<line number="3" hits="4"/><line number="4" hits="0"/></lines></class>
<class name="empty" filename="empty.py"><lines/></class>
</classes></package></packages></coverage>"""

ISSUES = json.dumps({'issues': [
    {'fileName': 'calc.py', 'lineStart': 17, 'category': 'convention', 'type': 'C0301',
     'message': 'Line too long'},
    {'message': 'no file'}]})


class ParseReportTest(unittest.TestCase):
    def test_accepts_minor_versions(self):
        self.assertEqual(report.parse_report(json.dumps(REPORT).encode())['step'], 'test')

    def test_rejections(self):
        cases = {
            'not json': ('{', 'report.json is not valid JSON: '),
            'no schema': ('{"version": "1.0"}', 'report.json is not a Bittern report '
                          '(schema is not "bittern-report").'),
            'major 2': ('{"schema": "bittern-report", "version": "2.0"}',
                        'report.json version 2.0 is not supported; '
                        'this plugin reads version 1.x.'),
        }
        for what, (text, message) in cases.items():
            with self.subTest(what):
                with self.assertRaises(report.ReportError) as caught:
                    report.parse_report(text)
                self.assertTrue(str(caught.exception).startswith(message), str(caught.exception))


class SummaryTest(unittest.TestCase):
    def test_summary_text(self):
        self.assertEqual(report.summary_text(REPORT),
                         '5 tests, 1 failed, 1 ignored, coverage 75.0%, 3 lint problems')

    def test_without_metrics(self):
        bare = {'status': 'failure', 'errors': ['Executing cp failed (error code 1)']}
        self.assertEqual(report.summary_text(bare), '')
        self.assertFalse(report.has_metrics(bare))
        self.assertEqual(report.status_text(bare), 'Executing cp failed (error code 1)')
        self.assertEqual(report.status_text({'status': 'success', 'errors': []}), 'success')

    def test_html_escapes(self):
        hostile = dict(REPORT, errors=['<script>x</script>'])
        text = report.summary_html('test', hostile)
        self.assertIn('&lt;script&gt;', text)
        self.assertNotIn('<script>', text)
        self.assertIn('<li>a.B.t1: failure</li>', text)


class PropertiesTest(unittest.TestCase):
    def test_first_step(self):
        props = report.merged_properties({}, REPORT)
        self.assertEqual(props['tests_total'], 5)
        self.assertEqual(props['tests_passed'], 3)
        self.assertEqual(props['tests_failed'], 1)
        self.assertEqual(props['tests_ignored'], 1)
        self.assertEqual(props['coverage_percent'], 75.0)
        self.assertEqual(props['lint_total'], 3)
        self.assertEqual(props['lint_error'], 1)
        self.assertEqual(props['agent'], 'x')

    def test_adds_up_over_steps(self):
        first = report.merged_properties({}, REPORT)
        second = {'schema': 'bittern-report', 'version': '1.0',
                  'coverage': {'percentage': 0, 'lines': 200, 'coveredLines': 0, 'files': 1}}
        props = report.merged_properties(first, second)
        self.assertEqual(props['coverage_percent'], 37.5)
        self.assertEqual(props['coverage_lines'], 400)
        self.assertNotIn('tests_total', props)


class CompanionFilesTest(unittest.TestCase):
    def test_junit(self):
        cases = report.tests_from_junit(JUNIT)
        self.assertEqual([c['status'] for c in cases], ['failure', 'success', 'ignore', 'error'])
        self.assertEqual(cases[0]['test_name'], 'a.B.t1')
        self.assertEqual(cases[0]['test_code_path'], 'a/b.py')
        self.assertEqual(cases[0]['line'], 12)
        self.assertEqual(cases[0]['duration_ns'], 250000000)
        self.assertIsNone(cases[2]['duration_ns'])

    def test_junit_broken(self):
        with self.assertRaises(report.ReportError):
            report.tests_from_junit('<testsuite>')

    def test_report_cases(self):
        cases = report.tests_from_report(REPORT)
        self.assertEqual([c['test_name'] for c in cases], ['a.B.t1', 'a.B.t2'])
        self.assertEqual(cases[1]['test_code_path'], 'b.py')

    def test_cobertura(self):
        files = report.coverage_from_cobertura(COBERTURA)
        self.assertEqual([(f['test_code_path'], f['lines'], f['percent']) for f in files],
                         [('calc.py', 4, 50.0), ('empty.py', 0, 0.0)])

    def test_issues(self):
        issues = report.issues_from_json(ISSUES)
        self.assertEqual(issues[0], {'test_name': 'convention C0301', 'test_code_path': 'calc.py',
                                     'line': 17, 'message': 'Line too long'})
        self.assertEqual(issues[1]['test_name'], 'problem')
        self.assertIsNone(issues[1]['test_code_path'])


class PlatformRulesTest(unittest.TestCase):
    def test_rules(self):
        props = {'os': 'Linux', 'machine': 'x86_64', 'python.version': '3.11.2', 'empty': ''}
        cases = [
            ('no rules match everything', [], True),
            ('prefix match', [{'property': 'machine', 'pattern': 'x86'}], True),
            ('case-insensitive', [{'property': 'os', 'pattern': '^linux$'}], True),
            ('every rule must match', [{'property': 'os', 'pattern': 'Linux'},
                                       {'property': 'machine', 'pattern': 'arm'}], False),
            ('missing property', [{'property': 'family', 'pattern': '.*'}], False),
            ('empty property', [{'property': 'empty', 'pattern': '.*'}], False),
            ('anchored at the start only', [{'property': 'machine', 'pattern': '64'}], False),
            ('invalid pattern', [{'property': 'os', 'pattern': '('}], False),
            ('dotted name', [{'property': 'python.version', 'pattern': r'3\.11'}], True),
        ]
        for what, rules, expected in cases:
            with self.subTest(what):
                self.assertEqual(platform_matches(rules, props), expected)


class WorkerPropertiesTest(unittest.TestCase):
    def test_name_defaults_to_the_worker_name(self):
        from buildbot.plugins import worker
        plain = worker.Worker('linux1', 'pw')
        self.assertEqual(worker_properties(plain)['name'], 'linux1')
        named = worker.Worker('linux2', 'pw', properties={'os': 'Linux', 'name': 'alias'})
        self.assertEqual(worker_properties(named)['name'], 'alias')
        self.assertEqual(worker_properties(named)['os'], 'Linux')


if __name__ == '__main__':
    unittest.main()
