// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recipe.h"

#include "core/commandcatalog.h"

namespace Core {

QString RecipeCommand::generator() const
{
    if (namespaceUri.isEmpty())
        return localName;
    return namespaceUri + QLatin1Char('#') + localName;
}

QString RecipeCommand::qualifiedName() const
{
    if (prefix.isEmpty())
        return localName;
    return prefix + QLatin1Char(':') + localName;
}

const RecipeAttribute *RecipeCommand::attribute(const QString &name) const
{
    const QString wanted = CommandCatalog::parameterName(name);
    for (const RecipeAttribute &attr : attributes) {
        if (CommandCatalog::parameterName(attr.name) == wanted)
            return &attr;
    }
    return nullptr;
}

QString RecipeCommand::value(const QString &name, const QString &fallback) const
{
    const RecipeAttribute *attr = attribute(name);
    return attr ? attr->value : fallback;
}

QString Recipe::variable(const QString &name, const QString &fallback) const
{
    for (const RecipeAttribute &attr : variables) {
        if (attr.name == name)
            return attr.value;
    }
    return fallback;
}

bool Recipe::hasVariable(const QString &name) const
{
    for (const RecipeAttribute &attr : variables) {
        if (attr.name == name)
            return true;
    }
    return false;
}

const RecipeStep *Recipe::step(const QString &id) const
{
    for (const RecipeStep &s : steps) {
        if (s.hasId && s.id == id)
            return &s;
    }
    return nullptr;
}

QString onErrorName(OnError value)
{
    switch (value) {
    case OnError::Fail:
        return QStringLiteral("fail");
    case OnError::Continue:
        return QStringLiteral("continue");
    case OnError::Ignore:
        return QStringLiteral("ignore");
    case OnError::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

OnError parseOnError(const QString &text)
{
    if (text == QLatin1String("fail"))
        return OnError::Fail;
    if (text == QLatin1String("continue"))
        return OnError::Continue;
    if (text == QLatin1String("ignore"))
        return OnError::Ignore;
    return OnError::Invalid;
}

} // namespace Core
