// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/agentindex.h"

#include <cstring>

namespace Bridge {

void AgentIndex::reset(const QVector<Core::ClassAd> &ads)
{
    m_ads = ads;
    m_columns.clear();
}

uint qHash(const AgentIndex::Key &key, uint seed)
{
    return ::qHash(key.number, seed) ^ ::qHash(key.text, seed) ^ uint(key.kind)
            ^ (uint(key.type) << 4);
}

AgentIndex::Key AgentIndex::valueKey(int slot, const QString &name) const
{
    using Type = Core::ClassAdType;
    Key key;
    const Core::ClassAdExpressionPtr expression = m_ads.at(slot).lookup(name);
    if (!expression)
        return key;
    if (expression->kind != Core::ClassAdExpression::Kind::Literal) {
        // An expression may read anything: the agent is its own group.
        key.kind = Key::Kind::Expression;
        key.number = slot;
        return key;
    }
    const Core::ClassAdValue &value = expression->value;
    key.kind = Key::Kind::Literal;
    key.type = value.type();
    switch (value.type()) {
    case Type::Boolean:
    case Type::Integer:
        key.number = value.toInteger();
        break;
    case Type::Real: {
        const double real = value.toReal();
        std::memcpy(&key.number, &real, sizeof real);
        break;
    }
    case Type::String:
        key.text = value.toStringValue();
        break;
    case Type::List:
        key.text = value.toString();
        break;
    case Type::Undefined:
    case Type::Error:
        break;
    }
    return key;
}

void AgentIndex::place(Column *column, int slot, const Key &key)
{
    auto it = column->ids.find(key);
    if (it == column->ids.end()) {
        it = column->ids.insert(key, column->groups.size());
        column->groups.append(Group{-1, AgentSet(m_ads.size())});
    }
    Group &group = column->groups[it.value()];
    group.members.insert(slot);
    if (key.kind == Key::Kind::Expression)
        column->computed.insert(slot);
    else
        column->computed.remove(slot);
    if (group.representative < 0)
        group.representative = slot;
    column->groupOf[slot] = it.value();
}

void AgentIndex::update(int slot, const Core::ClassAd &ad)
{
    m_ads[slot] = ad;
    for (auto it = m_columns.begin(); it != m_columns.end(); ++it) {
        Column &column = it.value();
        Group &old = column.groups[column.groupOf.at(slot)];
        old.members.remove(slot);
        if (old.representative == slot)
            old.representative = old.members.next(0);
        place(&column, slot, valueKey(slot, it.key()));
    }
}

AgentIndex::Column &AgentIndex::column(const QString &name)
{
    auto it = m_columns.find(name);
    if (it == m_columns.end()) {
        it = m_columns.insert(name, Column());
        it->groupOf.resize(m_ads.size());
        it->computed = AgentSet(m_ads.size());
        for (int slot = 0; slot < m_ads.size(); ++slot)
            place(&it.value(), slot, valueKey(slot, name));
    }
    return it.value();
}

const QVector<AgentIndex::Group> &AgentIndex::groups(const QString &name)
{
    return column(name).groups;
}

const AgentSet &AgentIndex::computed(const QString &name)
{
    return column(name).computed;
}

} // namespace Bridge
