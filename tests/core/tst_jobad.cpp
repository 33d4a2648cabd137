// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include <QRegularExpression>

#include "core/classadevaluator.h"
#include "core/jobad.h"
#include "core/machinead.h"

using namespace Core;

using Properties = QHash<QString, QString>;
using Rules = QVector<BittenRule>;
Q_DECLARE_METATYPE(Core::BittenRuleCase)
Q_DECLARE_METATYPE(Core::BittenRule)

/// Tests Core::JobAd, above all that converted Bitten rules match exactly as Bitten's did.
class tst_JobAd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleExpression_data();
    void ruleExpression();
    void bittenEquivalence_data();
    void bittenEquivalence();
    void attributes();
    void combined_data();
    void combined();
    void invalidExpression_data();
    void invalidExpression();
};

// Bitten's matcher (bitten-spec §7.3), written independently of JobAd: every rule's property
// exists and is non-empty, and Python re.match (anchored at the start only) succeeds; an invalid
// pattern never matches.
static bool bittenMatches(const Rules &rules, const Properties &properties, BittenRuleCase mode)
{
    for (const BittenRule &rule : rules) {
        const QString value = properties.value(rule.property);
        if (value.isEmpty())
            return false;
        const QRegularExpression re(rule.pattern,
                                    mode == BittenRuleCase::Insensitive
                                            ? QRegularExpression::CaseInsensitiveOption
                                            : QRegularExpression::NoPatternOption);
        if (!re.isValid())
            return false;
        if (!re.match(value, 0, QRegularExpression::NormalMatch,
                      QRegularExpression::AnchoredMatchOption)
                     .hasMatch())
            return false;
    }
    return true;
}

void tst_JobAd::ruleExpression_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<BittenRuleCase>("mode");
    QTest::addColumn<QString>("expected");
    QTest::addRow("0.6.1: case-insensitive")
            << "os"
            << "linux" << BittenRuleCase::Insensitive << "regexp(\"^(?:linux)\", TARGET.os, \"i\")";
    QTest::addRow("0.6: case-sensitive")
            << "os"
            << "linux" << BittenRuleCase::Sensitive << "regexp(\"^(?:linux)\", TARGET.os)";
    QTest::addRow("package property, backslash escaped")
            << "python.version"
            << "2\\.[67]" << BittenRuleCase::Insensitive
            << "regexp(\"^(?:2\\\\.[67])\", TARGET.python_version, \"i\")";
    QTest::addRow("pattern matching empty gets a guard")
            << "processor"
            << ".*" << BittenRuleCase::Insensitive
            << "TARGET.processor =!= \"\" && regexp(\"^(?:.*)\", TARGET.processor, \"i\")";
    QTest::addRow("invalid pattern left unwrapped") << "os"
                                                    << "lin)|(ux" << BittenRuleCase::Insensitive
                                                    << "regexp(\"lin)|(ux\", TARGET.os, \"i\")";
}

void tst_JobAd::ruleExpression()
{
    QFETCH(QString, property);
    QFETCH(QString, pattern);
    QFETCH(BittenRuleCase, mode);
    QFETCH(QString, expected);
    QCOMPARE(JobAd::ruleExpression({property, pattern}, mode), expected);
}

void tst_JobAd::bittenEquivalence_data()
{
    QTest::addColumn<Rules>("rules");
    QTest::addColumn<Properties>("properties");
    QTest::addColumn<BittenRuleCase>("mode");

    const Properties linux{
            {"name", "lin1"},    {"ipnr", "10.0.0.5"},         {"os", "Linux"},
            {"family", "posix"}, {"version", "6.1.0"},         {"machine", "x86_64"},
            {"processor", ""},   {"python.version", "2.7.18"}, {"java.home", "/usr/lib/jvm"}};
    const Properties mac{{"name", "mac1"},     {"ipnr", "10.0.0.9"},      {"os", "Darwin"},
                         {"family", "posix"},  {"version", "21.6.0"},     {"machine", "arm64"},
                         {"processor", "arm"}, {"python.version", "3.11"}};
    const Properties windows{{"name", "win1"},  {"os", "Windows"},    {"family", "nt"},
                             {"version", "10"}, {"machine", "AMD64"}, {"processor", ""}};
    const Properties empty;
    const QVector<QPair<const char *, Properties>> slaves{
            {"linux", linux}, {"mac", mac}, {"windows", windows}, {"no properties", empty}};

    const QVector<QPair<const char *, Rules>> platforms{
            {"no rules", {}},
            {"lower-case os", {{"os", "linux"}}},
            {"exact os", {{"os", "Linux"}}},
            {"prefix only: x86 matches x86_64", {{"machine", "x86"}}},
            {"anchored both ends", {{"machine", "^x86$"}}},
            {"anchored at the start only", {{"os", "inux"}}},
            {"alternation", {{"os", "Darwin|Windows"}}},
            {"two rules", {{"family", "posix"}, {"machine", "arm"}}},
            {"package property", {{"python.version", "2\\.7"}}},
            {"missing property", {{"ruby.version", ".*"}}},
            {"empty value never matches", {{"processor", ".*"}}},
            {"empty pattern", {{"processor", ""}}},
            {"optional pattern", {{"processor", "x?"}}},
            {"invalid regex", {{"os", "Lin(ux"}}},
            {"stray parenthesis", {{"os", "x)|(L"}}},
            {"inline case flag", {{"os", "(?i)LINUX"}}},
            {"name and ipnr", {{"name", "lin"}, {"ipnr", "10\\.0\\."}}},
            {"dotted number", {{"version", "6\\.1"}}},
            {"character class", {{"machine", "(i[3-6]86|x86_64|AMD64)"}}},
            {"case of the os word", {{"os", "WINDOWS"}}},
            {"java home path", {{"java.home", "/usr/lib/"}}},
    };
    for (const BittenRuleCase mode : {BittenRuleCase::Sensitive, BittenRuleCase::Insensitive}) {
        const char *modeName = mode == BittenRuleCase::Sensitive ? "0.6" : "0.6.1";
        for (const auto &platform : platforms) {
            for (const auto &slave : slaves) {
                QTest::addRow("%s, %s, %s", modeName, platform.first, slave.first)
                        << platform.second << slave.second << mode;
            }
        }
    }
}

void tst_JobAd::bittenEquivalence()
{
    QFETCH(Rules, rules);
    QFETCH(Properties, properties);
    QFETCH(BittenRuleCase, mode);
    JobDescription job;
    job.buildId = 1;
    job.rules = rules;
    const auto jobAd = JobAd::build(job, mode);
    QVERIFY(jobAd);
    const ClassAd machine = MachineAd::fromProperties(properties);
    const bool classAd = ClassAdEvaluator::matches(jobAd.value(), machine);
    QCOMPARE(classAd, bittenMatches(rules, properties, mode));
}

void tst_JobAd::attributes()
{
    JobDescription job;
    job.buildId = 42;
    job.config = "trunk";
    job.platform = "linux";
    job.revision = "1234";
    job.revisionTime = 1700000000;
    job.priority = 5;
    job.rules = {{"os", "linux"}};
    const auto ad = JobAd::build(job);
    QVERIFY(ad);
    QCOMPARE(ad.value().toString(),
             QString("MyType = \"Job\"\nBuildId = 42\nConfig = \"trunk\"\nPlatform = \"linux\"\n"
                     "Revision = \"1234\"\nRevTime = 1700000000\nPriority = 5\n"
                     "Requirements = regexp(\"^(?:linux)\", TARGET.os, \"i\")\n"));
}

void tst_JobAd::combined_data()
{
    QTest::addColumn<QString>("configRequirements");
    QTest::addColumn<QString>("platformRequirements");
    QTest::addColumn<QString>("configRank");
    QTest::addColumn<QString>("platformRank");
    QTest::addColumn<QString>("requirements");
    QTest::addColumn<QString>("rank");
    QTest::addRow("nothing: true, no rank") << ""
                                            << ""
                                            << ""
                                            << ""
                                            << "true"
                                            << "";
    QTest::addRow("configuration requirements and rules")
            << "TARGET.Memory >= 4096"
            << ""
            << "TARGET.Cpus"
            << ""
            << "((TARGET.Memory >= 4096) && regexp(\"^(?:linux)\", TARGET.os, \"i\"))"
            << "TARGET.Cpus";
    QTest::addRow("both requirements and both ranks")
            << "TARGET.Memory >= 4096"
            << "TARGET.FreeDisk > 1000"
            << "TARGET.Cpus"
            << "-TARGET.LoadAvg"
            << "(((TARGET.Memory >= 4096) && (TARGET.FreeDisk > 1000)) && "
               "regexp(\"^(?:linux)\", TARGET.os, \"i\"))"
            << "(TARGET.Cpus + -TARGET.LoadAvg)";
}

void tst_JobAd::combined()
{
    QFETCH(QString, configRequirements);
    QFETCH(QString, platformRequirements);
    QFETCH(QString, configRank);
    QFETCH(QString, platformRank);
    QFETCH(QString, requirements);
    QFETCH(QString, rank);
    JobDescription job;
    job.config = "trunk";
    job.platform = "linux";
    job.configRequirements = configRequirements;
    job.platformRequirements = platformRequirements;
    job.configRank = configRank;
    job.platformRank = platformRank;
    if (!configRequirements.isEmpty())
        job.rules = {{"os", "linux"}};
    const auto ad = JobAd::build(job);
    QVERIFY(ad);
    QCOMPARE(ad.value().lookup("Requirements")->toString(), requirements);
    const auto rankExpression = ad.value().lookup("Rank");
    QCOMPARE(rankExpression ? rankExpression->toString() : QString(), rank);
}

void tst_JobAd::invalidExpression_data()
{
    QTest::addColumn<QString>("configRequirements");
    QTest::addColumn<QString>("platformRank");
    QTest::addColumn<QString>("message");
    QTest::addRow("configuration requirements")
            << "TARGET.Memory >="
            << ""
            << "The requirements of configuration 'trunk' are not a valid ClassAd expression: ";
    QTest::addRow("platform rank") << ""
                                   << "Cpus *"
                                   << "The rank of target platform 'linux' of configuration "
                                      "'trunk' is not a valid ClassAd expression: ";
}

void tst_JobAd::invalidExpression()
{
    QFETCH(QString, configRequirements);
    QFETCH(QString, platformRank);
    QFETCH(QString, message);
    JobDescription job;
    job.config = "trunk";
    job.platform = "linux";
    job.configRequirements = configRequirements;
    job.platformRank = platformRank;
    const auto ad = JobAd::build(job);
    QVERIFY(!ad);
    QCOMPARE(ad.error().code, ErrorCode::InvalidInput);
    QVERIFY2(ad.error().message.startsWith(message), qPrintable(ad.error().message));
}

QTEST_GUILESS_MAIN(tst_JobAd)
#include "tst_jobad.moc"
