// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "bridge/subcommands.h"
#include "recipe-translator/configuration.h"

namespace Bridge {

/// One Bitten configuration to push, and the folder it belongs in ("" = the top level).
struct CiConfiguration
{
    QString folder; ///< the Trac environment it was imported from
    Translator::Configuration configuration;
};

/**
 * The configurations `bittern push` sends to a CI: recipe files (named after the file),
 * directories (every *.xml below, sorted) and Trac databases (every bitten_config, in a
 * folder named after the Trac environment). Reads files and databases; the naming is pure.
 */
class CiInputs
{
public:
    QVector<CiConfiguration> configurations;
    QStringList errors; ///< complete sentences, one per input that could not be read
    ExitCode exitCode = ExitCode::Success; ///< Usage for unreadable input, Server for a DB server

    static CiInputs collect(const QStringList &inputs);
    /// The Trac environment a database belongs to: "/srv/trac/proj/db/trac.db" → "proj",
    /// "x.db" → "x", "postgres://u@h/db?schema=s" → "s" (else the database name).
    static QString environmentName(const QString &database);

private:
    void addRecipeFile(const QString &path);
    void addDatabase(const QString &location);
};

} // namespace Bridge
