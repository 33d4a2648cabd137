// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcCoreRecipe, "bittern.core.recipe", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCoreReport, "bittern.core.report", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCoreProperties, "bittern.core.properties", QtWarningMsg)
