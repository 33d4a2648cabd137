// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/validatecommand.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include "bridge/commandspecs.h"
#include "bridge/subcommands.h"
#include "core/helpwriter.h"
#include "core/recipereader.h"
#include "core/recipevalidator.h"

namespace Bridge {

namespace {

QString severityName(Core::Severity severity)
{
    return severity == Core::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

QString location(const QString &fileName, qint64 line, qint64 column)
{
    if (line <= 0)
        return fileName;
    return fileName + QLatin1Char(':') + QString::number(line) + QLatin1Char(':')
            + QString::number(column);
}

QString describeAttributes(const QVector<Core::RecipeAttribute> &attributes)
{
    QString text;
    for (const Core::RecipeAttribute &attr : attributes) {
        QString value = attr.value.simplified();
        if (value.size() > 60)
            value = value.left(57) + QLatin1String("...");
        text += QLatin1Char(' ') + attr.name + QLatin1String("=\"") + value + QLatin1Char('"');
    }
    return text;
}

void printCommands(const QVector<Core::RecipeCommand> &commands, int indent, QTextStream &out)
{
    for (const Core::RecipeCommand &command : commands) {
        out << QString(indent, QLatin1Char(' ')) << command.qualifiedName()
            << describeAttributes(command.attributes) << '\n';
        printCommands(command.children, indent + 2, out);
    }
}

void printSteps(const QString &fileName, const Core::Recipe &recipe, QTextStream &out)
{
    out << fileName << ": " << recipe.steps.size()
        << (recipe.steps.size() == 1 ? " step" : " steps") << ", onerror "
        << Core::onErrorName(recipe.onError) << '\n';
    for (const Core::RecipeStep &step : recipe.steps) {
        out << "  step \"" << step.id << "\" (onerror " << Core::onErrorName(step.onError);
        if (!step.description.isEmpty())
            out << ", " << step.description.simplified();
        out << ")\n";
        printCommands(step.commands, 4, out);
    }
}

} // namespace

Core::Result<ValidateCommand::Options> ValidateCommand::parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    CommandSpecs::validate().addOptionsTo(parser);
    if (!parser.parse(arguments)) {
        QString why = parser.errorText();
        if (!why.endsWith(QLatin1Char('.')))
            why += QLatin1Char('.');
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("bittern validate: ") + why);
    }
    Options options;
    options.helpRequested = parser.isSet(QStringLiteral("help"));
    options.steps = parser.isSet(QStringLiteral("steps")) ? StepListing::On : StepListing::Off;
    options.recipes = parser.positionalArguments();
    if (options.recipes.isEmpty() && !options.helpRequested)
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("bittern validate: no recipe given; usage: bittern "
                                              "validate [--steps] RECIPE..."));
    return options;
}

QString ValidateCommand::helpText()
{
    return Core::HelpWriter::write(CommandSpecs::validate());
}

int ValidateCommand::validateData(const QString &fileName, const QByteArray &data,
                                  StepListing steps, QTextStream &out, QTextStream &err)
{
    const Core::RecipeReader reader(fileName);
    const auto recipe = reader.read(data);
    if (!recipe) {
        const Core::Error &e = recipe.error();
        err << location(fileName, e.line, e.column) << ": error: " << e.message << '\n';
        return int(ExitCode::Usage);
    }
    const QVector<Core::Diagnostic> diagnostics = Core::RecipeValidator::validate(recipe.value());
    for (const Core::Diagnostic &d : diagnostics)
        out << location(fileName, d.position.line, d.position.column) << ": "
            << severityName(d.severity) << ": " << d.message << '\n';
    if (steps == StepListing::On)
        printSteps(fileName, recipe.value(), out);
    return Core::RecipeValidator::hasErrors(diagnostics) ? int(ExitCode::Failed)
                                                         : int(ExitCode::Success);
}

int ValidateCommand::run(const Options &options, QTextStream &out, QTextStream &err)
{
    int status = int(ExitCode::Success);
    for (const QString &fileName : options.recipes) {
        int result = int(ExitCode::Usage);
        QFile file(fileName);
        const Core::RecipeReader reader(fileName);
        if (const auto sized = reader.checkSize(QFileInfo(fileName).size()); !sized) {
            err << location(fileName, sized.error().line, sized.error().column)
                << ": error: " << sized.error().message << '\n';
        } else if (!file.open(QIODevice::ReadOnly)) {
            err << fileName << ": error: Could not read recipe " << fileName << ": "
                << file.errorString() << ".\n";
        } else {
            result = validateData(fileName, file.readAll(), options.steps, out, err);
        }
        status = std::max(status, result);
    }
    out.flush();
    err.flush();
    return status;
}

int runValidate(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto options = ValidateCommand::parseOptions(arguments);
    if (!options) {
        err << options.error().message << '\n';
        return int(ExitCode::Usage);
    }
    if (options.value().helpRequested) {
        out << ValidateCommand::helpText();
        return int(ExitCode::Success);
    }
    return ValidateCommand::run(options.value(), out, err);
}

} // namespace Bridge
