// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/consolefollower.h"

#include <QTimer>

#include "integrations/jenkins/client.h"

namespace Jenkins {

ConsoleFollower::ConsoleFollower(Client *client, const JobPath &job, int build,
                                 ConsoleText::Ansi ansi)
    : QObject(client), m_client(client), m_job(job), m_build(build), m_text(ansi)
{ }

void ConsoleFollower::cancel()
{
    if (!m_finished)
        finish(Request::Error::NoError, {});
}

void ConsoleFollower::poll()
{
    if (m_finished || !m_client)
        return;
    Request::Spec spec;
    spec.path = m_job.urlPath() + QString::number(m_build)
            + QLatin1String("/logText/progressiveText");
    spec.query = {{QStringLiteral("start"), QString::number(m_offset)}};
    Request *request = m_client->send(spec);
    connect(request, &Request::finished, this, [this, request] { handleText(request); });
}

void ConsoleFollower::handleText(Request *request)
{
    request->deleteLater();
    if (m_finished)
        return;
    if (request->error() != Request::Error::NoError) {
        finish(request->error(), request->errorString());
        return;
    }
    bool ok = false;
    const qint64 size = request->rawHeader("X-Text-Size").toLongLong(&ok);
    if (!ok) {
        finish(Request::Error::InvalidResponse,
               QStringLiteral("Jenkins answered %1 without a usable X-Text-Size header.")
                       .arg(request->description()));
        return;
    }
    if (size < m_offset) {
        m_text.reset();
        Q_EMIT restarted();
    }
    m_offset = size;
    emitLines(m_text.feed(request->body()));
    if (request->rawHeader("X-More-Data") == "true")
        schedulePoll();
    else
        checkBuilding();
}

void ConsoleFollower::checkBuilding()
{
    // X-More-Data is absent once the log file is complete, which can precede the end of the run.
    Request *request = m_client->buildInfo(m_job, m_build);
    connect(request, &Request::finished, this, [this, request] { handleBuildInfo(request); });
}

void ConsoleFollower::handleBuildInfo(Request *request)
{
    request->deleteLater();
    if (m_finished)
        return;
    if (request->error() != Request::Error::NoError) {
        finish(request->error(), request->errorString());
        return;
    }
    if (request->result<BuildInfo>().building) {
        schedulePoll();
        return;
    }
    const QString last = m_text.flush();
    if (!last.isEmpty())
        emitLines({last});
    finish(Request::Error::NoError, {});
}

void ConsoleFollower::schedulePoll()
{
    QTimer::singleShot(m_client->pollIntervals().consoleMs, this, &ConsoleFollower::poll);
}

void ConsoleFollower::emitLines(const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    m_lines += lines;
    Q_EMIT linesReceived(lines);
}

void ConsoleFollower::finish(Request::Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    m_finished = true;
    Q_EMIT finished(QPrivateSignal());
}

} // namespace Jenkins
