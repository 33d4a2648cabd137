// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/logging.h"

Q_LOGGING_CATEGORY(lcTranslator, "bittern.translator", QtWarningMsg)
