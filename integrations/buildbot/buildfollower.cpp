// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/buildfollower.h"

#include <algorithm>

#include <QTimer>

#include "integrations/buildbot/client.h"

namespace Buildbot {

namespace {

template<typename F>
void whenDone(Request *request, QObject *context, F handle)
{
    QObject::connect(request, &Request::finished, context, [request, handle]() {
        handle(request);
        request->deleteLater();
    });
}

} // namespace

BuildFollower::BuildFollower(Client *client, qint64 buildRequestId)
    : QObject(client), m_client(client), m_buildRequestId(buildRequestId)
{ }

void BuildFollower::start()
{
    poll();
}

void BuildFollower::schedule()
{
    if (!m_finished && m_client)
        QTimer::singleShot(m_client->pollInterval(), this, &BuildFollower::poll);
}

bool BuildFollower::failed(Request *request)
{
    if (request->error() == Request::Error::NoError)
        return false;
    finish(request->error(), request->errorString());
    return true;
}

void BuildFollower::poll()
{
    if (m_finished || !m_client)
        return;
    if (m_build.id == 0)
        waitForBuild();
    else
        refreshBuild();
}

void BuildFollower::waitForBuild()
{
    whenDone(m_client->buildsOfRequest(m_buildRequestId), this, [this](Request *request) {
        if (failed(request))
            return;
        auto builds = request->result().value<QVector<BuildInfo>>();
        if (!builds.isEmpty()) {
            // A retried request has several builds; the first is the one this follower reports.
            std::sort(builds.begin(), builds.end(),
                      [](const BuildInfo &a, const BuildInfo &b) { return a.id < b.id; });
            m_build = builds.first();
            Q_EMIT buildStarted(m_build);
            refreshBuild();
            return;
        }
        whenDone(m_client->buildRequest(m_buildRequestId), this, [this](Request *brRequest) {
            if (failed(brRequest))
                return;
            const auto info = brRequest->result().value<BuildRequestInfo>();
            if (info.complete) { // cancelled (or otherwise ended) before a build started
                m_result = info.result;
                finish(Request::Error::NoError, QString());
                return;
            }
            schedule();
        });
    });
}

void BuildFollower::refreshBuild()
{
    whenDone(m_client->build(m_build.id), this, [this](Request *request) {
        if (failed(request))
            return;
        m_build = request->result().value<BuildInfo>();
        whenDone(m_client->steps(m_build.id), this, [this](Request *stepsRequest) {
            if (failed(stepsRequest))
                return;
            handleSteps(stepsRequest->result().value<QVector<StepInfo>>());
        });
    });
}

void BuildFollower::handleSteps(const QVector<StepInfo> &steps)
{
    m_steps = steps;
    processStep(0);
}

void BuildFollower::processStep(int index)
{
    if (index >= m_steps.size()) {
        endCycle();
        return;
    }
    const StepInfo &step = m_steps.at(index);
    StepState &state = m_state[step.id];
    if (!step.started || state.done) {
        processStep(index + 1);
        return;
    }
    if (!state.announced) {
        state.announced = true;
        Q_EMIT stepStarted(step);
    }
    // The log list is read every cycle: its num_lines says whether there is anything new
    // (/contents answers 404 for lines that do not exist yet).
    whenDone(m_client->logs(step.id), this, [this, index](Request *request) {
        if (failed(request))
            return;
        StepState &current = m_state[m_steps.at(index).id];
        const auto logs = request->result().value<QVector<LogInfo>>();
        for (const LogInfo &log : logs) {
            if (log.name == QLatin1String("stdio"))
                current.log = log;
        }
        readLog(index);
    });
}

void BuildFollower::readLog(int index)
{
    const StepInfo step = m_steps.at(index);
    StepState &state = m_state[step.id];
    if (state.log.id == 0 || state.log.lineCount <= state.offset) {
        if (step.complete) {
            state.done = true;
            Q_EMIT stepFinished(step);
        }
        processStep(index + 1);
        return;
    }
    whenDone(m_client->logLines(state.log, state.offset), this, [this, index](Request *request) {
        if (failed(request))
            return;
        const StepInfo current = m_steps.at(index);
        StepState &s = m_state[current.id];
        const auto lines = request->result().value<LogLines>();
        QStringList fresh;
        for (int i = 0; i < lines.lines.size(); ++i) {
            if (lines.firstLine + i >= s.offset && lines.streams.at(i) != QLatin1Char('h'))
                fresh += lines.lines.at(i);
        }
        s.offset = std::max(s.offset, lines.firstLine + int(lines.lines.size()));
        if (!fresh.isEmpty())
            Q_EMIT logLines(current, fresh);
        if (current.complete) {
            s.done = true;
            Q_EMIT stepFinished(current);
        }
        processStep(index + 1);
    });
}

void BuildFollower::endCycle()
{
    if (!m_build.complete) {
        schedule();
        return;
    }
    m_result = m_build.result;
    finish(Request::Error::NoError, QString());
}

void BuildFollower::finish(Request::Error error, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = message;
    Q_EMIT finished();
}

} // namespace Buildbot
