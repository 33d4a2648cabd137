// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace Translator {

/// One rule of a target platform (bitten_rule): slave property and Python regex.
struct PlatformRule
{
    QString property;
    QString pattern;
};

/// A Bitten target platform (bitten_platform) with its rules in order.
struct TargetPlatform
{
    QString name;
    QVector<PlatformRule> rules;
};

/**
 * One Bitten build configuration as the translator receives it: from a Trac database
 * (bitten_config with its platforms and rules) or from a recipe file (name from the file,
 * no platforms).
 */
struct Configuration
{
    QString name;
    QString label;
    QString description;
    QString path;
    QString minRevision;
    QString maxRevision;
    bool active = true;
    QByteArray recipe; ///< the recipe XML as stored
    QString source; ///< file name, or "DB#config" — used in messages and the audit
    QVector<TargetPlatform> platforms;
};

} // namespace Translator
