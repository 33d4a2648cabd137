// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>

#include "bridge/store/storetypes.h"
#include "core/result.h"

namespace Bridge {

class Store;

/**
 * The protocol's default choice of a build for a polling slave (bitten-spec §7.3 steps 2–4):
 * the newest pending build of an active configuration whose platform matches the slave —
 * every rule's property present, non-empty, and matched by its pattern at the start,
 * case-insensitively (0.6.1). Assigns it in the store. The scheduler may replace it.
 */
class BuildAssigner
{
public:
    static Core::Result<std::optional<Build>> assign(Store &store, const SlaveInfo &slave);
    /// Whether @p platform's rules all match @p properties (pure).
    static bool matches(const TargetPlatform &platform, const QHash<QString, QString> &properties);
};

} // namespace Bridge
