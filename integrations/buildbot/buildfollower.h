// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVector>

#include "integrations/buildbot/buildbotjson.h"
#include "integrations/buildbot/request.h"

namespace Buildbot {

class Client;

/**
 * Follows one build request to its end by polling REST: waits for its build (or its
 * cancellation), announces steps as they start, streams each step's stdio log by line offset,
 * and finishes when the build is complete (whatever its result: a build whose worker was lost
 * ends with Retry and is not followed into the re-queued request). Emits finished() once.
 */
class BuildFollower : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildFollower)
public:
    BuildFollower(Client *client, qint64 buildRequestId);

    void start();
    bool isFinished() const { return m_finished; }
    qint64 buildRequestId() const { return m_buildRequestId; }
    Request::Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    /// False when the request was cancelled before a build started.
    bool hasBuild() const { return m_build.id != 0; }
    BuildInfo build() const { return m_build; }
    BuildResult result() const { return m_result; }
    QVector<StepInfo> steps() const { return m_steps; }

Q_SIGNALS:
    void buildStarted(const Buildbot::BuildInfo &build);
    void stepStarted(const Buildbot::StepInfo &step);
    void logLines(const Buildbot::StepInfo &step, const QStringList &lines);
    void stepFinished(const Buildbot::StepInfo &step);
    void finished();

private:
    struct StepState
    {
        bool announced = false;
        bool done = false;
        LogInfo log; ///< stdio; id 0 until known
        int offset = 0;
    };

    void schedule();
    void poll();
    void waitForBuild();
    void refreshBuild();
    void handleSteps(const QVector<StepInfo> &steps);
    void processStep(int index);
    void readLog(int index);
    void endCycle();
    bool failed(Request *request);
    void finish(Request::Error error, const QString &message);

    QPointer<Client> m_client;
    qint64 m_buildRequestId = 0;
    BuildInfo m_build;
    BuildResult m_result = BuildResult::Pending;
    QVector<StepInfo> m_steps;
    QHash<qint64, StepState> m_state;
    bool m_finished = false;
    Request::Error m_error = Request::Error::NoError;
    QString m_errorString;
};

} // namespace Buildbot
