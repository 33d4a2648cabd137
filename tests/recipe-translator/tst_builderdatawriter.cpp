// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "integrations/buildbot/builderdatawriter.h"

using Buildbot::BuilderDataWriter;
using Buildbot::BuilderStep;

class tst_BuilderDataWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onErrorFlags_data()
    {
        QTest::addColumn<Core::OnError>("onError");
        QTest::addColumn<bool>("halt");
        QTest::addColumn<bool>("flunk");
        QTest::addColumn<bool>("warnOnWarnings");
        QTest::addRow("fail halts and flunks") << Core::OnError::Fail << true << true << true;
        QTest::addRow("continue flunks") << Core::OnError::Continue << false << true << true;
        QTest::addRow("ignore neither") << Core::OnError::Ignore << false << false << false;
    }

    void onErrorFlags()
    {
        QFETCH(Core::OnError, onError);
        QFETCH(bool, halt);
        QFETCH(bool, flunk);
        QFETCH(bool, warnOnWarnings);
        const QJsonObject flags = BuilderDataWriter::onErrorFlags(onError);
        QCOMPARE(flags["haltOnFailure"].toBool(), halt);
        QCOMPARE(flags["flunkOnFailure"].toBool(), flunk);
        QCOMPARE(flags["warnOnFailure"].toBool(), false);
        QCOMPARE(flags["warnOnWarnings"].toBool(), warnOnWarnings);
    }

    void stepNamesAreUniqueAndShort()
    {
        QVector<BuilderStep> steps(3);
        steps[0].bittenStep = QString(60, QLatin1Char('a'));
        steps[1].bittenStep = QString(60, QLatin1Char('a'));
        steps[2].bittenStep = "short";
        const QStringList names = BuilderDataWriter::stepNames(steps);
        QCOMPARE(names.at(0), QString(50, QLatin1Char('a')));
        QCOMPARE(names.at(1), QString(48, QLatin1Char('a')) + "_2");
        QCOMPARE(names.at(2), QStringLiteral("short"));
    }

    void writesParsableJson()
    {
        Buildbot::BuilderData data;
        data.configuration = QStringLiteral("trunk\"\n'\\ \x01\x1f\t é 😀");
        data.builders += Buildbot::Builder{"bitten-trunk-linux", "linux", {{"os", "^Linux$"}}, {}};
        BuilderStep agent;
        agent.type = BuilderStep::Type::Agent;
        agent.bittenStep = "test";
        agent.script = "bittern-agent step …";
        agent.reportDir = ".bittern/reports/1";
        agent.reports = QStringList{"test"};
        BuilderStep fail;
        fail.type = BuilderStep::Type::Fail;
        fail.bittenStep = "port";
        fail.message = "cannot run";
        data.steps = {agent, fail};
        QJsonParseError error;
        const QJsonObject root
                = QJsonDocument::fromJson(BuilderDataWriter::write(data), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root["schema"].toString(), QStringLiteral("bittern.buildbot/1"));
        QCOMPARE(root["configuration"].toString(), data.configuration);
        const QJsonArray steps = root["steps"].toArray();
        QCOMPARE(steps[0]["type"].toString(), QStringLiteral("agent"));
        QCOMPARE(steps[0]["command"].toArray().last().toString(), agent.script);
        QCOMPARE(steps[1]["type"].toString(), QStringLiteral("fail"));
        QVERIFY(!steps[1].toObject().contains("command"));
        QCOMPARE(root["builders"][0]["rules"][0]["pattern"].toString(), QStringLiteral("^Linux$"));
    }
};

QTEST_GUILESS_MAIN(tst_BuilderDataWriter)
#include "tst_builderdatawriter.moc"
