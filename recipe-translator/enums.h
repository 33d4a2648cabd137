// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaEnum>
#include <QObject>
#include <QString>

/**
 * The enumerations of the translator, in one header for the namespace's single Q_NAMESPACE;
 * their names in the audit and the docs come from QMetaEnum (lower-cased).
 */
namespace Translator {
Q_NAMESPACE

/// How a command or step runs on the CI.
enum class Strategy {
    Native, ///< the CI runs the command itself (a shell script), with Bitten's result
    Agent, ///< `bittern-agent step` runs the step on the CI node
    Manual, ///< nothing can run it: a person must port it (third-party commands)
};
Q_ENUM_NS(Strategy)

/// The --strategy option.
enum class StrategyChoice {
    Auto, ///< native only where exact, else agent
    Agent, ///< every step through the agent
    Native, ///< native wherever a native form exists, even if approximate
};
Q_ENUM_NS(StrategyChoice)

/// The --to option.
enum class Target {
    None, ///< --audit without --to
    Jenkins,
    Buildbot,
    Recipe,
};
Q_ENUM_NS(Target)

/// How completely a configuration was translated.
enum class ConversionStatus {
    Converted,
    Partial, ///< some commands are manual or some rules are checked on the node
    Unsupported, ///< the recipe could not be read or no step can run
};
Q_ENUM_NS(ConversionStatus)

/// Whether unsupported commands fail the generated step or are left out (and reported).
enum class PartialPolicy {
    FailUnsupported,
    AllowPartial,
};
Q_ENUM_NS(PartialPolicy)

/// Lower-case name of an enumerator ("native", "converted").
template<typename E>
QString enumName(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value))).toLower();
}

} // namespace Translator
