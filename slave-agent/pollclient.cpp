// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/pollclient.h"

#include <cstdio>

#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSocketNotifier>

#include "core/machineadxml.h"
#include "core/recipereader.h"
#include "core/stepresultreader.h"
#include "slave-agent/logging.h"

namespace Agent {

namespace {

const QByteArray bittenXml = QByteArrayLiteral("application/x-bitten+xml");

int httpStatus(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QString replyText(QNetworkReply *reply)
{
    return QString::fromUtf8(reply->readAll()).trimmed();
}

QByteArray formField(const QByteArray &boundary, const QByteArray &disposition,
                     const QByteArray &value, const QByteArray &type = {})
{
    QByteArray part
            = "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n";
    if (!type.isEmpty())
        part += "Content-Type: " + type + "\r\n";
    return part + "\r\n" + value + "\r\n";
}

QString recipeAttribute(const Core::Recipe &recipe, const QString &name)
{
    for (const Core::RecipeAttribute &attribute : recipe.variables) {
        if (attribute.name == name)
            return attribute.value;
    }
    return QString();
}

} // namespace

PollClient::PollClient(const PollSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_spool(settings.spoolDir)
{
    qRegisterMetaType<Agent::StepVerdict>();
    qRegisterMetaType<Agent::PollExit>();
    m_worker = new StepWorker(m_settings.externalCommands);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StepWorker::stepFinished, this, &PollClient::handleStepFinished);
    m_thread.start();
    // The stop pipe is left undrained: the process launcher sees it too and stops the step.
    m_stopNotifier = new QSocketNotifier(m_worker->stopFd(), QSocketNotifier::Read, this);
    connect(m_stopNotifier, &QSocketNotifier::activated, this, &PollClient::handleStopRequested);
    m_keepaliveTimer.setInterval(qMax(1, m_settings.options.keepaliveSeconds) * 1000);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &PollClient::sendKeepalive);
    setUpPreemption(); // preemption (issue 8 item 5)
}

PollClient::~PollClient()
{
    m_worker->requestStop();
    m_thread.quit();
    m_thread.wait();
}

void PollClient::say(const QString &line) const
{
    std::fprintf(stdout, "bittern-agent: %s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

void PollClient::start()
{
    auto discarded = m_spool.open();
    if (!discarded) {
        say(discarded.error().message);
        finish(PollExit::IoError);
        return;
    }
    if (discarded.value() > 0)
        say(QStringLiteral("Discarded %1 step results of an earlier run (its session is gone).")
                    .arg(discarded.value()));
    poll();
}

QNetworkReply *PollClient::send(const QByteArray &verb, const QString &url,
                                const QByteArray &contentType, const QByteArray &body)
{
    QNetworkRequest request{QUrl(url)};
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_settings.options.user.isEmpty()) {
        const QByteArray credentials
                = (m_settings.options.user + QLatin1Char(':') + m_settings.options.password)
                          .toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return m_network.sendCustomRequest(request, verb, body);
}

void PollClient::retryLater(void (PollClient::*what)())
{
    const int ceiling = qMax(1, m_settings.options.intervalSeconds) * 1000;
    m_backoffMs
            = m_backoffMs == 0 ? m_settings.minRetryMilliseconds : qMin(ceiling, m_backoffMs * 2);
    QTimer::singleShot(m_backoffMs, this, what);
}

void PollClient::resetBackoff()
{
    m_backoffMs = 0;
}

void PollClient::poll()
{
    if (m_finished || !mayPoll()) // mayPoll: preemption (issue 8 item 5)
        return;
    const QString url = m_settings.options.urls.at(m_urlIndex % m_settings.options.urls.size());
    QNetworkReply *reply = send("POST", url, bittenXml, registrationBody());
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handlePollReply(reply); });
}

QByteArray PollClient::registrationBody() const
{
    if (!m_settings.machineAd)
        return m_settings.registration;
    const auto ad = m_settings.machineAd();
    if (!ad) {
        say(QStringLiteral("Polling without a machine ad: %1").arg(ad.error().message));
        return m_settings.registration;
    }
    return Core::MachineAdXml::addToRegistration(m_settings.registration, ad.value());
}

void PollClient::handlePollReply(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = httpStatus(reply);
    if (status == 0) {
        say(QStringLiteral("The master %1 is unreachable (%2); retrying.")
                    .arg(reply->url().toString(), reply->errorString()));
        ++m_urlIndex;
        retryLater(&PollClient::poll);
        return;
    }
    resetBackoff();
    if (status >= 300) {
        say(QStringLiteral("The master refused the registration: %1 %2")
                    .arg(status)
                    .arg(replyText(reply)));
        finish(PollExit::Unavailable);
    } else if (status == 201) {
        m_buildUrl = QString::fromUtf8(reply->rawHeader("Location"));
        say(QStringLiteral("Build pending at %1").arg(m_buildUrl));
        fetchRecipe();
    } else if (status == 204) {
        say(QStringLiteral("No pending builds"));
        if (m_settings.options.loop == PollLoop::UntilIdle) {
            finish(PollExit::Success);
            return;
        }
        ++m_urlIndex;
        QTimer::singleShot(m_settings.options.intervalSeconds * 1000, this, &PollClient::poll);
    } else {
        say(QStringLiteral("Unexpected response to the registration: %1").arg(status));
        finish(PollExit::Protocol);
    }
}

void PollClient::fetchRecipe()
{
    if (m_finished)
        return;
    QNetworkReply *reply = send("GET", m_buildUrl);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleRecipeReply(reply); });
}

void PollClient::handleRecipeReply(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = httpStatus(reply);
    if (status == 0) {
        say(QStringLiteral("The master is unreachable (%1); retrying.").arg(reply->errorString()));
        retryLater(&PollClient::fetchRecipe);
        return;
    }
    resetBackoff();
    if (status >= 300) {
        say(QStringLiteral("Could not fetch the recipe: %1 %2").arg(status).arg(replyText(reply)));
        finish(PollExit::Unavailable);
    } else if (status != 200) {
        say(QStringLiteral("Unexpected response to the recipe request: %1").arg(status));
        send("DELETE", m_buildUrl);
        finish(PollExit::Protocol);
    } else {
        notePreemptionSupport(reply); // preemption (issue 8 item 5)
        startBuild(reply->readAll());
    }
}

void PollClient::startBuild(const QByteArray &recipeXml)
{
    auto recipe = Core::RecipeReader(m_buildUrl).read(recipeXml);
    if (!recipe) {
        say(QStringLiteral("The recipe of %1 is unreadable: %2")
                    .arg(m_buildUrl, recipe.error().toString()));
        send("DELETE", m_buildUrl);
        finish(PollExit::Protocol);
        return;
    }
    m_recipe = recipe.value();
    m_stepIndex = 0;
    m_stepsDone = false;
    m_basedirRoot = QDir(m_settings.workDir)
                            .filePath(QStringLiteral("reports-%1")
                                              .arg(m_buildUrl.section(QLatin1Char('/'), -1)));
    m_keepaliveTimer.start();
    beginBuildPreemption(); // preemption (issue 8 item 5)
    runNextStep();
}

void PollClient::runNextStep()
{
    if (m_finished || vacateBeforeStep()) // vacateBeforeStep: preemption (issue 8 item 5)
        return;
    if (m_stepIndex >= m_recipe.steps.size()) {
        m_stepsDone = true;
        finishBuildIfDone();
        return;
    }
    if (m_suspended) { // preemption (issue 8 item 5): continueBuild() starts it
        say(QStringLiteral("Step %1 waits until the build is continued.")
                    .arg(m_recipe.steps.at(m_stepIndex).id));
        return;
    }
    BuildSettings settings;
    settings.workDir = m_settings.workDir;
    settings.buildDirPattern = m_settings.options.buildDirPattern;
    settings.reportDir = QDir(m_basedirRoot)
                                 .filePath(QStringLiteral("%1-%2")
                                                   .arg(m_stepIndex + 1, 2, 10, QLatin1Char('0'))
                                                   .arg(BuildRunner::safeName(
                                                           m_recipe.steps.at(m_stepIndex).id)));
    settings.properties = m_settings.properties;
    settings.environment = m_settings.environment;
    settings.attachmentUpload = AttachmentUpload::ToMaster;
    const Core::Recipe recipe = m_recipe;
    const int index = m_stepIndex;
    StepWorker *worker = m_worker;
    m_stepRunning = true;
    QMetaObject::invokeMethod(m_worker, [worker, recipe, index, settings] {
        worker->runStep(recipe, index, settings);
    });
}

void PollClient::handleStepFinished(int index, StepVerdict verdict, const QString &resultFile,
                                    const QString &message)
{
    m_stepRunning = false;
    if (m_finished)
        return;
    if (m_stopping || verdict == StepVerdict::Cancelled) {
        cancelAndStop();
        return;
    }
    if (verdict == StepVerdict::Preempted) { // preemption (issue 8 item 5)
        vacateAt(index);
        return;
    }
    if (verdict == StepVerdict::Broken) {
        say(QStringLiteral("Step %1 could not run: %2").arg(m_recipe.steps.at(index).id, message));
        send("DELETE", m_buildUrl);
        finish(PollExit::IoError);
        return;
    }
    QFile file(resultFile);
    if (!file.open(QIODevice::ReadOnly)) {
        say(QStringLiteral("Could not read %1: %2.").arg(resultFile, file.errorString()));
        finish(PollExit::IoError);
        return;
    }
    const QByteArray result = file.readAll();
    if (auto attached = spoolAttachments(result); !attached) {
        say(attached.error().message);
        finish(PollExit::IoError);
        return;
    }
    if (auto spooled = m_spool.append(m_buildUrl + QStringLiteral("/steps/"), bittenXml, result);
        !spooled) {
        say(spooled.error().message);
        finish(PollExit::IoError);
        return;
    }
    deliver();
    const bool stop = verdict == StepVerdict::Failed
            && m_recipe.steps.at(index).onError == Core::OnError::Fail;
    ++m_stepIndex;
    if (stop)
        m_stepIndex = int(m_recipe.steps.size());
    runNextStep();
}

Core::Result<void> PollClient::spoolAttachments(const QByteArray &resultXml)
{
    auto result = Core::StepResultReader::read(resultXml);
    if (!result || result.value().attachments.isEmpty())
        return {}; // the master will say what is wrong with the result itself
    BuildSettings settings;
    settings.workDir = m_settings.workDir;
    settings.buildDirPattern = m_settings.options.buildDirPattern;
    auto basedir = BuildRunner::prepareBasedir(m_recipe, settings);
    if (!basedir)
        return basedir.error();
    const QByteArray boundary = "bittern-" + QByteArray::number(qHash(resultXml), 16);
    const QByteArray token = recipeAttribute(m_recipe, QStringLiteral("form_token")).toUtf8();
    for (const Core::StepAttachment &attachment : result.value().attachments) {
        QFile file(QDir(basedir.value()).filePath(attachment.filename));
        if (!file.open(QIODevice::ReadOnly)) {
            say(QStringLiteral("Could not attach %1: %2.")
                        .arg(file.fileName(), file.errorString()));
            continue;
        }
        const QByteArray name = QFileInfo(attachment.filename).fileName().toUtf8();
        const QByteArray body = formField(boundary, "name=\"file\"; filename=\"" + name + '"',
                                          file.readAll(), "application/octet-stream")
                + formField(boundary, "name=\"description\"", attachment.description.toUtf8())
                + formField(boundary, "name=\"__FORM_TOKEN\"", token) + "--" + boundary + "--\r\n";
        const QString resource = attachment.resource == QLatin1String("config")
                ? QStringLiteral("config")
                : QStringLiteral("build");
        auto spooled = m_spool.append(m_buildUrl + QStringLiteral("/attach/") + resource,
                                      "multipart/form-data; boundary=" + boundary, body);
        if (!spooled)
            return spooled;
    }
    return {};
}

void PollClient::deliver()
{
    if (m_finished || m_delivering)
        return;
    auto entry = m_spool.first();
    if (!entry) {
        say(entry.error().message);
        finish(PollExit::IoError);
        return;
    }
    if (!entry.value()) {
        finishBuildIfDone();
        return;
    }
    m_delivering = true;
    const SpoolEntry next = *entry.value();
    QNetworkReply *reply = send("POST", next.url, next.contentType, next.body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, next] { handleDeliveryReply(reply, next); });
}

void PollClient::handleDeliveryReply(QNetworkReply *reply, const SpoolEntry &entry)
{
    reply->deleteLater();
    m_delivering = false;
    const int status = httpStatus(reply);
    if (status == 0) {
        say(QStringLiteral("The master is unreachable (%1); the step result stays spooled.")
                    .arg(reply->errorString()));
        retryLater(&PollClient::deliver);
        return;
    }
    resetBackoff();
    if (status >= 300) {
        say(QStringLiteral("The master refused a step result: %1 %2")
                    .arg(status)
                    .arg(replyText(reply)));
        finish(PollExit::Unavailable);
        return;
    }
    if (auto removed = m_spool.remove(entry); !removed) {
        say(removed.error().message);
        finish(PollExit::IoError);
        return;
    }
    Q_EMIT stepDelivered(entry.url);
    noteVacateHeader(reply); // preemption (issue 8 item 5)
    deliver();
}

void PollClient::sendKeepalive()
{
    if (m_keepaliveInFlight || m_buildUrl.isEmpty())
        return;
    m_keepaliveInFlight = true;
    QNetworkReply *reply = send("POST", m_buildUrl + QStringLiteral("/keepalive/"), bittenXml);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_keepaliveInFlight = false;
        noteVacateHeader(reply); // preemption (issue 8 item 5)
        if (httpStatus(reply) != 200) // only logged, as bitten-slave does
            qCInfo(lcAgentRunner, "Keepalive failed: %s", qUtf8Printable(reply->errorString()));
    });
}

void PollClient::finishBuildIfDone()
{
    if (m_finished || !m_stepsDone || m_delivering || m_spool.size() > 0)
        return;
    if (m_vacated) { // preemption (issue 8 item 5)
        finishVacatedBuild();
        return;
    }
    m_keepaliveTimer.stop();
    say(QStringLiteral("Build %1 done").arg(m_buildUrl));
    m_buildUrl.clear();
    m_stepsDone = false;
    ++m_buildsDone;
    if (m_settings.options.keepFiles == KeepFiles::No)
        QDir(m_basedirRoot).removeRecursively();
    if (m_settings.options.loop == PollLoop::Single) {
        finish(PollExit::Success);
        return;
    }
    QTimer::singleShot(0, this, &PollClient::poll); // after a build, poll again at once
}

void PollClient::handleStopRequested()
{
    m_stopNotifier->setEnabled(false);
    if (m_stopping || m_finished)
        return;
    m_stopping = true;
    m_worker->requestStop(); // each step has its own stop signal (preemption, issue 8 item 5)
    say(QStringLiteral("Stop requested."));
    if (!m_stepRunning) // else handleStepFinished() continues once the step has stopped
        cancelAndStop();
}

void PollClient::cancelAndStop()
{
    // Both stop() and the stopped step's end may get here: the build is cancelled once.
    if (m_cancelling)
        return;
    m_cancelling = true;
    if (m_buildUrl.isEmpty()) {
        finish(PollExit::Stopped);
        return;
    }
    say(QStringLiteral("Cancelling build %1").arg(m_buildUrl));
    QNetworkReply *reply = send("DELETE", m_buildUrl);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        finish(PollExit::Stopped);
    });
}

void PollClient::finish(PollExit status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_keepaliveTimer.stop();
    m_worker->requestStop();
    Q_EMIT finished(status);
}

} // namespace Agent
