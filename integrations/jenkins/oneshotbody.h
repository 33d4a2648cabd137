// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

namespace Jenkins {

/**
 * A request body that can be read once and never rewound. Qt's HTTP layer silently re-sends a
 * request whose connection closed before the answer; for a POST that acts (a trigger, a
 * createItem) that could act twice. Sent unbuffered from this device, such a re-send fails with
 * ContentReSendError instead, and TriggerJob's request-id check decides what to do.
 */
class OneShotBody : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotBody)
public:
    explicit OneShotBody(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace Jenkins
