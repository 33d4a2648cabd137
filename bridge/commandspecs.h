// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>

#include "core/optionspec.h"

namespace Bridge {

/**
 * The option tables of `bittern` and its subcommands: each subcommand's parser, its --help
 * text and the bittern(1) man page all come from these (core/optionspec.h).
 */
class CommandSpecs
{
public:
    static Core::ProgramSpec program();
    static Core::ProgramSpec serve();
    static Core::ProgramSpec import();
    static Core::ProgramSpec build();
    static Core::ProgramSpec status();
    static Core::ProgramSpec why();
    static Core::ProgramSpec push();
    static Core::ProgramSpec run();
    static Core::ProgramSpec validate();
    static Core::ProgramSpec match();
    static Core::ProgramSpec migrate();
    static Core::ProgramSpec migrateStore();
    static Core::ProgramSpec backup();
    static Core::ProgramSpec config();
    /// Every subcommand of `bittern`, each with its full table, in the order of the dispatch table.
    static QVector<Core::ProgramSpec> subcommands();
    /// One of subcommands() by name; an empty spec with just the name when there is none.
    static Core::ProgramSpec find(const QString &name);
};

} // namespace Bridge
