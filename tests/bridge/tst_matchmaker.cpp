// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include <QRandomGenerator>

#include "bridge/matchmaker/matchmaker.h"
#include "bridge/scheduler/platformmatcher.h"
#include "core/classadevaluator.h"
#include "core/jobad.h"
#include "core/machinead.h"

using namespace Bridge;
using Core::ClassAd;

/// Tests Bridge::Matchmaker: symmetric matching, ranks, queue order, events, and the indexed
/// full pass against a plain evaluate-every-pair reference.
class tst_Matchmaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullPass_data();
    void fullPass();
    void matchForAgent_data();
    void matchForAgent();
    void matchForBuild();
    void invalidAds();
    void updatesAndRemovals();
    void bittenRulesAsPlatformMatcher();
    void randomAgainstReference_data();
    void randomAgainstReference();
};

static constexpr qint64 now = 1700000000;

static ClassAd ad(const QString &text)
{
    const auto parsed = ClassAd::parse(text);
    if (!parsed)
        qWarning() << parsed.error().message << text;
    return parsed.value();
}

static QString describe(const QVector<Match> &matches)
{
    QStringList parts;
    for (const Match &m : matches)
        parts.append(QStringLiteral("%1->%2").arg(m.buildId).arg(m.agent));
    return parts.join(' ');
}

// Agents and jobs are written one per line, attributes separated by ';'.
static Matchmaker makeMatchmaker(const QStringList &agents, const QStringList &jobs)
{
    Matchmaker matchmaker;
    matchmaker.setCurrentTime(now);
    for (const QString &agent : agents) {
        const auto added = matchmaker.updateAgent(ad(QString(agent).replace(';', '\n')));
        if (!added)
            qWarning() << added.error().message;
    }
    for (const QString &job : jobs) {
        const auto added = matchmaker.updateJob(ad(QString(job).replace(';', '\n')));
        if (!added)
            qWarning() << added.error().message;
    }
    return matchmaker;
}

void tst_Matchmaker::fullPass_data()
{
    QTest::addColumn<QStringList>("agents");
    QTest::addColumn<QStringList>("jobs");
    QTest::addColumn<QString>("expected");
    QTest::addRow("the build's requirements choose the agent")
            << QStringList{"Name = \"a\";os = \"Darwin\";Requirements = true",
                           "Name = \"b\";os = \"Linux\";Requirements = true"}
            << QStringList{"BuildId = 1;Requirements = TARGET.os == \"linux\""} << "1->b";
    QTest::addRow("the agent's requirements refuse the build")
            << QStringList{"Name = \"a\";Requirements = TARGET.Config != \"huge\""}
            << QStringList{"BuildId = 1;Config = \"huge\";Requirements = true",
                           "BuildId = 2;Config = \"small\";Requirements = true"}
            << "2->a";
    QTest::addRow("a missing Requirements never matches")
            << QStringList{"Name = \"a\"", "Name = \"b\";Requirements = true"}
            << QStringList{"BuildId = 1;Requirements = true", "BuildId = 2"} << "1->b";
    QTest::addRow("undefined is no match")
            << QStringList{"Name = \"a\";Requirements = true"}
            << QStringList{"BuildId = 1;Requirements = TARGET.Memory > 1024"} << "";
    QTest::addRow("build rank picks the agent with most memory")
            << QStringList{"Name = \"a\";Memory = 2048;Requirements = true",
                           "Name = \"b\";Memory = 8192;Requirements = true",
                           "Name = \"c\";Memory = 4096;Requirements = true"}
            << QStringList{"BuildId = 1;Requirements = true;Rank = TARGET.Memory"} << "1->b";
    QTest::addRow("agent rank breaks a tie of build ranks")
            << QStringList{"Name = \"a\";Requirements = true;Rank = 1",
                           "Name = \"b\";Requirements = true;Rank = TARGET.Priority * 10"}
            << QStringList{"BuildId = 1;Priority = 1;Requirements = true"} << "1->b";
    QTest::addRow("equal ranks: agent name order")
            << QStringList{"Name = \"zeta\";Requirements = true",
                           "Name = \"alpha\";Requirements = true"}
            << QStringList{"BuildId = 1;Requirements = true"} << "1->alpha";
    QTest::addRow("queue order: priority, then newest revision")
            << QStringList{"Name = \"a\";Requirements = true"}
            << QStringList{"BuildId = 1;RevTime = 100;Requirements = true",
                           "BuildId = 2;RevTime = 300;Requirements = true",
                           "BuildId = 3;RevTime = 200;Priority = 1;Requirements = true"}
            << "3->a";
    QTest::addRow("newest first, one build per agent")
            << QStringList{"Name = \"a\";Requirements = true", "Name = \"b\";Requirements = true"}
            << QStringList{"BuildId = 1;RevTime = 100;Requirements = true",
                           "BuildId = 2;RevTime = 300;Requirements = true",
                           "BuildId = 3;RevTime = 200;Requirements = true"}
            << "2->a 3->b";
    QTest::addRow("an agent whose start is false takes nothing")
            << QStringList{"Name = \"a\";LoadAvg = 3.0;Requirements = LoadAvg < 1.0",
                           "Name = \"b\";LoadAvg = 0.2;Requirements = LoadAvg < 1.0"}
            << QStringList{"BuildId = 1;Requirements = true"} << "1->b";
    QTest::addRow("a later build takes the agent an earlier one could not use")
            << QStringList{"Name = \"a\";os = \"Linux\";Requirements = true"}
            << QStringList{"BuildId = 1;RevTime = 9;Requirements = TARGET.os == \"Windows\"",
                           "BuildId = 2;RevTime = 1;Requirements = TARGET.os == \"Linux\""}
            << "2->a";
    QTest::addRow("clause reading two agent attributes")
            << QStringList{"Name = \"a\";Cpus = 2;Memory = 8192;Requirements = true",
                           "Name = \"b\";Cpus = 8;Memory = 8192;Requirements = true"}
            << QStringList{"BuildId = 1;Requirements = TARGET.Memory / TARGET.Cpus >= 2048"}
            << "1->a";
    QTest::addRow("build clause reading its own attribute")
            << QStringList{"Name = \"a\";Memory = 1024;Requirements = true",
                           "Name = \"b\";Memory = 4096;Requirements = true"}
            << QStringList{"BuildId = 1;RequestMemory = 2000;"
                           "Requirements = TARGET.Memory >= MY.RequestMemory"}
            << "1->b";
    QTest::addRow("agent attribute computed from the build: never shared between builds")
            << QStringList{"Name = \"a\";Memory = TARGET.RequestMemory * 2;Requirements = true",
                           "Name = \"b\";Memory = 4096;Requirements = true"}
            << QStringList{"BuildId = 1;RevTime = 2;RequestMemory = 1024;"
                           "Requirements = TARGET.Memory >= 4096;Rank = TARGET.Memory",
                           "BuildId = 2;RevTime = 1;RequestMemory = 4096;"
                           "Requirements = TARGET.Memory >= 4096;Rank = TARGET.Memory"}
            << "1->b 2->a";
    QTest::addRow("build attribute computed from the agent: agent clauses per agent")
            << QStringList{"Name = \"z\";Size = 1;Requirements = TARGET.Need <= 2",
                           "Name = \"b\";Size = 3;Requirements = TARGET.Need <= 2"}
            << QStringList{"BuildId = 1;Need = TARGET.Size;Requirements = true"} << "1->z";
}

void tst_Matchmaker::fullPass()
{
    QFETCH(QStringList, agents);
    QFETCH(QStringList, jobs);
    QFETCH(QString, expected);
    Matchmaker matchmaker = makeMatchmaker(agents, jobs);
    QCOMPARE(describe(matchmaker.matchAll()), expected);
}

void tst_Matchmaker::matchForAgent_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("expected");
    const QString base = "Name = \"p\";os = \"Linux\";Requirements = true";
    QTest::addRow("queue order without a rank") << base << "3";
    QTest::addRow("agent rank picks the build") << base + ";Rank = TARGET.Config == \"nightly\""
                                                << "2";
    QTest::addRow("agent requirements skip builds")
            << "Name = \"p\";os = \"Linux\";Requirements = TARGET.Config == \"release\""
            << "1";
    QTest::addRow("unwilling agent gets nothing")
            << "Name = \"p\";os = \"Linux\";Requirements = false"
            << "none";
    QTest::addRow("no build wants the agent") << "Name = \"p\";os = \"Darwin\";Requirements = true"
                                              << "none";
}

void tst_Matchmaker::matchForAgent()
{
    QFETCH(QString, agent);
    QFETCH(QString, expected);
    Matchmaker matchmaker = makeMatchmaker(
            {},
            {"BuildId = 1;RevTime = 1;Config = \"release\";Requirements = TARGET.os == \"Linux\"",
             "BuildId = 2;RevTime = 2;Config = \"nightly\";Requirements = TARGET.os == \"Linux\"",
             "BuildId = 3;RevTime = 3;Config = \"trunk\";Requirements = TARGET.os == \"Linux\""});
    const auto match = matchmaker.matchForAgent(ad(QString(agent).replace(';', '\n')));
    QCOMPARE(match ? QString::number(match->buildId) : QString("none"), expected);
}

void tst_Matchmaker::matchForBuild()
{
    Matchmaker matchmaker = makeMatchmaker(
            {"Name = \"small\";Memory = 2048;Requirements = true",
             "Name = \"big\";Memory = 16384;Requirements = true",
             "Name = \"busy\";Memory = 65536;Requirements = TARGET.Config != \"trunk\""},
            {});
    const auto match = matchmaker.matchForBuild(ad("BuildId = 7\nConfig = \"trunk\"\n"
                                                   "Requirements = TARGET.Memory >= 4096\n"
                                                   "Rank = TARGET.Memory"));
    QVERIFY(match);
    QCOMPARE(match->buildId, qint64(7));
    QCOMPARE(match->agent, QString("big"));
    QCOMPARE(match->jobRank, 16384.0);
    QVERIFY(!matchmaker.matchForBuild(ad("BuildId = 8\nRequirements = TARGET.Memory > 1e6")));
}

void tst_Matchmaker::invalidAds()
{
    Matchmaker matchmaker;
    const auto agent = matchmaker.updateAgent(ad("Requirements = true"));
    QVERIFY(!agent);
    QCOMPARE(agent.error().message, QString("The machine ad has no Name string attribute."));
    const auto job = matchmaker.updateJob(ad("BuildId = \"7\""));
    QVERIFY(!job);
    QCOMPARE(job.error().message, QString("The job ad has no integer BuildId attribute."));
}

void tst_Matchmaker::updatesAndRemovals()
{
    Matchmaker matchmaker = makeMatchmaker({"Name = \"a\";os = \"Linux\";Requirements = true",
                                            "Name = \"b\";os = \"Darwin\";Requirements = true"},
                                           {"BuildId = 1;Requirements = TARGET.os == \"Linux\""});
    QCOMPARE(describe(matchmaker.matchAll()), QString("1->a"));
    // The index of os is built now; an update must move b to the Linux group.
    QVERIFY(matchmaker.updateAgent(ad("Name = \"a\"\nos = \"Darwin\"\nRequirements = true")));
    QCOMPARE(describe(matchmaker.matchAll()), QString(""));
    QVERIFY(matchmaker.updateAgent(ad("Name = \"b\"\nos = \"Linux\"\nRequirements = true")));
    QCOMPARE(describe(matchmaker.matchAll()), QString("1->b"));
    QVERIFY(matchmaker.updateAgent(ad("Name = \"0first\"\nos = \"Linux\"\nRequirements = true")));
    QCOMPARE(describe(matchmaker.matchAll()), QString("1->0first"));
    QVERIFY(matchmaker.removeAgent("0first"));
    QVERIFY(!matchmaker.removeAgent("0first"));
    QCOMPARE(describe(matchmaker.matchAll()), QString("1->b"));
    QVERIFY(matchmaker.removeJob(1));
    QCOMPARE(matchmaker.jobCount(), 0);
    QCOMPARE(matchmaker.agentCount(), 2);
    QCOMPARE(describe(matchmaker.matchAll()), QString(""));
}

// JobAd's converted rules in the matchmaker give the same answer as the scheduler's Bitten
// matcher (PlatformMatcher) for every platform × slave pair, in 0.6 and 0.6.1 semantics.
void tst_Matchmaker::bittenRulesAsPlatformMatcher()
{
    const QVector<QVector<PlatformRule>> platforms{
            {},
            {{"os", "linux"}},
            {{"machine", "x86"}, {"family", "posix"}},
            {{"python.version", "2\\.[67]"}},
            {{"os", "(win|darwin)"}},
            {{"processor", ".*"}},
            {{"os", "Lin(ux"}},
            {{"name", "build-0[12]"}},
            {{"os", "LINUX"}},
            {{"version", ""}},
    };
    const QVector<QHash<QString, QString>> slaves{
            {{"name", "build-01"},
             {"os", "Linux"},
             {"family", "posix"},
             {"machine", "x86_64"},
             {"processor", ""},
             {"python.version", "2.7.18"}},
            {{"name", "build-02"},
             {"os", "Darwin"},
             {"family", "posix"},
             {"machine", "arm64"},
             {"processor", "arm"},
             {"python.version", "3.11"}},
            {{"name", "build-03"}, {"os", "Windows"}, {"family", "nt"}, {"machine", "AMD64"}},
    };
    int compared = 0;
    for (const auto sensitivity : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        const auto mode = sensitivity == Qt::CaseSensitive ? Core::BittenRuleCase::Sensitive
                                                           : Core::BittenRuleCase::Insensitive;
        for (const auto &rules : platforms) {
            TargetPlatform platform;
            Core::JobDescription job;
            job.buildId = 1;
            for (const PlatformRule &rule : rules) {
                platform.rules.append(rule);
                job.rules.append({rule.property, rule.pattern});
            }
            const ClassAd jobAd = Core::JobAd::build(job, mode).value();
            for (const auto &slave : slaves) {
                SlaveInfo info;
                info.name = slave.value("name");
                for (auto it = slave.cbegin(); it != slave.cend(); ++it)
                    info.set(it.key(), it.value());
                Matchmaker matchmaker;
                QVERIFY(matchmaker.updateAgent(Core::MachineAd::fromProperties(slave)));
                const bool matched = matchmaker.matchForBuild(jobAd).has_value();
                QVERIFY2(matched == PlatformMatcher::matches(platform, info, sensitivity),
                         qPrintable(slave.value("name") + " " + jobAd.toString()));
                ++compared;
            }
        }
    }
    QCOMPARE(compared, 2 * 10 * 3);
}

// The reference: every pair evaluated, greedy in queue order.
static QString referencePass(const QVector<ClassAd> &agents, QVector<ClassAd> jobs)
{
    const auto number = [](const ClassAd &ad, const char *name) {
        const auto v = Core::ClassAdEvaluator(&ad).evaluateAttribute(name);
        return v.isNumber() ? v.toInteger() : 0;
    };
    const auto text = [](const ClassAd &ad, const char *name) {
        return Core::ClassAdEvaluator(&ad).evaluateAttribute(name).toStringValue();
    };
    std::sort(jobs.begin(), jobs.end(), [&](const ClassAd &a, const ClassAd &b) {
        const auto ka = std::make_tuple(-number(a, "Priority"), -number(a, "RevTime"),
                                        text(a, "Config"), number(a, "BuildId"));
        const auto kb = std::make_tuple(-number(b, "Priority"), -number(b, "RevTime"),
                                        text(b, "Config"), number(b, "BuildId"));
        return ka < kb;
    });
    const auto holds = [](const ClassAd &my, const ClassAd &target) {
        Core::ClassAdEvaluator evaluator(&my, &target);
        evaluator.setCurrentTime(now);
        const auto v = evaluator.evaluateAttribute("Requirements");
        return v.isBooleanEquivalent() && v.toBool();
    };
    const auto rank = [](const ClassAd &my, const ClassAd &target) {
        Core::ClassAdEvaluator evaluator(&my, &target);
        evaluator.setCurrentTime(now);
        const auto v = evaluator.evaluateAttribute("Rank");
        return v.isBooleanEquivalent() ? v.toReal() : 0.0;
    };
    QSet<QString> taken;
    QVector<Match> matches;
    for (const ClassAd &job : jobs) {
        std::optional<std::tuple<double, double, QString>> best;
        for (const ClassAd &agent : agents) {
            const QString name = text(agent, "Name");
            if (taken.contains(name) || !holds(job, agent) || !holds(agent, job))
                continue;
            const auto key = std::make_tuple(rank(job, agent), rank(agent, job), name);
            if (!best || std::get<0>(key) > std::get<0>(*best)
                || (std::get<0>(key) == std::get<0>(*best)
                    && (std::get<1>(key) > std::get<1>(*best)
                        || (std::get<1>(key) == std::get<1>(*best)
                            && std::get<2>(key) < std::get<2>(*best)))))
                best = key;
        }
        if (best) {
            taken.insert(std::get<2>(*best));
            matches.append(Match{number(job, "BuildId"), std::get<2>(*best), 0, 0});
        }
    }
    return describe(matches);
}

void tst_Matchmaker::randomAgainstReference_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("agentRanks");
    for (quint32 seed = 1; seed <= 12; ++seed)
        QTest::addRow("seed %u, agents with ranks", seed) << seed << true;
    for (quint32 seed = 13; seed <= 24; ++seed)
        QTest::addRow("seed %u, agents without ranks", seed) << seed << false;
}

void tst_Matchmaker::randomAgainstReference()
{
    QFETCH(quint32, seed);
    QFETCH(bool, agentRanks);
    QRandomGenerator random(seed);
    const auto pick = [&](const QStringList &options) {
        return options.at(random.bounded(options.size()));
    };
    const QStringList agentRequirements{"true",
                                        "LoadAvg < 1.0",
                                        "TARGET.Config =!= \"secret\"",
                                        "TARGET.RequestMemory <= MY.Memory",
                                        "LoadAvg < 1.0 && TARGET.Priority >= 0",
                                        "time() > 0 && Cpus >= 2"};
    const QStringList agentRankExpressions{"", "", "Cpus", "TARGET.Priority",
                                           "TARGET.RequestMemory / Memory"};
    QVector<ClassAd> agents;
    for (int i = 0; i < 40; ++i) {
        QString text = QStringLiteral("Name = \"agent%1\"\nos = %2\nMemory = %3\nCpus = %4\n"
                                      "LoadAvg = %5\nRequirements = %6\n")
                               .arg(random.bounded(1000) * 100 + i)
                               .arg(pick({"\"Linux\"", "\"Darwin\"", "\"linux\"", "Name"}))
                               .arg(pick({"2048", "4096", "8192"}))
                               .arg(random.bounded(1, 9))
                               .arg(random.bounded(0, 30) / 10.0)
                               .arg(pick(agentRequirements));
        const QString rank = pick(agentRankExpressions);
        if (agentRanks && !rank.isEmpty())
            text += "Rank = " + rank + "\n";
        agents.append(ad(text));
    }
    const QStringList jobRequirements{
            "TARGET.os == \"linux\"",
            "regexp(\"^(?:lin)\", TARGET.os, \"i\") && TARGET.Memory >= 4096",
            "TARGET.Memory >= MY.RequestMemory",
            "TARGET.Memory / TARGET.Cpus >= 1024",
            "true",
            "TARGET.LoadAvg < 2 && TARGET.Cpus > 2"};
    const QStringList jobRanks{"", "TARGET.Memory", "-TARGET.LoadAvg", "TARGET.Cpus * MY.Priority"};
    QVector<ClassAd> jobs;
    for (int i = 1; i <= 60; ++i) {
        QString text = QStringLiteral("BuildId = %1\nConfig = %2\nRevTime = %3\nPriority = %4\n"
                                      "RequestMemory = %5\nRequirements = %6\n")
                               .arg(i)
                               .arg(pick({"\"trunk\"", "\"secret\"", "\"docs\""}))
                               .arg(random.bounded(5))
                               .arg(random.bounded(-1, 2))
                               .arg(pick({"1024", "4096"}))
                               .arg(pick(jobRequirements));
        const QString rank = pick(jobRanks);
        if (!rank.isEmpty())
            text += "Rank = " + rank + "\n";
        jobs.append(ad(text));
    }
    Matchmaker matchmaker;
    matchmaker.setCurrentTime(now);
    for (const ClassAd &agent : agents)
        QVERIFY(matchmaker.updateAgent(agent));
    for (const ClassAd &job : jobs)
        QVERIFY(matchmaker.updateJob(job));
    QCOMPARE(describe(matchmaker.matchAll()), referencePass(agents, jobs));
    // Events: each build alone against all agents.
    for (int i = 0; i < jobs.size(); i += 4) {
        const auto match = matchmaker.matchForBuild(jobs.at(i));
        QCOMPARE(match ? describe({*match}) : QString(), referencePass(agents, {jobs.at(i)}));
    }
    // Update a third of the agents in place (the index is warm now) and compare again.
    for (int i = 0; i < agents.size(); i += 3) {
        ClassAd changed = agents.at(i);
        QVERIFY(changed.insert("os", random.bounded(2) ? "\"Linux\"" : "\"Darwin\""));
        QVERIFY(changed.insert("Memory", QString::number(1024 << random.bounded(4))));
        agents[i] = changed;
        QVERIFY(matchmaker.updateAgent(changed));
    }
    QCOMPARE(describe(matchmaker.matchAll()), referencePass(agents, jobs));
}

QTEST_GUILESS_MAIN(tst_Matchmaker)
#include "tst_matchmaker.moc"
