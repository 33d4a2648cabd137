// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/optionspec.h"

#include <QCommandLineParser>

namespace Core {

QCommandLineOption OptionSpec::commandLineOption() const
{
    return argument.isEmpty() ? QCommandLineOption(names, description)
                              : QCommandLineOption(names, description, argument);
}

QString OptionSpec::label() const
{
    QStringList dashed;
    for (const QString &name : names)
        dashed.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
    QString text = dashed.join(QStringLiteral(", "));
    if (!argument.isEmpty())
        text += QLatin1Char(' ') + argument;
    return text;
}

QString ProgramSpec::fullName() const
{
    return name.isEmpty() ? program : program + QLatin1Char(' ') + name;
}

void ProgramSpec::addOptionsTo(QCommandLineParser &parser) const
{
    for (const OptionSpec &option : options)
        parser.addOption(option.commandLineOption());
}

} // namespace Core
