// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Core::JUnitReader, both modes, must return totals or an error.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/junitreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    for (const auto mode : {Core::JUnitMode::Bitten, Core::JUnitMode::Faithful}) {
        Core::JUnitReader::Options options;
        options.mode = mode;
        options.srcdir = QStringLiteral("src");
        options.limits.maxDepth = 32;
        options.limits.maxValueLength = 1 << 16;
        qint64 items = 0;
        const auto totals
                = Core::JUnitReader::read(xml, options, [&](const Core::ReportItem &) { ++items; });
        if (totals)
            Q_ASSERT(totals.value().total() == items);
    }
    return 0;
}
