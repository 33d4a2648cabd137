// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include "integrations/buildbot/builderdatawriter.h"
#include "recipe-translator/plan.h"

namespace Translator {

/**
 * Turns a plan into the Buildbot data file: one builder per target platform with its rules
 * (the plugin matches workers), the steps with the onerror flags of buildbot-notes.md §4.0.
 */
class BuildbotExport
{
public:
    static Buildbot::BuilderData builderData(const ConfigurationPlan &plan);
    static QByteArray write(const ConfigurationPlan &plan);
};

} // namespace Translator
