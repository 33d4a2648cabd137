// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/matchmaker/explain.h"

using namespace Bridge;
using Core::ClassAd;

/// Tests Bridge::Explain: the exact `bittern why` texts.
class tst_Explain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
};

static ClassAd ad(const QString &text)
{
    const auto parsed = ClassAd::parse(QString(text).replace(';', '\n'));
    if (!parsed)
        qWarning() << parsed.error().message << text;
    return parsed.value();
}

void tst_Explain::format_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QStringList>("agents");
    QTest::addColumn<QString>("expected");
    const QString job = "BuildId = 42;Config = \"trunk\";Platform = \"linux\";"
                        "Requirements = regexp(\"^(?:linux)\", TARGET.os, \"i\") && "
                        "TARGET.Memory >= 8192;Rank = TARGET.Memory";
    QTest::addRow("no agent matches")
            << job
            << QStringList{"Name = \"mac\";os = \"Darwin\";Memory = 16384;Requirements = true",
                           "Name = \"small\";os = \"Linux\";Memory = 4096;Requirements = true",
                           "Name = \"owner\";os = \"Linux\";Memory = 16384;LoadAvg = 3.5;"
                           "Requirements = LoadAvg < 1.0",
                           "Name = \"picky\";os = \"Linux\";Memory = 16384;"
                           "Requirements = TARGET.Config == \"nightly\""}
            << "Build 42 (configuration 'trunk', platform 'linux'): 0 of 4 agents match.\n"
               "\n"
               "Build requirements, clause by clause (agents satisfying it):\n"
               "  [1]     3  regexp(\"^(?:linux)\", TARGET.os, \"i\")\n"
               "  [2]     3  (TARGET.Memory >= 8192)\n"
               "  all     2  (every clause)\n"
               "\n"
               "Agents:\n"
               "  mac    build clause [1] is false; agent requirements are true "
               "(TARGET.os = \"Darwin\")\n"
               "  small  build clause [2] is false; agent requirements are true "
               "(TARGET.Memory = 4096)\n"
               "  owner  build requirements hold; agent requirements are false at "
               "(LoadAvg < 1.0) (MY.LoadAvg = 3.5)\n"
               "  picky  build requirements hold; agent requirements are false at "
               "(TARGET.Config == \"nightly\") (TARGET.Config = \"trunk\")\n";
    QTest::addRow("undefined attribute, and a match")
            << job
            << QStringList{"Name = \"bare\";Requirements = true",
                           "Name = \"good\";os = \"linux\";Memory = 8192;Requirements = true"}
            << "Build 42 (configuration 'trunk', platform 'linux'): 1 of 2 agents match.\n"
               "\n"
               "Build requirements, clause by clause (agents satisfying it):\n"
               "  [1]     1  regexp(\"^(?:linux)\", TARGET.os, \"i\")\n"
               "  [2]     1  (TARGET.Memory >= 8192)\n"
               "  all     1  (every clause)\n"
               "\n"
               "Agents:\n"
               "  bare  build clause [1] is undefined; agent requirements are true "
               "(TARGET.os = UNDEFINED)\n"
               "  good  matches (build rank 8192, agent rank 0)\n"
               "\n"
               "The build can run; it is waiting for one of the matching agents to become idle "
               "and poll.\n";
    QTest::addRow("agent without requirements")
            << "BuildId = 1;Config = \"c\";Platform = \"p\";Requirements = true"
            << QStringList{"Name = \"x\""}
            << "Build 1 (configuration 'c', platform 'p'): 0 of 1 agents match.\n"
               "\n"
               "Build requirements, clause by clause (agents satisfying it):\n"
               "  [1]     1  true\n"
               "  all     1  (every clause)\n"
               "\n"
               "Agents:\n"
               "  x  build requirements hold; agent requirements are undefined\n";
}

void tst_Explain::format()
{
    QFETCH(QString, job);
    QFETCH(QStringList, agents);
    QFETCH(QString, expected);
    QVector<ClassAd> agentAds;
    for (const QString &agent : agents)
        agentAds.append(ad(agent));
    const Explanation explanation = Explain::analyse(ad(job), agentAds, 1700000000);
    QCOMPARE(Explain::format(explanation), expected);
}

QTEST_GUILESS_MAIN(tst_Explain)
#include "tst_explain.moc"
