// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QString>

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/store/storetypes.h"
#include "core/result.h"

namespace Bridge {

class MatchService;
class Store;

/// What the Bitten protocol controllers share: the store, the master clock and settings.
struct ProtocolContext
{
    /// Picks and assigns a pending build to a polling slave (bitten-spec §7.3); nullopt: none.
    /// Empty: ClassAd matchmaking (matchService), Bitten rules case-insensitive as 0.6.1.
    using Assigner = std::function<Core::Result<std::optional<Build>>(const SlaveInfo &slave)>;
    /// Fills the queue before a poll is answered (§7.2); may be empty.
    using Populator = std::function<void()>;

    Store *store = nullptr;
    std::function<qint64()> clock; ///< Unix seconds; injectable for tests
    qint64 slaveTimeout = 3600; ///< §5.9; 0 disables orphan resets
    bool buildAll = false; ///< [bitten] build_all: older pending builds are kept (§7.3 step 3)
    QString attachmentDir; ///< where uploaded attachment bytes are kept
    qint64 maxAttachmentBytes = 32 * 1024 * 1024;
    QString publicUrl; ///< e.g. "http://ci.example.org:8080"; empty: from the Host header
    Assigner assign;
    /// The bridge's matchmaker (issue 8); null: each poll is matched by a fresh MatchService
    /// without reservations. Used when assign is empty.
    MatchService *matchService = nullptr;
    Populator populate;
    /// Preemption (issue 8 item 5, VacateRequest): a reason when the agent running the build
    /// should give it back (e.g. a much better-ranked build waits); nullopt: keep running.
    /// Asked on every keepalive and step post; empty: never.
    using VacateCheck = std::function<std::optional<QString>(qint64 build)>;
    VacateCheck vacateCheck;

    qint64 now() const;
    /// publicUrl (or http(s)://HOST from the request) followed by @p path.
    QString absoluteUrl(const Request &request, const QString &path) const;
    /// The HTTP answer to a store error: NotFound 404, Conflict 409, InvalidInput 403,
    /// anything else 500; the body is the error's message (bitten-spec §5.1).
    static Response errorResponse(const Core::Error &error);
};

} // namespace Bridge
