// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Core::ReportXmlReader must return a value or an error, never crash.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/reportxmlreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    Core::ReportReadLimits limits;
    limits.maxDepth = 32;
    limits.maxValueLength = 1 << 16;
    limits.maxTotalLength = 1 << 20;
    const auto report = Core::ReportXmlReader::read(xml, QStringLiteral("fuzz"), limits);
    if (!report)
        Q_ASSERT(!report.error().message.isEmpty());
    return 0;
}
