// SPDX-License-Identifier: GPL-3.0-or-later
// bench_reports junit|cobertura|tokens FILE: streams a report file through Core::JUnitReader or
// Core::CoberturaReader (Bitten semantics) and prints counts comparable to parse_iter.py;
// "tokens" only runs QXmlStreamReader over the file (the ceiling for both readers).
#include <cstdio>

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamReader>

#include "core/coberturareader.h"
#include "core/junitreader.h"

static int junit(QFile &file)
{
    qint64 cases = 0;
    const auto totals
            = Core::JUnitReader::read(&file, {}, [&](const Core::ReportItem &) { ++cases; });
    if (!totals) {
        std::fprintf(stderr, "%s\n", qPrintable(totals.error().toString()));
        return 2;
    }
    const auto &t = totals.value();
    std::printf("testcases %lld failures %lld errors %lld skipped %lld\n",
                static_cast<long long>(cases), static_cast<long long>(t.failure),
                static_cast<long long>(t.error), static_cast<long long>(t.ignore));
    return 0;
}

static int cobertura(QFile &file)
{
    qint64 lineHitsLength = 0;
    const auto counts = Core::CoberturaReader::read(&file, {}, [&](const Core::ReportItem &item) {
        lineHitsLength += item.value(QStringLiteral("line_hits")).size();
    });
    if (!counts) {
        std::fprintf(stderr, "%s\n", qPrintable(counts.error().toString()));
        return 2;
    }
    const auto &c = counts.value();
    std::printf("classes %lld lines %lld covered %lld (items %lld, line_hits %lld chars)\n",
                static_cast<long long>(c.classes), static_cast<long long>(c.lines),
                static_cast<long long>(c.coveredLines), static_cast<long long>(c.items),
                static_cast<long long>(lineHitsLength));
    return 0;
}

static int tokens(QFile &file)
{
    QXmlStreamReader xml(&file);
    qint64 elements = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            ++elements;
    }
    std::printf("elements %lld%s\n", static_cast<long long>(elements),
                xml.hasError() ? " (error)" : "");
    return xml.hasError() ? 2 : 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QStringList modes{QStringLiteral("junit"), QStringLiteral("cobertura"),
                            QStringLiteral("tokens")};
    if (args.size() != 3 || !modes.contains(args.at(1))) {
        std::fprintf(stderr, "usage: bench_reports junit|cobertura|tokens FILE\n");
        return 2;
    }
    QFile file(args.at(2));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "Could not open %s: %s\n", qPrintable(args.at(2)),
                     qPrintable(file.errorString()));
        return 2;
    }
    if (args.at(1) == QLatin1String("tokens"))
        return tokens(file);
    return args.at(1) == QLatin1String("junit") ? junit(file) : cobertura(file);
}
