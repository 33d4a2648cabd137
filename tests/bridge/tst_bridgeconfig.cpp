// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/bridgeconfig.h"
#include "bridge/servecommand.h"

using Bridge::BridgeConfig;
using Bridge::ConfigDiagnostic;

/// Tests the bridge configuration file: every option, every kind of bad line.
class tst_BridgeConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void option_data();
    void option();
    void ciTarget_data();
    void ciTarget();
    void badLine_data();
    void badLine();
    void ignoredOptionWarns_data();
    void ignoredOptionWarns();
    void diagnosticText_data();
    void diagnosticText();
    void serveOptionsFromConfig_data();
    void serveOptionsFromConfig();
    void serveConfigFileArgument_data();
    void serveConfigFileArgument();
};

namespace {

/// A named field of BridgeConfig as text, for data-driven comparisons.
QString field(const BridgeConfig &c, const QString &name)
{
    const QHash<QString, QString> fields{
            {"listen", c.address.toString() + "|" + QString::number(c.port)},
            {"public_url", c.publicUrl},
            {"database", c.database},
            {"data_dir", c.dataDir},
            {"tls", c.tlsCertificate + "|" + c.tlsKey},
            {"users_file", c.usersFile},
            {"api_tokens_file", c.apiTokensFile},
            {"repository", c.repository},
            {"poll_interval", QString::number(c.pollInterval)},
            {"slave_timeout", QString::number(c.slaveTimeout)},
            {"build_all", c.buildAll ? "true" : "false"},
            {"stabilize_wait", QString::number(c.stabilizeWait)},
            {"match_interval", QString::number(c.matchInterval)},
    };
    Q_ASSERT(fields.contains(name));
    return fields.value(name);
}

QStringList lines(const QVector<ConfigDiagnostic> &diagnostics)
{
    QStringList result;
    for (const ConfigDiagnostic &d : diagnostics)
        result << d.toString("bittern.ini");
    return result;
}

} // namespace

void tst_BridgeConfig::defaults()
{
    const auto reading = BridgeConfig::read("");
    QVERIFY(reading.diagnostics.isEmpty());
    const BridgeConfig &c = reading.config;
    QCOMPARE(field(c, "listen"), "127.0.0.1|8080");
    QCOMPARE(c.database, QString());
    QCOMPARE(c.pollInterval, 60);
    QCOMPARE(c.slaveTimeout, 3600);
    QCOMPARE(c.buildAll, false);
    QCOMPARE(c.stabilizeWait, 0);
    QCOMPARE(c.matchInterval, 30);
    QVERIFY(c.ciTargets.isEmpty());
    QVERIFY(!c.isSet("server", "listen"));
}

void tst_BridgeConfig::option_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::addRow("listen on all IPv4")
            << QByteArray("[server]\nlisten = 0.0.0.0:9000\n") << "listen"
            << "0.0.0.0|9000";
    QTest::addRow("listen on IPv6") << QByteArray("[server]\nlisten = [::1]:8443\n") << "listen"
                                    << "::1|8443";
    QTest::addRow("listen on localhost")
            << QByteArray("[server]\nlisten: localhost:81\n") << "listen"
            << "127.0.0.1|81";
    QTest::addRow("public_url") << QByteArray("[server]\npublic_url = https://ci.example.org/\n")
                                << "public_url"
                                << "https://ci.example.org/";
    QTest::addRow("database sqlite")
            << QByteArray("[server]\ndatabase = sqlite:/var/lib/bittern/bittern.db\n") << "database"
            << "sqlite:/var/lib/bittern/bittern.db";
    QTest::addRow("database postgresql with a percent sign")
            << QByteArray("[server]\ndatabase = postgresql://u:p%40ss@db:5432/bittern\n")
            << "database"
            << "postgresql://u:p%40ss@db:5432/bittern";
    QTest::addRow("data_dir") << QByteArray("[server]\ndata_dir = /var/lib/bittern\n") << "data_dir"
                              << "/var/lib/bittern";
    QTest::addRow("TLS pair") << QByteArray("[server]\ntls_certificate = c.pem\ntls_key = k.pem\n")
                              << "tls"
                              << "c.pem|k.pem";
    QTest::addRow("users_file") << QByteArray("[server]\nusers_file = /etc/bittern/users\n")
                                << "users_file"
                                << "/etc/bittern/users";
    QTest::addRow("api_tokens_file")
            << QByteArray("[server]\napi_tokens_file = /etc/bittern/api-tokens\n")
            << "api_tokens_file"
            << "/etc/bittern/api-tokens";
    QTest::addRow("match_interval")
            << QByteArray("[server]\nmatch_interval = 0\n") << "match_interval"
            << "0";
    QTest::addRow("repository url")
            << QByteArray("[repository]\nurl = svn:https://svn.x/repo\n") << "repository"
            << "svn:https://svn.x/repo";
    QTest::addRow("poll_interval")
            << QByteArray("[repository]\npoll_interval = 300\n") << "poll_interval"
            << "300";
    QTest::addRow("slave_timeout")
            << QByteArray("[bitten]\nslave_timeout = 600\n") << "slave_timeout"
            << "600";
    QTest::addRow("slave_timeout 0 disables")
            << QByteArray("[bitten]\nslave_timeout = 0\n") << "slave_timeout"
            << "0";
    QTest::addRow("build_all true") << QByteArray("[bitten]\nbuild_all = true\n") << "build_all"
                                    << "true";
    QTest::addRow("build_all in Trac's words")
            << QByteArray("[bitten]\nbuild_all = Enabled\n") << "build_all"
            << "true";
    QTest::addRow("build_all no") << QByteArray("[bitten]\nbuild_all = no\n") << "build_all"
                                  << "false";
    QTest::addRow("stabilize_wait")
            << QByteArray("[bitten]\nstabilize_wait = 120\n") << "stabilize_wait"
            << "120";
    QTest::addRow("inline comment after blank")
            << QByteArray("[bitten]\nslave_timeout = 60 ; one minute\n") << "slave_timeout"
            << "60";
    QTest::addRow("option names are case-insensitive")
            << QByteArray("[bitten]\nSlave_Timeout = 7\n") << "slave_timeout"
            << "7";
}

void tst_BridgeConfig::option()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const auto reading = BridgeConfig::read(data);
    QCOMPARE(lines(reading.diagnostics), QStringList());
    QCOMPARE(::field(reading.config, field), expected);
}

void tst_BridgeConfig::ciTarget_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("Jenkins push with everything")
            << QByteArray("[ci main]\nurl = jenkins+https://ci.x/\ncredentials = /etc/j\n"
                          "folder = bitten\njenkins_library = bittern@1.0\ntimeout = 900\n")
            << "push" << QStringList{"--ci",
                                     "jenkins+https://ci.x/",
                                     "--credentials",
                                     "/etc/j",
                                     "--timeout",
                                     "900",
                                     "--folder",
                                     "bitten",
                                     "--jenkins-library",
                                     "bittern@1.0"};
    QTest::addRow("Jenkins run leaves out push options")
            << QByteArray("[ci main]\nurl = jenkins+https://ci.x/\nfolder = bitten\n") << "run"
            << QStringList{"--ci", "jenkins+https://ci.x/"};
    QTest::addRow("Buildbot push")
            << QByteArray("[ci main]\nurl = buildbot+http://bb:8010\ndata_dir = /srv/d\n"
                          "master_dir = /srv/m\nscheduler = force\n")
            << "push" << QStringList{"--ci",         "buildbot+http://bb:8010",
                                     "--scheduler",  "force",
                                     "--data-dir",   "/srv/d",
                                     "--master-dir", "/srv/m"};
}

void tst_BridgeConfig::ciTarget()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, action);
    QFETCH(QStringList, arguments);
    const auto reading = BridgeConfig::read(data);
    QCOMPARE(lines(reading.diagnostics), QStringList());
    QCOMPARE(reading.config.ciTargets.size(), 1);
    QVERIFY(reading.config.ciTarget("main"));
    QVERIFY(!reading.config.ciTarget("other"));
    QCOMPARE(reading.config.ciTarget("main")->arguments(action), arguments);
}

void tst_BridgeConfig::badLine_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("diagnostics");
    QTest::addRow("unknown option")
            << QByteArray("[server]\nlisten = 127.0.0.1:1\nport = 80\n")
            << QStringList{"bittern.ini:3: error: Unknown option \"port\" in section [server]."};
    QTest::addRow("unknown section")
            << QByteArray("# comment\n[trac]\ndatabase = sqlite:db/trac.db\n")
            << QStringList{"bittern.ini:2: error: Unknown section [trac]; expected [server], "
                           "[repository], [bitten], [notification] or [ci NAME]."};
    QTest::addRow("DEFAULT section")
            << QByteArray("[DEFAULT]\nx = 1\n")
            << QStringList{"bittern.ini:1: error: Section [DEFAULT] is not supported in the "
                           "bridge configuration; set each option in its own section."};
    QTest::addRow("listen without port")
            << QByteArray("[server]\nlisten = 127.0.0.1\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"127.0.0.1\" for option "
                           "\"listen\" in section [server]: expected HOST:PORT with an IP "
                           "address."};
    QTest::addRow("listen on a host name")
            << QByteArray("[server]\nlisten = ci.example.org:80\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"ci.example.org:80\" for option "
                           "\"listen\" in section [server]: expected HOST:PORT with an IP "
                           "address."};
    QTest::addRow("public_url not http")
            << QByteArray("[server]\npublic_url = ftp://x/\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"ftp://x/\" for option "
                           "\"public_url\" in section [server]: expected an http:// or https:// "
                           "URL."};
    QTest::addRow("certificate without key")
            << QByteArray("[server]\n\ntls_certificate = c.pem\n")
            << QStringList{"bittern.ini:3: error: Option \"tls_certificate\" in section [server] "
                           "needs \"tls_key\" too."};
    QTest::addRow("key without certificate")
            << QByteArray("[server]\ntls_key = k.pem\n")
            << QStringList{"bittern.ini:2: error: Option \"tls_key\" in section [server] needs "
                           "\"tls_certificate\" too."};
    QTest::addRow("bad repository")
            << QByteArray("[repository]\nurl = cvs:/x\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"cvs:/x\" for option \"url\" in "
                           "section [repository]: expected git:PATH, svn:URL or hg:PATH."};
    QTest::addRow("negative seconds")
            << QByteArray("[bitten]\nslave_timeout = -1\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"-1\" for option "
                           "\"slave_timeout\" in section [bitten]: expected a number of seconds "
                           "(0 or more)."};
    QTest::addRow("seconds with a unit")
            << QByteArray("[repository]\npoll_interval = 5m\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"5m\" for option "
                           "\"poll_interval\" in section [repository]: expected a number of "
                           "seconds (0 or more)."};
    QTest::addRow("not a boolean")
            << QByteArray("[bitten]\nbuild_all = sometimes\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"sometimes\" for option "
                           "\"build_all\" in section [bitten]: expected true or false."};
    QTest::addRow("every bad line, in order")
            << QByteArray("[bitten]\nslave_timeout = x\nfoo = 1\n[server]\nbar = 2\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"x\" for option "
                           "\"slave_timeout\" in section [bitten]: expected a number of seconds "
                           "(0 or more).",
                           "bittern.ini:3: error: Unknown option \"foo\" in section [bitten].",
                           "bittern.ini:5: error: Unknown option \"bar\" in section [server]."};
    QTest::addRow("syntax error")
            << QByteArray("[server]\nlisten = 127.0.0.1:1\nno separator here\n")
            << QStringList{"bittern.ini:3: error: Line 3 of the INI data is not a section "
                           "header, an option or a comment: 'no separator here'."};
    QTest::addRow("option before any section")
            << QByteArray("listen = 127.0.0.1:1\n")
            << QStringList{"bittern.ini:1: error: Line 1 of the INI data comes before any "
                           "section header: 'listen = 127.0.0.1:1'."};
    QTest::addRow("repeated option")
            << QByteArray("[bitten]\nbuild_all = 1\nbuild_all = 0\n")
            << QStringList{"bittern.ini:3: error: Option 'build_all' in section 'bitten' on line "
                           "3 of the INI data is already defined."};
    QTest::addRow("target without url")
            << QByteArray("[ci main]\nfolder = x\n")
            << QStringList{"bittern.ini:1: error: Section [ci main] has no \"url\" option."};
    QTest::addRow("target with a bad url")
            << QByteArray("[ci main]\nurl = https://ci.x/\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"https://ci.x/\" for option "
                           "\"url\" in section [ci main]: expected jenkins+https://HOST/… or "
                           "buildbot+http://HOST:PORT."};
    QTest::addRow("bad url: no guess at the kind of server")
            << QByteArray("[ci main]\nurl = jenkins:/x\nfolder = f\n")
            << QStringList{"bittern.ini:2: error: Invalid value \"jenkins:/x\" for option \"url\" "
                           "in section [ci main]: expected jenkins+https://HOST/… or "
                           "buildbot+http://HOST:PORT."};
    QTest::addRow("target without a name")
            << QByteArray("[ci ]\nurl = jenkins+https://ci.x/\n")
            << QStringList{"bittern.ini:1: error: Section [ci ] does not name a CI target: "
                           "expected [ci NAME] with a name without blanks or colons."};
    QTest::addRow("target with an unknown option")
            << QByteArray("[ci main]\nurl = jenkins+https://ci.x/\nuser = bob\n")
            << QStringList{"bittern.ini:3: error: Unknown option \"user\" in section [ci main]."};
    QTest::addRow("Buildbot option on a Jenkins target")
            << QByteArray("[ci main]\nurl = jenkins+https://ci.x/\ndata_dir = /d\n")
            << QStringList{"bittern.ini:3: error: Option \"data_dir\" in section [ci main] "
                           "applies to Buildbot targets only."};
    QTest::addRow("Jenkins option on a Buildbot target")
            << QByteArray("[ci bb]\nurl = buildbot+http://bb:8010\ncredentials = /c\n")
            << QStringList{"bittern.ini:3: error: Option \"credentials\" in section [ci bb] "
                           "applies to Jenkins targets only."};
    QTest::addRow("target timeout not a number")
            << QByteArray("[ci bb]\nurl = buildbot+http://bb:8010\ntimeout = long\n")
            << QStringList{"bittern.ini:3: error: Invalid value \"long\" for option \"timeout\" "
                           "in section [ci bb]: expected a number of seconds (0 or more)."};
    QTest::addRow("unknown notification option")
            << QByteArray("[notification]\nsmtp_enabled = true\n")
            << QStringList{"bittern.ini:2: error: Unknown option \"smtp_enabled\" in section "
                           "[notification]."};
}

void tst_BridgeConfig::badLine()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, diagnostics);
    const auto reading = BridgeConfig::read(data);
    QCOMPARE(lines(reading.diagnostics), diagnostics);
    QVERIFY(reading.hasErrors());
}

void tst_BridgeConfig::ignoredOptionWarns_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("warning");
    QTest::addRow("adjust_timestamps")
            << QByteArray("[bitten]\nadjust_timestamps = true\n")
            << "bittern.ini:2: warning: Option \"adjust_timestamps\" in section [bitten] is "
               "ignored: it has no effect in Bitten 0.6 either.";
    QTest::addRow("logs_dir") << QByteArray("[bitten]\nlogs_dir = log/bitten\n")
                              << "bittern.ini:2: warning: Option \"logs_dir\" in section [bitten] "
                                 "is ignored: Bittern keeps build logs in its store (bittern "
                                 "import trac --logs-dir reads old ones).";
    QTest::addRow("quick_status") << QByteArray("[bitten]\nquick_status = false\n")
                                  << "bittern.ini:2: warning: Option \"quick_status\" in section "
                                     "[bitten] is ignored: Bittern has no Trac navigation bar.";
    QTest::addRow("chart_style")
            << QByteArray("[bitten]\nchart_style = height: 220px; width: 220px;\n")
            << "bittern.ini:2: warning: Option \"chart_style\" in section [bitten] is ignored: "
               "the status pages draw their charts at a fixed size.";
    QTest::addRow("notify_on_failed_build")
            << QByteArray("[notification]\nnotify_on_failed_build = true\n")
            << "bittern.ini:2: warning: Option \"notify_on_failed_build\" in section "
               "[notification] is ignored: Bittern sends no mail.";
    QTest::addRow("notify_on_successful_build")
            << QByteArray("[notification]\nnotify_on_successful_build = false\n")
            << "bittern.ini:2: warning: Option \"notify_on_successful_build\" in section "
               "[notification] is ignored: Bittern sends no mail.";
}

void tst_BridgeConfig::ignoredOptionWarns()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, warning);
    const auto reading = BridgeConfig::read(data);
    QCOMPARE(lines(reading.diagnostics), QStringList{warning});
    QVERIFY(!reading.hasErrors());
}

void tst_BridgeConfig::diagnosticText_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("text");
    QTest::addRow("error with line") << 4 << int(Core::Severity::Error) << "f.ini:4: error: M.";
    QTest::addRow("warning with line")
            << 1 << int(Core::Severity::Warning) << "f.ini:1: warning: M.";
    QTest::addRow("whole file") << 0 << int(Core::Severity::Error) << "f.ini: error: M.";
}

void tst_BridgeConfig::diagnosticText()
{
    QFETCH(int, line);
    QFETCH(int, severity);
    QFETCH(QString, text);
    const ConfigDiagnostic diagnostic{line, Core::Severity(severity), "M."};
    QCOMPARE(diagnostic.toString("f.ini"), text);
}

void tst_BridgeConfig::serveOptionsFromConfig_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("environment"); // $BITTERN_DB and $BITTERN_API_TOKENS
    QTest::addColumn<QString>("expected"); // database|listen|timeout|tokens|buildAll|wait
    QTest::addRow("file values") << QStringList() << "/env"
                                 << "sqlite:/f.db|0.0.0.0:9000|60|/f/tokens|1|30";
    QTest::addRow("command line wins")
            << QStringList{"--db", "sqlite:/c.db", "--listen", "127.0.0.1:1", "--slave-timeout",
                           "5",    "--api-tokens", "/c/tokens"}
            << "/env"
            << "sqlite:/c.db|127.0.0.1:1|5|/c/tokens|1|30";
}

void tst_BridgeConfig::serveOptionsFromConfig()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    const QByteArray file = "[server]\nlisten = 0.0.0.0:9000\ndatabase = sqlite:/f.db\n"
                            "api_tokens_file = /f/tokens\n[bitten]\nslave_timeout = 60\n"
                            "build_all = yes\nstabilize_wait = 30\n";
    const auto reading = BridgeConfig::read(file);
    QVERIFY(!reading.hasErrors());
    qputenv("BITTERN_DB", environment.toUtf8());
    qputenv("BITTERN_API_TOKENS", environment.toUtf8());
    const auto options = Bridge::parseServeOptions(arguments, reading.config);
    qunsetenv("BITTERN_DB");
    qunsetenv("BITTERN_API_TOKENS");
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    const Bridge::ServeOptions &o = options.value();
    QCOMPARE(QStringList({o.database, o.address.toString() + ":" + QString::number(o.port),
                          QString::number(o.slaveTimeout), o.apiTokensFile,
                          QString::number(int(o.buildAll)), QString::number(o.stabilizeWait)})
                     .join('|'),
             expected);
}

void tst_BridgeConfig::serveConfigFileArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    QTest::addRow("none") << QStringList{"--db", "x"} << QString();
    QTest::addRow("separate value")
            << QStringList{"--db", "x", "--config", "/e/b.ini"} << "/e/b.ini";
    QTest::addRow("with equals sign") << QStringList{"--config=/e/b.ini"} << "/e/b.ini";
}

void tst_BridgeConfig::serveConfigFileArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QCOMPARE(Bridge::serveConfigFile(arguments), file);
}

QTEST_GUILESS_MAIN(tst_BridgeConfig)
#include "tst_bridgeconfig.moc"
