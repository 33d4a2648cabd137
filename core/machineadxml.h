// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "core/classad.h"
#include "core/result.h"

namespace Core {

/**
 * Carries an agent's machine ad (MachineAd) inside Bitten's `<slave>` registration body
 * (bitten-spec §5.3) without disturbing a Bitten master: one extra child element
 * `<machine-ad xmlns="urn:bittern:machine-ad">` whose text is the ad in the old ClassAd
 * serialisation. A Bitten 0.6 master looks only at `<platform>`, `<os>` and `<package>`
 * children and ignores it; the Bittern bridge reads it (docs/PROTOCOL.md). Pure.
 */
class MachineAdXml
{
public:
    static QString namespaceUri() { return QStringLiteral("urn:bittern:machine-ad"); }
    static QString elementName() { return QStringLiteral("machine-ad"); }

    /// @p registration (a `<slave>` element) with the ad appended as its last child.
    static QByteArray addToRegistration(const QByteArray &registration, const ClassAd &ad);
    /// The ad carried by a registration body; nullopt when it carries none (a plain Bitten
    /// slave). An ad that is not valid ClassAd text is an InvalidInput error.
    static Result<std::optional<ClassAd>> read(const QByteArray &registration);
    /// The text of the element, or a null string when there is none (no parsing of the ad).
    static QString readText(const QByteArray &registration);
};

} // namespace Core
