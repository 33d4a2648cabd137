// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "slave-agent/svntools.h"
#include "steptesthelper.h"

namespace {

Core::RecipeCommand command(const QString &element)
{
    return AgentTest::recipe("<step id='s'>" + element + "</step>")
            .steps.value(0)
            .commands.value(0);
}

bool run(const QString &program, const QStringList &arguments, const QString &dir = QString())
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(program, arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
}

} // namespace

class tst_SvnTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void arguments_data();
    void arguments();
    void checkoutExportUpdate();
    void verboseFilter_data();
    void verboseFilter();
    void sharedPath();
    void missingUrlIsInternalError();

private:
    QString basedir() const { return m_dir->path() + "/build"; }
    QString url() const { return "file://" + m_dir->path() + "/repo"; }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_SvnTools::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(basedir()));
    QVERIFY(run("svnadmin", {"create", m_dir->path() + "/repo"}));
    const QString import = m_dir->path() + "/import/trunk";
    QVERIFY(QDir().mkpath(import));
    QFile file(import + "/hello.txt");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
    file.close();
    QVERIFY(run("svn", {"import", "-q", "-m", "initial", m_dir->path() + "/import", url()}));
}

void tst_SvnTools::arguments_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("checkout: minimal") << "<svn:checkout url='http://s/repo'/>"
                                       << QStringList{"checkout", "http://s/repo", "."};
    QTest::addRow("checkout: leading slash of path stripped, every option")
            << "<svn:checkout url='http://s/repo' path='/trunk' revision='12' dir='src'"
               " username='u' password='p' no_auth_cache='TRUE'/>"
            << QStringList{"checkout",
                           "-r",
                           "12",
                           "--username",
                           "u",
                           "--password",
                           "p",
                           "--no-auth-cache",
                           "http://s/repo/trunk",
                           "src"};
    QTest::addRow("checkout: empty credentials and revision are left out (0.6)")
            << "<svn:checkout url='http://s/repo' revision='' username='' password=''"
               " no_auth_cache='false'/>"
            << QStringList{"checkout", "http://s/repo", "."};
    QTest::addRow("export: leading slash kept, so path replaces the URL path")
            << "<svn:export url='http://s/repo' path='/trunk' revision='3'/>"
            << QStringList{"export", "--force", "-r", "3", "/trunk", "."};
    QTest::addRow("export: relative path joined")
            << "<svn:export url='http://s/repo/' path='trunk' dir='out'/>"
            << QStringList{"export", "--force", "http://s/repo/trunk", "out"};
    QTest::addRow("update") << "<svn:update revision='7' dir='src'/>"
                            << QStringList{"update", "-r", "7", "src"};
}

void tst_SvnTools::arguments()
{
    QFETCH(QString, element);
    QFETCH(QStringList, expected);
    const Core::RecipeCommand parsed = command(element);
    QStringList actual;
    if (parsed.localName == "checkout")
        actual = Agent::SvnTools::checkoutArguments(parsed).value();
    else if (parsed.localName == "export")
        actual = Agent::SvnTools::exportArguments(parsed).value();
    else
        actual = Agent::SvnTools::updateArguments(parsed);
    QCOMPARE(actual, expected);
}

void tst_SvnTools::checkoutExportUpdate()
{
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'><svn:checkout url='" + url()
                                         + "' path='/trunk' dir='wc'/>"
                                           "<svn:update dir='wc'/><svn:export url='"
                                         + url()
                                         + "' path='trunk' dir='ex'/>"
                                           "<svn:checkout url='"
                                         + url() + "/nothing' dir='bad'/></step>",
                                 basedir());
    QVERIFY(QFile::exists(basedir() + "/wc/hello.txt"));
    QVERIFY(QFile::exists(basedir() + "/wc/.svn"));
    QVERIFY(QFile::exists(basedir() + "/ex/hello.txt"));
    QVERIFY(!QFile::exists(basedir() + "/ex/.svn"));
    QCOMPARE(output.errors, QStringList{"svn checkout failed (1)"});
}

void tst_SvnTools::verboseFilter_data()
{
    QTest::addColumn<QString>("verbose");
    QTest::addColumn<bool>("listed");
    QTest::addRow("default false hides A lines") << "" << false;
    QTest::addRow("FALSE hides A lines") << "verbose='FALSE'" << false;
    QTest::addRow("true shows them") << "verbose='true'" << true;
}

void tst_SvnTools::verboseFilter()
{
    QFETCH(QString, verbose);
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'><svn:checkout url='" + url()
                                         + "' path='trunk' dir='wc' " + verbose + "/></step>",
                                 basedir());
    QCOMPARE(output.errors, QStringList{});
    QTEST(output.logLines.contains("info: A    wc/hello.txt"), "listed");
    QVERIFY(!output.logLines.filter("Checked out revision 1.").isEmpty());
}

void tst_SvnTools::sharedPath()
{
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><svn:checkout url='" + url()
                    + "' path='trunk' dir='wc' shared_path='../shared'/></step>",
            basedir());
    QCOMPARE(output.errors, QStringList{});
    QVERIFY(QFile::exists(m_dir->path() + "/shared/hello.txt"));
    QVERIFY(QFile::exists(basedir() + "/wc/hello.txt"));
    // Bitten's quirk: the normal checkout still runs after the copy.
    QCOMPARE(output.logLines.filter("Checked out revision 1.").size(), 2);
}

void tst_SvnTools::missingUrlIsInternalError()
{
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><svn:checkout dir='x'/><svn:update/></step>", basedir());
    QCOMPARE(output.errors,
             QStringList{"Internal error in svn:checkout: Missing required attribute \"url\"."});
}

QTEST_GUILESS_MAIN(tst_SvnTools)
#include "tst_svntools.moc"
