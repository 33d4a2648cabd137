// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QString>

#include "bridge/store/storetypes.h"
#include "core/classad.h"
#include "core/jobad.h"
#include "core/result.h"

namespace Bridge {

class Store;

/// What the store knows about configurations and platforms, read once per matching round.
struct MatchCatalog
{
    QHash<QString, Configuration> configurations; ///< by name
    QHash<qint64, TargetPlatform> platforms; ///< by id
    MatchPolicies policies;
};

/**
 * The ads the matchmaker reads, made from what the bridge's store keeps (issue 8): a queued
 * build's job ad from its configuration's and target platform's requirements and rank plus the
 * platform's Bitten rules (Core::JobAd, rules case-insensitive as Bitten 0.6.1), and a polling
 * agent's machine ad from the ad it sent with the registration's properties (Bitten's, plus
 * `ipnr`, which only the master sees) written over it, or, for a plain Bitten slave, from its
 * properties alone (MachineAd::fromProperties).
 * `bittern serve` (MatchService) and `bittern why --db` share it, so both see the same ads.
 */
class StoreAds
{
public:
    static Core::Result<MatchCatalog> loadCatalog(Store &store);
    /// The job description of @p build; its platform's name is empty when the platform is gone.
    static Core::JobDescription describe(const Build &build, const MatchCatalog &catalog);
    static Core::Result<Core::ClassAd> jobAd(const Build &build, const MatchCatalog &catalog);

    /// The ad of a polling agent: @p own (sent with the poll) with the registration properties
    /// written over it, or, when absent, one built from them. Name is always the slave's name;
    /// the session token is left out.
    static Core::ClassAd machineAd(const SlaveInfo &slave, const std::optional<Core::ClassAd> &own);
    /// The same from a stored agent row and its stored ad text (empty: none); an unreadable
    /// stored ad counts as none.
    static Core::ClassAd machineAd(const Agent &agent, const QString &adText);
};

} // namespace Bridge
