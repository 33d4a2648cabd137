// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QString>
#include <QVector>

#include "core/classadexpression.h"
#include "core/classadvalue.h"

namespace Core {

/**
 * The built-in ClassAd functions of condor-matchmaking §1.6 / §1.13 (names case-insensitive):
 * ifThenElse, isUndefined, isError, isString, isInteger, isReal, isBoolean, isList, member,
 * identicalMember, stringListMember, stringListIMember, stringListSubsetMatch, regexp, strcat,
 * toLower, toUpper, size, int, real, versioncmp, versionGT/GE/LT/LE/EQ and time. An unknown
 * name or a wrong number of arguments gives ERROR. Arguments are evaluated on demand, so
 * ifThenElse is lazy.
 */
class ClassAdFunctions
{
public:
    using Evaluate = std::function<ClassAdValue(const ClassAdExpression &)>;

    static ClassAdValue call(const QString &name, const QVector<ClassAdExpressionPtr> &arguments,
                             const Evaluate &evaluate, qint64 currentTime);

    /// Version-aware ordering (digit runs compare numerically): -1, 0 or 1.
    static int compareVersions(const QString &a, const QString &b);
    /// The items of a string list such as "a, b c" split at any of @p delimiters.
    static QStringList splitStringList(const QString &list, const QString &delimiters);
};

} // namespace Core
