// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/optionspec.h"

namespace Core {

/**
 * Renders a ProgramSpec as --help text: usage lines, the description wrapped to 79 columns,
 * the subcommands (for a program) and the options with their defaults. Pure.
 */
class HelpWriter
{
public:
    static QString write(const ProgramSpec &command,
                         const QVector<ProgramSpec> &subcommands = QVector<ProgramSpec>());
    /// @p text's paragraphs wrapped at @p width columns, each line after @p indent spaces.
    static QString wrap(const QString &text, int width, int indent);
};

} // namespace Core
