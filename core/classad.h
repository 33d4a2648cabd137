// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/classadexpression.h"
#include "core/result.h"

namespace Core {

/**
 * A ClassAd (condor-matchmaking §1.1): attributes with case-insensitive names, each bound to
 * an expression. Reads the old serialisation (`Name = expr`, one per line, `#` comments) and
 * the new one (`[ a = 1; b = "x" ]`); writes the old one. Evaluation is ClassAdEvaluator's job.
 */
class ClassAd
{
public:
    static Result<ClassAd> parse(const QString &text);

    /// Binds @p name to @p expression, replacing an attribute of the same name in any case.
    void insert(const QString &name, const ClassAdExpressionPtr &expression);
    Result<void> insert(const QString &name, const QString &expressionText);
    void insertValue(const QString &name, const ClassAdValue &value);
    bool remove(const QString &name);

    /// The expression bound to @p name (any case), or null.
    ClassAdExpressionPtr lookup(const QString &name) const;
    bool contains(const QString &name) const { return m_index.contains(name.toLower()); }
    /// Names as first written, in insertion order.
    QStringList attributeNames() const;
    int size() const { return m_entries.size(); }

    /// Old serialisation: `Name = expr` lines.
    QString toString() const;

private:
    struct Entry
    {
        QString name;
        ClassAdExpressionPtr expression;
    };
    static Result<ClassAd> parseOld(const QString &text);
    static Result<ClassAd> parseNew(const QString &text);

    QVector<Entry> m_entries;
    QHash<QString, int> m_index; ///< lower-case name -> position in m_entries
};

} // namespace Core
