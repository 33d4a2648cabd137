// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/storetypes.h"

namespace Bridge {

QChar statusCode(BuildStatus status)
{
    switch (status) {
    case BuildStatus::Pending:
        return QLatin1Char('P');
    case BuildStatus::InProgress:
        return QLatin1Char('I');
    case BuildStatus::Success:
        return QLatin1Char('S');
    case BuildStatus::Failure:
        return QLatin1Char('F');
    }
    return QLatin1Char('P');
}

QChar statusCode(StepStatus status)
{
    switch (status) {
    case StepStatus::InProgress:
        return QLatin1Char('I');
    case StepStatus::Success:
        return QLatin1Char('S');
    case StepStatus::Failure:
        return QLatin1Char('F');
    }
    return QLatin1Char('I');
}

BuildStatus buildStatusFromCode(QChar code)
{
    if (code == QLatin1Char('I'))
        return BuildStatus::InProgress;
    if (code == QLatin1Char('S'))
        return BuildStatus::Success;
    if (code == QLatin1Char('F'))
        return BuildStatus::Failure;
    return BuildStatus::Pending;
}

StepStatus stepStatusFromCode(QChar code)
{
    if (code == QLatin1Char('S'))
        return StepStatus::Success;
    if (code == QLatin1Char('F'))
        return StepStatus::Failure;
    return StepStatus::InProgress;
}

QString SlaveInfo::value(const QString &property) const
{
    for (const auto &pair : properties) {
        if (pair.first == property)
            return pair.second;
    }
    return QString();
}

void SlaveInfo::set(const QString &property, const QString &value)
{
    for (auto &pair : properties) {
        if (pair.first == property) {
            pair.second = value;
            return;
        }
    }
    properties.append({property, value});
}

} // namespace Bridge
