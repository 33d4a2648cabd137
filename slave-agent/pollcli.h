// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/result.h"
#include "slave-agent/pollclient.h"

namespace Agent {

/**
 * `bittern-agent poll URL…`: reads the slave configuration (a missing or unreadable file exits
 * 74, as bitten-slave does), prepares the registration body, the work and spool directories,
 * runs a PollClient in the event loop and returns its PollExit status.
 */
class PollCli
{
public:
    /// @p arguments are those after "poll".
    static int execute(const QStringList &arguments);
    /// The settings for @p options (reads the INI file); ReadFailed/ParseFailed on a bad file.
    static Core::Result<PollSettings> settingsFor(const PollOptions &options,
                                                  const QString &workDir);
    /// bitten-slave's default name: the host name up to the first '.', lower-cased.
    static QString defaultName();
};

} // namespace Agent
