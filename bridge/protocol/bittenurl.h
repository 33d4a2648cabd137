// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

namespace Bridge {

/**
 * A path of the Bitten master protocol, matched with Bitten's own grammar
 * `^/builds(/(\d+)(/(\w+)/([^/]+)?)?)?$` (bitten-spec §5.1): `/builds`, `/builds/ID`,
 * `/builds/ID/COLLECTION/` (trailing slash required) and `/builds/ID/COLLECTION/MEMBER`.
 */
struct BittenUrl
{
    qint64 build = 0; ///< 0 for /builds
    QString collection; ///< empty for /builds and /builds/ID
    QString member;

    bool isBuildsCollection() const { return build == 0; }
    bool isBuild() const { return build != 0 && collection.isEmpty(); }

    /// nullopt when @p path is not in the grammar.
    static std::optional<BittenUrl> parse(const QString &path);
};

} // namespace Bridge
