// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/junitreader.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::JUnitReader in Bitten's java:junit mode and in faithful JUnit mode.
class tst_JUnitReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data();
    void samples();
    void read_data();
    void read();
    void errors_data();
    void errors();
    void traceback_data();
    void traceback();
    void entities();
};

static QString dump(const QVector<ReportItem> &items)
{
    QStringList lines;
    for (const auto &item : items) {
        QStringList fields;
        for (const auto &field : item.fields)
            fields << field.first + "=" + field.second;
        lines << fields.join(QStringLiteral(", "));
    }
    return lines.join(QLatin1Char('\n'));
}

static QString totals(const TestTotals &t)
{
    return QStringLiteral("%1 success, %2 failure, %3 error, %4 ignore")
            .arg(t.success)
            .arg(t.failure)
            .arg(t.error)
            .arg(t.ignore);
}

void tst_JUnitReader::samples_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("srcdir");
    QTest::addColumn<QString>("expected");
    QTest::addRow("testsuite root")
            << "input_junit_testsuite.xml" << QString()
            << "type=test, fixture=Vector, name=Static, duration=0, status=success\n"
               "type=test, fixture=Vector, name=Dynamic, duration=0, status=success\n"
               "type=test, fixture=Vector, name=Proxy, duration=0, status=success";
    QTest::addRow("testsuites wrapper, with srcdir")
            << "input_junit_testsuites_wrapper.xml"
            << "src/test"
            << "type=test, fixture=Vector, name=Static, duration=0, file=src/test/Vector.java, "
               "status=success\n"
               "type=test, fixture=Vector, name=Dynamic, duration=0, file=src/test/Vector.java, "
               "status=success\n"
               "type=test, fixture=Vector, name=Proxy, duration=0, file=src/test/Vector.java, "
               "status=success";
}

void tst_JUnitReader::samples()
{
    QFETCH(QString, sample);
    QFETCH(QString, srcdir);
    QFETCH(QString, expected);
    QFile file(TestLib::sharedPath("corpus/samples/" + sample));
    QVERIFY(file.open(QIODevice::ReadOnly));
    JUnitReader::Options options;
    options.srcdir = srcdir;
    QVector<ReportItem> items;
    const auto result
            = JUnitReader::read(&file, options, [&](const ReportItem &item) { items << item; });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(dump(items), expected);
    QCOMPARE(totals(result.value()), QStringLiteral("3 success, 0 failure, 0 error, 0 ignore"));
}

void tst_JUnitReader::read_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<JUnitMode>("mode");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("totals");
    const QByteArray cases
            = "<testsuite name='S'>"
              "<testcase classname='a.b.C' name='fail' time='0.5'>"
              "<failure type='AssertionError' message='1 != 2'>Traceback here</failure></testcase>"
              "<testcase classname='a.b.C' name='err'><error type='E' message='m'>E: "
              "m\nrest</error>"
              "</testcase>"
              "<testcase classname='a.b.C' name='skip'><skipped/></testcase>"
              "<testcase classname='a.b.C' name='out'><system-out>printed</system-out></testcase>"
              "<testcase classname='a.b.C' name='outfail'><system-out>p</system-out>"
              "<failure message='x'>t</failure></testcase>"
              "<testsuite name='inner'><testcase classname='i' name='nested'/></testsuite>"
              "<testcase name='noclass'/>"
              "</testsuite>";
    QTest::addRow("Bitten: first child decides, system-out is a failure, no nested suites")
            << (cases.left(cases.indexOf("<testcase name='noclass'")) + "</testsuite>")
            << JUnitMode::Bitten
            << "type=test, fixture=a.b.C, name=fail, duration=0.5, status=failure, "
               "traceback=AssertionError: 1 != 2\nTraceback here\n"
               "type=test, fixture=a.b.C, name=err, status=error, traceback=E: m\nrest\n"
               "type=test, fixture=a.b.C, name=skip, status=ignore, traceback=\n"
               "type=test, fixture=a.b.C, name=out, status=failure, traceback=printed\n"
               "type=test, fixture=a.b.C, name=outfail, status=failure, traceback=p"
            << "0 success, 3 failure, 1 error, 1 ignore";
    QTest::addRow("Faithful: system-out is output, nested suites, classname from suite")
            << cases << JUnitMode::Faithful
            << "type=test, fixture=a.b.C, name=fail, duration=0.5, status=failure, "
               "traceback=AssertionError: 1 != 2\nTraceback here\n"
               "type=test, fixture=a.b.C, name=err, status=error, traceback=E: m\nrest\n"
               "type=test, fixture=a.b.C, name=skip, status=ignore, traceback=\n"
               "type=test, fixture=a.b.C, name=out, status=success, stdout=printed\n"
               "type=test, fixture=a.b.C, name=outfail, status=failure, traceback=t, stdout=p\n"
               "type=test, fixture=i, name=nested, status=success\n"
               "type=test, fixture=S, name=noclass, status=success"
            << "3 success, 2 failure, 1 error, 1 ignore";
    QTest::addRow("Faithful: error beats failure beats skipped; system-err")
            << QByteArray("<testsuites><testsuite><testcase classname='c' name='n'>"
                          "<skipped message='s'/><failure>f</failure><error>e</error>"
                          "<failure>f2</failure><system-err>err</system-err></testcase>"
                          "</testsuite></testsuites>")
            << JUnitMode::Faithful
            << "type=test, fixture=c, name=n, status=error, traceback=e, stderr=err"
            << "0 success, 0 failure, 1 error, 0 ignore";
    QTest::addRow("Bitten: any root is read as a testsuite; only testcase children")
            << QByteArray("<whatever><properties><property name='a' value='b'/></properties>"
                          "<testcase classname='c' name='n'/><other/></whatever>")
            << JUnitMode::Bitten << "type=test, fixture=c, name=n, status=success"
            << "1 success, 0 failure, 0 error, 0 ignore";
    QTest::addRow("UTF-8, references and empty values in names and durations")
            << QByteArray("<testsuite><testcase classname='c' name='a_long_first_name' "
                          "time='12.345'/><testcase classname='c' name='\xc3\xa9\xe5\x90\x8d' "
                          "time='1'/><testcase classname='c' name='x&amp;y&#233;' time=''/>"
                          "<testcase classname='d' name='' time='0.25'/></testsuite>")
            << JUnitMode::Bitten
            << QString::fromUtf8("type=test, fixture=c, name=a_long_first_name, duration=12.345, "
                                 "status=success\n"
                                 "type=test, fixture=c, name=\xc3\xa9\xe5\x90\x8d, "
                                 "duration=1, status=success\n"
                                 "type=test, fixture=c, name=x&y\xc3\xa9, duration=, "
                                 "status=success\n"
                                 "type=test, fixture=d, name=, duration=0.25, status=success")
            << "4 success, 0 failure, 0 error, 0 ignore";
    QTest::addRow("empty suite") << QByteArray("<testsuites/>") << JUnitMode::Bitten << ""
                                 << "0 success, 0 failure, 0 error, 0 ignore";
}

void tst_JUnitReader::read()
{
    QFETCH(QByteArray, xml);
    QFETCH(JUnitMode, mode);
    QFETCH(QString, expected);
    QFETCH(QString, totals);
    JUnitReader::Options options;
    options.mode = mode;
    QVector<ReportItem> items;
    const auto result
            = JUnitReader::read(xml, options, [&](const ReportItem &item) { items << item; });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(dump(items), expected);
    QCOMPARE(::totals(result.value()), totals);
    // A sink that keeps no item lets the reader reuse its buffers: the same items.
    QStringList lines;
    const auto again = JUnitReader::read(xml, options,
                                         [&](const ReportItem &item) { lines << dump({item}); });
    QVERIFY(again);
    QCOMPARE(lines.join(QLatin1Char('\n')), expected);
}

void tst_JUnitReader::errors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("no classname (Bitten raises)")
            << QByteArray("<testsuite><testcase name='n'/></testsuite>") << ErrorCode::InvalidInput
            << "1:30: A testcase has no classname attribute.";
    QTest::addRow("no name") << QByteArray("<testsuite><testcase classname='c'/></testsuite>")
                             << ErrorCode::InvalidInput
                             << "1:35: A testcase has no name attribute.";
    QTest::addRow("truncated") << QByteArray("<testsuite><testcase classname='c' name='n'>")
                               << ErrorCode::ParseFailed << "1:45: Premature end of document.";
    QTest::addRow("NUL byte") << QByteArray("<testsuite>\0</testsuite>", 24)
                              << ErrorCode::ParseFailed << "1:12: Unexpected NUL character.";
    QTest::addRow("non-UTF-8")
            << QByteArray("<?xml version='1.0' encoding='UTF-8'?>"
                          "<testsuite name='\xc3\x28'/>")
            << ErrorCode::ParseFailed
            << "1:56: Input is not proper UTF-8, indicate encoding ! Bytes: 0xC3 0x28 0x27 0x2F.";
    QByteArray deep = "<testsuites><testsuite><testcase classname='c' name='n'><failure>";
    for (int i = 0; i < 80; ++i)
        deep += "<x>";
    QTest::addRow("deep nesting") << deep << ErrorCode::LimitExceeded
                                  << "1:248: Elements are nested deeper than 64 levels.";
}

void tst_JUnitReader::errors()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    int items = 0;
    const auto result = JUnitReader::read(xml, {}, [&](const ReportItem &) { ++items; });
    QVERIFY(!result);
    QCOMPARE(result.error().toString(), message);
    QCOMPARE(result.error().code, code);
}

void tst_JUnitReader::traceback_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no type: text as is") << QString() << "m"
                                         << "text"
                                         << "text";
    QTest::addRow("type: prefixed") << "T"
                                    << "m"
                                    << "text"
                                    << "T: m\ntext";
    QTest::addRow("already prefixed") << "T"
                                      << "m"
                                      << "T: m at line 3"
                                      << "T: m at line 3";
    QTest::addRow("no message attribute") << "T" << QString() << "x"
                                          << "T: \nx";
}

void tst_JUnitReader::traceback()
{
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(JUnitReader::traceback(type, message, text), expected);
}

void tst_JUnitReader::entities()
{
    // Internal entities expand; external ones are never loaded (no file, no network).
    QTemporaryDir dir;
    QFile secret(dir.filePath("secret.txt"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("SECRET");
    secret.close();
    const QByteArray xml = "<!DOCTYPE testsuite [<!ENTITY in 'inner'><!ENTITY ext SYSTEM '"
            + QUrl::fromLocalFile(secret.fileName()).toEncoded()
            + "'>]><testsuite><testcase classname='&in;' name='n'><failure>&ext;x</failure>"
              "</testcase></testsuite>";
    QVector<ReportItem> items;
    const auto result = JUnitReader::read(xml, {}, [&](const ReportItem &item) { items << item; });
    if (result) {
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).value("fixture"), QStringLiteral("inner"));
        QVERIFY(!items.at(0).value("traceback").contains("SECRET"));
    } else {
        QVERIFY(!result.error().message.contains("SECRET"));
    }
    const QByteArray parameter = "<!DOCTYPE testsuite [<!ENTITY % p SYSTEM '"
            + QUrl::fromLocalFile(secret.fileName()).toEncoded()
            + "'>%p;]><testsuite><testcase classname='c' name='n'/></testsuite>";
    const auto viaParameter
            = JUnitReader::read(parameter, {}, [&](const ReportItem &item) { items << item; });
    if (!viaParameter)
        QVERIFY(!viaParameter.error().message.contains("SECRET"));
    QByteArray laughs = "<!DOCTYPE t [<!ENTITY a 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'>";
    QByteArray previous = "a";
    for (char name = 'b'; name <= 'k'; ++name) {
        laughs += QByteArray("<!ENTITY ") + name + " '"
                + QByteArray("&" + previous + ";").repeated(10) + "'>";
        previous = QByteArray(1, name);
    }
    laughs += "]><testsuite><testcase classname='c' name='n'><failure>&k;</failure></testcase>"
              "</testsuite>";
    const auto bomb = JUnitReader::read(laughs, {}, [](const ReportItem &) {});
    QVERIFY(!bomb);
    QCOMPARE(bomb.error().code, ErrorCode::ParseFailed);
}

QTEST_GUILESS_MAIN(tst_JUnitReader)
#include "tst_junitreader.moc"
