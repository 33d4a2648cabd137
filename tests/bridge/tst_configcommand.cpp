// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include "bridge/bridgeconfig.h"
#include "bridge/store/sqlstore.h"
#include "core/inifile.h"
#include "core/slaveproperties.h"
#include "tests/testlib/git.h"
#include "tests/testlib/processrun.h"

using TestLib::ProcessRun;
using TestLib::runBittern;
using TestLib::runGit;

/// `bittern config check`, `bittern serve --config` and the example files of packaging/.
class tst_ConfigCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
    void exampleBridgeConfig_data();
    void exampleBridgeConfig();
    void exampleAgentConfig();
    void serveUsesConfigFile();
    void serveRefusesBadConfigFile();
    void ciTargetByName_data();
    void ciTargetByName();
    void serveQueuesWithBittenOptions_data();
    void serveQueuesWithBittenOptions();
};

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}

QString sourcePath(const QString &relative)
{
    return qEnvironmentVariable("BITTERN_SOURCE") + '/' + relative;
}

/// A git repository whose trunk/ changed at each of @p times; empty when git failed.
bool makeRepository(const QString &dir, const QVector<qint64> &times)
{
    if (!runGit(dir, {"init", "-q"}) || !QDir().mkpath(dir + "/trunk"))
        return false;
    for (qint64 time : times) {
        QFile file(dir + "/trunk/a.txt");
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(time)) <= 0)
            return false;
        file.close();
        if (!runGit(dir, {"add", "-A"}) || !runGit(dir, {"commit", "-q", "-m", "c"}, time))
            return false;
    }
    return true;
}

/// A store with the active configuration "trunk" (path /trunk) on one platform.
bool seedStore(const QString &database)
{
    auto store = Bridge::SqlStore::open(database);
    if (!store)
        return false;
    Bridge::Configuration config;
    config.name = "trunk";
    config.path = "/trunk";
    config.active = true;
    config.recipe
            = "<build><step id=\"s\"><sh:exec xmlns:sh=\"http://bitten.edgewall.org/tools/sh\" "
              "executable=\"true\"/></step></build>";
    Bridge::TargetPlatform any;
    any.config = "trunk";
    any.name = "any";
    return store.value()->saveConfiguration(config) && store.value()->savePlatform(any);
}

/// The rev_time of every build of "trunk", oldest first.
QVector<qint64> buildTimes(const QString &database)
{
    auto store = Bridge::SqlStore::open(database);
    if (!store)
        return {-1};
    Bridge::BuildQuery query;
    query.config = "trunk";
    const auto page = store.value()->builds(query);
    if (!page)
        return {-1};
    QVector<qint64> times;
    for (const Bridge::Build &build : page.value().builds)
        times.append(build.revisionTime);
    std::sort(times.begin(), times.end());
    return times;
}

/// Sends one HTTP request to 127.0.0.1:@p port and returns the whole answer.
QByteArray httpRequest(quint16 port, const QByteArray &request)
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    if (!client.waitForConnected(5000))
        return {};
    client.write(request);
    QByteArray response;
    while (client.waitForReadyRead(5000))
        response += client.readAll();
    return response;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

/// The example with every `#option = value` and `#[section]` line made active.
QByteArray uncommented(const QByteArray &example)
{
    static const QRegularExpression commented("^#(\\[[^\\]]+\\]|[a-z_]+ =.*)$");
    QStringList lines = QString::fromUtf8(example).split('\n');
    for (QString &line : lines) {
        const QRegularExpressionMatch match = commented.match(line);
        if (match.hasMatch())
            line = match.captured(1);
    }
    return lines.join('\n').toUtf8();
}

} // namespace

void tst_ConfigCommand::check_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out"); // FILE stands for the file's name
    QTest::addRow("valid") << QByteArray("[server]\nlisten = 127.0.0.1:8080\n") << 0
                           << "FILE: OK\n";
    QTest::addRow("empty file") << QByteArray() << 0 << "FILE: OK\n";
    QTest::addRow("warning only") << QByteArray("[bitten]\nquick_status = true\n") << 0
                                  << "FILE:2: warning: Option \"quick_status\" in section "
                                     "[bitten] is ignored: Bittern has no Trac navigation bar.\n"
                                     "FILE: OK\n";
    QTest::addRow("unknown option and bad value")
            << QByteArray("[server]\nlisten = 1.2.3.4\n\n[bitten]\nx = 1\n") << 1
            << "FILE:2: error: Invalid value \"1.2.3.4\" for option \"listen\" in section "
               "[server]: expected HOST:PORT with an IP address.\n"
               "FILE:5: error: Unknown option \"x\" in section [bitten].\n";
}

void tst_ConfigCommand::check()
{
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QTemporaryDir dir;
    const QString file = writeFile(dir, "bittern.ini", content);
    const ProcessRun run = runBittern({"config", "check", file});
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, QString(out).replace("FILE", file));
    QCOMPARE(run.err, QString());
}

void tst_ConfigCommand::exampleBridgeConfig_data()
{
    QTest::addColumn<bool>("uncomment");
    QTest::addRow("as shipped") << false;
    QTest::addRow("every documented default made active") << true;
}

void tst_ConfigCommand::exampleBridgeConfig()
{
    QFETCH(bool, uncomment);
    QFile example(sourcePath("packaging/bittern.ini"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QByteArray content = example.readAll();
    if (uncomment) {
        content = uncommented(content);
        QVERIFY(content.contains("\n[ci jenkins]\n"));
        QVERIFY(content.contains("\nslave_timeout = 3600\n"));
    }
    QTemporaryDir dir;
    const QString file = writeFile(dir, "bittern.ini", content);
    const ProcessRun run = runBittern({"config", "check", file});
    QCOMPARE(run.out, file + ": OK\n");
    QCOMPARE(run.exitCode, 0);
    // The documented defaults are the parser's defaults.
    const Bridge::BridgeConfig config = Bridge::BridgeConfig::read(content).config;
    QCOMPARE(config.port, 8080);
    QCOMPARE(config.slaveTimeout, 3600);
    QCOMPARE(config.pollInterval, 60);
}

void tst_ConfigCommand::exampleAgentConfig()
{
    QFile example(sourcePath("packaging/agent.ini.example"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    const QByteArray content = uncommented(example.readAll());
    const Core::Result<Core::IniFile> ini = Core::IniFile::parse(content);
    QVERIFY2(ini, ini ? "" : qPrintable(ini.error().message));
    const auto properties = Core::SlaveProperties::fromIni(ini.value());
    QVERIFY2(properties, properties ? "" : qPrintable(properties.error().message));
    QCOMPARE(properties.value().value("os"), "Linux");
    QCOMPARE(properties.value().value("python.path"), "/usr/bin/python3");
    QCOMPARE(properties.value().username(), "build1");
}

void tst_ConfigCommand::serveUsesConfigFile()
{
    QTemporaryDir dir;
    const quint16 port = freePort();
    const QString database = dir.filePath("from-config.db");
    const QString config = writeFile(
            dir, "bittern.ini",
            QString("[server]\nlisten = 127.0.0.1:%1\ndatabase = sqlite:%2\ndata_dir = %3\n"
                    "[bitten]\nslave_timeout = 120\nadjust_timestamps = true\n")
                    .arg(port)
                    .arg(database, dir.path())
                    .toUtf8());
    QProcess serve;
    serve.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("BITTERN_DB", "sqlite:" + dir.filePath("from-environment.db"));
    serve.setProcessEnvironment(environment);
    serve.start(qEnvironmentVariable("BITTERN_BIN"), {"serve", "--config", config});
    QVERIFY(serve.waitForStarted());
    QByteArray output;
    const auto stop = qScopeGuard([&serve] {
        if (serve.state() != QProcess::NotRunning) {
            serve.kill();
            serve.waitForFinished();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT((output += serve.readAll()).contains("listening on"), 10000);
    QVERIFY2(output.contains(QString("listening on http://127.0.0.1:%1 (store").arg(port).toUtf8()),
             output.constData());
    QVERIFY2(output.contains(config.toUtf8() + ":7: warning: Option \"adjust_timestamps\""),
             output.constData());
    const QByteArray response
            = httpRequest(port, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY2(response.contains("bittern_queue_length 0"), response.constData());
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(QFile::exists(database));
    QVERIFY(!QFile::exists(dir.filePath("from-environment.db")));
}

void tst_ConfigCommand::serveRefusesBadConfigFile()
{
    QTemporaryDir dir;
    const QString config
            = writeFile(dir, "bittern.ini", "[server]\nlisten = 127.0.0.1:0\nport = 1\n");
    const ProcessRun run = runBittern({"serve", "--config", config, "--db", "sqlite::memory:"});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err,
             "bittern serve: " + config
                     + ":3: error: Unknown option \"port\" in section "
                       "[server].\nbittern serve: The configuration file "
                     + config + " has errors; nothing was started.\n");
}

void tst_ConfigCommand::ciTargetByName_data()
{
    QTest::addColumn<QStringList>("arguments"); // CONFIG stands for the configuration file
    QTest::addColumn<QString>("err");
    QTest::addRow("target's URL is used")
            << QStringList{"push", "--ci", "jenkins", "--config", "CONFIG"}
            << "bittern push needs at least one configuration.\n";
    QTest::addRow("target's options come first, the command line wins")
            << QStringList{"push", "--config=CONFIG", "--ci=buildbot", "--data-dir", "", "r.xml"}
            << "bittern push --ci buildbot+… needs --data-dir DIR (the directory the master's "
               "configure() reads).\n";
    QTest::addRow("unknown target")
            << QStringList{"run", "--ci", "gitlab", "--config", "CONFIG", "cfg"}
            << "The configuration file CONFIG has no section [ci gitlab].\n";
    QTest::addRow("a URL is not a target name")
            << QStringList{"run", "--ci", "https://x/", "--config", "CONFIG", "cfg"}
            << "Invalid --ci URL \"https://x/\": expected buildbot+http://HOST:PORT or "
               "jenkins+https://HOST/…\n";
}

void tst_ConfigCommand::ciTargetByName()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, err);
    QTemporaryDir dir;
    const QString config = writeFile(dir, "bittern.ini",
                                     "[ci jenkins]\nurl = jenkins+https://ci.example.org/\n"
                                     "[ci buildbot]\nurl = buildbot+http://127.0.0.1:1\n"
                                     "data_dir = /nonexistent/bittern\n");
    arguments.replaceInStrings("CONFIG", config);
    const ProcessRun run = runBittern(arguments);
    QCOMPARE(run.err, QString(err).replace("CONFIG", config));
    QCOMPARE(run.exitCode, 2);
}

void tst_ConfigCommand::serveQueuesWithBittenOptions_data()
{
    // trunk changed 300, 200 and 100 seconds ago; one slave poll populates the queue (§7.2) and
    // takes a build (§7.3). The result: the ages of the builds' revisions, oldest first.
    QTest::addColumn<QByteArray>("bitten");
    QTest::addColumn<QVector<qint64>>("ages");
    QTest::addRow("defaults: the youngest revision only") << QByteArray() << QVector<qint64>{100};
    QTest::addRow("build_all: every revision")
            << QByteArray("build_all = true\n") << QVector<qint64>{300, 200, 100};
    QTest::addRow("stabilize_wait: the youngest is too young, nothing older counts (Bitten)")
            << QByteArray("stabilize_wait = 150\n") << QVector<qint64>{};
    QTest::addRow("build_all and stabilize_wait: the older ones")
            << QByteArray("build_all = yes\nstabilize_wait = 150\n") << QVector<qint64>{300, 200};
}

void tst_ConfigCommand::serveQueuesWithBittenOptions()
{
    QFETCH(QByteArray, bitten);
    QFETCH(QVector<qint64>, ages);
    if (QStandardPaths::findExecutable("git").isEmpty())
        QFAIL("git is not installed (dev.sh test_packages).");
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(QDir().mkpath(dir.filePath("repo")));
    QVERIFY(makeRepository(dir.filePath("repo"), {now - 300, now - 200, now - 100}));
    const QString database = "sqlite:" + dir.filePath("queue.db");
    QVERIFY(seedStore(database));
    const QString config
            = writeFile(dir, "bittern.ini",
                        QString("[server]\nlisten = 127.0.0.1:0\ndatabase = %1\ndata_dir = %2\n"
                                "[repository]\nurl = git:%3\n[bitten]\n")
                                        .arg(database, dir.path(), dir.filePath("repo"))
                                        .toUtf8()
                                + bitten);
    QProcess serve;
    serve.setProcessChannelMode(QProcess::MergedChannels);
    serve.start(qEnvironmentVariable("BITTERN_BIN"), {"serve", "--config", config});
    const auto stop = qScopeGuard([&serve] {
        if (serve.state() != QProcess::NotRunning) {
            serve.kill();
            serve.waitForFinished();
        }
    });
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += serve.readAll()).contains("listening on"), 10000);
    const QRegularExpressionMatch listening
            = QRegularExpression("listening on http://127\\.0\\.0\\.1:(\\d+)")
                      .match(QString::fromUtf8(output));
    QVERIFY(listening.hasMatch());
    const quint16 port = quint16(listening.captured(1).toUInt());
    const QByteArray slave = "<slave name=\"a\" version=\"5\"/>";
    const QByteArray response
            = httpRequest(port,
                          "POST /builds HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                          "Content-Type: application/x-bitten+xml\r\nContent-Length: "
                                  + QByteArray::number(slave.size()) + "\r\n\r\n" + slave);
    // 201: a build was assigned; 204: the queue stayed empty.
    QVERIFY2(response.startsWith(ages.isEmpty() ? "HTTP/1.1 204" : "HTTP/1.1 201"),
             response.constData());
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
    QVector<qint64> found;
    for (qint64 time : buildTimes(database))
        found.append(now - time);
    std::sort(found.begin(), found.end(), std::greater<qint64>());
    QCOMPARE(found, ages);
}

QTEST_GUILESS_MAIN(tst_ConfigCommand)
#include "tst_configcommand.moc"
