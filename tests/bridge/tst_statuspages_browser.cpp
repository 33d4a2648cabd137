// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/http/router.h"
#include "bridge/http/server.h"
#include "bridge/web/webfrontend.h"
#include "tests/bridge/webtestseed.h"
#include "tests/testlib/skiptest.h"

using namespace Bridge;

// QSKIP with one argument trips -Wgnu-zero-variadic-macro-arguments in Qt 5.
namespace {

const char chromium[] = "/usr/bin/chromium";
const char setsid[] = "/usr/bin/setsid";
constexpr int chromiumTimeoutMs = 60000;

/// Where screenshots go: the build tree (set by CMake), else the current directory.
QString screenshotDir()
{
    const QString dir = qEnvironmentVariable("BITTERN_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    return dir;
}

/**
 * One headless Chromium run against the in-process server. The event loop keeps running while
 * Chromium works (the server lives in this thread); Chromium is killed on timeout and in the
 * destructor, so it never outlives the test.
 */
class ChromiumRun
{
public:
    explicit ChromiumRun(const QString &profileDir) : m_profileDir(profileDir) { }
    ~ChromiumRun() { stop(); }
    Q_DISABLE_COPY_MOVE(ChromiumRun)

    /// Runs Chromium with @p extra options on @p url; false on timeout or a failed start.
    bool run(const QStringList &extra, const QString &url)
    {
        QStringList args{"--headless",
                         "--no-sandbox",
                         "--disable-gpu",
                         "--disable-quic",
                         "--no-first-run",
                         "--disable-background-networking",
                         "--disable-component-update",
                         "--disable-sync",
                         "--user-data-dir=" + m_profileDir,
                         "--window-size=1200,900"};
        args += extra;
        args += url;
        QSignalSpy finished(&m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished));
        // setsid makes Chromium a process group leader, so stop() ends its helpers too.
        m_process.start(setsid, QStringList{chromium} + args);
        if (!m_process.waitForStarted(10000))
            return false;
        if (!finished.wait(chromiumTimeoutMs)) {
            stop();
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit;
    }
    /// Kills Chromium's whole process group if it still runs.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        const qint64 pid = m_process.processId();
        if (pid > 0)
            ::kill(-pid_t(pid), SIGKILL);
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    QByteArray output() { return m_process.readAllStandardOutput(); }
    QByteArray errors() { return m_process.readAllStandardError(); }

private:
    QString m_profileDir;
    QProcess m_process;
};

} // namespace

class tst_StatusPagesBrowser : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<WebFrontend> m_frontend;
    std::unique_ptr<Server> m_server;
    QTemporaryDir m_profiles;
    int m_runs = 0;

    QString url(const QString &path) const
    {
        return QString("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(path);
    }
    QString profile() { return m_profiles.filePath(QString("profile%1").arg(++m_runs)); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(chromium))
            SKIP_TEST("Chromium is not installed (Debian package chromium).");
        m_store = WebTestSeed::seededStore();
        QVERIFY(m_store);
        m_router = std::make_unique<Router>();
        m_frontend = std::make_unique<WebFrontend>(*m_store, TokenTable(), nullptr);
        m_frontend->mount(*m_router);
        m_server = std::make_unique<Server>(*m_router);
        const Core::Result<void> started = m_server->start(QHostAddress::LocalHost, 0);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
    }
    void cleanupTestCase()
    {
        m_server.reset();
        m_frontend.reset();
        m_router.reset();
        m_store.reset();
    }

    void domShowsTheBuild_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("texts");
        QTest::addRow("build page") << "/build/alpha/2"
                                    << QStringList{"<h1>Build 2 of alpha [2]</h1>",
                                                   "&lt;script&gt;alert(\"x\")&lt;/script&gt;",
                                                   "Log of sh:exec (lines 1–3 of 3)"};
        QTest::addRow("configuration page")
                << "/build/alpha" << QStringList{"<title>Unit tests</title>", "<polyline"};
        QTest::addRow("overview") << "/" << QStringList{"Build status", "/build/alpha"};
    }
    void domShowsTheBuild()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, texts);
        ChromiumRun browser(profile());
        QVERIFY2(browser.run({"--dump-dom"}, url(path)), browser.errors().constData());
        const QString dom = QString::fromUtf8(browser.output());
        for (const QString &text : texts)
            QVERIFY2(dom.contains(text), qPrintable(text + "\n---\n" + dom.left(4000)));
        // The page's hostile strings stayed text: the DOM has no script element.
        QVERIFY(!dom.contains("<script"));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("file");
        QTest::addRow("configuration page with charts") << "/build/alpha"
                                                        << "configuration.png";
        QTest::addRow("build page") << "/build/alpha/2"
                                    << "build.png";
        QTest::addRow("overview") << "/build?show=all"
                                  << "overview.png";
    }
    void screenshots()
    {
        QFETCH(QString, path);
        QFETCH(QString, file);
        const QString png = QDir(screenshotDir()).filePath(file);
        QFile::remove(png);
        ChromiumRun browser(profile());
        QVERIFY2(browser.run({"--screenshot=" + png}, url(path)), browser.errors().constData());
        QVERIFY2(QFile::exists(png), qPrintable(png));
        QVERIFY2(QFileInfo(png).size() > 10000, qPrintable(QString::number(QFileInfo(png).size())));
        // A PNG of the window size (IHDR: width and height, big-endian, at bytes 16 and 20).
        QFile image(png);
        QVERIFY(image.open(QIODevice::ReadOnly));
        const QByteArray head = image.read(24);
        QCOMPARE(head.left(8), QByteArray("\x89PNG\r\n\x1a\n"));
        const auto bigEndian = [&head](int at) {
            return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16)
                    | (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
        };
        QCOMPARE(bigEndian(16), quint32(1200));
        QCOMPARE(bigEndian(20), quint32(900));
    }
};

QTEST_GUILESS_MAIN(tst_StatusPagesBrowser)
#include "tst_statuspages_browser.moc"
