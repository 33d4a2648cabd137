// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/logging.h"

Q_LOGGING_CATEGORY(lcBuildbot, "bittern.buildbot", QtWarningMsg)
