// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>

#include "bridge/store/storetypes.h"

namespace Bridge {

/**
 * Whether a slave fits a target platform (bitten-spec §7.3 step 2): every rule's property must
 * exist, be non-empty and match the rule's pattern at its start (Python re.match: anchored at
 * the start only, so "x86" matches "x86_64"). Case-sensitive as in Bitten 0.6, or
 * case-insensitive as from 0.6.1. An invalid pattern never matches; no rules match every slave.
 */
class PlatformMatcher
{
public:
    static bool matches(const TargetPlatform &platform, const SlaveInfo &slave,
                        Qt::CaseSensitivity sensitivity);
    /// Ids of the platforms among @p platforms that the slave matches.
    static QVector<qint64> matching(const QVector<TargetPlatform> &platforms,
                                    const SlaveInfo &slave, Qt::CaseSensitivity sensitivity);
    /// Whether one value matches one pattern at its start.
    static bool matchesPattern(const QString &pattern, const QString &value,
                               Qt::CaseSensitivity sensitivity);
};

} // namespace Bridge
