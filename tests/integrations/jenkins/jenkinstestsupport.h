// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the tests of the Jenkins client: the stand-in's users and recorded configs.
#include <QSignalSpy>
#include <QString>

#include "integrations/jenkins/client.h"
#include "tests/testlib/jenkinsstandin.h"
#include "tests/testlib/testdata.h"

namespace JenkinsTest {

inline const QString user = QStringLiteral("bittern");
inline const QString token = QStringLiteral("11d3b0aa5ed0e1c1a6e8d3f2b4c5a6e7f8");
inline const QString password = QStringLiteral("s3cret-pass");

inline QByteArray configFixture(const QString &name)
{
    return TestLib::readFile(
            TestLib::sharedPath(QStringLiteral("fixtures/jenkins/config/") + name));
}

inline QByteArray apiFixture(const QString &name)
{
    return TestLib::readFile(TestLib::sharedPath(QStringLiteral("fixtures/jenkins/api/") + name));
}

/// The recorded api4jenkins Pipeline config with a string parameter, plus REVISION and the
/// request-id parameter the bridge's generated jobs declare (Jenkins drops undeclared ones).
inline QByteArray parameterizedPipeline()
{
    QByteArray xml = configFixture(QStringLiteral("pipeline_string_param__api4jenkins.xml"));
    const QByteArray extra
            = "<hudson.model.StringParameterDefinition><name>REVISION</name>"
              "</hudson.model.StringParameterDefinition>"
              "<hudson.model.StringParameterDefinition><name>BITTERN_REQUEST_ID</name>"
              "</hudson.model.StringParameterDefinition></parameterDefinitions>";
    return xml.replace("</parameterDefinitions>", extra);
}

/// A stand-in with the users "bittern" and "reader" (who may not write) and the job "p".
inline TestLib::JenkinsStandin *makeStandin(QObject *parent)
{
    auto *standin = new TestLib::JenkinsStandin(parent);
    standin->addUser(user, token, password);
    standin->addUser(QStringLiteral("reader"), QStringLiteral("reader-token"),
                     QStringLiteral("reader-pass"));
    standin->denyWrites(QStringLiteral("reader"));
    if (!standin->listen())
        qFatal("the Jenkins stand-in cannot listen on 127.0.0.1");
    standin->addJob(QStringLiteral("p"), parameterizedPipeline());
    return standin;
}

/// A client of @p standin with short retry delays and poll intervals.
inline Jenkins::Client *makeClient(TestLib::JenkinsStandin *standin,
                                   Jenkins::Credentials::Kind kind
                                   = Jenkins::Credentials::Kind::ApiToken,
                                   const QString &secret = {})
{
    const QString chosen = !secret.isEmpty()               ? secret
            : kind == Jenkins::Credentials::Kind::ApiToken ? token
                                                           : password;
    auto *client = new Jenkins::Client(standin->baseUrl(), {user, chosen, kind}, standin);
    client->setRetryPolicy({3, 1, 8});
    client->setPollIntervals({2, 2});
    return client;
}

template<typename Job>
bool waitFor(Job *job)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(10000);
}

} // namespace JenkinsTest
