// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <java:ant> (bitten-spec §4.4): turns the file ant's XmlLogger wrote into the command's log
 * (every <message> except priority "debug", level = priority, basedir stripped) and step
 * errors: the root's error attribute, else "Ant failed (N)" for a non-zero exit status. An
 * unparsable log is only a local warning; an unreadable one is an internal error, as in Bitten.
 */
class AntLogParser
{
public:
    /// @p xmlLog: the XmlLogger file's bytes or the read error; @p exitCode: ant's exit status.
    static Result<ToolReport> parse(const Result<QByteArray> &xmlLog, const QString &basedir,
                                    int exitCode);
};

} // namespace Core
