// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include "bridge/store/schemamigrator.h"
#include "bridge/store/store.h"

namespace Bridge {

class StepSequence;

/// Where a store lives, parsed from `--db`: "sqlite:PATH", a plain PATH, ":memory:", or
/// "postgresql://USER:PASSWORD@HOST:PORT/DATABASE" (also "postgres://").
struct StoreLocation
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString path; ///< SQLite file, or ":memory:"
    QString host;
    int port = 0;
    QString user;
    QString password;
    QString database;

    /// Parses a --db value (pure); an empty or unusable value is an InvalidArgument error.
    static Core::Result<StoreLocation> parse(const QString &text);
    /// The location for messages, without the password.
    QString displayName() const;
};

/**
 * The Store on QtSql: a SQLite file in WAL mode (the default) or PostgreSQL, with one schema
 * brought up to date by SchemaMigrator on open. Each instance owns a uniquely named QtSql
 * connection, removed on destruction; use an instance from one thread only. Log messages are
 * stored in chunks of lines, so a huge log is never loaded whole.
 */
class SqlStore final : public Store
{
public:
    /// Opens (creating if needed) and migrates the store at @p location.
    static Core::Result<std::unique_ptr<SqlStore>> open(const QString &location,
                                                        const QVector<Migration> &migrations
                                                        = SchemaMigrator::builtinMigrations());
    ~SqlStore() override;
    Q_DISABLE_COPY_MOVE(SqlStore)

    SqlDialect dialect() const { return m_dialect; }
    QString displayName() const { return m_displayName; }
    /// Lines per stored log chunk.
    static constexpr int logChunkLines = 500;

    Core::Result<int> schemaVersion() override;
    Core::Result<QVector<Configuration>> configurations() override;
    Core::Result<Configuration> configuration(const QString &name) override;
    Core::Result<void> saveConfiguration(const Configuration &config) override;
    Core::Result<void> removeConfiguration(const QString &name) override;
    Core::Result<QVector<TargetPlatform>> platforms(const QString &config) override;
    Core::Result<qint64> savePlatform(const TargetPlatform &platform) override;
    Core::Result<void> removePlatform(qint64 id) override;

    Core::Result<qint64> enqueueBuild(const Build &build) override;
    Core::Result<std::optional<Build>> findBuild(const QString &config, const QString &revision,
                                                 qint64 platform) override;
    Core::Result<QVector<Build>> pendingBuilds() override;
    Core::Result<QStringList> removeBuild(qint64 id) override;
    Core::Result<OrphanReset> resetOrphanedBuilds(qint64 now, qint64 slaveTimeout) override;

    Core::Result<Build> assignBuild(qint64 id, const SlaveInfo &slave, qint64 now) override;
    Core::Result<BuildStart> startBuild(qint64 id, const QString &token, qint64 now) override;
    Core::Result<StepOutcome> storeStepResult(qint64 id, const QString &token,
                                              const Core::StepResult &result, qint64 now) override;
    Core::Result<void> keepalive(qint64 id, const QString &token, qint64 now) override;
    Core::Result<QStringList> cancelBuild(qint64 id, const QString &token) override;
    // Preemption (sqlstorepreemption.cpp).
    Core::Result<int> preemptBuild(qint64 id, const QString &token, const QString &step) override;
    Core::Result<QStringList> resumeBuild(qint64 id, const QString &token, qint64 now) override;
    Core::Result<qint64> addAttachment(const Attachment &attachment) override;
    Core::Result<QVector<Attachment>> attachments(const QString &config, qint64 build) override;

    Core::Result<BuildPage> builds(const BuildQuery &query) override;
    Core::Result<Build> build(qint64 id) override;
    Core::Result<BuildDetail> buildDetail(qint64 id) override;
    Core::Result<QVector<Core::LogMessage>> logMessages(qint64 logId, qint64 offset,
                                                        qint64 limit) override;
    Core::Result<QVector<MetricPoint>> metrics(const QString &config) override;

    Core::Result<void> saveAgent(const Agent &agent) override;
    Core::Result<QVector<Agent>> agents() override;
    Core::Result<void> saveCiTarget(const CiTarget &target) override;
    Core::Result<QVector<CiTarget>> ciTargets() override;
    Core::Result<qint64> saveCiJob(const CiJob &job) override;
    Core::Result<QVector<CiJob>> ciJobs(const QString &target) override;
    Core::Result<BuildRequest> requestBuild(const BuildRequest &request) override;
    Core::Result<QVector<BuildRequest>> buildRequests(qint64 offset, qint64 limit) override;
    Core::Result<LogRecord> logRecord(qint64 logId) override;

    Core::Result<bool> importBuild(const ImportedBuild &build) override;
    Core::Result<qint64> recordCiBuild(const CiBuildRecord &record) override;

    // Matchmaking (sqlstorematch.cpp).
    Core::Result<void> setConfigurationMatch(const QString &config,
                                             const MatchExpressions &expressions) override;
    Core::Result<void> setPlatformMatch(qint64 platform,
                                        const MatchExpressions &expressions) override;
    Core::Result<MatchPolicies> matchPolicies() override;
    Core::Result<void> setConfigurationSetupSteps(const QString &config,
                                                  const QStringList &steps) override;
    Core::Result<void> saveMachineAd(const QString &agent, const QString &ad) override;
    Core::Result<QHash<QString, QString>> machineAds() override;
    Core::Result<StoreGenerations> generations() override;
    Core::Result<QVector<Build>> pendingBuildsAfter(qint64 id) override;

private:
    /**
     * A statement returned by exec(): a QSqlQuery sharing a prepared statement of the cache.
     * When it goes out of scope the statement is reset (finish()), never finalized, so a
     * partly read SELECT keeps no SQLite read transaction open and the next exec() of the same
     * SQL text reuses the prepared statement. Move-only; read it before it is destroyed.
     */
    class Query : public QSqlQuery
    {
    public:
        Query(const QSqlQuery &query, bool *lent) : QSqlQuery(query), m_lent(lent) { }
        Query(Query &&other) noexcept
            : QSqlQuery(other), m_lent(std::exchange(other.m_lent, nullptr))
        { }
        Query(const Query &) = delete;
        Query &operator=(const Query &) = delete;
        Query &operator=(Query &&) = delete;
        ~Query()
        {
            if (m_lent) {
                finish();
                *m_lent = false;
            }
        }

    private:
        bool *m_lent; ///< the cache entry's "in use" flag, or null once moved from
    };
    /// A prepared statement of the cache and whether an exec() result still uses it.
    struct CachedStatement
    {
        QSqlQuery query;
        bool lent = false;
    };

    SqlStore(const QString &connection, SqlDialect dialect, const QString &displayName);

    QSqlDatabase database() const;
    // Statement helpers (sqlstore.cpp). exec() prepares each SQL text once per connection and
    // reuses it; a statement still in use (the same SQL text nested) is prepared anew.
    Core::Result<Query> exec(const QString &sql, const QVariantList &values = {});
    Core::Result<Query> execUncached(const QString &sql, const QVariantList &values);
    Core::Result<Query> bindAndRun(Query &query, const QString &sql, const QVariantList &values);
    /// Drops every cached statement; call before the connection is closed or reopened.
    void clearStatementCache();
    /// Drops the cached statements no exec() result uses (the cache is full).
    void dropIdleStatements();
    /// Distinct SQL texts kept prepared; generated statements (batched inserts, filters) vary.
    static constexpr size_t maxCachedStatements = 256;
    Core::Result<qint64> insert(const QString &sql, const QVariantList &values);
    Core::Result<void> run(const QString &sql, const QVariantList &values = {});
    Core::Result<void> runTransaction(const std::function<Core::Result<void>()> &work);
    template<typename T>
    Core::Result<T> transaction(const std::function<Core::Result<T>()> &work);
    Core::Error sqlError(const QString &what, const QString &cause) const;
    /// Counts a successful write of @p sql in m_generations (sqlstorematch.cpp).
    void noteWrite(const QString &sql, const QSqlQuery &query);

    // Row loaders and writers shared by several operations (sqlstorerows.cpp).
    Core::Result<Build> loadBuild(qint64 id);
    Core::Result<SlaveInfo> loadSlave(qint64 build);
    Core::Result<void> saveSlave(qint64 build, const SlaveInfo &slave);
    Core::Result<void> checkToken(qint64 build, const QString &token);
    /// The build, when @p token is the one its slave was given (else a Conflict error).
    Core::Result<Build> loadOwnedBuild(qint64 id, const QString &token);
    /// Pending builds in Bitten's order (newest revision first), restricted by @p condition
    /// (" AND …" with `?` placeholders for @p values; empty: all).
    Core::Result<QVector<Build>> pendingBuildsWhere(const QString &condition,
                                                    const QVariantList &values);
    /// Nothing, or NotFound when no configuration is named @p config.
    Core::Result<void> requireConfiguration(const QString &config);
    /// The steps of @p config's recipe, in order.
    Core::Result<StepSequence> stepSequence(const Configuration &config);
    Core::Result<QStringList> deleteBuildData(qint64 build);
    Core::Result<void> resetToPending(qint64 build);
    Core::Result<void> insertStep(const BuildStep &step, int orderNumber);
    Core::Result<void> insertLog(const LogRecord &log,
                                 const QVector<QPair<QString, QString>> &messages);
    Core::Result<void> insertReports(qint64 build, const QString &step,
                                     const QVector<Core::Report> &reports);
    Core::Result<void> insertReportItems(qint64 report, const QVector<Core::ReportItem> &items);
    Core::Result<void> insertReportItemsBatched(qint64 report,
                                                const QVector<Core::ReportItem> &items);
    Core::Result<void> addMetrics(qint64 build, const QVector<Core::Report> &reports);
    Core::Result<QVector<TargetPlatform>> loadPlatforms(const QString &where,
                                                        const QVariantList &values);
    Core::Result<QVector<ReportRecord>> loadReports(qint64 build);
    Core::Result<void> storeStepData(qint64 id, const Core::StepResult &result);
    Core::Result<StepOutcome> advance(const Build &build, const Core::StepResult &result,
                                      qint64 now);
    Core::Result<BuildDetail> loadDetail(qint64 id);
    Core::Result<qint64> queueBuild(const Build &build);
    Core::Result<qint64> insertImportedBuild(const ImportedBuild &imported);
    Core::Result<void> updateCiBuild(qint64 id, const CiBuildRecord &record);
    Core::Result<void> saveCiMetrics(qint64 id, const CiBuildRecord &record);

    QString m_connection;
    /// Prepared statements by SQL text; nodes never move, so Query may point at `lent`.
    std::unordered_map<QString, std::unique_ptr<CachedStatement>> m_statements;
    SqlDialect m_dialect;
    QString m_displayName;
    StoreGenerations m_generations; ///< this connection's own writes, and others' seen
    qint64 m_dataVersion = -1; ///< SQLite's PRAGMA data_version when last asked
};

template<typename T>
inline Core::Result<T> SqlStore::transaction(const std::function<Core::Result<T>()> &work)
{
    std::optional<Core::Result<T>> outcome;
    const Core::Result<void> done = runTransaction([&]() -> Core::Result<void> {
        outcome.emplace(work());
        if (!*outcome)
            return outcome->error();
        return {};
    });
    if (!done)
        return done.error();
    return std::move(*outcome);
}

} // namespace Bridge
