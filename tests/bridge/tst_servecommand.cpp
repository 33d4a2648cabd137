// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <QtTest>

#include "bridge/bridgeconfig.h"
#include "bridge/servecommand.h"

using Bridge::ServeOptions;

class tst_ServeCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void options_data();
    void options();
    void usageErrors_data();
    void usageErrors();
    void pollingOptions_data();
    void pollingOptions();
    void preemptRankMargin_data();
    void preemptRankMargin();
    void badTokensFileStopsStartup_data();
    void badTokensFileStopsStartup();
    void sigtermStopsGracefully();
};

void tst_ServeCommand::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<qint64>("slaveTimeout");
    QTest::addRow("defaults") << QStringList() << "sqlite:bittern.db"
                              << "127.0.0.1" << 8080 << qint64(3600);
    QTest::addRow("everything") << QStringList(
            {"--db", "sqlite:/tmp/x.db", "--listen", "0.0.0.0:9000", "--slave-timeout", "0"})
                                << "sqlite:/tmp/x.db"
                                << "0.0.0.0" << 9000 << qint64(0);
    QTest::addRow("IPv6 and any port")
            << QStringList({"--listen", "[::1]:0", "--db", "postgresql://u:p@h:5432/d"})
            << "postgresql://u:p@h:5432/d"
            << "::1" << 0 << qint64(3600);
    QTest::addRow("localhost") << QStringList({"--listen", "localhost:81"}) << "sqlite:bittern.db"
                               << "127.0.0.1" << 81 << qint64(3600);
}

void tst_ServeCommand::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, database);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(qint64, slaveTimeout);
    qunsetenv("BITTERN_DB");
    auto options = Bridge::parseServeOptions(arguments);
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    QCOMPARE(options.value().database, database);
    QCOMPARE(options.value().address.toString(), address);
    QCOMPARE(int(options.value().port), port);
    QCOMPARE(options.value().slaveTimeout, slaveTimeout);
}

void tst_ServeCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("host name instead of address")
            << QStringList({"--listen", "example.org:80"})
            << "Invalid --listen value \"example.org:80\": expected HOST:PORT with an IP address.";
    QTest::addRow("port out of range")
            << QStringList({"--listen", "127.0.0.1:70000"})
            << "Invalid --listen value \"127.0.0.1:70000\": expected HOST:PORT with an IP address.";
    QTest::addRow("certificate without key") << QStringList({"--tls-cert", "c.pem"})
                                             << "--tls-cert and --tls-key must be given together.";
    QTest::addRow("negative timeout") << QStringList({"--slave-timeout", "-5"})
                                      << "Invalid --slave-timeout value \"-5\": expected seconds.";
    QTest::addRow("bad repository") << QStringList({"--repo", "cvs:/x"})
                                    << "The repository \"cvs:/x\" is not of the form git:PATH, "
                                       "svn:URL or hg:PATH.";
    QTest::addRow("bad poll interval")
            << QStringList({"--poll-interval", "soon"})
            << "Invalid --poll-interval value \"soon\": expected seconds.";
    QTest::addRow("zero preempt rank margin")
            << QStringList({"--preempt-rank-margin", "0"})
            << "Invalid --preempt-rank-margin value \"0\": expected a number above 0.";
    QTest::addRow("negative preempt rank margin")
            << QStringList({"--preempt-rank-margin", "-2"})
            << "Invalid --preempt-rank-margin value \"-2\": expected a number above 0.";
    QTest::addRow("preempt rank margin not a number")
            << QStringList({"--preempt-rank-margin", "lots"})
            << "Invalid --preempt-rank-margin value \"lots\": expected a number above 0.";
    QTest::addRow("infinite preempt rank margin")
            << QStringList({"--preempt-rank-margin", "inf"})
            << "Invalid --preempt-rank-margin value \"inf\": expected a number above 0.";
    QTest::addRow("stray argument") << QStringList({"extra"}) << "Unexpected argument \"extra\".";
}

void tst_ServeCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    auto options = Bridge::parseServeOptions(arguments);
    QVERIFY(!options);
    QCOMPARE(options.error().message, message);
}

void tst_ServeCommand::pollingOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("environment"); // $BITTERN_API_TOKENS
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<qint64>("interval");
    QTest::addRow("defaults") << QStringList() << ""
                              << ""
                              << "" << qint64(60);
    QTest::addRow("tokens from the environment") << QStringList() << "/etc/t"
                                                 << "/etc/t"
                                                 << "" << qint64(60);
    QTest::addRow("option beats environment") << QStringList({"--api-tokens", "/o/t"}) << "/etc/t"
                                              << "/o/t"
                                              << "" << qint64(60);
    QTest::addRow("repository and interval")
            << QStringList({"--repo", "git:/srv/r", "--poll-interval", "5"}) << ""
            << ""
            << "git:/srv/r" << qint64(5);
}

void tst_ServeCommand::pollingOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environment);
    QFETCH(QString, tokens);
    QFETCH(QString, repository);
    QFETCH(qint64, interval);
    qputenv("BITTERN_API_TOKENS", environment.toUtf8());
    auto options = Bridge::parseServeOptions(arguments);
    qunsetenv("BITTERN_API_TOKENS");
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    QCOMPARE(options.value().apiTokensFile, tokens);
    QCOMPARE(options.value().repository, repository);
    QCOMPARE(options.value().pollInterval, interval);
}

void tst_ServeCommand::preemptRankMargin_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("fromFile"); // [server] preempt_rank_margin; 0: not in the file
    QTest::addColumn<double>("margin"); // 0: unset (never preempt for rank)
    QTest::addRow("unset by default") << QStringList() << 0.0 << 0.0;
    QTest::addRow("from the command line")
            << QStringList({"--preempt-rank-margin", "2.5"}) << 0.0 << 2.5;
    QTest::addRow("from the configuration file") << QStringList() << 3.0 << 3.0;
    QTest::addRow("the command line wins over the file")
            << QStringList({"--preempt-rank-margin", "0.5"}) << 3.0 << 0.5;
}

void tst_ServeCommand::preemptRankMargin()
{
    QFETCH(QStringList, arguments);
    QFETCH(double, fromFile);
    QFETCH(double, margin);
    Bridge::BridgeConfig config;
    if (fromFile > 0)
        config.preemptRankMargin = fromFile;
    auto options = Bridge::parseServeOptions(arguments, config);
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    QCOMPARE(options.value().preemptRankMargin.has_value(), margin > 0);
    if (margin > 0)
        QCOMPARE(*options.value().preemptRankMargin, margin);
}

void tst_ServeCommand::badTokensFileStopsStartup_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message"); // after "bittern serve: FILE: "
    QTest::addRow("unknown role") << QByteArray("abc read ci\nxyz root ops\n")
                                  << "Line 2 of the tokens file has the unknown role 'root'; "
                                     "expected read, build or admin.";
    QTest::addRow("missing field") << QByteArray("abc read\n")
                                   << "Line 1 of the tokens file has 2 fields; expected TOKEN "
                                      "ROLE NAME.";
}

void tst_ServeCommand::badTokensFileStopsStartup()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QFile file(dir.filePath("tokens"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QProcess serve;
    serve.start(qEnvironmentVariable("BITTERN_BIN"),
                {"serve", "--db", "sqlite:" + dir.filePath("b.db"), "--listen", "127.0.0.1:0",
                 "--data-dir", dir.path(), "--api-tokens", file.fileName()});
    if (!serve.waitForFinished(10000)) {
        serve.kill();
        serve.waitForFinished();
        QFAIL("bittern serve started despite a bad tokens file");
    }
    QCOMPARE(serve.exitCode(), 2);
    QCOMPARE(QString::fromUtf8(serve.readAllStandardError()),
             "bittern serve: " + file.fileName() + ": " + message + '\n');
}

void tst_ServeCommand::sigtermStopsGracefully()
{
    // The real daemon: SIGTERM → listener closed, in-flight request answered, store closed,
    // exit status 0 (HOUSE-STYLE rule 27).
    QTemporaryDir dir;
    QProcess serve;
    serve.setProcessChannelMode(QProcess::MergedChannels);
    serve.start(qEnvironmentVariable("BITTERN_BIN"),
                {"serve", "--db", "sqlite:" + dir.filePath("b.db"), "--listen", "127.0.0.1:0",
                 "--data-dir", dir.path()});
    QVERIFY(serve.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += serve.readAll()).contains("listening on"), 10000);
    const QRegularExpressionMatch match
            = QRegularExpression("listening on http://127\\.0\\.0\\.1:(\\d+)")
                      .match(QString::fromUtf8(output));
    QVERIFY(match.hasMatch());
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, quint16(match.captured(1).toUInt()));
    QVERIFY(client.waitForConnected(5000));
    client.write("GET /builds HTTP/1.1\r\nHost: x\r\n"); // headers not finished yet
    client.flush();
    // Another process: nothing observable says it has read the partial request, so give it
    // a moment (the one wait of this suite).
    QTest::qWait(200);
    ::kill(pid_t(serve.processId()), SIGTERM);
    const quint16 port = quint16(match.captured(1).toUInt());
    QTRY_VERIFY_WITH_TIMEOUT(
            [port] {
                QTcpSocket probe; // refused once the listener is closed
                probe.connectToHost(QHostAddress::LocalHost, port);
                return !probe.waitForConnected(1000);
            }(),
            10000);
    client.write("\r\n");
    QVERIFY(client.waitForReadyRead(5000));
    QByteArray response = client.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK"), response.constData());
    QVERIFY(serve.waitForFinished(10000));
    output += serve.readAll();
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY2(output.contains("bittern serve: stopped"), output.constData());
}

QTEST_GUILESS_MAIN(tst_ServeCommand)
#include "tst_servecommand.moc"
