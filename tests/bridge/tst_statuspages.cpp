// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/web/htmlpage.h"
#include "bridge/web/statussite.h"
#include "tests/bridge/webtestseed.h"

using namespace Bridge;

namespace {

Response get(StatusSite &site, const QByteArray &target, const QByteArray &method = "GET")
{
    Request request;
    request.method = method;
    request.target = target;
    return site.handle(request);
}

} // namespace

class tst_StatusPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::addRow("plain") << "abc"
                               << "abc";
        QTest::addRow("script tag") << "<script>"
                                    << "&lt;script&gt;";
        QTest::addRow("quotes and ampersand") << "\"'&"
                                              << "&quot;&#39;&amp;";
        QTest::addRow("already escaped text is escaped again") << "&amp;"
                                                               << "&amp;amp;";
        QTest::addRow("non-ASCII kept") << "Größe ✓"
                                        << "Größe ✓";
    }
    void escape()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(HtmlPage::escape(text), escaped);
    }

    void pages_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("contains");
        QTest::addColumn<QStringList>("lacks");
        const QString script = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
        QTest::addRow("overview lists active configurations")
                << QByteArray("/") << 200
                << QStringList{"<a href=\"/build/alpha\">Alpha " + script + "</a>",
                               "Described &quot;&#39;&amp;",
                               "<span class=\"pending\">Pending"
                               "</span>",
                               "<a href=\"/build/alpha/3\">[2]</a> <span class=\"success\">"}
                << QStringList{"/build/beta"};
        QTest::addRow("overview at /build with show=all includes inactive")
                << QByteArray("/build?show=all") << 200
                << QStringList{"<a href=\"/build/beta\">Beta</a> <span class=\"muted\">(inactive)",
                               "no target platforms"}
                << QStringList{};
        QTest::addRow("configuration page with charts and builds")
                << QByteArray("/build/alpha") << 200
                << QStringList{"<h1>Alpha " + script + "</h1>",
                               "<title>Unit tests</title>",
                               "<title>Test coverage</title>",
                               "<title>Lint problems</title>",
                               "<a href=\"/build/alpha/2\">#2</a>",
                               "linux<span class=\"muted\"> (os ~ ^Linux)</span>",
                               "data-name=\"Passed\""}
                << QStringList{};
        QTest::addRow("build page with steps, errors, logs and reports")
                << QByteArray("/build/alpha/2") << 200
                << QStringList{"<h1>Build 2 of alpha [2]</h1>",
                               "<li>" + script + "</li>",
                               "<span class=\"warning\">&quot;&#39;&amp;</span>",
                               "<span class=\"error\">" + script + "</span>",
                               "Log of sh:exec (lines 1–3 of 3)",
                               "<td>core.Parser</td><td class=\"num\">2</td><td class=\"num\">1"
                               "</td>"}
                << QStringList{};
        QTest::addRow("build page report summaries")
                << QByteArray("/build/alpha/1") << 200
                << QStringList{"<td>net.Client</td><td class=\"num\">2</td><td "
                               "class=\"num\">1</td>",
                               "<td>parser.py</td><td class=\"num\">100</td><td class=\"num\">80%",
                               "<th>Total</th><td class=\"num\">200</td><td class=\"num\">60.0%",
                               "<td>warning</td><td class=\"num\">1</td>",
                               "Operating system</th><td>Linux 6.1 x86_64",
                               "Duration</th><td>1 min 0 s"}
                << QStringList{};
        QTest::addRow("log paging") << QByteArray("/build/alpha/2?log=2&offset=1") << 200
                                    << QStringList{"Log of sh:exec (lines 2–3 of 3)",
                                                   "<a href=\"?log=2&amp;offset=0\">« Earlier "
                                                   "lines</a>"}
                                    << QStringList{"line one"};
        QTest::addRow("unknown configuration")
                << QByteArray("/build/nope") << 404
                << QStringList{"No such configuration &#39;nope&#39;."} << QStringList{};
        QTest::addRow("build of another configuration")
                << QByteArray("/build/beta/1") << 404
                << QStringList{"Configuration beta has no build 1."} << QStringList{};
        QTest::addRow("hostile path is escaped in the error page")
                << QByteArray("/build/a/b/%3Cscript%3E") << 404
                << QStringList{"There is no status page at /build/a/b/&lt;script&gt;."}
                << QStringList{};
    }
    void pages()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QStringList, contains);
        QFETCH(QStringList, lacks);
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        StatusSite site(*store);
        const Response response = get(site, target);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const QString html = QString::fromUtf8(response.body);
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        for (const QString &text : contains)
            QVERIFY2(html.contains(text), qPrintable(text + "\n---\n" + html));
        for (const QString &text : lacks)
            QVERIFY2(!html.contains(text), qPrintable(text));
        // Hostile store values never appear raw, and no page needs JavaScript.
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("\"'&"));
    }

    void readOnly()
    {
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        StatusSite site(*store);
        const Response response = get(site, "/build/alpha", "POST");
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow"), QByteArray("GET, HEAD"));
    }

    void timeAndDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("duration");
        QTest::addRow("unset") << qint64(0) << "—"
                               << "0 s";
        QTest::addRow("seconds") << qint64(45) << "1970-01-01 00:00:45 UTC"
                                 << "45 s";
        QTest::addRow("hours") << qint64(3723) << "1970-01-01 01:02:03 UTC"
                               << "1 h 2 min 3 s";
    }
    void timeAndDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, time);
        QFETCH(QString, duration);
        QCOMPARE(HtmlPage::time(seconds), time);
        QCOMPARE(HtmlPage::duration(seconds), duration);
    }
};

QTEST_GUILESS_MAIN(tst_StatusPages)
#include "tst_statuspages.moc"
