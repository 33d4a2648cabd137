// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QThread>
#include <QTimer>

#include "core/classad.h"
#include "core/ownerpolicy.h"
#include "core/recipe.h"
#include "slave-agent/polloptions.h"
#include "slave-agent/resultspool.h"
#include "slave-agent/stepworker.h"

class QNetworkReply;
class QSocketNotifier;

namespace Agent {

class PolicyMonitor;

/// bitten-slave's exit statuses (bitten-spec §6.1).
enum class PollExit {
    Success = 0,
    Unavailable = 69, ///< EX_UNAVAILABLE: the master answered with an HTTP error status
    IoError = 74, ///< EX_IOERR: slave configuration or spool unusable
    Protocol = 76, ///< EX_PROTOCOL: an unexpected response
    NoPermission = 77, ///< EX_NOPERM
    Stopped = 1, ///< SIGINT/SIGTERM or stop(): the build was cancelled on the master
};

/// Everything the poll client needs, prepared by the CLI.
struct PollSettings
{
    PollOptions options;
    QString slaveName;
    QByteArray registration; ///< the <slave> body (SlaveProperties::registrationXml)
    QHash<QString, QString> properties; ///< slave properties for interpolation
    QHash<QString, QString> externalCommands;
    QHash<QString, QString> environment;
    QString workDir; ///< existing, absolute
    QString spoolDir;
    int minRetryMilliseconds = 1000; ///< first reconnect delay; doubles up to the interval
    /// The machine ad sent with every poll inside the `<slave>` body (issue 8, Core::MachineAdXml;
    /// PollCli measures the machine again each time); empty: none, as bitten-slave.
    std::function<Core::Result<Core::ClassAd>()> machineAd;

    // --- preemption (issue 8 item 5; pollclientpreemption.cpp) ---------------------------
    /// Evaluates the owner policy now (PollCli re-reads the INI file); empty: never vacates.
    std::function<Core::Result<Core::OwnerPolicyDecision>()> ownerPolicy;
    int policyIntervalMilliseconds = 30000; ///< `[bittern] policy_interval`
};

/**
 * The slave side of the Bitten master protocol v5 (bitten-spec §5): registers with the
 * master, fetches the recipe, runs its steps on a StepWorker thread, sends keepalives and
 * posts each step result in order. Results go through a ResultSpool on disk: while the master
 * is unreachable the build keeps running and the results wait; they are delivered once, in
 * order, when it answers again (reconnects back off exponentially up to the poll interval).
 * An HTTP error status ends the client with PollExit::Unavailable, as bitten-slave exits 69.
 */
class PollClient final : public QObject
{
    Q_OBJECT
public:
    explicit PollClient(const PollSettings &settings, QObject *parent = nullptr);
    ~PollClient() override;
    Q_DISABLE_COPY_MOVE(PollClient)

    /// Opens the spool and sends the first poll.
    void start();
    /// Routes SIGINT and SIGTERM to stop() (bittern-agent; tests call stop()).
    void installSignalHandlers() { m_worker->installSignalHandlers(); }
    /// Like Ctrl-C to bitten-slave: stops the running step, cancels the build on the master
    /// (DELETE) and finishes with PollExit::Stopped.
    void stop() { m_worker->requestStop(); }
    int buildsDone() const { return m_buildsDone; }

Q_SIGNALS:
    /// Emitted once; the process exit status.
    void finished(Agent::PollExit status);
    /// A step result was delivered to the master (for tests and logs).
    void stepDelivered(const QString &url);

private:
    QNetworkReply *send(const QByteArray &verb, const QString &url,
                        const QByteArray &contentType = {}, const QByteArray &body = {});
    void poll();
    /// The registration with the current machine ad (issue 8).
    QByteArray registrationBody() const;
    void handlePollReply(QNetworkReply *reply);
    void fetchRecipe();
    void handleRecipeReply(QNetworkReply *reply);
    void startBuild(const QByteArray &recipeXml);
    void runNextStep();
    void handleStepFinished(int index, Agent::StepVerdict verdict, const QString &resultFile,
                            const QString &message);
    /// Spools the uploads of the files a step attached (bitten-spec §5.7), before its result.
    Core::Result<void> spoolAttachments(const QByteArray &resultXml);
    void deliver();
    void handleDeliveryReply(QNetworkReply *reply, const SpoolEntry &entry);
    void sendKeepalive();
    void finishBuildIfDone();
    void handleStopRequested();
    void cancelAndStop();
    void retryLater(void (PollClient::*what)());
    void resetBackoff();
    void finish(PollExit status);
    void say(const QString &line) const;

    // --- preemption (issue 8 item 5; pollclientpreemption.cpp) ---------------------------
    void setUpPreemption();
    /// START gate before a poll; false: the poll was postponed (or the client finished).
    bool mayPoll();
    /// Reads the master's preemption support from the recipe reply.
    void notePreemptionSupport(QNetworkReply *reply);
    void beginBuildPreemption();
    /// Vacates the running build (owner policy or the master's X-Bittern-Vacate).
    void vacate(const QString &reason);
    /// SUSPEND is TRUE: the running step's process group is stopped and no later step starts;
    /// keepalives go on, so the master keeps the build.
    void suspend(const QString &reason);
    /// The owner policy says Run again: the step continues (or the next one starts).
    void continueBuild();
    /// Forgets a suspension without a log line (a build begins or is vacated).
    void endSuspension();
    /// Honours an X-Bittern-Vacate header of a keepalive or step reply.
    void noteVacateHeader(QNetworkReply *reply);
    /// Before step m_stepIndex starts: true when the build is vacated instead.
    bool vacateBeforeStep();
    /// Reports step @p index as preempted (or only stops, for a Bitten master).
    void vacateAt(int index);
    void finishVacatedBuild();

    PolicyMonitor *m_policy = nullptr;
    QString m_vacateReason;
    bool m_preemptionSupported = false; ///< the master sent X-Bittern-Preemption
    bool m_vacateRequested = false;
    bool m_suspended = false; ///< the owner policy's SUSPEND holds the build (suspend())
    bool m_vacated = false; ///< the preempted report is spooled; the build ends once delivered
    bool m_startRefused = false;

    PollSettings m_settings;
    QNetworkAccessManager m_network;
    ResultSpool m_spool;
    QThread m_thread;
    StepWorker *m_worker = nullptr;
    QTimer m_keepaliveTimer;
    QSocketNotifier *m_stopNotifier = nullptr;
    int m_urlIndex = 0;
    int m_backoffMs = 0;
    QString m_buildUrl;
    Core::Recipe m_recipe;
    QString m_basedirRoot;
    int m_stepIndex = 0;
    bool m_stepsDone = false;
    bool m_delivering = false;
    bool m_keepaliveInFlight = false;
    bool m_finished = false;
    bool m_stepRunning = false;
    bool m_cancelling = false; ///< cancelAndStop() ran (one DELETE per stop)
    bool m_stopping = false;
    int m_buildsDone = 0;
};

} // namespace Agent

Q_DECLARE_METATYPE(Agent::PollExit)
