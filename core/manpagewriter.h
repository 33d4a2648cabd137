// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/optionspec.h"

namespace Core {

/**
 * Renders a program's ProgramSpec and its subcommands' specs as a section 1 manual page in
 * roff (man macros), from the same tables as --help. Pure.
 */
class ManPageWriter
{
public:
    static QString write(const ProgramSpec &program, const QVector<ProgramSpec> &subcommands,
                         const QString &version);
    /// @p text with roff's special characters escaped, safe to start a line.
    static QString escape(const QString &text);
};

} // namespace Core
