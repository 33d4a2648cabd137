// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/enums.h"

namespace Bridge {

/// One finding of BridgeConfig::read(), tied to a line of the INI data.
struct ConfigDiagnostic
{
    int line = 0; ///< 1-based; 0 when the finding concerns the whole file
    Core::Severity severity = Core::Severity::Error;
    QString message; ///< a complete sentence

    /// "FILE:LINE: error: message" (without ":LINE" when the line is 0).
    QString toString(const QString &fileName) const;
};

/// A `[ci NAME]` section: a CI server that `bittern push|run --ci NAME` stands for.
struct CiTargetConfig
{
    QString name;
    QString url; ///< jenkins+https://… or buildbot+http://… as --ci takes it
    QString credentialsFile; ///< credentials (Jenkins)
    QString folder; ///< folder (Jenkins push)
    QString jenkinsLibrary; ///< jenkins_library (Jenkins push)
    QString dataDir; ///< data_dir (Buildbot push)
    QString masterDir; ///< master_dir (Buildbot push)
    QString scheduler; ///< scheduler (Buildbot run); empty: the command's default
    qint64 timeoutSeconds = 0; ///< timeout; 0: the command's default

    /// The options of `bittern ACTION` (@p action "push" or "run") this target stands for, to be
    /// placed before the user's own options (which then win).
    QStringList arguments(const QString &action) const;
};

class BridgeConfigReading;

/**
 * The bridge's configuration file (`bittern serve --config FILE`, `bittern config check FILE`):
 * `[server]`, `[repository]`, Bitten's trac.ini `[bitten]` and `[notification]` options under
 * their old names, and `[ci NAME]` targets. read() is pure: it takes the bytes and reports every
 * bad line (unknown section or option, bad value) with its line number; options Bittern accepts
 * but does not implement are warnings. An empty value keeps the option's default; values are
 * taken as written (no `%(name)s` interpolation). Defaults match `bittern serve` without options.
 */
class BridgeConfig
{
public:
    // [server]
    QHostAddress address = QHostAddress::LocalHost; ///< listen = HOST:PORT
    quint16 port = 8080;
    QString publicUrl; ///< public_url
    QString database; ///< database; empty: $BITTERN_DB, else sqlite:bittern.db
    QString dataDir; ///< data_dir; empty: bittern-data in the working directory
    QString tlsCertificate; ///< tls_certificate (PEM file)
    QString tlsKey; ///< tls_key (PEM file)
    QString usersFile; ///< users_file: slave credentials
    QString apiTokensFile; ///< api_tokens_file; empty: $BITTERN_API_TOKENS
    qint64 matchInterval = 30; ///< match_interval: seconds between full matchmaking passes
    /// preempt_rank_margin: rank preemption (issue 8 item 5); unset: never
    std::optional<double> preemptRankMargin;
    // [repository]
    QString repository; ///< url: git:PATH, svn:URL or hg:PATH
    qint64 pollInterval = 60; ///< poll_interval
    // [bitten]
    qint64 slaveTimeout = 3600; ///< slave_timeout
    bool buildAll = false; ///< build_all
    qint64 stabilizeWait = 0; ///< stabilize_wait
    // [ci NAME]
    QVector<CiTargetConfig> ciTargets;

    /// Whether the file set @p option of @p section ("server", "listen").
    bool isSet(const QString &section, const QString &option) const;
    /// The target named @p name, or nullptr.
    const CiTargetConfig *ciTarget(const QString &name) const;

    /// Parses and validates INI data.
    static BridgeConfigReading read(const QByteArray &data);
    /// The file `bittern config check` reads without an argument.
    static QString defaultPath() { return QStringLiteral("/etc/bittern/bittern.ini"); }

private:
    friend class BridgeConfigParser;
    QSet<QString> m_given; ///< "section.option" of every option the file set
};

/// What BridgeConfig::read() found: the configuration and every error and warning, by line.
class BridgeConfigReading
{
public:
    BridgeConfig config;
    QVector<ConfigDiagnostic> diagnostics;

    bool hasErrors() const;
};

} // namespace Bridge
