// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/recipe-translator/translatortestsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include "tests/testlib/testdata.h"

namespace TestSupport {

QStringList goldenCaseNames()
{
    QStringList names = QDir(TestLib::testDataPath(QStringLiteral("translator")))
                                .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    names.removeAll(QStringLiteral("dsl-stub"));
    return names;
}

GoldenCase loadGoldenCase(const QString &name)
{
    GoldenCase golden;
    golden.directory = TestLib::testDataPath(QStringLiteral("translator/") + name);
    const QDir dir(golden.directory);
    Translator::Configuration &c = golden.configuration;
    c.name = name;
    c.path = QStringLiteral("trunk");
    c.source = QStringLiteral("recipe.xml");
    c.recipe = TestLib::readFile(dir.filePath(QStringLiteral("recipe.xml")));
    if (!dir.exists(QStringLiteral("config.json")))
        return golden;
    const QJsonObject json = QJsonDocument::fromJson(
                                     TestLib::readFile(dir.filePath(QStringLiteral("config.json"))))
                                     .object();
    c.path = json.value(QStringLiteral("path")).toString(c.path);
    c.label = json.value(QStringLiteral("label")).toString();
    c.description = json.value(QStringLiteral("description")).toString();
    for (const QJsonValue &p : json.value(QStringLiteral("platforms")).toArray()) {
        Translator::TargetPlatform platform{p[QStringLiteral("name")].toString(), {}};
        for (const QJsonValue &rule : p[QStringLiteral("rules")].toArray())
            platform.rules += Translator::PlatformRule{rule[0].toString(), rule[1].toString()};
        c.platforms += platform;
    }
    const QString strategy = json.value(QStringLiteral("strategy")).toString();
    if (strategy == QLatin1String("agent"))
        golden.options.strategy = Translator::StrategyChoice::Agent;
    else if (strategy == QLatin1String("native"))
        golden.options.strategy = Translator::StrategyChoice::Native;
    if (json.value(QStringLiteral("allowPartial")).toBool())
        golden.options.partial = Translator::PartialPolicy::AllowPartial;
    golden.options.jenkinsLibrary = json.value(QStringLiteral("jenkinsLibrary")).toString();
    return golden;
}

QString groovyProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("groovy"));
}

bool runGroovy(const QStringList &arguments, QByteArray *output)
{
    QProcess groovy;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString jdk = QStringLiteral("/usr/lib/jvm/java-17-openjdk-amd64");
    if (!env.contains(QStringLiteral("JAVA_HOME")) && QFileInfo(jdk).isDir())
        env.insert(QStringLiteral("JAVA_HOME"), jdk);
    groovy.setProcessEnvironment(env);
    groovy.setProcessChannelMode(QProcess::MergedChannels);
    groovy.start(groovyProgram(), arguments);
    const bool finished = groovy.waitForFinished(60000);
    if (!finished) {
        groovy.kill();
        groovy.waitForFinished();
    }
    *output = groovy.readAll();
    if (!finished || groovy.exitStatus() != QProcess::NormalExit || groovy.exitCode() != 0) {
        qWarning("groovy failed: %s", output->constData());
        return false;
    }
    return true;
}

QJsonObject checkJenkinsfiles(const QStringList &files, const QString &workDir)
{
    const QString out = QDir(workDir).filePath(QStringLiteral("check.json"));
    QByteArray log;
    const QStringList arguments
            = QStringList{TestLib::testDataPath(QStringLiteral("translator/dsl-stub/check.groovy")),
                          out}
            + files;
    if (!runGroovy(arguments, &log))
        return {};
    return QJsonDocument::fromJson(TestLib::readFile(out)).object();
}

} // namespace TestSupport
