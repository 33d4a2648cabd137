"""Runs the tests of this directory and writes Bitten's unittest XML (bitten-spec 4.7.1)."""
import os
import sys
import time
import unittest
from xml.sax.saxutils import quoteattr, escape


class RecordingResult(unittest.TextTestResult):
    """Remembers status, duration and traceback of every test."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = []
        self._started = 0.0

    def startTest(self, test):
        self._started = time.time()
        super().startTest(test)

    def _record(self, test, status, trace=""):
        cls = type(test)
        self.records.append({
            "file": os.path.abspath(sys.modules[cls.__module__].__file__),
            "fixture": cls.__module__ + "." + cls.__name__,
            "name": test._testMethodName,
            "status": status,
            "duration": "%.3f" % (time.time() - self._started),
            "traceback": trace,
        })

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "success")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self._exc_info_to_string(err, test))


def write_xml(path, records):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write("<unittest-results>\n")
        for r in records:
            attrs = " ".join("%s=%s" % (k, quoteattr(r[k]))
                             for k in ("file", "name", "fixture", "status", "duration"))
            trace = "<traceback>%s</traceback>" % escape(r["traceback"]) if r["traceback"] else ""
            out.write("  <test %s>%s</test>\n" % (attrs, trace))
        out.write("</unittest-results>\n")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py")
    runner = unittest.TextTestRunner(resultclass=RecordingResult, verbosity=2, stream=sys.stdout)
    result = runner.run(suite)
    write_xml(argv[1] if len(argv) > 1 else "build/test-results.xml", result.records)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
