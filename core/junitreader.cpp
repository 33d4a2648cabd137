// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/junitreader.h"

#include <QBuffer>
#include <QIODevice>

#include "core/boundedxmlreader.h"

namespace Core {

struct JUnitReader::State
{
    BoundedXmlReader &reader;
    const Options &options;
    const ItemSink &sink;
    TestTotals totals;
};

Result<TestTotals> JUnitReader::read(QIODevice *device, const Options &options,
                                     const ItemSink &sink)
{
    Q_ASSERT(device);
    BoundedXmlReader reader(device, options.limits);
    return read(reader, options, sink);
}

Result<TestTotals> JUnitReader::read(const QByteArray &data, const Options &options,
                                     const ItemSink &sink)
{
    BoundedXmlReader reader(data, options.limits);
    return read(reader, options, sink);
}

Result<Report> JUnitReader::readReport(const QByteArray &data, const Options &options)
{
    Report report;
    report.category = QStringLiteral("test");
    const auto totals
            = read(data, options, [&](const ReportItem &item) { report.items.append(item); });
    if (!totals)
        return totals.error();
    return report;
}

Result<TestTotals> JUnitReader::read(BoundedXmlReader &reader, const Options &options,
                                     const ItemSink &sink)
{
    State state{reader, options, sink, {}};
    if (reader.readRootElement()) {
        const QString rootName = reader.attribute(QLatin1String("name"));
        if (reader.xml().name() != QLatin1String("testsuites")) {
            readSuite(state, rootName);
        } else {
            while (reader.readNextChild()) {
                if (reader.xml().name() == QLatin1String("testsuite"))
                    readSuite(state, reader.attribute(QLatin1String("name")));
                else
                    reader.skipCurrentElement();
            }
        }
    }
    reader.readToEnd();
    if (reader.hasError())
        return reader.error();
    return state.totals;
}

void JUnitReader::readSuite(State &state, const QString &suiteName)
{
    BoundedXmlReader &reader = state.reader;
    const bool faithful = state.options.mode == JUnitMode::Faithful;
    while (reader.readNextChild()) {
        const auto name = reader.xml().name();
        if (name == QLatin1String("testcase"))
            readTestCase(state, suiteName);
        else if (faithful && name == QLatin1String("testsuite"))
            readSuite(state, reader.attribute(QLatin1String("name")));
        else
            reader.skipCurrentElement();
    }
}

static QString javaFile(const QString &srcdir, const QString &classname)
{
    // posixpath.join(srcdir, *classname.split('.')) + '.java'
    QString path = srcdir;
    const auto parts = classname.split(QLatin1Char('.'));
    for (const auto &part : parts)
        path = joinPosixPath(path, part);
    return path + QLatin1String(".java");
}

void JUnitReader::readTestCase(State &state, const QString &suiteName)
{
    BoundedXmlReader &reader = state.reader;
    const bool faithful = state.options.mode == JUnitMode::Faithful;
    QString classname = reader.attribute(QLatin1String("classname"));
    const QString name = reader.attribute(QLatin1String("name"));
    const QString time = reader.attribute(QLatin1String("time"));
    if (classname.isNull() && faithful)
        classname = suiteName;
    if (classname.isNull() || name.isNull()) {
        reader.raiseInvalid(
                QStringLiteral("A testcase has no %1 attribute.")
                        .arg(name.isNull() ? QStringLiteral("name") : QStringLiteral("classname")));
        return;
    }
    ReportItem item;
    item.fields.reserve(8);
    item.fields.append({QStringLiteral("type"), QStringLiteral("test")});
    item.fields.append({QStringLiteral("fixture"), classname});
    item.fields.append({QStringLiteral("name"), name});
    if (!time.isNull())
        item.fields.append({QStringLiteral("duration"), time});
    if (!state.options.srcdir.isNull())
        item.fields.append({QStringLiteral("file"), javaFile(state.options.srcdir, classname)});
    if (faithful)
        readFaithfulResult(state, item);
    else
        readBittenResult(state, item);
    if (reader.hasError())
        return;
    addToTotals(state.totals, item);
    state.sink(item);
}

void JUnitReader::readBittenResult(State &state, ReportItem &item)
{
    BoundedXmlReader &reader = state.reader;
    if (!reader.readNextChild()) {
        item.fields.append({QStringLiteral("status"), QStringLiteral("success")});
        return;
    }
    // java:junit takes the first child element, whatever it is, as the result.
    const auto kind = reader.xml().name().toString();
    const QString type = reader.attribute(QLatin1String("type"));
    const QString message = reader.attribute(QLatin1String("message"));
    const QString text = reader.readImmediateText();
    while (reader.readNextChild())
        reader.skipCurrentElement();
    QString status = QStringLiteral("failure");
    if (kind == QLatin1String("skipped"))
        status = QStringLiteral("ignore");
    else if (kind == QLatin1String("error"))
        status = QStringLiteral("error");
    item.fields.append({QStringLiteral("status"), status});
    item.fields.append({QStringLiteral("traceback"), traceback(type, message, text)});
}

static int resultRank(QStringView kind)
{
    if (kind == QLatin1String("error"))
        return 3;
    if (kind == QLatin1String("failure"))
        return 2;
    if (kind == QLatin1String("skipped"))
        return 1;
    return 0;
}

void JUnitReader::readFaithfulResult(State &state, ReportItem &item)
{
    BoundedXmlReader &reader = state.reader;
    int rank = 0;
    QString trace;
    QString out;
    QString err;
    while (reader.readNextChild()) {
        const auto kind = reader.xml().name();
        const int childRank = resultRank(kind);
        if (kind == QLatin1String("system-out")) {
            out += reader.readImmediateText();
        } else if (kind == QLatin1String("system-err")) {
            err += reader.readImmediateText();
        } else if (childRank > rank) {
            rank = childRank;
            const QString type = reader.attribute(QLatin1String("type"));
            const QString message = reader.attribute(QLatin1String("message"));
            trace = traceback(type, message, reader.readImmediateText());
        } else {
            reader.skipCurrentElement();
        }
    }
    static const char *const statuses[] = {"success", "ignore", "failure", "error"};
    item.fields.append({QStringLiteral("status"), QLatin1String(statuses[rank])});
    if (rank > 0)
        item.fields.append({QStringLiteral("traceback"), trace});
    if (!out.isEmpty())
        item.fields.append({QStringLiteral("stdout"), out});
    if (!err.isEmpty())
        item.fields.append({QStringLiteral("stderr"), err});
}

QString JUnitReader::traceback(const QString &type, const QString &message, const QString &text)
{
    if (type.isNull())
        return text;
    const QString prefix = type + QLatin1String(": ") + message;
    if (text.startsWith(prefix))
        return text;
    return prefix + QLatin1Char('\n') + text;
}

} // namespace Core
