// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the bridge's request path: bytes arrive in fuzzer-chosen pieces at a
// RequestParser (libhttp-parser); every complete request goes through the Bitten URL grammar
// and the multipart parser. Nothing may crash, and every error must carry a 4xx/5xx status.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "bridge/http/requestparser.h"
#include "bridge/protocol/bittenurl.h"
#include "bridge/protocol/multipartparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qint64 piece = 1 + data[0] % 64; // the first byte picks the network read size
    const QByteArray input
            = QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 1, int(size - 1));
    Bridge::RequestLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxBodyBytes = 16384;
    Bridge::RequestParser parser(limits);
    QByteArray buffer;
    for (qint64 offset = 0; offset < input.size(); offset += piece) {
        buffer.append(input.mid(int(offset), int(piece)));
        while (!buffer.isEmpty()) {
            const auto progress = parser.parse(buffer);
            buffer.remove(0, int(progress.consumed));
            if (progress.state == Bridge::RequestParser::State::Error) {
                Q_ASSERT(parser.errorStatus() >= 400 && parser.errorStatus() < 600);
                return 0;
            }
            if (progress.state != Bridge::RequestParser::State::Complete)
                break;
            const Bridge::Request request = parser.takeRequest();
            Q_ASSERT(request.body.size() <= limits.maxBodyBytes);
            (void)Bridge::BittenUrl::parse(request.path());
            (void)Bridge::MultipartParser::parse(request.header("Content-Type"), request.body);
        }
    }
    return 0;
}
