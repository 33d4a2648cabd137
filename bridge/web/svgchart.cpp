// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/svgchart.h"

#include <algorithm>
#include <cmath>

#include "bridge/web/htmlpage.h"

namespace Bridge {

namespace {

constexpr double marginLeft = 48;
constexpr double marginRight = 16;
constexpr double marginTop = 40;
constexpr double marginBottom = 36;
constexpr int maxXLabels = 8;

QString coordinate(double value)
{
    return QString::number(value, 'f', 1);
}

QString tickLabel(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

SvgChart::SvgChart(const QString &title, int width, int height)
    : m_title(title), m_width(width), m_height(height)
{ }

double SvgChart::niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

double SvgChart::yTop() const
{
    if (m_yMaximum > 0)
        return m_yMaximum;
    double maximum = 0;
    for (const Series &series : m_series) {
        for (double value : series.values)
            maximum = std::max(maximum, value);
    }
    // Four grid intervals of a nice step: counts up to 4 get whole-number ticks.
    return 4 * niceCeiling(maximum / 4);
}

double SvgChart::xAt(int index) const
{
    const double plotWidth = m_width - marginLeft - marginRight;
    if (m_labels.size() <= 1)
        return marginLeft + plotWidth / 2;
    return marginLeft + plotWidth * index / (m_labels.size() - 1);
}

double SvgChart::yAt(double value, double top) const
{
    const double plotHeight = m_height - marginTop - marginBottom;
    return marginTop + plotHeight * (1.0 - std::clamp(value, 0.0, top) / top);
}

QString SvgChart::axes(double top) const
{
    QString svg;
    const double right = m_width - marginRight;
    for (int i = 0; i <= 4; ++i) {
        const double value = top * i / 4;
        const QString y = coordinate(yAt(value, top));
        svg += QStringLiteral("<line class=\"grid\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" "
                              "stroke=\"#ddd\"/>\n")
                       .arg(coordinate(marginLeft), y, coordinate(right));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" "
                              "dominant-baseline=\"middle\">%3</text>\n")
                       .arg(coordinate(marginLeft - 6), y,
                            HtmlPage::escape(tickLabel(value) + m_unit));
    }
    const QString bottom = coordinate(m_height - marginBottom);
    svg += QStringLiteral("<line class=\"axis\" x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" "
                          "stroke=\"#444\"/>\n<line class=\"axis\" x1=\"%1\" y1=\"%3\" x2=\"%4\" "
                          "y2=\"%3\" stroke=\"#444\"/>\n")
                   .arg(coordinate(marginLeft), coordinate(marginTop), bottom, coordinate(right));
    const int step = (m_labels.size() + maxXLabels - 1) / maxXLabels;
    for (int i = 0; i < m_labels.size(); i += std::max(1, step))
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
                       .arg(coordinate(xAt(i)), coordinate(m_height - marginBottom + 16),
                            HtmlPage::escape(m_labels.at(i)));
    return svg;
}

QString SvgChart::legend() const
{
    QString svg;
    double x = m_width - marginRight;
    for (int i = m_series.size() - 1; i >= 0; --i) {
        const Series &series = m_series.at(i);
        x -= 14 + 7.5 * series.name.size();
        svg += QStringLiteral("<rect x=\"%1\" y=\"22\" width=\"10\" height=\"10\" fill=\"%2\"/>"
                              "<text x=\"%3\" y=\"31\">%4</text>\n")
                       .arg(coordinate(x), HtmlPage::escape(series.color), coordinate(x + 13),
                            HtmlPage::escape(series.name));
    }
    return svg;
}

QString SvgChart::polyline(const Series &series, double top) const
{
    QStringList points;
    QString markers;
    const QString color = HtmlPage::escape(series.color);
    for (int i = 0; i < series.values.size() && i < m_labels.size(); ++i) {
        const QString x = coordinate(xAt(i));
        const QString y = coordinate(yAt(series.values.at(i), top));
        points += x + QLatin1Char(',') + y;
        markers += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"2.5\" fill=\"%3\"/>")
                           .arg(x, y, color);
    }
    return QStringLiteral("<g class=\"series\" data-name=\"%1\"><polyline fill=\"none\" "
                          "stroke=\"%2\" stroke-width=\"2\" points=\"%3\"/>%4</g>\n")
            .arg(HtmlPage::escape(series.name), color, points.join(QLatin1Char(' ')), markers);
}

QString SvgChart::toSvg() const
{
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
                                 "height=\"%2\" viewBox=\"0 0 %1 %2\" role=\"img\" "
                                 "font-family=\"sans-serif\" font-size=\"11\">\n<title>%3</title>\n"
                                 "<text x=\"8\" y=\"16\" font-size=\"14\" "
                                 "font-weight=\"bold\">%3</text>\n")
                          .arg(m_width)
                          .arg(m_height)
                          .arg(HtmlPage::escape(m_title));
    if (m_labels.isEmpty()) {
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#777\">No "
                              "finished builds yet.</text>\n</svg>\n")
                       .arg(m_width / 2)
                       .arg(m_height / 2);
        return svg;
    }
    const double top = yTop();
    svg += axes(top) + legend();
    for (const Series &series : m_series)
        svg += polyline(series, top);
    return svg + QStringLiteral("</svg>\n");
}

} // namespace Bridge
