// SPDX-License-Identifier: GPL-3.0-or-later
// Store seeding and scripts shared by the tests that run real `bittern serve` and
// `bittern-agent poll` processes (tst_preemption, tst_rankpreemption, tst_faulttolerance).
#pragma once

#include <memory>

#include <QByteArray>
#include <QString>

#include "bridge/store/sqlstore.h"
#include "tests/testlib/bridgeharness.h"

/// Opens, creating it if needed, the store at @p location; null (with a warning) on failure.
std::unique_ptr<Bridge::SqlStore> openStore(const QString &location);

/// Queues @p count builds of @p recipe into the store at @p location, each of its own active
/// configuration "demoN" with one platform "any". One configuration per build because Bitten
/// (build_all off) drops a pending build once a newer revision of its configuration is queued.
bool seedBuilds(const QString &location, const QByteArray &recipe, int count);

/// Writes @p bridge's "wait.sh", for a recipe step `sh DIR/wait.sh`: it writes its process id
/// to "wait.pid", waits until the test creates "marker", then runs @p then. It lives outside
/// the recipe because the agent would interpolate its $ signs.
bool writeWaitScript(const TestLib::BridgeHarness &bridge, const QByteArray &then = {});
