#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""python3-jenkins (Debian's package, an independent Jenkins client) against the stand-in.

Shows that the stand-in answers the calls the bridge relies on the way Jenkins does, as seen by a
client we did not write: create_job, reconfig_job, build_job, get_queue_item, get_build_info,
get_build_console_output and get_build_test_report, with an API token and with a password (crumb
plus session cookie). Usage: test_python_jenkins.py PATH/TO/jenkins-standin
"""
import os
import subprocess
import sys
import unittest

import jenkins

STANDIN = sys.argv.pop(1) if len(sys.argv) > 1 else None
USER = "bittern"
TOKEN = "11d3b0aa5ed0e1c1a6e8d3f2b4c5a6e7f8"
PASSWORD = "s3cret"
SHARED = os.environ.get("BITTERN_SHARED", os.path.join(os.path.dirname(__file__), "../../../../shared"))


def fixture(*parts):
    with open(os.path.join(SHARED, "fixtures", "jenkins", *parts), encoding="utf-8") as f:
        return f.read()


class PythonJenkinsAgainstStandin(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The stand-in serves until its stdin closes; tearDownClass always stops it.
        cls.process = subprocess.Popen([STANDIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            line = cls.process.stdout.readline().decode().split()
            assert line[0] == "PORT", line
            cls.url = "http://127.0.0.1:%s/jenkins/" % line[1]
        except Exception:
            cls.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.stop()

    @classmethod
    def stop(cls):
        cls.process.stdin.close()
        cls.process.stdout.close()
        try:
            cls.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cls.process.kill()
            cls.process.wait()

    def client(self, secret):
        server = jenkins.Jenkins(self.url, username=USER, password=secret, timeout=10)
        self.addCleanup(server._session.close)
        return server

    def round_trip(self, server, name):
        config = fixture("config", "pipeline_string_param__api4jenkins.xml")
        server.create_job(name, config)
        self.assertTrue(server.job_exists(name))
        with self.assertRaisesRegex(jenkins.JenkinsException, r"job\[%s\] already exists" % name):
            server.create_job(name, config)

        updated = config.replace("echo params.ARG1", "echo params.ARG1 twice")
        server.reconfig_job(name, updated)
        self.assertEqual(server.get_job_config(name), updated)

        queue_id = server.build_job(name, {"ARG1": "a b+c&d"})
        self.assertIsInstance(queue_id, int)
        states = []
        for _ in range(10):
            item = server.get_queue_item(queue_id)
            states.append(item["_class"])
            if item.get("executable"):
                break
        self.assertEqual(states[0], "hudson.model.Queue$WaitingItem")
        self.assertIn("hudson.model.Queue$BuildableItem", states)
        self.assertEqual(states[-1], "hudson.model.Queue$LeftItem")
        self.assertEqual(item["id"], queue_id)
        number = item["executable"]["number"]

        info = server.get_build_info(name, number)
        self.assertEqual(info["number"], number)
        self.assertEqual(info["queueId"], queue_id)
        self.assertFalse(info["building"])
        self.assertEqual(info["result"], "SUCCESS")
        parameters = [a for a in info["actions"] if a.get("_class") == "hudson.model.ParametersAction"]
        self.assertEqual(parameters[0]["parameters"][0]["value"], "a b+c&d")
        with self.assertRaisesRegex(jenkins.JenkinsException, r"number\[99\] does not exist"):
            server.get_build_info(name, 99)

        console = server.get_build_console_output(name, number)
        self.assertTrue(console.startswith('Started by upstream project "chicken"'), console[:80])
        self.assertTrue(console.rstrip().endswith("Finished: SUCCESS"))

        report = server.get_build_test_report(name, number)
        self.assertEqual(report["_class"], "hudson.tasks.junit.TestResult")
        self.assertEqual((report["passCount"], report["failCount"]), (37, 2))
        self.assertIsNone(server.get_build_test_report(name, 99))  # 404: no report

    def test_api_token(self):
        self.round_trip(self.client(TOKEN), "py-token")

    def test_password_with_crumb_and_session_cookie(self):
        server = self.client(PASSWORD)
        self.round_trip(server, "py-password")
        self.assertEqual(server.crumb["crumbRequestField"], "Jenkins-Crumb")
        self.assertTrue(any(c.name.startswith("JSESSIONID.") for c in server._session.cookies))

    def test_bad_credentials_are_401(self):
        with self.assertRaisesRegex(jenkins.JenkinsException, r"\[401\]"):
            self.client("wrong").get_job_config("anything")

    def test_missing_job_is_404(self):
        self.assertFalse(self.client(TOKEN).job_exists("no such job"))
        with self.assertRaises(jenkins.NotFoundException):
            self.client(TOKEN).get_job_config("no such job")


if __name__ == "__main__":
    if not STANDIN:
        sys.exit("usage: test_python_jenkins.py PATH/TO/jenkins-standin")
    unittest.main(verbosity=2)
