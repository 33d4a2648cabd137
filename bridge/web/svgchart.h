// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace Bridge {

/**
 * A line chart as SVG text, like the trend charts on Bitten's configuration page: a title, a
 * legend, a y axis from 0 with five grid lines at a nice step (1, 2, 2.5, 5 × 10^n) and labels, x
 * labels (every n-th when crowded) and one polyline with point markers per series. Pure; every text
 * is escaped with HtmlPage::escape().
 */
class SvgChart
{
public:
    struct Series
    {
        QString name;
        QString color; ///< a CSS colour, e.g. "#1b7a2e"
        QVector<double> values; ///< one per x label
    };

    SvgChart(const QString &title, int width = 560, int height = 260);

    void setXLabels(const QStringList &labels) { m_labels = labels; }
    void addSeries(const Series &series) { m_series.append(series); }
    /// A fixed top of the y axis (e.g. 100 for percentages); 0: from the data.
    void setYMaximum(double maximum) { m_yMaximum = maximum; }
    /// Appended to the y axis labels (e.g. "%").
    void setYUnit(const QString &unit) { m_unit = unit; }

    /// The smallest of 1, 2, 2.5, 5 × 10^n that is ≥ @p value (1 for values ≤ 0).
    static double niceCeiling(double value);
    QString toSvg() const;

private:
    double yTop() const;
    QString axes(double top) const;
    QString legend() const;
    QString polyline(const Series &series, double top) const;
    double xAt(int index) const;
    double yAt(double value, double top) const;

    QString m_title;
    int m_width;
    int m_height;
    QStringList m_labels;
    QVector<Series> m_series;
    double m_yMaximum = 0;
    QString m_unit;
};

} // namespace Bridge
