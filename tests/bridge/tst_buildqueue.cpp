// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/scheduler/buildqueue.h"
#include "bridge/scheduler/platformmatcher.h"

using namespace Bridge;

Q_DECLARE_METATYPE(QueueSettings)
Q_DECLARE_METATYPE(RevisionEntry)
Q_DECLARE_METATYPE(PlatformRule)

namespace {

/// History "r5".."r1" (youngest first) of path trunk, times 500..100; numeric when @p numeric.
QVector<RevisionEntry> history(bool numeric = true)
{
    QVector<RevisionEntry> entries;
    for (int rev = 5; rev >= 1; --rev)
        entries += RevisionEntry{numeric ? QString::number(rev) : QStringLiteral("c%1").arg(rev),
                                 rev * 100, "trunk", false};
    return entries;
}

QStringList queued(const QVector<Build> &builds)
{
    QStringList result;
    for (const Build &build : builds)
        result += QStringLiteral("%1@%2").arg(build.revision).arg(build.platform);
    return result;
}

} // namespace

/** Table tests of Bitten's queue rules (bitten-spec §7.2–7.3). */
class tst_BuildQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void populate_data()
    {
        QTest::addColumn<QVector<RevisionEntry>>("entries");
        QTest::addColumn<QString>("minRev");
        QTest::addColumn<QString>("maxRev");
        QTest::addColumn<QueueSettings>("settings");
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QStringList>("expected");
        const QueueSettings plain;
        QueueSettings all;
        all.buildAll = true;
        QueueSettings wait;
        wait.stabilizeWait = 150; // now = 600: r5 (500) is too young, r4 (400) is old enough
        QueueSettings allWait = all;
        allWait.stabilizeWait = 150;
        QTest::addRow("only the youngest revision, every platform")
                << history() << ""
                << "" << plain << QStringList() << QStringList{"5@1", "5@2"};
        QTest::addRow("youngest already built: nothing older is queued")
                << history() << ""
                << "" << plain << QStringList{"5@1", "5@2"} << QStringList();
        QTest::addRow("youngest built on one platform: the other is queued")
                << history() << ""
                << "" << plain << QStringList{"5@1"} << QStringList{"5@2"};
        QTest::addRow("build_all queues every revision")
                << history() << ""
                << "" << all << QStringList{"4@1"}
                << QStringList{"5@1", "5@2", "4@2", "3@1", "3@2", "2@1", "2@2", "1@1", "1@2"};
        QTest::addRow("build_all stops below min_rev")
                << history() << "3"
                << "" << all << QStringList()
                << QStringList{"5@1", "5@2", "4@1", "4@2", "3@1", "3@2"};
        QTest::addRow("max_rev skips younger revisions")
                << history() << ""
                << "3" << plain << QStringList() << QStringList{"3@1", "3@2"};
        QTest::addRow("max_rev and min_rev with build_all")
                << history() << "2"
                << "4" << all << QStringList()
                << QStringList{"4@1", "4@2", "3@1", "3@2", "2@1", "2@2"};
        QTest::addRow("non-numeric revisions order by history")
                << history(false) << "c4"
                << "" << all << QStringList() << QStringList{"c5@1", "c5@2", "c4@1", "c4@2"};
        QTest::addRow("stabilize_wait skips a young changeset and nothing older")
                << history() << ""
                << "" << wait << QStringList() << QStringList();
        QTest::addRow("stabilize_wait with build_all queues the older ones")
                << history() << ""
                << "" << allWait << QStringList()
                << QStringList{"4@1", "4@2", "3@1", "3@2", "2@1", "2@2", "1@1", "1@2"};
        QVector<RevisionEntry> moved = history();
        moved[2].path = "branches/old"; // r3 lived elsewhere: the walk stops there
        QTest::addRow("a path change ends the walk")
                << moved << ""
                << "" << all << QStringList() << QStringList{"5@1", "5@2", "4@1", "4@2"};
        QVector<RevisionEntry> empty = history();
        empty[0].emptyDirectory = true;
        QTest::addRow("an empty directory is skipped")
                << empty << ""
                << "" << plain << QStringList() << QStringList{"4@1", "4@2"};
    }
    void populate()
    {
        QFETCH(QVector<RevisionEntry>, entries);
        QFETCH(QString, minRev);
        QFETCH(QString, maxRev);
        QFETCH(QueueSettings, settings);
        QFETCH(QStringList, existing);
        QFETCH(QStringList, expected);
        Configuration config;
        config.name = "cfg";
        config.path = "trunk";
        config.active = true;
        config.minRevision = minRev;
        config.maxRevision = maxRev;
        const QVector<TargetPlatform> platforms{{1, "cfg", "linux", {}}, {2, "cfg", "mac", {}}};
        const auto exists = [&](const QString &rev, qint64 platform) {
            return existing.contains(QStringLiteral("%1@%2").arg(rev).arg(platform));
        };
        const QVector<Build> builds
                = BuildQueue::populate(config, platforms, entries, exists, 600, settings);
        QCOMPARE(queued(builds), expected);
        for (const Build &build : builds) {
            QCOMPARE(build.config, QString("cfg"));
            QCOMPARE(build.status, BuildStatus::Pending);
        }
    }

    void select_data()
    {
        QTest::addColumn<QVector<qint64>>("matching");
        QTest::addColumn<bool>("buildAll");
        QTest::addColumn<QVector<qint64>>("obsolete");
        QTest::addColumn<qint64>("assigned");
        // Pending (newest first): 10 = cfg r5 p1, 11 = off r9 p3 (inactive config),
        // 12 = cfg r4 p2, 13 = cfg r1 p1 (below min_rev 2), 14 = gone r3 p1 (no config),
        // 15 = cfg r3 p9 (platform deleted), 16 = cfg r3 p1 (newer build 10 exists).
        QTest::addRow("newest matching build")
                << QVector<qint64>{1, 2} << false << QVector<qint64>{} << qint64(10);
        QTest::addRow("only the second platform matches")
                << QVector<qint64>{2} << false << QVector<qint64>{11} << qint64(12);
        QTest::addRow("no match: every obsolete build is listed")
                << QVector<qint64>{} << false << QVector<qint64>{11, 13, 14, 15, 16} << qint64(0);
        QTest::addRow("build_all keeps builds older than another")
                << QVector<qint64>{} << true << QVector<qint64>{11, 13, 14, 15} << qint64(0);
    }
    void select()
    {
        QFETCH(QVector<qint64>, matching);
        QFETCH(bool, buildAll);
        QFETCH(QVector<qint64>, obsolete);
        QFETCH(qint64, assigned);
        const auto build = [](qint64 id, const char *config, const char *rev, qint64 platform) {
            Build b;
            b.id = id;
            b.config = config;
            b.revision = rev;
            b.revisionTime = QByteArray(rev).toLongLong() * 100;
            b.platform = platform;
            return b;
        };
        const QVector<Build> pending{build(10, "cfg", "5", 1),  build(11, "off", "9", 3),
                                     build(12, "cfg", "4", 2),  build(13, "cfg", "1", 1),
                                     build(14, "gone", "3", 1), build(15, "cfg", "3", 9),
                                     build(16, "cfg", "3", 1)};
        Configuration cfg;
        cfg.name = "cfg";
        cfg.active = true;
        cfg.minRevision = "2";
        Configuration off;
        off.name = "off";
        const QHash<QString, Configuration> configs{{"cfg", cfg}, {"off", off}};
        const QHash<qint64, TargetPlatform> platforms{
                {1, {1, "cfg", "linux", {}}}, {2, {2, "cfg", "mac", {}}}, {3, {3, "off", "x", {}}}};
        const auto newer = [](const Build &b) { return b.id == 16; };
        QueueSettings settings;
        settings.buildAll = buildAll;
        const QueueSelection selection
                = BuildQueue::select(pending, configs, platforms, matching, newer, settings);
        QCOMPARE(selection.obsolete, obsolete);
        QCOMPARE(selection.assign ? selection.assign->id : qint64(0), assigned);
    }

    void rules_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("sensitive");
        QTest::addColumn<bool>("insensitive");
        QTest::addRow("anchored at the start only") << "x86"
                                                    << "x86_64" << true << true;
        QTest::addRow("not a search") << "86"
                                      << "x86_64" << false << false;
        QTest::addRow("explicit end anchor") << "^x86$"
                                             << "x86_64" << false << false;
        QTest::addRow("case differs: 0.6 vs 0.6.1") << "linux"
                                                    << "Linux" << false << true;
        QTest::addRow("alternation") << "(Linux|Darwin)"
                                     << "Darwin" << true << true;
        QTest::addRow("invalid regex never matches") << "x86("
                                                     << "x86(" << false << false;
        QTest::addRow("empty value never matches") << ".*"
                                                   << "" << false << false;
    }
    void rules()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, sensitive);
        QFETCH(bool, insensitive);
        SlaveInfo slave;
        slave.properties = {{"machine", value}};
        const TargetPlatform platform{1, "cfg", "p", {{"machine", pattern}}};
        QCOMPARE(PlatformMatcher::matches(platform, slave, Qt::CaseSensitive), sensitive);
        QCOMPARE(PlatformMatcher::matches(platform, slave, Qt::CaseInsensitive), insensitive);
    }

    void everyRuleMustMatch_data()
    {
        QTest::addColumn<QVector<PlatformRule>>("rules");
        QTest::addColumn<bool>("matches");
        QTest::addRow("no rules match every slave") << QVector<PlatformRule>{} << true;
        QTest::addRow("all rules match")
                << QVector<PlatformRule>{{"os", "Linux"}, {"python.version", "2\\.6"}} << true;
        QTest::addRow("one rule fails")
                << QVector<PlatformRule>{{"os", "Linux"}, {"family", "nt"}} << false;
        QTest::addRow("missing property") << QVector<PlatformRule>{{"java.home", ".*"}} << false;
    }
    void everyRuleMustMatch()
    {
        QFETCH(QVector<PlatformRule>, rules);
        QFETCH(bool, matches);
        SlaveInfo slave;
        slave.properties = {{"os", "Linux"}, {"family", "posix"}, {"python.version", "2.6.4"}};
        QCOMPARE(PlatformMatcher::matches(TargetPlatform{1, "c", "p", rules}, slave,
                                          Qt::CaseSensitive),
                 matches);
        QCOMPARE(PlatformMatcher::matching({TargetPlatform{7, "c", "p", rules}}, slave,
                                           Qt::CaseSensitive)
                         .size(),
                 matches ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(tst_BuildQueue)
#include "tst_buildqueue.moc"
