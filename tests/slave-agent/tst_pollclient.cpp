// SPDX-License-Identifier: GPL-3.0-or-later
// bittern-agent poll against a real in-process bridge (BridgeService on 127.0.0.1:0 with a
// SQLite file store): a whole build, then a build during which the master goes away and
// comes back, its spooled step results delivered once and in order.
#include <QtTest>

#include "bridge/bridgeservice.h"
#include "bridge/store/sqlstore.h"
#include "core/slaveproperties.h"
#include "slave-agent/pollclient.h"

using namespace Bridge;

namespace {

const char shNamespace[] = "http://bitten.edgewall.org/tools/sh";

QByteArray recipe(const QString &marker)
{
    // Step "wait" blocks until the test creates the marker file.
    return QStringLiteral("<build xmlns:sh=\"%1\">\n"
                          "  <step id=\"one\"><sh:exec executable=\"echo\" args=\"one\"/></step>\n"
                          "  <step id=\"wait\"><sh:exec executable=\"sh\" args=\"-c 'while [ ! -f "
                          "%2 ]; do sleep 0.05; done'\"/></step>\n"
                          "  <step id=\"three\"><sh:exec executable=\"echo\" args=\"three\" "
                          "output=\"three.txt\"/><attach file=\"three.txt\" description=\"Step "
                          "three\"/>"
                          "</step>\n</build>\n")
            .arg(QLatin1String(shNamespace), marker)
            .toUtf8();
}

} // namespace

class tst_PollClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void wholeBuild();
    void masterGoesAwayMidBuild();
    void stopCancelsTheBuild();
    void httpErrorExits69();

private:
    bool startService(quint16 port = 0);
    qint64 queueBuild(const QByteArray &recipeXml);
    ::Agent::PollSettings pollSettings() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BridgeService> m_service;
    QString m_database;
    quint16 m_port = 0;
};

void tst_PollClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("bridge.db"));
    QVERIFY(startService());
}

void tst_PollClient::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

bool tst_PollClient::startService(quint16 port)
{
    auto store = SqlStore::open(m_database);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return false;
    }
    ServiceSettings settings;
    settings.port = port;
    settings.attachmentDir = m_dir->filePath(QStringLiteral("attachments"));
    m_service = std::make_unique<BridgeService>(std::move(store).value(), settings);
    auto started = m_service->start();
    if (!started) {
        qWarning("%s", qPrintable(started.error().message));
        return false;
    }
    m_port = m_service->port();
    return true;
}

qint64 tst_PollClient::queueBuild(const QByteArray &recipeXml)
{
    Store &store = *m_service->store();
    Configuration config;
    config.name = QStringLiteral("demo");
    config.label = QStringLiteral("Demo");
    config.description = QStringLiteral("");
    config.path = QStringLiteral("trunk");
    config.minRevision = QStringLiteral("");
    config.maxRevision = QStringLiteral("");
    config.active = true;
    config.recipe = recipeXml;
    if (!store.saveConfiguration(config))
        return 0;
    TargetPlatform platform;
    platform.config = config.name;
    platform.name = QStringLiteral("any");
    auto platformId = store.savePlatform(platform);
    if (!platformId)
        return 0;
    Build build;
    build.config = config.name;
    build.revision = QStringLiteral("7");
    build.revisionTime = 1700000000;
    build.platform = platformId.value();
    auto id = store.enqueueBuild(build);
    return id ? id.value() : 0;
}

::Agent::PollSettings tst_PollClient::pollSettings() const
{
    ::Agent::PollSettings settings;
    settings.options.urls = QStringList(QStringLiteral("http://127.0.0.1:%1/builds").arg(m_port));
    settings.options.loop = ::Agent::PollLoop::Single;
    settings.options.intervalSeconds = 1;
    settings.options.keepaliveSeconds = 1;
    settings.slaveName = QStringLiteral("tester");
    const Core::SlaveProperties properties = Core::SlaveProperties::detect();
    settings.registration = properties.registrationXml(settings.slaveName);
    settings.properties = properties.toHash();
    settings.workDir = m_dir->filePath(QStringLiteral("work"));
    settings.spoolDir = m_dir->filePath(QStringLiteral("spool"));
    settings.minRetryMilliseconds = 100;
    QDir().mkpath(settings.workDir);
    return settings;
}

void tst_PollClient::wholeBuild()
{
    const QString marker = m_dir->filePath(QStringLiteral("marker"));
    QFile(marker).open(QIODevice::WriteOnly); // step "wait" returns at once
    const qint64 id = queueBuild(recipe(marker));
    QVERIFY(id > 0);
    ::Agent::PollClient client(pollSettings());
    QSignalSpy finished(&client, &::Agent::PollClient::finished);
    client.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<::Agent::PollExit>(), ::Agent::PollExit::Success);
    auto detail = m_service->store()->buildDetail(id);
    QVERIFY(detail);
    QCOMPARE(detail.value().build.status, BuildStatus::Success);
    QCOMPARE(detail.value().build.slave, QString("tester"));
    QStringList steps;
    for (const BuildStep &step : detail.value().steps)
        steps.append(step.name);
    QCOMPARE(steps, QStringList({"one", "wait", "three"}));
    QVERIFY(!detail.value().logs.isEmpty());
    // The attachment went up as multipart/form-data before step three's result.
    auto attachments = m_service->store()->attachments(QStringLiteral("demo"), id);
    QVERIFY(attachments);
    QCOMPARE(attachments.value().size(), 1);
    QCOMPARE(attachments.value().first().filename, QString("three.txt"));
    QCOMPARE(attachments.value().first().description, QString("Step three"));
    QFile stored(attachments.value().first().filePath);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), QByteArray("three\n"));
    // The attach command's log line says the file goes to the master.
    QStringList attachLog;
    for (const LogRecord &log : detail.value().logs) {
        if (log.step != "three" || !log.generator.endsWith("attach"))
            continue;
        auto messages = m_service->store()->logMessages(log.id, 0, 0);
        QVERIFY(messages);
        for (const Core::LogMessage &message : messages.value())
            attachLog << message.level + ": " + message.text;
    }
    QCOMPARE(attachLog,
             QStringList{"info: Attachment three.txt recorded for the build; it is uploaded to "
                         "the master after the step."});
    // Output lines reach the master as messages: poll mode embeds them in the step result it
    // posts (only bittern-agent run's result.xml refers to step.log).
    QStringList oneLog;
    for (const LogRecord &log : detail.value().logs) {
        if (log.step != "one")
            continue;
        auto messages = m_service->store()->logMessages(log.id, 0, 0);
        QVERIFY(messages);
        for (const Core::LogMessage &message : messages.value())
            oneLog << message.level + ": " + message.text;
    }
    QCOMPARE(oneLog, QStringList{"info: one"});
}

void tst_PollClient::masterGoesAwayMidBuild()
{
    const QString marker = m_dir->filePath(QStringLiteral("marker"));
    const qint64 id = queueBuild(recipe(marker));
    QVERIFY(id > 0);
    const ::Agent::PollSettings settings = pollSettings();
    ::Agent::PollClient client(settings);
    QSignalSpy finished(&client, &::Agent::PollClient::finished);
    QSignalSpy delivered(&client, &::Agent::PollClient::stepDelivered);
    client.start();
    QVERIFY(delivered.wait(20000)); // step "one" reached the master
    QCOMPARE(delivered.size(), 1);

    // The master goes away while step "wait" runs.
    QSignalSpy stopped(m_service.get(), &BridgeService::stopped);
    m_service->stop();
    QTRY_COMPARE(stopped.size(), 1);
    m_service.reset();
    QFile(marker).open(QIODevice::WriteOnly); // let the build go on without the master
    QTRY_COMPARE_WITH_TIMEOUT(QDir(settings.spoolDir).entryList({"*.spool"}, QDir::Files).size(), 3,
                              20000); // wait's result, three's attachment, three's result
    QVERIFY(finished.isEmpty()); // still waiting to deliver
    QCOMPARE(delivered.size(), 1);

    // The master returns on the same port: the spooled requests go out once, in order.
    QVERIFY(startService(m_port));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<::Agent::PollExit>(), ::Agent::PollExit::Success);
    QCOMPARE(delivered.size(), 4);
    QVERIFY(delivered.at(1).first().toString().endsWith("/steps/"));
    QVERIFY(delivered.at(2).first().toString().endsWith("/attach/build"));
    QVERIFY(delivered.at(3).first().toString().endsWith("/steps/"));
    QVERIFY(QDir(settings.spoolDir).entryList({"*.spool"}, QDir::Files).isEmpty());
    auto detail = m_service->store()->buildDetail(id);
    QVERIFY(detail);
    QCOMPARE(detail.value().build.status, BuildStatus::Success);
    QStringList steps;
    for (const BuildStep &step : detail.value().steps)
        steps.append(step.name);
    QCOMPARE(steps, QStringList({"one", "wait", "three"}));
}

void tst_PollClient::stopCancelsTheBuild()
{
    // Like Ctrl-C to bitten-slave: the running step stops, the build goes back to pending.
    const qint64 id = queueBuild(recipe(m_dir->filePath(QStringLiteral("never"))));
    QVERIFY(id > 0);
    ::Agent::PollClient client(pollSettings());
    QSignalSpy finished(&client, &::Agent::PollClient::finished);
    QSignalSpy delivered(&client, &::Agent::PollClient::stepDelivered);
    client.start();
    QVERIFY(delivered.wait(20000)); // step "one" is stored, step "wait" runs forever
    client.stop();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<::Agent::PollExit>(), ::Agent::PollExit::Stopped);
    auto build = m_service->store()->buildDetail(id);
    QVERIFY(build);
    QCOMPARE(build.value().build.status, BuildStatus::Pending);
    QVERIFY(build.value().steps.isEmpty());
}

void tst_PollClient::httpErrorExits69()
{
    ::Agent::PollSettings settings = pollSettings();
    settings.registration = "<slave name=\"old\" version=\"4\"/>";
    ::Agent::PollClient client(settings);
    QSignalSpy finished(&client, &::Agent::PollClient::finished);
    client.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<::Agent::PollExit>(), ::Agent::PollExit::Unavailable);
}

QTEST_GUILESS_MAIN(tst_PollClient)
#include "tst_pollclient.moc"
