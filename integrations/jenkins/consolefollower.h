// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "integrations/jenkins/consoletext.h"
#include "integrations/jenkins/jobpath.h"
#include "integrations/jenkins/request.h"

namespace Jenkins {

class Client;

/**
 * Follows a run's console through `logText/progressiveText?start=K`: the next offset is the
 * X-Text-Size header (never the body length, which CRLF normalisation changes), polling goes on
 * while X-More-Data is present or the run is still building, and a shrinking X-Text-Size means
 * Jenkins restarted the log. Emits complete lines (ConsoleText does the byte-level work) and the
 * final partial line at the end.
 */
class ConsoleFollower : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleFollower)
public:
    Request::Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    /// The offset of the next poll (the last X-Text-Size).
    qint64 offset() const { return m_offset; }
    /// Every line emitted so far (for callers that only want the whole log).
    QStringList lines() const { return m_lines; }
    bool isFinished() const { return m_finished; }
    /// Stops polling; finished() is emitted with no error.
    void cancel();

Q_SIGNALS:
    void linesReceived(const QStringList &lines);
    /// Jenkins served the log from the start again; lines emitted before are superseded.
    void restarted();
    void finished(QPrivateSignal);

private:
    friend class Client;
    ConsoleFollower(Client *client, const JobPath &job, int build, ConsoleText::Ansi ansi);
    void start() { poll(); }
    void poll();
    void handleText(Request *request);
    void checkBuilding();
    void handleBuildInfo(Request *request);
    void schedulePoll();
    void emitLines(const QStringList &lines);
    void finish(Request::Error error, const QString &message);

    QPointer<Client> m_client;
    JobPath m_job;
    int m_build;
    ConsoleText m_text;
    qint64 m_offset = 0;
    QStringList m_lines;
    Request::Error m_error = Request::Error::NoError;
    QString m_errorString;
    bool m_finished = false;
};

} // namespace Jenkins
