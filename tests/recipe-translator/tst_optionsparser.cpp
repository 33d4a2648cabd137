// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "recipe-translator/options.h"

using namespace Translator;

class tst_OptionsParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("strategy");
        QTest::addColumn<bool>("audit");
        QTest::addColumn<bool>("partial");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("error");
        QTest::addRow("jenkins") << QStringList{"--to", "jenkins", "a.xml"} << int(Target::Jenkins)
                                 << int(StrategyChoice::Auto) << false << false << ""
                                 << "";
        QTest::addRow("everything")
                << QStringList{"--to=buildbot",
                               "--strategy",
                               "agent",
                               "--audit",
                               "--allow-partial",
                               "-o",
                               "out",
                               "a",
                               "b"}
                << int(Target::Buildbot) << int(StrategyChoice::Agent) << true << true << "out"
                << "";
        QTest::addRow("audit only") << QStringList{"--audit", "trac.db"} << int(Target::None)
                                    << int(StrategyChoice::Auto) << true << false << ""
                                    << "";
        QTest::addRow("native") << QStringList{"--to", "recipe", "--strategy", "native", "x"}
                                << int(Target::Recipe) << int(StrategyChoice::Native) << false
                                << false << ""
                                << "";
        QTest::addRow("no target")
                << QStringList{"a.xml"} << 0 << 0 << false << false << ""
                << "bittern translate: --to is required unless --audit is given.";
        QTest::addRow("bad target")
                << QStringList{"--to", "gitlab", "a"} << 0 << 0 << false << false << ""
                << "bittern translate: unknown target 'gitlab' (use jenkins, buildbot or recipe).";
        QTest::addRow("bad strategy")
                << QStringList{"--to", "jenkins", "--strategy", "x", "a"} << 0 << 0 << false
                << false << ""
                << "bittern translate: unknown strategy 'x' (use auto, agent or native).";
        QTest::addRow("no input") << QStringList{"--to", "jenkins"} << 0 << 0 << false << false
                                  << ""
                                  << "bittern translate: no input given.";
        QTest::addRow("unknown option")
                << QStringList{"--frobnicate"} << 0 << 0 << false << false << ""
                << "bittern translate: Unknown option 'frobnicate'.";
    }

    void parse()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, target);
        QFETCH(int, strategy);
        QFETCH(bool, audit);
        QFETCH(bool, partial);
        QFETCH(QString, output);
        QFETCH(QString, error);
        const Core::Result<Options> options
                = OptionsParser::parse(QStringList{"translate"} + arguments);
        if (!error.isEmpty()) {
            QVERIFY(!options);
            QCOMPARE(options.error().code, Core::ErrorCode::InvalidArgument);
            QCOMPARE(options.error().message, error);
            return;
        }
        QVERIFY(options);
        QCOMPARE(int(options.value().targets.value(0, Target::None)), target);
        QCOMPARE(int(options.value().strategy), strategy);
        QCOMPARE(options.value().audit == AuditMode::On, audit);
        QCOMPARE(options.value().partial == PartialPolicy::AllowPartial, partial);
        QCOMPARE(options.value().outputDir, output);
    }

    void targets_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QVector<Target>>("targets");
        QTest::addRow("one target") << "buildbot" << QVector<Target>{Target::Buildbot};
        QTest::addRow("both CI targets, read once")
                << "jenkins,buildbot" << QVector<Target>{Target::Jenkins, Target::Buildbot};
        QTest::addRow("order kept, repeats dropped")
                << "recipe,jenkins,recipe" << QVector<Target>{Target::Recipe, Target::Jenkins};
        QTest::addRow("empty items skipped") << "jenkins,," << QVector<Target>{Target::Jenkins};
    }

    void targets()
    {
        QFETCH(QString, to);
        QFETCH(QVector<Target>, targets);
        const Core::Result<Options> options
                = OptionsParser::parse(QStringList{"translate", "--to", to, "a.xml"});
        QVERIFY(options);
        QCOMPARE(options.value().targets, targets);
    }

    void badTargetInList()
    {
        const Core::Result<Options> options
                = OptionsParser::parse(QStringList{"translate", "--to", "jenkins,gitlab", "a.xml"});
        QVERIFY(!options);
        QCOMPARE(options.error().message,
                 "bittern translate: unknown target 'gitlab' (use jenkins, buildbot or recipe).");
    }
};

QTEST_GUILESS_MAIN(tst_OptionsParser)
#include "tst_optionsparser.moc"
