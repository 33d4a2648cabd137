// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/migratecommand.h"

#include <QCommandLineParser>
#include <QTextStream>

#include "bridge/commandspecs.h"
#include "bridge/store/sqlitebackup.h"
#include "bridge/store/storecopier.h"
#include "bridge/store/storedatabase.h"
#include "bridge/subcommands.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

int exitCodeFor(const Core::Error &error)
{
    return error.code == Core::ErrorCode::Internal || error.code == Core::ErrorCode::Network
            ? int(ExitCode::Server)
            : int(ExitCode::Usage);
}

/// The --help text of @p command (migrate, migrate-store or backup).
QString usageOf(const QString &command)
{
    return Core::HelpWriter::write(CommandSpecs::find(command));
}

/// Parses the options; prints help or the usage error. Returns the options when the command
/// should run, else the exit code to return.
Core::Result<StoreMaintenanceOptions> optionsOrExit(const QStringList &arguments, int *exitCode)
{
    const QString command = arguments.value(0);
    const auto options = parseStoreMaintenanceOptions(arguments);
    if (!options) {
        QTextStream(stderr) << "bittern " << command << ": " << options.error().message << '\n'
                            << usageOf(command);
        *exitCode = int(ExitCode::Usage);
    } else if (options.value().help) {
        QTextStream(stdout) << usageOf(command);
        *exitCode = int(ExitCode::Success);
    }
    return options;
}

int fail(const QString &command, const Core::Error &error)
{
    QTextStream(stderr) << "bittern " << command << ": " << error.message << '\n';
    return exitCodeFor(error);
}

Core::Error newerStoreError(const QString &name, int version, int latest)
{
    return Core::makeError(Core::ErrorCode::InvalidInput,
                           QStringLiteral("The store %1 is at schema version %2, newer than this "
                                          "bittern knows (%3); upgrade bittern.")
                                   .arg(name)
                                   .arg(version)
                                   .arg(latest));
}

void printPending(QTextStream &out, const QString &name, int version,
                  const QVector<Migration> &pending)
{
    out << "The store " << name << " is at schema version " << version << "; " << pending.size()
        << " pending migration(s) would bring it to " << pending.constLast().version << ":\n";
    for (const Migration &migration : pending)
        out << "  " << QString::number(migration.version).rightJustified(4, QLatin1Char('0')) << ' '
            << migration.name << '\n';
}

} // namespace

Core::Result<StoreMaintenanceOptions> parseStoreMaintenanceOptions(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    QCommandLineParser parser;
    CommandSpecs::find(command).addOptionsTo(parser);
    if (!parser.parse(arguments))
        return Core::makeError(Core::ErrorCode::InvalidArgument, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return Core::makeError(
                Core::ErrorCode::InvalidArgument,
                QStringLiteral("bittern %1 takes no arguments besides its options.").arg(command));
    StoreMaintenanceOptions options;
    options.help = parser.isSet(QStringLiteral("help"));
    options.database = parser.optionNames().contains(QStringLiteral("db"))
            ? parser.value(QStringLiteral("db"))
            : QString();
    if (command != QLatin1String("migrate-store") && options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    options.dryRun = command == QLatin1String("migrate") && parser.isSet(QStringLiteral("dry-run"));
    if (command == QLatin1String("migrate-store"))
        options.from = parser.value(QStringLiteral("from"));
    if (command != QLatin1String("migrate"))
        options.to = parser.value(QStringLiteral("to"));
    if (options.help || command == QLatin1String("migrate"))
        return options;
    if (options.to.isEmpty()
        || (command == QLatin1String("migrate-store") && options.from.isEmpty()))
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               command == QLatin1String("backup")
                                       ? QStringLiteral("bittern backup needs --to FILE.")
                                       : QStringLiteral("bittern migrate-store needs --from STORE "
                                                        "and --to STORE."));
    return options;
}

int runMigrate(const QStringList &arguments)
{
    int exitCode = -1;
    const auto options = optionsOrExit(arguments, &exitCode);
    if (exitCode >= 0)
        return exitCode;
    // A dry run must not create an empty SQLite file.
    const auto store = StoreDatabase::open(options.value().database,
                                           options.value().dryRun ? StoreCreation::MustExist
                                                                  : StoreCreation::MayCreate);
    if (!store)
        return fail(QStringLiteral("migrate"), store.error());
    QSqlDatabase db = store.value()->database();
    const QVector<Migration> migrations = SchemaMigrator::builtinMigrations();
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    const Core::Result<int> before = SchemaMigrator::currentVersion(db);
    const auto pending = SchemaMigrator::pending(db, migrations);
    if (!before || !pending)
        return fail(QStringLiteral("migrate"), !before ? before.error() : pending.error());
    QTextStream out(stdout);
    const QString name = store.value()->displayName();
    if (before.value() > latest)
        return fail(QStringLiteral("migrate"), newerStoreError(name, before.value(), latest));
    if (pending.value().isEmpty()) {
        out << "The store " << name << " is at the latest schema version " << latest
            << "; nothing to do.\n";
        return int(ExitCode::Success);
    }
    if (options.value().dryRun) {
        printPending(out, name, before.value(), pending.value());
        return int(ExitCode::Success);
    }
    const Core::Result<int> after
            = SchemaMigrator::migrate(db, store.value()->dialect(), migrations);
    if (!after)
        return fail(QStringLiteral("migrate"), after.error());
    out << "Migrated the store " << name << " from schema version " << before.value() << " to "
        << after.value() << ".\n";
    return int(ExitCode::Success);
}

int runMigrateStore(const QStringList &arguments)
{
    int exitCode = -1;
    const auto options = optionsOrExit(arguments, &exitCode);
    if (exitCode >= 0)
        return exitCode;
    const QString command = QStringLiteral("migrate-store");
    const auto source = StoreDatabase::open(options.value().from, StoreCreation::MustExist);
    if (!source)
        return fail(command, source.error());
    const auto target = StoreDatabase::open(options.value().to, StoreCreation::MayCreate);
    if (!target)
        return fail(command, target.error());
    const auto copied = StoreCopier::copy(*source.value(), *target.value(),
                                          SchemaMigrator::builtinMigrations());
    if (!copied)
        return fail(command, copied.error());
    QTextStream out(stdout);
    for (const TableCopy &table : copied.value().tables)
        out << "  " << table.table.leftJustified(16) << ' ' << table.rows << " rows\n";
    out << "Copied " << copied.value().rows << " rows in " << copied.value().tables.size()
        << " tables from " << source.value()->displayName() << " (schema version "
        << copied.value().sourceVersion << ") to " << target.value()->displayName()
        << " (schema version " << copied.value().targetVersion << "); row counts verified.\n";
    return int(ExitCode::Success);
}

int runBackup(const QStringList &arguments)
{
    int exitCode = -1;
    const auto options = optionsOrExit(arguments, &exitCode);
    if (exitCode >= 0)
        return exitCode;
    const auto location = StoreLocation::parse(options.value().database);
    if (location && location.value().dialect != SqlDialect::Sqlite)
        return fail(QStringLiteral("backup"),
                    Core::makeError(Core::ErrorCode::InvalidArgument,
                                    QStringLiteral("bittern backup copies SQLite stores only; "
                                                   "back up %1 with pg_dump (docs/OPERATIONS.md).")
                                            .arg(location.value().displayName())));
    const auto summary = SqliteBackup::run(options.value().database, options.value().to);
    if (!summary)
        return fail(QStringLiteral("backup"), summary.error());
    QTextStream(stdout) << "Backed up the store " << location.value().displayName() << " to "
                        << options.value().to << " (" << summary.value().pages << " pages, "
                        << summary.value().bytes << " bytes; integrity check ok).\n";
    return int(ExitCode::Success);
}

} // namespace Bridge
