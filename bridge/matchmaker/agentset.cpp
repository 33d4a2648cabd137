// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/agentset.h"

namespace Bridge {

AgentSet::AgentSet(int size, Fill fill)
    : m_words((size + 63) / 64, fill == Fill::All ? ~quint64(0) : quint64(0)), m_size(size)
{
    clearPadding();
}

void AgentSet::clearPadding()
{
    if (m_size % 64 != 0 && !m_words.isEmpty())
        m_words.last() &= (quint64(1) << (m_size % 64)) - 1;
}

bool AgentSet::isEmpty() const
{
    for (const quint64 word : m_words) {
        if (word != 0)
            return false;
    }
    return true;
}

int AgentSet::count() const
{
    int total = 0;
    for (const quint64 word : m_words)
        total += __builtin_popcountll(word);
    return total;
}

int AgentSet::firstCommon(const AgentSet &other, int from) const
{
    if (from >= m_size)
        return -1;
    int index = from >> 6;
    quint64 word = m_words.at(index) & other.m_words.at(index) & (~quint64(0) << (from & 63));
    while (word == 0) {
        if (++index >= m_words.size())
            return -1;
        word = m_words.at(index) & other.m_words.at(index);
    }
    return index * 64 + __builtin_ctzll(word);
}

int AgentSet::next(int from) const
{
    return firstCommon(*this, from);
}

AgentSet &AgentSet::operator&=(const AgentSet &other)
{
    for (int i = 0; i < m_words.size(); ++i)
        m_words[i] &= other.m_words.at(i);
    return *this;
}

AgentSet &AgentSet::operator|=(const AgentSet &other)
{
    for (int i = 0; i < m_words.size(); ++i)
        m_words[i] |= other.m_words.at(i);
    return *this;
}

void AgentSet::subtract(const AgentSet &other)
{
    for (int i = 0; i < m_words.size(); ++i)
        m_words[i] &= ~other.m_words.at(i);
}

} // namespace Bridge
