// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/stepresultexpander.h"

#include <cstring>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "slave-agent/outputbuffer.h"
#include "slave-agent/steplogwriter.h"

namespace Agent {

namespace {

constexpr qint64 blockSize = 1024 * 1024;

/// What a <bittern:messages> element says.
struct Reference
{
    QByteArray file;
    QByteArray level;
    qint64 offset = -1;
    qint64 length = -1;
};

Core::Error expandError(const QString &cause)
{
    return Core::makeError(Core::ErrorCode::ReadFailed,
                           QStringLiteral("Could not expand the step result: %1.").arg(cause));
}

/// The value of @p name in @p element (our own writer's output: name="value", no entities).
QByteArray attribute(const QByteArray &element, const char *name)
{
    const QByteArray key = QByteArray(" ") + name + "=\"";
    const int at = element.indexOf(key);
    if (at < 0)
        return QByteArray();
    const int start = at + key.size();
    const int end = element.indexOf('"', start);
    return end < 0 ? QByteArray() : element.mid(start, end - start);
}

Core::Result<Reference> parseReference(const QByteArray &element)
{
    Reference reference;
    reference.file = attribute(element, "file");
    reference.level = attribute(element, "level");
    bool offsetOk = false;
    bool lengthOk = false;
    reference.offset = attribute(element, "offset").toLongLong(&offsetOk);
    reference.length = attribute(element, "length").toLongLong(&lengthOk);
    if (reference.file.isEmpty() || reference.level.isEmpty() || !offsetOk || !lengthOk
        || reference.offset < 0 || reference.length < 0) {
        return expandError(QStringLiteral("the log reference %1 is incomplete")
                                   .arg(QString::fromUtf8(element)));
    }
    return reference;
}

/// Writes one <message> per line of the referenced range of the log.
Core::Result<void> writeMessages(const Reference &reference, const QDir &directory,
                                 OutputBuffer &out)
{
    QFile log(directory.filePath(QString::fromUtf8(reference.file)));
    if (!log.open(QIODevice::ReadOnly) || !log.seek(reference.offset)) {
        return expandError(QStringLiteral("the step log %1 could not be read: %2")
                                   .arg(log.fileName(), log.errorString()));
    }
    const QByteArray start = QByteArrayLiteral("<message level=\"") + reference.level + "\">";
    const QByteArray end = QByteArrayLiteral("</message>");
    QByteArray cut; // a line split by a block boundary
    for (qint64 left = reference.length; left > 0;) {
        const QByteArray block = log.read(qMin(left, blockSize));
        if (block.isEmpty()) {
            return expandError(QStringLiteral("the step log %1 ends before byte %2")
                                       .arg(log.fileName())
                                       .arg(reference.offset + reference.length));
        }
        left -= block.size();
        const char *at = block.constData();
        const char *blockEnd = at + block.size();
        while (const void *found = std::memchr(at, '\n', size_t(blockEnd - at))) {
            const char *newline = static_cast<const char *>(found);
            out.append(start);
            out.append(cut);
            cut.clear();
            out.append(at, newline - at);
            out.append(end);
            at = newline + 1;
        }
        cut.append(at, int(blockEnd - at));
    }
    if (!cut.isEmpty()) {
        return expandError(
                QStringLiteral("the log reference into %1 ends inside a line").arg(log.fileName()));
    }
    return {};
}

} // namespace

Core::Result<void> StepResultExpander::expand(QIODevice *in, const QString &directory,
                                              QIODevice *out)
{
    const QByteArray marker(StepLogWriter::referenceStart);
    const QDir dir(directory);
    OutputBuffer buffer(out);
    QByteArray pending;
    bool atEnd = false;
    while (!pending.isEmpty() || !atEnd) {
        if (!atEnd) {
            const QByteArray block = in->read(blockSize);
            atEnd = block.isEmpty();
            pending += block;
        }
        const int at = pending.indexOf(marker);
        const int close = at < 0 ? -1 : pending.indexOf("/>", at);
        if (close < 0) {
            if (at >= 0 && atEnd)
                return expandError(QStringLiteral("a log reference is not closed"));
            // Keep what may be the start of a marker or an unfinished reference.
            const int keep = atEnd ? 0 : at >= 0 ? pending.size() - at : marker.size() - 1;
            const int ready = qMax(0, pending.size() - keep);
            buffer.append(pending.constData(), ready);
            pending.remove(0, ready);
            continue;
        }
        buffer.append(pending.constData(), at);
        auto reference = parseReference(pending.mid(at, close - at));
        if (!reference)
            return reference.error();
        if (auto written = writeMessages(reference.value(), dir, buffer); !written)
            return written;
        pending.remove(0, close + 2);
    }
    if (!buffer.flush()) {
        return Core::makeError(Core::ErrorCode::WriteFailed,
                               QStringLiteral("Could not write the expanded step result: %1.")
                                       .arg(out->errorString()));
    }
    return {};
}

Core::Result<void> StepResultExpander::expandFile(const QString &resultFile,
                                                  const QString &outputFile)
{
    QFile in(resultFile);
    if (!in.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not read the step result %1: %2.")
                                       .arg(resultFile, in.errorString()));
    }
    QFile out(outputFile);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return Core::makeError(
                Core::ErrorCode::WriteFailed,
                QStringLiteral("Could not write %1: %2.").arg(outputFile, out.errorString()));
    }
    return expand(&in, QFileInfo(resultFile).absolutePath(), &out);
}

} // namespace Agent
