// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QVector>

class QTcpServer;
class QTcpSocket;

namespace TestLib {

/**
 * A stand-in for a Jenkins controller, for contract tests (no Jenkins can be installed here).
 * Speaks HTTP/1.1 with keep-alive on 127.0.0.1, under the context path "/jenkins/", and answers
 * with the real recorded bodies of ../shared/fixtures/jenkins, patched with its own state. It
 * implements the behaviour of jenkins-contract.md: Basic auth by API token or password, crumbs
 * bound to a session cookie (password mode only), createItem/config.xml/DELETE/doDelete, the
 * queue (201 + Location, 303 for an identical queued request, Waiting → Buildable → LeftItem,
 * LeftItems forgotten five minutes after leaving, on a clock the test controls), progressive
 * console text (CRLF, X-Text-Size, X-More-Data, chunks ending mid-line, console notes), the
 * 400/401/403/404/409/500 answers with their headers, and injected faults.
 */
class JenkinsStandin : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JenkinsStandin)
public:
    /// How queue items move: by the test (Manual), or one step per poll with builds that finish
    /// at once with the recorded console log and test report (Automatic, for python-jenkins).
    enum class Progress {
        Manual,
        Automatic,
    };
    enum class Fault {
        ServiceUnavailable, ///< answer 503 without handling the request
        DropConnection, ///< close the connection without handling the request
        HandleThenDrop, ///< handle it (state changes) but close without answering
        HandleThenBadGateway, ///< handle it but answer 502, like a proxy that timed out
    };
    enum class Feature {
        Enabled,
        Disabled,
    };

    struct RecordedRequest
    {
        QByteArray method;
        QString path; ///< decoded, below the context path, e.g. "job/a b/api/json"
        QList<QPair<QString, QString>> query;
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
    };

    static constexpr qint64 leftItemRetentionMs = 5 * 60 * 1000;

    explicit JenkinsStandin(QObject *parent = nullptr);
    ~JenkinsStandin() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    /// "http://127.0.0.1:PORT/jenkins/"
    QUrl baseUrl() const;

    void addUser(const QString &user, const QString &apiToken, const QString &password);
    /// Every POST of @p user is refused with 403 and X-Required-Permission.
    void denyWrites(const QString &user);
    void setCrumbIssuer(Feature feature) { m_crumbIssuer = feature; }
    void setValidator(Feature feature) { m_validator = feature; }
    void setProgress(Progress progress) { m_progress = progress; }
    /// Disabled: a triggered item leaves the queue and starts at once.
    void setQuietPeriod(Feature feature) { m_quietPeriod = feature; }
    /// Forgets all sessions, so crumbs issued so far no longer validate.
    void expireSessions() { m_sessions.clear(); }
    /// At most this many log bytes per progressiveText answer (0 = all).
    void setLogChunkSize(int bytes) { m_logChunk = bytes; }

    qint64 now() const { return m_clock; }
    void advanceClock(qint64 ms) { m_clock += ms; }

    void addJob(const QString &fullName, const QByteArray &configXml);
    bool hasJob(const QString &fullName) const { return m_jobs.contains(fullName); }
    QByteArray jobConfig(const QString &fullName) const;
    void setJobDisabled(const QString &fullName);

    /// Ids of the items still in the queue (not LeftItems).
    QList<qint64> queuedIds() const;
    int queueItemCount() const { return m_queue.size(); }
    void blockQueueItem(qint64 id);
    void makeBuildable(qint64 id);
    /// The item leaves the queue and its build starts; returns the build number.
    int startQueueItem(qint64 id);
    void cancelQueueItem(qint64 id);

    /// Queues and at once starts a build of @p job (no HTTP involved); returns its number.
    int startBuild(const QString &job, const QList<QPair<QString, QString>> &parameters = {});
    int buildCount(const QString &job) const;
    void appendLog(const QString &job, int build, const QByteArray &bytes);
    /// Replaces the whole log (a shorter one makes Jenkins restart progressive text at 0).
    void replaceLog(const QString &job, int build, const QByteArray &bytes);
    void finishBuild(const QString &job, int build, const QString &result);
    /// The log file is complete (no X-More-Data) while the run is still in post-production.
    void completeLog(const QString &job, int build);
    /// Serves @p body at JOBPATH/N/<name>/api/json ("testReport", "coverage", "warnings-ng").
    void setBuildDocument(const QString &job, int build, const QString &name,
                          const QByteArray &body);

    void injectFault(const QByteArray &method, const QString &pathSuffix, Fault fault,
                     int times = 1);
    QVector<RecordedRequest> requests() const { return m_requests; }
    int countRequests(const QByteArray &method, const QString &pathSuffix) const;
    void clearRequests() { m_requests.clear(); }

private:
    struct Response
    {
        int status = 200;
        QByteArray reason;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray contentType = "application/json;charset=utf-8";
    };
    struct Build
    {
        int number = 0;
        qint64 queueId = 0;
        QList<QPair<QString, QString>> parameters;
        bool building = true;
        bool logComplete = false;
        QString result;
        QByteArray log;
        QMap<QString, QByteArray> documents;
    };
    struct Job
    {
        QByteArray config;
        QString rootElement;
        QStringList parameterNames;
        bool disabled = false;
        QMap<int, Build> builds;
        int nextBuildNumber = 1;
    };
    enum class QueueState {
        Waiting,
        Blocked,
        Buildable,
        Left,
    };
    struct QueueEntry
    {
        qint64 id = 0;
        QString job;
        QList<QPair<QString, QString>> parameters;
        QueueState state = QueueState::Waiting;
        bool cancelled = false;
        int buildNumber = 0;
        qint64 inQueueSince = 0;
        qint64 leftAt = 0;
    };
    struct Auth
    {
        QString user;
        bool byToken = false;
        QByteArray session;
    };
    struct FaultRule
    {
        QByteArray method;
        QString pathSuffix;
        Fault fault;
        int remaining;
    };

    void handleConnection();
    void handleReadyRead(QTcpSocket *socket);
    void serve(QTcpSocket *socket, const RecordedRequest &request, bool keepAlive);
    Response handle(const RecordedRequest &request);
    Response route(const RecordedRequest &request, const Auth &auth);
    Response routeJob(const RecordedRequest &request, const QString &job, const QString &action);
    Response routeBuild(const RecordedRequest &request, Build &build, const QString &job,
                        const QString &action);
    Response routeQueue(const RecordedRequest &request, const QString &action);
    Response authenticate(const RecordedRequest &request, Auth &auth) const;
    Response issueCrumb(const Auth &auth);
    Response createItem(const RecordedRequest &request, const QString &parent);
    Response writeConfig(const RecordedRequest &request, const QString &job);
    Response trigger(const RecordedRequest &request, const QString &job);
    Response stopBuild(const RecordedRequest &request, const QString &job, Build &build,
                       const QString &action);
    Response progressiveText(const RecordedRequest &request, const Build &build) const;
    Response queueItem(qint64 id);
    Response validate(const RecordedRequest &request) const;
    QByteArray jobJson(const QString &name) const;
    QByteArray buildJson(const QString &job, const Build &build) const;
    QByteArray queueEntryJson(const QueueEntry &entry) const;
    QString absoluteUrl(const QString &path) const;
    void advance(QueueEntry &entry);
    bool takeFault(const RecordedRequest &request, Fault &fault);
    QByteArray crumbFor(const Auth &auth) const;
    static Response error(int status, const QByteArray &reason, const QString &xError = {});
    static void write(QTcpSocket *socket, const Response &response, bool keepAlive);

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QString, QPair<QString, QString>> m_users; ///< user → (token, password)
    QSet<QString> m_readOnlyUsers;
    QSet<QByteArray> m_sessions;
    QMap<QString, Job> m_jobs;
    QMap<qint64, QueueEntry> m_queue;
    QList<FaultRule> m_faults;
    QVector<RecordedRequest> m_requests;
    Feature m_crumbIssuer = Feature::Enabled;
    Feature m_validator = Feature::Enabled;
    Feature m_quietPeriod = Feature::Enabled;
    Progress m_progress = Progress::Manual;
    int m_logChunk = 0;
    qint64 m_clock = 1700000000000;
    qint64 m_nextQueueId = 1;
    int m_nextSession = 1;
};

} // namespace TestLib
