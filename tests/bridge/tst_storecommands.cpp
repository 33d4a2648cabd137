// SPDX-License-Identifier: GPL-3.0-or-later
// `bittern import`, `bittern build` and `bittern status`: option parsing, formatting, and the
// executable end to end on a temporary SQLite store.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/buildcommand.h"
#include "bridge/importcommand.h"
#include "bridge/statuscommand.h"
#include "tests/testlib/bittenschema.h"
#include "tests/testlib/processrun.h"

using namespace Bridge;
using TestLib::ProcessRun;
using TestLib::runBittern;

class tst_StoreCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::addRow("trac env") << QStringList{"import", "trac", "/srv/trac", "--db", "x.db"}
                                  << "/srv/trac"
                                  << "";
        QTest::addRow("recipes dir") << QStringList{"import", "recipes", "dir"} << "dir"
                                     << "";
        QTest::addRow("missing input") << QStringList{"import", "trac"} << ""
                                       << "bittern import needs 'trac DB_OR_ENV' or 'recipes DIR'.";
        QTest::addRow("unknown kind") << QStringList{"import", "svn", "x"} << ""
                                      << "bittern import needs 'trac DB_OR_ENV' or 'recipes DIR'.";
        QTest::addRow("unknown option") << QStringList{"import", "trac", "x", "--bogus"} << ""
                                        << "Unknown option 'bogus'.";
    }
    void importOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, input);
        QFETCH(QString, error);
        const auto options = parseImportOptions(arguments);
        QCOMPARE(options ? QString() : options.error().message, error);
        if (options)
            QCOMPARE(options.value().input, input);
    }

    void platformSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("rules"); // "prop=regex;…" or the error message
        QTest::addRow("name only") << "any"
                                   << "";
        QTest::addRow("two rules") << "linux:os=Linux,machine=x86_64"
                                   << "os=Linux;machine=x86_64";
        QTest::addRow("regex with equals") << "eq:name=a=b"
                                           << "name=a=b";
        QTest::addRow("empty name") << ":os=Linux"
                                    << "Invalid --platform value \":os=Linux\": expected "
                                       "NAME[:PROPERTY=REGEX,...].";
        QTest::addRow("rule without regex") << "x:os"
                                            << "Invalid --platform value \"x:os\": expected "
                                               "NAME[:PROPERTY=REGEX,...].";
    }
    void platformSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, rules);
        const auto options = parseImportOptions({"import", "recipes", "d", "--platform", spec});
        if (!options) {
            QCOMPARE(options.error().message, rules);
            return;
        }
        QStringList got;
        for (const PlatformRule &rule : options.value().platform.rules)
            got += rule.property + '=' + rule.pattern;
        QCOMPARE(got.join(';'), rules);
        QCOMPARE(options.value().platform.name, spec.section(':', 0, 0));
    }

    void defaultPlatformOfImport()
    {
        const auto options = parseImportOptions({"import", "recipes", "d"});
        QVERIFY(options);
        QCOMPARE(options.value().platform.name, QString("any"));
        QVERIFY(options.value().platform.rules.isEmpty());
    }

    void recipesGetPlatformAndBuild_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("platform");
        QTest::addRow("default any") << QStringList() << "any";
        QTest::addRow("named with rule") << QStringList{"--platform", "linux:os=Linux"} << "linux";
    }
    void recipesGetPlatformAndBuild()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, platform);
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("recipes")));
        QFile recipe(dir.filePath("recipes/trunk.xml"));
        QVERIFY(recipe.open(QIODevice::WriteOnly));
        recipe.write("<build><step id=\"s\"><sh:exec xmlns:sh=\"http://bitten.edgewall.org/"
                     "tools/sh\" executable=\"true\"/></step></build>");
        recipe.close();
        const QString db = "sqlite:" + dir.filePath("store.db");
        const QStringList import{"import", "recipes", dir.filePath("recipes"), "--db", db};
        ProcessRun run = runBittern(import + extra);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.endsWith(QString("Added target platform %1 to trunk.\n").arg(platform)),
                 qPrintable(run.out + run.err));
        run = runBittern(import + extra); // idempotent: the platform exists now
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.out.contains("Added target platform"), qPrintable(run.out));
        run = runBittern({"build", "trunk", "--rev", "5", "--db", db});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QString("Build 1: trunk at 5\n"));
        run = runBittern({"status", "--db", db});
        QVERIFY2(run.out.contains(platform), qPrintable(run.out));
    }

    void buildWithoutPlatformFails()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("env/db")));
        QVERIFY(TestLib::createDatabase(
                dir.filePath("env/db/trac.db"),
                TestLib::bittenSchema(12)
                        + QStringList{"INSERT INTO bitten_config VALUES ('bare', '/trunk', 1, "
                                      "'<build/>', '', '', 'Bare', '')"}));
        const QString db = "sqlite:" + dir.filePath("store.db");
        QCOMPARE(runBittern({"import", "trac", dir.filePath("env"), "--db", db}).exitCode, 0);
        const ProcessRun run = runBittern({"build", "bare", "--rev", "3", "--db", db});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err,
                 QString("bittern build: The configuration bare has no target platforms; add one "
                         "(bittern import recipes gives a configuration without platforms the "
                         "platform 'any').\n"));
    }

    void buildAndStatusOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::addRow("build with rev") << QStringList{"build", "trunk", "--rev", "7"} << "";
        QTest::addRow("build with repo") << QStringList{"build", "trunk", "--repo", "git:/r"} << "";
        QTest::addRow("build without revision source")
                << QStringList{"build", "trunk"}
                << "bittern build needs --rev R or --repo to find the youngest revision.";
        QTest::addRow("build two configs") << QStringList{"build", "a", "b", "--rev", "1"}
                                           << "bittern build needs exactly one configuration name.";
        QTest::addRow("status list") << QStringList{"status", "--limit", "5"} << "";
        QTest::addRow("status bad id")
                << QStringList{"status", "x1"} << "The build id \"x1\" is not a positive number.";
    }
    void buildAndStatusOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const QString actual = arguments.first() == "build"
                ? (parseBuildOptions(arguments) ? QString()
                                                : parseBuildOptions(arguments).error().message)
                : (parseStatusOptions(arguments) ? QString()
                                                 : parseStatusOptions(arguments).error().message);
        QCOMPARE(actual, error);
    }

    void progressLines_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("line");
        QTest::addRow("bar") << int(ProgressStyle::Bar)
                             << "[#########                     ]  30% 3/10 builds";
        QTest::addRow("plain") << int(ProgressStyle::Plain) << "imported 3/10 builds (30%)";
    }
    void progressLines()
    {
        QFETCH(int, style);
        QFETCH(QString, line);
        QCOMPARE(importProgressLine(3, 10, ProgressStyle(style)), line);
    }

    void formatsBuilds()
    {
        Build build{4, "trunk", "42", 100, 2, "alpha", 0, 0, 0, BuildStatus::Failure};
        QCOMPARE(formatBuildList({build}, {{2, "linux"}}),
                 QString("BUILD   CONFIG               REVISION     PLATFORM       STATUS       "
                         "SLAVE\n"
                         "4       trunk                42           linux          failure      "
                         "alpha\n"));
        BuildDetail detail;
        detail.build = build;
        detail.platform.name = "linux";
        detail.steps = {BuildStep{4, "compile", "", StepStatus::Failure, 0, 0}};
        detail.errors = {StepError{4, "compile", 0, "exit 2"}};
        QCOMPARE(formatBuildDetail(detail),
                 QString("Build 4: trunk at 42 on linux: failure\n"
                         "  slave alpha, started -, stopped -\n"
                         "  step compile: failure\n"
                         "    error: exit 2\n"));
    }

    void endToEnd()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("env/db")));
        QVERIFY(TestLib::createDatabase(
                dir.filePath("env/db/trac.db"),
                TestLib::bittenSchema(12)
                        + QStringList{"INSERT INTO bitten_config VALUES ('trunk', '/trunk', 1, "
                                      "'<build><step "
                                      "id=\"s\"/></build>', '', '', 'Trunk', '')",
                                      "INSERT INTO bitten_platform VALUES (1, 'trunk', 'linux')",
                                      "INSERT INTO bitten_build VALUES (1, 'trunk', '10', 100, 1, "
                                      "'alpha', 101, "
                                      "102, 'F', 102)",
                                      "INSERT INTO bitten_step VALUES (1, 's', '', 'F', 101, 102)",
                                      "INSERT INTO bitten_error VALUES (1, 's', 'boom', 0)"}));
        const QString db = "sqlite:" + dir.filePath("store.db");
        ProcessRun run = runBittern({"import", "trac", dir.filePath("env"), "--db", db});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QString("Imported 1 configurations, 1 platforms and 1 builds from %1 (0 builds "
                         "were already imported).\n")
                         .arg(dir.filePath("env")));
        QCOMPARE(run.err, QString("imported 1/1 builds (100%)\n"));
        run = runBittern({"import", "trac", dir.filePath("env/db/trac.db"), "--db", db});
        QVERIFY2(run.out.endsWith("(1 builds were already imported).\n"), qPrintable(run.out));
        run = runBittern({"build", "trunk", "--rev", "11", "--db", db});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QString("Build 2: trunk at 11\n"));
        run = runBittern({"status", "--db", db});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count('\n'), 3);
        QVERIFY(run.out.contains(
                "2       trunk                11           linux          pending      -"));
        run = runBittern({"status", "1", "--db", db});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("    error: boom\n"), qPrintable(run.out));
        run = runBittern({"status", "9", "--db", db});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err, QString("bittern status: No such build (9)\n"));
    }
};

QTEST_GUILESS_MAIN(tst_StoreCommands)
#include "tst_storecommands.moc"
