// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/logging.h"

Q_LOGGING_CATEGORY(lcJenkins, "bittern.jenkins", QtWarningMsg)
