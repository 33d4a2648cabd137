// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classadfunctions.h"

#include <QHash>
#include <QRegularExpression>

#include "core/classadevaluator.h"

namespace Core {

namespace {

using Value = ClassAdValue;
using Arguments = QVector<Value>;

/// A function receiving unevaluated arguments (for laziness) or evaluated ones.
struct Builtin
{
    int minArguments;
    int maxArguments;
    std::function<Value(const Arguments &)> eager;
    std::function<Value(const QVector<ClassAdExpressionPtr> &, const ClassAdFunctions::Evaluate &)>
            lazy;
};

bool isString(const Value &value)
{
    return value.type() == ClassAdType::String;
}

Value typeTest(const Arguments &args, ClassAdType type)
{
    return Value::boolean(args.at(0).type() == type);
}

// string(): scalars in their unparsed form, strings as they are.
bool toText(const Value &value, QString *text)
{
    switch (value.type()) {
    case ClassAdType::String:
        *text = value.toStringValue();
        return true;
    case ClassAdType::Boolean:
    case ClassAdType::Integer:
    case ClassAdType::Real:
        *text = value.toString();
        return true;
    default:
        return false;
    }
}

Value member(const Arguments &args, ClassAdOperator op)
{
    const Value &item = args.at(0);
    const Value &list = args.at(1);
    if (item.isError() || list.isError())
        return Value::error();
    if (item.isUndefined() || list.isUndefined())
        return Value::undefined();
    if (list.type() != ClassAdType::List || item.type() == ClassAdType::List)
        return Value::error();
    for (const Value &element : list.items()) {
        const Value equal = ClassAdEvaluator::binary(op, item, element);
        if (equal.type() == ClassAdType::Boolean && equal.toBool())
            return Value::boolean(true);
    }
    return Value::boolean(false);
}

QString delimitersOf(const Arguments &args, int index)
{
    return args.size() > index ? args.at(index).toStringValue() : QStringLiteral(", ");
}

// stringListMember / stringListIMember: UNDEFINED arguments compare false.
Value stringListMember(const Arguments &args, Qt::CaseSensitivity sensitivity)
{
    for (const Value &arg : args) {
        if (arg.isError() || (!arg.isUndefined() && !isString(arg)))
            return Value::error();
    }
    if (args.at(0).isUndefined() || args.at(1).isUndefined())
        return Value::boolean(false);
    const QStringList items
            = ClassAdFunctions::splitStringList(args.at(1).toStringValue(), delimitersOf(args, 2));
    return Value::boolean(items.contains(args.at(0).toStringValue(), sensitivity));
}

// Every item of the first list is in the second (§1.6 edge cases for UNDEFINED).
Value stringListSubsetMatch(const Arguments &args)
{
    for (const Value &arg : args) {
        if (arg.isError() || (!arg.isUndefined() && !isString(arg)))
            return Value::error();
    }
    const bool firstUndefined = args.at(0).isUndefined();
    if (firstUndefined && args.at(1).isUndefined())
        return Value::undefined();
    const QString delimiters = delimitersOf(args, 2);
    const QStringList subset = firstUndefined
            ? QStringList()
            : ClassAdFunctions::splitStringList(args.at(0).toStringValue(), delimiters);
    if (subset.isEmpty())
        return Value::boolean(true);
    if (args.at(1).isUndefined())
        return Value::boolean(false);
    const QStringList set
            = ClassAdFunctions::splitStringList(args.at(1).toStringValue(), delimiters);
    for (const QString &item : subset) {
        if (!set.contains(item))
            return Value::boolean(false);
    }
    return Value::boolean(true);
}

// Matchmaking evaluates the same few patterns against thousands of ads: compile each once
// (per thread; the cache is dropped when it grows past a bound).
QRegularExpression compiledPattern(const QString &pattern,
                                   QRegularExpression::PatternOptions options)
{
    constexpr int maxCached = 512;
    thread_local QHash<QPair<QString, int>, QRegularExpression> cache;
    const QPair<QString, int> key{pattern, int(options)};
    const auto it = cache.constFind(key);
    if (it != cache.cend())
        return it.value();
    if (cache.size() >= maxCached)
        cache.clear();
    QRegularExpression compiled(pattern, options);
    compiled.optimize();
    cache.insert(key, compiled);
    return compiled;
}

Value regexpMatch(const Arguments &args)
{
    for (const Value &arg : args) {
        if (arg.isError() || arg.type() == ClassAdType::List || arg.type() == ClassAdType::Boolean
            || arg.isNumber())
            return Value::error();
    }
    if (args.at(0).isUndefined() || args.at(1).isUndefined()
        || (args.size() > 2 && args.at(2).isUndefined()))
        return Value::undefined();
    QRegularExpression::PatternOptions options;
    const QString flags = args.size() > 2 ? args.at(2).toStringValue() : QString();
    if (flags.contains(QLatin1Char('i'), Qt::CaseInsensitive))
        options |= QRegularExpression::CaseInsensitiveOption;
    if (flags.contains(QLatin1Char('m'), Qt::CaseInsensitive))
        options |= QRegularExpression::MultilineOption;
    if (flags.contains(QLatin1Char('s'), Qt::CaseInsensitive))
        options |= QRegularExpression::DotMatchesEverythingOption;
    if (flags.contains(QLatin1Char('x'), Qt::CaseInsensitive))
        options |= QRegularExpression::ExtendedPatternSyntaxOption;
    const QRegularExpression pattern = compiledPattern(args.at(0).toStringValue(), options);
    if (!pattern.isValid())
        return Value::error();
    return Value::boolean(pattern.match(args.at(1).toStringValue()).hasMatch());
}

Value strcat(const Arguments &args)
{
    QString result;
    for (const Value &arg : args) {
        QString text;
        if (!toText(arg, &text))
            return Value::error();
        result += text;
    }
    return Value::string(result);
}

Value changeCase(const Arguments &args, bool upper)
{
    const Value &arg = args.at(0);
    if (arg.isExceptional())
        return arg;
    QString text;
    if (!toText(arg, &text))
        return Value::error();
    return Value::string(upper ? text.toUpper() : text.toLower());
}

Value size(const Arguments &args)
{
    const Value &arg = args.at(0);
    if (arg.isExceptional())
        return arg;
    if (isString(arg))
        return Value::integer(arg.toStringValue().size());
    if (arg.type() == ClassAdType::List)
        return Value::integer(arg.items().size());
    return Value::error();
}

Value convert(const Arguments &args, ClassAdType target)
{
    const Value &arg = args.at(0);
    if (arg.isExceptional())
        return arg;
    if (arg.type() == ClassAdType::List)
        return Value::error();
    double number = arg.toReal();
    if (isString(arg)) {
        bool ok = false;
        number = arg.toStringValue().trimmed().toDouble(&ok);
        if (!ok)
            return Value::error();
    }
    if (target == ClassAdType::Real)
        return Value::real(number);
    if (arg.type() == ClassAdType::Integer)
        return arg;
    if (!(number > -9.2e18 && number < 9.2e18))
        return Value::error();
    return Value::integer(static_cast<qint64>(number));
}

// versioncmp and the versionXX predicates; @p test maps the ordering to a boolean.
Value version(const Arguments &args, const std::function<bool(int)> &test)
{
    for (const Value &arg : args) {
        if (arg.isError() || (!arg.isUndefined() && !isString(arg)))
            return Value::error();
    }
    if (args.at(0).isUndefined() || args.at(1).isUndefined())
        return Value::undefined();
    const int order = ClassAdFunctions::compareVersions(args.at(0).toStringValue(),
                                                        args.at(1).toStringValue());
    return test ? Value::boolean(test(order)) : Value::integer(order);
}

Value ifThenElse(const QVector<ClassAdExpressionPtr> &args,
                 const ClassAdFunctions::Evaluate &evaluate)
{
    const Value condition = evaluate(*args.at(0));
    if (condition.isExceptional())
        return condition;
    if (!condition.isBooleanEquivalent())
        return Value::error();
    return evaluate(*args.at(condition.toBool() ? 1 : 2));
}

const QHash<QString, Builtin> &builtins()
{
    using T = ClassAdType;
    static const QHash<QString, Builtin> table{
            {QStringLiteral("ifthenelse"), {3, 3, nullptr, ifThenElse}},
            {QStringLiteral("isundefined"),
             {1, 1, [](const Arguments &a) { return Value::boolean(a.at(0).isUndefined()); }, {}}},
            {QStringLiteral("iserror"),
             {1, 1, [](const Arguments &a) { return Value::boolean(a.at(0).isError()); }, {}}},
            {QStringLiteral("isstring"),
             {1, 1, [](const Arguments &a) { return typeTest(a, T::String); }, {}}},
            {QStringLiteral("isinteger"),
             {1, 1, [](const Arguments &a) { return typeTest(a, T::Integer); }, {}}},
            {QStringLiteral("isreal"),
             {1, 1, [](const Arguments &a) { return typeTest(a, T::Real); }, {}}},
            {QStringLiteral("isboolean"),
             {1, 1, [](const Arguments &a) { return typeTest(a, T::Boolean); }, {}}},
            {QStringLiteral("islist"),
             {1, 1, [](const Arguments &a) { return typeTest(a, T::List); }, {}}},
            {QStringLiteral("member"),
             {2, 2, [](const Arguments &a) { return member(a, ClassAdOperator::Equal); }, {}}},
            {QStringLiteral("identicalmember"),
             {2, 2, [](const Arguments &a) { return member(a, ClassAdOperator::MetaEqual); }, {}}},
            {QStringLiteral("stringlistmember"),
             {2, 3, [](const Arguments &a) { return stringListMember(a, Qt::CaseSensitive); }, {}}},
            {QStringLiteral("stringlistimember"),
             {2,
              3,
              [](const Arguments &a) { return stringListMember(a, Qt::CaseInsensitive); },
              {}}},
            {QStringLiteral("stringlistsubsetmatch"), {2, 3, stringListSubsetMatch, {}}},
            {QStringLiteral("regexp"), {2, 3, regexpMatch, {}}},
            {QStringLiteral("strcat"), {0, 1000, strcat, {}}},
            {QStringLiteral("tolower"),
             {1, 1, [](const Arguments &a) { return changeCase(a, false); }, {}}},
            {QStringLiteral("toupper"),
             {1, 1, [](const Arguments &a) { return changeCase(a, true); }, {}}},
            {QStringLiteral("size"), {1, 1, size, {}}},
            {QStringLiteral("int"),
             {1, 1, [](const Arguments &a) { return convert(a, T::Integer); }, {}}},
            {QStringLiteral("real"),
             {1, 1, [](const Arguments &a) { return convert(a, T::Real); }, {}}},
            {QStringLiteral("versioncmp"),
             {2, 2, [](const Arguments &a) { return version(a, {}); }, {}}},
            {QStringLiteral("versiongt"),
             {2,
              2,
              [](const Arguments &a) { return version(a, [](int o) { return o > 0; }); },
              {}}},
            {QStringLiteral("versionge"),
             {2,
              2,
              [](const Arguments &a) { return version(a, [](int o) { return o >= 0; }); },
              {}}},
            {QStringLiteral("versionlt"),
             {2,
              2,
              [](const Arguments &a) { return version(a, [](int o) { return o < 0; }); },
              {}}},
            {QStringLiteral("versionle"),
             {2,
              2,
              [](const Arguments &a) { return version(a, [](int o) { return o <= 0; }); },
              {}}},
            {QStringLiteral("versioneq"),
             {2,
              2,
              [](const Arguments &a) { return version(a, [](int o) { return o == 0; }); },
              {}}},
    };
    return table;
}

} // namespace

ClassAdValue ClassAdFunctions::call(const QString &name,
                                    const QVector<ClassAdExpressionPtr> &arguments,
                                    const Evaluate &evaluate, qint64 currentTime)
{
    const QString key = name.toLower();
    if (key == QLatin1String("time"))
        return arguments.isEmpty() ? Value::integer(currentTime) : Value::error();
    const auto it = builtins().constFind(key);
    if (it == builtins().cend() || arguments.size() < it->minArguments
        || arguments.size() > it->maxArguments)
        return Value::error();
    if (it->lazy)
        return it->lazy(arguments, evaluate);
    Arguments values;
    values.reserve(arguments.size());
    for (const auto &argument : arguments)
        values.append(evaluate(*argument));
    return it->eager(values);
}

QStringList ClassAdFunctions::splitStringList(const QString &list, const QString &delimiters)
{
    QStringList items;
    QString current;
    for (const QChar c : list) {
        if (!delimiters.contains(c)) {
            current += c;
            continue;
        }
        current = current.trimmed();
        if (!current.isEmpty())
            items.append(current);
        current.clear();
    }
    current = current.trimmed();
    if (!current.isEmpty())
        items.append(current);
    return items;
}

// Like strverscmp without its leading-zero fraction rule: runs of digits compare as numbers.
int ClassAdFunctions::compareVersions(const QString &a, const QString &b)
{
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            const int startA = i;
            const int startB = j;
            while (i < a.size() && a.at(i).isDigit())
                ++i;
            while (j < b.size() && b.at(j).isDigit())
                ++j;
            QStringView runA = QStringView(a).mid(startA, i - startA);
            QStringView runB = QStringView(b).mid(startB, j - startB);
            while (runA.size() > 1 && runA.startsWith(QLatin1Char('0')))
                runA = runA.mid(1);
            while (runB.size() > 1 && runB.startsWith(QLatin1Char('0')))
                runB = runB.mid(1);
            if (runA.size() != runB.size())
                return runA.size() < runB.size() ? -1 : 1;
            const int order = runA.compare(runB);
            if (order != 0)
                return order < 0 ? -1 : 1;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

} // namespace Core
