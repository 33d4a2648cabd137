// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "slave-agent/hgtools.h"
#include "steptesthelper.h"

namespace {

QString hg(const QStringList &arguments, const QString &dir)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("HGUSER", "test <test@example.org>");
    environment.insert("HGPLAIN", "1");
    process.setProcessEnvironment(environment);
    process.start("hg", arguments);
    process.waitForFinished(60000);
    if (process.exitCode() != 0)
        qWarning("hg %s: %s", qPrintable(arguments.join(' ')),
                 process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void commit(const QString &repo, const QByteArray &content)
{
    QFile file(repo + "/file.txt");
    file.open(QIODevice::WriteOnly);
    file.write(content);
    file.close();
    hg({"commit", "-q", "-A", "-m", "change"}, repo);
}

} // namespace

class tst_HgTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void arguments_data();
    void arguments();
    void pull();
};

void tst_HgTools::arguments_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("no revision") << "<hg:pull/>" << QStringList{"pull", "-u"};
    QTest::addRow("Trac N:hash takes the hash")
            << "<hg:pull revision='12:abcdef'/>" << QStringList{"pull", "-u", "-r", "abcdef"};
    QTest::addRow("plain revision")
            << "<hg:pull revision='abc'/>" << QStringList{"pull", "-u", "-r", "abc"};
}

void tst_HgTools::arguments()
{
    QFETCH(QString, element);
    const Core::Recipe recipe = AgentTest::recipe("<step id='s'>" + element + "</step>");
    QTEST(Agent::HgTools::pullArguments(recipe.steps.value(0).commands.value(0)), "expected");
}

void tst_HgTools::pull()
{
    QTemporaryDir dir;
    const QString origin = dir.path() + "/origin";
    QVERIFY(QDir().mkpath(origin));
    hg({"init"}, origin);
    commit(origin, "one\n");
    const QString basedir = dir.path() + "/build";
    QVERIFY(QDir().mkpath(basedir));
    hg({"clone", "-q", origin, "clone"}, basedir);
    QVERIFY(QFile::exists(basedir + "/clone/file.txt"));
    commit(origin, "two\n");
    const QString head = hg({"log", "-r", "tip", "--template", "{rev}:{node}"}, origin);
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'><hg:pull dir='clone' revision='" + head
                                         + "'/>"
                                           "<hg:pull dir='nowhere'/></step>",
                                 basedir);
    QFile file(basedir + "/clone/file.txt");
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("two\n"));
    // dir missing: runs in basedir, which is no clone.
    QCOMPARE(output.errors, QStringList{"hg pull -u failed (255)"});
}

QTEST_GUILESS_MAIN(tst_HgTools)
#include "tst_hgtools.moc"
