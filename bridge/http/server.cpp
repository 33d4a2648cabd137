// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/http/server.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include "bridge/http/response.h"
#include "bridge/logging.h"

namespace Bridge {

Server::Server(RequestHandler &handler, const ConnectionSettings &settings, QObject *parent)
    : QTcpServer(parent), m_handler(handler), m_settings(settings)
{ }

Server::~Server()
{
    for (Connection *connection : qAsConst(m_connections)) {
        connection->disconnect(this);
        delete connection;
    }
}

Core::Result<void> Server::setTls(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    if (!QSslSocket::supportsSsl()) {
        return Core::makeError(
                Core::ErrorCode::Unsupported,
                QStringLiteral("TLS is not available: Qt found no OpenSSL library."));
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatePem);
    if (certificates.isEmpty()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The TLS certificate is not a PEM certificate."));
    }
    QSslKey key(keyPem, QSsl::Rsa);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec);
    if (key.isNull()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The TLS key is not a PEM RSA or EC private key."));
    }
    m_certificates = certificates;
    m_key = key;
    return {};
}

Core::Result<void> Server::start(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port)) {
        return Core::makeError(Core::ErrorCode::Network,
                               QStringLiteral("Could not listen on %1:%2: %3.")
                                       .arg(address.toString())
                                       .arg(port)
                                       .arg(errorString()));
    }
    return {};
}

void Server::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (isTls()) {
        auto *ssl = new QSslSocket;
        QSslConfiguration configuration = ssl->sslConfiguration();
        configuration.setLocalCertificateChain(m_certificates);
        configuration.setPrivateKey(m_key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->setSslConfiguration(configuration);
        socket = ssl;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcBridgeHttp, "Could not accept a connection: %s",
                  qUtf8Printable(socket->errorString()));
        delete socket;
        return;
    }
    if (m_connections.size() >= m_settings.maxConnections) {
        qCWarning(lcBridgeHttp, "Refused a connection: %d connections are open.",
                  int(m_connections.size()));
        if (!isTls()) {
            socket->write(Response::text(503, QStringLiteral("The server is busy; try again."))
                                  .serialize(ConnectionPersistence::Close));
            socket->flush();
        }
        // Owned by the server so it cannot outlive it; disconnectFromHost() may finish at once.
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
        return;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
    auto *connection = new Connection(socket, m_handler, m_settings, this);
    m_connections.append(connection);
    connect(connection, &Connection::closed, this,
            [this, connection] { handleConnectionClosed(connection); });
    if (m_shuttingDown)
        connection->drain();
}

void Server::handleConnectionClosed(Connection *connection)
{
    m_connections.removeOne(connection);
    connection->deleteLater();
    if (m_shuttingDown && m_connections.isEmpty())
        QTimer::singleShot(0, this, &Server::shutdownFinished);
}

void Server::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    close();
    if (m_connections.isEmpty()) {
        QTimer::singleShot(0, this, &Server::shutdownFinished);
        return;
    }
    const QVector<Connection *> connections = m_connections;
    for (Connection *connection : connections)
        connection->drain();
}

} // namespace Bridge
