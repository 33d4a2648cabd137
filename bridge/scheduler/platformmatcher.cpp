// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/scheduler/platformmatcher.h"

#include <QRegularExpression>

namespace Bridge {

bool PlatformMatcher::matchesPattern(const QString &pattern, const QString &value,
                                     Qt::CaseSensitivity sensitivity)
{
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (sensitivity == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    const QRegularExpression regex(pattern, options);
    if (!regex.isValid())
        return false;
    return regex
            .match(value, 0, QRegularExpression::NormalMatch,
                   QRegularExpression::AnchoredMatchOption)
            .hasMatch();
}

bool PlatformMatcher::matches(const TargetPlatform &platform, const SlaveInfo &slave,
                              Qt::CaseSensitivity sensitivity)
{
    for (const PlatformRule &rule : platform.rules) {
        const QString value = slave.value(rule.property);
        if (value.isEmpty() || !matchesPattern(rule.pattern, value, sensitivity))
            return false;
    }
    return true;
}

QVector<qint64> PlatformMatcher::matching(const QVector<TargetPlatform> &platforms,
                                          const SlaveInfo &slave, Qt::CaseSensitivity sensitivity)
{
    QVector<qint64> ids;
    for (const TargetPlatform &platform : platforms) {
        if (matches(platform, slave, sensitivity))
            ids += platform.id;
    }
    return ids;
}

} // namespace Bridge
