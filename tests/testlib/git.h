// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace TestLib {

/// Runs git in @p dir as "Test <test@example.org>", with author and committer dates set to
/// @p time (Unix seconds) unless it is 0, so that commits made by tests are reproducible.
/// False when git cannot be run or fails.
bool runGit(const QString &dir, const QStringList &arguments, qint64 time = 0);

} // namespace TestLib
