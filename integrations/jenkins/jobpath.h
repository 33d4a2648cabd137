// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Jenkins {

/**
 * The location of a Jenkins item (job or folder) below the server root, built from its full
 * name "A/B". Knows how Jenkins spells it in URLs: "job/A/job/B/", each segment percent-encoded
 * on its own (jenkins-contract §2.5). Pure value type; the root is the empty path.
 */
class JobPath
{
public:
    JobPath() = default;
    /// "A/B" → job B in folder A. Empty segments ("A//B", leading or trailing '/') are dropped.
    static JobPath fromFullName(const QString &fullName);

    bool isRoot() const { return m_segments.isEmpty(); }
    QString fullName() const { return m_segments.join(QLatin1Char('/')); }
    /// The last segment: the item's own name ("" for the root).
    QString name() const;
    QStringList segments() const { return m_segments; }
    /// The folder holding this item (the root for a top-level item).
    JobPath parent() const;
    /// "job/A/job/B/" with each segment percent-encoded; "" for the root.
    QString urlPath() const;

    bool operator==(const JobPath &other) const { return m_segments == other.m_segments; }
    bool operator!=(const JobPath &other) const { return !(*this == other); }

private:
    QStringList m_segments;
};

} // namespace Jenkins
