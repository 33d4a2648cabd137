// SPDX-License-Identifier: GPL-3.0-or-later
// ConsoleText (pure byte-chunk → line assembly) and ConsoleFollower against the stand-in's
// progressive text (X-Text-Size / X-More-Data, CRLF, chunks ending mid-line, console notes).
#include <QSignalSpy>
#include <QtTest>

#include "integrations/jenkins/client.h"
#include "integrations/jenkins/consolefollower.h"
#include "integrations/jenkins/consoletext.h"
#include "tests/testlib/jenkinsstandin.h"
#include "tests/testlib/testdata.h"

using Jenkins::ConsoleText;
using TestLib::JenkinsStandin;

Q_DECLARE_METATYPE(ConsoleText::Ansi)

namespace {

const QString job = QStringLiteral("p");

// A Pipeline log as Jenkins ≥ 2.509 stores it: hidden console notes, an ANSI-coloured line
// from the build itself, UTF-8 text.
const QByteArray pipelineLog
        = "Started by user \x1b[8mha:////4LJe0ZrKlEWu+AAAAlh+LCAAAAAAAAP9b\x1b[0madmin\n"
          "\x1b[8mha:////4BtLNmz0wAAAAWh+LCAAAAAAAAP9\x1b[0m[Pipeline] Start of Pipeline\n"
          "[Pipeline] sh\n"
          "+ make check\n"
          "\x1b[32mPASS\x1b[0m: t\xc3\xa9st_one\n"
          "Finished: SUCCESS";

const QStringList pipelineLines{"Started by user admin",
                                "[Pipeline] Start of Pipeline",
                                "[Pipeline] sh",
                                "+ make check",
                                QString::fromUtf8("\x1b[32mPASS\x1b[0m: t\xc3\xa9st_one"),
                                "Finished: SUCCESS"};

struct Fixture
{
    JenkinsStandin standin;
    Jenkins::Client *client = nullptr;

    Fixture()
    {
        standin.addUser("bittern", "token-1", "password-1");
        QVERIFY(standin.listen());
        standin.addJob(job,
                       TestLib::readFile(TestLib::sharedPath(
                               "fixtures/jenkins/config/pipeline_minimal__api4jenkins.xml")));
        client = new Jenkins::Client(standin.baseUrl(),
                                     {"bittern", "token-1", Jenkins::Credentials::Kind::ApiToken},
                                     &standin);
        client->setPollIntervals({1, 1});
        client->setRetryPolicy({3, 1, 10});
    }
};

} // namespace

class tst_ConsoleFollower : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void consoleText_data();
    void consoleText();
    void follow_data();
    void follow();
    void keepsPollingWhileBuilding();
    void logCompleteWhileStillBuilding();
    void restartedLog();
    void missingBuild();
    void cancel();
};

void tst_ConsoleFollower::consoleText_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<ConsoleText::Ansi>("ansi");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("rest");

    const auto keep = ConsoleText::Ansi::Keep;
    QTest::addRow("CRLF line ends become LF")
            << QList<QByteArray>{"a\r\nb\r\n"} << keep << QStringList{"a", "b"} << "";
    QTest::addRow("chunk ends mid-line") << QList<QByteArray>{"Star", "ted\r\nFin", "ished"} << keep
                                         << QStringList{"Started"} << "Finished";
    QTest::addRow("CR and LF in different chunks")
            << QList<QByteArray>{"a\r", "\nb\r\n"} << keep << QStringList{"a", "b"} << "";
    QTest::addRow("UTF-8 sequence split between chunks")
            << QList<QByteArray>{"caf\xc3", "\xa9\r\n"} << keep
            << QStringList{QString::fromUtf8("caf\xc3\xa9")} << "";
    QTest::addRow("hidden console note removed")
            << QList<QByteArray>{"\x1b[8mha:AAAAlh+LCAAAAAAAAP9b\x1b[0m[Pipeline] sh\r\n"} << keep
            << QStringList{"[Pipeline] sh"} << "";
    QTest::addRow("console note split between chunks")
            << QList<QByteArray>{"x\x1b[8mha:AAA", "BBB\x1b[0my\r\n"} << keep << QStringList{"xy"}
            << "";
    QTest::addRow("two notes on one line")
            << QList<QByteArray>{"\x1b[8mha:A\x1b[0ma\x1b[8mha:B\x1b[0mb\n"} << keep
            << QStringList{"ab"} << "";
    QTest::addRow("unterminated note is kept, not eaten")
            << QList<QByteArray>{"a\x1b[8mha:AAA\n"} << keep << QStringList{"a\x1b[8mha:AAA"} << "";
    QTest::addRow("build's ANSI colours kept by default")
            << QList<QByteArray>{"\x1b[31mred\x1b[0m\n"} << keep
            << QStringList{"\x1b[31mred\x1b[0m"} << "";
    QTest::addRow("ANSI stripped on request")
            << QList<QByteArray>{"\x1b[1;31mred\x1b[0m \x1b[2Kline\x1b(B\n"}
            << ConsoleText::Ansi::Strip << QStringList{"red line"} << "";
    QTest::addRow("empty lines kept")
            << QList<QByteArray>{"\r\n\r\n"} << keep << QStringList{"", ""} << "";
    QTest::addRow("nothing yet") << QList<QByteArray>{""} << keep << QStringList{} << "";
}

void tst_ConsoleFollower::consoleText()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(ConsoleText::Ansi, ansi);
    ConsoleText text(ansi);
    QStringList lines;
    for (const QByteArray &chunk : chunks)
        lines += text.feed(chunk);
    QTEST(lines, "lines");
    QTEST(text.flush(), "rest");
    QVERIFY(!text.hasPartialLine());
}

void tst_ConsoleFollower::follow_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::addColumn<ConsoleText::Ansi>("ansi");
    QTest::addColumn<QStringList>("lines");

    QStringList stripped = pipelineLines;
    stripped[4] = QString::fromUtf8("PASS: t\xc3\xa9st_one");
    QTest::addRow("whole log per answer") << 0 << ConsoleText::Ansi::Keep << pipelineLines;
    QTest::addRow("7-byte answers end mid-line and mid-note")
            << 7 << ConsoleText::Ansi::Keep << pipelineLines;
    // "é" starts at byte 185 of the log, so 3-byte answers cut it in two.
    QTest::addRow("3-byte answers split a UTF-8 sequence")
            << 3 << ConsoleText::Ansi::Keep << pipelineLines;
    QTest::addRow("ANSI stripped on request") << 13 << ConsoleText::Ansi::Strip << stripped;
}

void tst_ConsoleFollower::follow()
{
    QFETCH(int, chunkSize);
    QFETCH(ConsoleText::Ansi, ansi);
    Fixture fixture;
    fixture.standin.setLogChunkSize(chunkSize);
    const int build = fixture.standin.startBuild(job);
    QCOMPARE(pipelineLog.indexOf("\xc3\xa9"), 185);
    const int half = pipelineLog.indexOf("[Pipeline] sh") + 5; // mid-line
    fixture.standin.appendLog(job, build, pipelineLog.left(half));

    Jenkins::ConsoleFollower *follower
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), build, ansi);
    QSignalSpy finished(follower, &Jenkins::ConsoleFollower::finished);
    QTRY_VERIFY(follower->lines().size() >= 2);
    QVERIFY(!follower->isFinished()); // still building: X-More-Data: true
    fixture.standin.appendLog(job, build, pipelineLog.mid(half));
    fixture.standin.finishBuild(job, build, "SUCCESS");
    QVERIFY(finished.wait(5000));
    QCOMPARE(follower->error(), Jenkins::Request::Error::NoError);
    QTEST(follower->lines(), "lines");
    QCOMPARE(follower->offset(), qint64(pipelineLog.size())); // X-Text-Size, not the CRLF body size
    QCOMPARE(finished.count(), 1);
}

void tst_ConsoleFollower::keepsPollingWhileBuilding()
{
    Fixture fixture;
    const int build = fixture.standin.startBuild(job);
    Jenkins::ConsoleFollower *follower
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), build);
    QSignalSpy lines(follower, &Jenkins::ConsoleFollower::linesReceived);
    // An empty log while building is "X-Text-Size: 0, X-More-Data: true": keep polling.
    QTRY_VERIFY(fixture.standin.countRequests("GET", "/logText/progressiveText") >= 3);
    QVERIFY(lines.isEmpty());
    fixture.standin.appendLog(job, build, "one\n");
    QTRY_COMPARE(lines.count(), 1);
    QCOMPARE(lines.at(0).at(0).toStringList(), QStringList{"one"});
    fixture.standin.finishBuild(job, build, "ABORTED");
    QTRY_VERIFY(follower->isFinished());
    // The end is decided by X-More-Data's absence together with building: false.
    QVERIFY(fixture.standin.countRequests("GET", QString("/%1/api/json").arg(build)) >= 1);
}

void tst_ConsoleFollower::logCompleteWhileStillBuilding()
{
    Fixture fixture;
    const int build = fixture.standin.startBuild(job);
    fixture.standin.appendLog(job, build, "done\r\nlast line without end");
    fixture.standin.completeLog(job, build); // no X-More-Data, but building: true
    Jenkins::ConsoleFollower *follower
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), build);
    const QString runPath = QString("job/p/%1/api/json").arg(build);
    QTRY_VERIFY(fixture.standin.countRequests("GET", runPath) >= 2);
    QVERIFY(!follower->isFinished());
    QCOMPARE(follower->lines(), QStringList{"done"}); // the partial line waits for the end
    fixture.standin.finishBuild(job, build, "SUCCESS");
    QTRY_VERIFY(follower->isFinished());
    QCOMPARE(follower->lines(), (QStringList{"done", "last line without end"}));
}

void tst_ConsoleFollower::restartedLog()
{
    Fixture fixture;
    const int build = fixture.standin.startBuild(job);
    fixture.standin.appendLog(job, build, "first line of a long log\nsecond line of it\n");
    Jenkins::ConsoleFollower *follower
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), build);
    QSignalSpy restarted(follower, &Jenkins::ConsoleFollower::restarted);
    QTRY_COMPARE(follower->lines().size(), 2);
    fixture.standin.replaceLog(job, build, "new\n");
    fixture.standin.finishBuild(job, build, "SUCCESS");
    QTRY_VERIFY(follower->isFinished());
    QCOMPARE(restarted.count(), 1);
    QCOMPARE(follower->lines(),
             (QStringList{"first line of a long log", "second line of it", "new"}));
    QCOMPARE(follower->offset(), qint64(4));
}

void tst_ConsoleFollower::missingBuild()
{
    Fixture fixture;
    Jenkins::ConsoleFollower *follower
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), 9);
    QSignalSpy finished(follower, &Jenkins::ConsoleFollower::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(follower->error(), Jenkins::Request::Error::NotFound);
    QCOMPARE(follower->errorString(),
             "Jenkins found nothing for GET job/p/9/logText/progressiveText (HTTP 404).");
}

void tst_ConsoleFollower::cancel()
{
    Fixture fixture;
    const int build = fixture.standin.startBuild(job);
    Jenkins::ConsoleFollower *follower
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), build);
    QSignalSpy finished(follower, &Jenkins::ConsoleFollower::finished);
    QTRY_VERIFY(fixture.standin.countRequests("GET", "/logText/progressiveText") >= 1);
    follower->cancel();
    QCOMPARE(finished.count(), 1);
    const QString path = QString("job/p/%1/logText/progressiveText").arg(build);
    const int polls = fixture.standin.countRequests("GET", path);
    // Let time pass without sleeping: follow a second, finished build to its end.
    const int other = fixture.standin.startBuild(job);
    fixture.standin.appendLog(job, other, "x\n");
    fixture.standin.finishBuild(job, other, "SUCCESS");
    Jenkins::ConsoleFollower *second
            = fixture.client->followConsole(Jenkins::JobPath::fromFullName(job), other);
    QTRY_VERIFY(second->isFinished());
    QVERIFY(fixture.standin.countRequests("GET", path) <= polls + 1); // at most the one in flight
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(tst_ConsoleFollower)
#include "tst_consolefollower.moc"
