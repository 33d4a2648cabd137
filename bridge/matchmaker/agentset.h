// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>

namespace Bridge {

/**
 * A set of agent slots as a bit vector: the matchmaker narrows a build's candidates with one
 * AND per requirement clause instead of evaluating every agent (condor-matchmaking §1.13).
 */
class AgentSet
{
public:
    AgentSet() = default;
    /// @p size slots, all absent (or all present with Fill::All).
    enum class Fill {
        None,
        All,
    };
    explicit AgentSet(int size, Fill fill = Fill::None);

    int size() const { return m_size; }
    bool contains(int slot) const { return (m_words.at(slot >> 6) >> (slot & 63)) & 1U; }
    void insert(int slot) { m_words[slot >> 6] |= quint64(1) << (slot & 63); }
    void remove(int slot) { m_words[slot >> 6] &= ~(quint64(1) << (slot & 63)); }
    bool isEmpty() const;
    int count() const;
    /// The lowest slot at or after @p from in this set and in @p other, or -1.
    int firstCommon(const AgentSet &other, int from = 0) const;
    /// The lowest slot at or after @p from, or -1.
    int next(int from) const;

    AgentSet &operator&=(const AgentSet &other);
    AgentSet &operator|=(const AgentSet &other);
    /// Removes the slots of @p other.
    void subtract(const AgentSet &other);

private:
    void clearPadding();

    QVector<quint64> m_words;
    int m_size = 0;
};

} // namespace Bridge
