// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Core::StepResultReader must return a value or an error, never crash.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/stepresultreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body
            = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    Core::ReportReadLimits limits;
    limits.maxDepth = 32;
    limits.maxValueLength = 1 << 16;
    limits.maxTotalLength = 1 << 20;
    const auto result = Core::StepResultReader::read(body, limits);
    if (!result)
        Q_ASSERT(!result.error().message.isEmpty());
    return 0;
}
