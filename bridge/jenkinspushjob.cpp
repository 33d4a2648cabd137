// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/jenkinspushjob.h"

#include <QSet>

#include "integrations/jenkins/client.h"

namespace Bridge {

namespace {

const QLatin1String pipelineClass("org.jenkinsci.plugins.workflow.job.WorkflowJob");
const QLatin1String folderClass("com.cloudbees.hudson.plugins.folder.Folder");

bool isSafe(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char(' ');
}

} // namespace

JenkinsPushJob::JenkinsPushJob(Jenkins::Client *client, const QVector<JenkinsJobDefinition> &jobs,
                               QObject *parent)
    : QObject(parent), m_client(client)
{
    for (const Jenkins::JobPath &folder : foldersOf(jobs))
        m_items += Item{folder, QByteArray()};
    for (const JenkinsJobDefinition &job : jobs)
        m_items += Item{job.path, job.configXml};
}

QString JenkinsPushJob::itemName(const QString &name)
{
    QString out = name.trimmed();
    for (QChar &c : out) {
        if (!isSafe(c))
            c = QLatin1Char('_');
    }
    if (out.isEmpty() || out == QLatin1String("..") || out.endsWith(QLatin1Char('.')))
        out += QLatin1Char('_');
    return out;
}

QVector<Jenkins::JobPath> JenkinsPushJob::foldersOf(const QVector<JenkinsJobDefinition> &jobs)
{
    QVector<Jenkins::JobPath> folders;
    QSet<QString> seen;
    for (const JenkinsJobDefinition &job : jobs) {
        const QStringList segments = job.path.segments();
        for (int depth = 1; depth < segments.size(); ++depth) {
            const QString name = segments.mid(0, depth).join(QLatin1Char('/'));
            if (!seen.contains(name)) {
                seen.insert(name);
                folders += Jenkins::JobPath::fromFullName(name);
            }
        }
    }
    return folders;
}

void JenkinsPushJob::start()
{
    next();
}

void JenkinsPushJob::next()
{
    if (m_finished)
        return;
    if (!m_client) {
        fail(Jenkins::Request::Error::ConnectionFailed,
             QStringLiteral("The Jenkins client went away during the push."));
        return;
    }
    if (++m_index >= m_items.size()) {
        m_finished = true;
        Q_EMIT finished(QPrivateSignal());
        return;
    }
    Jenkins::Request *request = m_client->jobClass(m_items.at(m_index).path);
    connect(request, &Jenkins::Request::finished, this, [this, request] { handleClass(request); });
}

void JenkinsPushJob::handleClass(Jenkins::Request *request)
{
    request->deleteLater();
    if (request->error() == Jenkins::Request::Error::NotFound) {
        create();
        return;
    }
    if (request->error() != Jenkins::Request::Error::NoError) {
        fail(request->error(), request->errorString());
        return;
    }
    const Item &item = m_items.at(m_index);
    const QString itemClass = request->result<QString>();
    if (itemClass != (item.isFolder() ? folderClass : pipelineClass)) {
        fail(Jenkins::Request::Error::Conflict,
             QStringLiteral("Jenkins item %1 exists and is not a %2 (it is a %3); delete it or "
                            "push into another folder.")
                     .arg(item.path.fullName(),
                          item.isFolder() ? QStringLiteral("folder")
                                          : QStringLiteral("Pipeline job"),
                          itemClass.isEmpty() ? QStringLiteral("item of unknown type")
                                              : itemClass));
        return;
    }
    if (item.isFolder()) {
        next();
        return;
    }
    // Jenkins keeps the job's builds when its config.xml is replaced (§2.2).
    Jenkins::Request *write = m_client->updateJob(item.path, item.configXml);
    const QString done = QLatin1String("updated job ") + item.path.fullName();
    connect(write, &Jenkins::Request::finished, this,
            [this, write, done] { handleWrite(write, done, &m_updated); });
}

void JenkinsPushJob::create()
{
    const Item &item = m_items.at(m_index);
    const bool folder = item.isFolder();
    Jenkins::Request *write = folder ? m_client->createFolder(item.path)
                                     : m_client->createJob(item.path, item.configXml);
    const QString done = (folder ? QLatin1String("created folder ") : QLatin1String("created job "))
            + item.path.fullName();
    connect(write, &Jenkins::Request::finished, this, [this, write, done, folder] {
        handleWrite(write, done, folder ? &m_foldersCreated : &m_created);
    });
}

void JenkinsPushJob::handleWrite(Jenkins::Request *request, const QString &done, int *counter)
{
    request->deleteLater();
    if (request->error() != Jenkins::Request::Error::NoError) {
        fail(request->error(), request->errorString());
        return;
    }
    ++*counter;
    Q_EMIT progress(done);
    next();
}

void JenkinsPushJob::fail(Jenkins::Request::Error error, const QString &message)
{
    if (m_finished)
        return;
    m_error = error;
    m_errorString = message;
    m_finished = true;
    Q_EMIT finished(QPrivateSignal());
}

} // namespace Bridge
