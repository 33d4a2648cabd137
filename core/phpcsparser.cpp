// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/phpcsparser.h"

#include "core/toolsupport.h"

namespace Core {

namespace {

QString fileOf(const QString &line, const QString &basedir)
{
    QString file = line.mid(line.indexOf(QLatin1Char(':')) + 1).trimmed();
    if (file.startsWith(QLatin1Char('/')) && file.startsWith(basedir))
        file = file.mid(basedir.size() + 1);
    return file.replace(QLatin1Char('\\'), QLatin1Char('/'));
}

// One "LINE | TYPE | message" row; an error mirrors the exception Bitten catches.
Result<ReportItem> problem(const QStringList &parts, const std::optional<QString> &file)
{
    const std::optional<qint64> line = ToolSupport::toInt(parts.at(0));
    if (!line) // Python's ValueError text
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("invalid literal for int() with base 10: '%1'")
                                 .arg(parts.at(0).trimmed()));
    const QString level = parts.at(1).trimmed();
    if (level != QLatin1String("WARNING") && level != QLatin1String("ERROR")) // KeyError text
        return makeError(ErrorCode::InvalidInput, QStringLiteral("'%1'").arg(level));
    const QString type = level.toLower();
    ReportItem item = ToolSupport::item(QStringLiteral("problem"));
    item.set(QStringLiteral("category"), type);
    item.set(QStringLiteral("type"), type);
    item.set(QStringLiteral("tag"), type);
    item.set(QStringLiteral("line"), QString::number(*line));
    if (file) // rows before any FILE: header have no file attribute
        item.set(QStringLiteral("file"), *file);
    item.set(QStringLiteral("msg"), parts.at(2).trimmed());
    return item;
}

} // namespace

Result<ToolReport> PhpCsParser::parse(const Result<QByteArray> &input, const QString &basedir)
{
    ToolReport out;
    if (!input) {
        out.localWarnings.append(
                QStringLiteral("Error opening phpcs report file (%1)").arg(input.error().message));
        return out;
    }
    const QString base = ToolSupport::normPath(basedir);
    std::optional<QString> file;
    out.report.category = QStringLiteral("lint");
    const QStringList lines = ToolSupport::lines(input.value());
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('-'))
            || line.startsWith(QLatin1String("FOUND")))
            continue;
        if (line.startsWith(QLatin1String("FILE:"))) {
            file = fileOf(line, base);
            continue;
        }
        const QStringList parts = line.split(QLatin1Char('|'));
        if (parts.size() != 3 || parts.at(0).isEmpty())
            continue;
        Result<ReportItem> item = problem(parts, file);
        if (!item) {
            out = ToolReport();
            out.localWarnings.append(QStringLiteral("Error parsing phpcs report file (%1)")
                                             .arg(item.error().message));
            return out;
        }
        out.report.items.append(std::move(item).value());
    }
    out.hasReport = true;
    return out;
}

} // namespace Core
