// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/enums.h"

namespace Core {

/**
 * The value of a ClassAd expression (condor-matchmaking §1.1): UNDEFINED, ERROR, boolean,
 * integer, real, string or list. Numbers are "boolean-equivalent" in logical contexts.
 */
class ClassAdValue
{
public:
    /// UNDEFINED.
    ClassAdValue() = default;

    static ClassAdValue undefined() { return ClassAdValue(); }
    static ClassAdValue error();
    static ClassAdValue boolean(bool value);
    static ClassAdValue integer(qint64 value);
    static ClassAdValue real(double value);
    static ClassAdValue string(const QString &value);
    static ClassAdValue list(const QVector<ClassAdValue> &items);

    ClassAdType type() const { return m_type; }
    bool isUndefined() const { return m_type == ClassAdType::Undefined; }
    bool isError() const { return m_type == ClassAdType::Error; }
    bool isExceptional() const { return isUndefined() || isError(); }
    bool isNumber() const { return m_type == ClassAdType::Integer || m_type == ClassAdType::Real; }
    /// Boolean, integer or real: usable where a condition is expected.
    bool isBooleanEquivalent() const { return m_type == ClassAdType::Boolean || isNumber(); }

    bool toBool() const; ///< boolean value, or number != 0
    qint64 toInteger() const; ///< integer value, real truncated, boolean 1/0
    double toReal() const; ///< real value, integer or boolean converted
    const QString &toStringValue() const { return m_string; }
    const QVector<ClassAdValue> &items() const { return m_items; }

    /// Same type and same value, strings compared case-sensitively (the `=?=` operator).
    bool isIdenticalTo(const ClassAdValue &other) const;
    /// ClassAd literal syntax: `UNDEFINED`, `ERROR`, `true`, `42`, `1.5`, `"a\"b"`, `{ 1, 2 }`.
    QString toString() const;

private:
    ClassAdType m_type = ClassAdType::Undefined;
    bool m_bool = false;
    qint64 m_integer = 0;
    double m_real = 0;
    QString m_string;
    QVector<ClassAdValue> m_items;
};

} // namespace Core
