// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/posixprocesslauncher.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QFile>
#include <QProcessEnvironment>

#include "slave-agent/linesplitter.h"
#include "slave-agent/logging.h"
#include "slave-agent/stopsignal.h"
#include "slave-agent/suspendsignal.h"

extern char **environ;

namespace Agent {

namespace {

constexpr int readChunk = 64 * 1024;
constexpr int pipeBytes = 1024 * 1024;
constexpr int groupPollMilliseconds = 20;

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

/// argv and envp prepared before fork(): the child may not allocate.
struct ExecPlan
{
    QByteArray directory;
    std::vector<QByteArray> storage;
    std::vector<char *> argv;
    std::vector<char *> envp;
    int stdinFd = -1;
};

std::vector<char *> pointers(std::vector<QByteArray> &storage, size_t from)
{
    std::vector<char *> result;
    for (size_t i = from; i < storage.size(); ++i)
        result.push_back(storage[i].data());
    result.push_back(nullptr);
    return result;
}

/// @p systemEntries: the agent's environment as toStringList() entries, encoded.
void buildPlan(const ProcessSpec &spec, const std::vector<QByteArray> &systemEntries,
               ExecPlan &plan)
{
    plan.directory = QFile::encodeName(spec.workingDirectory);
    plan.storage.push_back(QFile::encodeName(spec.program));
    for (const QString &argument : spec.arguments)
        plan.storage.push_back(QFile::encodeName(argument));
    const size_t envStart = plan.storage.size();
    if (spec.environment.isEmpty()) {
        plan.storage.insert(plan.storage.end(), systemEntries.cbegin(), systemEntries.cend());
    } else {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (auto it = spec.environment.cbegin(); it != spec.environment.cend(); ++it)
            environment.insert(it.key(), it.value());
        for (const QString &entry : environment.toStringList())
            plan.storage.push_back(QFile::encodeName(entry));
    }
    plan.argv = pointers(plan.storage, 0);
    plan.argv.resize(envStart + 1);
    plan.argv[envStart] = nullptr;
    plan.envp = pointers(plan.storage, envStart);
}

/// Runs in the vfork()ed child: only async-signal-safe calls, no allocation, no return.
[[noreturn]] void execChild(const ExecPlan &plan, const int outFd, const int errFd,
                            const int reportFd)
{
    ::setpgid(0, 0);
    for (int signalNumber : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD})
        ::signal(signalNumber, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(plan.stdinFd, 0);
    ::dup2(outFd, 1);
    ::dup2(errFd, 2);
    int stage = 0;
    if (!plan.directory.isEmpty() && ::chdir(plan.directory.constData()) != 0) {
        stage = 1;
    } else {
        ::execvpe(plan.argv[0], plan.argv.data(), plan.envp.data());
    }
    const int report[2] = {stage, errno};
    [[maybe_unused]] const ssize_t written = ::write(reportFd, report, sizeof report);
    ::_exit(127);
}

/**
 * Starts the child with vfork(): unlike fork() it copies none of the agent's page tables (about
 * 0.2 ms per command). All signals stay blocked until the child has reset its handlers, so no
 * handler of the agent runs in the child while it shares the agent's memory.
 */
pid_t spawnChild(const ExecPlan &plan, const int outFd, const int errFd, const int reportFd)
{
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &previous);
    const pid_t pid = ::vfork();
    if (pid == 0)
        execChild(plan, outFd, errFd, reportFd);
    const int spawnErrno = errno;
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    errno = spawnErrno;
    return pid;
}

int exitCodeOf(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

/**
 * Watches one started process group until the leader has exited, its pipes are at EOF and
 * nothing of the group is left; stops and continues it as the SuspendSignal says.
 */
class Supervisor
{
public:
    Supervisor(pid_t pid, int outFd, int errFd, StopSignal *stop, SuspendSignal *suspend, int grace,
               const OutputHandler &onOutput, const std::function<void()> &afterRead)
        : m_pid(pid),
          m_stop(stop),
          m_suspend(suspend),
          m_grace(grace),
          m_out([&onOutput](const OutputLine &line) { onOutput(ProcessStream::StdOut, line); }),
          m_err([&onOutput](const OutputLine &line) { onOutput(ProcessStream::StdErr, line); }),
          m_afterRead(afterRead)
    {
        m_fds[0] = outFd;
        m_fds[1] = errFd;
        m_out.setPlainRuns(LineSplitter::PlainRuns::Joined);
        m_err.setPlainRuns(LineSplitter::PlainRuns::Joined);
        m_pidFd = int(::syscall(SYS_pidfd_open, pid, 0));
    }
    ~Supervisor()
    {
        for (int fd : {m_fds[0], m_fds[1], m_pidFd}) {
            if (fd >= 0)
                ::close(fd);
        }
    }

    ProcessOutcome wait(int timeoutSeconds)
    {
        if (timeoutSeconds > 0)
            m_deadline = nowMs() + qint64(timeoutSeconds) * 1000;
        while (isBusy()) {
            pollOnce();
            handleClock();
        }
        if (m_fds[0] >= 0 || m_fds[1] >= 0)
            qCWarning(lcAgentProcess, "Gave up reading the pipes of process %lld.", qint64(m_pid));
        m_outcome.exitCode = m_exitCode;
        return m_outcome;
    }

private:
    bool isBusy()
    {
        // waitpid() only when something can have changed: not once per batch of output.
        if (m_mayReap || m_pidFd < 0 || m_leaderDone || m_termAt > 0) {
            m_mayReap = false;
            reap();
        }
        if (m_abandoned)
            return false;
        if (m_fds[0] >= 0 || m_fds[1] >= 0 || !m_leaderDone)
            return true;
        return m_termAt > 0 && ::kill(-m_pid, 0) == 0; // wait until the group is gone
    }

    void pollOnce()
    {
        pollfd fds[5];
        int count = 0;
        for (int fd : {m_fds[0], m_fds[1], m_stop ? m_stop->readFd() : -1,
                       m_suspend ? m_suspend->readFd() : -1, m_leaderDone ? -1 : m_pidFd})
            fds[count++] = pollfd{fd, POLLIN, 0};
        const int result = ::poll(fds, nfds_t(count), pollTimeout());
        if (result <= 0)
            return;
        bool read = false;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd >= 0 && fds[i].revents != 0) {
                readPipe(i);
                read = true;
            }
        }
        if (read && m_afterRead)
            m_afterRead();
        if (fds[4].fd >= 0 && fds[4].revents != 0)
            m_mayReap = true;
        if (fds[2].fd >= 0 && fds[2].revents != 0 && m_stop->isRequested())
            stop(ProcessOutcome::Status::Cancelled);
        if (fds[3].fd >= 0 && fds[3].revents != 0)
            followSuspension(m_suspend->isSuspended());
    }

    int pollTimeout() const
    {
        qint64 wait = -1;
        const qint64 now = nowMs();
        for (qint64 at : {m_outcome.status == ProcessOutcome::Status::Exited ? m_deadline : 0,
                          m_termAt > 0 && m_killAt == 0 ? m_termAt + m_grace : 0,
                          m_killAt > 0 ? m_killAt + m_grace : 0}) {
            if (at > 0 && (wait < 0 || at - now < wait))
                wait = qMax<qint64>(0, at - now);
        }
        const bool needsTicks = (!m_leaderDone && m_pidFd < 0) || m_termAt > 0;
        if (needsTicks && (wait < 0 || wait > groupPollMilliseconds))
            wait = groupPollMilliseconds;
        return int(wait);
    }

    void readPipe(int index)
    {
        char buffer[readChunk];
        const ssize_t count = ::read(m_fds[index], buffer, sizeof buffer);
        if (count > 0) {
            (index == 0 ? m_out : m_err).feed(buffer, count);
        } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
            (index == 0 ? m_out : m_err).finish();
            ::close(m_fds[index]);
            m_fds[index] = -1;
        }
    }

    void reap()
    {
        int status = 0;
        pid_t reaped = 0;
        while ((reaped = ::waitpid(-m_pid, &status, WNOHANG)) > 0) {
            if (reaped == m_pid) {
                m_leaderDone = true;
                m_exitCode = exitCodeOf(status);
                terminateGroup(); // nothing of the step may outlive it
            }
        }
    }

    void handleClock()
    {
        const qint64 now = nowMs();
        if (m_deadline > 0 && now >= m_deadline
            && m_outcome.status == ProcessOutcome::Status::Exited && !m_leaderDone)
            stop(ProcessOutcome::Status::TimedOut);
        if (m_termAt > 0 && m_killAt == 0 && now >= m_termAt + m_grace) {
            ::kill(-m_pid, SIGKILL);
            m_killAt = now;
        }
        if (m_killAt > 0 && now >= m_killAt + m_grace)
            m_abandoned = true; // something escaped the group and holds our pipes
    }

    void stop(ProcessOutcome::Status status)
    {
        if (m_outcome.status != ProcessOutcome::Status::Exited)
            return;
        m_outcome.status = status;
        terminateGroup();
    }

    void terminateGroup()
    {
        if (m_termAt > 0)
            return;
        followSuspension(false); // a stopped process acts on SIGTERM only once it runs again
        if (::kill(-m_pid, SIGTERM) == 0)
            m_termAt = nowMs();
    }

    /// Stops or continues the group. The timeout counts running time only: suspending keeps
    /// what is left of it, continuing sets the deadline that far from now.
    void followSuspension(bool suspended)
    {
        if (suspended == m_suspended || (suspended && (m_termAt > 0 || m_leaderDone)))
            return;
        const qint64 now = nowMs();
        ::kill(-m_pid, suspended ? SIGSTOP : SIGCONT);
        m_suspended = suspended;
        if (suspended) {
            m_remaining = m_deadline > 0 ? qMax<qint64>(0, m_deadline - now) : -1;
            m_deadline = 0;
        } else if (m_remaining >= 0) {
            m_deadline = now + m_remaining;
            m_remaining = -1;
        }
    }

    pid_t m_pid;
    StopSignal *m_stop;
    SuspendSignal *m_suspend;
    int m_grace;
    int m_fds[2];
    int m_pidFd = -1;
    LineSplitter m_out;
    LineSplitter m_err;
    std::function<void()> m_afterRead;
    ProcessOutcome m_outcome;
    int m_exitCode = 0;
    bool m_leaderDone = false;
    bool m_mayReap = true; ///< the leader may have exited (its pidfd was readable)
    bool m_abandoned = false;
    bool m_suspended = false; ///< the group was sent SIGSTOP and not yet SIGCONT
    qint64 m_deadline = 0;
    qint64 m_remaining = -1; ///< while suspended: the timeout left in ms; -1: none
    qint64 m_termAt = 0;
    qint64 m_killAt = 0;
};

ProcessOutcome failure(const QString &message)
{
    ProcessOutcome outcome;
    outcome.status = ProcessOutcome::Status::FailedToStart;
    outcome.exitCode = -1;
    outcome.errorString = message;
    return outcome;
}

QString startError(const ProcessSpec &spec, const int report[2])
{
    const QString cause = QString::fromLocal8Bit(std::strerror(report[1]));
    if (report[0] == 1) {
        return QStringLiteral("Could not change to directory %1 to run %2: %3.")
                .arg(spec.workingDirectory, spec.program, cause);
    }
    return QStringLiteral("Could not start %1: %2.").arg(spec.program, cause);
}

int openStdin(const ProcessSpec &spec)
{
    const QByteArray path = spec.stdinFile.isEmpty() ? QByteArrayLiteral("/dev/null")
                                                     : QFile::encodeName(spec.stdinFile);
    return ::open(path.constData(), O_RDONLY | O_CLOEXEC);
}

} // namespace

PosixProcessLauncher::PosixProcessLauncher(StopSignal *stop, int graceMilliseconds)
    : m_stop(stop), m_graceMilliseconds(graceMilliseconds)
{
    // Orphaned grandchildren become ours, so they can be reaped and checked for.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
}

const std::vector<QByteArray> &PosixProcessLauncher::systemEnvironment()
{
    // Converting the environment through QProcessEnvironment cost ~50 µs per command; it is
    // redone only when environ changed (setenv() and putenv() replace entries or the array).
    std::vector<const char *> current;
    for (char **entry = environ; entry && *entry; ++entry)
        current.push_back(*entry);
    if (!m_environmentRead || current != m_environSnapshot) {
        m_environSnapshot = std::move(current);
        m_environmentEntries.clear();
        for (const QString &entry : QProcessEnvironment::systemEnvironment().toStringList())
            m_environmentEntries.push_back(QFile::encodeName(entry));
        m_environmentRead = true;
    }
    return m_environmentEntries;
}

void PosixProcessLauncher::waitWhileSuspended()
{
    while (m_suspend && m_suspend->isSuspended() && !(m_stop && m_stop->isRequested())) {
        pollfd fds[2] = {pollfd{m_suspend->readFd(), POLLIN, 0},
                         pollfd{m_stop ? m_stop->readFd() : -1, POLLIN, 0}};
        ::poll(fds, 2, -1);
    }
}

ProcessOutcome PosixProcessLauncher::run(const ProcessSpec &spec, const LineHandler &onLine)
{
    return runLines(spec, [&onLine](ProcessStream stream, const OutputLine &line) {
        line.forEachLine([&](const OutputLine &one) { onLine(stream, one.text()); });
    });
}

ProcessOutcome PosixProcessLauncher::runLines(const ProcessSpec &spec,
                                              const OutputHandler &onOutput)
{
    waitWhileSuspended(); // a suspended build starts nothing new
    if (m_stop && m_stop->isRequested())
        return ProcessOutcome{ProcessOutcome::Status::Cancelled, -1, QString()};
    ExecPlan plan;
    buildPlan(spec, systemEnvironment(), plan);
    plan.stdinFd = openStdin(spec);
    if (plan.stdinFd < 0) {
        return failure(QStringLiteral("Could not open %1 as the input of %2: %3.")
                               .arg(spec.stdinFile, spec.program,
                                    QString::fromLocal8Bit(std::strerror(errno))));
    }
    int out[2], err[2], report[2];
    ::pipe2(out, O_CLOEXEC);
    ::pipe2(err, O_CLOEXEC);
    // A larger stdout pipe: fewer wake-ups and context switches when a command prints a lot
    // (best effort; the limit is /proc/sys/fs/pipe-max-size).
    ::fcntl(out[0], F_SETPIPE_SZ, pipeBytes);
    ::pipe2(report, O_CLOEXEC);
    const pid_t pid = spawnChild(plan, out[1], err[1], report[1]);
    const int spawnErrno = errno;
    if (pid > 0)
        ::setpgid(pid, pid);
    for (int fd : {plan.stdinFd, out[1], err[1], report[1]})
        ::close(fd);
    if (pid < 0) {
        for (int fd : {out[0], err[0], report[0]})
            ::close(fd);
        const int cause[2] = {0, spawnErrno};
        return failure(startError(spec, cause));
    }
    int startReport[2] = {0, 0};
    const ssize_t reported = ::read(report[0], startReport, sizeof startReport);
    ::close(report[0]);
    m_lastPid = pid;
    if (reported == ssize_t(sizeof startReport)) {
        ::waitpid(pid, nullptr, 0);
        ::close(out[0]);
        ::close(err[0]);
        return failure(startError(spec, startReport));
    }
    Supervisor supervisor(pid, out[0], err[0], m_stop, m_suspend, m_graceMilliseconds, onOutput,
                          m_afterRead);
    return supervisor.wait(spec.timeoutSeconds);
}

} // namespace Agent
