// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include "core/retrypolicy.h"
#include "integrations/jenkins/consoletext.h"
#include "integrations/jenkins/jenkinsjson.h"
#include "integrations/jenkins/jobpath.h"
#include "integrations/jenkins/request.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace Jenkins {

class ConsoleFollower;
class TriggerJob;

/// Who the client acts as. The secret is never logged.
struct Credentials
{
    enum class Kind {
        ApiToken, ///< preferred: no crumb, no cookie (Jenkins ≥ 2.96)
        Password, ///< crumb bound to a session cookie on every POST
    };
    QString user;
    QString secret;
    Kind kind = Kind::ApiToken;
};

using RetryPolicy = Core::RetryPolicy;

/// How often the long-running jobs poll (jenkins-contract §8).
struct PollIntervals
{
    int queueMs = 3000;
    int consoleMs = 2000;
};

/**
 * The network shell around Jenkins' HTTP contract: one QNetworkAccessManager and cookie jar per
 * server, pre-emptive HTTP Basic on every request, the crumb flow in password mode, manual
 * redirects on POSTs. Every call returns a job object (Request, TriggerJob, ConsoleFollower) that
 * reports through finished(); URL shapes and payload parsing live in the pure JobPath, JenkinsJson
 * and ConsoleText.
 */
class Client : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)
public:
    /// The build-parameter name that makes each trigger unique and findable (§3.1).
    static QString requestIdParameter() { return QStringLiteral("BITTERN_REQUEST_ID"); }

    enum class StopMode {
        Stop,
        Term,
        Kill,
    };
    Q_ENUM(StopMode)

    /// @p baseUrl is Jenkins' root including any context path ("http://ci/jenkins").
    Client(const QUrl &baseUrl, const Credentials &credentials, QObject *parent = nullptr);
    ~Client() override;

    QUrl baseUrl() const { return m_baseUrl; }
    QString userName() const { return m_credentials.user; }
    /// Jenkins restarts slowly: four attempts, 0.5 s doubling up to 30 s.
    static RetryPolicy defaultRetryPolicy() { return {4, 500, 30000}; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    void setPollIntervals(const PollIntervals &intervals) { m_pollIntervals = intervals; }
    PollIntervals pollIntervals() const { return m_pollIntervals; }
    /// The X-Jenkins version of the first answer; empty before one arrived.
    QString serverVersion() const { return m_serverVersion; }

    // Jobs and folders (config.xml, jenkins-contract §2).
    Request *createJob(const JobPath &job, const QByteArray &configXml);
    Request *createFolder(const JobPath &folder);
    Request *updateJob(const JobPath &job, const QByteArray &configXml);
    /// Result: QByteArray, the stored config.xml.
    Request *jobConfig(const JobPath &job);
    Request *deleteJob(const JobPath &job);
    /// Result: QString, the item's `_class`; NotFound when it does not exist.
    Request *jobClass(const JobPath &job);

    // Builds.
    /// Triggers buildWithParameters with a fresh request id and follows the queue item.
    TriggerJob *trigger(const JobPath &job, const QList<QPair<QString, QString>> &parameters);
    /// Result: QueueItem.
    Request *queueItem(qint64 id);
    Request *cancelQueueItem(qint64 id);
    /// Result: BuildInfo.
    Request *buildInfo(const JobPath &job, int build);
    /// Result: QVector<BuildInfo> with number, queueId, building, result and parameters.
    Request *builds(const JobPath &job);
    Request *stopBuild(const JobPath &job, int build, StopMode mode);
    ConsoleFollower *followConsole(const JobPath &job, int build,
                                   ConsoleText::Ansi ansi = ConsoleText::Ansi::Keep);

    // Reports and nodes.
    /// Result: TestReport.
    Request *testReport(const JobPath &job, int build);
    /// Result: CoverageSummary; @p id is recordCoverage's id.
    Request *coverage(const JobPath &job, int build,
                      const QString &id = QStringLiteral("coverage"));
    /// Result: WarningsSummary.
    Request *warnings(const JobPath &job, int build);
    /// Result: QVector<Computer>.
    Request *computers();
    /// Result: JenkinsfileValidation (Unavailable when the plugin is not installed).
    Request *validateJenkinsfile(const QString &jenkinsfile);

    /// Any call; the building block of the ones above.
    Request *send(const Request::Spec &spec);

private:
    friend class Request;
    QNetworkReply *sendRaw(const Request::Spec &spec);
    QUrl urlFor(const QString &path, const QList<QPair<QString, QString>> &query) const;
    void noteServerVersion(const QByteArray &version);
    /// A crumb (or, with nullopt, "this server issues none") for the rest of the session.
    void rememberCrumb(const std::optional<Crumb> &crumb);
    void forgetCrumb();
    /// Password-mode POSTs need a crumb; true when one must be fetched before sending.
    bool needsCrumbFetch(const Request::Spec &spec) const;

    QUrl m_baseUrl;
    Credentials m_credentials;
    QNetworkAccessManager *m_network;
    RetryPolicy m_retryPolicy = defaultRetryPolicy();
    PollIntervals m_pollIntervals;
    QString m_serverVersion;
    std::optional<Crumb> m_crumb;
    bool m_crumbKnown = false;
};

} // namespace Jenkins
