// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classadvalue.h"

#include <cmath>

#include <QStringList>

namespace Core {

ClassAdValue ClassAdValue::error()
{
    ClassAdValue value;
    value.m_type = ClassAdType::Error;
    return value;
}

ClassAdValue ClassAdValue::boolean(bool b)
{
    ClassAdValue value;
    value.m_type = ClassAdType::Boolean;
    value.m_bool = b;
    return value;
}

ClassAdValue ClassAdValue::integer(qint64 i)
{
    ClassAdValue value;
    value.m_type = ClassAdType::Integer;
    value.m_integer = i;
    return value;
}

ClassAdValue ClassAdValue::real(double r)
{
    ClassAdValue value;
    value.m_type = ClassAdType::Real;
    value.m_real = r;
    return value;
}

ClassAdValue ClassAdValue::string(const QString &s)
{
    ClassAdValue value;
    value.m_type = ClassAdType::String;
    value.m_string = s;
    return value;
}

ClassAdValue ClassAdValue::list(const QVector<ClassAdValue> &items)
{
    ClassAdValue value;
    value.m_type = ClassAdType::List;
    value.m_items = items;
    return value;
}

bool ClassAdValue::toBool() const
{
    switch (m_type) {
    case ClassAdType::Boolean:
        return m_bool;
    case ClassAdType::Integer:
        return m_integer != 0;
    case ClassAdType::Real:
        return m_real != 0.0;
    default:
        return false;
    }
}

qint64 ClassAdValue::toInteger() const
{
    switch (m_type) {
    case ClassAdType::Boolean:
        return m_bool ? 1 : 0;
    case ClassAdType::Integer:
        return m_integer;
    case ClassAdType::Real:
        return static_cast<qint64>(m_real);
    default:
        return 0;
    }
}

double ClassAdValue::toReal() const
{
    switch (m_type) {
    case ClassAdType::Boolean:
        return m_bool ? 1.0 : 0.0;
    case ClassAdType::Integer:
        return static_cast<double>(m_integer);
    case ClassAdType::Real:
        return m_real;
    default:
        return 0.0;
    }
}

bool ClassAdValue::isIdenticalTo(const ClassAdValue &other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case ClassAdType::Undefined:
    case ClassAdType::Error:
        return true;
    case ClassAdType::Boolean:
        return m_bool == other.m_bool;
    case ClassAdType::Integer:
        return m_integer == other.m_integer;
    case ClassAdType::Real:
        return m_real == other.m_real;
    case ClassAdType::String:
        return m_string == other.m_string;
    case ClassAdType::List:
        break;
    }
    if (m_items.size() != other.m_items.size())
        return false;
    for (int i = 0; i < m_items.size(); ++i) {
        if (!m_items.at(i).isIdenticalTo(other.m_items.at(i)))
            return false;
    }
    return true;
}

namespace {

QString quotedString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else if (c == QLatin1Char('\t'))
            out += QLatin1String("\\t");
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString realToString(double r)
{
    if (std::isnan(r))
        return QStringLiteral("real(\"NaN\")");
    if (std::isinf(r))
        return r > 0 ? QStringLiteral("real(\"INF\")") : QStringLiteral("real(\"-INF\")");
    QString text = QString::number(r, 'g', 15);
    if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
        text += QLatin1String(".0");
    return text;
}

} // namespace

QString ClassAdValue::toString() const
{
    switch (m_type) {
    case ClassAdType::Undefined:
        return QStringLiteral("UNDEFINED");
    case ClassAdType::Error:
        return QStringLiteral("ERROR");
    case ClassAdType::Boolean:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case ClassAdType::Integer:
        return QString::number(m_integer);
    case ClassAdType::Real:
        return realToString(m_real);
    case ClassAdType::String:
        return quotedString(m_string);
    case ClassAdType::List:
        break;
    }
    QStringList items;
    for (const ClassAdValue &item : m_items)
        items.append(item.toString());
    return items.isEmpty()
            ? QStringLiteral("{ }")
            : QLatin1String("{ ") + items.join(QLatin1String(", ")) + QLatin1String(" }");
}

} // namespace Core
