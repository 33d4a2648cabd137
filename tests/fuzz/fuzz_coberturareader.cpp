// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Core::CoberturaReader, both groupings, must return counts or an error.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/coberturareader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    for (const auto grouping :
         {Core::CoberturaGrouping::Consecutive, Core::CoberturaGrouping::WholeDocument}) {
        Core::CoberturaReader::Options options;
        options.grouping = grouping;
        options.maxLineNumber = 100000;
        options.limits.maxDepth = 32;
        options.limits.maxValueLength = 1 << 16;
        qint64 items = 0;
        const auto counts = Core::CoberturaReader::read(xml, options,
                                                        [&](const Core::ReportItem &) { ++items; });
        if (counts)
            Q_ASSERT(counts.value().items == items);
    }
    return 0;
}
