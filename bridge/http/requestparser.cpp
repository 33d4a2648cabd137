// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/http/requestparser.h"

#include <http_parser.h>

namespace Bridge {

// libhttp-parser calls back with the parser; its data member points at the RequestParser.
// A callback returning non-zero stops the parse with HPE_CB_<name>; fail() has then recorded
// the status and message to answer with.

RequestParser::RequestParser(const RequestLimits &limits)
    : m_limits(limits),
      m_parser(std::make_unique<http_parser>()),
      m_settings(std::make_unique<http_parser_settings>())
{
    http_parser_settings_init(m_settings.get());
    m_settings->on_message_begin = &RequestParser::onMessageBegin;
    m_settings->on_url = &RequestParser::onUrl;
    m_settings->on_header_field = &RequestParser::onHeaderField;
    m_settings->on_header_value = &RequestParser::onHeaderValue;
    m_settings->on_headers_complete = &RequestParser::onHeadersComplete;
    m_settings->on_body = &RequestParser::onBody;
    m_settings->on_message_complete = &RequestParser::onMessageComplete;
    resetParser();
}

RequestParser::~RequestParser() = default;

void RequestParser::resetParser()
{
    http_parser_init(m_parser.get(), HTTP_REQUEST);
    m_parser->data = this;
}

RequestParser *RequestParser::self(http_parser *parser)
{
    return static_cast<RequestParser *>(parser->data);
}

RequestParser::Progress RequestParser::parse(const char *data, qint64 size)
{
    if (m_errorStatus != 0)
        return {State::Error, 0};
    if (size <= 0)
        return {m_complete ? State::Complete : State::NeedMore, 0};
    const qint64 consumed
            = qint64(http_parser_execute(m_parser.get(), m_settings.get(), data, size_t(size)));
    const auto error = http_errno(m_parser->http_errno);
    if (m_complete) {
        if (error == HPE_PAUSED)
            http_parser_pause(m_parser.get(), 0);
        return {State::Complete, consumed};
    }
    if (m_errorStatus != 0)
        return {State::Error, consumed};
    if (error == HPE_HEADER_OVERFLOW) {
        fail(431,
             QStringLiteral("The request headers are larger than the limit of %1 bytes.")
                     .arg(m_limits.maxHeaderBytes));
        return {State::Error, consumed};
    }
    if (error != HPE_OK) {
        fail(400,
             QStringLiteral("Malformed HTTP request: %1.")
                     .arg(QString::fromLatin1(http_errno_description(error))));
        return {State::Error, consumed};
    }
    return {State::NeedMore, consumed};
}

Request RequestParser::takeRequest()
{
    Q_ASSERT(m_complete);
    Request request = std::move(m_request);
    m_request = Request();
    m_complete = false;
    m_started = false;
    m_expectsContinue = false;
    if (m_parser->upgrade != 0)
        resetParser(); // the library stops at an upgrade; start afresh for the next request
    return request;
}

void RequestParser::fail(int status, const QString &message)
{
    if (m_errorStatus == 0) {
        m_errorStatus = status;
        m_errorString = message;
    }
}

int RequestParser::countHeaderBytes(size_t length)
{
    m_headerBytes += qint64(length);
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        fail(431,
             QStringLiteral("The request headers are larger than the limit of %1 bytes.")
                     .arg(m_limits.maxHeaderBytes));
        return 1;
    }
    return 0;
}

int RequestParser::onMessageBegin(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_started = true;
    p->m_expectsContinue = false;
    p->m_request = Request();
    p->m_headerBytes = 0;
    p->m_inValue = false;
    return 0;
}

int RequestParser::onUrl(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    p->m_request.target.append(at, int(length));
    return p->countHeaderBytes(length);
}

int RequestParser::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (p->m_inValue || p->m_request.headers.isEmpty()) {
        if (p->m_request.headers.size() >= p->m_limits.maxHeaderCount) {
            p->fail(431,
                    QStringLiteral("The request has more than %1 header fields.")
                            .arg(p->m_limits.maxHeaderCount));
            return 1;
        }
        p->m_request.headers.append(QPair<QByteArray, QByteArray>());
        p->m_inValue = false;
    }
    p->m_request.headers.last().first.append(at, int(length));
    return p->countHeaderBytes(length);
}

int RequestParser::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    p->m_inValue = true;
    if (!p->m_request.headers.isEmpty())
        p->m_request.headers.last().second.append(at, int(length));
    return p->countHeaderBytes(length);
}

int RequestParser::onHeadersComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_request.method = http_method_str(http_method(parser->method));
    p->m_request.httpMajor = parser->http_major;
    p->m_request.httpMinor = parser->http_minor;
    if (parser->http_major != 1) {
        p->fail(505,
                QStringLiteral("HTTP version %1.%2 is not supported.")
                        .arg(parser->http_major)
                        .arg(parser->http_minor));
        return -1; // -1 is "error" for this callback (1 would mean "no body")
    }
    p->m_expectsContinue = p->m_request.header("Expect").toLower() == "100-continue";
    const bool hasLength = (parser->flags & F_CONTENTLENGTH) != 0;
    if (hasLength && parser->content_length > quint64(p->m_limits.maxBodyBytes)) {
        p->fail(413,
                QStringLiteral("The request body is larger than the limit of %1 bytes.")
                        .arg(p->m_limits.maxBodyBytes));
        return -1;
    }
    return 0;
}

int RequestParser::onBody(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (p->m_request.body.size() + qint64(length) > p->m_limits.maxBodyBytes) {
        p->fail(413,
                QStringLiteral("The request body is larger than the limit of %1 bytes.")
                        .arg(p->m_limits.maxBodyBytes));
        return 1;
    }
    p->m_request.body.append(at, int(length));
    return 0;
}

int RequestParser::onMessageComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_request.keepAlive = http_should_keep_alive(parser) != 0;
    p->m_complete = true;
    http_parser_pause(parser, 1); // stop here: the next pipelined request waits its turn
    return 0;
}

RequestParser::Parsed RequestParser::parseOne(const QByteArray &data, const RequestLimits &limits)
{
    RequestParser parser(limits);
    Parsed parsed;
    const Progress progress = parser.parse(data);
    parsed.state = progress.state;
    parsed.consumed = progress.consumed;
    if (progress.state == State::Complete)
        parsed.request = parser.takeRequest();
    parsed.errorStatus = parser.errorStatus();
    parsed.errorString = parser.errorString();
    return parsed;
}

} // namespace Bridge
