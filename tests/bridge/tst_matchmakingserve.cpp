// SPDX-License-Identifier: GPL-3.0-or-later
// Matchmaking in a running bridge with real processes (issue 8): a `bittern serve` on a SQLite
// file and `bittern-agent poll` processes that send their machine ads. Platform requirements
// pick the agent, an agent's own [bittern] requirements refuse a build, the periodic pass
// reserves a build for the idle agent the build's rank prefers, and a plain Bitten slave that
// sends no ad still gets builds by its platform's Bitten rules.
#include <memory>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QtTest>

#include "bridge/store/sqlstore.h"

using namespace Bridge;

namespace {

const QByteArray quickRecipe = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">\n"
                               "  <step id=\"only\"><sh:exec executable=\"true\"/></step>\n"
                               "</build>\n";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// An agent of a scenario: `bittern-agent poll --name NAME -D …` with an INI file.
struct TestAgent
{
    QString name;
    QStringList definitions; ///< -D name=value
    QString ini; ///< the -f file's text
};

} // namespace

Q_DECLARE_METATYPE(TestAgent)

/// Tests `bittern serve` matchmaking with real `bittern-agent poll` processes.
class tst_MatchmakingServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void requirementsDecide_data();
    void requirementsDecide();
    void passReservesForBestAgent_data();
    void passReservesForBestAgent();
    void plainBittenSlave_data();
    void plainBittenSlave();

private:
    qint64 seedBuild(const QString &config, const QVector<PlatformRule> &rules,
                     const MatchExpressions &expressions);
    bool startServe(const QString &matchInterval);
    bool waitForServeOutput(const QByteArray &text);
    /// Runs the agent with --no-loop until it finds no more builds; its exit code.
    int runAgent(const TestAgent &agent);
    Build storedBuild(qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_serve;
    QByteArray m_serveOutput;
    QString m_dbPath;
    quint16 m_port = 0;
};

void tst_MatchmakingServe::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath("bridge.db");
    m_port = freePort();
    QVERIFY(m_port != 0);
    m_serveOutput.clear();
}

void tst_MatchmakingServe::cleanup()
{
    if (m_serve && m_serve->state() != QProcess::NotRunning) {
        m_serve->terminate();
        if (!m_serve->waitForFinished(5000)) {
            m_serve->kill();
            m_serve->waitForFinished(5000);
        }
    }
    m_serve.reset();
    m_dir.reset();
}

qint64 tst_MatchmakingServe::seedBuild(const QString &config, const QVector<PlatformRule> &rules,
                                       const MatchExpressions &expressions)
{
    auto opened = SqlStore::open("sqlite:" + m_dbPath);
    if (!opened)
        return 0;
    std::unique_ptr<SqlStore> store = std::move(opened).value();
    Configuration configuration;
    configuration.name = config;
    configuration.path = "trunk";
    configuration.active = true;
    configuration.recipe = quickRecipe;
    if (!store->saveConfiguration(configuration))
        return 0;
    const auto platform = store->savePlatform(TargetPlatform{0, config, "target", rules});
    if (!platform || !store->setPlatformMatch(platform.value(), expressions))
        return 0;
    Build build;
    build.config = config;
    build.revision = "7";
    build.revisionTime = 1700000000;
    build.platform = platform.value();
    const auto id = store->enqueueBuild(build);
    return id ? id.value() : 0;
}

Build tst_MatchmakingServe::storedBuild(qint64 id)
{
    auto store = SqlStore::open("sqlite:" + m_dbPath);
    if (!store)
        return Build();
    const auto build = store.value()->build(id);
    return build ? build.value() : Build();
}

bool tst_MatchmakingServe::startServe(const QString &matchInterval)
{
    m_serve = std::make_unique<QProcess>();
    m_serve->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_LOGGING_RULES", "bittern.bridge.protocol.info=true");
    m_serve->setProcessEnvironment(env);
    m_serve->start(BITTERN_BIN,
                   {"serve", "--db", "sqlite:" + m_dbPath, "--listen",
                    QStringLiteral("127.0.0.1:%1").arg(m_port), "--data-dir",
                    m_dir->filePath("data"), "--match-interval", matchInterval});
    if (!m_serve->waitForStarted()) {
        qWarning("bittern serve did not start: %s", qPrintable(m_serve->errorString()));
        return false;
    }
    return waitForServeOutput("listening on");
}

bool tst_MatchmakingServe::waitForServeOutput(const QByteArray &text)
{
    QDeadlineTimer deadline(15000);
    while (!m_serveOutput.contains(text) && !deadline.hasExpired()
           && m_serve->state() == QProcess::Running) {
        m_serve->waitForReadyRead(100);
        m_serveOutput += m_serve->readAll();
    }
    if (!m_serveOutput.contains(text))
        qWarning("bittern serve did not print \"%s\": %s", text.constData(),
                 m_serveOutput.constData());
    return m_serveOutput.contains(text);
}

int tst_MatchmakingServe::runAgent(const TestAgent &agent)
{
    const QString work = m_dir->filePath("agent-" + agent.name);
    QDir().mkpath(work);
    const QString ini = work + ".ini";
    QFile file(ini);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write(agent.ini.toUtf8());
    file.close();
    QStringList arguments{"poll",
                          QStringLiteral("http://127.0.0.1:%1/builds").arg(m_port),
                          "--name",
                          agent.name,
                          "--no-loop",
                          "-f",
                          ini,
                          "--work-dir",
                          work,
                          "--spool-dir",
                          work + "/spool"};
    for (const QString &definition : agent.definitions)
        arguments << "-D" << definition;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(BITTERN_AGENT_BIN, arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    m_serveOutput += m_serve->readAll();
    const QByteArray output = process.readAll();
    if (process.exitCode() != 0)
        qWarning("agent %s: %s", qPrintable(agent.name), output.constData());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void tst_MatchmakingServe::requirementsDecide_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("platformRequirements");
    QTest::addColumn<QVector<TestAgent>>("agents"); // polling in this order
    QTest::addColumn<QString>("expected"); // the agent that built it; "" = still pending

    const TestAgent small{"small", {}, ""};
    const TestAgent big{"big", {"mem.big=yes"}, ""};
    QTest::addRow("platform requirements only the second agent satisfies")
            << "trunk"
            << "TARGET.mem_big == \"yes\"" << QVector<TestAgent>{small, big} << "big";
    QTest::addRow("platform requirements no agent satisfies")
            << "trunk"
            << "TARGET.mem_big == \"huge\"" << QVector<TestAgent>{small, big} << "";
    QTest::addRow("machine attributes measured by the agent")
            << "trunk"
            << "TARGET.Cpus >= 1 && TARGET.Memory > 0 && isInteger(TARGET.FreeDisk)"
            << QVector<TestAgent>{small} << "small";
    const TestAgent picky{"picky", {}, "[bittern]\nrequirements = TARGET.Config == \"x\"\n"};
    QTest::addRow("the agent's own requirements refuse the build")
            << "trunk"
            << "" << QVector<TestAgent>{picky} << "";
    QTest::addRow("the agent's own requirements accept the build")
            << "x"
            << "" << QVector<TestAgent>{picky} << "picky";
}

void tst_MatchmakingServe::requirementsDecide()
{
    QFETCH(QString, config);
    QFETCH(QString, platformRequirements);
    QFETCH(QVector<TestAgent>, agents);
    QFETCH(QString, expected);
    const qint64 id = seedBuild(config, {}, {platformRequirements, ""});
    QVERIFY(id != 0);
    QVERIFY(startServe("0"));
    for (const TestAgent &agent : agents)
        QCOMPARE(runAgent(agent), 0);
    const Build build = storedBuild(id);
    QCOMPARE(build.slave, expected);
    QCOMPARE(build.status, expected.isEmpty() ? BuildStatus::Pending : BuildStatus::Success);
}

void tst_MatchmakingServe::passReservesForBestAgent_data()
{
    QTest::addColumn<QString>("rank");
    QTest::addColumn<QString>("better");
    QTest::addColumn<QString>("worse");
    QTest::addRow("rank prefers fast") << "TARGET.speed_class == \"fast\""
                                       << "fast"
                                       << "slow";
    QTest::addRow("rank prefers slow") << "TARGET.speed_class == \"slow\""
                                       << "slow"
                                       << "fast";
}

void tst_MatchmakingServe::passReservesForBestAgent()
{
    // Both agents poll while the queue is empty and become idle; then a build is queued. The
    // periodic pass (every second) reserves it for the agent its rank prefers, so the other one
    // polls first and gets nothing.
    QFETCH(QString, rank);
    QFETCH(QString, better);
    QFETCH(QString, worse);
    const TestAgent betterAgent{better, {"speed.class=" + better}, ""};
    const TestAgent worseAgent{worse, {"speed.class=" + worse}, ""};
    QVERIFY(startServe("1"));
    QCOMPARE(runAgent(betterAgent), 0);
    QCOMPARE(runAgent(worseAgent), 0);
    const qint64 id = seedBuild("trunk", {}, {"true", rank});
    QVERIFY(id != 0);
    QVERIFY(waitForServeOutput(
            QStringLiteral("Build %1 reserved for agent %2.").arg(id).arg(better).toUtf8()));
    QCOMPARE(runAgent(worseAgent), 0);
    QCOMPARE(storedBuild(id).status, BuildStatus::Pending);
    QCOMPARE(runAgent(betterAgent), 0);
    QCOMPARE(storedBuild(id).slave, better);
    QCOMPARE(storedBuild(id).status, BuildStatus::Success);
}

void tst_MatchmakingServe::plainBittenSlave_data()
{
    QTest::addColumn<QString>("os");
    QTest::addColumn<QString>("extra"); // more children of <slave>
    QTest::addColumn<int>("status");
    QTest::addRow("matching Bitten rules") << "Linux"
                                           << "" << 201;
    QTest::addRow("not matching Bitten rules") << "Darwin"
                                               << "" << 204;
    QTest::addRow("an ad that refuses the build")
            << "Linux"
            << "<machine-ad xmlns=\"urn:bittern:machine-ad\">Requirements = false"
               "</machine-ad>"
            << 204;
    QTest::addRow("an ad that is not ClassAd text")
            << "Linux"
            << "<machine-ad xmlns=\"urn:bittern:machine-ad\">Cpus = = 2</machine-ad>" << 400;
}

void tst_MatchmakingServe::plainBittenSlave()
{
    // A Bitten 0.6 slave's registration: no machine ad (or, in the last rows, one added by
    // hand). The platform (as imported from Trac) has only Bitten rules, which the job ad turns
    // into requirements.
    QFETCH(QString, os);
    QFETCH(QString, extra);
    QFETCH(int, status);
    const qint64 id = seedBuild("trunk", {{"os", "^lin"}, {"family", "posix"}}, {});
    QVERIFY(id != 0);
    QVERIFY(startServe("0"));
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/builds").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-bitten+xml");
    const QByteArray body = QStringLiteral("<slave name=\"old\" version=\"5\">"
                                           "<platform processor=\"x86_64\">x86_64</platform>"
                                           "<os family=\"posix\" version=\"6.1\">%1</os>"
                                           "<package name=\"python\" version=\"2.7\"/>%2</slave>")
                                    .arg(os, extra)
                                    .toUtf8();
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 400)
        QVERIFY(reply->readAll().startsWith(
                "The machine ad in the slave registration is not a valid ClassAd: "));
    const Build build = storedBuild(id);
    QCOMPARE(build.status, status == 201 ? BuildStatus::InProgress : BuildStatus::Pending);
    QCOMPARE(build.slave, status == 201 ? QString("old") : QString());
}

QTEST_GUILESS_MAIN(tst_MatchmakingServe)
#include "tst_matchmakingserve.moc"
