// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

#include "recipe-translator/enums.h"
#include "recipe-translator/plan.h"

namespace Translator {

/// What the audit says about the run as a whole.
struct AuditContext
{
    QVector<Target> targets; ///< empty: the audit alone
    StrategyChoice strategy = StrategyChoice::Auto;
    PartialPolicy partial = PartialPolicy::FailUnsupported;
};

/**
 * Writes the audit of a set of plans, in Markdown for people and JSON (schema
 * `bittern.audit/1`) for tools: per configuration converted / partial / unsupported, per step
 * and command native / agent / manual with the reason and FILE:LINE:COL, and third-party
 * commands as manual tasks with their attributes.
 */
class AuditWriter
{
public:
    static QByteArray markdown(const QVector<ConfigurationPlan> &plans,
                               const AuditContext &context);
    static QByteArray json(const QVector<ConfigurationPlan> &plans, const AuditContext &context);

private:
    static QJsonObject configurationObject(const ConfigurationPlan &plan);
    static QString markdownConfiguration(const ConfigurationPlan &plan);
};

} // namespace Translator
