// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QString>

#include "bridge/http/request.h"

struct http_parser;
struct http_parser_settings;

namespace Bridge {

/// Bounds on one request; crossing one is an error with a 4xx status.
struct RequestLimits
{
    qint64 maxHeaderBytes = 16 * 1024; ///< request line + headers → 431
    int maxHeaderCount = 100; ///< → 431
    qint64 maxBodyBytes = 64 * 1024 * 1024; ///< declared or received → 413
};

/**
 * Incremental HTTP/1.x request parser over Debian's libhttp-parser (nodejs/http-parser).
 * Pure: it sees bytes, never a socket. Feed it whatever arrived; it stops after each complete
 * request so pipelined requests come out one at a time, and reports malformed or oversized
 * input as an error with the HTTP status to answer with.
 */
class RequestParser
{
public:
    enum class State {
        NeedMore, ///< consumed everything; the request is not complete yet
        Complete, ///< a request is ready (takeRequest()); unconsumed bytes belong to the next
        Error, ///< the input is bad: answer errorStatus() and close
    };
    struct Progress
    {
        State state = State::NeedMore;
        qint64 consumed = 0; ///< bytes of the input used
    };

    explicit RequestParser(const RequestLimits &limits = {});
    ~RequestParser();
    Q_DISABLE_COPY_MOVE(RequestParser)

    /// Parses from the start of @p data. After Complete, takeRequest() and parse the rest.
    Progress parse(const char *data, qint64 size);
    Progress parse(const QByteArray &data) { return parse(data.constData(), data.size()); }
    /// The request completed by the last parse(); the parser is ready for the next one.
    Request takeRequest();
    /// True once any byte of the current request was seen (for idle vs. slow detection).
    bool hasPartialRequest() const { return m_started; }
    /// The current request's headers are complete, it sent `Expect: 100-continue` and its
    /// body has not arrived: the connection should answer "100 Continue" (once).
    bool expectsContinue() const { return m_expectsContinue && !m_complete; }
    void setContinueSent() { m_expectsContinue = false; }

    int errorStatus() const { return m_errorStatus; }
    QString errorString() const { return m_errorString; }

    /// Parses exactly one complete request from @p data (tests, fuzzing).
    struct Parsed
    {
        State state = State::NeedMore;
        Request request;
        int errorStatus = 0;
        QString errorString;
        qint64 consumed = 0;
    };
    static Parsed parseOne(const QByteArray &data, const RequestLimits &limits = {});

private:
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static RequestParser *self(http_parser *parser);

    int countHeaderBytes(size_t length);
    void fail(int status, const QString &message);
    void resetParser();

    RequestLimits m_limits;
    std::unique_ptr<http_parser> m_parser;
    std::unique_ptr<http_parser_settings> m_settings;
    Request m_request;
    qint64 m_headerBytes = 0;
    bool m_inValue = false;
    bool m_started = false;
    bool m_complete = false;
    bool m_expectsContinue = false;
    int m_errorStatus = 0;
    QString m_errorString;
};

} // namespace Bridge
