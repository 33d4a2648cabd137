// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/toolsupport.h"

#include <cmath>

#include <QVector>

namespace Core {

QString ToolSupport::testsFailed(qint64 failed, qint64 total)
{
    return QStringLiteral("%1 of %2 test%3 failed")
            .arg(failed)
            .arg(total)
            .arg(total != 1 ? QStringLiteral("s") : QString());
}

QString ToolSupport::joinPath(const QStringList &parts)
{
    QString path;
    for (int i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (i == 0 || part.startsWith(QLatin1Char('/')))
            path = part;
        else if (path.isEmpty() || path.endsWith(QLatin1Char('/')))
            path += part;
        else
            path += QLatin1Char('/') + part;
    }
    return path;
}

QString ToolSupport::normPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool absolute = path.startsWith(QLatin1Char('/'));
    // POSIX keeps exactly two leading slashes; three or more collapse to one.
    const bool doubleSlash = absolute && path.startsWith(QLatin1String("//"))
            && !path.startsWith(QLatin1String("///"));
    QStringList out;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String("."))
            continue;
        if (part != QLatin1String("..") || (!absolute && out.isEmpty())
            || (!out.isEmpty() && out.last() == QLatin1String(".."))) {
            out.append(part);
        } else if (!out.isEmpty()) {
            out.removeLast();
        }
    }
    QString result = out.join(QLatin1Char('/'));
    if (absolute)
        result.prepend(doubleSlash ? QStringLiteral("//") : QStringLiteral("/"));
    return result.isEmpty() ? QStringLiteral(".") : result;
}

static int extensionStart(const QString &path)
{
    const int nameStart = path.lastIndexOf(QLatin1Char('/')) + 1;
    const int dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot < nameStart)
        return -1;
    for (int i = nameStart; i < dot; ++i) {
        if (path.at(i) != QLatin1Char('.'))
            return dot;
    }
    return -1;
}

QString ToolSupport::extension(const QString &path)
{
    const int start = extensionStart(path);
    return start < 0 ? QString() : path.mid(start);
}

QString ToolSupport::withoutExtension(const QString &path)
{
    const int start = extensionStart(path);
    return start < 0 ? path : path.left(start);
}

QString ToolSupport::resolve(const QString &basedir, const QString &path)
{
    return normPath(joinPath({basedir, path}));
}

QString ToolSupport::stripBasedir(const QString &path, const QString &basedir)
{
    if (path.startsWith(basedir))
        return path.mid(basedir.size() + 1);
    return path;
}

QString ToolSupport::filesetMember(const QString &basedir, const QString &path,
                                   const QStringList &fileset)
{
    const QString absolute = resolve(basedir, path); // realpath without following symlinks
    if (!absolute.startsWith(basedir))
        return QString();
    const QString relative = absolute.mid(basedir.size() + 1);
    return fileset.contains(relative) ? relative : QString();
}

QStringList ToolSupport::pythonFiles(const QStringList &fileset)
{
    QStringList files;
    for (const QString &file : fileset) {
        if (extension(file) == QLatin1String(".py"))
            files.append(file);
    }
    return files;
}

std::optional<qint64> ToolSupport::toInt(const QString &text)
{
    const QString trimmed = text.trimmed();
    int start = 0;
    if (trimmed.startsWith(QLatin1Char('+')) || trimmed.startsWith(QLatin1Char('-')))
        start = 1;
    if (trimmed.size() == start)
        return std::nullopt;
    for (int i = start; i < trimmed.size(); ++i) {
        if (trimmed.at(i) < QLatin1Char('0') || trimmed.at(i) > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok)
        return std::nullopt; // beyond 64 bits: Python would cope, we treat it as invalid
    return value;
}

QString ToolSupport::digitsString(const QString &digits)
{
    int start = 0;
    while (start < digits.size() - 1 && digits.at(start) == QLatin1Char('0'))
        ++start;
    return digits.mid(start);
}

QString ToolSupport::floatString(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    QString text = QString::number(value, 'g', 12);
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QLatin1String(".0");
    return text;
}

QStringList ToolSupport::lines(const QByteArray &data)
{
    // Not fromUtf8(QByteArray): in Qt 5 that stops at the first NUL byte.
    const QString text = QString::fromUtf8(data.constData(), data.size());
    QStringList out;
    int start = 0;
    while (start < text.size()) {
        const int end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            out.append(text.mid(start));
            break;
        }
        out.append(text.mid(start, end - start + 1));
        start = end + 1;
    }
    return out;
}

QString ToolSupport::chopNewline(const QString &line)
{
    return line.endsWith(QLatin1Char('\n')) ? line.left(line.size() - 1) : line;
}

ReportItem ToolSupport::item(const QString &elementName)
{
    ReportItem item;
    item.set(QStringLiteral("type"), elementName);
    return item;
}

LogMessage ToolSupport::message(const QString &level, const QString &text)
{
    return LogMessage{level, text};
}

Error ToolSupport::internalError(const QString &message)
{
    return Error{ErrorCode::InvalidInput, message, 0, 0};
}

ToolReport ToolSupport::warningOnly(const QString &text)
{
    ToolReport out;
    out.hasLog = true;
    out.log.append(message(QStringLiteral("warning"), text));
    return out;
}

} // namespace Core
