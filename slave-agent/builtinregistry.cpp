// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/commandregistry.h"

#include "slave-agent/builtintools.h"
#include "slave-agent/ctools.h"
#include "slave-agent/hgtools.h"
#include "slave-agent/javatools.h"
#include "slave-agent/monotools.h"
#include "slave-agent/phptools.h"
#include "slave-agent/pythontools.h"
#include "slave-agent/shtools.h"
#include "slave-agent/svntools.h"
#include "slave-agent/xmltools.h"

namespace Agent {

CommandRegistry CommandRegistry::builtin()
{
    CommandRegistry registry;
    BuiltinTools::registerCommands(registry);
    ShTools::registerCommands(registry);
    CTools::registerCommands(registry);
    SvnTools::registerCommands(registry);
    HgTools::registerCommands(registry);
    JavaTools::registerCommands(registry);
    MonoTools::registerCommands(registry);
    PhpTools::registerCommands(registry);
    PythonTools::registerCommands(registry);
    XmlTools::registerCommands(registry);
    return registry;
}

} // namespace Agent
