#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deterministic generator of the large report files used by bench_reports (stdlib only).

    gen_reports.py OUTDIR [--scale 1.0]

writes OUTDIR/junit-big.xml (1,000 suites x 1,000 testcases at scale 1, with failures,
skipped tests, system-out and properties) and OUTDIR/cobertura-big.xml (gcovr-style with an
external DOCTYPE: 200 packages x 1,000 classes x 20 lines at scale 1). The shape follows
peer-baselines.md section 4. Never write these files into the source tree.
"""
import argparse
import os
import random


def write_junit(path, suites, cases):
    rnd = random.Random(20261128)
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="big">\n')
        for s in range(suites):
            pkg = "org.example.mod%03d" % (s % 97)
            out.write('  <testsuite name="%s.Suite%04d" tests="%d" time="%.3f" '
                      'timestamp="2026-11-28T00:00:00">\n' % (pkg, s, cases, rnd.random() * 60))
            out.write('    <properties>\n      <property name="java.version" value="17.0.9"/>\n'
                      '      <property name="suite.index" value="%d"/>\n    </properties>\n' % s)
            for c in range(cases):
                out.write('    <testcase classname="%s.Suite%04d" name="test_case_%05d" '
                          'time="%.4f"' % (pkg, s, c, rnd.random()))
                roll = rnd.random()
                if roll < 0.0103:
                    out.write('>\n      <failure message="expected &lt;%d&gt; but was &lt;%d&gt;"'
                              ' type="java.lang.AssertionError">java.lang.AssertionError: '
                              'expected &lt;%d&gt; but was &lt;%d&gt;\n'
                              '\tat org.junit.Assert.fail(Assert.java:89)\n'
                              '\tat %s.Suite%04d.test_case_%05d(Suite%04d.java:%d)\n'
                              '      </failure>\n    </testcase>\n'
                              % (c, c + 1, c, c + 1, pkg, s, c, s, 10 + c))
                elif roll < 0.0344:
                    out.write('>\n      <skipped message="not on this platform"/>\n'
                              '    </testcase>\n')
                elif c % 20 == 0:
                    out.write('>\n      <system-out>case %d of suite %d: setup &amp; run ok'
                              '</system-out>\n    </testcase>\n' % (c, s))
                else:
                    out.write('/>\n')
            out.write('    <system-out><![CDATA[suite %d finished]]></system-out>\n'
                      '  </testsuite>\n' % s)
        out.write('</testsuites>\n')


def write_cobertura(path, packages, classes, lines):
    rnd = random.Random(1148533713)
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n"
                  "<!DOCTYPE coverage SYSTEM 'http://cobertura.sourceforge.net/xml/"
                  "coverage-04.dtd'>\n"
                  '<coverage line-rate="0.7" branch-rate="0.5" lines-covered="0" '
                  'lines-valid="0" branches-covered="0" branches-valid="0" complexity="0.0" '
                  'timestamp="1764288000" version="gcovr 5.2">\n'
                  '  <sources>\n    <source>/work/project</source>\n  </sources>\n'
                  '  <packages>\n')
        for p in range(packages):
            out.write('    <package name="src.mod%03d" line-rate="0.7" branch-rate="0.5" '
                      'complexity="0.0">\n      <classes>\n' % p)
            for c in range(classes):
                out.write('        <class name="file%04d_cpp" filename="src/mod%03d/file%04d.cpp"'
                          ' line-rate="0.7" branch-rate="0.5" complexity="0.0">\n'
                          '          <methods/>\n          <lines>\n' % (c, p, c))
                for n in range(lines):
                    hits = rnd.randint(1, 50) if rnd.random() < 0.7 else 0
                    number = 3 + n * 2
                    if n % 5 == 4:
                        out.write('            <line number="%d" hits="%d" branch="true" '
                                  'condition-coverage="50%% (1/2)"/>\n' % (number, hits))
                    else:
                        out.write('            <line number="%d" hits="%d" branch="false"/>\n'
                                  % (number, hits))
                out.write('          </lines>\n        </class>\n')
            out.write('      </classes>\n    </package>\n')
        out.write('  </packages>\n</coverage>\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the suites/packages to write (e.g. 0.1)")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    write_junit(os.path.join(args.outdir, "junit-big.xml"), max(1, int(1000 * args.scale)), 1000)
    write_cobertura(os.path.join(args.outdir, "cobertura-big.xml"),
                    max(1, int(200 * args.scale)), 1000, 20)


if __name__ == "__main__":
    main()
