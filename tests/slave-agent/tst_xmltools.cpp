// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/xmltools.h"
#include "tests/slave-agent/steptesthelper.h"
#include "tests/testlib/fakestepcontext.h"

using TestLib::FakeStepContext;

namespace {

const char stylesheet[]
        = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
          "  <xsl:output method=\"xml\" indent=\"no\"/>\n"
          "  <xsl:template match=\"/\">\n"
          "    <report><xsl:for-each select=\"results/r\">"
          "<test name=\"{@n}\" status=\"{@s}\"/></xsl:for-each></report>\n"
          "  </xsl:template>\n"
          "</xsl:stylesheet>\n";

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

class tst_XmlTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transform_data();
    void transform();
    void missingAttribute_data();
    void missingAttribute();
    void recipeStep();
};

void tst_XmlTools::transform_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("style");
    QTest::addColumn<QString>("dest");
    QTest::addColumn<QByteArray>("expectedOutput");
    QTest::addColumn<QStringList>("expectedErrors");

    const QByteArray source = "<results><r n='a' s='success'/><r n='b' s='failure'/></results>";
    QTest::addRow("transforms relative to basedir")
            << source << QByteArray(stylesheet) << "out/report.xml"
            << QByteArray("<?xml version=\"1.0\"?>\n<report><test name=\"a\" status=\"success\"/>"
                          "<test name=\"b\" status=\"failure\"/></report>")
            << QStringList();
    QTest::addRow("unparsable source is a step error")
            << QByteArray("<results><r></results>") << QByteArray(stylesheet) << "report.xml"
            << QByteArray()
            << QStringList{"Failed to parse XML source data/src.xml: Premature end of data in tag "
                           "results line 1"};
    QTest::addRow("unparsable stylesheet is a step error")
            << source << QByteArray("<xsl:stylesheet") << "report.xml" << QByteArray()
            << QStringList{"Failed to parse XSLT stylesheet style.xsl: Couldn't find end of "
                           "Start Tag stylesheet line 1"};
    QTest::addRow("a document that is not XSLT is a step error")
            << source << QByteArray("<notxslt/>") << "report.xml" << QByteArray()
            << QStringList{"Failed to parse XSLT stylesheet style.xsl: xsltParseStylesheetProcess "
                           ": document is not a stylesheet"};
}

void tst_XmlTools::transform()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, style);
    QFETCH(QString, dest);
    QFETCH(QByteArray, expectedOutput);
    QFETCH(QStringList, expectedErrors);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath("data/src.xml"), source);
    writeFile(dir.filePath("style.xsl"), style);
    QDir().mkpath(dir.filePath("out"));
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(
            Core::CommandId::XmlTransform, "x:transform",
            {{"src", "data/src.xml"}, {"dest", dest}, {"stylesheet", "style.xsl"}});

    const auto result = Agent::XmlTools::transform(context, command);
    QVERIFY(result.hasValue());
    QCOMPARE(context.errors(), expectedErrors);
    if (!expectedOutput.isEmpty()) {
        QFile output(dir.filePath(dest));
        QVERIFY(output.open(QIODevice::ReadOnly));
        QCOMPARE(output.readAll(), expectedOutput);
    } else {
        QVERIFY(!QFile::exists(dir.filePath(dest)));
    }
}

void tst_XmlTools::missingAttribute_data()
{
    QTest::addColumn<QString>("missing");
    QTest::addRow("src") << "src";
    QTest::addRow("dest") << "dest";
    QTest::addRow("stylesheet") << "stylesheet";
}

void tst_XmlTools::missingAttribute()
{
    QFETCH(QString, missing);
    QTemporaryDir dir;
    FakeStepContext context(dir.path());
    QVector<QPair<QString, QString>> attributes{
            {"src", "a.xml"}, {"dest", "b.xml"}, {"stylesheet", "c.xsl"}};
    attributes.erase(std::remove_if(attributes.begin(), attributes.end(),
                                    [&](const auto &pair) { return pair.first == missing; }),
                     attributes.end());
    const auto command
            = FakeStepContext::command(Core::CommandId::XmlTransform, "x:transform", attributes);

    const auto result = Agent::XmlTools::transform(context, command);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().message, QString("Missing required attribute \"%1\".").arg(missing));
    QVERIFY(context.outputs().isEmpty());
}

void tst_XmlTools::recipeStep()
{
    // The whole path: recipe XML, the step runner, the Bitten step result.
    QTemporaryDir dir;
    const QString basedir = dir.filePath("build");
    writeFile(basedir + "/src.xml", "<results><r n='a' s='success'/></results>");
    writeFile(basedir + "/style.xsl", stylesheet);
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='xslt'><x:transform xmlns:x='http://bitten.edgewall.org/tools/xml'"
            " src='src.xml' dest='out.xml' stylesheet='style.xsl'/>"
            "<report category='test' file='out.xml'/></step>",
            basedir);
    QCOMPARE(output.errors, QStringList());
    QCOMPARE(output.result.status, Core::StepResult::Status::Success);
    QCOMPARE(output.result.reports.size(), 1);
    QCOMPARE(output.result.reports.at(0).items.size(), 1);
    QCOMPARE(output.result.reports.at(0).items.at(0).value("status"), QString("success"));
}

QTEST_GUILESS_MAIN(tst_XmlTools)
#include "tst_xmltools.moc"
