// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include "core/recipe.h"
#include "core/report.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The un-namespaced commands (bitten-spec §4.1): <report> sends an XML file as a report of
 * any category; <attach> records a file to attach to the build or configuration.
 */
class BuiltinTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> report(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> attach(StepContext &context, const Core::RecipeCommand &command);

    /// Bitten's generic report transformation: root children become items, grandchildren
    /// become fields holding their text. An error carries the XML parser's message.
    static Core::Result<Core::Report> parseReport(const QString &category, const QByteArray &xml);
};

} // namespace Agent
