// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report.h"

namespace Core {

QString ReportItem::value(const QString &name, const QString &fallback) const
{
    for (const auto &field : fields) {
        if (field.first == name)
            return field.second;
    }
    return fallback;
}

bool ReportItem::has(const QString &name) const
{
    for (const auto &field : fields) {
        if (field.first == name)
            return true;
    }
    return false;
}

void ReportItem::set(const QString &name, const QString &value)
{
    for (auto &field : fields) {
        if (field.first == name) {
            field.second = value;
            return;
        }
    }
    fields.append(qMakePair(name, value));
}

ReportItem ReportItem::of(std::initializer_list<QPair<QString, QString>> fields)
{
    ReportItem item;
    for (const auto &field : fields)
        item.set(field.first, field.second);
    return item;
}

void addToTotals(TestTotals &totals, const ReportItem &item)
{
    // Bitten's test summarizer joins on the fixture field: items without one are not counted.
    if (!item.has(QStringLiteral("fixture")))
        return;
    const QString status = item.value(QStringLiteral("status"));
    if (status == QLatin1String("success"))
        ++totals.success;
    else if (status == QLatin1String("failure"))
        ++totals.failure;
    else if (status == QLatin1String("error"))
        ++totals.error;
    else if (status == QLatin1String("ignore"))
        ++totals.ignore;
    else
        ++totals.other;
}

TestTotals testTotals(const Report &report)
{
    TestTotals totals;
    for (const auto &item : report.items)
        addToTotals(totals, item);
    return totals;
}

CoverageTotals coverageTotals(const Report &report)
{
    // Bitten's coverage summarizer: int(lines) and float(percentage); items where either is
    // missing or not a number, or with no lines, do not count.
    CoverageTotals totals;
    for (const auto &item : report.items) {
        bool linesOk = false;
        bool percentageOk = false;
        const qint64 lines = item.value(QStringLiteral("lines")).trimmed().toLongLong(&linesOk);
        const double percentage
                = item.value(QStringLiteral("percentage")).trimmed().toDouble(&percentageOk);
        if (!linesOk || !percentageOk || lines == 0)
            continue;
        totals.lines += lines;
        totals.coveredLines += percentage * double(lines) / 100.0;
        ++totals.files;
    }
    return totals;
}

LintTotals lintTotals(const Report &report)
{
    LintTotals totals;
    for (const auto &item : report.items) {
        const QString category = item.value(QStringLiteral("category"));
        if (category == QLatin1String("convention"))
            ++totals.convention;
        else if (category == QLatin1String("refactor"))
            ++totals.refactor;
        else if (category == QLatin1String("warning"))
            ++totals.warning;
        else if (category == QLatin1String("error"))
            ++totals.error;
        else
            ++totals.other;
    }
    return totals;
}

static bool isDeletedCharacter(char16_t c)
{
    if (c == 0 || c == 0xFFFE || c == 0xFFFF)
        return true;
    if (c < 0x20)
        return c != 0x09 && c != 0x0A && c != 0x0D;
    return c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85);
}

QString stripControlCharacters(const QString &text)
{
    const int size = text.size();
    const QChar *data = text.constData();
    int i = 0;
    while (i < size && !isDeletedCharacter(data[i].unicode()) && !data[i].isSurrogate())
        ++i;
    if (i == size)
        return text;
    QString result;
    result.reserve(size);
    result.append(data, i);
    for (; i < size; ++i) {
        const QChar c = data[i];
        if (c.isHighSurrogate() && i + 1 < size && data[i + 1].isLowSurrogate()) {
            result.append(c);
            result.append(data[++i]);
        } else if (!c.isSurrogate() && !isDeletedCharacter(c.unicode())) {
            result.append(c);
        }
    }
    return result;
}

QString joinPosixPath(const QString &base, const QString &path)
{
    if (path.startsWith(QLatin1Char('/')) || base.isEmpty())
        return path;
    if (base.endsWith(QLatin1Char('/')))
        return base + path;
    return base + QLatin1Char('/') + path;
}

QString defaultItemElement(const QString &category)
{
    if (category == QLatin1String("lint"))
        return QStringLiteral("problem");
    if (category == QLatin1String("coverage"))
        return QStringLiteral("coverage");
    if (category == QLatin1String("test"))
        return QStringLiteral("test");
    return QString();
}

} // namespace Core
