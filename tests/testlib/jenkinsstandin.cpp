// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/jenkinsstandin.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QXmlStreamReader>

#include "tests/testlib/jenkinsstandindetail.h"
#include "tests/testlib/testdata.h"

namespace TestLib {

using namespace JenkinsStandinDetail;

JenkinsStandin::JenkinsStandin(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &JenkinsStandin::handleConnection);
}

JenkinsStandin::~JenkinsStandin() = default;

bool JenkinsStandin::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 JenkinsStandin::port() const
{
    return m_server->serverPort();
}

QUrl JenkinsStandin::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(contextPath));
}

QString JenkinsStandin::absoluteUrl(const QString &path) const
{
    return baseUrl().toString() + path;
}

void JenkinsStandin::addUser(const QString &user, const QString &apiToken, const QString &password)
{
    m_users.insert(user, {apiToken, password});
}

void JenkinsStandin::denyWrites(const QString &user)
{
    m_readOnlyUsers.insert(user);
}

void JenkinsStandin::addJob(const QString &fullName, const QByteArray &configXml)
{
    const auto [root, parameters] = inspectConfig(configXml);
    Job job;
    job.config = configXml;
    job.rootElement = root;
    job.parameterNames = parameters;
    job.disabled = configXml.contains("<disabled>true</disabled>");
    m_jobs.insert(fullName, job);
}

QByteArray JenkinsStandin::jobConfig(const QString &fullName) const
{
    return m_jobs.value(fullName).config;
}

void JenkinsStandin::setJobDisabled(const QString &fullName)
{
    m_jobs[fullName].disabled = true;
}

QList<qint64> JenkinsStandin::queuedIds() const
{
    QList<qint64> ids;
    for (const QueueEntry &entry : m_queue) {
        if (entry.state != QueueState::Left)
            ids.append(entry.id);
    }
    return ids;
}

void JenkinsStandin::blockQueueItem(qint64 id)
{
    m_queue[id].state = QueueState::Blocked;
}

void JenkinsStandin::makeBuildable(qint64 id)
{
    m_queue[id].state = QueueState::Buildable;
}

int JenkinsStandin::startQueueItem(qint64 id)
{
    QueueEntry &entry = m_queue[id];
    Job &job = m_jobs[entry.job];
    Build build;
    build.number = job.nextBuildNumber++;
    build.queueId = id;
    build.parameters = entry.parameters;
    if (m_progress == Progress::Automatic) {
        build.building = false;
        build.result = QStringLiteral("SUCCESS");
        build.log = readFile(sharedPath(QStringLiteral(
                "fixtures/jenkins/console/consoleText_freestyle__jenkins-rest.txt")));
        build.documents.insert(QStringLiteral("testReport"),
                               readFile(sharedPath(QStringLiteral(
                                       "fixtures/jenkins/api/test_report__api4jenkins.json"))));
    }
    job.builds.insert(build.number, build);
    entry.state = QueueState::Left;
    entry.buildNumber = build.number;
    entry.leftAt = m_clock;
    return build.number;
}

void JenkinsStandin::cancelQueueItem(qint64 id)
{
    QueueEntry &entry = m_queue[id];
    entry.state = QueueState::Left;
    entry.cancelled = true;
    entry.leftAt = m_clock;
}

void JenkinsStandin::advance(QueueEntry &entry)
{
    if (m_progress != Progress::Automatic || entry.state == QueueState::Left)
        return;
    if (entry.state == QueueState::Buildable)
        startQueueItem(entry.id);
    else
        entry.state = QueueState::Buildable;
}

int JenkinsStandin::startBuild(const QString &job, const QList<QPair<QString, QString>> &parameters)
{
    QueueEntry entry;
    entry.id = m_nextQueueId++;
    entry.job = job;
    entry.parameters = parameters;
    entry.inQueueSince = m_clock;
    m_queue.insert(entry.id, entry);
    return startQueueItem(entry.id);
}

int JenkinsStandin::buildCount(const QString &job) const
{
    return m_jobs.value(job).builds.size();
}

void JenkinsStandin::appendLog(const QString &job, int build, const QByteArray &bytes)
{
    m_jobs[job].builds[build].log += bytes;
}

void JenkinsStandin::replaceLog(const QString &job, int build, const QByteArray &bytes)
{
    m_jobs[job].builds[build].log = bytes;
}

void JenkinsStandin::finishBuild(const QString &job, int build, const QString &result)
{
    Build &run = m_jobs[job].builds[build];
    run.building = false;
    run.result = result;
}

void JenkinsStandin::completeLog(const QString &job, int build)
{
    m_jobs[job].builds[build].logComplete = true;
}

void JenkinsStandin::setBuildDocument(const QString &job, int build, const QString &name,
                                      const QByteArray &body)
{
    m_jobs[job].builds[build].documents.insert(name, body);
}

void JenkinsStandin::injectFault(const QByteArray &method, const QString &pathSuffix, Fault fault,
                                 int times)
{
    m_faults.append({method, pathSuffix, fault, times});
}

int JenkinsStandin::countRequests(const QByteArray &method, const QString &pathSuffix) const
{
    int count = 0;
    for (const RecordedRequest &request : m_requests) {
        if (request.method == method && request.path.endsWith(pathSuffix))
            ++count;
    }
    return count;
}

bool JenkinsStandin::takeFault(const RecordedRequest &request, Fault &fault)
{
    for (FaultRule &rule : m_faults) {
        if (rule.remaining > 0 && rule.method == request.method
            && request.path.endsWith(rule.pathSuffix)) {
            --rule.remaining;
            fault = rule.fault;
            return true;
        }
    }
    return false;
}

// --- HTTP -----------------------------------------------------------------------------------

void JenkinsStandin::handleConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void JenkinsStandin::handleReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const int headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        RecordedRequest request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() < 3) {
            socket->abort();
            return;
        }
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const int length = request.headers.value("content-length").toInt();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.method = requestLine.at(0);
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        const QByteArray target = requestLine.at(1);
        const int question = target.indexOf('?');
        QString path = QString::fromUtf8(
                QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question)));
        path = path.startsWith(contextPath) ? path.mid(contextPath.size())
                                            : QStringLiteral("\x01") + path;
        request.path = path;
        request.query = question < 0 ? QList<QPair<QString, QString>>()
                                     : parseQuery(target.mid(question + 1));
        const bool keepAlive = request.headers.value("connection").toLower() != "close";
        serve(socket, request, keepAlive);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void JenkinsStandin::serve(QTcpSocket *socket, const RecordedRequest &request, bool keepAlive)
{
    m_requests.append(request);
    Fault fault;
    const bool faulty = takeFault(request, fault);
    if (faulty && fault == Fault::DropConnection) {
        socket->abort();
        return;
    }
    if (faulty && fault == Fault::ServiceUnavailable) {
        write(socket, error(503, "Service Unavailable"), keepAlive);
        return;
    }
    Response response = handle(request);
    if (faulty && fault == Fault::HandleThenDrop) {
        socket->abort();
        return;
    }
    if (faulty && fault == Fault::HandleThenBadGateway)
        response = error(502, "Bad Gateway");
    write(socket, response, keepAlive);
}

void JenkinsStandin::write(QTcpSocket *socket, const Response &response, bool keepAlive)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + (response.reason.isEmpty() ? QByteArray("OK") : response.reason) + "\r\n";
    out += "X-Jenkins: " + jenkinsVersion + "\r\n";
    if (!response.body.isEmpty() || response.status == 200)
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "\r\n" : "Connection: close\r\n\r\n";
    socket->write(out + response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

JenkinsStandin::Response JenkinsStandin::error(int status, const QByteArray &reason,
                                               const QString &xError)
{
    Response response;
    response.status = status;
    response.reason = reason;
    response.contentType = "text/html;charset=utf-8";
    response.body = htmlPage(status, reason);
    if (!xError.isEmpty())
        response.headers.append(header("X-Error", latin1Header(xError)));
    return response;
}

// --- authentication and crumbs (contract §1) ------------------------------------------------

JenkinsStandin::Response JenkinsStandin::authenticate(const RecordedRequest &request,
                                                      Auth &auth) const
{
    const QByteArray authorization = request.headers.value("authorization");
    if (!authorization.startsWith("Basic ")) {
        Response response = error(403, "Forbidden");
        response.headers.append(header("X-You-Are-Authenticated-As", "anonymous"));
        response.headers.append(header("X-Required-Permission", "hudson.model.Hudson.Read"));
        return response;
    }
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6));
    const int colon = decoded.indexOf(':');
    const QString user = QString::fromUtf8(decoded.left(colon));
    const QString secret = QString::fromUtf8(decoded.mid(colon + 1));
    const auto known = m_users.constFind(user);
    if (colon < 0 || known == m_users.constEnd()
        || (secret != known->first && secret != known->second)) {
        Response response = error(401, "Unauthorized");
        response.headers.append(header("WWW-Authenticate", "Basic realm=\"Jenkins\""));
        return response;
    }
    auth.user = user;
    auth.byToken = secret == known->first;
    const QList<QByteArray> cookies = request.headers.value("cookie").split(';');
    for (const QByteArray &cookie : cookies) {
        if (cookie.trimmed().startsWith(sessionCookie + '='))
            auth.session = cookie.trimmed().mid(sessionCookie.size() + 1);
    }
    if (!m_sessions.contains(auth.session))
        auth.session.clear();
    return Response{0, {}, {}, {}, {}};
}

QByteArray JenkinsStandin::crumbFor(const Auth &auth) const
{
    // Like DefaultCrumbIssuer since SECURITY-626: bound to the user and the session.
    return QCryptographicHash::hash(auth.user.toUtf8() + ';' + auth.session + ";salt",
                                    QCryptographicHash::Sha256)
            .toHex();
}

JenkinsStandin::Response JenkinsStandin::issueCrumb(const Auth &auth)
{
    if (m_crumbIssuer == Feature::Disabled)
        return error(404, "Not Found");
    Auth session = auth;
    Response response;
    if (session.session.isEmpty()) {
        session.session = "node0standin" + QByteArray::number(m_nextSession++);
        m_sessions.insert(session.session);
        response.headers.append(
                {"Set-Cookie",
                 sessionCookie + '=' + session.session + "; Path=/jenkins/; HttpOnly"});
    }
    // Recorded body shape (crumb_issuer fixture) with a real-looking field and value.
    QJsonObject body = fixture(QStringLiteral("crumb_issuer__api4jenkins_mock.json"));
    body.insert(QStringLiteral("_class"),
                QStringLiteral("hudson.security.csrf.DefaultCrumbIssuer"));
    body.insert(QStringLiteral("crumb"), QString::fromLatin1(crumbFor(session)));
    body.insert(QStringLiteral("crumbRequestField"), QString::fromLatin1(crumbField));
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

JenkinsStandin::Response JenkinsStandin::handle(const RecordedRequest &request)
{
    if (request.path.startsWith(QLatin1Char('\x01')))
        return error(404, "Not Found");
    Auth auth;
    const Response refused = authenticate(request, auth);
    if (refused.status != 0)
        return refused;
    if (request.method == "POST" && !auth.byToken && m_crumbIssuer == Feature::Enabled) {
        // CrumbFilter checks POSTs only; API-token requests are exempt (ApiCrumbExclusion).
        const bool valid = !auth.session.isEmpty()
                && request.headers.value(crumbField.toLower()) == crumbFor(auth);
        if (!valid)
            return error(403, noCrumb);
    }
    if (request.method == "POST" && m_readOnlyUsers.contains(auth.user)) {
        Response response = error(403, "Forbidden");
        response.headers.append(header("X-You-Are-Authenticated-As", auth.user.toUtf8()));
        response.headers.append(header("X-Required-Permission", "hudson.model.Item.Build"));
        return response;
    }
    return route(request, auth);
}

} // namespace TestLib
