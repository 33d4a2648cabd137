// SPDX-License-Identifier: GPL-3.0-or-later
// Property test: random hostile strings (fixed seed) in every recipe and configuration field.
// Every generated Jenkinsfile must compile against the DSL stub, and the strings Groovy sees
// (stage names, environment, labels, sh scripts, error messages, the recipe file) must equal
// the plan's exactly; every Buildbot file must parse as JSON with the same values.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QXmlStreamWriter>
#include <QtTest>

#include "recipe-translator/translation.h"
#include "tests/recipe-translator/translatortestsupport.h"

using namespace Translator;

namespace {

const QStringList fragments{
        "'",     "\"",     "\\",  "$",  "${x}", "${",  "}",   "\\u0027", "\\u000a",
        "'''",   "\"\"\"", "\n",  "\t", " ",    "/*",  "*/",  "//",      "#",
        "`id`",  "$(id)",  "<",   ">",  "&",    "]]>", "\\'", "$$",      "${revision}",
        "${os}", "$HOME",  "é",   "中", "😀",    "a",   "Z",   "0",       "-",
        "_",     ".",      "x86", "^",  "(",    "|",   ")"};

class Generator
{
public:
    QString text(int maxParts = 8)
    {
        QString out;
        const int parts = 1 + int(m_random.bounded(maxParts));
        for (int i = 0; i < parts; ++i)
            out += fragments.at(int(m_random.bounded(fragments.size())));
        return out;
    }
    int pick(int n) { return int(m_random.bounded(n)); }

private:
    QRandomGenerator m_random{20261128u};
};

QByteArray recipe(Generator &g)
{
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.writeStartDocument();
    w.writeStartElement("build");
    w.writeNamespace("http://bitten.edgewall.org/tools/sh", "sh");
    w.writeNamespace("http://bitten.edgewall.org/tools/python", "python");
    w.writeNamespace("http://bitten.edgewall.org/tools/svn", "svn");
    w.writeNamespace("http://example.org/" + g.text(2).toHtmlEscaped(), "tp");
    w.writeAttribute("description", g.text());
    w.writeAttribute("flavour", g.text());
    const QStringList policies{"fail", "continue", "ignore"};
    for (int s = 0; s < 4; ++s) {
        w.writeStartElement("step");
        w.writeAttribute("id", g.text() + QString::number(s));
        w.writeAttribute("description", g.text());
        w.writeAttribute("onerror", policies.at(g.pick(3)));
        w.writeStartElement("http://bitten.edgewall.org/tools/sh", "exec");
        w.writeAttribute("executable", g.text());
        w.writeAttribute("args", g.text());
        w.writeAttribute("dir", g.text());
        w.writeEndElement();
        w.writeStartElement("http://bitten.edgewall.org/tools/svn", "checkout");
        w.writeAttribute("url", g.text());
        w.writeAttribute("path", g.text());
        w.writeAttribute("revision", g.text());
        w.writeEndElement();
        if (s % 2) {
            w.writeStartElement("http://bitten.edgewall.org/tools/python", "unittest");
            w.writeAttribute("file", g.text());
            w.writeEndElement();
            w.writeStartElement("attach");
            w.writeAttribute("file", g.text());
            w.writeAttribute("description", g.text());
            w.writeEndElement();
        }
        if (s == 3) {
            w.writeStartElement("http://example.org/" + g.text(2).toHtmlEscaped(), "thing");
            w.writeAttribute("what", g.text());
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

Configuration configuration(Generator &g, int index)
{
    Configuration c;
    c.name = g.text() + QString::number(index);
    c.path = g.text();
    c.label = g.text();
    c.description = g.text();
    c.source = "hostile.xml";
    c.recipe = recipe(g);
    for (int p = 0; p < 2; ++p)
        c.platforms += TargetPlatform{g.text() + QString::number(p),
                                      {{"os", g.text(3)}, {g.text(2), g.text(3)}}};
    return c;
}

} // namespace

class tst_HostileStrings : public QObject
{
    Q_OBJECT

private:
    static void compareCalls(const ConfigurationPlan &plan, const QJsonArray &calls)
    {
        QStringList stages, platforms, labels, shScripts, shLabels, errors, recipes;
        QMap<QString, QStringList> env;
        for (const QJsonValue &value : calls) {
            const QJsonObject call = value.toObject();
            const QString name = call["call"].toString();
            const QJsonArray args = call["args"].toArray();
            if (name == "env")
                env[call["name"].toString()] += call["value"].toString();
            else if (name == "stage" && call["context"].toString() == "parallel")
                stages += args[0].toString();
            else if (name == "label")
                labels += args[0].toString();
            else if (name == "sh") {
                shScripts += args[0]["script"].toString();
                shLabels += args[0]["label"].toString();
            } else if (name == "error")
                errors += args[0].toString();
            else if (name == "writeFile")
                recipes += args[0]["text"].toString();
        }
        QCOMPARE(env["BITTEN_CONFIG"], QStringList{plan.name});
        QCOMPARE(env["BITTEN_PATH"], QStringList{plan.path});
        QStringList expectedScripts, expectedLabels, expectedErrors, expectedStageLabels;
        for (const PlatformPlan &platform : plan.platforms) {
            platforms += platform.name;
            if (!platform.labelExpression.isEmpty())
                expectedStageLabels += platform.labelExpression;
            if (!platform.checkScript.isEmpty()) {
                expectedScripts += platform.checkScript;
                expectedLabels += "check target platform";
            }
            for (const StepPlan &step : plan.steps) {
                if (step.strategy == Strategy::Manual) {
                    expectedErrors += step.failureMessage;
                    continue;
                }
                expectedScripts += step.script;
                expectedLabels += step.id;
            }
        }
        QCOMPARE(stages, platforms);
        QCOMPARE(env["BITTEN_PLATFORM"], platforms);
        QCOMPARE(labels, expectedStageLabels);
        QCOMPARE(shScripts, expectedScripts);
        QCOMPARE(shLabels, expectedLabels);
        QCOMPARE(errors, expectedErrors);
        for (const QString &text : qAsConst(recipes))
            QCOMPARE(text, plan.normalisedRecipe);
        QCOMPARE(recipes.isEmpty(), !plan.needsRecipe());
    }

    static void compareBuildbot(const ConfigurationPlan &plan, const QByteArray &json)
    {
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root["configuration"].toString(), plan.name);
        QCOMPARE(root["path"].toString(), plan.path);
        QCOMPARE(root["description"].toString(), plan.description);
        const QJsonArray builders = root["builders"].toArray();
        QCOMPARE(builders.size(), plan.platforms.size());
        for (int i = 0; i < builders.size(); ++i) {
            QCOMPARE(builders[i]["platform"].toString(), plan.platforms[i].name);
            QCOMPARE(builders[i]["rules"][1]["pattern"].toString(),
                     plan.platforms[i].rules[1].pattern);
        }
        const QJsonArray steps = root["steps"].toArray();
        QCOMPARE(steps.size(), plan.steps.size());
        for (int i = 0; i < steps.size(); ++i) {
            const StepPlan &step = plan.steps[i];
            QCOMPARE(steps[i]["bittenStep"].toString(), step.id);
            if (step.strategy == Strategy::Manual)
                QCOMPARE(steps[i]["message"].toString(), step.failureMessage);
            else
                QCOMPARE(steps[i]["command"][2].toString(), step.script);
        }
        if (plan.needsRecipe())
            QCOMPARE(root["recipe"]["text"].toString(), plan.normalisedRecipe);
    }

private Q_SLOTS:
    void hostileStringsStayStrings()
    {
        if (TestSupport::groovyProgram().isEmpty()) {
            QTest::qSkip("groovy is not installed (dev.sh test_packages)", __FILE__, __LINE__);
            return;
        }
        Generator g;
        QTemporaryDir dir;
        QStringList files;
        QVector<ConfigurationPlan> plans;
        QVector<QByteArray> buildbotFiles;
        constexpr int iterations = 60;
        for (int i = 0; i < iterations; ++i) {
            const Configuration c = configuration(g, i);
            PlanOptions options;
            options.partial
                    = i % 3 == 0 ? PartialPolicy::AllowPartial : PartialPolicy::FailUnsupported;
            options.strategy = i % 4 == 0 ? StrategyChoice::Agent : StrategyChoice::Auto;
            const TranslationResult jenkins = Translation::translate(c, Target::Jenkins, options);
            QVERIFY2(jenkins.error.isEmpty(), qPrintable(jenkins.error));
            QCOMPARE(jenkins.plan.steps.size(), 4);
            QFile file(dir.filePath(QStringLiteral("Jenkinsfile-%1").arg(i)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(jenkins.files.first().content);
            files += file.fileName();
            plans += jenkins.plan;
            buildbotFiles
                    += Translation::translate(c, Target::Buildbot, options).files.first().content;
        }
        const QJsonObject results = TestSupport::checkJenkinsfiles(files, dir.path());
        QCOMPARE(results.size(), iterations);
        for (int i = 0; i < iterations; ++i) {
            const QJsonObject result = results[files[i]].toObject();
            QVERIFY2(result["ok"].toBool(),
                     qPrintable(files[i] + ": " + result["error"].toString()));
            compareCalls(plans[i], result["calls"].toArray());
            compareBuildbot(plans[i], buildbotFiles[i]);
        }
    }
};

QTEST_GUILESS_MAIN(tst_HostileStrings)
#include "tst_hostilestrings.moc"
