// SPDX-License-Identifier: GPL-3.0-or-later
// Store and service steps the MatchService tests share (tst_matchservice,
// tst_matchserviceevents).
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "bridge/matchmaker/matchservice.h"
#include "bridge/store/store.h"

/// Saves an active configuration per name in @p names (path = the name, a one-step recipe).
bool addConfigurations(Bridge::Store &store, const QStringList &names);
/// Queues a build of @p config on @p platform; its id, 0 when the store refused it.
qint64 queueBuild(Bridge::Store &store, const QString &config, qint64 platform,
                  const QString &revision, qint64 revisionTime);
/// The build @p service assigns to @p slave polling with @p ad; nullopt when there is none or
/// the poll failed (with a warning).
std::optional<Bridge::Build> assignedBuild(Bridge::MatchService &service,
                                           const Bridge::SlaveInfo &slave,
                                           const std::optional<Core::ClassAd> &ad);
