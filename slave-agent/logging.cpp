// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/logging.h"

Q_LOGGING_CATEGORY(lcAgentProcess, "bittern.agent.process", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAgentRunner, "bittern.agent.runner", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAgentCommands, "bittern.agent.commands", QtWarningMsg)
