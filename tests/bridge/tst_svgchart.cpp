// SPDX-License-Identifier: GPL-3.0-or-later
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include "bridge/web/svgchart.h"

using namespace Bridge;

namespace {

/// Whether @p svg is well-formed XML; the reader's error otherwise.
QString xmlError(const QString &svg)
{
    QXmlStreamReader reader(svg);
    while (!reader.atEnd())
        reader.readNext();
    return reader.hasError() ? reader.errorString() : QString();
}

} // namespace

class tst_SvgChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceCeiling_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("ceiling");
        QTest::addRow("zero") << 0.0 << 1.0;
        QTest::addRow("negative") << -3.0 << 1.0;
        QTest::addRow("exact power of ten") << 10.0 << 10.0;
        QTest::addRow("just above a power") << 11.0 << 20.0;
        QTest::addRow("two and a half") << 23.0 << 25.0;
        QTest::addRow("five") << 42.0 << 50.0;
        QTest::addRow("up to the next power") << 51.0 << 100.0;
        QTest::addRow("fractions") << 0.3 << 0.5;
    }
    void niceCeiling()
    {
        QFETCH(double, value);
        QFETCH(double, ceiling);
        QCOMPARE(SvgChart::niceCeiling(value), ceiling);
    }

    void drawsPolylinesAtExactPoints()
    {
        // 200×140 with margins 48/16/40/36: plot x 48…184, y 40…104.
        SvgChart chart("Tests", 200, 140);
        chart.setXLabels({"[1]", "[2]", "[3]"});
        chart.addSeries({"Passed", "#00ff00", {0, 5, 10}});
        const QString svg = chart.toSvg();
        QVERIFY2(svg.contains("points=\"48.0,104.0 116.0,72.0 184.0,40.0\""), qPrintable(svg));
        QVERIFY(svg.contains("<circle cx=\"116.0\" cy=\"72.0\" r=\"2.5\" fill=\"#00ff00\"/>"));
        QVERIFY(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" "
                               "height=\"140\""));
        QCOMPARE(xmlError(svg), QString());
    }

    void labelsTheAxes_data()
    {
        QTest::addColumn<double>("maximum");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QStringList>("labels");
        QTest::addRow("from the data")
                << 0.0 << QString() << QStringList{">0<", ">2<", ">4<", ">6<", ">8<"};
        QTest::addRow("fixed percentage")
                << 100.0 << QString("%") << QStringList{">0%<", ">25%<", ">50%<", ">100%<"};
    }
    void labelsTheAxes()
    {
        QFETCH(double, maximum);
        QFETCH(QString, unit);
        QFETCH(QStringList, labels);
        SvgChart chart("Chart");
        chart.setXLabels({"a", "b"});
        chart.setYMaximum(maximum);
        chart.setYUnit(unit);
        chart.addSeries({"S", "#000", {3, 7.5}});
        const QString svg = chart.toSvg();
        for (const QString &label : labels)
            QVERIFY2(svg.contains(label), qPrintable(label));
        QCOMPARE(svg.count("class=\"grid\""), 5);
        QCOMPARE(svg.count("class=\"axis\""), 2);
    }

    void thinsCrowdedXLabels_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("shown");
        QTest::addRow("one label") << 1 << 1;
        QTest::addRow("eight labels all shown") << 8 << 8;
        QTest::addRow("nine labels every second") << 9 << 5;
        QTest::addRow("forty labels every fifth") << 40 << 8;
    }
    void thinsCrowdedXLabels()
    {
        QFETCH(int, count);
        QFETCH(int, shown);
        SvgChart chart("Chart");
        QStringList labels;
        QVector<double> values;
        for (int i = 0; i < count; ++i) {
            labels += QString("x%1y").arg(i);
            values += i;
        }
        chart.setXLabels(labels);
        chart.addSeries({"S", "#000", values});
        const QString svg = chart.toSvg();
        QCOMPARE(svg.count(QRegularExpression(">x[0-9]+y<")), shown);
        QCOMPARE(svg.count("<circle"), count);
    }

    void escapesEveryText()
    {
        SvgChart chart("<script>alert(1)</script>");
        chart.setXLabels({"\"'&<>"});
        chart.addSeries({"<b>name</b>", "red\"onload=\"x", {1}});
        const QString svg = chart.toSvg();
        QVERIFY(!svg.contains("<script>"));
        QVERIFY(!svg.contains("<b>"));
        QVERIFY(!svg.contains("red\"onload"));
        QVERIFY(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        QVERIFY(svg.contains("&quot;&#39;&amp;&lt;&gt;"));
        QCOMPARE(xmlError(svg), QString());
    }

    void saysWhenThereIsNoData()
    {
        SvgChart chart("Empty");
        chart.addSeries({"S", "#000", {}});
        const QString svg = chart.toSvg();
        QVERIFY(svg.contains("No finished builds yet."));
        QVERIFY(!svg.contains("<polyline"));
        QCOMPARE(xmlError(svg), QString());
    }

    void clampsValuesAboveAFixedMaximum()
    {
        SvgChart chart("Coverage", 200, 140);
        chart.setXLabels({"a"});
        chart.setYMaximum(100);
        chart.addSeries({"S", "#000", {150}});
        QVERIFY(chart.toSvg().contains("points=\"116.0,40.0\""));
    }
};

QTEST_GUILESS_MAIN(tst_SvgChart)
#include "tst_svgchart.moc"
