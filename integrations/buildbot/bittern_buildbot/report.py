# SPDX-License-Identifier: GPL-3.0-or-later
"""report.json (docs/report-json.md) and its companion files turned into Buildbot records.

Pure functions: no Buildbot import, no I/O. The step (steps.py) fetches the files from the
worker and hands their text to these functions; the unit tests call them directly.
"""
import html
import json
import xml.etree.ElementTree as ElementTree

SCHEMA = 'bittern-report'
MAJOR_VERSION = 1

#: Categories of report.json's lint.byCategory, in the order the summaries show them.
LINT_CATEGORIES = ('error', 'warning', 'refactor', 'convention', 'other')


class ReportError(ValueError):
    """report.json could not be used; the message is a complete sentence."""


def parse_report(text):
    """Returns report.json's object; raises ReportError for anything this plugin can't read."""
    if isinstance(text, bytes):
        text = text.decode('utf-8', errors='replace')
    try:
        report = json.loads(text)
    except ValueError as error:
        raise ReportError(f'report.json is not valid JSON: {error}.') from None
    if not isinstance(report, dict) or report.get('schema') != SCHEMA:
        raise ReportError('report.json is not a Bittern report (schema is not "bittern-report").')
    version = str(report.get('version', ''))
    major = version.split('.')[0]
    if major != str(MAJOR_VERSION):
        raise ReportError(f'report.json version {version} is not supported; '
                          f'this plugin reads version {MAJOR_VERSION}.x.')
    return report


def failed_tests(tests):
    """Tests that did not pass and were not ignored, as Bitten's UI counts them."""
    return tests.get('failed', 0) + tests.get('errors', 0) + tests.get('other', 0)


def summary_text(report):
    """The step summary: '4 tests, 1 failed, coverage 80.0%, 2 lint problems' (empty when the
    step reported nothing)."""
    parts = []
    tests = report.get('tests')
    if tests is not None:
        parts.append(f"{tests.get('total', 0)} tests, {failed_tests(tests)} failed")
        if tests.get('ignored', 0):
            parts.append(f"{tests['ignored']} ignored")
    coverage = report.get('coverage')
    if coverage is not None:
        parts.append(f"coverage {float(coverage.get('percentage', 0)):.1f}%")
    lint = report.get('lint')
    if lint is not None:
        total = lint.get('total', 0)
        parts.append(f"{total} lint problem{'' if total == 1 else 's'}")
    return ', '.join(parts)


def status_text(report):
    """The summary of a step without metrics: its first error, else its status."""
    errors = report.get('errors') or []
    return errors[0] if errors else report.get('status', 'unknown')


def has_metrics(report):
    return any(report.get(key) is not None for key in ('tests', 'coverage', 'lint'))


def merged_properties(previous, report):
    """Build properties after this step: counts add up over the build's steps, and the
    coverage percentage stays line-weighted (previous: the build's current values)."""
    def prev(name):
        value = previous.get(name)
        return value if isinstance(value, (int, float)) else 0

    props = {}
    tests = report.get('tests')
    if tests is not None:
        props['tests_total'] = prev('tests_total') + tests.get('total', 0)
        props['tests_passed'] = prev('tests_passed') + tests.get('passed', 0)
        props['tests_failed'] = prev('tests_failed') + failed_tests(tests)
        props['tests_ignored'] = prev('tests_ignored') + tests.get('ignored', 0)
    coverage = report.get('coverage')
    if coverage is not None:
        lines = prev('coverage_lines') + coverage.get('lines', 0)
        covered = prev('coverage_covered_lines') + float(coverage.get('coveredLines', 0))
        props['coverage_lines'] = lines
        props['coverage_covered_lines'] = covered
        props['coverage_percent'] = round(100.0 * covered / lines, 2) if lines else 0.0
    lint = report.get('lint')
    if lint is not None:
        props['lint_total'] = prev('lint_total') + lint.get('total', 0)
        by_category = lint.get('byCategory', {})
        for category in LINT_CATEGORIES:
            name = f'lint_{category}'
            props[name] = prev(name) + by_category.get(category, 0)
    for name, value in report.get('properties', {}).items():
        props[name] = value
    return props


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _duration_ns(seconds):
    try:
        return int(round(float(seconds) * 1e9))
    except (TypeError, ValueError):
        return None


def _test_name(fixture, name):
    if not fixture or fixture == name:
        return name or fixture or '(unnamed)'
    return f'{fixture}.{name}' if name else fixture


def tests_from_junit(text):
    """Every test case of junit.xml as dicts (test_name, test_code_path, line, duration_ns,
    status: success, failure, error or ignore)."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ReportError(f'junit.xml is not well-formed XML: {error}.') from None
    results = []
    for case in root.iter('testcase'):
        status = 'success'
        for child, name in (('failure', 'failure'), ('error', 'error'), ('skipped', 'ignore')):
            if case.find(child) is not None:
                status = name
                break
        results.append({'test_name': _test_name(case.get('classname'), case.get('name')),
                        'test_code_path': case.get('file') or None,
                        'line': _int_or_none(case.get('line')),
                        'duration_ns': _duration_ns(case.get('time')),
                        'status': status})
    return results


def tests_from_report(report):
    """The (possibly capped) test cases listed in report.json, in the shape of tests_from_junit."""
    cases = (report.get('tests') or {}).get('cases', [])
    return [{'test_name': _test_name(case.get('fixture'), case.get('name')),
             'test_code_path': case.get('file') or None,
             'line': None,
             'duration_ns': _duration_ns(case.get('duration')),
             'status': case.get('status', 'other')} for case in cases]


def coverage_from_cobertura(text):
    """One entry per class of cobertura.xml: test_name, test_code_path, lines, percent."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ReportError(f'cobertura.xml is not well-formed XML: {error}.') from None
    files = []
    for cls in root.iter('class'):
        lines = cls.findall('lines/line')
        hit = sum(1 for line in lines if (_int_or_none(line.get('hits')) or 0) > 0)
        percent = 100.0 * hit / len(lines) if lines else 0.0
        files.append({'test_name': cls.get('name') or cls.get('filename'),
                      'test_code_path': cls.get('filename') or None,
                      'lines': len(lines),
                      'percent': percent})
    return files


def issues_from_json(text):
    """The issues of issues.json (warnings-ng native format): test_name, test_code_path, line,
    message."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ReportError(f'issues.json is not valid JSON: {error}.') from None
    issues = []
    for issue in document.get('issues', []):
        category = issue.get('category', '')
        kind = issue.get('type', '')
        label = f'{category} {kind}'.strip() or 'problem'
        issues.append({'test_name': label,
                       'test_code_path': issue.get('fileName') or None,
                       'line': _int_or_none(issue.get('lineStart')),
                       'message': issue.get('message', '')})
    return issues


def _row(cells, tag='td'):
    return '<tr>' + ''.join(f'<{tag}>{html.escape(str(c))}</{tag}>' for c in cells) + '</tr>'


def summary_html(step_name, report):
    """The HTML log a person reads in Buildbot's UI: status, counts, errors and links."""
    out = [f'<h3>Bitten step {html.escape(report.get("step", step_name))}: '
           f'{html.escape(report.get("status", "unknown"))}</h3>', '<table>']
    tests = report.get('tests')
    if tests is not None:
        out.append(_row(['tests', 'total', 'passed', 'failed', 'ignored'], 'th'))
        out.append(_row(['', tests.get('total', 0), tests.get('passed', 0), failed_tests(tests),
                         tests.get('ignored', 0)]))
    coverage = report.get('coverage')
    if coverage is not None:
        out.append(_row(['coverage', 'percent', 'lines', 'files'], 'th'))
        out.append(_row(['', f"{float(coverage.get('percentage', 0)):.1f}%",
                         coverage.get('lines', 0), coverage.get('files', 0)]))
    lint = report.get('lint')
    if lint is not None:
        out.append(_row(['lint', 'total'] + list(LINT_CATEGORIES), 'th'))
        by_category = lint.get('byCategory', {})
        out.append(_row(['', lint.get('total', 0)]
                        + [by_category.get(c, 0) for c in LINT_CATEGORIES]))
    out.append('</table>')
    failing = [c for c in (tests or {}).get('cases', []) if c.get('status') != 'success']
    if failing:
        out.append('<h4>Tests that did not pass</h4><ul>')
        out.extend(f'<li>{html.escape(_test_name(c.get("fixture"), c.get("name")))}: '
                   f'{html.escape(c.get("status", ""))}</li>' for c in failing)
        out.append('</ul>')
    if report.get('errors'):
        out.append('<h4>Errors</h4><ul>')
        out.extend(f'<li>{html.escape(e)}</li>' for e in report['errors'])
        out.append('</ul>')
    return '\n'.join(out) + '\n'
