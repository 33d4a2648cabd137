// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Bridge {

/**
 * `bittern config check [FILE]`: validates a bridge configuration file (default
 * /etc/bittern/bittern.ini) and prints "FILE: OK", or every bad line as
 * "FILE:LINE: error: …" (warnings for accepted but unimplemented options as
 * "FILE:LINE: warning: …"). Exit status 0 when there is no error, 1 with errors, 2 on a usage
 * error or an unreadable file.
 */
class ConfigCommand
{
public:
    static QString helpText();
    /// @p arguments starts with "config".
    static int run(const QStringList &arguments);
};

/// The subcommand table's entry point for `bittern config`.
int runConfig(const QStringList &arguments);

} // namespace Bridge
