// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHostAddress>
#include <QString>

namespace Bridge {

/**
 * Where `bittern serve` listens: `HOST:PORT` with an IP address (`[::1]:8080` for IPv6,
 * `localhost` meaning 127.0.0.1), as given by `--listen` or the INI file's `listen` option.
 */
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    /// The address of @p text, or nothing when it is not `HOST:PORT` with an IP address.
    static std::optional<ListenAddress> parse(const QString &text);
};

} // namespace Bridge
