// SPDX-License-Identifier: GPL-3.0-or-later
// JenkinsStandin, second half: what each URL answers (jenkins-contract §§2-7).
#include "tests/testlib/jenkinsstandin.h"

#include <QRegularExpression>

#include "tests/testlib/jenkinsstandindetail.h"

namespace TestLib {

using namespace JenkinsStandinDetail;

namespace {

const QRegularExpression unsafeCharacters(QStringLiteral("[?*/\\\\%!@#$^&|<>\\[\\]:;]"));

QByteArray toCrlf(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 20);
    for (int i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            out += '\r';
        out += bytes.at(i);
    }
    return out;
}

QJsonValue buildRef(const QString &url, int number)
{
    if (number <= 0)
        return QJsonValue::Null;
    return QJsonObject{
            {QStringLiteral("number"), number},
            {QStringLiteral("url"), QString(url + QString::number(number) + QLatin1Char('/'))}};
}

} // namespace

JenkinsStandin::Response JenkinsStandin::route(const RecordedRequest &request, const Auth &auth)
{
    const QString path = request.path;
    if (path == QLatin1String("crumbIssuer/api/json"))
        return issueCrumb(auth);
    if (path == QLatin1String("api/json") || path.isEmpty())
        return Response{200,
                        {},
                        {},
                        QJsonDocument(fixture(QStringLiteral("root__api4jenkins.json"))).toJson(),
                        "application/json;charset=utf-8"};
    if (path == QLatin1String("computer/api/json"))
        return Response{200,
                        {},
                        {},
                        readFile(sharedPath(QStringLiteral(
                                "fixtures/jenkins/api/computer_set_depth1__api4jenkins.json"))),
                        "application/json;charset=utf-8"};
    if (path.startsWith(QLatin1String("queue/")))
        return routeQueue(request, path.mid(6));
    if (path == QLatin1String("pipeline-model-converter/validate"))
        return validate(request);
    if (path == QLatin1String("createItem"))
        return createItem(request, QString());
    QStringList segments = path.split(QLatin1Char('/'));
    QString job;
    while (segments.size() >= 2 && segments.first() == QLatin1String("job")) {
        const QString next
                = job.isEmpty() ? segments.at(1) : job + QLatin1Char('/') + segments.at(1);
        if (!m_jobs.contains(next))
            return error(404, "Not Found");
        job = next;
        segments = segments.mid(2);
    }
    if (job.isEmpty())
        return error(404, "Not Found");
    const QString action = segments.join(QLatin1Char('/'));
    if (action == QLatin1String("createItem")
        && jobClass(m_jobs.value(job).rootElement).endsWith(QLatin1String("Folder")))
        return createItem(request, job);
    return routeJob(request, job, action);
}

JenkinsStandin::Response JenkinsStandin::routeJob(const RecordedRequest &request,
                                                  const QString &job, const QString &action)
{
    static const QRegularExpression buildAction(QStringLiteral("^(\\d+)/(.*)$"));
    if (action.isEmpty() && request.method == "DELETE") {
        const QString prefix = job + QLatin1Char('/');
        for (auto it = m_jobs.begin(); it != m_jobs.end();)
            it = it.key() == job || it.key().startsWith(prefix) ? m_jobs.erase(it) : std::next(it);
        return Response{204, "No Content", {}, {}, {}};
    }
    if (action == QLatin1String("api/json") && request.method == "GET")
        return Response{200, {}, {}, jobJson(job), "application/json;charset=utf-8"};
    if (action == QLatin1String("config.xml")) {
        if (request.method == "GET")
            return Response{200, {}, {}, m_jobs.value(job).config, "application/xml"};
        if (request.method == "POST")
            return writeConfig(request, job);
        return error(400, "Bad Request");
    }
    if (action == QLatin1String("doDelete") && request.method == "POST") {
        const QString parent = job.contains(QLatin1Char('/'))
                ? jobUrlPath(job.section(QLatin1Char('/'), 0, -2))
                : QString();
        m_jobs.remove(job);
        return Response{302, "Found", {{"Location", absoluteUrl(parent).toUtf8()}}, {}, {}};
    }
    if (action == QLatin1String("build") || action == QLatin1String("buildWithParameters"))
        return trigger(request, job);
    const QRegularExpressionMatch match = buildAction.match(action);
    if (match.hasMatch()) {
        auto build = m_jobs[job].builds.find(match.captured(1).toInt());
        if (build == m_jobs[job].builds.end())
            return error(404, "Not Found");
        return routeBuild(request, *build, job, match.captured(2));
    }
    return error(404, "Not Found");
}

JenkinsStandin::Response JenkinsStandin::routeBuild(const RecordedRequest &request, Build &build,
                                                    const QString &job, const QString &action)
{
    if (action == QLatin1String("api/json"))
        return Response{200, {}, {}, buildJson(job, build), "application/json;charset=utf-8"};
    if (action == QLatin1String("logText/progressiveText"))
        return progressiveText(request, build);
    if (action == QLatin1String("consoleText")) {
        static const QRegularExpression note(QStringLiteral("\x1b\\[8mha:[^\x1b]*\x1b\\[0m"));
        const QString text = QString::fromUtf8(build.log).remove(note);
        return Response{200, {}, {}, toCrlf(text.toUtf8()), "text/plain;charset=UTF-8"};
    }
    if (action == QLatin1String("stop") || action == QLatin1String("term")
        || action == QLatin1String("kill"))
        return stopBuild(request, job, build, action);
    if (action.endsWith(QLatin1String("/api/json"))) {
        const QString name = action.chopped(9);
        if (build.documents.contains(name))
            return Response{
                    200, {}, {}, build.documents.value(name), "application/json;charset=utf-8"};
    }
    return error(404, "Not Found");
}

JenkinsStandin::Response JenkinsStandin::stopBuild(const RecordedRequest &request,
                                                   const QString &job, Build &build,
                                                   const QString &action)
{
    if (request.method != "POST")
        return Response{405,
                        "Method Not Allowed",
                        {{"Allow", "POST"}},
                        "This URL requires POST",
                        "text/html;charset=utf-8"};
    const QString buildUrl
            = absoluteUrl(jobUrlPath(job) + QString::number(build.number) + QLatin1Char('/'));
    if (action != QLatin1String("stop")
        && m_jobs.value(job).rootElement == QLatin1String("project")) {
        // Freestyle runs have no doTerm/doKill: Stapler redirects to "term/", which is a 404.
        return Response{302,
                        "Found",
                        {{"Location", (buildUrl + action + QLatin1Char('/')).toUtf8()}},
                        {},
                        {}};
    }
    if (build.building) {
        build.building = false;
        build.result = QStringLiteral("ABORTED");
    }
    return Response{302, "Found", {{"Location", buildUrl.toUtf8()}}, {}, {}};
}

JenkinsStandin::Response JenkinsStandin::progressiveText(const RecordedRequest &request,
                                                         const Build &build) const
{
    const qint64 size = build.log.size();
    qint64 start = queryValue(request.query, QStringLiteral("start")).toLongLong();
    if (start > size)
        start = 0; // the log was rewritten: LargeText starts over
    const qint64 end = m_logChunk > 0 ? std::min(size, start + m_logChunk) : size;
    Response response;
    response.contentType = "text/plain;charset=UTF-8";
    response.body = toCrlf(build.log.mid(int(start), int(end - start)));
    response.headers.append(header("X-Text-Size", QByteArray::number(end)));
    if ((build.building && !build.logComplete) || end < size)
        response.headers.append(header("X-More-Data", "true"));
    return response;
}

JenkinsStandin::Response JenkinsStandin::createItem(const RecordedRequest &request,
                                                    const QString &parent)
{
    if (request.method != "POST")
        return Response{405,
                        "Method Not Allowed",
                        {{"Allow", "POST"}},
                        "This URL requires POST",
                        "text/html;charset=utf-8"};
    bool hasName = false;
    for (const auto &item : request.query)
        hasName = hasName || item.first == QLatin1String("name");
    const QString name = queryValue(request.query, QStringLiteral("name")).trimmed();
    if (!hasName)
        return error(400, "Bad Request", QStringLiteral("Query parameter 'name' is required"));
    if (name.isEmpty())
        return error(400, "Bad Request", QStringLiteral("No name is specified"));
    const QRegularExpressionMatch unsafe = unsafeCharacters.match(name);
    if (unsafe.hasMatch())
        return error(
                400, "Bad Request",
                QStringLiteral("\u2018%1\u2019 is an unsafe character").arg(unsafe.captured()));
    if (name.endsWith(QLatin1Char('.')))
        return error(400, "Bad Request", QStringLiteral("A name cannot end with \u2018.\u2019"));
    const QString fullName = parent.isEmpty() ? name : parent + QLatin1Char('/') + name;
    if (m_jobs.contains(fullName))
        return error(400, "Bad Request",
                     QStringLiteral("A job already exists with the name \u2018%1\u2019").arg(name));
    const QByteArray contentType = request.headers.value("content-type");
    if (contentType.isEmpty())
        return error(400, "Bad Request", QStringLiteral("No Content-Type header set"));
    if (!jobClass(inspectConfig(request.body).first).isEmpty()) {
        addJob(fullName, request.body);
        return Response{200, {}, {}, {}, {}};
    }
    // Unknown root element or malformed XML: the "Oops!" page (recorded from Jenkins 2.176.3).
    return Response{500,
                    "Server Error",
                    {},
                    readFile(sharedPath(QStringLiteral(
                            "fixtures/jenkins/errors/"
                            "createItem_500_oops_page__jenkins-2.176.3__api4jenkins.html"))),
                    "text/html;charset=utf-8"};
}

JenkinsStandin::Response JenkinsStandin::writeConfig(const RecordedRequest &request,
                                                     const QString &job)
{
    const QString root = inspectConfig(request.body).first;
    if (root.isEmpty() || root != m_jobs.value(job).rootElement)
        return Response{500,
                        "Server Error",
                        {},
                        readFile(sharedPath(QStringLiteral(
                                "fixtures/jenkins/errors/"
                                "createItem_500_oops_page__jenkins-2.176.3__api4jenkins.html"))),
                        "text/html;charset=utf-8"};
    Job &stored = m_jobs[job];
    const QMap<int, Build> builds = stored.builds;
    const int next = stored.nextBuildNumber;
    addJob(job, request.body);
    m_jobs[job].builds = builds;
    m_jobs[job].nextBuildNumber = next;
    return Response{200, {}, {}, {}, {}};
}

JenkinsStandin::Response JenkinsStandin::trigger(const RecordedRequest &request, const QString &job)
{
    if (request.method != "POST")
        return Response{405,
                        "Method Not Allowed",
                        {{"Allow", "POST"}},
                        "This URL requires POST",
                        "text/html;charset=utf-8"};
    const Job &target = m_jobs[job];
    const QString shortName = job.section(QLatin1Char('/'), -1);
    if (target.disabled)
        return error(409, "Conflict", shortName + QLatin1String(" is not buildable"));
    const bool withParameters = request.path.endsWith(QLatin1String("buildWithParameters"));
    if (withParameters && target.parameterNames.isEmpty())
        return error(400, "Bad Request", shortName + QLatin1String(" is not parameterized"));
    QList<QPair<QString, QString>> given = request.query;
    if (request.headers.value("content-type").startsWith("application/x-www-form-urlencoded"))
        given += parseQuery(request.body);
    QList<QPair<QString, QString>> parameters; // unknown names are ignored, missing ones default
    for (const QString &name : target.parameterNames)
        parameters.append({name, queryValue(given, name)});
    for (const QueueEntry &entry : qAsConst(m_queue)) {
        if (entry.state != QueueState::Left && entry.job == job && entry.parameters == parameters) {
            const QByteArray location
                    = absoluteUrl(QStringLiteral("queue/item/%1/").arg(entry.id)).toUtf8();
            return Response{withParameters ? 303 : 201,
                            withParameters ? "See Other" : "Created",
                            {{"Location", location}},
                            {},
                            {}};
        }
    }
    QueueEntry entry;
    entry.id = m_nextQueueId++;
    entry.job = job;
    entry.parameters = parameters;
    entry.inQueueSince = m_clock;
    m_queue.insert(entry.id, entry);
    if (m_quietPeriod == Feature::Disabled)
        startQueueItem(entry.id);
    return Response{
            201,
            "Created",
            {{"Location", absoluteUrl(QStringLiteral("queue/item/%1/").arg(entry.id)).toUtf8()}},
            {},
            {}};
}

JenkinsStandin::Response JenkinsStandin::routeQueue(const RecordedRequest &request,
                                                    const QString &action)
{
    static const QRegularExpression itemPath(QStringLiteral("^item/(\\d+)/api/json$"));
    if (action == QLatin1String("api/json")) {
        QJsonObject queue = fixture(QStringLiteral("queue_queue__api4jenkins.json"));
        QJsonArray items;
        for (const QueueEntry &entry : qAsConst(m_queue)) {
            if (entry.state != QueueState::Left)
                items.append(QJsonDocument::fromJson(queueEntryJson(entry)).object());
        }
        queue.insert(QStringLiteral("items"), items);
        return Response{
                200, {}, {}, QJsonDocument(queue).toJson(), "application/json;charset=utf-8"};
    }
    const QRegularExpressionMatch match = itemPath.match(action);
    if (match.hasMatch())
        return queueItem(match.captured(1).toLongLong());
    if (action == QLatin1String("cancelItem") && request.method == "POST") {
        const qint64 id = queryValue(request.query, QStringLiteral("id")).toLongLong();
        if (!m_queue.contains(id) || m_queue.value(id).state == QueueState::Left)
            return error(404, "Not Found", QStringLiteral("Provided id (%1) not found").arg(id));
        cancelQueueItem(id);
        return Response{204, "No Content", {}, {}, {}};
    }
    return error(404, "Not Found");
}

JenkinsStandin::Response JenkinsStandin::queueItem(qint64 id)
{
    auto entry = m_queue.find(id);
    if (entry == m_queue.end())
        return error(404, "Not Found");
    if (entry->state == QueueState::Left && m_clock - entry->leftAt >= leftItemRetentionMs) {
        m_queue.erase(entry); // Queue.leftItems: expireAfterWrite(5 min)
        return error(404, "Not Found");
    }
    const QByteArray body = queueEntryJson(*entry);
    advance(*entry);
    return Response{200, {}, {}, body, "application/json;charset=utf-8"};
}

QByteArray JenkinsStandin::queueEntryJson(const QueueEntry &entry) const
{
    static const char *const fixtures[]
            = {"queue_waitingitem__api4jenkins.json", "queue_blockeditem__api4jenkins.json",
               "queue_buildableitem__api4jenkins.json", "queue_leftitem__api4jenkins.json"};
    QJsonObject item = fixture(QString::fromLatin1(fixtures[int(entry.state)]));
    if (entry.cancelled)
        item = fixture(QStringLiteral("queue_item_left_cancelled__jenkins-rest.json"));
    const Job &job = m_jobs[entry.job];
    QString params;
    for (const auto &[name, value] : entry.parameters)
        params += QLatin1Char('\n') + name + QLatin1Char('=') + value;
    item.insert(QStringLiteral("id"), entry.id);
    item.insert(QStringLiteral("url"), QStringLiteral("queue/item/%1/").arg(entry.id));
    item.insert(QStringLiteral("params"), params);
    item.insert(QStringLiteral("inQueueSince"), entry.inQueueSince);
    item.insert(QStringLiteral("actions"),
                withParameters(item.value(QStringLiteral("actions")).toArray(), entry.parameters));
    item.insert(QStringLiteral("task"),
                QJsonObject{{QStringLiteral("_class"), jobClass(job.rootElement)},
                            {QStringLiteral("name"), entry.job.section(QLatin1Char('/'), -1)},
                            {QStringLiteral("url"), absoluteUrl(jobUrlPath(entry.job))},
                            {QStringLiteral("color"), QStringLiteral("blue")}});
    if (entry.state == QueueState::Buildable) {
        item.insert(QStringLiteral("why"), QStringLiteral("Waiting for next available executor"));
        item.insert(QStringLiteral("stuck"), false);
    }
    if (entry.state == QueueState::Left && !entry.cancelled) {
        const bool pipeline = job.rootElement == QLatin1String("flow-definition");
        item.insert(
                QStringLiteral("executable"),
                QJsonObject{
                        {QStringLiteral("_class"),
                         pipeline ? QStringLiteral("org.jenkinsci.plugins.workflow.job.WorkflowRun")
                                  : QStringLiteral("hudson.model.FreeStyleBuild")},
                        {QStringLiteral("number"), entry.buildNumber},
                        {QStringLiteral("url"),
                         absoluteUrl(jobUrlPath(entry.job) + QString::number(entry.buildNumber)
                                     + QLatin1Char('/'))}});
    }
    return QJsonDocument(item).toJson();
}

QByteArray JenkinsStandin::jobJson(const QString &name) const
{
    const Job &job = m_jobs[name];
    const QString cls = jobClass(job.rootElement);
    const bool folder = cls.endsWith(QLatin1String("Folder"));
    QJsonObject object = fixture(folder ? QStringLiteral("job_folder__api4jenkins.json")
                                        : QStringLiteral("job_pipeline__api4jenkins.json"));
    const QString url = absoluteUrl(jobUrlPath(name));
    object.insert(QStringLiteral("_class"), cls);
    object.insert(QStringLiteral("name"), name.section(QLatin1Char('/'), -1));
    object.insert(QStringLiteral("displayName"), name.section(QLatin1Char('/'), -1));
    object.insert(QStringLiteral("fullName"), name);
    object.insert(QStringLiteral("fullDisplayName"),
                  QString(name).replace(QLatin1Char('/'), QLatin1String(" \u00bb ")));
    object.insert(QStringLiteral("url"), url);
    if (folder)
        return QJsonDocument(object).toJson();
    QJsonArray builds;
    for (auto it = job.builds.constEnd(); it != job.builds.constBegin();) {
        --it;
        builds.append(QJsonDocument::fromJson(buildJson(name, *it)).object());
    }
    object.insert(QStringLiteral("builds"), builds);
    const int last = job.builds.isEmpty() ? 0 : job.builds.lastKey();
    for (const char *permalink :
         {"firstBuild", "lastBuild", "lastCompletedBuild", "lastFailedBuild", "lastStableBuild",
          "lastSuccessfulBuild", "lastUnstableBuild", "lastUnsuccessfulBuild"})
        object.insert(QString::fromLatin1(permalink), QJsonValue::Null);
    object.insert(QStringLiteral("lastBuild"), buildRef(url, last));
    object.insert(QStringLiteral("nextBuildNumber"), job.nextBuildNumber);
    object.insert(QStringLiteral("buildable"), !job.disabled);
    bool inQueue = false;
    for (const QueueEntry &entry : m_queue)
        inQueue = inQueue || (entry.job == name && entry.state != QueueState::Left);
    object.insert(QStringLiteral("inQueue"), inQueue);
    return QJsonDocument(object).toJson();
}

QByteArray JenkinsStandin::buildJson(const QString &job, const Build &build) const
{
    const bool pipeline = m_jobs[job].rootElement == QLatin1String("flow-definition");
    QJsonObject object = fixture(pipeline ? QStringLiteral("build_workflowrun__api4jenkins.json")
                                          : QStringLiteral("build_freestyle__api4jenkins.json"));
    const QString url = absoluteUrl(jobUrlPath(job));
    object.insert(QStringLiteral("number"), build.number);
    object.insert(QStringLiteral("id"), QString::number(build.number));
    object.insert(QStringLiteral("displayName"), QStringLiteral("#%1").arg(build.number));
    object.insert(QStringLiteral("fullDisplayName"),
                  QStringLiteral("%1 #%2")
                          .arg(QString(job).replace(QLatin1Char('/'), QLatin1String(" \u00bb ")))
                          .arg(build.number));
    object.insert(QStringLiteral("url"),
                  QString(url + QString::number(build.number) + QLatin1Char('/')));
    object.insert(QStringLiteral("queueId"), build.queueId);
    object.insert(QStringLiteral("building"), build.building);
    object.insert(QStringLiteral("inProgress"), build.building);
    object.insert(QStringLiteral("result"),
                  build.result.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(build.result));
    object.insert(QStringLiteral("duration"), build.building ? 0 : 1234);
    object.insert(QStringLiteral("timestamp"), m_clock);
    object.insert(
            QStringLiteral("actions"),
            withParameters(object.value(QStringLiteral("actions")).toArray(), build.parameters));
    object.insert(QStringLiteral("previousBuild"), buildRef(url, build.number - 1));
    object.insert(QStringLiteral("nextBuild"), QJsonValue::Null);
    return QJsonDocument(object).toJson();
}

JenkinsStandin::Response JenkinsStandin::validate(const RecordedRequest &request) const
{
    if (m_validator == Feature::Disabled)
        return error(404, "Not Found");
    const QString text
            = queryValue(parseQuery(request.body), QStringLiteral("jenkinsfile")).trimmed();
    const bool balanced = text.count(QLatin1Char('{')) == text.count(QLatin1Char('}'));
    QByteArray body = "Jenkinsfile successfully validated.\n";
    if (!text.startsWith(QLatin1String("pipeline")) || !balanced)
        body = "Errors encountered validating Jenkinsfile:\n"
               "WorkflowScript: 1: Unexpected input: expected a pipeline block @ line 1, column "
               "1.\n";
    return Response{200, {}, {}, body, "text/plain;charset=UTF-8"};
}

} // namespace TestLib
