// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/http/connection.h"

#include <QSslSocket>
#include <QTcpSocket>

#include "bridge/http/requesthandler.h"
#include "bridge/logging.h"

namespace Bridge {

Connection::Connection(QTcpSocket *socket, RequestHandler &handler,
                       const ConnectionSettings &settings, QObject *parent)
    : QObject(parent),
      m_socket(socket),
      m_handler(handler),
      m_settings(settings),
      m_parser(settings.limits),
      m_secure(qobject_cast<QSslSocket *>(socket) != nullptr)
{
    m_socket->setParent(this);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_settings.idleTimeoutMs);
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_settings.requestTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &Connection::handleIdleTimeout);
    connect(&m_requestTimer, &QTimer::timeout, this, &Connection::handleRequestTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::handleReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::handleBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::handleDisconnected);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &Connection::handleBytesWritten);
        connect(ssl, qOverload<const QList<QSslError> &>(&QSslSocket::sslErrors), this,
                [](const QList<QSslError> &errors) {
                    for (const QSslError &error : errors)
                        qCWarning(lcBridgeHttp, "TLS error: %s",
                                  qUtf8Printable(error.errorString()));
                });
    }
    m_idleTimer.start();
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &Connection::handleReadyRead);
}

Connection::~Connection() = default;

void Connection::drain()
{
    m_draining = true;
    if (!m_parser.hasPartialRequest() && m_buffer.isEmpty())
        closeWhenWritten();
}

void Connection::handleReadyRead()
{
    if (m_closing) {
        m_socket->readAll(); // discard: we are closing
        return;
    }
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void Connection::processBuffer()
{
    while (!m_buffer.isEmpty() && !m_closing) {
        const RequestParser::Progress progress = m_parser.parse(m_buffer);
        m_buffer.remove(0, int(progress.consumed));
        if (progress.state == RequestParser::State::Complete) {
            respond(m_parser.takeRequest());
        } else if (progress.state == RequestParser::State::Error) {
            qCInfo(lcBridgeHttp, "Bad request from %s: %s",
                   qUtf8Printable(m_socket->peerAddress().toString()),
                   qUtf8Printable(m_parser.errorString()));
            sendErrorAndClose(m_parser.errorStatus(), m_parser.errorString());
        } else {
            break;
        }
    }
    if (!m_closing && m_parser.expectsContinue()) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_parser.setContinueSent();
    }
    updateTimers();
}

void Connection::respond(const Request &parsed)
{
    Request request = parsed;
    request.peerAddress = m_socket->peerAddress();
    request.secure = m_secure;
    const Response response = m_handler.handle(request);
    const bool keepAlive = request.keepAlive && !m_draining;
    m_socket->write(response.serialize(keepAlive ? ConnectionPersistence::KeepAlive
                                                 : ConnectionPersistence::Close,
                                       request.method, request.httpMinor));
    if (!keepAlive)
        closeWhenWritten();
}

void Connection::sendErrorAndClose(int status, const QString &message)
{
    m_socket->write(Response::text(status, message).serialize(ConnectionPersistence::Close));
    closeWhenWritten();
}

void Connection::closeWhenWritten()
{
    m_closing = true;
    m_idleTimer.stop();
    m_requestTimer.stop();
    m_buffer.clear();
    if (m_socket->bytesToWrite() == 0)
        m_socket->disconnectFromHost();
    // else handleBytesWritten() disconnects once everything is out
}

void Connection::handleBytesWritten()
{
    if (m_closing && m_socket->bytesToWrite() == 0)
        m_socket->disconnectFromHost();
}

void Connection::updateTimers()
{
    if (m_closing)
        return;
    if (m_parser.hasPartialRequest()) {
        m_idleTimer.stop();
        if (!m_requestTimer.isActive())
            m_requestTimer.start();
    } else {
        m_requestTimer.stop();
        m_idleTimer.start();
        if (m_draining)
            closeWhenWritten();
    }
}

void Connection::handleIdleTimeout()
{
    closeWhenWritten();
}

void Connection::handleRequestTimeout()
{
    qCInfo(lcBridgeHttp, "A request from %s timed out.",
           qUtf8Printable(m_socket->peerAddress().toString()));
    sendErrorAndClose(408,
                      QStringLiteral("The request was not completed within %1 ms.")
                              .arg(m_settings.requestTimeoutMs));
}

void Connection::handleDisconnected()
{
    m_closing = true;
    m_idleTimer.stop();
    m_requestTimer.stop();
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        Q_EMIT closed();
    }
}

} // namespace Bridge
