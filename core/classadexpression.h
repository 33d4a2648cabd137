// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>
#include <QVector>

#include "core/classadvalue.h"
#include "core/enums.h"

namespace Core {

struct ClassAdExpression;
/// Expressions are immutable once parsed and shared between ads.
using ClassAdExpressionPtr = std::shared_ptr<const ClassAdExpression>;

/**
 * A node of a parsed ClassAd expression (condor-matchmaking §1.2, §1.3). Built by
 * ClassAdParser, evaluated by ClassAdEvaluator; toString() unparses with `=?=` / `=!=`.
 */
struct ClassAdExpression
{
    enum class Kind {
        Literal, ///< value
        Attribute, ///< name, scope
        Unary, ///< op, operands[0]
        Binary, ///< op, operands[0..1]
        Conditional, ///< operands: condition, then, else
        Elvis, ///< operands: value, fallback
        Call, ///< name, operands = arguments
        List, ///< operands = items
    };
    enum class Scope {
        None,
        My,
        Target,
    };

    Kind kind = Kind::Literal;
    ClassAdValue value;
    QString name; ///< as written
    Scope scope = Scope::None;
    ClassAdOperator op = ClassAdOperator::Add;
    QVector<ClassAdExpressionPtr> operands;
    qint64 line = 0;
    qint64 column = 0;

    /// Fully parenthesised source text, e.g. `((MY.a + 1) =?= b)`.
    QString toString() const;
    /// Lower-case names of the attributes referenced (any scope), sorted, without repeats.
    QStringList referencedAttributes() const;
};

} // namespace Core
