// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/client.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>

#include "integrations/jenkins/consolefollower.h"
#include "integrations/jenkins/logging.h"
#include "integrations/jenkins/oneshotbody.h"
#include "integrations/jenkins/triggerjob.h"

namespace Jenkins {

namespace {

constexpr int transferTimeoutMs = 60000;

template<typename T>
std::function<Core::Result<QVariant>(int, const QByteArray &)>
parser(Core::Result<T> (*parse)(const QByteArray &))
{
    return [parse](int, const QByteArray &body) -> Core::Result<QVariant> {
        auto parsed = parse(body);
        if (!parsed)
            return parsed.error();
        return QVariant::fromValue(std::move(parsed).value());
    };
}

QString buildPath(const JobPath &job, int build, const QString &rest)
{
    return job.urlPath() + QString::number(build) + QLatin1Char('/') + rest;
}

Request::Spec post(const QString &path, Request::Retry retry)
{
    Request::Spec spec;
    spec.method = Request::Method::Post;
    spec.path = path;
    spec.retry = retry;
    return spec;
}

Request::Spec get(const QString &path, const QList<QPair<QString, QString>> &query = {})
{
    Request::Spec spec;
    spec.path = path;
    spec.query = query;
    return spec;
}

} // namespace

Client::Client(const QUrl &baseUrl, const Credentials &credentials, QObject *parent)
    : QObject(parent),
      m_baseUrl(baseUrl),
      m_credentials(credentials),
      m_network(new QNetworkAccessManager(this))
{
    // One jar for the client's lifetime: the crumb is bound to the session cookie.
    m_network->setCookieJar(new QNetworkCookieJar(m_network));
    m_network->setAutoDeleteReplies(true);
    qRegisterMetaType<JenkinsJson::QueueState>();
}

Client::~Client() = default;

QUrl Client::urlFor(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    url.setPath(base + path, QUrl::TolerantMode);
    QStringList pairs;
    for (const auto &[key, value] : query)
        pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(key) + '='
                                         + QUrl::toPercentEncoding(value)));
    url.setQuery(pairs.isEmpty() ? QString() : pairs.join(QLatin1Char('&')), QUrl::StrictMode);
    return url;
}

QNetworkReply *Client::sendRaw(const Request::Spec &spec)
{
    QNetworkRequest request(urlFor(spec.path, spec.query));
    const QByteArray userPass = m_credentials.user.toUtf8() + ':' + m_credentials.secret.toUtf8();
    request.setRawHeader("Authorization", "Basic " + userPass.toBase64());
    request.setTransferTimeout(transferTimeoutMs);
    // Never follow redirects of POSTs: 201/302/303 carry the answer in Location (rule 2).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         spec.method == Request::Method::Get
                                 ? QNetworkRequest::NoLessSafeRedirectPolicy
                                 : QNetworkRequest::ManualRedirectPolicy);
    if (m_crumb && spec.method == Request::Method::Post)
        request.setRawHeader(m_crumb->field, m_crumb->value);
    if (!spec.contentType.isEmpty() || spec.method == Request::Method::Post)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          spec.contentType.isEmpty()
                                  ? QByteArrayLiteral("application/x-www-form-urlencoded")
                                  : spec.contentType);
    qCDebug(lcJenkins, "sending %s %s", spec.method == Request::Method::Get ? "GET" : "POST/DELETE",
            qUtf8Printable(spec.path));
    switch (spec.method) {
    case Request::Method::Get:
        return m_network->get(request);
    case Request::Method::Delete:
        return m_network->deleteResource(request);
    case Request::Method::Post:
        break;
    }
    if (spec.retry == Request::Retry::Never && !spec.body.isEmpty()) {
        // Unbuffered and not rewindable: Qt cannot re-send it behind our back.
        auto *body = new OneShotBody(spec.body);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, spec.body.size());
        QNetworkReply *reply = m_network->post(request, body);
        body->setParent(reply);
        return reply;
    }
    return m_network->post(request, spec.body);
}

void Client::noteServerVersion(const QByteArray &version)
{
    if (m_serverVersion.isEmpty() && !version.isEmpty()) {
        m_serverVersion = QString::fromLatin1(version);
        qCInfo(lcJenkins, "Jenkins %s at %s", qUtf8Printable(m_serverVersion),
               qUtf8Printable(m_baseUrl.toDisplayString()));
    }
}

void Client::rememberCrumb(const std::optional<Crumb> &crumb)
{
    m_crumb = crumb;
    m_crumbKnown = true;
}

void Client::forgetCrumb()
{
    m_crumb.reset();
    m_crumbKnown = false;
}

bool Client::needsCrumbFetch(const Request::Spec &spec) const
{
    return m_credentials.kind == Credentials::Kind::Password && spec.method == Request::Method::Post
            && !m_crumbKnown;
}

Request *Client::send(const Request::Spec &spec)
{
    auto *request = new Request(this, spec);
    request->start();
    return request;
}

Request *Client::createJob(const JobPath &job, const QByteArray &configXml)
{
    Request::Spec spec
            = post(job.parent().urlPath() + QLatin1String("createItem"), Request::Retry::Never);
    spec.query = {{QStringLiteral("name"), job.name()}};
    spec.body = configXml;
    spec.contentType = "application/xml; charset=UTF-8";
    return send(spec);
}

Request *Client::createFolder(const JobPath &folder)
{
    return createJob(folder,
                     QByteArrayLiteral("<?xml version='1.1' encoding='UTF-8'?>\n"
                                       "<com.cloudbees.hudson.plugins.folder.Folder/>\n"));
}

Request *Client::updateJob(const JobPath &job, const QByteArray &configXml)
{
    Request::Spec spec
            = post(job.urlPath() + QLatin1String("config.xml"), Request::Retry::Transient);
    spec.body = configXml;
    spec.contentType = "application/xml; charset=UTF-8";
    return send(spec);
}

Request *Client::jobConfig(const JobPath &job)
{
    Request::Spec spec = get(job.urlPath() + QLatin1String("config.xml"));
    spec.parse
            = [](int, const QByteArray &body) -> Core::Result<QVariant> { return QVariant(body); };
    return send(spec);
}

Request *Client::deleteJob(const JobPath &job)
{
    // HTTP DELETE on the item (204) is idempotent and needs no crumb (§2.3).
    Request::Spec spec = get(job.urlPath());
    spec.method = Request::Method::Delete;
    return send(spec);
}

Request *Client::jobClass(const JobPath &job)
{
    Request::Spec spec = get(job.urlPath() + QLatin1String("api/json"),
                             {{QStringLiteral("tree"), QStringLiteral("name")}});
    spec.parse = [](int, const QByteArray &body) -> Core::Result<QVariant> {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isObject())
            return Core::makeError(Core::ErrorCode::ParseFailed,
                                   QStringLiteral("The job from Jenkins is not a JSON object."));
        return QVariant(document.object().value(QLatin1String("_class")).toString());
    };
    return send(spec);
}

TriggerJob *Client::trigger(const JobPath &job, const QList<QPair<QString, QString>> &parameters)
{
    auto *trigger = new TriggerJob(this, job, parameters);
    trigger->start();
    return trigger;
}

Request *Client::queueItem(qint64 id)
{
    Request::Spec spec = get(QStringLiteral("queue/item/%1/api/json").arg(id));
    spec.parse = parser(&JenkinsJson::parseQueueItem);
    return send(spec);
}

Request *Client::cancelQueueItem(qint64 id)
{
    Request::Spec spec = post(QStringLiteral("queue/cancelItem"), Request::Retry::Transient);
    spec.query = {{QStringLiteral("id"), QString::number(id)}};
    return send(spec);
}

Request *Client::buildInfo(const JobPath &job, int build)
{
    Request::Spec spec = get(buildPath(job, build, QStringLiteral("api/json")));
    spec.parse = parser(&JenkinsJson::parseBuildInfo);
    return send(spec);
}

Request *Client::builds(const JobPath &job)
{
    Request::Spec spec = get(job.urlPath() + QLatin1String("api/json"),
                             {{QStringLiteral("tree"),
                               QStringLiteral("builds[number,queueId,building,result,"
                                              "actions[parameters[name,value]]]")}});
    spec.parse = parser(&JenkinsJson::parseBuildList);
    return send(spec);
}

Request *Client::stopBuild(const JobPath &job, int build, StopMode mode)
{
    static const QString verbs[]
            = {QStringLiteral("stop"), QStringLiteral("term"), QStringLiteral("kill")};
    return send(post(buildPath(job, build, verbs[int(mode)]), Request::Retry::Never));
}

ConsoleFollower *Client::followConsole(const JobPath &job, int build, ConsoleText::Ansi ansi)
{
    auto *follower = new ConsoleFollower(this, job, build, ansi);
    follower->start();
    return follower;
}

Request *Client::testReport(const JobPath &job, int build)
{
    Request::Spec spec = get(buildPath(job, build, QStringLiteral("testReport/api/json")));
    spec.parse = parser(&JenkinsJson::parseTestReport);
    return send(spec);
}

Request *Client::coverage(const JobPath &job, int build, const QString &id)
{
    const QString path
            = QString::fromLatin1(QUrl::toPercentEncoding(id)) + QLatin1String("/api/json");
    Request::Spec spec = get(buildPath(job, build, path));
    spec.parse = parser(&JenkinsJson::parseCoverage);
    return send(spec);
}

Request *Client::warnings(const JobPath &job, int build)
{
    Request::Spec spec = get(buildPath(job, build, QStringLiteral("warnings-ng/api/json")));
    spec.parse = parser(&JenkinsJson::parseWarnings);
    return send(spec);
}

Request *Client::computers()
{
    Request::Spec spec = get(QStringLiteral("computer/api/json"),
                             {{QStringLiteral("tree"),
                               QStringLiteral("computer[displayName,offline,temporarilyOffline,"
                                              "offlineCauseReason,idle,numExecutors,"
                                              "assignedLabels[name]]")}});
    spec.parse = parser(&JenkinsJson::parseComputers);
    return send(spec);
}

Request *Client::validateJenkinsfile(const QString &jenkinsfile)
{
    Request::Spec spec
            = post(QStringLiteral("pipeline-model-converter/validate"), Request::Retry::Transient);
    spec.body = "jenkinsfile=" + QUrl::toPercentEncoding(jenkinsfile);
    spec.contentType = "application/x-www-form-urlencoded; charset=UTF-8";
    spec.alsoSuccess = {404};
    spec.parse = [](int status, const QByteArray &body) -> Core::Result<QVariant> {
        if (status == 404)
            return QVariant::fromValue(JenkinsfileValidation{});
        return QVariant::fromValue(JenkinsJson::parseValidation(body));
    };
    return send(spec);
}

} // namespace Jenkins
