// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>
#include <QVector>

class QCommandLineParser;

namespace Core {

/**
 * One command-line option as the single source of its parser entry, its --help line and its
 * man page item (HelpWriter, ManPageWriter).
 */
struct OptionSpec
{
    QStringList names; ///< one-letter names are short options: {"f", "config"}
    QString argument; ///< value name ("FILE"); empty for a flag
    QString description; ///< one or more complete sentences
    QString defaultValue; ///< shown as "(default: …)"; empty: none shown

    /// The option for QCommandLineParser (the default value stays with the caller).
    QCommandLineOption commandLineOption() const;
    /// "-f, --config FILE": every name with its dashes, then the argument.
    QString label() const;
};

/** A program or one of its subcommands: synopsis, description and options. */
struct ProgramSpec
{
    QString program; ///< "bittern"
    QString name; ///< "serve"; empty for the program itself
    QStringList synopsis; ///< usage lines after "program name", e.g. "[OPTIONS] RECIPE..."
    QString summary; ///< one line: subcommand lists, the man page NAME section
    QString description; ///< paragraphs separated by blank lines
    QVector<OptionSpec> options;

    /// "bittern serve", or "bittern" for the program itself.
    QString fullName() const;
    /// Adds every option to @p parser.
    void addOptionsTo(QCommandLineParser &parser) const;
};

} // namespace Core
