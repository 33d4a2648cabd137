// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Logging categories of the bridge (HOUSE-STYLE rule 15). Add one line per subsystem.
Q_DECLARE_LOGGING_CATEGORY(lcBridgeHttp)
Q_DECLARE_LOGGING_CATEGORY(lcBridgeProtocol)
