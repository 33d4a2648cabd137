// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/scheduler/repositorypoller.h"

using namespace Bridge;

namespace {

bool run(const QString &dir, const QStringList &command)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GIT_AUTHOR_NAME", "t");
    env.insert("GIT_AUTHOR_EMAIL", "t@example.org");
    env.insert("GIT_COMMITTER_NAME", "t");
    env.insert("GIT_COMMITTER_EMAIL", "t@example.org");
    env.insert("HGUSER", "t <t@example.org>");
    env.insert("HGPLAIN", "1");
    process.setProcessEnvironment(env);
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("%s: %s", qPrintable(command.join(' ')),
                 process.readAllStandardError().constData());
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class tst_RepositoryPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("error");
        QTest::addRow("git") << "git:/srv/repo" << int(RepositoryKind::Git) << "";
        QTest::addRow("svn url") << "svn:file:///srv/svn" << int(RepositoryKind::Subversion) << "";
        QTest::addRow("hg") << "hg:/srv/hg" << int(RepositoryKind::Mercurial) << "";
        QTest::addRow("unknown scheme")
                << "cvs:/x" << 0
                << "The repository \"cvs:/x\" is not of the form git:PATH, svn:URL or hg:PATH.";
    }
    void locations()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, error);
        const auto location = RepositoryLocation::parse(text);
        QCOMPARE(location ? QString() : location.error().message, error);
        if (location)
            QCOMPARE(int(location.value().kind), kind);
    }

    void parsesLogs_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QStringList>("revisions");
        QTest::addColumn<qint64>("firstTime");
        QTest::addRow("git") << int(RepositoryKind::Git)
                             << QByteArray("abc\t1700000100\ndef\t1700000000\n")
                             << QStringList{"abc", "def"} << qint64(1700000100);
        QTest::addRow("hg hgdate")
                << int(RepositoryKind::Mercurial) << QByteArray("f00\t1700000200 -3600\n")
                << QStringList{"f00"} << qint64(1700000200);
        QTest::addRow("svn xml")
                << int(RepositoryKind::Subversion)
                << QByteArray("<?xml version=\"1.0\"?><log><logentry "
                              "revision=\"12\"><author>a</author>"
                              "<date>2023-11-14T22:13:20.000000Z</date><msg>m</msg></logentry>"
                              "<logentry revision=\"7\"><date>2023-11-14T22:00:00.000000Z</date>"
                              "</logentry></log>")
                << QStringList{"12", "7"} << qint64(1700000000);
    }
    void parsesLogs()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, output);
        QFETCH(QStringList, revisions);
        QFETCH(qint64, firstTime);
        const auto entries = RepositoryPoller::parse(RepositoryKind(kind), output, "/trunk");
        QVERIFY(entries);
        QStringList actual;
        for (const RevisionEntry &entry : entries.value()) {
            actual += entry.revision;
            QCOMPARE(entry.path, QString("/trunk"));
        }
        QCOMPARE(actual, revisions);
        QCOMPARE(entries.value().at(0).time, firstTime);
    }

    void rejectsGarbage()
    {
        const auto entries = RepositoryPoller::parse(RepositoryKind::Git, "not a log line\n", "");
        QVERIFY(!entries);
        QCOMPARE(entries.error().message,
                 QString("Unexpected repository log line \"not a log line\"."));
    }

    void pollsRealRepositories_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addRow("git") << "git";
        QTest::addRow("svn") << "svn";
        QTest::addRow("hg") << "hg";
    }
    void pollsRealRepositories()
    {
        QFETCH(QString, tool);
        if (QStandardPaths::findExecutable(tool).isEmpty()) {
            QTest::qSkip(qPrintable(tool + " is not installed."), __FILE__, __LINE__);
            return;
        }
        QTemporaryDir dir;
        const QString work = dir.filePath("work");
        QString repository;
        if (tool == "svn") {
            QVERIFY(run(dir.path(), {"svnadmin", "create", "repo"}));
            repository = "svn:file://" + dir.filePath("repo");
            QVERIFY(run(dir.path(),
                        {"svn", "checkout", "-q", "file://" + dir.filePath("repo"), "work"}));
            QVERIFY(writeFile(work + "/trunk/a.txt", "1"));
            QVERIFY(run(work, {"svn", "add", "-q", "trunk"}));
            QVERIFY(run(work, {"svn", "commit", "-q", "-m", "one"}));
            QVERIFY(writeFile(work + "/other.txt", "x"));
            QVERIFY(run(work, {"svn", "add", "-q", "other.txt"}));
            QVERIFY(run(work, {"svn", "commit", "-q", "-m", "elsewhere"}));
            QVERIFY(writeFile(work + "/trunk/a.txt", "2"));
            QVERIFY(run(work, {"svn", "commit", "-q", "-m", "two"}));
        } else {
            QVERIFY(QDir().mkpath(work));
            QVERIFY(run(work, {tool, "init", "-q"}));
            repository = tool + ":" + work;
            const QStringList add = tool == "git" ? QStringList{"git", "add", "-A"}
                                                  : QStringList{"hg", "add", "-q"};
            const QStringList commit = {tool, "commit", "-q", "-m"};
            QVERIFY(writeFile(work + "/trunk/a.txt", "1"));
            QVERIFY(run(work, add) && run(work, commit + QStringList{"one"}));
            QVERIFY(writeFile(work + "/other.txt", "x"));
            QVERIFY(run(work, add) && run(work, commit + QStringList{"elsewhere"}));
            QVERIFY(writeFile(work + "/trunk/a.txt", "2"));
            QVERIFY(run(work, add) && run(work, commit + QStringList{"two"}));
        }
        const auto location = RepositoryLocation::parse(repository);
        QVERIFY(location);
        const auto history = RepositoryPoller::history(location.value(), "/trunk", 10);
        QVERIFY2(history, history ? "" : qPrintable(history.error().message));
        // Only the two changes of trunk, youngest first.
        QCOMPARE(history.value().size(), 2);
        if (tool == "svn") {
            QCOMPARE(history.value().at(0).revision, QString("3"));
            QCOMPARE(history.value().at(1).revision, QString("1"));
        }
        QVERIFY(history.value().at(0).time >= history.value().at(1).time);
        QVERIFY(history.value().at(1).time > 1600000000);
        QCOMPARE(RepositoryPoller::history(location.value(), "/trunk", 1).value().size(), 1);
    }

    void reportsMissingRepository()
    {
        const auto history = RepositoryPoller::history(
                RepositoryLocation{RepositoryKind::Git, "/nonexistent/repo"}, "trunk", 5);
        QVERIFY(!history);
        QVERIFY2(history.error().message.startsWith(
                         "Could not list the history of trunk in /nonexistent/repo with git: "),
                 qPrintable(history.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_RepositoryPoller)
#include "tst_repositorypoller.moc"
