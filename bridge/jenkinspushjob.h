// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>

#include "integrations/jenkins/jobpath.h"
#include "integrations/jenkins/request.h"

namespace Jenkins {
class Client;
}

namespace Bridge {

/// One Pipeline job to create or update: where, and its config.xml.
struct JenkinsJobDefinition
{
    Jenkins::JobPath path;
    QByteArray configXml;
};

/**
 * Creates or updates Pipeline jobs on one Jenkins, in order: first every folder on the way
 * (created when missing, kept when it is a folder), then each job — created when missing,
 * its config.xml replaced when it is a Pipeline job. An item of another kind in the way stops
 * the push with an error naming it (Jenkins cannot turn one job type into another, §2.2).
 * Emits finished() exactly once.
 */
class JenkinsPushJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JenkinsPushJob)
public:
    JenkinsPushJob(Jenkins::Client *client, const QVector<JenkinsJobDefinition> &jobs,
                   QObject *parent = nullptr);

    /// A Jenkins item name for a Bitten name: characters outside [A-Za-z0-9_.- ] and a
    /// trailing dot become '_' (jenkins-contract §2.1).
    static QString itemName(const QString &name);
    /// Every folder the jobs need, parents first, each once.
    static QVector<Jenkins::JobPath> foldersOf(const QVector<JenkinsJobDefinition> &jobs);

    void start();
    Jenkins::Request::Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    /// Jobs created and updated; folders are not counted.
    int createdCount() const { return m_created; }
    int updatedCount() const { return m_updated; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// "created folder A", "created job A/b", "updated job A/b".
    void progress(const QString &line);
    void finished(QPrivateSignal);

private:
    struct Item
    {
        Jenkins::JobPath path;
        QByteArray configXml; ///< empty for a folder
        bool isFolder() const { return configXml.isEmpty(); }
    };
    void next();
    void handleClass(Jenkins::Request *request);
    void create();
    void handleWrite(Jenkins::Request *request, const QString &done, int *counter);
    void fail(Jenkins::Request::Error error, const QString &message);

    QPointer<Jenkins::Client> m_client;
    QVector<Item> m_items;
    int m_index = -1;
    int m_created = 0;
    int m_foldersCreated = 0;
    int m_updated = 0;
    Jenkins::Request::Error m_error = Jenkins::Request::Error::NoError;
    QString m_errorString;
    bool m_finished = false;
};

} // namespace Bridge
