#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python peer of bench_reports: xml.etree iterparse streaming counts, elements cleared.

    parse_iter.py junit|cobertura FILE
"""
import sys
import xml.etree.ElementTree as ET


def junit(path):
    cases = failures = errors = skipped = 0
    for _, elem in ET.iterparse(path, events=("end",)):
        if elem.tag == "testcase":
            cases += 1
            first = next(iter(elem), None)
            if first is not None:
                if first.tag == "skipped":
                    skipped += 1
                elif first.tag == "error":
                    errors += 1
                else:
                    failures += 1
            elem.clear()
        elif elem.tag == "testsuite":
            elem.clear()
    print("testcases %d failures %d errors %d skipped %d" % (cases, failures, errors, skipped))


def cobertura(path):
    classes = lines = covered = 0
    for _, elem in ET.iterparse(path, events=("end",)):
        if elem.tag == "line":
            lines += 1
            if elem.get("hits") != "0":
                covered += 1
        elif elem.tag == "class":
            classes += 1
            elem.clear()
        elif elem.tag == "package":
            elem.clear()
    print("classes %d lines %d covered %d" % (classes, lines, covered))


if __name__ == "__main__":
    {"junit": junit, "cobertura": cobertura}[sys.argv[1]](sys.argv[2])
