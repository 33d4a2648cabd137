// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/commandregistry.h"

namespace Agent {

void CommandRegistry::add(Core::CommandId id, CommandFunction function)
{
    m_builtin.insert(int(id), std::move(function));
}

void CommandRegistry::addThirdParty(const QString &generator, CommandFunction function)
{
    m_thirdParty.insert(generator, std::move(function));
}

const CommandFunction *CommandRegistry::find(const Core::RecipeCommand &command) const
{
    if (command.id != Core::CommandId::Unknown) {
        const auto it = m_builtin.constFind(int(command.id));
        return it == m_builtin.constEnd() ? nullptr : &it.value();
    }
    const auto it = m_thirdParty.constFind(command.generator());
    if (it != m_thirdParty.constEnd())
        return &it.value();
    if (command.namespaceUri.isEmpty())
        return nullptr;
    const auto ns = m_thirdPartyNamespaces.constFind(command.namespaceUri);
    return ns == m_thirdPartyNamespaces.constEnd() ? nullptr : &ns.value();
}

void CommandRegistry::addThirdPartyNamespace(const QString &namespaceUri, CommandFunction function)
{
    m_thirdPartyNamespaces.insert(namespaceUri, std::move(function));
}

} // namespace Agent
