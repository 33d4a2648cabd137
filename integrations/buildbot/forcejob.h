// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>

#include "integrations/buildbot/buildbotjson.h"
#include "integrations/buildbot/client.h"
#include "integrations/buildbot/request.h"

namespace Buildbot {

/**
 * Forces a build exactly once. A force POST that fails without an answer (or with a 5xx that is
 * not a JSON-RPC error) may still have been recorded, so before sending it again the job looks
 * at the buildsets created since it started for one carrying its Bittern request id, and adopts
 * that one. If it can't tell, it fails rather than risk a second build. Emits finished() once.
 */
class ForceJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForceJob)
public:
    ForceJob(Client *client, const ForceRequest &request);

    void start();
    bool isFinished() const { return m_finished; }
    Request::Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    ForceResult result() const { return m_result; }
    /// The Bittern request id sent (generated when the ForceRequest had none).
    QString requestId() const { return m_request.requestId; }
    /// How many force POSTs were sent.
    int forceAttempts() const { return m_forceAttempts; }
    /// True when an ambiguous failure turned out to have created the buildset.
    bool adopted() const { return m_adopted; }

Q_SIGNALS:
    void finished();

private:
    void sendForce();
    void handleForce(Request *request);
    void lookForRequest();
    void checkBuildsets(const QVariantList &ids, int index);
    void adopt(qint64 buildsetId);
    void finish(Request::Error error, const QString &message);

    QPointer<Client> m_client;
    ForceRequest m_request;
    qint64 m_lastBuildsetId = 0;
    int m_forceAttempts = 0;
    bool m_adopted = false;
    bool m_finished = false;
    Request::Error m_error = Request::Error::NoError;
    QString m_errorString;
    QString m_lastForceError;
    ForceResult m_result;
};

} // namespace Buildbot
