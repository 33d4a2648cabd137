// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QVector>

#include "bridge/matchmaker/agentset.h"
#include "core/classad.h"

namespace Bridge {

/**
 * Groups agent slots by the value of one attribute, per attribute asked for ("columns", built
 * on first use and kept up to date). A clause that reads one agent attribute then needs one
 * evaluation per distinct value instead of one per agent. Agents whose attribute is an
 * expression rather than a literal get a group of their own; agents without it share one.
 */
class AgentIndex
{
public:
    struct Group
    {
        int representative = -1; ///< a member slot, -1 when the group is empty
        AgentSet members;
    };

    /// Forgets all columns; @p ads are the agents by slot.
    void reset(const QVector<Core::ClassAd> &ads);
    /// Slot @p slot's ad changed.
    void update(int slot, const Core::ClassAd &ad);
    int size() const { return m_ads.size(); }
    const Core::ClassAd &ad(int slot) const { return m_ads.at(slot); }

    /// The groups of the attribute @p name (lower-case); some may be empty.
    const QVector<Group> &groups(const QString &name);
    /// Agents whose attribute @p name is an expression, not a literal: its value may depend
    /// on the build, so results for them are never shared between builds.
    const AgentSet &computed(const QString &name);

    /// What puts two agents in one group: the same literal, both absent, or the same slot.
    struct Key
    {
        enum class Kind {
            Absent,
            Literal,
            Expression, ///< not a literal: a group of its own (slot)
        };
        Kind kind = Kind::Absent;
        Core::ClassAdType type = Core::ClassAdType::Undefined;
        qint64 number = 0; ///< integer, boolean, real bits or slot
        QString text; ///< string value, or a list's literal text
        bool operator==(const Key &other) const
        {
            return kind == other.kind && type == other.type && number == other.number
                    && text == other.text;
        }
    };

private:
    struct Column
    {
        QVector<int> groupOf; ///< by slot
        QHash<Key, int> ids; ///< value -> group
        QVector<Group> groups;
        AgentSet computed;
    };

    Column &column(const QString &name);

    Key valueKey(int slot, const QString &name) const;
    void place(Column *column, int slot, const Key &key);

    QVector<Core::ClassAd> m_ads;
    QHash<QString, Column> m_columns;
};

uint qHash(const AgentIndex::Key &key, uint seed = 0);

} // namespace Bridge
