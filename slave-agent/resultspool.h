// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "core/result.h"

namespace Agent {

/// One undelivered request: where to POST it and what.
struct SpoolEntry
{
    QString file; ///< the spool file holding it
    QString url;
    QByteArray contentType;
    QByteArray body;
};

/**
 * A first-in, first-out queue of requests for the master on disk (one file per entry, named by
 * a growing sequence number), so step results survive while the master is unreachable and go
 * out once, in order, when it returns. Entries are written atomically (QSaveFile).
 */
class ResultSpool
{
public:
    explicit ResultSpool(const QString &directory);

    /// Creates the directory; discards entries left by an earlier process (their session is
    /// gone) and returns how many were discarded.
    Core::Result<int> open();
    Core::Result<void> append(const QString &url, const QByteArray &contentType,
                              const QByteArray &body);
    /// The oldest entry, if any.
    Core::Result<std::optional<SpoolEntry>> first() const;
    Core::Result<void> remove(const SpoolEntry &entry);
    int size() const;
    QString directory() const { return m_directory; }

private:
    QStringList entryFiles() const;

    QString m_directory;
    qint64 m_next = 1;
};

} // namespace Agent
