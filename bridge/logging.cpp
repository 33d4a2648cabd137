// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/logging.h"

Q_LOGGING_CATEGORY(lcBridgeHttp, "bittern.bridge.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcBridgeProtocol, "bittern.bridge.protocol", QtWarningMsg)
