// SPDX-License-Identifier: GPL-3.0-or-later
#include <atomic>
#include <csignal>
#include <memory>

#include <sys/syscall.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "slave-agent/posixprocesslauncher.h"
#include "slave-agent/stopsignal.h"
#include "slave-agent/suspendsignal.h"
#include "tests/testlib/processstate.h"

using Agent::ProcessOutcome;
using Agent::ProcessSpec;
using Agent::ProcessStream;

namespace {

ProcessSpec shell(const QString &script, int timeout = 0)
{
    ProcessSpec spec;
    spec.program = "sh";
    spec.arguments = QStringList{"-c", script};
    spec.timeoutSeconds = timeout;
    return spec;
}

bool isGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

/// Collects lines; the first stdout line that is a number is taken as a background pid.
struct Recorder
{
    QStringList out;
    QStringList err;
    qint64 backgroundPid = 0;
    std::function<void()> onFirstLine;

    Agent::LineHandler handler()
    {
        return [this](ProcessStream stream, const QString &line) {
            (stream == ProcessStream::StdOut ? out : err) << line;
            if (stream == ProcessStream::StdOut && backgroundPid == 0) {
                backgroundPid = line.toLongLong();
                if (onFirstLine)
                    onFirstLine();
            }
        };
    }
};

qint64 numberIn(const QTemporaryDir &dir, const QString &name)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

bool touch(const QTemporaryDir &dir, const QString &name)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::WriteOnly);
}

/// A shell that writes its pid to DIR/pid, then counts into DIR/counter until DIR/go exists.
/// bash, not sh: Debian's dash starts `sleep` with vfork() and then waits for a stopped child
/// in state D, so its own state would not show the stop; bash forks and shows T.
ProcessSpec counterLoop(const QTemporaryDir &dir, int timeout)
{
    ProcessSpec spec;
    spec.program = "bash";
    spec.arguments = QStringList{"-c",
                                 "trap 'exit 3' TERM; echo $$ > pid.tmp && mv pid.tmp pid; i=0; "
                                 "while [ ! -e go ]; do i=$((i+1)); echo $i > counter.tmp; "
                                 "mv counter.tmp counter; sleep 0.01; done"};
    spec.timeoutSeconds = timeout;
    spec.workingDirectory = dir.path();
    return spec;
}

/**
 * Runs the launcher on a thread of its own, so the test can suspend, continue and stop the
 * process meanwhile. The destructor stops whatever still runs and waits for it, so no process
 * outlives a failed test.
 */
class BackgroundRun
{
public:
    BackgroundRun(const ProcessSpec &spec, Agent::SuspendSignal *suspend) : m_launcher(&m_stop, 500)
    {
        m_launcher.setSuspendSignal(suspend);
        m_thread.reset(QThread::create([this, spec] {
            m_threadId = long(::syscall(SYS_gettid));
            m_outcome = m_launcher.run(spec, [](ProcessStream, const QString &) {});
        }));
        m_thread->start();
    }
    ~BackgroundRun()
    {
        m_stop.request();
        m_thread->wait();
    }
    Q_DISABLE_COPY_MOVE(BackgroundRun)

    void stop() { m_stop.request(); }
    bool wait() { return m_thread->wait(20000); }
    /// The launcher thread's state ('S' while it waits in poll()).
    char threadState() const { return TestLib::processState(m_threadId); }
    const ProcessOutcome &outcome() const { return m_outcome; }
    qint64 lastProcessId() const { return m_launcher.lastProcessId(); }

private:
    Agent::StopSignal m_stop;
    Agent::PosixProcessLauncher m_launcher;
    std::unique_ptr<QThread> m_thread;
    std::atomic<long> m_threadId{0};
    ProcessOutcome m_outcome;
};

} // namespace

class tst_PosixProcessLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data();
    void exitCodes();
    void streams();
    void startFailures_data();
    void startFailures();
    void stdinFile();
    void environmentAndDirectory();
    void hugeOutputLine();
    void groupStopped_data();
    void groupStopped();
    void killAfterGrace();
    void suspended_data();
    void suspended();
    void suspendedBeforeStart_data();
    void suspendedBeforeStart();
};

void tst_PosixProcessLauncher::exitCodes_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("success") << "exit 0" << 0;
    QTest::addRow("failure code kept") << "exit 3" << 3;
    QTest::addRow("killed by a signal is 128 + signal") << "kill -9 $$" << 137;
}

void tst_PosixProcessLauncher::exitCodes()
{
    QFETCH(QString, script);
    QFETCH(int, exitCode);
    Agent::PosixProcessLauncher launcher;
    Recorder recorder;
    const ProcessOutcome outcome = launcher.run(shell(script), recorder.handler());
    QCOMPARE(outcome.status, ProcessOutcome::Status::Exited);
    QCOMPARE(outcome.exitCode, exitCode);
}

void tst_PosixProcessLauncher::streams()
{
    Agent::PosixProcessLauncher launcher;
    Recorder recorder;
    const ProcessOutcome outcome = launcher.run(
            shell("echo one; echo two >&2; printf 'a\\0b  \\n'; printf 'caf\\351\\n'"),
            recorder.handler());
    QCOMPARE(outcome.status, ProcessOutcome::Status::Exited);
    QCOMPARE(recorder.out, (QStringList{"one", "ab", QString::fromLatin1("caf\xe9")}));
    QCOMPARE(recorder.err, QStringList{"two"});
}

void tst_PosixProcessLauncher::startFailures_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("message");
    QTest::addRow("program not found")
            << "/nonexistent/tool"
            << ""
            << "Could not start /nonexistent/tool: No such file or directory.";
    QTest::addRow("not in PATH") << "bittern-no-such-tool"
                                 << ""
                                 << "Could not start bittern-no-such-tool: No such file or "
                                    "directory.";
    QTest::addRow("missing working directory")
            << "true"
            << "/nonexistent/dir"
            << "Could not change to directory /nonexistent/dir to run true: No such file or "
               "directory.";
}

void tst_PosixProcessLauncher::startFailures()
{
    QFETCH(QString, program);
    QFETCH(QString, directory);
    QFETCH(QString, message);
    Agent::PosixProcessLauncher launcher;
    ProcessSpec spec;
    spec.program = program;
    spec.workingDirectory = directory;
    Recorder recorder;
    const ProcessOutcome outcome = launcher.run(spec, recorder.handler());
    QCOMPARE(outcome.status, ProcessOutcome::Status::FailedToStart);
    QCOMPARE(outcome.errorString, message);
}

void tst_PosixProcessLauncher::stdinFile()
{
    QTemporaryDir dir;
    QFile input(dir.filePath("in.txt"));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("first\nsecond\n");
    input.close();
    Agent::PosixProcessLauncher launcher;
    Recorder recorder;
    ProcessSpec spec;
    spec.program = "cat";
    spec.stdinFile = input.fileName();
    QCOMPARE(launcher.run(spec, recorder.handler()).exitCode, 0);
    QCOMPARE(recorder.out, (QStringList{"first", "second"}));

    spec.stdinFile.clear(); // stdin closed at once: cat ends without waiting
    Recorder empty;
    QCOMPARE(launcher.run(spec, empty.handler()).exitCode, 0);
    QVERIFY(empty.out.isEmpty());
}

void tst_PosixProcessLauncher::environmentAndDirectory()
{
    QTemporaryDir dir;
    Agent::PosixProcessLauncher launcher;
    Recorder recorder;
    ProcessSpec spec = shell("echo \"$BITTERN_TEST_VALUE\"; pwd");
    spec.environment.insert("BITTERN_TEST_VALUE", "hello");
    spec.workingDirectory = dir.path();
    QCOMPARE(launcher.run(spec, recorder.handler()).exitCode, 0);
    QCOMPARE(recorder.out, (QStringList{"hello", QFileInfo(dir.path()).canonicalFilePath()}));
}

void tst_PosixProcessLauncher::hugeOutputLine()
{
    Agent::PosixProcessLauncher launcher;
    qint64 total = 0;
    int lines = 0;
    const ProcessOutcome outcome
            = launcher.run(shell("head -c 3000000 /dev/zero | tr '\\0' x; echo; echo end"),
                           [&](ProcessStream, const QString &line) {
                               total += line.size();
                               ++lines;
                           });
    QCOMPARE(outcome.exitCode, 0);
    QCOMPARE(total, qint64(3000000 + 3));
    QCOMPARE(lines, 4); // 3 MB split at the 1 MiB bound, then "end"
}

void tst_PosixProcessLauncher::groupStopped_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("status");
    QTest::addRow("timeout") << "timeout" << int(ProcessOutcome::Status::TimedOut);
    QTest::addRow("stop request") << "request" << int(ProcessOutcome::Status::Cancelled);
    QTest::addRow("SIGTERM to the agent") << "SIGTERM" << int(ProcessOutcome::Status::Cancelled);
    QTest::addRow("SIGINT to the agent") << "SIGINT" << int(ProcessOutcome::Status::Cancelled);
    QTest::addRow("leader exits, child left behind")
            << "leader-exits" << int(ProcessOutcome::Status::Exited);
}

void tst_PosixProcessLauncher::groupStopped()
{
    QFETCH(QString, how);
    QFETCH(int, status);
    Agent::StopSignal stop;
    stop.installHandlers();
    Agent::PosixProcessLauncher launcher(&stop, 500);
    Recorder recorder;
    if (how == "request")
        recorder.onFirstLine = [&stop] { stop.request(); };
    else if (how.startsWith("SIG"))
        recorder.onFirstLine = [how] { ::raise(how == "SIGINT" ? SIGINT : SIGTERM); };
    const QString tail = how == "leader-exits" ? QString() : QStringLiteral("; sleep 100");
    const ProcessOutcome outcome = launcher.run(
            shell("sleep 100 & echo $!" + tail, how == "timeout" ? 1 : 0), recorder.handler());
    QCOMPARE(int(outcome.status), status);
    QVERIFY(recorder.backgroundPid > 0);
    QVERIFY2(isGone(recorder.backgroundPid), "the background child was left behind");
    QVERIFY2(isGone(launcher.lastProcessId()), "the leader was left behind");
    QCOMPARE(stop.isRequested(), how == "request" || how.startsWith("SIG"));
}

void tst_PosixProcessLauncher::killAfterGrace()
{
    Agent::PosixProcessLauncher launcher(nullptr, 200);
    Recorder recorder;
    const ProcessOutcome outcome = launcher.run(
            shell("trap '' TERM; sh -c 'trap \"\" TERM; sleep 100' & echo $!; sleep 100", 1),
            recorder.handler());
    QCOMPARE(outcome.status, ProcessOutcome::Status::TimedOut);
    QCOMPARE(outcome.exitCode, 128 + SIGKILL);
    QVERIFY(isGone(recorder.backgroundPid));
}

void tst_PosixProcessLauncher::suspended_data()
{
    QTest::addColumn<QString>("then");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("continued: runs to its end")
            << "continue" << 0 << int(ProcessOutcome::Status::Exited) << 0;
    QTest::addRow("stopped while suspended: continued, then SIGTERM")
            << "stop" << 0 << int(ProcessOutcome::Status::Cancelled) << 3;
    QTest::addRow("suspended longer than its timeout: not timed out")
            << "continue" << 2 << int(ProcessOutcome::Status::Exited) << 0;
    QTest::addRow("continued: the rest of the timeout runs")
            << "run out" << 1 << int(ProcessOutcome::Status::TimedOut) << 3;
}

void tst_PosixProcessLauncher::suspended()
{
    QFETCH(QString, then);
    QFETCH(int, timeout);
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    Agent::SuspendSignal suspend;
    BackgroundRun run(counterLoop(dir, timeout), &suspend);
    QTRY_VERIFY_WITH_TIMEOUT(numberIn(dir, "pid") > 0 && numberIn(dir, "counter") > 0, 20000);
    const qint64 pid = numberIn(dir, "pid");

    suspend.setSuspended(true);
    QElapsedTimer suspendedFor;
    suspendedFor.start();
    QTRY_COMPARE_WITH_TIMEOUT(TestLib::processState(pid), 'T', 20000);
    const qint64 counted = numberIn(dir, "counter");
    if (then == "stop") {
        run.stop();
        QVERIFY(run.wait());
        QCOMPARE(int(run.outcome().status), status);
        QCOMPARE(run.outcome().exitCode, exitCode);
        QVERIFY2(isGone(pid), "the stopped process was left behind");
        return;
    }
    if (timeout > 0) { // the timeout would have ended it by now if its clock ran
        QTRY_VERIFY_WITH_TIMEOUT(suspendedFor.hasExpired(timeout * 1000 + 500), 10000);
        QCOMPARE(TestLib::processState(pid), 'T');
    }
    QCOMPARE(numberIn(dir, "counter"), counted); // stopped: no more output
    if (then == "continue")
        QVERIFY(touch(dir, "go"));
    suspend.setSuspended(false);
    QTRY_VERIFY(numberIn(dir, "counter") > counted || TestLib::processState(pid) != 'T');
    QVERIFY(run.wait());
    QCOMPARE(int(run.outcome().status), status);
    QCOMPARE(run.outcome().exitCode, exitCode);
}

void tst_PosixProcessLauncher::suspendedBeforeStart_data()
{
    QTest::addColumn<QString>("then");
    QTest::addColumn<int>("status");
    QTest::addRow("continued: starts") << "continue" << int(ProcessOutcome::Status::Exited);
    QTest::addRow("stopped: never starts") << "stop" << int(ProcessOutcome::Status::Cancelled);
}

void tst_PosixProcessLauncher::suspendedBeforeStart()
{
    QFETCH(QString, then);
    QFETCH(int, status);
    QTemporaryDir dir;
    Agent::SuspendSignal suspend;
    suspend.setSuspended(true);
    BackgroundRun run(counterLoop(dir, 0), &suspend);
    QTRY_COMPARE(run.threadState(), 'S'); // waiting for the suspension to end
    QVERIFY(!QFile::exists(dir.filePath("pid")));
    if (then == "stop") {
        run.stop();
    } else {
        QVERIFY(touch(dir, "go"));
        suspend.setSuspended(false);
    }
    QVERIFY(run.wait());
    QCOMPARE(int(run.outcome().status), status);
    QCOMPARE(run.lastProcessId() > 0, then == "continue");
}

QTEST_GUILESS_MAIN(tst_PosixProcessLauncher)
#include "tst_posixprocesslauncher.moc"
